import { daysBetween } from '../dates/calendar';
import type { Category, Link, Report } from '../schemas';

export interface Summary {
  counts: Record<Category, number>;
  cited: number;
  /** Share of cited links that point at the page's own site (0–1). */
  selfShare: number;
  /** Median and oldest age in days among dated cited links, measured at `now`. */
  medianDays: number | null;
  oldest: Link | null;
  dated: number;
}

/** How many links the page cites: everything but page furniture and page actions. */
export function citedCount(report: Pick<Report, 'counts'>): number {
  return report.counts.primary + report.counts.self + report.counts.media;
}

/** The one-line sourcing profile of a report: how much it cites, itself, and how old its evidence is. */
export function summarize(report: Report, now: Date): Summary {
  const cited = report.links.filter((l) => l.category !== 'other');
  const today = now.toISOString().slice(0, 10);
  const dated = cited
    .filter((l) => l.date)
    .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const ages = dated.map((l) => daysBetween(l.date!, today)).sort((a, b) => a - b);
  const mid = Math.floor(ages.length / 2);
  const median = ages.length
    ? ages.length % 2
      ? ages[mid]!
      : Math.round((ages[mid - 1]! + ages[mid]!) / 2)
    : null;
  const selfCount = cited.filter((l) => l.category === 'self' || l.self).length;
  return {
    counts: report.counts,
    cited: cited.length,
    selfShare: cited.length ? selfCount / cited.length : 0,
    medianDays: median,
    oldest: dated[0] ?? null,
    dated: dated.length,
  };
}
