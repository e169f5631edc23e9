import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_URL as SEED } from '../fixtures/seed';
import { type Harness, launch, openFixture, openPopup, ROOT, tabIdOf } from './browser';

declare const chrome: { storage: { local: { set(v: object): Promise<void>; clear(): Promise<void> } } };

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

it('follows the system theme unless the settings choose one', async () => {
  await openFixture(h, SEED, 'wordpress-post.html');
  const tabId = await tabIdOf(h, SEED);
  const dark = await openPopup(h, tabId, 'dark');
  const bg = (p: typeof dark) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg(dark)).toBe('rgb(22, 25, 29)');
  await dark.evaluate(() => chrome.storage.local.set({ settings: { aliases: {}, theme: 'light' } }));
  const forced = await openPopup(h, tabId, 'dark');
  await forced.waitForFunction(() => document.documentElement.dataset['theme'] === 'light');
  expect(await bg(forced)).toBe('rgb(255, 255, 255)');
  await forced.screenshot({ path: resolve(ROOT, 'test-results/screenshots/popup-forced-light.png') });
  await forced.evaluate(() => chrome.storage.local.clear());
});
