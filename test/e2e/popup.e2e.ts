import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, openFixture, openPopup, ROOT, tabIdOf } from './browser';

const SEED =
  'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/';
const YOUTUBE = 'https://www.youtube.com/watch?v=QijsFn5iEv4';
const SHOTS = resolve(ROOT, 'test-results/screenshots');

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launch();
});
afterAll(async () => h?.close());

const rows = async (popup: import('playwright-core').Page, group: string) =>
  popup.$$eval(`[data-group="${group}"] .row`, (els) => els.map((el) => (el as HTMLElement).dataset['url']));

describe('popup on the seed WordPress post', () => {
  it('injects the extractor when opened and shows the three groups', async () => {
    await openFixture(h, SEED, 'wordpress-post.html');
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    expect(await popup.textContent('h1')).toBe(
      'What is happening between Azerbaijan and Russia: A struggle for corridors',
    );
    expect(await rows(popup, 'primary')).toEqual([
      'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
    ]);
    expect(await rows(popup, 'self')).toEqual([
      'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
      'https://pennyforyourthoughts2.ca/2022/03/02/russia-ukraine-and-the-bigger-picture/',
      'https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan-big-block-on-silk-roadrimland.html',
    ]);
    expect(await rows(popup, 'media')).toEqual([
      'https://www.youtube.com/watch?v=QijsFn5iEv4',
      'https://arabisouri.wordpress.com/wp-content/uploads/2017/05/imperialist-dream-of-dividing-the-region-to-create-greater-kurdistan-640x381.jpg?w=614',
      'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
    ]);
    expect(await popup.$eval('[data-group="other"]', (el) => (el as HTMLDetailsElement).open)).toBe(false);
    const ages = await popup.$$eval('[data-group="self"] .age', (els) =>
      els.map((el) => el.getAttribute('title')),
    );
    expect(ages[0]).toContain('2021-10-17');
    await popup.screenshot({ path: resolve(SHOTS, 'popup-seed-light.png'), fullPage: true });
    const dark = await openPopup(h, await tabIdOf(h, SEED), 'dark');
    await dark.screenshot({ path: resolve(SHOTS, 'popup-seed-dark.png'), fullPage: true });
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
        body: `<article><p>Host <span id="host"></span></p><iframe src="/frame.html"></iframe></article>
          <script>document.getElementById('host').attachShadow({mode:'open'}).innerHTML='<p>In a shadow root: <a href="https://shadow-source.example.net/a">shadow source</a></p>';</script>`,
      }),
    );
    const page = await h.context.newPage();
    await page.goto(url);
    const popup = await openPopup(h, await tabIdOf(h, url));
    const primary = await rows(popup, 'primary');
    expect(primary).toContain('https://shadow-source.example.net/a');
    expect(primary).toContain('https://frame-source.example.net/doc');
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
