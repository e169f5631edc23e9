import { parse } from 'tldts';
import { memoize } from '../memo';

export interface HostInfo {
  /** ASCII (punycode) host, lower case, no trailing dot. */
  host: string;
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
}

const lookup = memoize((rawHost: string): HostInfo => {
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  const p = parse(host, { allowPrivateDomains: true, extractHostname: false });
  const icann = p.isPrivate
    ? parse(host, { allowPrivateDomains: false, extractHostname: false }).domain
    : p.domain;
  return {
    registered: p.isIp ? null : (icann ?? null),
    host,
    domain: p.domain ?? host,
    name: p.domainWithoutSuffix ?? host,
    subdomain: p.subdomain ?? '',
    isIp: p.isIp === true,
  };
}, 20_000);

/** Domain facts about a host, memoized: the same hosts recur many times on a page. */
export function hostInfo(rawHost: string): HostInfo {
  return lookup(rawHost);
}
