// npm run bench:cold: the work of a first scan of the 10,000-link thread, each run in a fresh Chromium page with the
// code loaded anew (nothing compiled or warmed up yet, as when the popup opens). Two sides, as the extension splits
// them: the page's (the extractor's work, in an isolated world as the content script's: read the page, encode the
// batches, write their JSON text) and the popup's (validate and decode the same batches, resolve their targets as
// they arrive, sort). Medians are printed.
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { extractStaged } from '../../lib/extract/extract';
import { encodeDone, encodeLinks } from '../../lib/wire-encode';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { launchPlain, median, threadPage } from './common';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 12);

/** What the page's and the popup's sides run, as one script (each run loads it anew). */
const ENTRY = `
export { extractStaged } from './lib/extract/extract';
export { encodeLinks } from './lib/wire-encode';
export { FrameReader } from './lib/wire';
export { analyze, TargetCache } from './lib/analyze';
`;

const PAGE_SIDE = `(() => {
  const t = performance.now();
  let first = 0;
  let encode = 0;
  let json = 0;
  C.extractStaged(document, location.href, {
    onLinks: (batch) => {
      let q = performance.now();
      const message = C.encodeLinks(batch, first);
      first += batch.length;
      encode += performance.now() - q;
      q = performance.now();
      JSON.stringify(message);
      json += performance.now() - q;
    },
  });
  const total = performance.now() - t;
  return { total, read: total - encode - json, encode, json };
})()`;

const POPUP_SIDE = `((messages) => {
  const t = performance.now();
  const targets = new C.TargetCache();
  let resolve = 0;
  const reader = new C.FrameReader((links) => {
    const q = performance.now();
    targets.add(links);
    resolve += performance.now() - q;
  });
  for (const m of messages) reader.accept(m);
  const read = performance.now() - t;
  if (!reader.result) throw new Error('the recorded batches did not read back');
  const q = performance.now();
  C.analyze(reader.result, { targets });
  const sort = performance.now() - q;
  return { total: read + sort, decode: read - resolve, resolve, sort };
})`;

function print(label: string, runs: Array<Record<string, number>>): void {
  const keys = Object.keys(runs[0]!);
  const parts = keys.map((k) => `${k} ${median(runs.map((r) => r[k]!)).toFixed(0)} ms`);
  console.log(`cold      ${label.padEnd(6)} ${parts.join('   ')}   (median of ${runs.length})`);
}

const html = generateThread(2500);
// The popup's side reads what the page's side sends: recorded here once, in Node, as JSON text.
const messages: string[] = [];
let first = 0;
const staged = extractStaged(parseHTML(html).document as unknown as Document, THREAD_URL, {
  onLinks: (batch) => {
    messages.push(JSON.stringify(encodeLinks(batch, first)));
    first += batch.length;
  },
});
messages.push(JSON.stringify(encodeDone(staged.result, true)));

const bundle = await build({
  stdin: { contents: ENTRY, resolveDir: new URL('../..', import.meta.url).pathname, loader: 'ts' },
  bundle: true,
  format: 'iife',
  globalName: 'C',
  write: false,
  platform: 'browser',
  target: 'chrome120',
  minify: true,
});
const code = bundle.outputFiles[0]!.text;
const browser = await launchPlain();

/** The code under a name of its own, so that nothing compiled for an earlier run is reused. */
const named = (run: number) => `${code}\n//# sourceURL=cold-${run}-${Math.random()}.js`;
/** A fresh page with the thread and the code. */
const freshPage = (run: number) => threadPage(browser, html, named(run));

/**
 * Runs `code`, then `expression`, in a new isolated world of the page, as the content script runs (a world of its
 * own, with its own wrappers of the page's nodes), and returns the expression's value.
 */
async function inIsolatedWorld(page: Page, code: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'link-context-cold',
  });
  await cdp.send('Runtime.evaluate', { expression: code, contextId });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

try {
  const pageSide: Array<Record<string, number>> = [];
  const popupSide: Array<Record<string, number>> = [];
  for (let run = 0; run < RUNS; run++) {
    let page = await threadPage(browser, html, 'void 0');
    pageSide.push((await inIsolatedWorld(page, named(run), PAGE_SIDE)) as Record<string, number>);
    await page.close();
    page = await freshPage(run);
    popupSide.push(
      (await page.evaluate(`${POPUP_SIDE}(${JSON.stringify(messages)})`)) as Record<string, number>,
    );
    await page.close();
  }
  console.log('Link Context cold bench: a first scan of the 10,000-link thread, each run in a fresh page');
  print('page', pageSide);
  print('popup', popupSide);
} finally {
  await browser.close();
}
