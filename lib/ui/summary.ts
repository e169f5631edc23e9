import { startOf } from '../dates/calendar';
import type { Category, IsoDate, Link, Report } from '../schemas';

export interface Summary {
  counts: Record<Category, number>;
  cited: number;
  /** Share of cited links that point at the page's own site (0–1). */
  selfShare: number;
  /** Median and oldest age in days among dated cited links, measured at `now`. */
  medianDays: number | null;
  oldest: Link | null;
  dated: number;
  /** Cited links by age at `now`, youngest bucket first, then the undated. */
  ages: AgeBucket[];
}

export interface AgeBucket {
  /** Short, for the legend: "3–10 y". */
  label: string;
  /** For titles and screen readers: "3 to 10 years old". */
  description: string;
  /** Shade index for the strip: 0 (youngest) to 3 (oldest); null for undated. */
  shade: 0 | 1 | 2 | 3 | null;
  count: number;
}

/** Upper bounds in days of the age buckets: under a year, 1–3 years, 3–10 years, older. */
const AGE_BUCKETS: Array<[number, string, string]> = [
  [365, '< 1 y', 'less than a year old'],
  [3 * 365.25, '1–3 y', '1 to 3 years old'],
  [10 * 365.25, '3–10 y', '3 to 10 years old'],
  [Number.POSITIVE_INFINITY, '> 10 y', 'over 10 years old'],
];

/** How many links the page cites: everything but page furniture and page actions. */
export function citedCount(report: Pick<Report, 'counts'>): number {
  return report.counts.primary + report.counts.self + report.counts.media;
}

/**
 * The one-line sourcing profile of a report: how much it cites, itself, and how old its evidence is. One pass over
 * the links, each distinct date worked out once (a long page repeats a few hundred dates thousands of times).
 */
export function summarize(report: Report, now: Date): Summary {
  const cited = report.links.filter((l) => l.category !== 'other');
  const today = startOf(now.toISOString().slice(0, 10));
  const ageOf = new Map<IsoDate, number>();
  const days: number[] = [];
  let oldest: Link | null = null;
  for (const link of cited) {
    const date = link.date;
    if (!date) continue;
    let age = ageOf.get(date);
    if (age === undefined) {
      age = Math.round((today - startOf(date)) / 86_400_000);
      ageOf.set(date, age);
    }
    days.push(age);
    // The first in page order among the oldest.
    if (!oldest || date < oldest.date!) oldest = link;
  }
  const ages = Float64Array.from(days).sort();
  const mid = Math.floor(ages.length / 2);
  const median = ages.length
    ? ages.length % 2
      ? ages[mid]!
      : Math.round((ages[mid - 1]! + ages[mid]!) / 2)
    : null;
  const selfCount = cited.filter((l) => l.category === 'self' || l.self).length;
  const ageBuckets: AgeBucket[] = AGE_BUCKETS.map(([, label, description], i) => ({
    label,
    description,
    shade: i as 0 | 1 | 2 | 3,
    count: 0,
  }));
  for (const days of ages) ageBuckets[AGE_BUCKETS.findIndex(([max]) => days < max)]!.count++;
  ageBuckets.push({
    label: 'undated',
    description: 'undated',
    shade: null,
    count: cited.length - ages.length,
  });
  return {
    counts: report.counts,
    cited: cited.length,
    selfShare: cited.length ? selfCount / cited.length : 0,
    medianDays: median,
    oldest,
    dated: ages.length,
    ages: ageBuckets,
  };
}
