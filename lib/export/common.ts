import { CONTROLS } from '../extract/context';
import { CATEGORY_LABELS, CATEGORY_ORDER, linkTitle, placeOf } from '../format/labels';
import type { Category, Link, Report } from '../schemas';

/** What every export format writes: the page, the links chosen (filtered, in the reader's order), when accessed. */
export interface ExportInput {
  report: Report;
  links: readonly Link[];
  /** When the list was taken (BibTeX `urldate`, RIS `Y2`, CSL `accessed`). */
  accessed: Date;
}

/** One line of text: invisible and reordering controls removed, line breaks and runs of white space one space. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

export function titleOf(link: Link): string {
  return oneLine(linkTitle(link)) || link.url;
}

export function isWeb(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** `YYYY-MM-DD` of a Date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The links of one group, in the input's order. */
export function byGroup(links: readonly Link[]): Array<[Category, Link[]]> {
  return CATEGORY_ORDER.map((c) => [c, links.filter((l) => l.category === c)] as [Category, Link[]]).filter(
    ([, ls]) => ls.length > 0,
  );
}

export const groupLabel = (c: Category) => CATEGORY_LABELS[c];

/** "Primary source · news.az · comment by Penny on 2025-07-02": what a reference manager's note says. */
export function noteOf(link: Link): string {
  const group = { primary: 'Primary source', self: 'Self-citation', media: 'Media', other: 'Other link' }[
    link.category
  ];
  return oneLine([group, link.domain || link.kind, placeOf(link)].filter(Boolean).join(' · '));
}

/** The date parts of an ISO date at its precision: `2018-01` → [2018, 1]. */
export function dateParts(date: string): number[] {
  return date.split('-').map(Number);
}

/** A safe file name for an export: the page title (or host) and the date, with the format's extension. */
export function exportFileName(report: Report, extension: string, accessed: Date): string {
  const base =
    oneLine(report.page.title || report.page.site.domain || 'links')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      // At most 60 characters, cut at a word.
      .replace(/^(.{0,60})(?:-.*)?$/, '$1')
      .slice(0, 60) || 'links';
  return `${base}-${report.page.published ?? isoDay(accessed)}.${extension}`;
}
