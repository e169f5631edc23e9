import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_URL as SEED, YOUTUBE_URL as YOUTUBE } from '../fixtures/seed';
import { type Harness, launch, openFixture, openPopup, tabIdOf } from './browser';

// WCAG 2.1 A and AA as axe-core checks them (contrast, names, roles, ARIA), on the popup, the report page and the
// settings page, in both themes. axe runs through the DevTools protocol, which the extension's CSP does not apply to.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)",
  )) as Violation[];
  return found.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id}: ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? v.help}`,
    ),
  );
}

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`popup on the seed post and on YouTube, ${scheme}`, async () => {
      await openFixture(h, SEED, 'wordpress-post.html');
      const popup = await openPopup(h, await tabIdOf(h, SEED), scheme);
      await popup.click('[data-group="other"] summary');
      await popup.waitForSelector('[data-group="other"] .row');
      await popup.click('.export > summary').catch(() => undefined);
      expect(await violations(popup)).toEqual([]);
      await openFixture(h, YOUTUBE, 'youtube-watch.html');
      expect(await violations(await openPopup(h, await tabIdOf(h, YOUTUBE), scheme))).toEqual([]);
    });

    it(`report page and settings page, ${scheme}`, async () => {
      await openFixture(h, SEED, 'wordpress-post.html');
      const tabId = await tabIdOf(h, SEED);
      const report = await h.context.newPage();
      await report.emulateMedia({ colorScheme: scheme });
      await report.goto(`chrome-extension://${h.id}/popup.html?tabId=${tabId}&view=tab`);
      await report.waitForSelector('#results[aria-busy="false"]');
      expect(await violations(report)).toEqual([]);
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${h.id}/options.html`);
      expect(await violations(options)).toEqual([]);
    });
  }
});
