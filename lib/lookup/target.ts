import { type DateBounds, isoDate } from '../dates/calendar';
import { pageDates } from '../dates/page-date';
import { parseDocument } from '../html';
import type { IsoDate } from '../schemas';
import { safeUrl } from '../url/parse';
import {
  discard,
  type FetchLike,
  type HttpLimits,
  LookupError,
  readText,
  request,
  retryAfterMs,
} from './http';
import type { HostQueue } from './queue';
import type { TargetAge } from './schemas';

export const DEFAULT_ARCHIVE_BASE = 'https://web.archive.org';

export interface LookupContext {
  fetch: FetchLike;
  limits: HttpLimits;
  queue: HostQueue;
  now: () => Date;
  /** The Internet Archive's base URL (tests point it at a fake). */
  archiveBase: string;
  signal?: AbortSignal;
}

/** Files whose age is their Last-Modified: a HEAD request says it without downloading them. */
const FILE_EXT =
  /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|ico|pdf|docx?|xlsx?|pptx?|odt|ods|csv|zip|gz|mp[34]|m4[av]|webm|mov|avi|mkv|ogg|oga|ogv|wav|flac|aac|opus)$/i;
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)/i;
const RETRIES = 2;
const DEFAULT_BACKOFF_MS = 5000;

function hostOf(url: string): string {
  return safeUrl(url)?.hostname ?? url;
}

/** A `Last-Modified` header as a calendar date, if it is a real date in the past. */
export function httpDate(value: string | null, bounds: DateBounds): IsoDate | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return null;
  const d = new Date(time);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), bounds);
}

/**
 * A request through the host queue, retried when the host says "too many requests" or "unavailable": its
 * Retry-After (or a few seconds) pauses that host alone.
 */
async function politeRequest(url: string, init: RequestInit, ctx: LookupContext) {
  const host = hostOf(url);
  for (let attempt = 0; ; attempt++) {
    const fetched = await ctx.queue.run(host, () => request(ctx.fetch, url, init, ctx.limits, ctx.signal));
    const { status } = fetched.response;
    if ((status !== 429 && status !== 503) || attempt >= RETRIES) return fetched;
    discard(fetched.response);
    ctx.queue.pause(host, retryAfterMs(fetched.response.headers.get('retry-after')) ?? DEFAULT_BACKOFF_MS);
  }
}

function failure(
  url: string,
  status: TargetAge['status'],
  reason: string,
  ctx: LookupContext,
  httpStatus?: number,
) {
  const age: TargetAge = {
    url,
    status,
    date: null,
    dateSource: null,
    modified: null,
    reason,
    checkedAt: ctx.now().getTime(),
  };
  if (httpStatus !== undefined) age.httpStatus = httpStatus;
  return age;
}

function httpFailure(url: string, status: number, ctx: LookupContext): TargetAge {
  if (status === 404 || status === 410) return failure(url, 'dead', `gone (HTTP ${status})`, ctx, status);
  if (status === 401 || status === 403 || status === 451 || status === 999)
    return failure(url, 'blocked', `the site refused the look-up (HTTP ${status})`, ctx, status);
  if (status === 429 || status === 503)
    return failure(url, 'error', `the site is busy (HTTP ${status}), try again later`, ctx, status);
  return failure(url, 'error', `HTTP ${status}`, ctx, status);
}

/** A redirect from a page deep in a site to its home page: the page itself is gone. */
function toHomePage(from: string, to: string): boolean {
  const a = safeUrl(from);
  const b = safeUrl(to);
  if (!a || !b || a.href === b.href) return false;
  const deep = a.pathname.replace(/\/+$/, '') !== '';
  const home = b.pathname.replace(/\/+$/, '') === '' && !b.search;
  return deep && home;
}

/** The Internet Archive's first (or, with `last`, latest) good capture of a URL: its date and the copy's URL. */
export async function archiveCapture(
  url: string,
  ctx: LookupContext,
  last = false,
): Promise<{ date: IsoDate | null; copy: string } | null> {
  const cdx = `${ctx.archiveBase}/cdx/search/cdx?url=${encodeURIComponent(url)}&output=json&fl=timestamp,original&filter=statuscode:200&limit=${last ? -1 : 1}`;
  try {
    const { response } = await politeRequest(cdx, { headers: { accept: 'application/json' } }, ctx);
    if (!response.ok) {
      discard(response);
      return null;
    }
    const { text } = await readText(response, ctx.limits, ctx.signal);
    const rows: unknown = JSON.parse(text);
    const row = Array.isArray(rows) ? rows[1] : null;
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !/^\d{8,14}$/.test(row[0])) return null;
    const stamp = row[0];
    const date = isoDate(Number(stamp.slice(0, 4)), Number(stamp.slice(4, 6)), Number(stamp.slice(6, 8)), {
      now: ctx.now(),
    });
    const original = typeof row[1] === 'string' ? row[1] : url;
    return { date, copy: `${ctx.archiveBase}/web/${stamp}/${original}` };
  } catch (error) {
    if (error instanceof LookupError && error.code === 'cancelled') throw error;
    return null; // the archive is a fallback: its failure is no news about the target
  }
}

/** Non-HTML targets: Last-Modified from HEAD, else from a one-byte ranged GET. */
async function fileAge(url: string, ctx: LookupContext, bounds: DateBounds): Promise<TargetAge> {
  const head = await politeRequest(url, { method: 'HEAD' }, ctx);
  discard(head.response);
  if (head.response.status === 404 || head.response.status === 410)
    return httpFailure(url, head.response.status, ctx);
  let lastModified = head.response.ok ? head.response.headers.get('last-modified') : null;
  let final = head;
  if (!lastModified) {
    const ranged = await politeRequest(url, { headers: { range: 'bytes=0-0' } }, ctx);
    discard(ranged.response);
    if (!ranged.response.ok) return httpFailure(url, ranged.response.status, ctx);
    lastModified = ranged.response.headers.get('last-modified');
    final = ranged;
  }
  const date = httpDate(lastModified, bounds);
  const age: TargetAge = {
    url,
    status: 'ok',
    httpStatus: final.response.status,
    date,
    dateSource: date ? 'http' : null,
    modified: null,
    checkedAt: ctx.now().getTime(),
  };
  if (final.finalUrl !== url) age.finalUrl = final.finalUrl;
  return age;
}

/**
 * How old a target is, from the web: its page's own metadata (the extractor that dates the page being read),
 * Last-Modified for files, the Internet Archive's first capture when neither says. Dead and moved targets are
 * reported, with an archived copy when there is one. Never throws, except when cancelled.
 */
export async function lookUpTarget(url: string, ctx: LookupContext): Promise<TargetAge> {
  const bounds: DateBounds = { now: ctx.now() };
  let age: TargetAge;
  try {
    age = await directAge(url, ctx, bounds);
  } catch (error) {
    if (!(error instanceof LookupError)) return failure(url, 'error', String(error).slice(0, 200), ctx);
    if (error.code === 'cancelled') throw error;
    age = failure(url, error.code === 'timeout' ? 'timeout' : 'unreachable', error.message, ctx);
  }
  if (age.status === 'dead' || age.status === 'moved' || age.status === 'unreachable') {
    const copy = await archiveCapture(url, ctx, true);
    if (copy) age.archiveUrl = copy.copy;
  }
  if (!age.date && age.status !== 'blocked') {
    const first = await archiveCapture(url, ctx);
    if (first?.date) {
      age.date = first.date;
      age.dateSource = 'archive';
    }
  }
  return age;
}

async function directAge(url: string, ctx: LookupContext, bounds: DateBounds): Promise<TargetAge> {
  const path = safeUrl(url)?.pathname ?? '';
  if (FILE_EXT.test(path)) {
    return fileAge(url, ctx, bounds);
  }
  const { response, finalUrl } = await politeRequest(
    url,
    { headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } },
    ctx,
  );
  if (!response.ok) {
    discard(response);
    return httpFailure(url, response.status, ctx);
  }
  if (toHomePage(url, finalUrl)) {
    discard(response);
    const moved = failure(
      url,
      'moved',
      'redirects to the site’s home page: the page is gone',
      ctx,
      response.status,
    );
    moved.finalUrl = finalUrl;
    return moved;
  }
  const type = response.headers.get('content-type') ?? '';
  const age: TargetAge = {
    url,
    status: 'ok',
    httpStatus: response.status,
    date: null,
    dateSource: null,
    modified: null,
    checkedAt: ctx.now().getTime(),
  };
  if (finalUrl !== url) age.finalUrl = finalUrl;
  if (type && !HTML_TYPE.test(type)) {
    discard(response);
    age.date = httpDate(response.headers.get('last-modified'), bounds);
    if (age.date) age.dateSource = 'http';
    return age;
  }
  const { text } = await readText(response, ctx.limits, ctx.signal);
  const doc = parseDocument(text);
  if (!doc.documentElement) return age;
  const dates = pageDates(doc, bounds);
  age.modified = dates.modified;
  if (dates.published) {
    age.date = dates.published;
    age.dateSource = 'meta';
  }
  return age;
}
