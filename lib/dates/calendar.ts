import type { IsoDate } from '../schemas';

/** Earliest year a web publication date can have (the first web pages were published in 1991). */
export const WEB_EPOCH_YEAR = 1991;

export interface DateBounds {
  now: Date;
  /** Earliest acceptable year; defaults to the web's first year. */
  minYear?: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar (`month` 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

// The latest acceptable day for a "now" (a day of tolerance for time zones): worked out once per "now", as a page's
// dates are all judged against the same one.
let limitNow = Number.NaN;
let ly = 0;
let lm = 0;
let ld = 0;
function setLimit(now: Date): void {
  const t = now.getTime();
  if (t === limitNow) return;
  const limit = new Date(t + 86_400_000);
  ly = limit.getUTCFullYear();
  lm = limit.getUTCMonth() + 1;
  ld = limit.getUTCDate();
  limitNow = t;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO date at the precision given, or null when it is not a real calendar date, is before the web (or
 * `minYear`), or is after `now` (a day of tolerance for time zones).
 */
export function isoDate(
  year: number,
  month: number | null,
  day: number | null,
  bounds: DateBounds,
): IsoDate | null {
  if (!Number.isInteger(year) || year < (bounds.minYear ?? WEB_EPOCH_YEAR) || year > 9999) return null;
  setLimit(bounds.now);
  if (month === null) return year <= ly ? String(year) : null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (year > ly || (year === ly && month > lm)) return null;
  if (day === null) return `${year}-${pad(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  if (year === ly && month === lm && day > ld) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO day of an instant (UTC). */
export function isoDayOf(ms: number, bounds: DateBounds): IsoDate | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), bounds);
}

/** Whole days from `from` to `to` (ISO dates at any precision; the first day of a month or year is used). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((startOf(to) - startOf(from)) / 86_400_000);
}

export function startOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}
