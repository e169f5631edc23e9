import type { IsoDate } from '../schemas';
import { type DateBounds, isoDate, isoDayOf } from './calendar';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const ISO = /(?<![\d])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])/;
const ISO_SLASH = /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/;
const MDY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');
const MY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{4})\\b`, 'i');
const NUMERIC = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])/;
const RELATIVE = /\b(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago\b/i;

function month(name: string): number {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/**
 * A calendar date written in text or an attribute: ISO 8601 (the date part as written, whatever the time zone),
 * `2018/1/20`, `January 31, 2018`, `31 January 2018`, `31.01.2018`, `January 2018`, and relative dates
 * (`3 years ago`, at the precision they allow). Returns null rather than guessing.
 */
export function parseTextDate(input: string, bounds: DateBounds): IsoDate | null {
  const text = input.slice(0, 400);
  let m = ISO.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, bounds);
  m = ISO_SLASH.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), bounds);
  m = MDY.exec(text);
  if (m) return isoDate(Number(m[3]), month(m[1]!), Number(m[2]), bounds);
  m = DMY.exec(text);
  if (m) return isoDate(Number(m[3]), month(m[2]!), Number(m[1]), bounds);
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    // Day first is the rule outside the US; month first only when the day-first reading is impossible.
    if (m[2] === '.' || a > 12) return isoDate(y, b, a, bounds);
    if (b > 12) return isoDate(y, a, b, bounds);
    return a === b ? isoDate(y, a, b, bounds) : null;
  }
  m = MY.exec(text);
  if (m) return isoDate(Number(m[2]), month(m[1]!), null, bounds);
  m = RELATIVE.exec(text);
  if (m) return relativeDate(m[1]!, m[2]!.toLowerCase(), bounds);
  if (/^\s*(?:19|20)\d{2}\s*$/.test(text)) return isoDate(Number(text.trim()), null, null, bounds);
  return null;
}

function relativeDate(countWord: string, unit: string, bounds: DateBounds): IsoDate | null {
  const n = /^\d+$/.test(countWord) ? Number(countWord) : 1;
  const now = bounds.now;
  if (unit === 'year') return isoDate(now.getUTCFullYear() - n, null, null, bounds);
  if (unit === 'month') {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, null, bounds);
  }
  const ms = { second: 1e3, minute: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8 }[unit] ?? 0;
  return isoDayOf(now.getTime() - n * ms, bounds);
}
