import type { Category, Link } from '../schemas';

export type SortOrder = 'page' | 'oldest' | 'newest' | 'domain';

export interface Filters {
  query: string;
  /** Groups shown; the others are hidden entirely. */
  groups: ReadonlySet<Category>;
  /** Registrable domains to keep; empty keeps all. */
  domains: ReadonlySet<string>;
  sort: SortOrder;
  /** Only links inside the reader's selection. */
  selection?: boolean;
}

/** The groups in the order the popup shows them. */
export const GROUP_ORDER: readonly Category[] = ['primary', 'self', 'media', 'other'];
export const ALL_GROUPS: ReadonlySet<Category> = new Set(['primary', 'self', 'media', 'other']);
export const CITED_GROUPS: ReadonlySet<Category> = new Set(['primary', 'self', 'media']);

function matches(link: Link, words: string[]): boolean {
  if (!words.length) return true;
  const hay =
    `${link.text} ${link.url} ${link.displayHost} ${link.domain} ${link.context} ${link.kind}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

const byDate = (a: Link, b: Link) => {
  if (!a.date) return b.date ? 1 : a.position - b.position;
  if (!b.date) return -1;
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.position - b.position;
};

/** The links to show for the reader's search, group toggles, domain filter and sort order. */
export function applyFilters(links: readonly Link[], f: Filters): Link[] {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = links.filter(
    (l) =>
      f.groups.has(l.category) &&
      (!f.selection || l.selected === true) &&
      (f.domains.size === 0 || f.domains.has(l.domain)) &&
      matches(l, words),
  );
  switch (f.sort) {
    case 'oldest':
      return kept.sort(byDate);
    case 'newest':
      return kept.sort((a, b) => (a.date && b.date ? byDate(b, a) : byDate(a, b)));
    case 'domain':
      return kept.sort((a, b) => a.domain.localeCompare(b.domain) || a.position - b.position);
    default:
      return kept.sort((a, b) => a.position - b.position);
  }
}

/**
 * The links an export takes: those the filters show (search, groups, domains, selection, in the sort order),
 * without "Other links" unless the reader includes them, in which case they follow the same search and filters.
 */
export function exportLinks(links: readonly Link[], f: Filters, includeOther: boolean): Link[] {
  const groups = new Set(f.groups);
  if (includeOther) groups.add('other');
  else groups.delete('other');
  return applyFilters(links, { ...f, groups });
}
