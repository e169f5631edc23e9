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
}

const lookup = memoize((host: string): HostInfo => {
  const p = parse(host, { allowPrivateDomains: true, extractHostname: false });
  return {
    host,
    domain: p.domain ?? host,
    name: p.domainWithoutSuffix ?? host,
    subdomain: p.subdomain ?? '',
    isIp: p.isIp === true,
  };
}, 20_000);

/** Domain facts about a host, memoized: the same hosts recur many times on a page. */
export function hostInfo(rawHost: string): HostInfo {
  return lookup(rawHost.toLowerCase().replace(/\.$/, ''));
}
