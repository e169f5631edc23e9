import { DEFAULT_CACHE_LIMITS, type LookupCache } from './cache';
import { DEFAULT_LIMITS, type FetchLike, type HttpLimits, LookupError } from './http';
import { HostQueue } from './queue';
import { type Bootstrap, fetchBootstrap, IANA_BOOTSTRAP_URL, lookUpDomain, SNAPSHOT } from './rdap';
import type { DomainAge, TargetAge } from './schemas';
import { DEFAULT_ARCHIVE_BASE, type LookupContext, lookUpTarget } from './target';

export interface LookupConfig {
  fetch: FetchLike;
  limits?: HttpLimits;
  archiveBase?: string;
  bootstrapUrl?: string;
  /** Concurrency: in all, and per host. */
  total?: number;
  perHost?: number;
  now?: () => Date;
}

export interface LookupRequest {
  targets: readonly string[];
  domains: readonly string[];
  /** Ignore cached answers (the refresh control). */
  force?: boolean;
}

export type LookupEvent =
  | { type: 'target'; age: TargetAge; cached: boolean }
  | { type: 'domain'; age: DomainAge; cached: boolean }
  | { type: 'progress'; done: number; total: number };

/**
 * Looks up every target's age and every domain's registration date, cached answers first, then the network
 * (bounded: 6 requests in all, 2 per host, 8 s and 1 MB each). Events stream out as answers arrive; the signal
 * cancels what has not finished. The cache is saved as answers come in.
 */
export async function runLookups(
  req: LookupRequest,
  config: LookupConfig,
  cache: LookupCache,
  onEvent: (event: LookupEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const ctx: LookupContext = {
    fetch: config.fetch,
    limits: config.limits ?? DEFAULT_LIMITS,
    queue: new HostQueue(config.total ?? 6, config.perHost ?? 2),
    now: config.now ?? (() => new Date()),
    archiveBase: (config.archiveBase ?? DEFAULT_ARCHIVE_BASE).replace(/\/+$/, ''),
  };
  if (signal) ctx.signal = signal;
  const targets = [...new Set(req.targets)];
  const domains = [...new Set(req.domains)].filter(Boolean);
  const total = targets.length + domains.length;
  let done = 0;
  const step = () => onEvent({ type: 'progress', done: ++done, total });
  onEvent({ type: 'progress', done, total });

  const work: Promise<void>[] = [];
  for (const url of targets) {
    const hit = req.force ? null : cache.target(url);
    if (hit) {
      onEvent({ type: 'target', age: hit, cached: true });
      step();
      continue;
    }
    work.push(
      lookUpTarget(url, ctx).then((age) => {
        cache.putTarget(age);
        onEvent({ type: 'target', age, cached: false });
        step();
      }),
    );
  }
  const missing = domains.filter((domain) => {
    const hit = req.force ? null : cache.domain(domain);
    if (hit) {
      onEvent({ type: 'domain', age: hit, cached: true });
      step();
    }
    return !hit;
  });
  if (missing.length) {
    work.push(
      bootstrapFor(cache, ctx, config.bootstrapUrl ?? IANA_BOOTSTRAP_URL).then((bootstrap) =>
        Promise.all(
          missing.map((domain) =>
            lookUpDomain(domain, bootstrap, ctx).then((age) => {
              cache.putDomain(age);
              onEvent({ type: 'domain', age, cached: false });
              step();
            }),
          ),
        ).then(() => undefined),
      ),
    );
  }
  const saver = setInterval(() => void cache.save().catch(() => undefined), 1000);
  try {
    const results = await Promise.allSettled(work);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    clearInterval(saver);
    await cache.save().catch(() => undefined);
  }
}

async function bootstrapFor(cache: LookupCache, ctx: LookupContext, url: string): Promise<Bootstrap> {
  const kept = cache.bootstrap();
  if (kept) return kept;
  const fetched = await fetchBootstrap(ctx, url);
  if (fetched) {
    cache.putBootstrap(fetched);
    return fetched;
  }
  return SNAPSHOT;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof LookupError && error.code === 'cancelled';
}

export { DEFAULT_CACHE_LIMITS };
