import type { AddressSource } from '../schemas';
import { isWebUrl, safeUrl } from '../url/parse';

/** The web address a page saved to a file names as its own, and what names it. */
export interface SavedAddress {
  url: URL;
  from: AddressSource;
}

/** The notes savers leave in a comment, each read for the address the page was saved from. */
const MARKERS: ReadonlyArray<{ from: AddressSource; read: (comment: string) => string | undefined }> = [
  // Chromium's "Webpage, Complete" (and Internet Explorer before it): <!-- saved from url=(0042)https://… -->
  { from: 'saved-from', read: (c) => /^\s*saved from url=\(\d+\)(\S+)\s*$/.exec(c)?.[1] },
  // SingleFile: <!--\n Page saved with SingleFile \n url: https://… \n saved date: …\n-->
  {
    from: 'singlefile',
    read: (c) =>
      /^\s*(?:Page saved with SingleFile|Archive processed by SingleFile)\b/.test(c)
        ? /^\s*url: (\S+)/m.exec(c)?.[1]
        : undefined,
  },
];

// Where a saver writes its note: before <html> (Chromium), or as the first thing inside it (SingleFile); only the
// first few nodes there are looked at.
const LOOK_AT = 8;

/** An absolute http(s) address, as a document names itself; relative ones mean nothing in a file. */
function webAddress(value: string | null | undefined): URL | null {
  if (!value || !/^https?:\/\//i.test(value.trim())) return null;
  const url = safeUrl(value.trim());
  return url && isWebUrl(url) ? url : null;
}

function markerIn(nodes: NodeListOf<ChildNode> | undefined): SavedAddress | null {
  if (!nodes) return null;
  for (let i = 0; i < nodes.length && i < LOOK_AT; i++) {
    const node = nodes[i]!;
    if (node.nodeType === 1) break;
    if (node.nodeType !== 8) continue;
    const text = (node as Comment).data.slice(0, 4000);
    for (const { from, read } of MARKERS) {
      const url = webAddress(read(text));
      if (url) return { url, from };
    }
  }
  return null;
}

/**
 * The address a page read from a file was saved from: a saver's note (Chromium's `saved from url`, SingleFile's
 * header), else the page's canonical link, else its `og:url`. Null when it names none, or none that is an absolute
 * http(s) address.
 */
export function savedAddress(doc: Document): SavedAddress | null {
  const marker = markerIn(doc.childNodes) ?? markerIn(doc.documentElement?.childNodes);
  if (marker) return marker;
  const head = doc.head;
  if (!head) return null;
  for (const link of head.querySelectorAll('link[rel][href]')) {
    if (!/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? '')) continue;
    const url = webAddress(link.getAttribute('href'));
    if (url) return { url, from: 'canonical' };
  }
  const og = webAddress(head.querySelector('meta[property="og:url"]')?.getAttribute('content'));
  return og ? { url: og, from: 'og:url' } : null;
}

/** Whether the saver made the page's links absolute, so that what is left relative is its own local copies. */
export function linksMadeAbsolute(from: AddressSource): boolean {
  return from === 'saved-from' || from === 'singlefile';
}
