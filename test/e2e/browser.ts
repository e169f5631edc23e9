import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = resolve(ROOT, '.output-test/chrome-mv3');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The ID Chromium gives an unpacked extension with a `key`: SHA-256 of the key, first 32 hex digits as a–p. */
export function extensionId(): string {
  const { key } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'test-key.json'), 'utf8')) as {
    key: string;
  };
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

export interface Harness {
  context: BrowserContext;
  id: string;
  close(): Promise<void>;
}

/** Chromium with the test build loaded, in a throwaway profile, headless, with no network but routed fixtures. */
export async function launch(): Promise<Harness> {
  const profile = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 560, height: 900 },
  });
  // Nothing leaves the machine: every request not routed to a fixture is answered here.
  await context.route(/^https?:/, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' }),
  );
  return {
    context,
    id: extensionId(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves a fixture file at a real-looking URL and opens it in a tab. */
export async function openFixture(h: Harness, url: string, file: string): Promise<Page> {
  const body = readFileSync(resolve(ROOT, 'test/fixtures/pages', file), 'utf8');
  await h.context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    getCurrent(): Promise<{ id?: number } | undefined>;
  };
};

/**
 * The tab ID Chromium gave a page, asked of the extension itself. `null` finds the newest tab whose URL the
 * extension may not see (a browser page).
 */
export async function tabIdOf(h: Harness, url: string | null): Promise<number> {
  const probe = await h.context.newPage();
  await probe.goto(`chrome-extension://${h.id}/popup.html?tabId=0`);
  const id = await probe.evaluate(async (u) => {
    // Not the probe's own tab: some Chromium versions give an extension no URL of its own pages' tabs either.
    const own = (await chrome.tabs.getCurrent())?.id;
    const tabs = (await chrome.tabs.query({})).filter((t) => t.id !== own);
    if (u === null) return Math.max(-1, ...tabs.filter((t) => !t.url).map((t) => t.id ?? -1));
    // The newest tab showing the URL: earlier tests may have left others open.
    return Math.max(-1, ...tabs.filter((t) => t.url === u).map((t) => t.id ?? -1));
  }, url);
  await probe.close();
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Opens the popup as a page for a tab and waits until its results are rendered. */
export async function openPopup(
  h: Harness,
  tabId: number,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.emulateMedia({ colorScheme });
  await popup.goto(`chrome-extension://${h.id}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('#results[aria-busy="false"]', { timeout: 30_000 });
  return popup;
}
