import type { DateBounds } from '../dates/calendar';
import { parseTextDate } from '../dates/text-date';
import { dateFromUrl } from '../dates/url-date';
import type { CommentRef, PostRef } from '../schemas';
import { safeUrl } from '../url/parse';
import { cleanText } from './context';

const AUTHOR = [
  // The walk notes the first `.fn` in a comment as it passes (`HeaderHints`): keep it the first.
  '.fn',
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '#author-text',
  '.comment-author',
  'cite.user',
  '.comment-header .user',
  '.author-name',
  '.comment-author-name',
  // WordPress's block themes (Twenty Twenty-Two on): the Comment Author Name block.
  '.wp-block-comment-author-name',
  '.username',
  '.comment-user',
  'a.hnuser',
  'a.author',
  // New Reddit: <faceplate-tracker noun="comment_author"><a href="/user/…/">…</a></faceplate-tracker>
  'faceplate-tracker[noun="comment_author"]',
];
const COMMENT_DATE = [
  // The walk notes the first `time[datetime]` in a comment as it passes (`HeaderHints`): keep it the first.
  'time[datetime]',
  '[itemprop="dateCreated"]',
  '[itemprop="datePublished"]',
  '.comment-metadata a',
  // WordPress's comments without HTML5 markup (Twenty Ten and the themes of its time): <div class="comment-meta
  // commentmetadata"><a href="…#comment-12">July 2, 2025 at 3:05 pm</a></div>
  '.commentmetadata a',
  '.comment-timestamp',
  '.datetime',
  '#published-time-text',
  '.comment-date',
  'abbr[title]',
  // Hacker News: <span class="age" title="2025-07-03T14:30:00 1751553000">
  '.age[title]',
  // GitHub (and Gitea, Forgejo): <relative-time datetime="2025-07-03T14:30:00Z">
  'relative-time[datetime]',
];

/** The first element matching the most preferred selector (a comma list would return the first in page order). */
function first(el: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = el.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function dateOf(el: Element | null, bounds: DateBounds): string | undefined {
  if (!el) return undefined;
  const text =
    el.getAttribute('datetime') ??
    el.getAttribute('content') ??
    el.getAttribute('title') ??
    el.textContent ??
    '';
  return (
    parseTextDate(text, bounds) ??
    (el.getAttribute('title') ? parseTextDate(el.textContent ?? '', bounds) : null) ??
    undefined
  );
}

/** A comment's reference, and the element that names its author (its link is furniture, not a citation). */
export interface CommentHeader {
  ref: CommentRef;
  author: Element | null;
}

/** Whether `link` is (or is inside) the element that names the comment's author. */
export function isAuthorLink(header: CommentHeader, link: Element): boolean {
  return header.author !== null && (header.author === link || header.author.contains(link));
}

/**
 * Elements a walk through a comment has met, matching the most preferred selectors of its author and its date
 * (`AUTHOR[0]`, `COMMENT_DATE[0]`): the first in its own part, outside the replies nested in it.
 */
export interface HeaderHints {
  author: Element | null;
  date: Element | null;
}

/** Who wrote a comment and when, read from its own header (not from the replies nested inside it). */
export function commentHeader(
  el: Element,
  pageUrl: string,
  bounds: DateBounds,
  hints?: HeaderHints,
): CommentHeader {
  const ref: CommentRef = {};
  // New Reddit names a comment by its thing id: <shreddit-comment thingid="t1_k1">
  const rawId = el.getAttribute('id') ?? el.getAttribute('thingid') ?? '';
  const id = rawId.replace(/^(?:div-|li-)comment-/, 'comment-');
  // Only ids that name this comment (`comment-123`, Blogger's `c123…`); YouTube gives every comment id="comment".
  if (/\d/.test(id)) ref.id = id.slice(0, 200);
  const authorEl = hints?.author ?? first(el, AUTHOR);
  // New Reddit also names the author on the comment itself: <shreddit-comment author="…">
  const author = cleanText(authorEl?.textContent ?? el.getAttribute('author') ?? '', 120);
  if (author) ref.author = author;
  const dateEl = hints?.date ?? first(el, COMMENT_DATE);
  const date = dateOf(dateEl, bounds);
  if (date) ref.date = date;
  if (!ref.id) {
    // YouTube names a comment in its permalink: watch?v=…&lc=<id>
    const href = el.querySelector('#published-time-text a, a[href*="lc="]')?.getAttribute('href');
    const lc = href ? safeUrl(href, pageUrl)?.searchParams.get('lc') : null;
    if (lc) ref.id = lc.slice(0, 200);
  }
  return { ref, author: authorEl };
}

/** The post a link on an archive page belongs to: its title, permalink and date. */
export function postRef(el: Element, pageUrl: string, bounds: DateBounds): PostRef {
  const ref: PostRef = {};
  const heading = el.querySelector('.entry-title, .post-title, h1, h2, h3');
  const title = cleanText(heading?.textContent ?? '', 200);
  if (title) ref.title = title;
  const link = heading?.querySelector('a[href]') ?? el.querySelector('a[rel~="bookmark"], a.timestamp-link');
  const permalink = link ? safeUrl(link.getAttribute('href') ?? '', pageUrl) : null;
  if (permalink) ref.url = permalink.href;
  const date =
    dateOf(
      el.querySelector(
        'time.published, time.entry-date, [itemprop="datePublished"], abbr.published, .published[title], time[datetime]',
      ),
      bounds,
    ) ??
    dateOf(el.closest('.date-outer')?.querySelector('.date-header') ?? null, bounds) ??
    (permalink ? dateFromUrl(permalink, bounds) : null) ??
    undefined;
  if (date) ref.date = date;
  return ref;
}
