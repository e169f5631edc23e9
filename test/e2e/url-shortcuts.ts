// The engine's URL shortcuts held to a browser's own URL parser: an href taken as serialized must be what the
// browser serializes it to, and an href resolved without a parse must be what the browser resolves it to. Node's
// parser (unit tests) is not enough: Chromium's is not WHATWG's in every corner.
import { expect } from 'vitest';
import { isSerializedWebUrl, resolveHref } from '../../lib/url/parts';
import { BASES, urlCorpus } from '../helpers/url-corpus';

/** `new URL(href, base).href` for each pair, in the browser; null where it throws. */
export type BrowserParse = (
  pairs: Array<[href: string, base: string | null]>,
) => Promise<Array<string | null>>;

/** In-page source of a BrowserParse body (a string, so no build step adds helpers the page lacks). */
export const PARSE_IN_PAGE = `(pairs) => pairs.map(([href, base]) => {
  try { return (base === null ? new URL(href) : new URL(href, base)).href; } catch { return null; }
})`;

export async function checkUrlShortcuts(parse: BrowserParse): Promise<void> {
  const { urls, hrefs } = urlCorpus(4000);
  const serialized = urls.filter(isSerializedWebUrl);
  // The corpus must exercise the shortcut, not only its fallback.
  expect(serialized.length).toBeGreaterThan(500);
  const parsed = await parse(serialized.map((u) => [u, null]));
  expect(serialized.filter((u, i) => parsed[i] !== u)).toEqual([]);

  const pairs = BASES.flatMap((base) => hrefs.map((href): [string, string] => [href, base]));
  const resolved = await parse(pairs);
  const wrong = pairs.filter(([href, base], i) => {
    const ours = resolveHref(href, base);
    // Where the shortcut stands aside, the engine asks the parser it runs under: only shortcuts are compared.
    const shortcut = isSerializedWebUrl(href) || href.startsWith('#');
    return shortcut && ours !== resolved[i];
  });
  expect(wrong).toEqual([]);
}
