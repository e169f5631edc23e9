import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { bibtexUrl } from '../../../lib/export/bibtex';
import { titleOf } from '../../../lib/export/common';
import { CSV_COLUMNS } from '../../../lib/export/csv';
import { EXPORT_FORMAT_NAMES, type ExportInput, exportAs, exportFileName } from '../../../lib/export/index';
import { markdownUrl } from '../../../lib/export/markdown';
import { type Link, linkSchema, reportSchema } from '../../../lib/schemas';
import { NOW, scanHtml } from '../../helpers/fixtures';

const PAGE = 'https://pennyforyourthoughts2.ca/2025/07/02/hostile-links/';
const LONG = `https://example.org/${'a'.repeat(10_000)}?q=1`;
// A page whose links carry every awkward thing a citation can: quotes, commas, braces, backslashes, formulas,
// markup, right-to-left text, emoji, a 10,000-character URL, no title (an image link without alt), no date.
const html = `<!doctype html><html lang="en"><head><title>Hostile "links", {braces} & \\backslashes</title>
<meta property="article:published_time" content="2025-07-02T10:00:00Z"></head><body><article><div class="entry-content">
<p>Sources: <a href="https://news.example.com/2021/03/03/a-b">Quotes "inside", and, commas</a>;
<a href="https://journal.example.org/x?q={a}&r=%7Bb%7D">{Braces} and \\backslash\\ and 100% & $5 #1 _x_ ^y ~z</a>;
<a href="https://evil.example.net/2020/01/01/f">=HYPERLINK("http://evil.example/","click")</a>;
<a href="https://evil.example.net/2020/01/02/g">=cmd|' /C calc'!A0</a>;
<a href="https://evil.example.net/2020/01/03/h">+SUM(1,2)</a> and <a href="https://evil.example.net/2020/01/04/i">@import</a>
and <a href="https://evil.example.net/2020/01/05/j">-2+3</a>;
<a href="https://markup.example.com/p">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</a>;
<a href="https://arabic.example/مقال">تقرير عن الممرات في القوقاز</a>; <a href="https://hebrew.example/a">דו״ח חדש</a>;
<a href="https://emoji.example/🗺️">Map 🗺️ of the corridors 🚂</a>;
<a href="${LONG}">a very long link</a>;
<a href="https://untitled.example.com/page-without-title"><img src="icon.png"></a>;
<a href="https://brackets.example.com/wiki/Rimland_(geopolitics)">Rimland [see *notes*] (geopolitics) | table \`code\` -- 'quoted' ''twice'' !\` ?\`</a>.
These are the sources the post relies on, cited so readers can check every one of them for themselves.</p>
</div></article></body></html>`;

const scanned = scanHtml(html, PAGE);
// Exports also take links that came back from JSON, where text may hold what the extractor never leaves in it.
const extra: Link = linkSchema.parse({
  ...scanned.links.find((l) => l.category === 'primary')!,
  url: 'https://newlines.example.org/a',
  text: 'Line one\nline two\r\nline "three"',
  context: 'tab\there, CR\rthere',
  position: 999,
});
const links = [...scanned.links.filter((l) => l.category !== 'other'), extra];
const input: ExportInput = { report: scanned, links, accessed: NOW };
const byUrl = (url: string) => links.find((l) => l.url === url)!;

describe('hostile fixture', () => {
  it('has the awkward links the tests are about', () => {
    expect(links.length).toBe(15);
    expect(links.some((l) => l.url === LONG)).toBe(true);
    expect(links.some((l) => l.text === '')).toBe(true);
    expect(links.some((l) => l.date === null)).toBe(true);
  });
});

describe('CSV', () => {
  it('round-trips every field through a CSV parser, formulas neutralised', () => {
    const text = exportAs('csv', input, { bom: true });
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(links.length);
    const rows = parseCsv(text, { bom: true, columns: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS);
    expect(rows).toHaveLength(links.length);
    for (const [i, link] of links.entries()) {
      const row = rows[i]!;
      const expected = (v: unknown) => {
        if (v === undefined || v === null) return '';
        const s = String(v);
        return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      };
      expect(row['url']).toBe(expected(link.url));
      expect(row['text']).toBe(expected(link.text));
      expect(row['context']).toBe(expected(link.context));
      expect(row['domain']).toBe(expected(link.domain));
      expect(row['date']).toBe(expected(link.date));
      expect(row['occurrences']).toBe(String(link.occurrences));
      expect(row['comment.author']).toBe(expected(link.comment?.author));
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows.find((r) => r['url'] === 'https://newlines.example.org/a')!['text']).toBe(
      'Line one\nline two\r\nline "three"',
    );
    expect(rows.some((r) => r['text'] === `'=HYPERLINK("http://evil.example/","click")`)).toBe(true);
    expect(rows.some((r) => r['text'] === "'=cmd|' /C calc'!A0")).toBe(true);
    expect(exportAs('csv', input).startsWith('\ufeff')).toBe(false);
  });
});

describe('JSON', () => {
  it('is the link-context/1 schema, narrowed to the chosen links', () => {
    const report = reportSchema.parse(JSON.parse(exportAs('json', input)));
    expect(report.links).toEqual(links);
    expect(report.counts.other).toBe(0);
    expect(report.counts.primary + report.counts.self + report.counts.media).toBe(links.length);
  });
});

describe('Markdown', () => {
  it('renders (through a Markdown parser) to exactly the titles and links, with no markup from the page', () => {
    const rendered = marked.parse(exportAs('markdown', input), { async: false }) as string;
    const { document } = parseHTML(`<html><body>${rendered}</body></html>`);
    expect(document.querySelectorAll('script, img, iframe').length).toBe(0);
    expect(document.querySelector('h1 a')?.textContent).toBe(scanned.page.title);
    const anchors = [...document.querySelectorAll('li a')];
    expect(anchors).toHaveLength(links.length);
    for (const [i, a] of anchors.entries()) {
      const link = links
        .filter((l) => l.category === 'primary')
        .concat(
          links.filter((l) => l.category === 'self'),
          links.filter((l) => l.category === 'media'),
        )[i]!;
      expect(a.textContent).toBe(titleOf(link));
      // The destination is the link's URL (the Markdown parser may percent-encode more than the export did).
      expect(decodeURI(a.getAttribute('href')!)).toBe(
        decodeURI(markdownUrl(link.url)).replace(/%28/g, '(').replace(/%29/g, ')'),
      );
      expect(decodeURI(a.getAttribute('href')!)).toBe(decodeURI(link.url));
    }
    expect(document.querySelectorAll('h2').length).toBeGreaterThan(0);
  });
});

describe('plain text', () => {
  it('is one numbered line per citation, whatever the text held', () => {
    const lines = exportAs('text', input).trimEnd().split('\n').slice(2);
    expect(lines).toHaveLength(links.length);
    for (const [i, line] of lines.entries()) {
      expect(line.startsWith(`${i + 1}. `)).toBe(true);
      expect(line.endsWith(links[i]!.url)).toBe(true);
    }
  });
});

describe('BibTeX', () => {
  it('parses back (LaTeX decoded) to every title, URL and date, with unique stable keys', () => {
    const bib = exportAs('bibtex', input);
    const library = parseBibtex(bib, { sentenceCase: false, caseProtection: false, english: false });
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(links.length);
    const keys = library.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parseBibtex(exportAs('bibtex', input)).entries.map((e) => e.key)).toEqual(keys); // stable
    for (const [i, entry] of library.entries.entries()) {
      const link = links[i]!;
      expect(entry.type).toBe('online');
      expect(entry.fields['title']).toBe(titleOf(link));
      expect(entry.fields['url']).toBe(bibtexUrl(link.url));
      expect(decodeURI(entry.fields['url']!)).toBe(decodeURI(link.url).replace(/[{}]/g, (c) => c));
      expect(entry.fields['urldate']).toBe('2026-11-24');
      if (link.date) expect(entry.fields['date']).toBe(link.date);
      expect(entry.fields['note']).toContain(link.domain);
    }
  });
});

describe('RIS and CSL-JSON', () => {
  it('RIS is read by citation-js into the same titles, URLs and dates', async () => {
    const ris = exportAs('ris', input);
    expect(ris.split('\r\n').filter((l) => l.startsWith('TY  - ELEC'))).toHaveLength(links.length);
    expect(ris.split('\r\n').filter((l) => l === 'ER  - ')).toHaveLength(links.length);
    const items = (await Cite.async(ris)).data as Array<Record<string, unknown>>;
    expect(items).toHaveLength(links.length);
    for (const [i, item] of items.entries()) {
      const link = links[i]!;
      expect(item['title']).toBe(titleOf(link));
      expect(item['URL']).toBe(link.url);
      if (link.date)
        expect((item['issued'] as { 'date-parts': number[][] })['date-parts'][0]).toEqual(
          link.date.split('-').map(Number),
        );
    }
  });

  it('CSL-JSON is read by citation-js as webpages with issued at the known precision and accessed', async () => {
    const json = exportAs('csl-json', input);
    const items = (await Cite.async(JSON.parse(json))).data as Array<Record<string, unknown>>;
    expect(items).toHaveLength(links.length);
    for (const [i, item] of items.entries()) {
      const link = links[i]!;
      expect(item['type']).toBe('webpage');
      expect(item['title']).toBe(titleOf(link));
      expect(item['URL']).toBe(link.url);
      expect(item['accessed']).toEqual({ 'date-parts': [[2026, 11, 24]] });
      if (link.date) expect(item['issued']).toEqual({ 'date-parts': [link.date.split('-').map(Number)] });
      else expect(item['issued']).toBeUndefined();
    }
    // Citation styles can format them.
    const bibliography = new Cite(JSON.parse(json)).format('bibliography', {
      format: 'text',
      template: 'apa',
    });
    expect(bibliography).toContain('Quotes “inside”, and, commas. (2021, March 3).');
    expect(bibliography).toContain('https://news.example.com/2021/03/03/a-b');
  });
});

/** The same values, as every format should give them. */
function inEveryFormat(values: ReadonlyArray<string | undefined>) {
  return { bibtex: values, ris: values, csl: values, json: values, csv: values };
}

/**
 * One field of each exported link in every format that has it: BibTeX's and the JSON export's and the CSV's by
 * `name`; RIS's and CSL-JSON's as citation-js reads them, by their CSL name.
 */
async function fieldInEveryFormat(input: ExportInput, name: 'doi' | 'isbn', cslName: string) {
  const bib = parseBibtex(exportAs('bibtex', input));
  expect(bib.errors).toEqual([]);
  const ris = (await Cite.async(exportAs('ris', input))).data as Array<Record<string, unknown>>;
  const csl = (await Cite.async(JSON.parse(exportAs('csl-json', input)))).data as Array<
    Record<string, unknown>
  >;
  const json = reportSchema.parse(JSON.parse(exportAs('json', input)));
  const rows = parseCsv(exportAs('csv', input), { columns: true }) as Record<string, string>[];
  return {
    bibtex: bib.entries.map((e) => e.fields[name]),
    ris: ris.map((item) => item[cslName]),
    csl: csl.map((item) => item[cslName]),
    json: json.links.map((l) => l[name]),
    csv: rows.map((r) => r[name] || undefined),
  };
}

describe('DOIs', () => {
  const page = `<!doctype html><html><body><article><p>The measurement (<a href="https://doi.org/10.1016/j.cell.2020.02.052">Smith 2020</a>)
    and its replication (<a href="https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201906767">Lee 2019</a>), a
    <a href="https://arxiv.org/abs/2304.01234v2">preprint</a>, which
    <a href="https://news.example.com/2021/03/03/a-b">the press covered</a>.</p></article></body></html>`;
  const report = scanHtml(page, 'https://blog.example/2025/01/01/post/');
  const cited = report.links.filter((l) => l.category !== 'other');
  const doiInput: ExportInput = { report, links: cited, accessed: NOW };
  const expected = [
    '10.1016/j.cell.2020.02.052',
    '10.1002/anie.201906767',
    '10.48550/arXiv.2304.01234',
    undefined,
  ];

  it("go to each format's DOI field, for the links whose address names one", async () => {
    expect(cited.map((l) => l.url)).toHaveLength(4);
    expect(await fieldInEveryFormat(doiInput, 'doi', 'DOI')).toEqual(inEveryFormat(expected));
  });
});

describe('ISBNs', () => {
  const page = `<!doctype html><html><body><article><p>As Cornell writes (<i>Azerbaijan Since Independence</i>, ISBN
    <a href="/wiki/Special:BookSources/978-0-7656-3003-2">978-0-7656-3003-2</a>; also
    <a href="https://www.amazon.com/dp/0306406152">in paperback</a>), and as
    <a href="https://openlibrary.org/works/OL17356385W">Open Library</a> lists.</p></article></body></html>`;
  const report = scanHtml(page, 'https://en.wikipedia.org/wiki/Zangezur_corridor');
  const books = report.links.filter((l) => l.kind === 'book');
  const input: ExportInput = { report, links: books, accessed: NOW };
  const expected = ['9780765630032', '0306406152', undefined];

  it("go to each format's ISBN field, for the books whose address names one", async () => {
    expect(books.map((l) => l.category)).toEqual(['primary', 'primary', 'primary']);
    expect(await fieldInEveryFormat(input, 'isbn', 'ISBN')).toEqual(inEveryFormat(expected));
  });
});

describe('HTML', () => {
  it('is safe to open: everything escaped, no script, a CSP, links only for http(s)', () => {
    const out = exportAs('html', input);
    const { document } = parseHTML(out);
    expect(document.querySelectorAll('script, iframe, object, embed, img').length).toBe(0);
    for (const el of document.querySelectorAll('*'))
      for (const attr of el.attributes) expect(attr.name.startsWith('on'), attr.name).toBe(false);
    expect(
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toContain("default-src 'none'");
    const anchors = [...document.querySelectorAll('li a')];
    expect(anchors).toHaveLength(links.length);
    const titles = anchors.map((a) => a.textContent);
    for (const link of links) expect(titles).toContain(titleOf(link));
    expect(anchors.map((a) => a.getAttribute('href'))).toContain(LONG);
    expect(document.querySelector('h1')?.textContent).toBe(scanned.page.title);
  });
});

describe('every format', () => {
  it('writes something for an empty list, and names files from the title and date', () => {
    for (const format of EXPORT_FORMAT_NAMES) {
      expect(() => exportAs(format, { ...input, links: [] }), format).not.toThrow();
    }
    expect(exportFileName(scanned, 'bib', NOW)).toBe('hostile-links-braces-backslashes-2025-07-02.bib');
    expect(byUrl(LONG)).toBeDefined();
  });
});
