import { ARCHIVE_TODAY_HOSTS, WAYBACK_HOSTS } from '../classify/tables';
import { type DateBounds, isoDate } from '../dates/calendar';
import type { IsoDate } from '../schemas';
import { hostFact } from './host-facts';
import { isWebUrl, safeDecode } from './parse';
import { parseUrl, recordOf, type UrlParts } from './parts';

export interface Unwrapped {
  url: UrlParts;
  /** The link pointed at an archived copy of `url`. */
  archived?: { url: string; capturedAt: IsoDate | null };
  /** The link went through a redirect wrapper or an archive. */
  changed: boolean;
}

function absolute(candidate: string | null | undefined): UrlParts | null {
  if (!candidate) return null;
  let text = candidate.trim();
  if (!/^https?:/i.test(text) && /%3A%2F%2F/i.test(text)) text = safeDecode(text);
  if (/^https?:\/(?!\/)/i.test(text)) text = text.replace(/^(https?:)\/?/i, '$1//');
  const url = parseUrl(text);
  return url && isWebUrl(url) ? url : null;
}

function param(url: UrlParts, ...names: string[]): UrlParts | null {
  for (const name of names) {
    const target = absolute(url.searchParams.get(name));
    if (target) return target;
  }
  return null;
}

function base64Json(text: string): unknown {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** Proofpoint URL Defense v2 encodes `:` as `-3A`, `/` as `_`, other escapes as `-XX`. */
function proofpointV2(u: string): UrlParts | null {
  const text = u
    .replace(/_/g, '/')
    .replace(/-([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return absolute(text);
}

type Rule = (url: UrlParts, host: string, path: string) => UrlParts | null;

const REDIRECT_PATH =
  /^\/(?:[\w-]+\/)*(?:redirect|redir|out|away|exit|leave|goto|go|link|url|click|external|outbound|r)(?:\.php|\.aspx?|\.cgi)?\/?$/i;
// REDIRECT_PATH's last segment alone: a cheap first test, as most paths end in anything else.
const REDIRECT_SEGMENT =
  /^(?:redirect|redir|out|away|exit|leave|goto|go|link|url|click|external|outbound|r)(?:\.php|\.aspx?|\.cgi)?$/i;

/** Whether a path is a generic redirect endpoint (`/out`, `/go/redirect.php`…): REDIRECT_PATH, tested cheaply. */
function isRedirectPath(path: string): boolean {
  const end = path.endsWith('/') ? path.length - 1 : path.length;
  const last = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  return REDIRECT_SEGMENT.test(last) && REDIRECT_PATH.test(path);
}
const REDIRECT_PARAMS = [
  'url',
  'u',
  'q',
  'to',
  'target',
  'dest',
  'destination',
  'redirect',
  'link',
  'goto',
  'out',
  'href',
];

const isGoogle = (host: string) => /^(?:[\w-]+\.)?google\.[a-z.]+$/.test(host);
const STRIPPERS = ['href.li', 'anonym.to', 'nullrefer.com', 'dereferer.me', 'hiderefer.com', 'refer.to'];

/** Each rule with the hosts it reads: it is asked only of links on those (`rulesFor`). */
const RULES: Array<[hosts: (host: string) => boolean, rule: Rule]> = [
  // YouTube description links: youtube.com/redirect?event=…&q=<target>
  [
    (host) => host.endsWith('youtube.com'),
    (url, _host, path) => (path === '/redirect' ? param(url, 'q') : null),
  ],
  // Google search results and Gmail: google.<tld>/url?q=<target> or url=<target>
  [isGoogle, (url, _host, path) => (path === '/url' ? param(url, 'q', 'url') : null)],
  // Google AMP viewer: google.com/amp/s/<host>/<path> (https) or /amp/<host>/<path> (http)
  [
    isGoogle,
    (url, _host, path) => {
      const m = /^\/amp\/(s\/)?(.+)$/.exec(path);
      return m ? absolute(`${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`) : null;
    },
  ],
  // Facebook, Messenger and Instagram link shims
  [
    (host) => host.endsWith('facebook.com') || host.endsWith('messenger.com'),
    (url, _host, path) => (path === '/l.php' ? param(url, 'u') : null),
  ],
  [(host) => host === 'l.instagram.com' || host === 'l.threads.net', (url) => param(url, 'u')],
  // Outlook safe links
  [(host) => host.endsWith('safelinks.protection.outlook.com'), (url) => param(url, 'url')],
  // Proofpoint URL Defense
  [
    (host) => host === 'urldefense.proofpoint.com' || host === 'urldefense.com',
    (url, host, path) => {
      if (host === 'urldefense.proofpoint.com') {
        const u = path === '/v2/url' ? url.searchParams.get('u') : null;
        return u ? proofpointV2(u) : null;
      }
      const m = /^\/v3\/__(.+?)__;/.exec(url.pathname + url.search);
      return m ? absolute(m[1]) : null;
    },
  ],
  // Substack: substack.com/redirect/2/<base64url JSON with the target in "e">
  [
    (host) => host.endsWith('substack.com'),
    (_url, _host, path) => {
      const m = /^\/redirect\/(?:\d+\/)?([A-Za-z0-9_-]{8,})/.exec(path);
      if (!m) return null;
      const data = base64Json(m[1]!);
      return data && typeof data === 'object' && 'e' in data
        ? absolute(String((data as { e: unknown }).e))
        : null;
    },
  ],
  // Disqus comment links: disq.us/url?url=<target>:<hash>
  [
    (host) => host === 'disq.us' || host === 'disqus.com',
    (url) => {
      const raw = url.searchParams.get('url');
      return raw ? absolute(raw.replace(/:[A-Za-z0-9_-]{10,}$/, '')) : null;
    },
  ],
  [(host) => host === 'out.reddit.com', (url) => param(url, 'url')],
  [
    (host) => host === 'vk.com' || host === 'm.vk.com',
    (url, _host, path) => (path === '/away.php' ? param(url, 'to') : null),
  ],
  [
    (host) => host === 'steamcommunity.com',
    (url) => (url.pathname.startsWith('/linkfilter') ? param(url, 'url', 'u') : null),
  ],
  [
    (host) => host.endsWith('linkedin.com'),
    (url, _host, path) => (path.startsWith('/redir/') ? param(url, 'url') : null),
  ],
  [(host) => host === 'duckduckgo.com', (url, _host, path) => (path === '/l/' ? param(url, 'uddg') : null)],
  [
    (host) => host === 'r.search.yahoo.com',
    (url) => {
      const m = /\/RU=([^/]+)\//.exec(url.pathname);
      return m ? absolute(safeDecode(m[1]!)) : null;
    },
  ],
  [
    (host) => host.endsWith('bing.com'),
    (url, _host, path) => {
      if (path !== '/ck/a') return null;
      const u = url.searchParams.get('u');
      if (!u?.startsWith('a1')) return null;
      try {
        return absolute(atob(u.slice(2).replace(/-/g, '+').replace(/_/g, '/')));
      } catch {
        return null;
      }
    },
  ],
  [(host) => host === 't.me', (url, _host, path) => (path === '/iv' ? param(url, 'url') : null)],
  [(host) => host === 't.umblr.com', (url) => param(url, 'z')],
  [(host) => host === 'medium.com', (url) => (url.pathname === '/r/' ? param(url, 'url') : null)],
  // Embedly's player, as Medium embeds a video: /widgets/media.html?src=<player>&url=<the video's page>
  [
    (host) => host === 'cdn.embedly.com',
    (url, _host, path) => (path === '/widgets/media.html' ? param(url, 'url', 'src') : null),
  ],
  [(host) => host === 'slack-redir.net', (url) => param(url, 'url')],
  [
    (host) => host === 'go.skimresources.com' || host === 'redirect.viglink.com',
    (url) => param(url, 'url', 'u'),
  ],
  // Referrer strippers whose whole query is the target: href.li/?https://…
  [(host) => STRIPPERS.includes(host), (url) => absolute(safeDecode(url.search.slice(1)))],
  // Any other redirect endpoint that names its target: /redirect?url=https://…
  [() => true, (url, _host, path) => (isRedirectPath(path) ? param(url, ...REDIRECT_PARAMS) : null)],
];

/** The rules that read a host's links, in order: worked out once per host. */
const rulesFor = hostFact(({ bare }) => RULES.filter(([hosts]) => hosts(bare)).map(([, rule]) => rule));

// Every host a rule above can unwrap; the generic rule needs a redirect-looking path instead.
const WRAPPER_HOST =
  /(?:^|\.)(?:youtube\.com|google\.[a-z.]+|facebook\.com|messenger\.com|safelinks\.protection\.outlook\.com|substack\.com|linkedin\.com|bing\.com)$|^(?:l\.instagram\.com|l\.threads\.net|urldefense\.proofpoint\.com|urldefense\.com|disq\.us|disqus\.com|out\.reddit\.com|vk\.com|m\.vk\.com|steamcommunity\.com|duckduckgo\.com|r\.search\.yahoo\.com|t\.me|t\.umblr\.com|medium\.com|cdn\.embedly\.com|slack-redir\.net|go\.skimresources\.com|redirect\.viglink\.com|href\.li|anonym\.to|nullrefer\.com|dereferer\.me|hiderefer\.com|refer\.to)$/;

/** Whether a rule above can unwrap a link on this host: tested once per host. */
const isWrapperHost = hostFact(({ bare }) => WRAPPER_HOST.test(bare));

const WAYBACK = new Set(WAYBACK_HOSTS);
const ARCHIVE_TODAY = new Set(ARCHIVE_TODAY_HOSTS);
type Archive = 'wayback' | 'archive.today' | 'google cache';
/** The archive a host is, if any: worked out once per host. */
const archiveOf = hostFact(({ bare }): Archive | null =>
  WAYBACK.has(bare)
    ? 'wayback'
    : ARCHIVE_TODAY.has(bare)
      ? 'archive.today'
      : bare === 'webcache.googleusercontent.com'
        ? 'google cache'
        : null,
);

function captureDate(stamp: string, bounds: DateBounds): IsoDate | null {
  const digits = stamp.replace(/[^\d]/g, '');
  if (digits.length < 4) return null;
  const y = Number(digits.slice(0, 4));
  const m = digits.length >= 6 ? Number(digits.slice(4, 6)) : null;
  const d = digits.length >= 8 && m !== null ? Number(digits.slice(6, 8)) : null;
  return isoDate(y, m, d, bounds);
}

function archiveTarget(rest: string, search: string): UrlParts | null {
  const target = /^[a-z][\w+.-]*:/i.test(rest) ? rest : `http://${rest}`;
  return absolute(target + search);
}

/** An archived copy's original URL and capture time, when the archive URL names them. */
function unarchive(url: UrlParts, archive: Archive, bounds: DateBounds): Unwrapped | null {
  const path = url.pathname;
  if (archive === 'wayback') {
    const m = /^\/(?:wayback\/|web\/|\d+\/)?(\*|\d{1,14})(?:[a-z]{2}_|\*)?\/(.+)$/.exec(path);
    if (!m) return null;
    const original = archiveTarget(m[2]!, url.search);
    if (!original) return null;
    const capturedAt = m[1] === '*' ? null : captureDate(m[1]!, bounds);
    return { url: original, archived: { url: url.href, capturedAt }, changed: true };
  }
  if (archive === 'archive.today') {
    const m = /^\/(?:(\d{4}\.?\d{2}\.?\d{2}-?\d{0,6})|newest|oldest|o\/[A-Za-z0-9]+)\/(.+)$/.exec(path);
    if (!m) return null;
    const original = archiveTarget(m[2]!, url.search);
    if (!original) return null;
    return {
      url: original,
      archived: { url: url.href, capturedAt: m[1] ? captureDate(m[1], bounds) : null },
      changed: true,
    };
  }
  if (archive === 'google cache') {
    const q = url.searchParams.get('q') ?? '';
    const m = /^cache:(?:[\w-]+:)?(.+)$/.exec(q);
    const original = m ? archiveTarget(m[1]!, '') : null;
    return original ? { url: original, archived: { url: url.href, capturedAt: null }, changed: true } : null;
  }
  return null;
}

/**
 * Follows redirect wrappers (YouTube, Google, Facebook, Outlook, Proofpoint, Substack, Disqus…) and archive
 * URLs (Wayback Machine, archive.today, Google cache) to the URL they carry, a few levels deep.
 */
export function unwrap(input: UrlParts, bounds: DateBounds): Unwrapped {
  let url = input;
  let archived: Unwrapped['archived'];
  let changed = false;
  for (let depth = 0; depth < 5; depth++) {
    if (!isWebUrl(url)) break;
    const record = recordOf(url);
    const archive = archiveOf(record);
    const fromArchive = archive ? unarchive(url, archive, bounds) : null;
    if (fromArchive) {
      url = fromArchive.url;
      archived ??= fromArchive.archived;
      changed = true;
      continue;
    }
    if (!isWrapperHost(record) && !isRedirectPath(url.pathname)) break;
    const host = record.bare;
    let next: UrlParts | null = null;
    for (const rule of rulesFor(record)) {
      next = rule(url, host, url.pathname);
      if (next) break;
    }
    if (!next || next.href === url.href) break;
    url = next;
    changed = true;
  }
  return archived ? { url, archived, changed } : { url, changed };
}
