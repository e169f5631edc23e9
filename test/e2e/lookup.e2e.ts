import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_URL as SEED } from '../fixtures/seed';
import { type Harness, launch, openFixture, openPopup, ROOT, tabIdOf } from './browser';

// Age look-ups in the built extension: the background worker fetches the cited links, the Internet Archive and
// the RDAP registries; every one of those real URLs is routed here to a fixture response.
const NEWS = 'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors';
const DEAD = 'https://pennyforyourthoughts2.ca/2022/03/02/russia-ukraine-and-the-bigger-picture/';
const VIDEO = 'https://www.youtube.com/watch?v=QijsFn5iEv4';
const MAP = 'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png';
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const YOUNG = new Date(Date.now() - 40 * 86_400_000).toISOString();

let h: Harness;
const seen: Array<{ url: string; cookie: string | undefined; credentials: boolean }> = [];

beforeAll(async () => {
  h = await launch();
  const html = (route: Route, body: string, status = 200) =>
    route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
  const log = (route: Route) =>
    seen.push({
      url: route.request().url(),
      cookie: route.request().headers()['cookie'],
      credentials: 'authorization' in route.request().headers(),
    });
  await h.context.route(/^https:\/\/news\.az\//, (route) => {
    log(route);
    return html(
      route,
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-06-30T09:00:00+04:00"}</script></head><body><h1>News</h1></body></html>',
    );
  });
  await h.context.route(DEAD, (route) => {
    log(route);
    return html(route, '<h1>Page not found</h1>', 404);
  });
  await h.context.route(/^https:\/\/www\.youtube\.com\/watch/, (route) => {
    log(route);
    return html(
      route,
      '<html><body><div itemscope itemtype="http://schema.org/VideoObject"><meta itemprop="videoId" content="QijsFn5iEv4"><meta itemprop="uploadDate" content="2017-05-12T03:00:00-07:00"></div></body></html>',
    );
  });
  await h.context.route(/^https:\/\/pennyforyourthoughts2\.ca\/2021\//, (route) => {
    log(route);
    return html(
      route,
      '<html><head><meta property="article:published_time" content="2021-10-17T10:00:00+00:00"></head></html>',
    );
  });
  await h.context.route(/^https:\/\/pennyforyourthoughts2\.blogspot\.com\//, (route) => {
    log(route);
    return html(
      route,
      '<html><head><meta content="blogger" name="generator"></head><body><abbr class="published" title="2018-01-20T08:02:00-05:00">January 20</abbr></body></html>',
    );
  });
  await h.context.route(/^https:\/\/arabisouri\.wordpress\.com\//, (route) => {
    log(route);
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'image/jpeg', 'last-modified': 'Fri, 12 May 2017 08:00:00 GMT' },
      body: '',
    });
  });
  await h.context.route(MAP, (route) => {
    log(route);
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'image/png', 'last-modified': 'Tue, 16 Jan 2018 10:00:00 GMT' },
      body: route.request().method() === 'HEAD' ? '' : 'PNG',
    });
  });
  await h.context.route(/^https:\/\/web\.archive\.org\/cdx\//, (route) => {
    log(route);
    const url = new URL(route.request().url()).searchParams.get('url');
    const rows =
      url === DEAD
        ? [
            ['timestamp', 'original'],
            ['20220303120000', DEAD],
          ]
        : [];
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rows) });
  });
  await h.context.route('https://data.iana.org/rdap/dns.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        version: '1.0',
        publication: '2026-11-01T00:00:00Z',
        services: [
          [['com'], ['https://rdap.verisign.com/com/v1/']],
          [['org'], ['https://rdap.publicinterestregistry.org/rdap/']],
          [['az'], ['https://rdap.example-az.test/']],
        ],
      }),
    }),
  );
  const registered: Record<string, string> = {
    'youtube.com': '2005-02-15T05:13:12Z',
    'blogspot.com': '2000-07-31T17:49:20Z',
    'wordpress.com': '2000-03-03T12:13:23Z',
    'rferl.org': '1996-02-09T05:00:00Z',
    'news.az': YOUNG,
  };
  await h.context.route(/^https:\/\/rdap\.[^/]+\/.*domain\//, (route) => {
    log(route);
    const domain = decodeURIComponent(route.request().url().split('/domain/')[1] ?? '');
    const date = registered[domain];
    return date
      ? route.fulfill({
          status: 200,
          contentType: 'application/rdap+json',
          body: JSON.stringify({
            objectClassName: 'domain',
            events: [{ eventAction: 'registration', eventDate: date }],
          }),
        })
      : route.fulfill({ status: 404, contentType: 'application/rdap+json', body: '{"errorCode":404}' });
  });
});
afterAll(async () => h?.close());

const row = (popup: Page, url: string) => popup.locator(`.row[data-url="${url}"]`);

describe('age look-ups', () => {
  it('fetch nothing until asked, then fill in ages, dead links and domain ages, streaming with progress', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    expect(await row(popup, NEWS).locator('.age').textContent()).toBe('—');
    expect(seen).toEqual([]);

    await popup.getByRole('button', { name: 'Look up ages' }).click();
    await popup.waitForSelector('.lookup[data-phase="done"]', { timeout: 30_000 });

    // The news piece: dated by its JSON-LD, fetched without cookies.
    expect(await row(popup, NEWS).locator('.age').getAttribute('title')).toContain(
      '2025-06-30, from the page’s own metadata',
    );
    // The video: its upload date. The map image: its Last-Modified.
    expect(await row(popup, VIDEO).locator('.age').getAttribute('title')).toContain('2017-05-12');
    expect(await row(popup, MAP).locator('.age').getAttribute('title')).toContain(
      '2018-01-16, from the Last-Modified header',
    );
    // The dead post keeps its URL date, is marked dead, and offers the archived copy.
    const dead = row(popup, DEAD);
    expect(await dead.locator('.age').getAttribute('title')).toContain(
      '2022-03-02, from the date in the URL',
    );
    expect(await dead.locator('.check').textContent()).toBe('dead');
    expect(await dead.locator('a.archived').getAttribute('href')).toBe(
      `https://web.archive.org/web/20220303120000/${DEAD}`,
    );
    // Domain ages, with a warning for a domain younger than a year.
    expect(await row(popup, VIDEO).locator('.domain-age').textContent()).toBe('since 2005');
    expect(await row(popup, MAP).locator('.domain-age').textContent()).toBe('since 1996');
    expect(await row(popup, NEWS).locator('.domain-age.young').textContent()).toContain('new domain');
    expect(await popup.locator('.lookup-summary').textContent()).toMatch(
      /^Looked up: 7 links, 7 dated, 1 dead or moved$/,
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const request of seen) {
      expect(request.cookie, request.url).toBeUndefined();
      expect(request.credentials, request.url).toBe(false);
    }
    await popup.screenshot({ path: resolve(SHOTS, 'popup-lookups-light.png'), fullPage: true });
  });

  it('answers from the cache when the popup opens again (no new requests), and refreshes on demand', async () => {
    const before = seen.length;
    const popup = await openPopup(h, await tabIdOf(h, SEED), 'dark');
    await popup.getByRole('button', { name: 'Look up ages' }).click();
    await popup.waitForSelector('.lookup[data-phase="done"]', { timeout: 30_000 });
    expect(await row(popup, NEWS).locator('.age').getAttribute('title')).toContain('2025-06-30');
    expect(seen.length).toBe(before);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-lookups-dark.png'), fullPage: true });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await popup.waitForSelector('.lookup[data-phase="done"]', { timeout: 30_000 });
    expect(seen.length).toBeGreaterThan(before);
  });

  it('can be cancelled while requests hang, and every row stops waiting', async () => {
    const PAGE = 'https://slowcitations.example/2024/05/01/post/';
    await h.context.route(/^https:\/\/very-slow\.example\//, async (route) => {
      await new Promise((r) => setTimeout(r, 6000));
      await route
        .fulfill({ status: 200, contentType: 'text/html', body: '<html></html>' })
        .catch(() => undefined);
    });
    await h.context.route(PAGE, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<html><body><article><h1>Post</h1><p>See <a href="https://very-slow.example/a">one report</a>,
          <a href="https://very-slow.example/b">another</a> and <a href="https://very-slow.example/c">a third</a>
          for the whole story of what happened in the region that year.</p></article></body></html>`,
      }),
    );
    const page = await h.context.newPage();
    await page.goto(PAGE);
    const popup = await openPopup(h, await tabIdOf(h, PAGE));
    await popup.getByRole('button', { name: 'Look up ages' }).click();
    await popup.waitForSelector('.lookup[data-phase="running"] progress');
    expect(await popup.locator('.age.pending').count()).toBe(3);
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.waitForSelector('.lookup[data-phase="cancelled"]');
    expect(await popup.locator('.lookup-summary').textContent()).toMatch(/^Stopped: /);
    expect(await popup.locator('.age.pending').count()).toBe(0);
  });
});
