import { LinkifyIt } from 'linkify-it';
import { DOI_START } from '../url/doi';

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });

export interface BareUrl {
  url: string;
  /** Offset and length of the URL as written in the text. */
  index: number;
  length: number;
}

/** Cheap test that a text could hold a URL: most text nodes on a page fail it. */
export function mayHoldUrl(text: string): boolean {
  return text.length >= 8 && (text.includes('://') || text.includes('www.'));
}

// WordPress's wptexturize turns `640x381` into `640×381` and quotes into curly ones, inside bare URLs too.
// Each repair replaces one character with one character.
export function repairTypography(text: string): string {
  return text.replace(/(\d)×(?=\d)/g, '$1x').replace(/(\w)[’‘](?=\w)/g, "$1'");
}

/**
 * Whether a character is one linkify-it never takes into a link, as its `src_ZCc` defines them: Unicode separators
 * (Z) and controls (Cc). None is outside the Basic Multilingual Plane.
 */
export function isLinkSeparator(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** The bare URLs linkify-it finds in `text`, with offsets `offset` further on. */
export function matchBareUrls(text: string, offset: number, found: BareUrl[]): void {
  const matches = linkify.match(text);
  if (!matches) return;
  for (const m of matches) {
    if (m.schema === '' && !/^www\./i.test(m.raw)) continue;
    if (m.schema === 'mailto:' || m.schema === 'ftp:') continue;
    let raw = m.raw.replace(/[…]+$/, '');
    // Closing quotes and brackets that linkify kept because they sit inside the URL's character class.
    raw = raw.replace(/[”"'’»›]+$/, '');
    const url = m.schema === '' ? `http://${raw}` : m.schema === '//' ? `https:${raw}` : raw;
    found.push({ url, index: offset + m.index, length: raw.length });
  }
}

/**
 * A run that is one plain web URL from end to end: `http(s)://`, a host of at most eleven ASCII labels (letters,
 * digits, inner hyphens, 63 characters each) and no port, then a path of ASCII letters, digits and
 * `/_~=&%+#:@*-`, with `.` and `?` only before one of those. linkify-it's validator for `http:` takes every such
 * run whole (and nothing else in it), as the property tests check against linkify itself; it costs 7–20 µs a URL in
 * linkify (its fuzzy search and its validator run Unicode classes at every character) and about 0.5 µs here.
 * Any other run, with brackets, quotes, other punctuation, non-ASCII or `www.` without a scheme, goes to linkify.
 */
const PLAIN_URL =
  /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){0,10}[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\/(?:[\w~=&%+#:@*/-]|[.?](?=[\w~=&%+#:@*/-]))*)?$/i;

/** Longest run taken as plain: linkify's own limit is 10,000 characters after the scheme. */
const PLAIN_MAX = 2000;

/** Whether `run`, a run of text between separators, is one plain web URL that linkify-it would take whole. */
export function isPlainUrl(run: string): boolean {
  return run.length <= PLAIN_MAX && PLAIN_URL.test(run);
}

// Where a URL may be: a scheme's `//` (or a protocol-relative one), or a `www.` host.
const CANDIDATE = /\/\/|www\./gi;

/**
 * Bare URLs written in text, found by linkify-it: with a scheme (`https://…`, `//…`) or starting `www.`; a name
 * like "News.Az" in running text is a mention, not a link. Trailing punctuation is left out.
 *
 * A link holds no separator, so linkify is given only the runs between separators that hold a candidate: it finds
 * the same links as in the whole text, and its searches no longer run over all the prose around them (a paragraph
 * of 1,000 characters with one URL cost about 300 µs in linkify, its URL alone about 20).
 */
export function findBareUrls(input: string): BareUrl[] {
  if (!mayHoldUrl(input)) return [];
  // Repairs keep every character in place, so offsets still point into the original text.
  const text = repairTypography(input);
  const found: BareUrl[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let start = m.index;
    while (start > 0 && !isLinkSeparator(text.charCodeAt(start - 1))) start--;
    let end = CANDIDATE.lastIndex;
    while (end < text.length && !isLinkSeparator(text.charCodeAt(end))) end++;
    const run = text.slice(start, end);
    if (isPlainUrl(run)) found.push({ url: run, index: start, length: run.length });
    else matchBareUrls(run, start, found);
    CANDIDATE.lastIndex = end;
  }
  return found;
}

/** Cheap test that a text could hold a DOI written as text: most text nodes fail it. */
function mayHoldDoi(text: string): boolean {
  return text.length >= 12 && text.includes('10.') && /doi/i.test(text);
}

/**
 * A DOI written as text, as reference lists write them: `doi:10.1016/…`, `DOI: 10.1038/…`, `doi 10.…` (a registrant
 * of four to nine digits, then the suffix up to whitespace or a quote: older DOIs hold `<`, `>`, `;` and brackets).
 */
const DOI_TEXT = new RegExp(String.raw`\bdoi:?[ \u00a0]?(${DOI_START}[^\s"'“”‘’]+)`, 'gi');
/** What ends a sentence or a list item after a DOI rather than being part of it. */
const TRAILERS = '.,;:';

/** A DOI's suffix without the punctuation after it: a closing bracket only when no bracket in it opens. */
function trimDoi(doi: string): string {
  // Counted once, and the end moved back character by character: no step looks at the whole DOI again.
  const count = (c: string) => doi.split(c).length - 1;
  const open: Record<string, number> = { ')': count('('), ']': count('[') };
  const close: Record<string, number> = { ')': count(')'), ']': count(']') };
  let end = doi.length;
  for (;;) {
    const last = doi.charAt(end - 1);
    if (last !== '' && TRAILERS.includes(last)) end--;
    else if ((last === ')' || last === ']') && close[last]! > open[last]!) {
      close[last]!--;
      end--;
    } else break;
  }
  return doi.slice(0, end);
}

/** The DOIs written as text in `text` (not as links), each as its `https://doi.org/` address. */
export function findDois(text: string): BareUrl[] {
  if (!mayHoldDoi(text)) return [];
  const found: BareUrl[] = [];
  DOI_TEXT.lastIndex = 0;
  for (let m = DOI_TEXT.exec(text); m !== null; m = DOI_TEXT.exec(text)) {
    const doi = trimDoi(m[1]!);
    // `#` and `?` are the DOI's own characters, not the address's fragment and query.
    const url = `https://doi.org/${doi.replace(/[#?]/g, encodeURIComponent)}`;
    found.push({ url, index: m.index + m[0].length - m[1]!.length, length: doi.length });
  }
  return found;
}

/** Whether a text could hold a bare URL or a DOI written as text. */
export function mayHoldLink(text: string): boolean {
  return mayHoldUrl(text) || mayHoldDoi(text);
}

/** The bare URLs and the DOIs written as text in `text`, in the order they stand. */
export function findTextLinks(text: string): BareUrl[] {
  const urls = findBareUrls(text);
  const dois = findDois(text);
  if (dois.length === 0) return urls;
  return [...urls, ...dois].sort((a, b) => a.index - b.index);
}
