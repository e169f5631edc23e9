import type { IsoDate } from '../schemas';
import { bodyDates } from './body-date';
import type { DateBounds } from './calendar';
import { parseTextDate } from './text-date';

export interface PageDates {
  published: IsoDate | null;
  modified: IsoDate | null;
  /** Which markup gave the published date. */
  via: string | null;
}

// <meta> names (property, name or itemprop, lower case) that carry the published date, best first.
const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'video:release_date',
  'datepublished',
  'uploaddate',
  'citation_publication_date',
  'citation_date',
  'citation_online_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'og:article:published_time',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified'];

/**
 * Elements of the body that a caller already met while walking it, so that no whole-document query is needed:
 * `<meta>` tags, JSON-LD scripts, and candidate dated elements (`time`, `abbr`) in page order.
 */
export interface BodyHints {
  metas: Element[];
  scripts: Element[];
  dated: Element[];
}

/** Every <meta> date candidate by its lower-cased name, read in one pass. */
function metaValues(metas: Iterable<Element>): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of metas) {
    if (!meta.hasAttribute('content')) continue;
    const name = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (name && !values.has(name)) values.set(name, meta.getAttribute('content') ?? '');
  }
  return values;
}

function firstOf(values: Map<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = values.get(name);
    if (value) return value;
  }
  return undefined;
}
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

/** Published and modified dates from the page's JSON-LD blocks that `accept` lets through. */
function readJsonLd(doc: Document, accept: (jsonLd: string) => boolean, body?: BodyHints): JsonLdDates {
  const head = doc.head;
  const headScripts = head ? [...head.querySelectorAll('script[type="application/ld+json"]')] : [];
  const scripts = body
    ? [...headScripts, ...body.scripts]
    : doc.querySelectorAll('script[type="application/ld+json"]');
  const ld: JsonLdDates = {};
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > 500_000 || !accept(text)) continue;
    try {
      jsonLdDates(JSON.parse(text), ld);
    } catch {
      // Malformed JSON-LD is common; other markup still counts.
    }
  }
  return ld;
}

/** The published date of the JSON-LD blocks `accept` lets through, and nothing else (YouTube's fallback). */
export function jsonLdPublished(
  doc: Document,
  bounds: DateBounds,
  accept: (jsonLd: string) => boolean,
): IsoDate | null {
  const { published } = readJsonLd(doc, accept);
  return published ? parseTextDate(published, bounds) : null;
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
  body?: BodyHints,
): PageDates {
  const head = doc.head;
  const ld = readJsonLd(doc, accept, body);
  const headMetas = head ? [...head.querySelectorAll('meta[content]')] : [];
  const meta = metaValues(body ? [...headMetas, ...body.metas] : doc.querySelectorAll('meta[content]'));
  const modified = parseTextDate(ld.modified ?? firstOf(meta, MODIFIED_META) ?? '', bounds);
  for (const [text, via] of [
    [ld.published, 'json-ld'],
    [firstOf(meta, PUBLISHED_META), 'meta'],
  ] as const) {
    const date = text ? parseTextDate(text, bounds) : null;
    if (date) return { published: date, modified, via };
  }
  // Dated elements in the body: the document-wide query runs only when the head had nothing.
  const el = body
    ? (body.dated.find((e) => e.matches(PUBLISHED_ELEMENTS)) ?? null)
    : doc.querySelector(PUBLISHED_ELEMENTS);
  const date = el ? parseTextDate(attrDate(el), bounds) : null;
  if (date) return { published: date, modified, via: 'element' };
  // Bylines and text: the last resort, and it answers null rather than guess.
  const fromBody = bodyDates(doc, bounds);
  return {
    published: fromBody.published,
    modified: modified ?? fromBody.modified,
    via: fromBody.published ? 'text' : null,
  };
}
