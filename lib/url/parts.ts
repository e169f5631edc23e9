/**
 * The parts of a URL the classifiers read. A `URL` has this shape too, but each of its getters is a native call
 * that builds a new string (slow in browsers when read dozens of times per link): `snapshot` reads them once, and
 * the canonicalizer derives edited forms as strings instead of parsing again.
 */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly port: string;
  readonly searchParams: URLSearchParams;
}

type Fields = Omit<UrlParts, 'searchParams'>;

const NO_PARAMS = new URLSearchParams();

class Snapshot implements UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly port: string;
  #params: URLSearchParams | undefined;

  constructor(url: Fields) {
    this.href = url.href;
    this.protocol = url.protocol;
    this.hostname = url.hostname;
    this.pathname = url.pathname;
    this.search = url.search;
    this.hash = url.hash;
    this.port = url.port;
  }

  /** Read-only by contract: a URL without a query shares one empty list. */
  get searchParams(): URLSearchParams {
    this.#params ??= this.search.length > 1 ? new URLSearchParams(this.search) : NO_PARAMS;
    return this.#params;
  }
}

export function snapshot(url: Fields): UrlParts {
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
  return new Snapshot({ ...fieldsOf(url), href: bare + search, search, hash: '' });
}

function fieldsOf(url: UrlParts): Fields {
  const { href, protocol, hostname, pathname, search, hash, port } = url;
  return { href, protocol, hostname, pathname, search, hash, port };
}
