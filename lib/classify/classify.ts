import type { HostInfo } from '../domains/host-info';
import type { Category, Kind, LinkSource, Region } from '../schemas';
import { hostFact } from '../url/host-facts';
import { isBookLookup } from '../url/isbn';
import { isWebUrl } from '../url/parse';
import { recordOf, type UrlParts } from '../url/parts';
import { isSelf, type SiteIdentity } from './identity';
import { mediaKind, sourceKind } from './kind';
import { LOGIN_HOSTS, LOGIN_PATH, PORTAL_HASH, SHARE_PATTERNS, SUBSCRIBE_PATH } from './tables';

export interface Sorted {
  category: Category;
  kind: Kind;
  /** Media on the page's own site. */
  self: boolean;
}

const OTHER_SCHEMES: Record<string, Kind> = {
  'mailto:': 'email',
  'tel:': 'phone',
  'sms:': 'phone',
  'javascript:': 'script',
  'vbscript:': 'script',
  'data:': 'script',
  'blob:': 'script',
};

/** The share patterns' path tests that apply to a host (most hosts have none), worked out once per host. */
const sharePaths = hostFact(({ bare }): RegExp[] =>
  SHARE_PATTERNS.filter(([h]) => h.test(bare)).map(([, path]) => path),
);
/** Whether a host is a sign-in service's. */
const isLoginHost = hostFact(({ bare }) => LOGIN_HOSTS.has(bare));
const JETPACK_SHARE =
  /^(?:jetpack-)?(?:twitter|x|facebook|email|print|reddit|linkedin|telegram|whatsapp|pocket|tumblr|pinterest|mastodon|bluesky|threads|nextdoor|press-this)$/;

/** Links that act on the page (share it, sign in) instead of citing something, judged on the URL as written. */
export function actionKind(url: UrlParts): Kind | null {
  if (!isWebUrl(url)) return OTHER_SCHEMES[url.protocol] ?? 'invalid';
  const record = recordOf(url);
  for (const path of sharePaths(record)) if (path.test(url.pathname)) return 'share';
  // WordPress/Jetpack sharing buttons: <post>?share=twitter&nb=1
  if (url.search.includes('share=') && JETPACK_SHARE.test(url.searchParams.get('share') ?? ''))
    return 'share';
  // Substack's share buttons, in posts and their e-mails: …?utm_content=share&action=share
  if (url.search.includes('action=share') && url.searchParams.get('action') === 'share') return 'share';
  if (isLoginHost(record) || LOGIN_PATH.test(url.pathname)) return 'login';
  if (SUBSCRIBE_PATH.test(url.pathname)) return 'subscribe';
  const portal = PORTAL_HASH.exec(url.hash);
  if (portal) return portal[1] ? 'login' : 'subscribe';
  return null;
}

export interface SortInput {
  /** The target after unwrapping and canonicalization. */
  url: UrlParts;
  info: HostInfo;
  source: LinkSource;
  region: Region;
}

/** Each distinct result once (read-only): the sorting builds none per link. Indexed by category, kind, self. */
const SORTED: Partial<Record<Category, Partial<Record<Kind, [Sorted?, Sorted?]>>>> = {};
function sorted(category: Category, kind: Kind, self: boolean): Sorted {
  let kinds = SORTED[category];
  if (!kinds) {
    kinds = {};
    SORTED[category] = kinds;
  }
  let pair = kinds[kind];
  if (!pair) {
    pair = [];
    kinds[kind] = pair;
  }
  const i = self ? 1 : 0;
  let result = pair[i];
  if (!result) {
    result = Object.freeze({ category, kind, self });
    pair[i] = result;
  }
  return result;
}
const CHROME: Sorted = sorted('other', 'chrome', false);

/** DESIGN's precedence: media, then self, then primary; chrome and page actions are "other". */
export function sortLink(input: SortInput, identity: SiteIdentity): Sorted {
  const { url, info, source, region } = input;
  if (region === 'chrome') return CHROME;
  const self = isSelf(url, info, identity) && !isBookLookup(url);
  const media = mediaKind(url, source);
  if (media) return sorted('media', media, self);
  if (self) return sorted('self', sourceKind(url), self);
  return sorted('primary', sourceKind(url), false);
}
