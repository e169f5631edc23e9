import { isoDate } from '../dates/calendar';
import { z } from '../zod';
import { discard, LookupError, readText, request } from './http';
import { RDAP_BOOTSTRAP_SNAPSHOT } from './rdap-bootstrap';
import type { DomainAge } from './schemas';
import type { LookupContext } from './target';

export const IANA_BOOTSTRAP_URL = 'https://data.iana.org/rdap/dns.json';

/** RFC 9224's bootstrap file: services as [[labels…], [base URLs…]]. */
export const bootstrapSchema = z.object({
  publication: z.string().optional(),
  services: z.array(z.tuple([z.array(z.string()), z.array(z.string())])),
});
export type Bootstrap = z.infer<typeof bootstrapSchema>;

export const SNAPSHOT: Bootstrap = {
  publication: RDAP_BOOTSTRAP_SNAPSHOT.publication,
  services: RDAP_BOOTSTRAP_SNAPSHOT.services.map(([tlds, urls]) => [[...tlds], [...urls]]),
};

/** The RDAP base URL for a domain: the service of its longest matching suffix (https preferred). */
export function rdapBase(domain: string, bootstrap: Bootstrap): string | null {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  let best: { length: number; url: string } | null = null;
  for (const [suffixes, urls] of bootstrap.services) {
    for (const suffix of suffixes) {
      const parts = suffix.toLowerCase().split('.');
      if (parts.length >= labels.length || (best && parts.length <= best.length)) continue;
      if (labels.slice(-parts.length).join('.') !== parts.join('.')) continue;
      const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
      if (url) best = { length: parts.length, url };
    }
  }
  if (!best) return null;
  return best.url.endsWith('/') ? best.url : `${best.url}/`;
}

const rdapDomainSchema = z.looseObject({
  events: z.array(z.looseObject({ eventAction: z.string(), eventDate: z.string().optional() })).optional(),
});

function failure(domain: string, status: DomainAge['status'], reason: string, ctx: LookupContext): DomainAge {
  return { domain, status, registered: null, reason, checkedAt: ctx.now().getTime() };
}

/**
 * When a registrable domain was registered, from its registry's RDAP service (RFC 9083 `events`, action
 * `registration`). Never throws, except when cancelled.
 */
export async function lookUpDomain(
  domain: string,
  bootstrap: Bootstrap,
  ctx: LookupContext,
): Promise<DomainAge> {
  const base = rdapBase(domain, bootstrap);
  if (!base) return failure(domain, 'no-rdap', 'the registry of this domain offers no RDAP service', ctx);
  const url = `${base}domain/${encodeURIComponent(domain)}`;
  try {
    const host = new URL(url).hostname;
    const { response } = await ctx.queue.run(host, () =>
      request(
        ctx.fetch,
        url,
        { headers: { accept: 'application/rdap+json, application/json' } },
        ctx.limits,
        ctx.signal,
      ),
    );
    if (response.status === 404) {
      discard(response);
      return failure(domain, 'not-found', 'the registry does not know this domain', ctx);
    }
    if (!response.ok) {
      discard(response);
      return failure(domain, 'error', `the registry answered HTTP ${response.status}`, ctx);
    }
    const { text } = await readText(response, ctx.limits, ctx.signal);
    const parsed = rdapDomainSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return failure(domain, 'error', 'the registry’s answer is not RDAP', ctx);
    const event = parsed.data.events?.find((e) => e.eventAction.toLowerCase() === 'registration');
    const time = event?.eventDate ? Date.parse(event.eventDate) : Number.NaN;
    if (!Number.isFinite(time))
      return failure(domain, 'error', 'the registry gives no registration date', ctx);
    const d = new Date(time);
    const registered = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), {
      now: ctx.now(),
      minYear: 1985,
    });
    if (!registered)
      return failure(domain, 'error', 'the registry gives an impossible registration date', ctx);
    return { domain, status: 'ok', registered, checkedAt: ctx.now().getTime() };
  } catch (error) {
    if (error instanceof LookupError) {
      if (error.code === 'cancelled') throw error;
      return failure(domain, error.code === 'timeout' ? 'timeout' : 'unreachable', error.message, ctx);
    }
    return failure(
      domain,
      'error',
      error instanceof SyntaxError ? 'the registry’s answer is not JSON' : String(error),
      ctx,
    );
  }
}

/** IANA's current bootstrap file, or null when it cannot be had (the snapshot then answers). */
export async function fetchBootstrap(
  ctx: LookupContext,
  url = IANA_BOOTSTRAP_URL,
): Promise<Bootstrap | null> {
  try {
    const { response } = await ctx.queue.run(new URL(url).hostname, () =>
      request(ctx.fetch, url, {}, ctx.limits, ctx.signal),
    );
    if (!response.ok) {
      discard(response);
      return null;
    }
    const { text } = await readText(response, ctx.limits, ctx.signal);
    const parsed = bootstrapSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.services.length ? parsed.data : null;
  } catch (error) {
    if (error instanceof LookupError && error.code === 'cancelled') throw error;
    return null;
  }
}
