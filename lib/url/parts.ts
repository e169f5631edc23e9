import { type HostRecord, hostRecord } from './host-facts';
import { safeUrl } from './parse';

/**
 * The parts of a URL the classifiers read. A `URL` has this shape too, but each of its getters is a native call
 * that builds a new string (slow in browsers when read for every link): `snapshot` reads the serialized href once
 * and cuts the parts out of it, and the canonicalizer derives edited forms as strings instead of parsing again.
 */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly port: string;
  readonly searchParams: QueryReader;
}

/** What the classifiers ask of a query: the first value of a parameter (as `URLSearchParams#get`). */
export interface QueryReader {
  get(name: string): string | null;
}

type Fields = Omit<UrlParts, 'searchParams'>;
export type QueryPair = [name: string, value: string];

// A query whose names and values are all characters form encoding leaves as they are: `URLSearchParams` would
// decode and serialize it to itself, so it is split as written (most queries on the web are like this).
const PLAIN_QUERY = /^\?[\w.*-]+=[\w.*-]*(?:&[\w.*-]+=[\w.*-]*)*$/;
const PLAIN_PART = /^[\w.*-]*$/;

/** A query's name/value pairs, decoded, exactly as `[...new URLSearchParams(search)]` gives them. */
export function queryPairs(search: string): QueryPair[] {
  if (search.length <= 1) return [];
  if (!PLAIN_QUERY.test(search)) return [...new URLSearchParams(search)];
  const pairs: QueryPair[] = [];
  for (const item of search.slice(1).split('&')) {
    const eq = item.indexOf('=');
    pairs.push([item.slice(0, eq), item.slice(eq + 1)]);
  }
  return pairs;
}

/** Pairs as a query string without its `?`, exactly as `new URLSearchParams(pairs).toString()` writes them. */
export function serializeQuery(pairs: QueryPair[]): string {
  for (const [name, value] of pairs) {
    if (!PLAIN_PART.test(name) || !PLAIN_PART.test(value)) return new URLSearchParams(pairs).toString();
  }
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

class Query implements QueryReader {
  constructor(private readonly pairs: readonly QueryPair[]) {}

  get(name: string): string | null {
    for (const [n, v] of this.pairs) if (n === name) return v;
    return null;
  }
}

const NO_QUERY = new Query([]);

class Snapshot implements UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly port: string;
  #query: Query | undefined;
  #record: HostRecord | undefined;

  /** `record`: the host's, when known (a URL edited from another of the same host). */
  constructor(url: Fields, record?: HostRecord) {
    this.href = url.href;
    this.protocol = url.protocol;
    this.hostname = url.hostname;
    this.pathname = url.pathname;
    this.search = url.search;
    this.hash = url.hash;
    this.port = url.port;
    this.#record = record;
  }

  /** The host's record (`hostRecord(hostname)`), looked up once per URL: every classifier asks facts of it. */
  get record(): HostRecord {
    this.#record ??= hostRecord(this.hostname);
    return this.#record;
  }

  /** Read-only by contract: a URL without a query shares one empty list. */
  get searchParams(): QueryReader {
    this.#query ??= this.search.length > 1 ? new Query(queryPairs(this.search)) : NO_QUERY;
    return this.#query;
  }
}

/**
 * The parts of an http(s) URL's serialization (as `URL#href` writes it), cut out as its getters would give them:
 * `scheme://[userinfo@]host[:port]/path[?query][#fragment]`, where the userinfo has its `@` escaped, the path
 * always starts with `/` and escapes `?` and `#`, and the query escapes `#`. Null for any other scheme.
 */
function webFields(href: string): Fields | null {
  const colon = href.indexOf(':');
  const protocol = href.slice(0, colon + 1);
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  const authority = colon + 3;
  const slash = href.indexOf('/', authority);
  if (href.charCodeAt(colon + 1) !== 47 || href.charCodeAt(colon + 2) !== 47 || slash < 0) return null;
  const at = href.lastIndexOf('@', slash);
  const hostStart = at >= authority ? at + 1 : authority;
  // A port follows the last `:` of the host, unless that `:` is inside an IPv6 address's brackets.
  const portColon = href.lastIndexOf(':', slash);
  const hasPort = portColon > hostStart && href.lastIndexOf(']', slash) < portColon;
  let hashAt = href.indexOf('#', slash);
  if (hashAt < 0) hashAt = href.length;
  let queryAt = href.indexOf('?', slash);
  if (queryAt < 0 || queryAt > hashAt) queryAt = hashAt;
  // `?` and `#` with nothing after them are an empty query and fragment, which the getters give as "".
  const search = hashAt - queryAt > 1 ? href.slice(queryAt, hashAt) : '';
  const hash = href.length - hashAt > 1 ? href.slice(hashAt) : '';
  return {
    href,
    protocol,
    hostname: href.slice(hostStart, hasPort ? portColon : slash),
    port: hasPort ? href.slice(portColon + 1, slash) : '',
    pathname: href.slice(slash, queryAt),
    search,
    hash,
  };
}

// An http(s) URL in the form URL parsers serialize (WHATWG's, Chromium's and Firefox's alike), so that its parts can
// be cut out of it without parsing it (a parse costs about 3 µs in Chromium, most of a bare pass over a page's
// links). Deliberately narrow, anything else is parsed:
// - a lower-case scheme and an ASCII host of letter-digit-hyphen labels, none starting or ending with a hyphen, none
//   punycode (`xn--` labels are checked by parsers), the last starting with a letter (never an IPv4 number);
//   no userinfo, no port;
// - a path that starts with `/`, then path, query and fragment of characters no parser escapes or decodes (no `'`,
//   quotes, brackets, `|`, `^`, backslashes, spaces or non-ASCII; `%` only in the query and fragment, as `%2e` in a
//   path is a dot segment), and no dot segment (`/./`, `/../`).
// Scheme, host, path, query and fragment, as captures: the test and the cut in one pass.
const SERIALIZED =
  /^(https?:)\/\/((?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?!xn--)[a-z](?:[a-z0-9-]*[a-z0-9])?)(\/[A-Za-z0-9\-._~!$&()*+,;=:@/]*)(\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?(#[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?=[/?#]|$)/;
// A fragment made of the same characters: `#fragment` resolves to the page's address with it.
const SERIALIZED_FRAGMENT = /^#[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*$/;

/** `href`'s scheme, host, path, query and fragment when it is serialized as described above, else null. */
function serialized(href: string): RegExpExecArray | null {
  const m = SERIALIZED.exec(href);
  return m !== null && !DOT_SEGMENT.test(href) ? m : null;
}

/** Whether `href` is an http(s) URL exactly as a URL parser would serialize it (see above). */
export function isSerializedWebUrl(href: string): boolean {
  return serialized(href) !== null;
}

/**
 * An href resolved against a page's address, as `new URL(href, base).href` gives it, without the parse where the
 * href already is a serialized http(s) URL or a plain in-page fragment. `base` must be a serialized URL; null for
 * what the parser rejects.
 */
export function resolveHref(href: string, base: string): string | null {
  if (isSerializedWebUrl(href)) return href;
  if (href.startsWith('#') && SERIALIZED_FRAGMENT.test(href) && /^(?:https?|file):/.test(base)) {
    const hash = base.indexOf('#');
    return (hash < 0 ? base : base.slice(0, hash)) + href;
  }
  return safeUrl(href, base)?.href ?? null;
}

/** A URL's parts: cut out of the href when it is already serialized, else parsed. Null when it does not parse. */
export function parseUrl(href: string): UrlParts | null {
  const m = serialized(href);
  if (m !== null) {
    // `?` and `#` with nothing after them are an empty query and fragment, which the getters give as "".
    const search = m[4] !== undefined && m[4].length > 1 ? m[4] : '';
    const hash = m[5] !== undefined && m[5].length > 1 ? m[5] : '';
    return new Snapshot({ href, protocol: m[1]!, hostname: m[2]!, port: '', pathname: m[3]!, search, hash });
  }
  const url = safeUrl(href);
  return url ? snapshot(url) : null;
}

/** The record of a URL's host (`HostRecord`), kept with the URL's parts. */
export function recordOf(url: UrlParts): HostRecord {
  return url instanceof Snapshot ? url.record : hostRecord(url.hostname);
}

/** A URL's host without `www.` and trailing dot, lower case (`bareHost`), kept with the URL's parts. */
export function hostOf(url: UrlParts): string {
  return recordOf(url).bare;
}

export function snapshot(url: Fields): UrlParts {
  if (url instanceof URL) return new Snapshot(webFields(url.href) ?? url);
  return new Snapshot(url);
}

/**
 * The same URL with another query and no fragment, without parsing again: `search` must already be serialized
 * (as `URLSearchParams#toString` gives it, with its `?`) or empty.
 */
export function withSearch(url: UrlParts, search: string): UrlParts {
  const end =
    url.href.length - url.hash.length - url.search.length - (url.href.endsWith('#') && !url.hash ? 1 : 0);
  const stem = url.href.slice(0, end);
  // `https://x.org/?` has an empty search but a `?` in its href: drop it with the rest of the old query.
  const bare = !url.search && stem.endsWith('?') ? stem.slice(0, -1) : stem;
  return new Snapshot(
    { ...fieldsOf(url), href: bare + search, search, hash: '' },
    url instanceof Snapshot ? url.record : undefined,
  );
}

function fieldsOf(url: UrlParts): Fields {
  const { href, protocol, hostname, pathname, search, hash, port } = url;
  return { href, protocol, hostname, pathname, search, hash, port };
}
