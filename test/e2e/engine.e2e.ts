import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, FIXTURES, fixtureHtml, scanHtml } from '../helpers/fixtures';
import { launch, openFixture } from './browser';
import { engineScript, SCAN_IN_PAGE, scanArgs, uncounted } from './engine-in-page';

describe('the engine in Chromium', () => {
  it('reads every fixture page in the live DOM as it does in Node (linkedom)', async () => {
    // Every fixture page is in the list, so a new one is held to this too.
    expect(FIXTURE_PAGES.map(([file]) => file).sort()).toEqual(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    );
    const engine = await engineScript();
    const h = await launch();
    try {
      for (const [file, url] of FIXTURE_PAGES) {
        const page = await openFixture(h, url, file);
        await page.addScriptTag({ content: engine });
        const inBrowser = JSON.parse(await page.evaluate(SCAN_IN_PAGE, scanArgs(url)));
        const inNode = scanHtml(fixtureHtml(file), url);
        expect(uncounted(inBrowser), file).toEqual(uncounted(inNode));
        // Something to compare: every fixture page has links of both kinds.
        expect(inNode.counts.other, file).toBeGreaterThan(0);
        expect(inNode.links.length - inNode.counts.other, file).toBeGreaterThan(0);
        await page.close();
      }
    } finally {
      await h.close();
    }
  });
});
