import { formatAge } from '../format/age';
import {
  CATEGORY_LABELS,
  CATEGORY_ORDER,
  linkTitle,
  placeOf,
  savedCopyNote,
  shownDomain,
} from '../format/labels';
import type { Link, Report } from '../schemas';

function pad(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width
    ? `${chars.slice(0, width - 1).join('')}…`
    : text + ' '.repeat(width - chars.length);
}

/** The link's domain as the popup's rows give it (`shownDomain`), else its host or URL. */
function domainOf(link: Link): string {
  return shownDomain(link) || link.displayHost || link.url;
}

function row(link: Link, now: Date, width: number): string {
  const age = formatAge(link.date, now);
  const date = link.date ? `${link.date} (${link.dateSource})` : '';
  const repeat = link.occurrences > 1 ? ` ×${link.occurrences}` : '';
  const check =
    link.check && link.check.status !== 'ok' ? `  [${link.check.status}: ${link.check.reason ?? ''}]` : '';
  const since = link.domainRegistered ? `  (domain since ${link.domainRegistered})` : '';
  return `  ${pad(domainOf(link), width)} ${pad(age, 6)} ${pad(date, 22)} ${pad(link.kind, 10)} ${linkTitle(link)}${repeat}  · ${placeOf(link)}${check}${since}`;
}

/** The report as a grouped plain-text table for a terminal: group, domain, age, kind, title, where. */
export function toTable(report: Report, now: Date = new Date()): string {
  const { page } = report;
  const lines = [
    `Link Context: ${page.title || page.url}`,
    `${page.url}${page.published ? ` · published ${page.published} (${page.publishedSource})` : ''} · ${page.platform}`,
  ];
  if (page.archivedAt) lines.push(`archived copy: ${page.archivedAt}`);
  if (page.savedCopy) lines.push(savedCopyNote(page.savedCopy));
  // The domain column is as wide as the longest domain listed (from 12 to 40 characters).
  let width = 12;
  for (const l of report.links)
    if (l.category !== 'other') width = Math.max(width, [...domainOf(l)].length + 1);
  width = Math.min(width, 40);
  for (const category of CATEGORY_ORDER) {
    const links = report.links.filter((l) => l.category === category);
    lines.push('', `${CATEGORY_LABELS[category].toUpperCase()} (${links.length})`);
    if (category === 'other') {
      const byKind = new Map<string, number>();
      for (const l of links) {
        const key = l.kind === 'chrome' ? (l.why ?? 'chrome') : l.kind;
        byKind.set(key, (byKind.get(key) ?? 0) + 1);
      }
      const summary = [...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
      if (summary.length) lines.push(`  ${summary.join(', ')}  (--format json lists them all)`);
      continue;
    }
    if (!links.length) lines.push('  none');
    for (const link of links) lines.push(row(link, now, width));
  }
  if (report.stats.truncated) lines.push('', `Stopped after ${report.stats.links} links: the page has more.`);
  return `${lines.join('\n')}\n`;
}
