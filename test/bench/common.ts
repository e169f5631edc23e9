// What the benches share: their medians, Chromium without the extension, and a page of it showing the thread with
// a script loaded.
import { type Browser, chromium, type Page } from 'playwright-core';
import { THREAD_URL } from '../fixtures/generate-thread';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function launchPlain(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A new page serving `html` at the thread's URL (nothing else answers), with `script` loaded into it. */
export async function threadPage(browser: Browser, html: string, script: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === THREAD_URL
      ? route.fulfill({ contentType: 'text/html', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(THREAD_URL);
  await page.addScriptTag({ content: script });
  return page;
}
