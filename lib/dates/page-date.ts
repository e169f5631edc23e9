import type { IsoDate } from '../schemas';
import type { DateBounds } from './calendar';
import { parseTextDate } from './text-date';

export interface PageDates {
  published: IsoDate | null;
  modified: IsoDate | null;
  /** Which markup gave the published date. */
  via: string | null;
}

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[property="video:release_date"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[itemprop="uploadDate"]',
  'meta[name="citation_publication_date"]',
  'meta[name="citation_date"]',
  'meta[name="citation_online_date"]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.issued" i]',
  'meta[name="dc.date" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="dcterms.date" i]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[property="og:article:published_time"]',
].join(',');
const MODIFIED_META =
  'meta[property="article:modified_time"], meta[property="og:updated_time"], meta[itemprop="dateModified"], meta[name="dcterms.modified" i]';
const PUBLISHED_ELEMENTS = [
  '[itemprop="datePublished"]',
  'time[pubdate]',
  'time.entry-date.published',
  'time.published',
  'abbr.published[title]',
  '.published[title]',
  '.post-timestamp abbr[title]',
  'time.entry-date',
].join(',');

const ARTICLE_TYPES =
  /Article|BlogPosting|Posting|Report|VideoObject|WebPage|CreativeWork|Episode|ScholarlyArticle|Review|Book|Movie|Dataset/;

interface JsonLdDates {
  published?: string;
  modified?: string;
}

function jsonLdDates(node: unknown, out: JsonLdDates, depth = 0): void {
  if (depth > 6 || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node.slice(0, 50)) jsonLdDates(n, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const type = String(obj['@type'] ?? '');
  if (!type || ARTICLE_TYPES.test(type)) {
    const p = obj['datePublished'] ?? obj['uploadDate'] ?? obj['dateCreated'];
    if (typeof p === 'string' && !out.published) out.published = p;
    const m = obj['dateModified'];
    if (typeof m === 'string' && !out.modified) out.modified = m;
  }
  if (obj['@graph']) jsonLdDates(obj['@graph'], out, depth + 1);
  if (obj['mainEntity']) jsonLdDates(obj['mainEntity'], out, depth + 1);
}

function attrDate(el: Element): string {
  return (
    el.getAttribute('datetime') ??
    el.getAttribute('content') ??
    el.getAttribute('title') ??
    el.textContent ??
    ''
  );
}

/**
 * The page's own published (and modified) date from its markup: JSON-LD, Open Graph and citation meta tags,
 * microdata, `<time>` and Blogger's `abbr.published`. `accept` can reject a JSON-LD block (YouTube keeps a stale
 * one after in-app navigation).
 */
export function pageDates(
  doc: Document,
  bounds: DateBounds,
  accept: (jsonLd: string) => boolean = () => true,
): PageDates {
  const ld: JsonLdDates = {};
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 500_000 || !accept(text)) continue;
    try {
      jsonLdDates(JSON.parse(text), ld);
    } catch {
      // Malformed JSON-LD is common; other markup still counts.
    }
  }
  const metaModified = doc.querySelector(MODIFIED_META)?.getAttribute('content');
  const modified = parseTextDate(ld.modified ?? metaModified ?? '', bounds);
  const candidates: Array<[string | null | undefined, string]> = [
    [ld.published, 'json-ld'],
    [doc.querySelector(PUBLISHED_META)?.getAttribute('content'), 'meta'],
  ];
  const el = doc.querySelector(PUBLISHED_ELEMENTS);
  if (el) candidates.push([attrDate(el), 'element']);
  for (const [text, via] of candidates) {
    const date = text ? parseTextDate(text, bounds) : null;
    if (date) return { published: date, modified, via };
  }
  return { published: null, modified, via: null };
}
