import { type ExportInput, oneLine, titleOf } from './common';

/** A numbered list, one citation per line: `1. Title — domain, date — URL`. */
export function toText({ report, links }: ExportInput): string {
  const head = oneLine(`${report.page.title || report.page.url} (${report.page.url})`);
  const lines = [head, ''];
  for (const [i, link] of links.entries()) {
    const meta = [link.domain || link.kind, link.date ?? 'date unknown'].join(', ');
    lines.push(`${i + 1}. ${titleOf(link)} — ${oneLine(meta)} — ${oneLine(link.url)}`);
  }
  return `${lines.join('\n')}\n`;
}
