import { placeOf } from '../format/labels';
import { byGroup, type ExportInput, groupLabel, isoDay, isWeb, titleOf } from './common';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content and attribute values: every character that could open markup escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}p.meta,.domain,.where{color:#59636e}
li{margin:.35rem 0}a{color:#0b57d0}.date{font-variant-numeric:tabular-nums}
@media (prefers-color-scheme:dark){body{background:#16191d;color:#e6edf3}p.meta,.domain,.where{color:#9aa5b1}a{color:#7cb4ff}}`;

function link(text: string, url: string): string {
  const shown = `<span dir="auto">${escapeHtml(text)}</span>`;
  return isWeb(url)
    ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${shown}</a>`
    : `${shown} <code>${escapeHtml(url)}</code>`;
}

/**
 * A standalone citation list that is safe to open: everything from the page escaped, no script, and a
 * Content-Security-Policy that would block one anyway.
 */
export function toHtml({ report, links, accessed }: ExportInput): string {
  const { page } = report;
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Sources: ${escapeHtml(page.title || page.url)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${link(page.title || page.url, page.url)}</h1>`,
    `<p class="meta">${escapeHtml(page.site.domain)}${page.published ? ` · published ${escapeHtml(page.published)}` : ''} · ${links.length} link${links.length === 1 ? '' : 's'}, listed ${isoDay(accessed)} by Link Context</p>`,
  ];
  for (const [category, group] of byGroup(links)) {
    parts.push(`<h2>${escapeHtml(groupLabel(category))}</h2><ol>`);
    for (const l of group) {
      parts.push(
        `<li>${link(titleOf(l), l.url)} — <span class="domain">${escapeHtml(l.domain || l.kind)}</span>, <span class="date">${l.date ? `<time datetime="${escapeHtml(l.date)}">${escapeHtml(l.date)}</time>` : 'date unknown'}</span> <span class="where">(${escapeHtml(placeOf(l))})</span></li>`,
      );
    }
    parts.push('</ol>');
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
