import { z } from '../zod';
import { type Bootstrap, bootstrapSchema } from './rdap';
import { type DomainAge, domainAgeSchema, type TargetAge, targetAgeSchema } from './schemas';

/** Where the cache lives: extension storage in the browser, memory in the CLI and tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export const CACHE_KEY = 'lookupCache';

const storedSchema = z.strictObject({
  version: z.literal(1),
  targets: z.record(z.string(), targetAgeSchema),
  domains: z.record(z.string(), domainAgeSchema),
  bootstrap: z.strictObject({ fetchedAt: z.number(), data: bootstrapSchema }).optional(),
});
type Stored = z.infer<typeof storedSchema>;

export interface CacheLimits {
  /** How long an answer about a target is kept; failures are retried sooner. */
  targetTtlMs: number;
  failureTtlMs: number;
  /** Registration dates do not change: kept long. */
  domainTtlMs: number;
  bootstrapTtlMs: number;
  maxTargets: number;
  maxDomains: number;
}

const DAY = 86_400_000;
export const DEFAULT_CACHE_LIMITS: CacheLimits = {
  targetTtlMs: 30 * DAY,
  failureTtlMs: DAY / 24,
  domainTtlMs: 180 * DAY,
  bootstrapTtlMs: 7 * DAY,
  maxTargets: 5000,
  maxDomains: 2000,
};

const empty = (): Stored => ({ version: 1, targets: {}, domains: {} });

/** Keeps the newest `max` entries. */
function bound<T extends { checkedAt: number }>(record: Record<string, T>, max: number): Record<string, T> {
  const entries = Object.entries(record);
  if (entries.length <= max) return record;
  entries.sort((a, b) => b[1].checkedAt - a[1].checkedAt);
  return Object.fromEntries(entries.slice(0, max));
}

/**
 * Look-up answers kept between popups: validated with zod when read (corrupt or old data starts an empty cache and
 * says so), with a time-to-live per kind of answer and a bound on its size.
 */
export class LookupCache {
  private data: Stored = empty();
  private dirty = false;
  /** Set when what was stored could not be used and was replaced. */
  notice: string | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly limits: CacheLimits = DEFAULT_CACHE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<this> {
    const raw = await this.store.get(CACHE_KEY).catch(() => undefined);
    if (raw === undefined || raw === null) return this;
    const parsed = storedSchema.safeParse(raw);
    if (parsed.success) this.data = parsed.data;
    else {
      this.data = empty();
      this.dirty = true;
      this.notice = 'Saved look-up results were unreadable and have been cleared.';
    }
    return this;
  }

  private fresh(checkedAt: number, ttl: number): boolean {
    const age = this.now() - checkedAt;
    return age >= 0 && age < ttl;
  }

  target(url: string): TargetAge | null {
    const hit = this.data.targets[url];
    if (!hit) return null;
    const ttl =
      hit.status === 'ok' || hit.status === 'dead' ? this.limits.targetTtlMs : this.limits.failureTtlMs;
    return this.fresh(hit.checkedAt, ttl) ? hit : null;
  }

  domain(domain: string): DomainAge | null {
    const hit = this.data.domains[domain];
    if (!hit) return null;
    const ttl =
      hit.status === 'ok' || hit.status === 'no-rdap' ? this.limits.domainTtlMs : this.limits.failureTtlMs;
    return this.fresh(hit.checkedAt, ttl) ? hit : null;
  }

  bootstrap(): Bootstrap | null {
    const b = this.data.bootstrap;
    return b && this.fresh(b.fetchedAt, this.limits.bootstrapTtlMs) ? b.data : null;
  }

  putTarget(age: TargetAge): void {
    this.data.targets[age.url] = age;
    this.dirty = true;
  }

  putDomain(age: DomainAge): void {
    this.data.domains[age.domain] = age;
    this.dirty = true;
  }

  putBootstrap(data: Bootstrap): void {
    this.data.bootstrap = { fetchedAt: this.now(), data };
    this.dirty = true;
  }

  /** Writes what changed, dropping the oldest entries beyond the size bound. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    this.data.targets = bound(this.data.targets, this.limits.maxTargets);
    this.data.domains = bound(this.data.domains, this.limits.maxDomains);
    this.dirty = false;
    await this.store.set(CACHE_KEY, this.data);
  }

  get size(): { targets: number; domains: number } {
    return { targets: Object.keys(this.data.targets).length, domains: Object.keys(this.data.domains).length };
  }
}

/** A store in memory (the CLI, tests). */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial));
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
  };
}
