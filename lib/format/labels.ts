import type { Category, Link, SavedCopy } from '../schemas';

export const CATEGORY_LABELS: Record<Category, string> = {
  primary: 'Primary sources',
  self: 'Self-citations',
  media: 'Media',
  other: 'Other links',
};

export const CATEGORY_ORDER: readonly Category[] = ['primary', 'self', 'media', 'other'];

const ADDRESS_FROM: Record<SavedCopy['addressFrom'], string> = {
  'saved-from': 'the browser’s “saved from” note',
  singlefile: 'SingleFile’s header',
  canonical: 'its canonical link',
  'og:url': 'its og:url',
};

/** Where a saved copy was read, and what named the address it is read as. */
export function savedCopyNote(copy: SavedCopy): string {
  return `saved copy read from ${copy.location}; its address is from ${ADDRESS_FROM[copy.addressFrom]}`;
}

/** A link's domain as the interface shows it: the registrable domain, or a look-alike host in full with a warning. */
export function shownDomain(link: Pick<Link, 'domain' | 'displayHost' | 'deceptiveHost'>): string {
  return link.deceptiveHost ? `⚠ ${link.displayHost}` : link.domain;
}

/** A URL made readable for a row with no anchor text: host and path, decoded, without the scheme. */
export function readableUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url.slice(0, 200);
    let path = u.pathname;
    try {
      path = decodeURI(path);
    } catch {
      // keep the encoded path
    }
    const text = `${u.hostname.replace(/^www\./, '')}${path === '/' ? '' : path}${u.search}`;
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  } catch {
    return url.slice(0, 200);
  }
}

/** Link text that is only a number or the identifier the link names: an ISBN, an OCLC number, a DOI. */
function onlyIdentifier(text: string, doi: string | undefined): boolean {
  return /^[\d\s.:/\-–X]+$/.test(text) || (doi !== undefined && text.toLowerCase() === doi.toLowerCase());
}

/**
 * What a row is called: its anchor text, unless that is only the URL again or empty; or, where it is only an
 * identifier (a reference's `ISBN 978-…`, `OCLC 663444426`, `doi:10.1080/…`), the reference it stands in.
 */
export function linkTitle(link: Pick<Link, 'text' | 'url'> & Partial<Pick<Link, 'context' | 'doi'>>): string {
  const text = link.text.trim();
  if (!text || /^(https?:\/\/|www\.)/i.test(text)) return readableUrl(link.url);
  const { context } = link;
  if (context && context.length > text.length && onlyIdentifier(text, link.doi) && context.includes(text))
    return context;
  return text;
}

/** The rules' names for page furniture (`why`) that say little to a reader as they are. */
const FURNITURE_WORDS: Record<string, string> = {
  meta: 'post details',
  author: 'comment author',
  edit: 'edit link',
  ad: 'advert',
  empty: 'empty link',
  identifier: 'identifier label',
  'citation details': 'citation details',
  'outside content': 'outside the content',
};

/**
 * Where a link sits, in words: "article", "comment by Penny on 2025-07-02", "post “Title” (2018-01-31)"; for page
 * furniture, which ("header", "sidebar", "reply"…; "page furniture" when no rule named it).
 */
export function placeOf(link: Pick<Link, 'region' | 'comment' | 'post' | 'why'>): string {
  if (link.comment) {
    const by = link.comment.author ? ` by ${link.comment.author}` : '';
    const on = link.comment.date ? ` on ${link.comment.date}` : '';
    return `comment${by}${on}`;
  }
  if (link.post?.title) return `post “${link.post.title}”${link.post.date ? ` (${link.post.date})` : ''}`;
  if (link.region === 'chrome') return link.why ? (FURNITURE_WORDS[link.why] ?? link.why) : 'page furniture';
  return link.region;
}

const COUNT = new Intl.NumberFormat('en');

/** A count as the interface shows it, with thousands separators: 10,000. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A number of links as the interface says it: "1 link", "2,500 links". */
export function formatLinks(n: number): string {
  return `${formatCount(n)} link${n === 1 ? '' : 's'}`;
}
