import { chromium } from 'playwright-core';
import { describe, it } from 'vitest';
import { CHROMIUM } from './browser';
import { checkUrlShortcuts, PARSE_IN_PAGE } from './url-shortcuts';

describe("Chromium's URL parser", () => {
  it('serializes every href the engine takes as serialized to itself, and resolves fragments as the engine does', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    try {
      const page = await browser.newPage();
      await checkUrlShortcuts((pairs) => page.evaluate(`(${PARSE_IN_PAGE})(${JSON.stringify(pairs)})`));
    } finally {
      await browser.close();
    }
  });
});
