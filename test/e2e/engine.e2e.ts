import { readdirSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, FIXTURES, fixtureHtml, NOW, scanHtml } from '../helpers/fixtures';
import { launch, openFixture, ROOT } from './browser';

describe('the engine in Chromium', () => {
  it('reads every fixture page in the live DOM as it does in Node (linkedom)', async () => {
    // Every fixture page is in the list, so a new one is held to this too.
    expect(FIXTURE_PAGES.map(([file]) => file).sort()).toEqual(
      readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    );
    const bundle = await build({
      entryPoints: [`${ROOT}/lib/scan.ts`],
      bundle: true,
      format: 'iife',
      globalName: 'LinkContextEngine',
      write: false,
      platform: 'browser',
      target: 'chrome120',
      logLevel: 'silent',
    });
    const engine = bundle.outputFiles[0]!.text;
    const h = await launch();
    try {
      for (const [file, url] of FIXTURE_PAGES) {
        const page = await openFixture(h, url, file);
        await page.addScriptTag({ content: engine });
        const live = await page.evaluate(
          ([href, now]) => {
            const w = window as unknown as {
              LinkContextEngine: { scanDocument(d: Document, u: string, o: { now: Date }): unknown };
            };
            return JSON.stringify(w.LinkContextEngine.scanDocument(document, href, { now: new Date(now) }));
          },
          [url, NOW.toISOString()] as const,
        );
        const inBrowser = JSON.parse(live) as ReturnType<typeof scanHtml>;
        const inNode = scanHtml(fixtureHtml(file), url);
        // Element counts differ by the parsers' own choices (implied <tbody>, for one); what the engine reads does not.
        const uncounted = (r: typeof inNode) => ({ ...r, stats: { ...r.stats, elements: 0 } });
        expect(uncounted(inBrowser), file).toEqual(uncounted(inNode));
        expect(inBrowser.links.length, file).toBeGreaterThan(10);
        await page.close();
      }
    } finally {
      await h.close();
    }
  });
});
