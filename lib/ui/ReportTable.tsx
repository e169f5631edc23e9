import { useMemo, useState } from 'preact/hooks';
import { formatAge } from '../format/age';
import { CATEGORY_LABELS, formatCount, linkTitle, placeOf, shownDomain } from '../format/labels';
import type { Link } from '../schemas';

type Column = 'category' | 'title' | 'domain' | 'date' | 'place' | 'kind' | 'occurrences';
const COLUMNS: Array<[Column, string]> = [
  ['category', 'Group'],
  ['title', 'Title'],
  ['domain', 'Domain'],
  ['date', 'Date'],
  ['place', 'Where'],
  ['kind', 'Kind'],
  ['occurrences', '×'],
];
const ORDER = { primary: 0, self: 1, media: 2, other: 3 } as const;
const PAGE = 500;

function key(link: Link, column: Column): string | number {
  switch (column) {
    case 'category':
      return ORDER[link.category];
    case 'title':
      return linkTitle(link).toLowerCase();
    case 'domain':
      return link.domain;
    case 'date':
      return link.date ?? '~';
    case 'place':
      return placeOf(link);
    case 'kind':
      return link.kind;
    case 'occurrences':
      return link.occurrences;
  }
}

/** The report page: every shown link in a wide table, sortable by any column, with its context sentence. */
export function ReportTable({ links, now }: { links: Link[]; now: Date }) {
  const [sort, setSort] = useState<{ column: Column | null; ascending: boolean }>({
    column: null,
    ascending: true,
  });
  const [limit, setLimit] = useState(PAGE);
  const sorted = useMemo(() => {
    const { column, ascending } = sort;
    if (!column) return links;
    const dir = ascending ? 1 : -1;
    return [...links].sort((a, b) => {
      // Undated links stay last whichever way dates are sorted.
      if (column === 'date' && !a.date !== !b.date) return a.date ? -1 : 1;
      const x = key(a, column);
      const y = key(b, column);
      return (x < y ? -1 : x > y ? 1 : a.position - b.position) * dir;
    });
  }, [links, sort]);
  const click = (column: Column) =>
    setSort((s) => ({ column, ascending: s.column === column ? !s.ascending : true }));
  return (
    <>
      <table class="report">
        <thead>
          <tr>
            {COLUMNS.map(([column, label]) => (
              <th
                key={column}
                scope="col"
                aria-sort={sort.column === column ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" onClick={() => click(column)}>
                  {label}
                  {sort.column === column ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th scope="col">Context</th>
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, limit).map((link) => {
            const title = linkTitle(link);
            return (
              <tr key={`${link.url} ${link.position}`} data-category={link.category} data-url={link.url}>
                <td class={`cat cat-${link.category}`}>{CATEGORY_LABELS[link.category]}</td>
                <td class="title-cell">
                  {/^https?:\/\//i.test(link.url) ? (
                    <a href={link.url} target="_blank" rel="noopener noreferrer" title={link.url}>
                      {title}
                    </a>
                  ) : (
                    <span title={link.url}>{title}</span>
                  )}
                </td>
                <td title={link.host}>
                  {shownDomain(link)}
                  {link.domainRegistered && (
                    <span class="domain-age"> · since {link.domainRegistered.slice(0, 4)}</span>
                  )}
                </td>
                <td title={link.date ? `${link.date} (${link.dateSource})` : 'unknown'}>
                  {link.date ? `${link.date} · ${formatAge(link.date, now)}` : '—'}
                  {link.check && link.check.status !== 'ok' && (
                    <span class={`check check-${link.check.status}`} title={link.check.reason}>
                      {' '}
                      {link.check.status}
                    </span>
                  )}
                </td>
                <td class="where-cell">{placeOf(link)}</td>
                <td>{link.kind}</td>
                <td>{formatCount(link.occurrences)}</td>
                {/* A row named by its reference (an ISBN's, a DOI's) has said its context already. */}
                <td class="ctx">{link.context !== title ? link.context : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sorted.length > limit && (
        <button type="button" class="more" onClick={() => setLimit(sorted.length)}>
          Show all {formatCount(sorted.length)}
        </button>
      )}
    </>
  );
}
