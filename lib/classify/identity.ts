import type { HostInfo } from '../domains/host-info';
import { hostInfo } from '../domains/host-info';
import { hostFact } from '../url/host-facts';
import { pathSegment, safeUrl, typedHost } from '../url/parse';
import { recordOf, type UrlParts } from '../url/parts';
import { youTubeChannelKey } from '../url/youtube';
import { fromTable, inTable } from './lookup';
import { BLOG_PLATFORMS } from './tables';

/** Sites where many people publish: sharing the domain with the page does not make a link self-citation. */
const SHARED_PLATFORMS = new Set([
  ...Object.keys(BLOG_PLATFORMS),
  'youtube.com',
  'youtu.be',
  'twitter.com',
  'x.com',
  'facebook.com',
  'instagram.com',
  'tiktok.com',
  'reddit.com',
  'github.com',
  'gitlab.com',
  't.me',
  'linkedin.com',
  'vk.com',
  'bsky.app',
  'threads.net',
  'rumble.com',
  'vimeo.com',
  'odysee.com',
  'bitchute.com',
  'soundcloud.com',
  'archive.org',
  'google.com',
  'blogger.com',
]);
const RESERVED_FIRST_SEGMENTS = new Set([
  'watch',
  'shorts',
  'embed',
  'live',
  'results',
  'feed',
  'hashtag',
  'search',
  'explore',
  'home',
  'i',
  'intent',
  'share',
  'sharer',
  'settings',
  'login',
  'p',
  'reel',
  'tv',
  'status',
  'r',
  'groups',
  'pages',
  'events',
  'story.php',
  'permalink.php',
  'profile.php',
  'notifications',
  'messages',
  'about',
  'help',
  'policies',
  'privacy',
  'terms',
]);
/** Platforms whose first path segment is the account. */
const PATH_PLATFORMS: Record<string, string> = {
  'twitter.com': 'x',
  'x.com': 'x',
  'instagram.com': 'instagram',
  'threads.net': 'threads',
  'tiktok.com': 'tiktok',
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  't.me': 'telegram',
  'facebook.com': 'facebook',
  'rumble.com': 'rumble',
  'odysee.com': 'odysee',
  'vimeo.com': 'vimeo',
  'soundcloud.com': 'soundcloud',
};
/** The platform whose first path segment is the account, for a host: once per host. */
const pathPlatform = hostFact(({ bare }) => fromTable(bare, PATH_PLATFORMS) ?? null);
/** Account names shorter than this are too generic to tie two hosts together. */
const MIN_NAME_LENGTH = 5;

function isOnSharedPlatform(host: string): boolean {
  return inTable(host, SHARED_PLATFORMS) !== null || /\.blogspot\.[a-z.]+$/.test(host);
}

/** The account a blog-platform host belongs to (`X` of `X.blogspot.com`), worked out once per host. */
const blogPlatformAccount = hostFact(({ bare: host }): string | null => {
  const blogspot = /^(?:www\.)?([\w-]+)\.blogspot\.[a-z.]+$/.exec(host);
  if (blogspot) return blogspot[1]!;
  const platform = inTable(host, { has: (k) => BLOG_PLATFORMS[k] === 'subdomain' });
  if (!platform || platform === host) return null;
  const label = host
    .slice(0, -platform.length - 1)
    .split('.')
    .pop();
  return label && label !== 'www' ? label : null;
});

/** A writer's home on Medium under their own name (`ani.medium.com`), as well as at `medium.com/@ani`. */
const MEDIUM_SUBDOMAIN = /^([\w-]+)\.medium\.com$/;
/** Medium's own subdomains: help, policy, its blog, its image and link servers. */
const MEDIUM_OWN = new Set([
  'help',
  'policy',
  'blog',
  'miro',
  'link',
  'cdn-images-1',
  'cdn-images-2',
  'status',
  'm',
]);

/**
 * The account a URL belongs to on a platform, as `platform:name` (`blog:pennyforyourthoughts2`,
 * `youtube:@handle`, `x:user`), or null.
 */
export function accountOf(url: UrlParts): string | null {
  const record = recordOf(url);
  const host = record.bare;
  const blog = blogPlatformAccount(record);
  if (blog) return `blog:${blog.toLowerCase()}`;
  const yt = youTubeChannelKey(url);
  if (yt) return `youtube:${yt}`;
  const path = url.pathname;
  const first = pathSegment(path, 0)?.toLowerCase();
  if (!first) return null;
  const second =
    host === 'bsky.app' || host === 'reddit.com' || host === 'linkedin.com'
      ? pathSegment(path, 1)
      : undefined;
  if (host === 'medium.com' && first.startsWith('@')) return `blog:${first.slice(1)}`;
  const mediumHome = MEDIUM_SUBDOMAIN.exec(host)?.[1];
  if (mediumHome && !MEDIUM_OWN.has(mediumHome)) return `blog:${mediumHome}`;
  if (host === 'blogger.com' || host === 'telegra.ph' || host === 'write.as') return null;
  if (host === 'bsky.app' && first === 'profile' && second) return `bsky:${second.toLowerCase()}`;
  if (host === 'reddit.com' && (first === 'user' || first === 'u') && second)
    return `reddit:${second.toLowerCase()}`;
  if (host === 'linkedin.com' && (first === 'in' || first === 'company') && second)
    return `linkedin:${second.toLowerCase()}`;
  const platform = pathPlatform(record);
  if (platform && !RESERVED_FIRST_SEGMENTS.has(first) && !/^\d+$/.test(first)) {
    return `${platform}:${first.replace(/^@/, '')}`;
  }
  // Mastodon and other fediverse servers: /@user
  if (first.startsWith('@') && first.length > 1) return `${host}/${first}`;
  return null;
}

export interface SiteIdentity {
  /** Registrable domain of the page's own site (the original site when reading an archived copy). */
  domain: string;
  /** The site's name (`pennyforyourthoughts2`). */
  name: string;
  /** The page sits on a platform shared by many publishers, so its domain alone proves nothing. */
  onPlatform: boolean;
  accounts: Set<string>;
  /** Hosts or domains the user declared to be this site's too. */
  aliases: string[];
  /** When the page is a blog on a platform: its name, which its own domain would carry (X.blogspot.com -> X.ca). */
  homeName: string | null;
  /**
   * The name the site goes by on platforms, when it has one of its own (its domain's name, its blog's on a blog
   * platform, a YouTube video's owner's handle; at least MIN_NAME_LENGTH long): an account of that name is one of
   * its homes (`twitter.com/X`, `youtube.com/@X`, `github.com/X` for `X.org`).
   */
  accountName: string | null;
}

/** Who the page speaks for: its site, the same name on blog platforms, its platform account(s), user aliases. */
export function siteIdentity(
  page: UrlParts,
  owner: readonly string[],
  aliases: readonly string[],
): SiteIdentity {
  const info = hostInfo(page.hostname);
  const onPlatform = isOnSharedPlatform(info.host);
  const accounts = new Set<string>();
  const own = accountOf(page);
  if (own && !own.startsWith('youtube:')) accounts.add(own);
  for (const o of owner) {
    const url = safeUrl(o, 'https://www.youtube.com/');
    const account = url ? accountOf(url) : null;
    if (account) accounts.add(account);
  }
  // A blog on a platform goes by its blog's name; any other page by its site's. Short names tell nothing.
  const blog = own?.startsWith('blog:') ?? false;
  const name = blog ? own!.slice(5) : info.name.toLowerCase();
  const telling = name.length >= MIN_NAME_LENGTH;
  if (!onPlatform && telling) accounts.add(`blog:${name}`);
  return {
    domain: info.domain,
    name,
    onPlatform,
    accounts,
    aliases: aliases.map(typedHost).filter((a): a is string => a !== null),
    homeName: onPlatform && blog && telling ? name : null,
    accountName: (!onPlatform || blog) && telling ? name : ownerHandle(accounts),
  };
}

/** A YouTube video owner's handle (`youtube:@name`), when known and long enough to tell: its name elsewhere. */
function ownerHandle(accounts: ReadonlySet<string>): string | null {
  for (const account of accounts) {
    if (account.startsWith('youtube:@') && account.length - 9 >= MIN_NAME_LENGTH) return account.slice(9);
  }
  return null;
}

/**
 * Whether an account is the site's own by its name: the site's name on any platform, or on Bluesky a handle that is
 * the site's domain (or a host of it), which Bluesky has the domain prove.
 */
function isNamedAfter(account: string, id: SiteIdentity): boolean {
  if (id.accountName === null) return false;
  if (!id.onPlatform && account.startsWith('bsky:')) {
    const handle = account.slice(5);
    if (handle === id.domain || handle.endsWith(`.${id.domain}`)) return true;
  }
  return plainName(accountNameOf(account)) === plainName(id.accountName);
}

/** A name without the separators domains and handles spell differently (`caucasus-observer`, `caucasus_observer`). */
const plainName = (name: string) => name.replace(/[-_.]/g, '');

/**
 * The name an account goes by (`x:name`, `youtube:@name`, `youtube:c/name`, `bsky:name.bsky.social`,
 * `mastodon.social/@name`): what follows the platform, without `@`, a YouTube path or a hosted handle's domain.
 */
function accountNameOf(account: string): string {
  const name = account.slice(account.search(/[:/]/) + 1).replace(/^(?:@|c\/|user\/)/, '');
  return account.startsWith('bsky:') ? name.replace(/\.bsky\.social$/, '') : name;
}

/** Whether a URL is the page's own site by domain, other home, account or alias. */
export function isSelf(url: UrlParts, info: HostInfo, id: SiteIdentity): boolean {
  if (!id.onPlatform && info.domain === id.domain) return true;
  const host = info.bare;
  for (const alias of id.aliases) if (host === alias || host.endsWith(`.${alias}`)) return true;
  const account = accountOf(url);
  if (account) return id.accounts.has(account) || isNamedAfter(account, id);
  // The blog's own domain, seen from its platform home: X.blogspot.com -> X.ca
  return id.homeName !== null && !isOnSharedPlatform(info.host) && info.name.toLowerCase() === id.homeName;
}

export function identityList(id: SiteIdentity): string[] {
  return [id.domain, ...id.aliases, ...id.accounts];
}
