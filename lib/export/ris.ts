import { type ExportInput, isoDay, noteOf, oneLine, titleOf } from './common';

const risDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}/${m ?? ''}/${d ?? ''}/`;
};

/** RIS: one `TY  - ELEC` … `ER  - ` record per link; every value on one line (RIS has no escaping). */
export function toRis({ links, accessed }: ExportInput): string {
  const records = links.map((link) => {
    const lines = [
      ['TY', 'ELEC'],
      ['TI', titleOf(link)],
      ['UR', oneLine(link.url)],
    ];
    if (link.date) {
      lines.push(['PY', link.date.slice(0, 4)]);
      lines.push(['DA', risDate(link.date)]);
    }
    lines.push(['Y2', risDate(isoDay(accessed))]);
    if (link.doi) lines.push(['DO', link.doi]);
    if (link.isbn) lines.push(['SN', link.isbn]);
    if (link.domain) lines.push(['PB', link.domain]);
    lines.push(['KW', link.category]);
    lines.push(['N1', noteOf(link)]);
    lines.push(['ER', '']);
    return lines.map(([tag, value]) => `${tag}  - ${oneLine(value!)}`).join('\r\n');
  });
  return `${records.join('\r\n')}\r\n`;
}
