import type { Link } from '../schemas';
import type { ExportInput } from './common';

/** Every field of the JSON export, flattened: one column each. */
const COLUMNS: Array<[string, (l: Link) => string | number | boolean | null | undefined]> = [
  ['url', (l) => l.url],
  ['text', (l) => l.text],
  ['host', (l) => l.host],
  ['displayHost', (l) => l.displayHost],
  ['domain', (l) => l.domain],
  ['category', (l) => l.category],
  ['kind', (l) => l.kind],
  ['self', (l) => l.self],
  ['context', (l) => l.context],
  ['region', (l) => l.region],
  ['why', (l) => l.why],
  ['occurrences', (l) => l.occurrences],
  ['position', (l) => l.position],
  ['source', (l) => l.source],
  ['date', (l) => l.date],
  ['dateSource', (l) => l.dateSource],
  ['citedDate', (l) => l.citedDate],
  ['comment.id', (l) => l.comment?.id],
  ['comment.author', (l) => l.comment?.author],
  ['comment.date', (l) => l.comment?.date],
  ['post.title', (l) => l.post?.title],
  ['post.url', (l) => l.post?.url],
  ['post.date', (l) => l.post?.date],
  ['originalUrl', (l) => l.originalUrl],
  ['archived.url', (l) => l.archived?.url],
  ['archived.capturedAt', (l) => l.archived?.capturedAt],
  ['deceptiveHost', (l) => l.deceptiveHost],
  ['doi', (l) => l.doi],
  ['isbn', (l) => l.isbn],
  ['frame', (l) => l.frame],
  ['selected', (l) => l.selected],
  ['check.status', (l) => l.check?.status],
  ['check.httpStatus', (l) => l.check?.httpStatus],
  ['check.reason', (l) => l.check?.reason],
  ['check.finalUrl', (l) => l.check?.finalUrl],
  ['check.archiveUrl', (l) => l.check?.archiveUrl],
  ['check.modified', (l) => l.check?.modified],
  ['domainRegistered', (l) => l.domainRegistered],
  ['domainLookup.status', (l) => l.domainLookup?.status],
];

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

/**
 * A cell as RFC 4180 writes it, and safe to open in a spreadsheet: text that a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe, which spreadsheets
 * show as text and hide.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per link with every field of the JSON export; UTF-8, CRLF line ends, a BOM when asked (for Excel). */
export function toCsv({ links }: ExportInput, options: { bom?: boolean } = {}): string {
  const rows = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const link of links) rows.push(COLUMNS.map(([, get]) => csvCell(get(link))).join(','));
  return `${options.bom ? '\ufeff' : ''}${rows.join('\r\n')}\r\n`;
}
