import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from '../../lib/html';
import type { ScanOptions } from '../../lib/scan';
import { scanDocument } from '../../lib/scan';
import type { Link, Report } from '../../lib/schemas';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
/** Fixed "now" so ages and future-date checks do not drift. */
export const NOW = new Date('2026-11-24T12:00:00Z');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function parse(html: string): Document {
  return parseDocument(html);
}

export function scanHtml(html: string, url: string, options: ScanOptions = {}): Report {
  return scanDocument(parse(html), url, { now: NOW, ...options });
}

export function scanFixture(name: string, url: string, options: ScanOptions = {}): Report {
  return scanHtml(fixtureHtml(name), url, options);
}

/** The cited links (the three groups) in a compact, comparable form. */
export function cited(
  report: Report,
): Array<Pick<Link, 'url' | 'category' | 'kind' | 'region' | 'domain' | 'date' | 'dateSource'>> {
  return report.links
    .filter((l) => l.category !== 'other')
    .map(({ url, category, kind, region, domain, date, dateSource }) => ({
      url,
      category,
      kind,
      region,
      domain,
      date,
      dateSource,
    }));
}
