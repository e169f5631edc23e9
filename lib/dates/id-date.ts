import type { IsoDate } from '../schemas';
import { hostFact } from '../url/host-facts';
import { recordOf, type UrlParts } from '../url/parts';
import { type DateBounds, isoDate, isoDayOf } from './calendar';

const TWITTER_HOSTS = new Set([
  'twitter.com',
  'x.com',
  'mobile.twitter.com',
  'mobile.x.com',
  'fxtwitter.com',
  'vxtwitter.com',
  'fixupx.com',
  'nitter.net',
]);
const TWITTER_EPOCH = 1288834974657n;
const INSTAGRAM_EPOCH = 1314220021721n;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const IG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function bigint(digits: string): bigint | null {
  return /^\d{1,25}$/.test(digits) ? BigInt(digits) : null;
}

/** X/Twitter status IDs are snowflakes: the creation time in ms since 2010-11-04 in the top bits. */
function twitter(parts: string[], bounds: DateBounds): IsoDate | null {
  const i = parts.findIndex((p) => p === 'status' || p === 'statuses');
  const id = i >= 0 ? bigint(parts[i + 1] ?? '') : null;
  if (id === null || id < 1n << 22n) return null;
  return isoDayOf(Number((id >> 22n) + TWITTER_EPOCH), bounds);
}

/** arXiv identifiers name their month: `2101.01234` (2021-01), `hep-th/9901001` (1999-01). */
function arxiv(path: string, bounds: DateBounds): IsoDate | null {
  let m = /^\/(?:abs|pdf|html|format)\/(\d{2})(\d{2})\.\d{4,5}/.exec(path);
  if (m) return isoDate(2000 + Number(m[1]), Number(m[2]), null, bounds);
  m = /^\/(?:abs|pdf)\/[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}/.exec(path);
  if (m) {
    const yy = Number(m[1]);
    return isoDate(yy >= 91 ? 1900 + yy : 2000 + yy, Number(m[2]), null, { ...bounds, minYear: 1991 });
  }
  return null;
}

/** Bluesky post keys are TIDs: base32-sortable, microseconds since 1970 in the top 53 bits. */
function bluesky(parts: string[], bounds: DateBounds): IsoDate | null {
  const i = parts.indexOf('post');
  const tid = parts[i + 1];
  if (i < 0 || !tid || !/^[2-7a-z]{13}$/.test(tid)) return null;
  let value = 0n;
  for (const ch of tid) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(ch));
  return isoDayOf(Number(value >> 10n) / 1000, bounds);
}

/** Instagram shortcodes encode the media ID, whose top bits are ms since 2011-08-24. */
function instagram(parts: string[], bounds: DateBounds): IsoDate | null {
  const i = parts.findIndex((p) => p === 'p' || p === 'reel' || p === 'tv');
  const code = parts[i + 1];
  if (i < 0 || !code || !/^[A-Za-z0-9_-]{9,12}$/.test(code)) return null;
  let id = 0n;
  for (const ch of code) id = id * 64n + BigInt(IG_ALPHABET.indexOf(ch));
  return isoDayOf(Number((id >> 23n) + INSTAGRAM_EPOCH), { ...bounds, minYear: 2010 });
}

/** TikTok video IDs carry the upload time in seconds in their top 32 bits. */
function tiktok(parts: string[], bounds: DateBounds): IsoDate | null {
  const i = parts.indexOf('video');
  const id = i >= 0 ? bigint(parts[i + 1] ?? '') : null;
  if (id === null || id < 1n << 32n) return null;
  return isoDayOf(Number(id >> 32n) * 1000, { ...bounds, minYear: 2016 });
}

/** Mastodon status IDs (`/@user/109…`) are ms since 1970 shifted left by 16 bits. */
function mastodon(parts: string[], bounds: DateBounds): IsoDate | null {
  if (parts.length !== 2 || !parts[0]?.startsWith('@')) return null;
  const id = bigint(parts[1] ?? '');
  if (id === null || id < 10n ** 16n) return null;
  return isoDayOf(Number(id >> 16n), { ...bounds, minYear: 2016 });
}

/** The platform whose IDs a host's URLs carry, if any: worked out once per host. */
const idPlatform = hostFact(({ bare }) => {
  if (bare === 'arxiv.org' || bare === 'export.arxiv.org') return 'arxiv';
  if (TWITTER_HOSTS.has(bare)) return 'twitter';
  if (bare === 'bsky.app') return 'bluesky';
  if (bare === 'instagram.com') return 'instagram';
  if (/(^|\.)tiktok\.com$/.test(bare)) return 'tiktok';
  return null;
});

/** The date an ID in the URL encodes (social post snowflakes, arXiv numbers), or null. */
export function dateFromIds(url: UrlParts, bounds: DateBounds): IsoDate | null {
  const platform = idPlatform(recordOf(url));
  if (platform === 'arxiv') return arxiv(url.pathname, bounds);
  if (platform === null && !url.pathname.startsWith('/@')) return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (platform === 'twitter') return twitter(parts, bounds);
  if (platform === 'bluesky') return bluesky(parts, bounds);
  if (platform === 'instagram') return instagram(parts, bounds);
  if (platform === 'tiktok') return tiktok(parts, bounds);
  return mastodon(parts, bounds);
}
