import type { Link, Report } from '../schemas';
import { toBibtex } from './bibtex';
import type { ExportInput } from './common';
import { toCslJson } from './csl';
import { toCsv } from './csv';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toRis } from './ris';
import { toText } from './text';

export { exportFileName } from './common';
export type { ExportInput };

export const EXPORT_FORMATS = {
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown' },
  text: { label: 'Plain text', extension: 'txt', mime: 'text/plain' },
  csv: { label: 'CSV (spreadsheet)', extension: 'csv', mime: 'text/csv' },
  json: { label: 'JSON (link-context/1)', extension: 'json', mime: 'application/json' },
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  html: { label: 'HTML page', extension: 'html', mime: 'text/html' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export interface ExportOptions {
  /** CSV: start with a byte-order mark, so spreadsheets read the file as UTF-8. */
  bom?: boolean;
}

/** The report narrowed to the chosen links (counts recomputed), for the JSON export. */
export function narrowReport(report: Report, links: readonly Link[]): Report {
  const counts = { primary: 0, self: 0, media: 0, other: 0 };
  for (const link of links) counts[link.category]++;
  return { ...report, links: [...links], counts };
}

/** The citation list in one format. */
export function exportAs(format: ExportFormat, input: ExportInput, options: ExportOptions = {}): string {
  switch (format) {
    case 'markdown':
      return toMarkdown(input);
    case 'text':
      return toText(input);
    case 'csv':
      return toCsv(input, options);
    case 'json':
      return toJson(narrowReport(input.report, input.links));
    case 'bibtex':
      return toBibtex(input);
    case 'ris':
      return toRis(input);
    case 'csl-json':
      return toCslJson(input);
    case 'html':
      return toHtml(input);
  }
}
