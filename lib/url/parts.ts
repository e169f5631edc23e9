/**
 * The parts of a URL the classifiers read. A `URL` has this shape too, but each of its getters is a native call
 * that builds a new string (slow in browsers when read dozens of times per link): `snapshot` reads them once.
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

class Snapshot implements UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly port: string;
  #params: URLSearchParams | undefined;

  constructor(url: URL) {
    this.href = url.href;
    this.protocol = url.protocol;
    this.hostname = url.hostname;
    this.pathname = url.pathname;
    this.search = url.search;
    this.hash = url.hash;
    this.port = url.port;
  }

  get searchParams(): URLSearchParams {
    this.#params ??= new URLSearchParams(this.search);
    return this.#params;
  }
}

export function snapshot(url: URL): UrlParts {
  return new Snapshot(url);
}
