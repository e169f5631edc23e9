import { LinkifyIt } from 'linkify-it';

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
function repair(text: string): string {
  return text.replace(/(\d)×(?=\d)/g, '$1x').replace(/(\w)[’‘](?=\w)/g, "$1'");
}

/**
 * Bare URLs written in text, found by linkify-it: with a scheme (`https://…`, `//…`) or starting `www.`; a name
 * like "News.Az" in running text is a mention, not a link. Trailing punctuation is left out.
 */
export function findBareUrls(input: string): BareUrl[] {
  if (!mayHoldUrl(input)) return [];
  // Repairs keep every character in place, so offsets still point into the original text.
  const text = repair(input);
  const matches = linkify.match(text);
  if (!matches) return [];
  const found: BareUrl[] = [];
  for (const m of matches) {
    if (m.schema === '' && !/^www\./i.test(m.raw)) continue;
    if (m.schema === 'mailto:' || m.schema === 'ftp:') continue;
    let raw = m.raw.replace(/[…]+$/, '');
    // Closing quotes and brackets that linkify kept because they sit inside the URL's character class.
    raw = raw.replace(/[”"'’»›]+$/, '');
    const url = m.schema === '' ? `http://${raw}` : m.schema === '//' ? `https:${raw}` : raw;
    found.push({ url, index: m.index, length: raw.length });
  }
  return found;
}
