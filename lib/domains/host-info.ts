import { parse } from 'tldts';
import { hostFact, hostRecord } from '../url/host-facts';
import { recordOf, type UrlParts } from '../url/parts';
import { displayHost, type HostDisplay } from './idn';

export interface HostInfo {
  /** ASCII (punycode) host, lower case, no trailing dot. */
  host: string;
  /** The host without `www.` (`bareHost`). */
  bare: string;
  /** Registrable domain from the Public Suffix List (private section included), else the host. */
  domain: string;
  /** The registrable domain without its public suffix: the site's name (`pennyforyourthoughts2`). */
  name: string;
  /** Labels left of the registrable domain (`gdb` in `gdb.rferl.org`). */
  subdomain: string;
  isIp: boolean;
  /**
   * The domain a registry registered (ICANN section only): differs from `domain` on hosting platforms that are
   * private public suffixes (`someone.blogspot.com` is registered as part of `blogspot.com`).
   */
  registered: string | null;
  /** How to show the host (`displayHost`), worked out once per host. */
  readonly shown: HostDisplay;
}

class Info implements HostInfo {
  #shown: HostDisplay | undefined;

  constructor(
    readonly host: string,
    readonly bare: string,
    readonly domain: string,
    readonly name: string,
    readonly subdomain: string,
    readonly isIp: boolean,
    readonly registered: string | null,
  ) {}

  get shown(): HostDisplay {
    this.#shown ??= displayHost(this.host);
    return this.#shown;
  }
}

/** A host's domain facts, worked out once per host (its record's): the same hosts recur many times on a page. */
const infoOf = hostFact(({ hostname, bare }): HostInfo => {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const p = parse(host, { allowPrivateDomains: true, extractHostname: false });
  const icann = p.isPrivate
    ? parse(host, { allowPrivateDomains: false, extractHostname: false }).domain
    : p.domain;
  return new Info(
    host,
    bare,
    p.domain ?? host,
    p.domainWithoutSuffix ?? host,
    p.subdomain ?? '',
    p.isIp === true,
    p.isIp ? null : (icann ?? null),
  );
});

/** Domain facts about a host name. */
export function hostInfo(rawHost: string): HostInfo {
  return infoOf(hostRecord(rawHost));
}

/** A URL's host's domain facts (`hostInfo`), kept with its host's record. */
export function urlHostInfo(url: UrlParts): HostInfo {
  return infoOf(recordOf(url));
}
