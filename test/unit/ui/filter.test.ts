import { describe, expect, it } from 'vitest';
import { readSettings, withAlias, withoutAlias } from '../../../lib/settings';
import { ALL_GROUPS, applyFilters } from '../../../lib/ui/filter';
import { summarize } from '../../../lib/ui/summary';
import { generateThread, THREAD_URL } from '../../fixtures/generate-thread';
import { NOW, scanFixture, scanHtml } from '../../helpers/fixtures';

const report = scanFixture(
  'wordpress-post.html',
  'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/',
);
const base = { query: '', groups: ALL_GROUPS, domains: new Set<string>(), sort: 'page' as const };

describe('applyFilters', () => {
  it('matches every word against title, URL, domain and context', () => {
    expect(applyFilters(report.links, { ...base, query: 'heartland youtube' }).map((l) => l.url)).toEqual([
      'https://www.youtube.com/watch?v=QijsFn5iEv4',
    ]);
    expect(applyFilters(report.links, { ...base, query: 'RFERL.ORG' }).map((l) => l.domain)).toEqual([
      'rferl.org',
      'rferl.org',
    ]);
  });

  it('keeps only the chosen groups and domains', () => {
    const media = applyFilters(report.links, { ...base, groups: new Set(['media']) });
    expect(media.map((l) => l.kind)).toEqual(['video', 'image', 'image']);
    const own = applyFilters(report.links, {
      ...base,
      groups: new Set(['self']),
      domains: new Set(['pennyforyourthoughts2.ca']),
    });
    expect(own).toHaveLength(2);
  });

  it('sorts by age with undated links last, or by domain', () => {
    const cited = { ...base, groups: new Set(['primary', 'self', 'media'] as const) };
    const oldest = applyFilters(report.links, { ...cited, sort: 'oldest' }).map((l) => l.date);
    expect(oldest).toEqual(['2017-05', '2018-01', '2021-10-17', '2022-03-02', null, null, null]);
    const newest = applyFilters(report.links, { ...cited, sort: 'newest' }).map((l) => l.date);
    expect(newest.slice(0, 4)).toEqual(['2022-03-02', '2021-10-17', '2018-01', '2017-05']);
    const domains = applyFilters(report.links, { ...cited, sort: 'domain' }).map((l) => l.domain);
    expect(domains).toEqual([...domains].sort());
  });
});

describe('summary', () => {
  it('gives the sourcing profile: counts, self share, median and oldest age', () => {
    const s = summarize(report, NOW);
    expect(s).toMatchObject({ cited: 7, dated: 4, counts: { primary: 1, self: 3, media: 3 } });
    expect(s.selfShare).toBeCloseTo(3 / 7);
    expect(s.oldest?.date).toBe('2017-05');
  });

  it('takes the median and the first of the oldest over thousands of links with repeated dates', () => {
    const thread = scanHtml(generateThread(300), THREAD_URL);
    const s = summarize(thread, NOW);
    // By hand: every dated cited link's age in whole days, sorted.
    const dated = thread.links.filter((l) => l.category !== 'other' && l.date);
    const day = (iso: string) => {
      const [y, m = 1, d = 1] = iso.split('-').map(Number);
      return Date.UTC(y!, m - 1, d);
    };
    const today = Date.UTC(2026, 10, 24);
    const ages = dated.map((l) => Math.round((today - day(l.date!)) / 86_400_000)).sort((a, b) => a - b);
    expect(ages.length).toBeGreaterThan(500);
    expect(new Set(ages).size).toBeLessThan(ages.length);
    const mid = ages.length / 2;
    expect(s.medianDays).toBe(
      ages.length % 2 ? ages[Math.floor(mid)] : Math.round((ages[mid - 1]! + ages[mid]!) / 2),
    );
    expect(s.dated).toBe(ages.length);
    const first = dated.reduce((min, l) => (l.date! < min.date! ? l : min));
    expect(s.oldest).toBe(first);
    expect(s.ages.reduce((n, b) => n + b.count, 0)).toBe(s.cited);
  });

  it('buckets the cited links by age for the age strip', () => {
    // At 2026-11-24 the four dated links are 4.7 to 9.5 years old; three are undated.
    expect(summarize(report, NOW).ages.map((b) => [b.label, b.count])).toEqual([
      ['< 1 y', 0],
      ['1–3 y', 0],
      ['3–10 y', 4],
      ['> 10 y', 0],
      ['undated', 3],
    ]);
    // Two years on, the two oldest have crossed ten years.
    const later = summarize(report, new Date('2028-11-24T12:00:00Z')).ages;
    expect(later.find((b) => b.label === '3–10 y')?.count).toBe(2);
    expect(later.find((b) => b.label === '> 10 y')?.count).toBe(2);
  });
});

describe('settings', () => {
  it('adds and removes aliases without duplicates', () => {
    const { settings } = readSettings(undefined);
    const one = withAlias(settings, 'pennyforyourthoughts2.ca', 'news.az');
    expect(withAlias(one, 'pennyforyourthoughts2.ca', 'news.az')).toBe(one);
    expect(one.aliases).toEqual({ 'pennyforyourthoughts2.ca': ['news.az'] });
    expect(withoutAlias(one, 'pennyforyourthoughts2.ca', 'news.az').aliases).toEqual({});
  });

  it('falls back to defaults with a notice when stored data is corrupt or old', () => {
    expect(readSettings({ aliases: { 'a.org': 'not-a-list' } })).toMatchObject({
      settings: { aliases: {}, theme: 'system' },
      notice: expect.stringContaining('reset'),
    });
    expect(readSettings({ aliases: { 'a.org': ['b.org'] } }).notice).toBeUndefined();
    expect(readSettings('garbage').settings.theme).toBe('system');
  });
});

describe('typedHost', () => {
  it('reduces what a reader types to a host', async () => {
    const { typedHost } = await import('../../../lib/url/parse');
    expect(typedHost(' https://www.PennyForYourThoughts2.ca/2021/ ')).toBe('pennyforyourthoughts2.ca');
    expect(typedHost('news.az')).toBe('news.az');
    expect(typedHost('not a host')).toBeNull();
    expect(typedHost('')).toBeNull();
  });
});
