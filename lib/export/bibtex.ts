import { hostInfo } from '../domains/host-info';
import type { Link } from '../schemas';
import { type ExportInput, isoDay, noteOf, oneLine, titleOf } from './common';

const LATEX: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // Characters TeX's text fonts turn into others (OT1: < is ¡, > is ¿) or into ligatures (`` '' -- !` ?`).
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '"': '\\textquotedbl{}',
  // A lone grave in braces: what Zotero's BibTeX import (Better BibTeX's parser) reads back as a grave.
  '`': '{`}',
};

/** Text for a BibTeX field: LaTeX's special characters escaped, braces always balanced. UTF-8 stays UTF-8. */
export function escapeBibtex(text: string): string {
  return oneLine(text)
    .replace(/[\\{}%&$#_^~<>"`]/g, (c) => LATEX[c]!)
    .replace(/-(?=-)/g, '-{}')
    .replace(/'(?=')/g, "'{}");
}

/** A URL for biblatex's verbatim `url` field: characters that would unbalance it or end it percent-encoded. */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\%\s"]/g, (c) =>
    c === '%' ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function asciiWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `domain-year-word` (`rferl-2018-corridors`, `news-nd-opinion` without a date): readable, the same for the same link every time, made unique by a letter suffix. */
function baseKey(link: Link): string {
  const site = asciiWord(link.domain ? hostInfo(link.domain).name : link.kind).replace(/ /g, '') || 'link';
  const year = link.date?.slice(0, 4) ?? 'nd';
  const word = asciiWord(titleOf(link))
    .split(' ')
    .find((w) => w.length > 3 && !/^(https?|www|the|and|with|from|that|this)$/.test(w));
  return [site.slice(0, 24), year, word?.slice(0, 16)].filter(Boolean).join('-');
}

export function bibtexKeys(links: readonly Link[]): string[] {
  const used = new Map<string, number>();
  return links.map((link) => {
    const base = baseKey(link);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    if (n === 0) return base;
    // a, b, …, z, aa, ab…
    let suffix = '';
    for (let k = n - 1; ; k = Math.floor(k / 26) - 1) {
      suffix = String.fromCharCode(97 + (k % 26)) + suffix;
      if (k < 26) break;
    }
    return `${base}${suffix}`;
  });
}

/** `@online` entries (biblatex): title, url, urldate, date, doi, isbn, note with the group and domain. */
export function toBibtex({ links, accessed }: ExportInput): string {
  const keys = bibtexKeys(links);
  const entries = links.map((link, i) => {
    const fields: Array<[string, string]> = [
      ['title', `{${escapeBibtex(titleOf(link))}}`],
      ['url', `{${bibtexUrl(link.url)}}`],
      ['urldate', `{${isoDay(accessed)}}`],
    ];
    if (link.date) fields.push(['date', `{${link.date}}`]);
    if (link.doi) fields.push(['doi', `{${bibtexUrl(link.doi)}}`]);
    if (link.isbn) fields.push(['isbn', `{${link.isbn}}`]);
    if (link.domain) fields.push(['organization', `{${escapeBibtex(link.domain)}}`]);
    fields.push(['note', `{${escapeBibtex(noteOf(link))}}`]);
    return `@online{${keys[i]},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
  });
  return `${entries.join('\n\n')}\n`;
}
