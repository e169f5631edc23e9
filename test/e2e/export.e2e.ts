import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../lib/schemas';
import { SEED_URL as SEED } from '../fixtures/seed';
import { type Harness, launch, openFixture, openPopup, ROOT, tabIdOf } from './browser';

let h: Harness;
let page: Page;
beforeAll(async () => {
  mkdirSync(resolve(ROOT, 'test-results/screenshots'), { recursive: true });
  h = await launch();
  page = await openFixture(h, SEED, 'wordpress-post.html');
});
afterAll(async () => h?.close());

/** What a reader would do with a copied list: paste it into a text box (here, one added to the page). */
async function pasted(into: Page): Promise<string> {
  await into.evaluate(() => {
    document.getElementById('lc-paste')?.remove();
    const area = document.createElement('textarea');
    area.id = 'lc-paste';
    document.body.prepend(area);
  });
  await into.bringToFront();
  await into.focus('#lc-paste');
  await into.keyboard.press('ControlOrMeta+V');
  return into.inputValue('#lc-paste');
}

describe('export from the popup', () => {
  it('copies the filtered list as Markdown, and the format is remembered', async () => {
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    await popup.click('.export > summary');
    await popup.selectOption('select[aria-label="Export format"]', 'markdown');
    // Follows the filters: only the self-citations.
    await popup.click('.chip-primary');
    await popup.click('.chip-media');
    await popup.click('.export-actions button:text-is("Copy")');
    await popup.waitForFunction(() =>
      document.querySelector('.export-status')?.textContent?.startsWith('Copied'),
    );
    expect(await popup.textContent('.export-status')).toBe('Copied 3 links as Markdown.');
    const text = await pasted(popup);
    expect(text).toContain('## Self-citations');
    expect(text).not.toContain('## Primary sources');
    expect(text).toContain(
      '- [pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/](https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/) — pennyforyourthoughts2.ca, 2021-10-17',
    );
    await popup.close();
    const again = await openPopup(h, await tabIdOf(h, SEED));
    await again.click('.export > summary');
    expect(await again.inputValue('select[aria-label="Export format"]')).toBe('markdown');
    await again.close();
  });

  it('downloads a file named from the page title and date, with other links when asked', async () => {
    const popup = await openPopup(h, await tabIdOf(h, SEED));
    await popup.click('.export > summary');
    await popup.selectOption('select[aria-label="Export format"]', 'json');
    await popup.check('text=Include other links');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'what-is-happening-between-azerbaijan-and-russia-a-struggle-2025-07-02.json',
    );
    const report = reportSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(report.counts).toEqual({ primary: 1, self: 3, media: 3, other: 33 });
    // The popup has its links' sentences after its rows; the export has them too.
    const blogger =
      'https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan-big-block-on-silk-roadrimland.html';
    expect(report.links.find((l) => l.url === blogger)?.context).toContain(
      'I talked about this at my former site',
    );

    await popup.selectOption('select[aria-label="Export format"]', 'csv');
    await popup.uncheck('text=Include other links');
    const [csv] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    await popup.screenshot({ path: resolve(ROOT, 'test-results/screenshots/popup-export.png') });
    const body = readFileSync((await csv.path())!, 'utf8');
    expect(body.startsWith('\ufeffurl,text,')).toBe(true);
    expect(body.trimEnd().split('\r\n')).toHaveLength(1 + 7);
  });
});

describe('context menu', () => {
  it('"Copy citation list" copies the page’s cited links in the chosen format and says so on the badge', async () => {
    const tabId = await tabIdOf(h, SEED);
    // The menu's own handler, run as a click on it would (no automation can open the browser's context menu).
    const worker = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.id}/`))!;
    // A reader opens the context menu by right-clicking the page: that gives the page focus and user activation.
    await page.bringToFront();
    await page.click('h1', { button: 'right' });
    const copied = (await worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { __linkContextCopyCitations(t: number, s: boolean): Promise<string> }
        ).__linkContextCopyCitations(id, false),
      tabId,
    )) as string;
    // The format chosen in the popup (Markdown in the first test, CSV last): the last one the reader picked.
    expect(copied.startsWith('\ufeffurl,text,') || copied.startsWith('url,text,')).toBe(true);
    expect(await pasted(page)).toBe(
      copied
        .replace(/^\ufeff/, '')
        .replace(/\r\n/g, '\n')
        .replace(/\n$/, '\n'),
    );
    const title = await worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }
        ).chrome.action.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toBe('Link Context: copied 7 citations as CSV (spreadsheet)');

    // With news.az counted as the site's own (an alias in the settings), the copy sorts it as a self-citation.
    const copyWith = (aliases: Record<string, string[]>) =>
      worker.evaluate(
        async ([id, stored]) => {
          const g = globalThis as unknown as {
            chrome: {
              storage: {
                local: { get(k: string): Promise<{ settings?: object }>; set(v: object): Promise<void> };
              };
            };
            __linkContextCopyCitations(t: number, s: boolean): Promise<string>;
          };
          const { settings } = await g.chrome.storage.local.get('settings');
          await g.chrome.storage.local.set({ settings: { ...settings, aliases: stored } });
          return g.__linkContextCopyCitations(id as number, false);
        },
        [tabId, aliases] as const,
      ) as Promise<string>;
    await page.click('h1', { button: 'right' });
    const withAlias = await copyWith({ 'pennyforyourthoughts2.ca': ['news.az'] });
    const newsRow = withAlias.split(/\r?\n/).find((line) => line.startsWith('https://news.az/'));
    expect(newsRow).toContain(',self,');
    await page.click('h1', { button: 'right' });
    const without = await copyWith({});
    expect(without.split(/\r?\n/).find((line) => line.startsWith('https://news.az/'))).toContain(',primary,');
  });
});
