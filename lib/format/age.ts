import { startOf } from '../dates/calendar';
import type { IsoDate } from '../schemas';

/** How old a dated thing is, in the largest unit that fits: "4 y", "7 mo", "12 d", "today". */
export function formatAge(date: IsoDate | null, now: Date): string {
  if (!date) return '—';
  const days = Math.floor((now.getTime() - startOf(date)) / 86_400_000);
  return formatDays(days, date.length);
}

/** A span of days as an age; `precision` is the length of the ISO date it came from (4, 7 or 10). */
export function formatDays(days: number, precision = 10): string {
  if (days < 0) return '—';
  if (days >= 365) return `${Math.floor(days / 365.25) || 1} y`;
  if (precision === 4) return '< 1 y';
  if (days >= 31) return `${Math.floor(days / 30.44)} mo`;
  if (precision === 7) return '< 1 mo';
  if (days >= 1) return `${days} d`;
  return 'today';
}
