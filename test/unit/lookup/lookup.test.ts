import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupCache, memoryStore } from '../../../lib/lookup/cache';
import { retryAfterMs } from '../../../lib/lookup/http';
import { HostQueue } from '../../../lib/lookup/queue';
import { rdapBase, SNAPSHOT } from '../../../lib/lookup/rdap';
import { type LookupEvent, runLookups } from '../../../lib/lookup/run';
import { type LookupContext, lookUpTarget } from '../../../lib/lookup/target';
import { type FixtureServer, PAGES, startFixtureServer } from '../../lookup/server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ slowMs: 1500 });
});
afterAll(() => server.close());

const ctx = (over: Partial<LookupContext> = {}): LookupContext => ({
  fetch: globalThis.fetch,
  limits: { timeoutMs: 700, maxBytes: 1_000_000 },
  queue: new HostQueue(6, 2),
  now: () => new Date(),
  archiveBase: `${server.origin}/archive`,
  ...over,
});
const at = (path: string) => `${server.origin}${path}`;

describe('looking up a target page', () => {
  it('dates pages in every metadata style, keeping modified apart from published', async () => {
    for (const [path, { expect: want }] of Object.entries(PAGES)) {
      if (path === '/' || path === '/chain/3') continue;
      const age = await lookUpTarget(at(path), ctx());
      expect(age.status, path).toBe('ok');
      if (want.date)
        expect({ path, date: age.date, source: age.dateSource }).toEqual({
          path,
          date: want.date,
          source: 'meta',
        });
      else expect(age.dateSource, path).not.toBe('meta');
      if (want.modified) expect(age.modified, path).toBe(want.modified);
    }
  });

  it('falls back to the archive’s first capture, shown as such, when the page has no date', async () => {
    expect(await lookUpTarget(at('/nodate'), ctx())).toMatchObject({
      status: 'ok',
      date: '2017-05-12',
      dateSource: 'archive',
    });
    // Malformed dates are rejected, not guessed; no capture either: no date.
    expect(await lookUpTarget(at('/malformed'), ctx())).toMatchObject({
      status: 'ok',
      date: null,
      dateSource: null,
    });
  });

  it('reads Last-Modified of files: HEAD first, a one-byte ranged GET when HEAD is refused', async () => {
    expect(await lookUpTarget(at('/img/dated.jpg'), ctx())).toMatchObject({
      date: '2017-05-10',
      dateSource: 'http',
    });
    expect(await lookUpTarget(at('/img/no-head.png'), ctx())).toMatchObject({
      date: '2016-02-01',
      dateSource: 'http',
      httpStatus: 206,
    });
    expect(await lookUpTarget(at('/img/undated.png'), ctx())).toMatchObject({ status: 'ok', date: null });
    // A page served with the wrong content type is not parsed; the archive dates it.
    expect(await lookUpTarget(at('/octet'), ctx())).toMatchObject({
      status: 'ok',
      date: '2015-01-01',
      dateSource: 'archive',
    });
  });

  it('reports dead, refused, broken and moved links, offering the archived copy', async () => {
    expect(await lookUpTarget(at('/gone'), ctx())).toMatchObject({
      status: 'dead',
      httpStatus: 404,
      archiveUrl: `${server.origin}/archive/web/20110203040506/${at('/gone')}`,
      date: '2011-02-03',
      dateSource: 'archive',
    });
    expect(await lookUpTarget(at('/removed'), ctx())).toMatchObject({ status: 'dead', httpStatus: 410 });
    expect(await lookUpTarget(at('/forbidden'), ctx())).toMatchObject({ status: 'blocked', httpStatus: 403 });
    expect(await lookUpTarget(at('/broken'), ctx())).toMatchObject({
      status: 'error',
      httpStatus: 500,
      reason: 'HTTP 500',
    });
    expect(await lookUpTarget(at('/deep/old-page'), ctx())).toMatchObject({
      status: 'moved',
      finalUrl: at('/'),
    });
  });

  it('follows redirect chains, and reports loops and unreachable hosts without hanging', async () => {
    expect(await lookUpTarget(at('/chain/1'), ctx())).toMatchObject({
      status: 'ok',
      date: '2014-04-04',
      finalUrl: at('/chain/3'),
    });
    const loop = await lookUpTarget(at('/loop/a'), ctx());
    expect(loop.status).toBe('unreachable');
    expect(loop.reason).toMatch(/redirect/);
    const nowhere = await lookUpTarget('http://127.0.0.1:9/nothing-listens-here', ctx());
    expect(nowhere.status).toBe('unreachable');
  });

  it('gives up on slow servers and slow bodies at the timeout', async () => {
    const slow = await lookUpTarget(at('/slow'), ctx());
    expect(slow).toMatchObject({ status: 'timeout' });
    expect(await lookUpTarget(at('/slow-body'), ctx())).toMatchObject({ status: 'timeout' });
  });

  it('reads at most the body cap: a date at the start of a 5 MB page is found, one past the cap is not', async () => {
    expect(await lookUpTarget(at('/huge'), ctx())).toMatchObject({ status: 'ok', date: '2013-03-03' });
    expect(
      await lookUpTarget(at('/late-date'), ctx({ limits: { timeoutMs: 2000, maxBytes: 100_000 } })),
    ).toMatchObject({
      status: 'ok',
      date: null,
    });
  });

  it('decodes the charset the server names', async () => {
    expect(await lookUpTarget(at('/latin1'), ctx())).toMatchObject({ date: '2010-10-10' });
  });

  it('backs off when a host says 429, then gets its answer', async () => {
    const age = await lookUpTarget(at('/busy'), ctx({ limits: { timeoutMs: 3000, maxBytes: 1_000_000 } }));
    expect(age).toMatchObject({ status: 'ok', date: '2020-11-05' });
    expect(server.hits.get('/busy')).toBe(2);
  });

  it('sends no cookies, credentials or referrer', () => {
    for (const headers of server.headersSeen) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const pending = lookUpTarget(
      at('/slow'),
      ctx({ signal: controller.signal, limits: { timeoutMs: 5000, maxBytes: 1e6 } }),
    );
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('bounds', () => {
  it('runs at most 2 requests per host and 6 in all', async () => {
    const queue = new HostQueue(6, 2);
    let running = 0;
    let max = 0;
    const perHost = new Map<string, number>();
    let maxPerHost = 0;
    const task = (host: string) => async () => {
      running++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      max = Math.max(max, running);
      maxPerHost = Math.max(maxPerHost, perHost.get(host)!);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      perHost.set(host, perHost.get(host)! - 1);
    };
    await Promise.all(Array.from({ length: 40 }, (_, i) => queue.run(`h${i % 5}`, task(`h${i % 5}`))));
    expect(max).toBe(6);
    expect(maxPerHost).toBe(2);
  });

  it('reads Retry-After as seconds or a date, capped', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(retryAfterMs('86400')).toBe(60_000);
    expect(retryAfterMs('soon')).toBeNull();
  });
});

describe('domain age over RDAP', () => {
  it('finds the registry from the bootstrap (longest suffix, https first)', () => {
    expect(rdapBase('example.com', SNAPSHOT)).toBe('https://rdap.verisign.com/com/v1/');
    expect(rdapBase('bbc.co.uk', SNAPSHOT)).toBe('https://rdap.nominet.uk/uk/');
    expect(rdapBase('spiegel.de', SNAPSHOT)).toBeNull();
    expect(
      rdapBase('a.b.example', {
        services: [
          [['example'], ['http://x/', 'https://y/']],
          [['b.example'], ['https://z']],
        ],
      }),
    ).toBe('https://z/');
  });

  it('looks up registration dates, caches them, and says why when it cannot', async () => {
    const events: LookupEvent[] = [];
    const cache = await new LookupCache(memoryStore()).load();
    const config = {
      fetch: globalThis.fetch,
      archiveBase: `${server.origin}/archive`,
      bootstrapUrl: `${server.origin}/iana/dns.json`,
      limits: { timeoutMs: 2000, maxBytes: 1e6 },
    };
    await runLookups(
      { targets: [], domains: ['example.com', 'brand-new-site.com', 'unknown-domain.com', 'spiegel.de'] },
      config,
      cache,
      (e) => events.push(e),
    );
    const domains = Object.fromEntries(
      events.flatMap((e) => (e.type === 'domain' ? [[e.age.domain, e.age]] : [])),
    );
    expect(domains['example.com']).toMatchObject({ status: 'ok', registered: '1995-08-14' });
    expect(domains['brand-new-site.com']?.status).toBe('ok');
    expect(domains['unknown-domain.com']).toMatchObject({ status: 'not-found', registered: null });
    // The fetched bootstrap replaced the snapshot: .de has no RDAP service in it.
    expect(domains['spiegel.de']).toMatchObject({ status: 'no-rdap' });
    expect(events.at(-1)).toEqual({ type: 'progress', done: 4, total: 4 });

    // Answered from the cache the second time: no request reaches the registry.
    const before = server.hits.get('/rdap/domain/example.com');
    const again: LookupEvent[] = [];
    await runLookups({ targets: [], domains: ['example.com'] }, config, cache, (e) => again.push(e));
    expect(again).toContainEqual(expect.objectContaining({ type: 'domain', cached: true }));
    expect(server.hits.get('/rdap/domain/example.com')).toBe(before);
  });
});

describe('the cache', () => {
  it('survives a reload, expires answers, bounds its size, and replaces corrupt data with a notice', async () => {
    let now = 1_000_000;
    const store = memoryStore();
    const limits = {
      targetTtlMs: 100,
      failureTtlMs: 10,
      domainTtlMs: 1000,
      bootstrapTtlMs: 100,
      maxTargets: 3,
      maxDomains: 2,
    };
    const cache = await new LookupCache(store, limits, () => now).load();
    for (let i = 0; i < 5; i++) {
      cache.putTarget({
        url: `u${i}`,
        status: 'ok',
        date: '2020',
        dateSource: 'meta',
        modified: null,
        checkedAt: now - 10 + i,
      });
    }
    cache.putTarget({
      url: 'bad',
      status: 'timeout',
      date: null,
      dateSource: null,
      modified: null,
      checkedAt: now - 1,
    });
    await cache.save();
    const reloaded = await new LookupCache(store, limits, () => now).load();
    expect(reloaded.size.targets).toBe(3);
    expect(reloaded.target('u4')).not.toBeNull();
    expect(reloaded.target('u0')).toBeNull(); // evicted: oldest
    now += 50;
    expect(reloaded.target('u4')).not.toBeNull();
    expect(reloaded.target('bad')).toBeNull(); // failures expire sooner
    now += 100;
    expect(reloaded.target('u4')).toBeNull();

    const corrupt = await new LookupCache(
      memoryStore({ lookupCache: { version: 1, targets: { x: { url: 1 } } } }),
    ).load();
    expect(corrupt.notice).toMatch(/cleared/);
    expect(corrupt.size).toEqual({ targets: 0, domains: 0 });
  });

  it('streams targets with progress, from the network then from the cache', async () => {
    const cache = await new LookupCache(memoryStore()).load();
    const config = {
      fetch: globalThis.fetch,
      archiveBase: `${server.origin}/archive`,
      limits: { timeoutMs: 2000, maxBytes: 1e6 },
    };
    const first: LookupEvent[] = [];
    await runLookups({ targets: [at('/og'), at('/jsonld'), at('/og')], domains: [] }, config, cache, (e) =>
      first.push(e),
    );
    expect(first.filter((e) => e.type === 'target')).toHaveLength(2);
    expect(first[0]).toEqual({ type: 'progress', done: 0, total: 2 });
    const second: LookupEvent[] = [];
    await runLookups({ targets: [at('/og')], domains: [] }, config, cache, (e) => second.push(e));
    expect(second).toContainEqual(expect.objectContaining({ type: 'target', cached: true }));
    const forced: LookupEvent[] = [];
    await runLookups({ targets: [at('/og')], domains: [], force: true }, config, cache, (e) =>
      forced.push(e),
    );
    expect(forced).toContainEqual(expect.objectContaining({ type: 'target', cached: false }));
  });
});

describe('merging answers into the report', () => {
  it('takes a looked-up date only where it ranks better, marks liveness, and skips hosted-blog domains', async () => {
    const { scanFixture } = await import('../../helpers/fixtures');
    const { applyLookups, lookupDomains, lookupTargets } = await import('../../../lib/lookup/merge');
    const report = scanFixture(
      'wordpress-post.html',
      'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/',
    );
    const targets = lookupTargets(report);
    expect(targets).toHaveLength(7);
    expect(lookupDomains(report).sort()).toEqual(
      ['news.az', 'pennyforyourthoughts2.ca', 'rferl.org', 'wordpress.com', 'youtube.com'].sort(),
    );
    const news = targets.find((t) => t.startsWith('https://news.az/'))!;
    const dated = targets.find((t) => t.includes('/2021/10/17/'))!;
    const merged = applyLookups(
      report,
      new Map([
        [
          news,
          {
            url: news,
            status: 'ok',
            date: '2025-06-30',
            dateSource: 'meta',
            modified: '2025-07-01',
            checkedAt: 1,
          },
        ],
        [
          dated,
          {
            url: dated,
            status: 'dead',
            httpStatus: 404,
            date: '2021-10-18',
            dateSource: 'archive',
            modified: null,
            archiveUrl: 'https://web.archive.org/web/2021/x',
            checkedAt: 1,
          },
        ],
      ]),
      new Map([['news.az', { domain: 'news.az', status: 'ok', registered: '2006-01-01', checkedAt: 1 }]]),
    );
    const byUrl = (u: string) => merged.links.find((l) => l.url === u)!;
    expect(byUrl(news)).toMatchObject({
      date: '2025-06-30',
      dateSource: 'meta',
      domainRegistered: '2006-01-01',
      check: { status: 'ok', modified: '2025-07-01' },
    });
    // The URL's own date outranks the archive's first capture.
    expect(byUrl(dated)).toMatchObject({
      date: '2021-10-17',
      dateSource: 'url',
      check: { status: 'dead', httpStatus: 404 },
    });
    expect(report.links.find((l) => l.url === news)!.date).toBeNull(); // the input is not changed
    // The page's metadata gives the day within the month its URL names; one outside it does not replace it.
    const monthly = targets.find((t) => t.includes('/2018/01/'))!;
    const refined = (date: string) =>
      applyLookups(
        report,
        new Map([
          [monthly, { url: monthly, status: 'ok', date, dateSource: 'meta', modified: null, checkedAt: 1 }],
        ]),
        new Map(),
      ).links.find((l) => l.url === monthly)!;
    expect(report.links.find((l) => l.url === monthly)).toMatchObject({ date: '2018-01', dateSource: 'url' });
    expect(refined('2018-01-20')).toMatchObject({ date: '2018-01-20', dateSource: 'meta' });
    expect(refined('2017-12-30')).toMatchObject({ date: '2018-01', dateSource: 'url' });
    expect(refined('2018-01')).toMatchObject({ date: '2018-01', dateSource: 'url' });
    const failed = applyLookups(
      report,
      new Map(),
      new Map([
        [
          'news.az',
          { domain: 'news.az', status: 'timeout', registered: null, reason: 'timed out', checkedAt: 1 },
        ],
      ]),
    );
    expect(failed.links.find((l) => l.url === news)).toMatchObject({
      domainLookup: { status: 'timeout', reason: 'timed out' },
    });
    const { reportSchema } = await import('../../../lib/schemas');
    expect(reportSchema.safeParse(merged).success).toBe(true);
  });

  it("puts a citation's date of the work below the work's own metadata and above a file's Last-Modified", async () => {
    const { scanFixture } = await import('../../helpers/fixtures');
    const { applyLookups } = await import('../../../lib/lookup/merge');
    const report = scanFixture('wikipedia-article.html', 'https://en.wikipedia.org/wiki/Zangezur_corridor');
    const cited = 'https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor';
    expect(report.links.find((l) => l.url === cited)).toMatchObject({
      date: '2021-05-10',
      dateSource: 'citation',
    });
    const lookedUp = (date: string, dateSource: 'meta' | 'http') =>
      applyLookups(
        report,
        new Map([[cited, { url: cited, status: 'ok', date, dateSource, modified: null, checkedAt: 1 }]]),
        new Map(),
      ).links.find((l) => l.url === cited);
    expect(lookedUp('2021-05-09', 'meta')).toMatchObject({ date: '2021-05-09', dateSource: 'meta' });
    expect(lookedUp('2023-01-01', 'http')).toMatchObject({ date: '2021-05-10', dateSource: 'citation' });
  });
});
