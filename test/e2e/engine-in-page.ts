import { build } from 'esbuild';
import { NOW, type scanHtml } from '../helpers/fixtures';
import { ROOT } from './browser';

type Report = ReturnType<typeof scanHtml>;

/** The engine (`lib/scan.ts`) as one script for a page: `LinkContextEngine.scanDocument`. */
export async function engineScript(): Promise<string> {
  const bundle = await build({
    entryPoints: [`${ROOT}/lib/scan.ts`],
    bundle: true,
    format: 'iife',
    globalName: 'LinkContextEngine',
    write: false,
    platform: 'browser',
    target: ['chrome120', 'firefox115'],
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * Source text of a function for the page, given `[url, now]`: the engine's report on the page's document as read
 * from `url`, as JSON (Playwright and Puppeteer alike evaluate it).
 */
export const SCAN_IN_PAGE = ([href, now]: readonly [string, string]): string => {
  const w = window as unknown as {
    LinkContextEngine: { scanDocument(d: Document, u: string, o: { now: Date }): unknown };
  };
  return JSON.stringify(w.LinkContextEngine.scanDocument(document, href, { now: new Date(now) }));
};

export const scanArgs = (url: string) => [url, NOW.toISOString()] as const;

/** A report without its element count, which the parsers' own implied elements (<tbody>…) change. */
export function uncounted(report: Report): Report {
  return { ...report, stats: { ...report.stats, elements: 0 } };
}
