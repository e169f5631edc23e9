import type { IsoDate } from '../schemas';
import type { DateBounds } from './calendar';
import { type TextDateOptions, textDates } from './text-date';

// The method follows htmldate's published one: header markup first (page-date.ts), then structural markers (bylines,
// date-classed elements), then text near a "published" word or the headline, preferring the original date to an
// update, and never a date from comments, related stories, sidebars, footers or a copyright line.

/** Parts of a page whose dates are not the page's: comments, related stories, widgets, footers. */
const EXCLUDED =
  /(?:^|[\s_-])(?:comments?|comment-list|commentlist|respond|replies|related|recommend(?:ed|ations)?|more-stories|read-more|sidebar|widgets?|footer|copyright|newsletter|share|sharing|social|trending|popular|most-read|breadcrumbs?|teaser|promo|outbrain|taboola)(?:$|[\s_-])/i;
const EXCLUDED_TAGS = new Set([
  'footer',
  'aside',
  'nav',
  'form',
  'script',
  'style',
  'noscript',
  'template',
  'figure',
]);
/** Elements whose class or id says they hold the date or the byline. */
const DATE_HINT =
  /(?:^|[\s_-])(?:date|dates|dateline|datetime|time|timestamp|byline|posted|posted-on|published|pubdate|post-date|entry-date|entry-meta|post-meta|article-meta|meta-date|datum|fecha|publish|publication|article-date|story-date|info)(?:$|[\s_-])/i;
const UPDATED_HINT = /(?:^|[\s_-])(?:updated|modified|update|last-modified|revision|edited)(?:$|[\s_-])/i;
const PUBLISHED_WORDS =
  /(?:published|posted|publication date|first published|veröffentlicht|erschienen|publié|publicado|publicada|pubblicato|gepubliceerd|опубликовано|公開|投稿|发布|發佈|نشر|بتاريخ)/iu;
const UPDATED_WORDS =
  /(?:updated|modified|last edited|aktualisiert|mis à jour|actualizado|aggiornato|bijgewerkt|обновлено|更新|تحديث)/iu;
const COPYRIGHT = /(?:©|\(c\)|copyright)/i;
const MAX_ELEMENTS = 4000;
const TEXT_TAGS = new Set([
  'p',
  'div',
  'span',
  'li',
  'header',
  'small',
  'em',
  'strong',
  'address',
  'dd',
  'td',
]);

export interface BodyDates {
  published: IsoDate | null;
  modified: IsoDate | null;
}

/** How the page writes numeric dates, from its language: US English is month first, the rest day first. */
export function numericConvention(doc: Document): TextDateOptions {
  const lang = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase();
  if (!lang) return {};
  if (lang === 'en-us') return { monthFirst: true };
  if (lang === 'en') return {};
  return { monthFirst: false };
}

function classOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

function excluded(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role === 'complementary' || role === 'contentinfo' || role === 'navigation') return true;
  return EXCLUDED.test(classOf(el));
}

/** The published date in a short text: after a "published" word, else the first date not after an "updated" one. */
function publishedIn(text: string, bounds: DateBounds, options: TextDateOptions): BodyDates {
  if (COPYRIGHT.test(text) && !PUBLISHED_WORDS.test(text)) return { published: null, modified: null };
  const dates = textDates(text, bounds, options);
  if (!dates.length) return { published: null, modified: null };
  const pub = PUBLISHED_WORDS.exec(text);
  const upd = UPDATED_WORDS.exec(text);
  let published: IsoDate | null = null;
  let modified: IsoDate | null = null;
  for (const d of dates) {
    // A date belongs to the nearest keyword before it.
    const afterPub = pub && pub.index < d.index;
    const afterUpd = upd && upd.index < d.index && (!afterPub || upd.index > pub!.index);
    if (afterUpd) modified ??= d.date;
    else published ??= d.date;
  }
  return { published, modified };
}

/** The element's own date: its machine-readable attribute, else its (short) text. */
function elementText(el: Element): string {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (attr) return attr;
  const text = el.textContent ?? '';
  return text.length <= 300 ? text : '';
}

/** Where the article is: its <article>, <main> or main role, else the body. */
function contentRoot(doc: Document): Element | null {
  return doc.querySelector('article, main, [role="main"], [itemprop="articleBody"]') ?? doc.body;
}

/**
 * The page's published date from its body when its markup has none: date and byline elements first (in page
 * order), then a date after a "published" word, then a date just under the headline. Null when none of these
 * says: an undated page gets no date, not a guess from whatever date its text mentions.
 */
export function bodyDates(doc: Document, bounds: DateBounds): BodyDates {
  const root = contentRoot(doc);
  if (!root) return { published: null, modified: null };
  const options = numericConvention(doc);
  let modified: IsoDate | null = null;
  let seen = 0;
  // Structural markers, in page order, outside excluded parts.
  const stack: Element[] = [root];
  let keyword: IsoDate | null = null;
  let headline: Element | null = null;
  while (stack.length && seen < MAX_ELEMENTS) {
    const el = stack.pop()!;
    seen++;
    if (el !== root && excluded(el)) continue;
    const cls = classOf(el);
    const marker = el.localName === 'time' || DATE_HINT.test(cls);
    if (marker && !UPDATED_HINT.test(cls)) {
      const found = publishedIn(elementText(el), bounds, options);
      modified ??= found.modified;
      if (found.published) return { published: found.published, modified };
    } else if (marker) {
      modified ??= publishedIn(elementText(el), bounds, options).published;
    }
    if (!headline && el.localName === 'h1') headline = el;
    // A short line with a "published" word ("Posted on 3 March 2021 by …"), the first one in the content.
    if (!keyword && TEXT_TAGS.has(el.localName) && el.childElementCount <= 6) {
      const text = el.textContent ?? '';
      if (text.length <= 300 && PUBLISHED_WORDS.test(text))
        keyword = publishedIn(text, bounds, options).published;
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  if (keyword) return { published: keyword, modified };
  // The byline right under the headline.
  if (headline) {
    // Only short lines (a byline, a dateline): the first paragraph of prose ends the search, since the dates it
    // names are what the story is about.
    let near = '';
    for (let sib = headline.nextElementSibling; sib && near.length < 200; sib = sib.nextElementSibling) {
      if (excluded(sib)) continue;
      const line = sib.textContent ?? '';
      if (line.trim().length > 100 || (sib.localName === 'p' && /[.!?]\s*$/.test(line.trim()))) break;
      near += ` ${line}`;
    }
    const found = publishedIn(near.slice(0, 200), bounds, options);
    if (found.published) return { published: found.published, modified };
  }
  return { published: null, modified };
}
