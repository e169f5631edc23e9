import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from '../../lib/html';
import type { ScanOptions } from '../../lib/scan';
import { scanDocument } from '../../lib/scan';
import type { Link, Report } from '../../lib/schemas';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');
/** Fixed "now" so ages and future-date checks do not drift. */
export const NOW = new Date('2026-11-24T12:00:00Z');

/** Each fixture page and the address it is served at (the platform's own, so that its rules apply). */
export const FIXTURE_PAGES: ReadonlyArray<readonly [file: string, url: string]> = [
  [
    'wordpress-post.html',
    'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/',
  ],
  ['wordpress-archive.html', 'https://pennyforyourthoughts2.ca/2021/10/'],
  ['blogger-archive.html', 'https://pennyforyourthoughts2.blogspot.com/2018/01/'],
  ['youtube-watch.html', 'https://www.youtube.com/watch?v=QijsFn5iEv4'],
  ['maps-and-embeds.html', 'https://caucasus-atlas.org/maps/corridors.html'],
  ['news-article.html', 'https://www.caucasus-observer.com/politics/2025/07/01/baku-moscow-sputnik-raid'],
  ['wikipedia-article.html', 'https://en.wikipedia.org/wiki/Zangezur_corridor'],
  ['hacker-news-item.html', 'https://news.ycombinator.com/item?id=41234567'],
  [
    'stack-overflow-question.html',
    'https://stackoverflow.com/questions/67412345/how-do-i-parse-a-url-relative-to-a-base',
  ],
  ['discourse-topic.html', 'https://forum.caucasus.example/t/zangezur-corridor-what-changed-in-2025/4521'],
  [
    'old-reddit-thread.html',
    'https://old.reddit.com/r/geopolitics/comments/1abcde/the_zangezur_corridor_explained/',
  ],
  ['webforms-statement.html', 'https://mfa.example.gov/en/news/statement.aspx?id=123'],
  ['substack-post.html', 'https://caucasusnotes.substack.com/p/the-corridor-question'],
  [
    'new-reddit-thread.html',
    'https://www.reddit.com/r/geopolitics/comments/1abcde/the_zangezur_corridor_explained/',
  ],
  ['ghost-post.html', 'https://corridorwatch.net/who-holds-the-keys-to-the-zangezur-corridor/'],
  [
    'blogger-post.html',
    'https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan-big-block-on-silk-roadrimland.html',
  ],
  ['wordpress-block-theme-post.html', 'https://silkroadmetrics.org/2025/06/18/does-the-middle-corridor-pay/'],
  ['medium-post.html', 'https://medium.com/@anipetrosyan/the-corridor-that-wasnt-3f2a9c1b7d4e'],
];

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

/** The cited links as `cited` gives them, each with the comment it sits in, if any. */
export function citedWithComments(
  report: Report,
): Array<ReturnType<typeof cited>[number] & Pick<Link, 'comment'>> {
  return cited(report).map((l) => ({ ...l, comment: report.links.find((x) => x.url === l.url)?.comment }));
}
