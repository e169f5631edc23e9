import { memoize } from '../memo';

/** Longest href the engine parses; longer ones are kept as written and reported as invalid. */
export const MAX_URL_LENGTH = 200_000;

/** Parses `href` against `base`; null for anything the URL parser rejects or that is absurdly long. */
export function safeUrl(href: string, base?: string): URL | null {
  if (href.length > MAX_URL_LENGTH) return null;
  try {
    return base === undefined ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
}

export function isWebUrl(url: { readonly protocol: string }): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** `decodeURIComponent` that never throws (malformed escapes are left as written). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A host as a reader typed it ("https://www.Example.org/page", "example.org"): lower case, without scheme, path or
 * `www.`; null when it is not a dotted host name.
 */
export function typedHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const url = safeUrl(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`);
  return url?.hostname.includes('.') ? bareHost(url.hostname) : null;
}

/**
 * Host without a leading `www.` and without a trailing dot, lower case; memoized, as every classifier asks it of
 * every link and pages cite the same hosts again and again.
 */
export const bareHost = memoize((host: string): string => {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h.startsWith('www.') ? h.slice(4) : h;
}, 20_000);

/**
 * A path's `n`th non-empty segment, as `pathname.split('/').filter(Boolean)[n]` gives it, without the arrays (this
 * runs for every cited link).
 */
export function pathSegment(path: string, n: number): string | undefined {
  let start = 0;
  for (let i = 0; ; i++) {
    while (start < path.length && path.charCodeAt(start) === 47) start++;
    if (start >= path.length) return undefined;
    let end = path.indexOf('/', start);
    if (end < 0) end = path.length;
    if (i === n) return path.slice(start, end);
    start = end;
  }
}

/** An address without its query, fragment and final slash: the page it names, however a link decorates it. */
export function stemOf(href: string): string {
  const end = href.search(/[?#]/);
  const path = end < 0 ? href : href.slice(0, end);
  return path.endsWith('/') ? path.slice(0, -1) : path;
}
