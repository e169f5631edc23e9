import { bareHost } from './parse';

/**
 * A host and the facts worked out about it, each once. The sorting asks a dozen of every link's host (its domain,
 * whether it wraps redirects or holds archives, its tracking parameters, its kind, its platform…). A URL's parts
 * hold their host's record (`recordOf` in parts.ts), so each fact is a read of the record instead of a lookup by
 * host in a table of its own: about fifteen lookups per link before, where most hosts recur on a page.
 */
export class HostRecord {
  /** The host without `www.` and trailing dot, lower case (`bareHost`): the host the facts are about. */
  readonly bare: string;
  /** The facts, by slot (`hostFact`); undefined until worked out. */
  readonly facts: unknown[] = [];

  constructor(
    /** The host name as the URL gives it. */
    readonly hostname: string,
  ) {
    this.bare = bareHost(hostname);
  }
}

/** Records kept at most: a module-level table must not grow without bound across pages. */
const LIMIT = 20_000;
const records = new Map<string, HostRecord>();

/** The record of a host name, as a URL's `hostname` gives it. */
export function hostRecord(hostname: string): HostRecord {
  let record = records.get(hostname);
  if (record === undefined) {
    if (records.size >= LIMIT) records.clear();
    record = new HostRecord(hostname);
    records.set(hostname, record);
  }
  return record;
}

let slots = 0;

/** A fact about a host, worked out by `fn` once per host record. */
export function hostFact<V extends NonNullable<unknown> | null>(
  fn: (record: HostRecord) => V,
): (record: HostRecord) => V {
  const slot = slots++;
  return (record) => {
    let value = record.facts[slot] as V | undefined;
    if (value === undefined) {
      value = fn(record);
      record.facts[slot] = value;
    }
    return value;
  };
}
