import { parse as parseDomain } from 'tldts';
import { memoize } from '../memo';
import { doiOf, isDoiResolver } from './doi';
import { hostFact } from './host-facts';
import { isWebUrl, safeUrl } from './parse';
import {
  type QueryPair,
  queryPairs,
  recordOf,
  serializeQuery,
  snapshot,
  type UrlParts,
  withSearch,
} from './parts';
import { youTubeVideoId, youTubeWatchUrl } from './youtube';

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  '__twitter_impression',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'ncid',
  'ocid',
  'sr_share',
  'spm',
  'smid',
  'smtyp',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'at_medium',
  'at_campaign',
  'cmpid',
  'ito',
  'dicbo',
  'rss_source',
  'mbid',
  'cvid',
]);
// Parameters that only track on the sites that add them.
const SITE_TRACKING: Record<string, string[]> = {
  'youtube.com': ['si', 'feature', 'pp', 'ab_channel'],
  'youtu.be': ['si', 'feature'],
  'twitter.com': ['s', 't', 'ref_src'],
  'x.com': ['s', 't', 'ref_src'],
  'open.spotify.com': ['si', 'nd', 'context'],
  'instagram.com': ['igsh', 'img_index'],
  'linkedin.com': ['trk', 'trkinfo', 'lipi', 'midtoken', 'midsig', 'trackingid'],
  'facebook.com': ['mibextid', 'rdid', 'sfnsn'],
  'tiktok.com': ['is_from_webapp', 'sender_device', 'web_id', '_r', '_t'],
  'reddit.com': ['share_id', 'rdt'],
  'amazon.com': ['tag', 'linkcode', 'ref_'],
  // Medium's links to its own pages say where they were clicked: ?source=post_page-----…
  'medium.com': ['source'],
};

/** Whether a parameter tracks on every site; worked out once per name. */
const trackingName = memoize((name: string): boolean => {
  const n = name.toLowerCase();
  return TRACKING.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}, 20_000);

/** The parameters that only track on this host's site; worked out once per host. */
const siteTracking = hostFact(
  ({ bare }): readonly string[] =>
    SITE_TRACKING[bare] ?? SITE_TRACKING[bare.split('.').slice(-2).join('.')] ?? [],
);

function isTracking(name: string, site: readonly string[]): boolean {
  if (trackingName(name)) return true;
  return site.length > 0 && site.includes(name.toLowerCase());
}

const DOMAIN_NAME = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * Whether a value is a domain name under a public suffix: `?ref=corridorwatch.net`, which Ghost adds to every
 * outbound link of a post and newsletter, names the citing site. Other `ref` values are kept (GitLab's
 * `?ref=main` picks a branch).
 */
const isDomainName = memoize(
  (value: string): boolean =>
    DOMAIN_NAME.test(value) && parseDomain(value, { extractHostname: false }).isIcann === true,
  5_000,
);

/** Whether a parameter tracks: by its name, on every site or on this one; or a `ref` naming the citing site. */
function isTrackingParam([name, value]: QueryPair, site: readonly string[]): boolean {
  if (isTracking(name, site)) return true;
  return name.length === 3 && name.toLowerCase() === 'ref' && isDomainName(value);
}

/** The host as keys give it: mobile sites are the same site. */
const keyHostOf = hostFact(({ bare }): string =>
  bare.replace(/^(?:m|mobile)\./, '').replace(/\.m\.(wikipedia|wiktionary|wikimedia)\.org$/, '.$1.org'),
);

/** A path without its trailing slashes ("/" when nothing else is left). */
function keyPathOf(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === path.length ? path || '/' : end ? path.slice(0, end) : '/';
}

const EMBED_VIEW = /\/embed\/?$/;

/** The post a WordPress embed view shows, or null when the URL is no embed view. */
function wordPressEmbedded(url: UrlParts): UrlParts | null {
  let href: string;
  if (EMBED_VIEW.test(url.pathname)) {
    href = url.pathname.replace(EMBED_VIEW, '/') + url.search;
  } else if (url.searchParams.get('embed') === 'true') {
    const kept = queryPairs(url.search).filter(([name]) => name !== 'embed');
    href = url.pathname + (kept.length ? `?${serializeQuery(kept)}` : '');
  } else {
    return null;
  }
  const post = safeUrl(href, url.href);
  return post ? snapshot(post) : null;
}

export interface Canonical {
  /** The canonical URL's parts (the input itself when nothing changed). */
  parts: UrlParts;
  /** The URL to show and open: tracking parameters and fragments dropped, one form per YouTube video. */
  url: string;
  /** Identity for de-duplication: scheme, `www.`, `m.`, trailing slash and parameter order ignored. */
  key: string;
  youTubeId?: string;
}

const TWEET = /^\/(?:[\w]+|i\/web)\/status(?:es)?\/(\d+)/;

function byName([a]: QueryPair, [b]: QueryPair): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One canonical form per target, and a key under which all forms of one target meet. Works on parts: edits (a
 * fragment or tracking parameters dropped) are string work, with a new parse only for hash-bang routes.
 */
export function canonicalize(input: UrlParts): Canonical {
  if (!isWebUrl(input)) return { parts: input, url: input.href, key: input.href };
  const videoId = youTubeVideoId(input);
  if (videoId) {
    const watch = youTubeWatchUrl(videoId);
    // A video ID is URL-safe: the watch URL is serialized as written, and these are its parts.
    const parts = snapshot({
      href: watch,
      protocol: 'https:',
      hostname: 'www.youtube.com',
      port: '',
      pathname: '/watch',
      search: `?v=${videoId}`,
      hash: '',
    });
    return { parts, url: watch, key: `youtube:${videoId}`, youTubeId: videoId };
  }

  const record = recordOf(input);
  const host = record.bare;
  let url = input;
  // Hash-bang routes are paths (old Twitter `#!/user/status/1`); every other fragment is a place in the page.
  if (url.hash.startsWith('#!/')) {
    const routed = safeUrl(url.hash.slice(2), url.href);
    if (routed) url = snapshot(routed);
  }
  // WordPress shows a post in another page as a card, an iframe of the post's embed view (`<post>/embed/#?secret=…`,
  // `/?p=12&embed=true#?secret=…` without pretty permalinks): that is the post.
  if (url.hash.startsWith('#?secret=')) {
    const post = wordPressEmbedded(url);
    if (post) url = post;
  }
  let params: QueryPair[] = [];
  let search = url.search;
  if (search.length > 1) {
    params = queryPairs(search);
    const site = siteTracking(record);
    const kept = params.filter((pair) => !isTrackingParam(pair, site));
    if (kept.length !== params.length) {
      search = kept.length ? `?${serializeQuery(kept)}` : '';
      params = kept;
    }
  }
  if (search !== url.search || url.hash || url.href.endsWith('#') || (!search && url.href.endsWith('?'))) {
    url = withSearch(url, search);
  }
  const href = url.href;

  const tweet =
    (host === 'twitter.com' || host === 'x.com' || host === 'mobile.twitter.com') && TWEET.exec(url.pathname);
  if (tweet) return { parts: url, url: href, key: `tweet:${tweet[1]}` };
  // A DOI's resolver links, however written (dx.doi.org, an encoded slash, another case: DOIs ignore case), are
  // one work.
  if (isDoiResolver(record)) {
    const doi = doiOf(url);
    if (doi) return { parts: url, url: href, key: `doi:${doi.toLowerCase()}` };
  }

  const keyHost = keyHostOf(record);
  const keyPath = keyPathOf(url.pathname);
  const query = params.length ? `?${serializeQuery(params.length > 1 ? params.sort(byName) : params)}` : '';
  const port = url.port ? `:${url.port}` : '';
  return { parts: url, url: href, key: `${keyHost}${port}${keyPath}${query}` };
}
