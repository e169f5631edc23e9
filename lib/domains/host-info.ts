import { parse } from 'tldts';

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

const cache = new Map<string, HostInfo>();
const CACHE_LIMIT = 20_000;

/** Domain facts about a host, memoized: the same hosts recur many times on a page. */
export function hostInfo(rawHost: string): HostInfo {
  const host = rawHost.toLowerCase().replace(/\.$/, '');
  const hit = cache.get(host);
  if (hit) return hit;
  const p = parse(host, { allowPrivateDomains: true, extractHostname: false });
  const info: HostInfo = {
    host,
    domain: p.domain ?? host,
    name: p.domainWithoutSuffix ?? host,
    subdomain: p.subdomain ?? '',
    isIp: p.isIp === true,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(host, info);
  return info;
}
