// Pages as savers write them to disk, made from the fixture pages, for the tests of saved copies.

/** The file a saved copy is read from in the tests. */
export const SAVED_FILE =
  'file:///home/reader/Downloads/What%20is%20happening%20between%20Azerbaijan%20and%20Russia.html';

/** Every link attribute (`a`, `area`) made absolute against the page, as savers write them; fragments as written. */
function absoluteLinks(html: string, url: string, ownFragments: 'absolute' | 'as-fragments'): string {
  const page = url.split('#')[0]!;
  return html.replace(
    /(<(?:a|area)\b[^>]*?\shref=)(["'])([^"']*)\2/gi,
    (whole, head: string, q: string, href: string) => {
      if (/^(?:javascript:|#)/i.test(href)) return whole;
      try {
        let absolute = new URL(href.replace(/&#0?38;|&amp;/g, '&'), url).href;
        if (ownFragments === 'as-fragments' && absolute.startsWith(`${page}#`))
          absolute = absolute.slice(page.length);
        return `${head}${q}${absolute.replace(/&/g, '&amp;')}${q}`;
      } catch {
        return whole;
      }
    },
  );
}

/**
 * A page as Chromium's "Save page as… Webpage, Complete" writes it: a "saved from url" note (its length in four
 * digits) between the doctype and `<html>`, every link made absolute, and the images, scripts, style sheets and
 * frames it fetched pointed at their copies in the `_files` folder beside the page.
 */
export function chromiumCompleteSave(html: string, url: string): string {
  const folder = './What is happening between Azerbaijan and Russia_files';
  let n = 0;
  const local = (address: string) =>
    `${folder}/${address.split(/[?#]/)[0]!.split('/').pop() || `saved_resource${n++}`}`;
  const saved = absoluteLinks(html, url, 'absolute')
    .replace(
      /(<(?:img|script|iframe)\b[^>]*?\ssrc=)(["'])([^"']*)\2/gi,
      (_, head: string, q: string, src: string) =>
        src.startsWith('data:') ? `${head}${q}${src}${q}` : `${head}${q}${local(src)}${q}`,
    )
    .replace(
      /(<link\b[^>]*?rel=["']stylesheet["'][^>]*?\shref=)(["'])([^"']*)\2/gi,
      (_, head: string, q: string, href: string) => `${head}${q}${local(href)}${q}`,
    );
  const note = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
  return saved.replace(/^(<!DOCTYPE[^>]*>)\s*/i, `$1\n${note}\n`);
}

/**
 * A page as SingleFile writes it: its header note as the first thing inside `<html>`, every link made absolute but
 * those to a place in the page itself, which it leaves as fragments (its `resolveHrefs` step).
 */
export function singleFileSave(html: string, url: string): string {
  const note = `<!--\n Page saved with SingleFile \n url: ${url} \n saved date: Tue Dec 01 2026 21:40:12 GMT+0000 (Coordinated Universal Time)\n-->`;
  return absoluteLinks(html, url, 'as-fragments').replace(/<html\b[^>]*>/i, (tag) => `${tag}${note}`);
}
