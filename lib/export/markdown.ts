import { byGroup, type ExportInput, groupLabel, isWeb, oneLine, titleOf } from './common';

/** Markdown punctuation that could make syntax (or raw HTML) out of page text, escaped with a backslash. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>&|~!#]/g, '\\$&');
}

/** A URL as a link destination: characters that would end or break it are percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(
    /[\s()<>\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function entry(text: string, url: string): string {
  return isWeb(url)
    ? `[${escapeMarkdown(text)}](${markdownUrl(url)})`
    : `${escapeMarkdown(text)} (\`${url.replace(/`/g, "'")}\`)`;
}

/** Grouped list, `[title](url) — domain, date`, with the page as the heading. */
export function toMarkdown({ report, links }: ExportInput): string {
  const { page } = report;
  const lines = [`# ${entry(page.title || page.url, page.url)}`, ''];
  const about = [page.site.domain, page.published ? `published ${page.published}` : ''].filter(Boolean);
  lines.push(`${escapeMarkdown(about.join(' · '))}`, '');
  for (const [category, group] of byGroup(links)) {
    lines.push(`## ${groupLabel(category)}`, '');
    for (const link of group) {
      const meta = [link.domain || link.kind, link.date ?? 'date unknown'].join(', ');
      lines.push(`- ${entry(titleOf(link), link.url)} — ${escapeMarkdown(meta)}`);
    }
    lines.push('');
  }
  if (!links.length) lines.push('No links.', '');
  return lines.join('\n');
}
