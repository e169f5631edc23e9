import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { SEED_URL as SEED, SEED_CITED, SEED_TITLE, YOUTUBE_URL as YOUTUBE } from '../fixtures/seed';
import { fixtureHtml } from '../helpers/fixtures';
import { chromiumCompleteSave } from '../helpers/saved-copy';
import { type Harness, launch, openFixture, openPopup, ROOT, tabIdOf } from './browser';

const SHOTS = resolve(ROOT, 'test-results/screenshots');

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launch();
});
afterAll(async () => h?.close());

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  scripting: { executeScript(injection: object): Promise<Array<{ result?: unknown }>> };
  storage: { local: { clear(): Promise<void> } };
};

const rows = async (popup: import('playwright-core').Page, group: string) =>
  popup.$$eval(`[data-group="${group}"] .row`, (els) => els.map((el) => (el as HTMLElement).dataset['url']));

describe('popup on the seed WordPress post', () => {
  it('injects the extractor when opened and shows the three groups', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    expect(await popup.textContent('h1')).toBe(SEED_TITLE);
    expect(await rows(popup, 'primary')).toEqual(SEED_CITED.primary);
    expect(await rows(popup, 'self')).toEqual(SEED_CITED.self);
    expect(await rows(popup, 'media')).toEqual(SEED_CITED.media);
    expect(await popup.$eval('[data-group="other"]', (el) => (el as HTMLDetailsElement).open)).toBe(false);
    const ages = await popup.$$eval('[data-group="self"] .age', (els) =>
      els.map((el) => el.getAttribute('title')),
    );
    expect(ages[0]).toContain('2021-10-17');
    // The age strip covers the seven cited links: four dated (their bucket moves with today's date), three not.
    const strip = (await popup.getAttribute('.age-strip', 'aria-label')) ?? '';
    expect(strip).toMatch(/^Ages: .*, 3 undated$/);
    expect([...strip.matchAll(/(?:^Ages: |, )(\d+) /g)].reduce((n, m) => n + Number(m[1]), 0)).toBe(7);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-seed-light.png'), fullPage: true });
    const dark = await openPopup(h, await tabIdOf(h, SEED), 'dark');
    await dark.screenshot({ path: resolve(SHOTS, 'popup-seed-dark.png'), fullPage: true });
    // Opened, each of the other links says which part of the page it is in, not a bare "chrome".
    await popup.click('[data-group="other"] > summary');
    await popup.waitForFunction(
      () =>
        document.querySelectorAll('[data-group="other"] .row').length ===
        Number(document.querySelector('.chip-other')?.textContent?.match(/\d+/)?.[0]),
    );
    const places = await popup.$$eval('[data-group="other"] .row .place', (els) =>
      els.map((el) => el.textContent),
    );
    expect(places).toContain('sidebar');
    expect(places).toContain('reply');
    expect(places).not.toContain('chrome');
  });

  it('reads a YouTube watch page as rendered, description and comments only', async () => {
    await openFixture(h, YOUTUBE, 'youtube-watch.html');
    const popup = await openPopup(h, await tabIdOf(h, YOUTUBE), 'dark');
    expect(await rows(popup, 'primary')).toEqual([
      'https://en.wikipedia.org/wiki/The_Geographical_Pivot_of_History',
      'https://www.jstor.org/stable/1775498',
      'https://twitter.com/GeoExplained',
      'https://www.iwp.edu/wp-content/uploads/2019/05/20131016_MackinderTheGeographicalJournal.pdf',
      'https://x.com/caspian_watch/status/1750210987654321098',
    ]);
    expect(await rows(popup, 'self')).toEqual(['https://www.youtube.com/@GeopoliticsExplained/videos']);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-youtube-dark.png'), fullPage: true });
  });

  it('finds links in open shadow roots and same-origin frames of a live page', async () => {
    const url = 'https://shadow.example.org/post.html';
    await h.context.route('https://shadow.example.org/frame.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<article><p>In a frame: <a href="https://frame-source.example.net/doc">frame source</a></p></article>',
      }),
    );
    await h.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<article><p>Host <span id="host"></span></p><iframe src="/frame.html"></iframe>
          <p>A card: <source-card></source-card></p></article>
          <script>document.getElementById('host').attachShadow({mode:'open'}).innerHTML='<p>In a shadow root: <a href="https://shadow-source.example.net/a">shadow source</a></p>';
          customElements.define('source-card', class extends HTMLElement {
            connectedCallback() { this.attachShadow({mode:'open'}).innerHTML='<p>In a custom element: <a href="https://card-source.example.net/c">card source</a></p>'; }
          });</script>`,
      }),
    );
    const page = await h.context.newPage();
    await page.goto(url);
    const popup = await openPopup(h, await tabIdOf(h, url));
    const primary = await rows(popup, 'primary');
    expect(primary).toContain('https://shadow-source.example.net/a');
    expect(primary).toContain('https://card-source.example.net/c');
    expect(primary).toContain('https://frame-source.example.net/doc');
    // Small frames answer with their context sentences too.
    expect(await popup.textContent('[data-url="https://frame-source.example.net/doc"] .context')).toBe(
      'In a frame: frame source',
    );
    expect(await popup.textContent('[data-url="https://shadow-source.example.net/a"] .context')).toBe(
      'In a shadow root: shadow source',
    );
  });

  it('marks each media row with a drawn icon of its kind, which needs no font to show', async () => {
    const url = 'https://caucasus-atlas.org/maps/corridors.html';
    await openFixture(h, url, 'maps-and-embeds.html');
    const popup = await openPopup(h, await tabIdOf(h, url));
    const icons = await popup.$$eval('[data-group="media"] .row', (els) =>
      els.map((row) => {
        const icon = row.querySelector('.kind-icon');
        const svg = icon?.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          label: icon?.getAttribute('aria-label'),
          kind: row.querySelector('.kind')?.textContent,
          text: icon?.textContent,
          shapes: svg?.childElementCount ?? 0,
          size: box ? Math.min(box.width, box.height) : 0,
        };
      }),
    );
    expect(icons.map((i) => i.label)).toEqual(['map', 'map', 'embed', 'map', 'video', 'audio', 'video']);
    for (const icon of icons) {
      expect(icon.label).toBe(icon.kind);
      // No character that a font may lack (⌖ and ⧉ were empty boxes in DejaVu): shapes only, at the text's size.
      expect(icon.text).toBe('');
      expect(icon.shapes).toBeGreaterThan(0);
      expect(icon.size).toBeGreaterThan(12);
    }
  });

  it('keeps every text at the sizes its style sheet gives, whatever the browser adds to extension pages', async () => {
    const url = 'https://caucasus-atlas.org/maps/corridors.html';
    await openFixture(h, url, 'maps-and-embeds.html');
    const popup = await openPopup(h, await tabIdOf(h, url));
    // No text below the smallest size of the popup's scale, 11 px: Chromium gives extension pages a style sheet of
    // its own that sets the body's font to 75%, which made every line without a size of its own 9.75 px.
    const small = await popup.$$eval('body *', (els) =>
      els
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()))
        .filter(
          (el) => (el as HTMLElement).offsetParent !== null && parseFloat(getComputedStyle(el).fontSize) < 11,
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${getComputedStyle(el).fontSize}`),
    );
    expect(small).toEqual([]);
    expect(await popup.$eval('.note', (el) => getComputedStyle(el).fontSize)).toBe('13px');
  });

  it('filters by text, group and domain, and sorts by age', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    await popup.fill('.search', 'rferl');
    expect(await rows(popup, 'media')).toEqual([
      'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
    ]);
    expect(await rows(popup, 'self')).toEqual([]);
    await popup.fill('.search', '');
    await popup.click('.chip-media');
    expect(await popup.$('[data-group="media"]')).toBeNull();
    await popup.click('.chip-media');
    await popup.click('[data-group="self"] .row >> nth=0 >> button.domain');
    expect(await rows(popup, 'self')).toEqual([
      'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
      'https://pennyforyourthoughts2.ca/2022/03/02/russia-ukraine-and-the-bigger-picture/',
    ]);
    await popup.click('.chip-domain');
    await popup.selectOption('select', 'oldest');
    const dates = await popup.$$eval('[data-group="self"] .age', (els) =>
      els.map((el) => el.getAttribute('title')?.split(',')[0]),
    );
    expect(dates).toEqual(['2018-01', '2021-10-17', '2022-03-02']);
  });

  it('on a long page shows the rows before the context sentences, which reach every frame’s links after', async () => {
    // Above 2,000 links a frame is read over a port, the sentences asked for once the rows are on screen (a small
    // frame answers the injection with everything, sentences included).
    const frame = 'https://pennyforyourthoughts2.ca/frame.html';
    await h.context.route(frame, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<article><p>In a frame: <a href="https://frame-source.example.net/doc">frame source</a></p></article>',
      }),
    );
    const html = generateThread(600).replace(
      '<p>Open thread. Cite your sources below.</p>',
      '<p>Open thread. Cite your sources below.</p><iframe src="/frame.html"></iframe>',
    );
    await h.context.route(THREAD_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    const page = await h.context.newPage();
    await page.goto(THREAD_URL);
    const popup = await openPopup(h, await tabIdOf(h, THREAD_URL));
    await popup.waitForFunction(() => performance.getEntriesByName('lc-contexts').length > 0);
    const [ready, contexts] = await popup.evaluate(() =>
      ['lc-ready', 'lc-contexts'].map((name) => performance.getEntriesByName(name)[0]!.startTime),
    );
    expect(contexts).toBeGreaterThan(ready!);
    // "Point 123:" is in no title, URL or domain: only in the sentence of comment 123's two links.
    await popup.fill('.search', 'Point 123:');
    expect(await rows(popup, 'primary')).toEqual(['https://www.rferl.org/a/story-123']);
    expect(await rows(popup, 'self')).toEqual(['https://pennyforyourthoughts2.ca/2018/04/12/post-123/']);
    await popup.fill('.search', 'in a frame');
    expect(await rows(popup, 'primary')).toEqual(['https://frame-source.example.net/doc']);
    await popup.close();
    await page.close();
  });

  it('locates a comment link on the page and flashes it', async () => {
    const page = await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    const row = popup.locator('[data-group="self"] .row').nth(2);
    await row.hover();
    await row.getByRole('button', { name: 'Locate' }).click();
    await popup.waitForFunction(
      () => document.querySelector('.message')?.textContent === 'Shown on the page.',
    );
    const flash = await page.evaluate(() => {
      const box = document.querySelector('[data-link-context-highlight]')?.getBoundingClientRect();
      const target = [...document.querySelectorAll('.comment-content a')].find((a) =>
        a.getAttribute('href')?.includes('blogspot.com/2018/01'),
      );
      const r = target?.getBoundingClientRect();
      return {
        box: box && { top: Math.round(box.top), left: Math.round(box.left) },
        r: r && { top: Math.round(r.top - 4), left: Math.round(r.left - 4) },
        y: window.scrollY,
      };
    });
    expect(flash.y).toBeGreaterThan(0);
    expect(flash.box).toEqual(flash.r);
  });

  it('is usable from the keyboard: / focuses the search, arrows move through rows', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    await popup.click('h1');
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.className)).toBe('search');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    expect(await popup.evaluate(() => (document.activeElement as HTMLElement).dataset['url'])).toBe(
      'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
    );
  });

  it('copies with C, locates with L and opens with Enter from the keyboard', async () => {
    const page = await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    await popup.bringToFront();
    await popup.click('h1');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('c');
    await popup.waitForFunction(() => document.querySelector('.message')?.textContent?.startsWith('Copied'));
    // What a reader would do next: paste it somewhere. The filter box is at hand.
    await popup.focus('.search');
    await popup.keyboard.press('ControlOrMeta+V');
    expect(await popup.inputValue('.search')).toBe(
      'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
    );
    await popup.fill('.search', '');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('l');
    await popup.waitForFunction(
      () => document.querySelector('.message')?.textContent === 'Shown on the page.',
    );
    expect(await page.evaluate(() => !!document.querySelector('[data-link-context-highlight]'))).toBe(true);
    const opened = h.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForURL(/news\.az/);
    expect(tab.url()).toBe(
      'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
    );
  });

  it('locates a link inside a same-origin frame', async () => {
    const url = 'https://framed.example.org/post.html';
    await h.context.route('https://framed.example.org/inner.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<article>${'<p>filler</p>'.repeat(80)}<p>Deep in the frame: <a href="https://deep-source.example.net/doc">deep source</a></p></article>`,
      }),
    );
    await h.context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<article><p>Outer text.</p><iframe src="/inner.html" style="height:300px"></iframe></article>',
      }),
    );
    const page = await h.context.newPage();
    await page.goto(url);
    const popup = await openPopup(h, await tabIdOf(h, url));
    const row = popup.locator('[data-url="https://deep-source.example.net/doc"]');
    await row.hover();
    await row.getByRole('button', { name: 'Locate' }).click();
    await popup.waitForFunction(
      () => document.querySelector('.message')?.textContent === 'Shown on the page.',
    );
    const frame = page.frames().find((f) => f.url().endsWith('/inner.html'))!;
    expect(
      await frame.evaluate(() => ({
        flashed: !!document.querySelector('[data-link-context-highlight]'),
        y: scrollY,
      })),
    ).toMatchObject({ flashed: true });
    expect(await frame.evaluate(() => scrollY)).toBeGreaterThan(0);
  });

  it("counts a site as the page's own once the reader says so, and remembers it", async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const tabId = await tabIdOf(h, SEED);
    const popup = await openPopup(h, tabId);
    const row = popup.locator('[data-group="primary"] .row').first();
    await row.hover();
    await row.getByRole('button', { name: 'Mine' }).click();
    expect(await rows(popup, 'primary')).toEqual([]);
    expect(await rows(popup, 'self')).toContain(
      'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
    );
    const again = await openPopup(h, tabId);
    expect(await rows(again, 'self')).toHaveLength(4);
    const badge = await again.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(badge).toBe('7');
    await again.evaluate(() => chrome.storage.local.clear());
  });

  it('shows the report page as a wide table, sortable by column, with context', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const tabId = await tabIdOf(h, SEED);
    const report = await h.context.newPage();
    await report.setViewportSize({ width: 1300, height: 900 });
    await report.goto(`chrome-extension://${h.id}/popup.html?tabId=${tabId}&view=tab`);
    await report.waitForSelector('#results[aria-busy="false"]');
    const urls = () =>
      report.$$eval('table.report tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset['url']));
    // The cited links first; the chip adds the page furniture and takes it away again.
    expect(await urls()).toHaveLength(7);
    await report.click('.chip-other');
    expect((await urls()).length).toBe(
      7 + Number(await report.textContent('.chip-other').then((t) => t?.match(/\d+/)?.[0])),
    );
    await report.click('.chip-other');
    expect(await urls()).toHaveLength(7);
    await report.click('th button:has-text("Date")');
    expect((await urls())[0]).toContain('arabisouri.wordpress.com');
    await report.click('th button:has-text("Date")');
    expect(await report.getAttribute('th:nth-child(4)', 'aria-sort')).toBe('descending');
    expect((await urls())[0]).toContain('2022/03/02');
    expect(await report.textContent('tr[data-url*="blogspot"] .ctx')).toContain(
      'I talked about this at my former site',
    );
    await report.screenshot({ path: resolve(SHOTS, 'report-light.png') });
  });

  it("names a reference's identifier links by the reference, in the popup and once in the report", async () => {
    const wiki = 'https://en.wikipedia.org/wiki/Zangezur_corridor';
    await openFixture(h, wiki, 'wikipedia-article.html');
    const tabId = await tabIdOf(h, wiki);
    const popup = await openPopup(h, tabId);
    const isbn = 'https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2';
    const book = 'Cornell, Svante E. (2011). Azerbaijan Since Independence.';
    const row = popup.locator(`[data-group="primary"] li[data-url="${isbn}"]`);
    expect(await row.locator('.title').textContent()).toContain(book);
    expect(await row.locator('.kind').textContent()).toBe('book');
    // Its age is its citation's date of the book, sent with the page's reading.
    expect(await row.locator('.age').getAttribute('title')).toContain(
      '2011, from the citing page’s reference to it',
    );
    const report = await h.context.newPage();
    await report.goto(`chrome-extension://${h.id}/popup.html?tabId=${tabId}&view=tab`);
    await report.waitForSelector('#results[aria-busy="false"]');
    expect(await report.textContent(`tr[data-url="${isbn}"] .title-cell`)).toContain(book);
    expect(await report.textContent(`tr[data-url="${isbn}"] .ctx`)).toBe('');
    expect(await report.textContent('tr[data-url*="eurasianet.org"] .ctx')).toContain('Kucera, Joshua');
    await report.close();
    await popup.close();
  });

  it('scans a page again with the extractor its first scan left there, reading the page as it is now', async () => {
    const page = await openFixture(h, SEED, 'wordpress-post.html');
    const tabId = await tabIdOf(h, SEED);
    const first = await openPopup(h, tabId);
    expect(await rows(first, 'primary')).toEqual(SEED_CITED.primary);
    // Mark the listener the first scan left in the extension's isolated world of the page.
    const inWorld = (tab: number, mark: boolean) =>
      first.evaluate(
        async ([tab, mark]) => {
          const [frame] = await chrome.scripting.executeScript({
            target: { tabId: tab },
            args: [mark],
            func: (set: boolean) => {
              const world = globalThis as { linkContextListener?: { mark?: string } };
              if (set && world.linkContextListener) world.linkContextListener.mark = 'first scan';
              return world.linkContextListener?.mark ?? null;
            },
          });
          return frame?.result;
        },
        [tab, mark] as const,
      );
    expect(await inWorld(tabId, true)).toBe('first scan');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'Added since: <a href="https://www.osce.org/files/report-2025.html">the OSCE report</a>.';
      document.querySelector('.entry-content')!.append(p);
    });
    const again = await openPopup(h, tabId);
    expect(await rows(again, 'primary')).toContain('https://www.osce.org/files/report-2025.html');
    expect(await inWorld(tabId, false)).toBe('first scan');
  });

  it("offers the links inside the reader's selection only", async () => {
    const page = await openFixture(h, SEED, 'wordpress-post.html');
    await page.evaluate(() => {
      const comment = document.querySelector('#div-comment-98113 .comment-content')!;
      const range = document.createRange();
      range.selectNodeContents(comment.querySelector('p')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    expect(await popup.textContent('.chip-selection')).toBe('Selection only (1)');
    await popup.click('.chip-selection');
    expect(await rows(popup, 'media')).toEqual(['https://www.youtube.com/watch?v=QijsFn5iEv4']);
    expect(await rows(popup, 'self')).toEqual([]);
  });

  it('takes site aliases from the settings page', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.id}/options.html`);
    await options.fill(
      'input[placeholder="pennyforyourthoughts2.ca"]',
      'https://www.PennyForYourThoughts2.ca/',
    );
    await options.fill('input[placeholder="myotherblog.net"]', 'news.az');
    await options.click('button[type="submit"]');
    await options.waitForSelector('.alias');
    expect(await options.textContent('.aliases')).toContain('pennyforyourthoughts2.ca: news.az');
    await options.screenshot({ path: resolve(SHOTS, 'settings-light.png') });
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    expect(await rows(popup, 'primary')).toEqual([]);
    expect(await rows(popup, 'self')).toContain(
      'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
    );
    await options.click('button[aria-label^="Remove news.az"]');
    await options.waitForSelector('.alias', { state: 'detached' });
  });

  it('shows "Other links" as the settings say: collapsed, open or not listed', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.id}/options.html`);
    const otherOpen = async () => {
      await openFixture(h, SEED, 'wordpress-post.html');
      const popup = await openPopup(h, await tabIdOf(h, SEED));
      const group = await popup.$('[data-group="other"]');
      return {
        popup,
        state: group
          ? (await group.evaluate((d) => (d as HTMLDetailsElement).open))
            ? 'open'
            : 'collapsed'
          : 'absent',
      };
    };
    expect((await otherOpen()).state).toBe('collapsed');
    await options.selectOption('select[aria-label="Other links"]', 'open');
    await options.waitForSelector('text=Other links will be listed last, open.');
    expect((await otherOpen()).state).toBe('open');
    await options.selectOption('select[aria-label="Other links"]', 'hidden');
    await options.waitForSelector('text=Other links will not be listed');
    const { popup, state } = await otherOpen();
    expect(state).toBe('absent');
    // The chip brings them back.
    expect(await popup.getAttribute('.chip-other', 'aria-pressed')).toBe('false');
    await popup.click('.chip-other');
    expect(await popup.$('[data-group="other"]')).not.toBeNull();
    await options.selectOption('select[aria-label="Other links"]', 'collapsed');
    await options.waitForSelector('text=Other links will be listed last, collapsed.');
  });

  /** The popup on a saved copy of the seed post, opened from a file: the post's groups, its site in the header. */
  async function savedSeed(url: string) {
    const page = await h.context.newPage();
    await page.goto(url);
    const popup = await openPopup(h, await tabIdOf(h, url));
    expect(await rows(popup, 'primary')).toEqual(SEED_CITED.primary);
    expect(await rows(popup, 'self')).toEqual(SEED_CITED.self);
    expect(await rows(popup, 'media')).toEqual(SEED_CITED.media);
    expect(await popup.textContent('.page-meta')).toContain('pennyforyourthoughts2.ca');
    return popup;
  }

  it('reads a local file:// page when file access is on (the test build has it), as the page it names', async () => {
    // The fixture as it came from the server, saved as a file: its canonical link names the post.
    const url = `file://${resolve(ROOT, 'test/fixtures/pages/wordpress-post.html')}`;
    const popup = await savedSeed(url);
    expect(await popup.getAttribute('.page-meta [title^="saved copy"]', 'title')).toBe(
      `saved copy read from ${url}; its address is from its canonical link`,
    );
  });

  it("reads a page saved with Chromium's Save page as (Webpage, Complete) as the post it was saved from", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-saved-'));
    const file = join(dir, 'What is happening between Azerbaijan and Russia.html');
    // Without its canonical link and og:url: the saver's note alone names the post.
    const html = chromiumCompleteSave(
      fixtureHtml('wordpress-post.html').replace(
        /<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>/g,
        '',
      ),
      SEED,
    );
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const popup = await savedSeed(url);
    expect(await popup.getAttribute('.page-meta [title^="saved copy"]', 'title')).toBe(
      `saved copy read from ${url}; its address is from the browser’s “saved from” note`,
    );
    await popup.screenshot({ path: resolve(SHOTS, 'popup-saved-copy.png'), fullPage: true });
  });

  it('says plainly when a page cites nothing, or has no links at all', async () => {
    const menus = 'https://menus-only.org/';
    await h.context.route(menus, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<title>Menus</title><nav><a href="/a">Home</a> <a href="/b">About</a></nav><article><p>Words.</p></article><footer><a href="https://twitter.com/x">Twitter</a></footer>',
      }),
    );
    const page = await h.context.newPage();
    await page.goto(menus);
    let popup = await openPopup(h, await tabIdOf(h, menus));
    expect(await popup.textContent('.empty')).toContain("the page's 3 links are all menus");
    // The three empty groups and the look-up button would say nothing more; Other links stays.
    expect(
      await popup.$$eval('[data-group]', (els) => els.map((el) => (el as HTMLElement).dataset['group'])),
    ).toEqual(['other']);
    expect(await popup.$('.lookup-start')).toBeNull();
    const none = 'https://no-links.org/';
    await h.context.route(none, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Nothing</title><p>Just words.</p>' }),
    );
    await page.goto(none);
    popup = await openPopup(h, await tabIdOf(h, none));
    expect(await popup.textContent('.empty')).toContain('it has no links at all');
    expect(await popup.$$('[data-group], .search, .export')).toHaveLength(0);
  });

  it('explains a page it cannot read instead of showing nothing', async () => {
    const page = await h.context.newPage();
    await page.goto('chrome://version');
    const tabId = await tabIdOf(h, null);
    const popup = await openPopup(h, tabId);
    expect(await popup.textContent('.error')).toContain(
      'Browsers do not let extensions read their own pages',
    );
  });
});
