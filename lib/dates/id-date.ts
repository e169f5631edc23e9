import type { IsoDate } from '../schemas';
import { doiOf, isArxiv } from '../url/doi';
import { hostFact } from '../url/host-facts';
import { safeDecode } from '../url/parse';
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

/**
 * LinkedIn's activity, share and post IDs carry the time in ms since 1970 in their top bits: `…-activity-<id>-…` in a
 * post's address, `urn:li:activity:<id>` (or `share`, `ugcPost`) in a feed update's.
 */
function linkedin(path: string, bounds: DateBounds): IsoDate | null {
  const m = /(?:-activity-|urn:li:(?:activity|share|ugcPost):)(\d{19})(?!\d)/.exec(path);
  const id = m ? bigint(m[1]!) : null;
  return id === null ? null : isoDayOf(Number(id >> 22n), { ...bounds, minYear: 2003 });
}

/** Discord's message IDs are snowflakes from 2015-01-01: `/channels/<server>/<channel>/<message>`. */
const DISCORD_EPOCH = 1420070400000n;
function discord(parts: string[], bounds: DateBounds): IsoDate | null {
  const id = parts[0] === 'channels' && parts.length === 4 ? bigint(parts[3]!) : null;
  if (id === null || id < 1n << 22n) return null;
  return isoDayOf(Number((id >> 22n) + DISCORD_EPOCH), { ...bounds, minYear: 2015 });
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

/** Journal articles are older than the web: a DOI or PII may name any year since this one. */
const SCHOLARLY_MIN_YEAR = 1900;

/** Springer Nature article numbers carry their year: `s41586-020-2649-2` (2020), `s00221-019-05555-0` (2019). */
const SPRINGER_NUMBER = /^s\d{5}-0(\d{2})-\d{4,5}-[\dx]$/i;
/**
 * Elsevier's Publisher Item Identifiers carry a two-digit year after the journal's ISSN: `S0140-6736(20)30183-5`,
 * `S0140673620301835` in ScienceDirect's addresses, and the same without the `S` in older DOIs (`0140-6736(93)…`).
 */
const PII = /^(?:PII)?S?\d{4}-?\d{3}[\dX]\(?(\d{2})\)?\d{5}-?[\dX]$/i;
/** Wiley's article numbers start with the year: `anie.201906767`, `adma.202001234`. */
const WILEY_NUMBER = /^[a-z]+\.((?:19|20)\d{2})\d{5}$/;
/**
 * A year between dots that digits follow, as most publishers number articles: Elsevier `j.cell.2020.02.052`, Taylor
 * & Francis `09668136.2019.1612345`, IEEE `TPAMI.2019.2913372`, Frontiers `fpsyg.2020.01234`, Wiley's older
 * `j.1468-2427.2011.01023.x`.
 */
const DOTTED_YEAR = /(?:^|\.)((?:19|20)\d{2})\.\d{2,}/;

/** Which year a two-digit year is: PIIs began in the 1990s. */
const piiYear = (yy: string) => Number(yy) + (Number(yy) >= 90 ? 1900 : 2000);

/** The year a DOI's suffix names, by the numbering its publisher uses (`prefix`: the registrant's digits). */
function doiYear(prefix: string, suffix: string, bounds: DateBounds): IsoDate | null {
  const first = suffix.split('/')[0]!;
  const scholarly = { ...bounds, minYear: SCHOLARLY_MIN_YEAR };
  let m = SPRINGER_NUMBER.exec(first);
  if (m) return isoDate(2000 + Number(m[1]), null, null, scholarly);
  m = PII.exec(first);
  if (m) return isoDate(piiYear(m[1]!), null, null, scholarly);
  if (prefix === '1002') {
    m = WILEY_NUMBER.exec(first);
    if (m) return isoDate(Number(m[1]), null, null, scholarly);
  }
  m = DOTTED_YEAR.exec(first);
  return m ? isoDate(Number(m[1]), null, null, scholarly) : null;
}

/** ScienceDirect's `/pii/S…` and The Lancet's `/article/PIIS…/fulltext`. */
const PII_IN_PATH = /\/(?:pii\/|(?=PIIS))([^/]+)/i;
/** Nature's and Springer's `/articles/s41586-020-2649-2`. */
const LAST_SEGMENT = /\/([^/]+)\/?$/;

/** Publishers whose article addresses carry an identifier with its year, without the DOI. */
const publisher = hostFact(({ bare }) =>
  bare === 'sciencedirect.com' || bare === 'linkinghub.elsevier.com' || bare === 'thelancet.com'
    ? 'elsevier'
    : bare === 'nature.com' || bare === 'link.springer.com' || bare.endsWith('.biomedcentral.com')
      ? 'springer'
      : null,
);

/**
 * The year a scholarly article's address names: a DOI in it (most publishers number articles by year), or the
 * publisher's own identifier (ScienceDirect's PII, Nature's article number). Null when there is none.
 */
function scholarlyYear(url: UrlParts, bounds: DateBounds): IsoDate | null {
  const { pathname, search } = url;
  const house = publisher(recordOf(url));
  if (house !== null) {
    const id = (house === 'elsevier' ? PII_IN_PATH : LAST_SEGMENT).exec(pathname)?.[1];
    const year = id ? doiYear('', safeDecode(id), bounds) : null;
    if (year) return year;
  }
  if (!pathname.includes('10.') && !search.includes('10.')) return null;
  const doi = doiOf(url);
  if (doi === null) return null;
  const slash = doi.indexOf('/');
  return doiYear(doi.slice(3, slash), doi.slice(slash + 1), bounds);
}

/** The platform whose IDs a host's URLs carry, if any: worked out once per host. */
const idPlatform = hostFact((record) => {
  if (isArxiv(record)) return 'arxiv';
  const { bare } = record;
  if (TWITTER_HOSTS.has(bare)) return 'twitter';
  if (bare === 'bsky.app') return 'bluesky';
  if (bare === 'instagram.com') return 'instagram';
  if (/(^|\.)tiktok\.com$/.test(bare)) return 'tiktok';
  if (bare === 'linkedin.com') return 'linkedin';
  if (bare === 'discord.com' || bare === 'discordapp.com') return 'discord';
  return null;
});

/**
 * The date an ID in the URL encodes (social post snowflakes, LinkedIn's and Discord's IDs, arXiv numbers, the year
 * in a DOI or a publisher's article identifier), or null.
 */
export function dateFromIds(url: UrlParts, bounds: DateBounds): IsoDate | null {
  const platform = idPlatform(recordOf(url));
  if (platform === 'arxiv') return arxiv(url.pathname, bounds);
  if (platform === 'linkedin') return linkedin(safeDecode(url.pathname), bounds);
  if (platform === null && !url.pathname.startsWith('/@')) return scholarlyYear(url, bounds);
  const parts = url.pathname.split('/').filter(Boolean);
  if (platform === 'twitter') return twitter(parts, bounds);
  if (platform === 'bluesky') return bluesky(parts, bounds);
  if (platform === 'instagram') return instagram(parts, bounds);
  if (platform === 'tiktok') return tiktok(parts, bounds);
  if (platform === 'discord') return discord(parts, bounds);
  return mastodon(parts, bounds);
}
