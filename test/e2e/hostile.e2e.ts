import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, openPopup, ROOT, tabIdOf } from './browser';

// The worst pages of the web, live in Chromium: the page's own scripts fight the scan, its markup and URLs are
// hostile, it is huge, it changes under the reader, it is badly encoded. Each test opens the real popup on it.
const SHOTS = resolve(ROOT, 'test-results/screenshots');

let h: Harness;
/** Requests that reached a host no fixture serves: anything a hostile string managed to trigger. */
const stray: string[] = [];
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launch();
  await h.context.route(/^https?:\/\/evil\.example\//, (route) => {
    stray.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
});
afterAll(async () => h?.close());

/** Serves `body` (a string or raw bytes) at `url` and opens it in a tab. */
async function serve(
  url: string,
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
  waitUntil: 'load' | 'domcontentloaded' = 'load',
): Promise<Page> {
  await h.context.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil });
  return page;
}

const rows = (popup: Page, group: string) =>
  popup.$$eval(`[data-group="${group}"] .row`, (els) =>
    els.map((el) => ({
      url: (el as HTMLElement).dataset['url'] ?? '',
      title: el.querySelector('.title')?.textContent ?? '',
      domain: el.querySelector('.domain')?.textContent ?? '',
    })),
  );
const notes = (popup: Page) => popup.$$eval('.note', (els) => els.map((el) => el.textContent ?? ''));

/**
 * Opens the popup on the tab showing `url`, noting every progress text it shows as it shows it; once it is ready,
 * gives it and the running counts of links read that it showed.
 */
async function openWatchingProgress(
  url: string,
): Promise<{ popup: Page; statuses: string[]; counts: string[] }> {
  const popup = await h.context.newPage();
  await popup.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.status')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await popup.goto(`chrome-extension://${h.id}/popup.html?tabId=${await tabIdOf(h, url)}`);
  await popup.waitForSelector('#results[aria-busy="false"]', { timeout: 60_000 });
  const statuses = await popup.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  const counts = statuses.flatMap((s) => /([\d,]+) links so far/.exec(s)?.[1]?.replaceAll(',', '') ?? []);
  return { popup, statuses, counts };
}

describe('hostile pages in Chromium', () => {
  it('ignores a page that overwrites globals and DOM methods, and shows markup in link text as text', async () => {
    const url = 'https://hostile-blog.org/2024/05/06/globals/';
    const longUrl = `https://longlink.io/${'a'.repeat(100_000)}`;
    const page = await serve(
      url,
      `<!doctype html><html><head><title>Hostile page</title></head><body><article>
      <p>Read <a href="https://realsource.org/report">&lt;img src=x onerror="fetch('https://evil.example/text')"&gt;</a>
      and <a href="https://second-source.net/doc"><b>bold</b> <i>claims</i></a>, then the
      <a href="https://www.xn--80ak6aa92e.com/support/statement">Apple's statement</a> and a <a href="${longUrl}">very long link</a>.</p>
      <p>Not links: <a href="javascript:fetch('https://evil.example/js')">js</a>
      <a href="data:text/html,<script>fetch('https://evil.example/data')</script>">data</a>
      <a href="vbscript:msgbox(1)">vb</a> <a href="blob:https://hostile-blog.org/0f1e">blob</a>.</p>
      <div id="deep"></div></article>
      <script>
        // Nested 5,000 deep, with a cited link at the bottom (inline elements: 5,000 nested blocks crash
        // Chromium's own layout, with or without any extension).
        let at = document.getElementById('deep');
        for (let i = 0; i < 5000; i++) at = at.appendChild(document.createElement(i % 2 ? 'span' : 'b'));
        at.innerHTML = '<p>Deep down, a source: <a href="https://deepsource.info/x">deep</a> cited in prose.</p>';
        // Everything the page's own scripts could break.
        Array.prototype.map = () => { throw new Error('hostile map'); };
        Array.prototype.push = () => { throw new Error('hostile push'); };
        Array.from = () => [];
        window.URL = function () { throw new Error('hostile URL'); };
        JSON.stringify = () => '{"hostile":true}';
        JSON.parse = () => ({ hostile: true });
        Object.defineProperty(Node.prototype, 'textContent', { get() { return 'HOSTILE'; } });
        Element.prototype.getAttribute = () => 'https://evil.example/attr';
        Document.prototype.querySelectorAll = () => [];
        document.createTreeWalker = () => null;
        window.fetch = () => Promise.reject(new Error('hostile fetch'));
      </script></body></html>`,
    );
    // The page's own script really did break its globals.
    expect(
      await page.evaluate('(() => { try { [1].map((x) => x); return "ok"; } catch { return "broken"; } })()'),
    ).toBe('broken');
    const popup = await openPopup(h, await tabIdOf(h, url));
    expect(await popup.textContent('h1')).toBe('Hostile page');
    const primary = await rows(popup, 'primary');
    expect(primary.map((r) => r.url).sort()).toEqual(
      [
        'https://deepsource.info/x',
        'https://realsource.org/report',
        'https://second-source.net/doc',
        'https://www.xn--80ak6aa92e.com/support/statement',
        longUrl,
      ].sort(),
    );
    // Markup in link text is shown as the characters it is, never parsed.
    expect(primary.find((r) => r.url.includes('realsource'))?.title).toBe(
      `<img src=x onerror="fetch('https://evil.example/text')">`,
    );
    expect(primary.find((r) => r.url.includes('second-source'))?.title).toBe('bold claims');
    // The Cyrillic look-alike of apple.com is shown as punycode, with a warning.
    expect(primary.find((r) => r.url.includes('xn--'))?.domain).toBe('⚠ www.xn--80ak6aa92e.com');
    // Non-web hrefs are listed under "Other links", inert.
    await popup.click('[data-group="other"] summary');
    // The group renders its rows once the browser reports the toggle (an event of its own, after the click).
    await popup.waitForSelector('[data-group="other"] .row');
    const other = await rows(popup, 'other');
    for (const scheme of ['javascript:', 'data:', 'vbscript:', 'blob:'])
      expect(
        other.some((r) => r.url.startsWith(scheme)),
        scheme,
      ).toBe(true);
    expect(
      await popup.$$eval('[data-group="other"] a.title', (els) => els.map((a) => a.getAttribute('href'))),
    ).toEqual([]);
    expect(await popup.$$('img, iframe, object, embed')).toHaveLength(0);
    expect(stray).toEqual([]);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-hostile.png'), fullPage: true });
  });

  it('reads a page that keeps changing while it is scanned', async () => {
    const url = 'https://live-blog.org/live/';
    const page = await serve(
      url,
      `<!doctype html><html><head><title>Live blog</title></head><body><article>
      <p>The steady source: <a href="https://steadysource.org/report">the report</a>, cited in this live post.</p>
      <div id="feed"></div></article>
      <script>
        const feed = document.getElementById('feed');
        let n = 0;
        // Links appear, change and vanish without pause; the address and title change too.
        const churn = () => {
          for (let i = 0; i < 50; i++) {
            const p = document.createElement('p');
            p.innerHTML = 'Update ' + n + ': officials confirmed the figures in <a href="https://churn-news.com/' + n + '">statement ' + n + '</a>, according to our reporter at the talks.';
            feed.prepend(p);
            n++;
          }
          while (feed.childNodes.length > 200) feed.lastChild.remove();
          feed.querySelectorAll('a').forEach((a, i) => { if (i % 3 === 0) a.href = 'https://churn-news.com/moved/' + n; });
          if (n % 500 === 0) history.replaceState(null, '', '/live/?n=' + n);
          document.title = 'Live blog (' + n + ')';
        };
        window.start = () => setInterval(churn, 0);
        // An observer that answers every change with another one.
        let echoed = 0;
        new MutationObserver(() => { if (echoed++ % 2 === 0) document.body.append(document.createComment('x')); })
          .observe(document.body, { childList: true, subtree: true });
      </script></body></html>`,
    );
    const tabId = await tabIdOf(h, url);
    await page.evaluate('start()');
    await page.waitForFunction('document.title !== "Live blog"');
    const popup = await openPopup(h, tabId);
    expect(await popup.$('.error')).toBeNull();
    expect(await popup.textContent('h1')).toMatch(/^Live blog/);
    const primary = await rows(popup, 'primary');
    expect(primary.map((r) => r.url)).toContain('https://steadysource.org/report');
    // A snapshot: whatever the feed held at that moment, each link once, all of them from the feed.
    const churn = primary.filter((r) => r.url.startsWith('https://churn-news.com/'));
    expect(churn.length).toBeGreaterThan(0);
    expect(new Set(churn.map((r) => r.url)).size).toBe(churn.length);
  });

  it('says so when the page is too busy to be read, and reads it when asked again', async () => {
    const url = 'https://busy-page.org/busy/';
    const page = await serve(
      url,
      `<!doctype html><title>Busy</title><article><p><a href="https://somewhere.org/">a source</a></p></article>
      <script>setTimeout(() => { const end = Date.now() + 9000; while (Date.now() < end); }, 200);</script>`,
    );
    await page.waitForTimeout(300);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.id}/popup.html?tabId=${await tabIdOf(h, url)}`);
    // The test build waits 5 seconds (the shipped one 20) before it gives up on the page.
    await popup.waitForSelector('.error[role="alert"]', { timeout: 20_000 });
    expect(await popup.textContent('.error')).toContain('The page did not answer within 5 seconds');
    expect(await popup.getAttribute('#results', 'aria-busy')).toBe('false');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-frozen.png') });
    // Once the page settles, "Try again" reads it.
    await page.waitForFunction('true', undefined, { timeout: 20_000 });
    await popup.click('.error .retry');
    await popup.waitForSelector('#results[aria-busy="false"] [data-group="primary"]');
    expect(await rows(popup, 'primary')).toEqual([
      { url: 'https://somewhere.org/', title: 'a source', domain: 'somewhere.org' },
    ]);
  }, 60_000);

  it('reads the frames it may and names those it could not read', async () => {
    const url = 'https://framed-blog.org/post/';
    await h.context.route('https://player.example.com/embed/7', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<article><p>In the player: <a href="https://player-source.example.net/doc">its source</a>, cited.</p></article>',
      }),
    );
    // A frame whose page never arrives stays an empty frame the extension cannot read.
    await h.context.route('https://stalled-embed.com/widget', () => undefined);
    await serve(
      url,
      `<!doctype html><html><head><title>Framed</title></head><body><article>
      <p>The post cites <a href="https://postsource.org/a">its own source</a> and embeds two frames.</p>
      <iframe src="https://player.example.com/embed/7"></iframe>
      <iframe src="https://stalled-embed.com/widget"></iframe></article></body></html>`,
      undefined,
      'domcontentloaded',
    );
    const popup = await openPopup(h, await tabIdOf(h, url));
    const primary = (await rows(popup, 'primary')).map((r) => r.url);
    expect(primary).toContain('https://postsource.org/a');
    expect(primary).toContain('https://player-source.example.net/doc');
    expect(await notes(popup)).toContain(
      "Not read: an embedded frame from stalled-embed.com. Other sites' frames are closed to Link Context, and frames that have not loaded cannot be read.",
    );
  });

  it('lists 50,000 links and stays responsive', async () => {
    const url = 'https://huge-index.org/2020/01/02/index/';
    const items = Array.from(
      { length: 50_000 },
      (_, i) =>
        `<li>Entry ${i}: <a href="https://site${i % 997}.example.net/2019/03/${i}.html">source ${i}</a> cited here</li>`,
    );
    const page = await serve(
      url,
      `<!doctype html><title>Huge list</title><article><ul>${items.join('')}</ul></article>`,
    );
    // Laying out 50,000 items keeps a fresh page busy for seconds (longer than the test build waits for a page to
    // answer); a reader opens the popup on a page that has settled.
    await page.evaluate('new Promise((r) => requestIdleCallback(r))');
    const { popup, statuses, counts } = await openWatchingProgress(url);
    // Progress while it worked: reading with a running count, then sorting.
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.map(Number)).toEqual(counts.map(Number).sort((a, b) => a - b));
    expect(Number(counts.at(-1))).toBeLessThanOrEqual(50_000);
    expect(statuses.at(-1)).toBe('Sorting and dating 50,000 links…');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-50000.png') });
    // Counts as the status line gives them, with thousands separators, wherever they are shown.
    expect(await popup.textContent('[data-group="primary"] .group-count')).toBe('50,000');
    expect(await popup.textContent('.profile-line')).toMatch(/^50,000 cited · 50,000 primary · 0 self/);
    expect(await popup.textContent('.chip-primary')).toBe('Primary sources 50,000');
    // Only a page of rows is in the DOM; more come as the reader scrolls.
    const shown = (await rows(popup, 'primary')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(1000);
    // The filter still answers.
    await popup.fill('.search', 'source 49999');
    await popup.waitForFunction(() => document.querySelectorAll('[data-group="primary"] .row').length === 1);
    expect((await rows(popup, 'primary'))[0]?.url).toBe('https://site149.example.net/2019/03/49999.html');
  }, 120_000);

  it('reads a page of 20,000 bare URLs and no anchors in batches, with progress, like one of 20,000 anchors', async () => {
    // Few anchors would let a page answer the injection with its whole result; its bare URLs make it long, so its
    // result comes over the port in batches all the same.
    const url = 'https://plain-urls.org/2021/05/06/list/';
    const paragraphs = Array.from(
      { length: 200 },
      (_, p) =>
        `<p>${Array.from({ length: 100 }, (_, i) => `See https://site${p}.example.org/2019/03/${p * 100 + i}.html here.`).join(' ')}</p>`,
    );
    const page = await serve(
      url,
      `<!doctype html><title>Plain</title><article>${paragraphs.join('')}</article>`,
    );
    await page.evaluate('new Promise((r) => requestIdleCallback(r))');
    const { popup, counts } = await openWatchingProgress(url);
    expect(counts.length).toBeGreaterThan(3);
    expect(await popup.textContent('[data-group="primary"] .group-count')).toBe('20,000');
    await popup.fill('.search', '19999.html');
    await popup.waitForFunction(() => document.querySelectorAll('[data-group="primary"] .row').length === 1);
    expect((await rows(popup, 'primary'))[0]?.url).toBe('https://site199.example.org/2019/03/19999.html');
  }, 120_000);

  it('decodes odd encodings and survives invalid UTF-8', async () => {
    // Windows-1251, declared only in the markup: "Доклад" is C4 EE EA EB E0 E4 there.
    const cyrillic = Buffer.from([0xc4, 0xee, 0xea, 0xeb, 0xe0, 0xe4]);
    const page = (head: string, text: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `<!doctype html><html><head>${head}<title>Encoded</title></head><body><article><p>See <a href="https://source-archive.ru/doc">`,
        ),
        text,
        Buffer.from('</a>, the report this article cites.</p></article></body></html>'),
      ]);
    const url1251 = 'https://encoded.example.ru/cp1251/';
    await serve(url1251, page('<meta charset="windows-1251">', cyrillic), 'text/html');
    let popup = await openPopup(h, await tabIdOf(h, url1251));
    expect((await rows(popup, 'primary'))[0]?.title).toBe('Доклад');
    const urlBad = 'https://encoded.example.ru/broken/';
    await serve(
      urlBad,
      page('<meta charset="utf-8">', Buffer.from([0x52, 0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80])),
      'text/html',
    );
    popup = await openPopup(h, await tabIdOf(h, urlBad));
    expect((await rows(popup, 'primary'))[0]?.title).toBe('R\ufffd(\ufffd\ufffd\ufffd\ufffd');
  });
});
