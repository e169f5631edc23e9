import { browser } from 'wxt/browser';
import { analyze, siteDomain } from '../analyze';
import { BROWSER_PAGE, explainScanError, restrictedReason } from '../restricted';
import { mergeFrames, scanNotes, unreadFrames } from '../scan';
import type { ExtractResult, Report } from '../schemas';
import { decodeExtract, wireExtractSchema } from '../wire';

export class ScanError extends Error {
  constructor(
    message: string,
    readonly code: 'restricted' | 'failed' | 'no-tab',
  ) {
    super(message);
  }
}

export interface TabScan {
  tabId: number;
  /** What the frames returned, merged: analysing it again (after an alias change) needs no new page read. */
  extract: ExtractResult;
  /** The browser's frame ID for each frame index of the links. */
  frameIds: number[];
  report: Report;
  /** What the reader should know about parts of the page that were not read. */
  notes: string[];
}

/** How long the page's frames get to answer before the popup says the page is not responding. */
export const SCAN_TIMEOUT_MS = 20_000;
/** How long the extractor may take once the page has answered (the largest pages take seconds). */
const EXTRACT_TIMEOUT_MS = 120_000;
const TOO_LONG = 'Reading the page took more than two minutes, so Link Context stopped waiting.';
const NOT_ANSWERING = (ms: number) =>
  `The page did not answer within ${Math.round(ms / 1000)} seconds: its own scripts may be keeping it busy. ` +
  'Try again when it has settled, or reload it.';

async function targetTab(tabId: number | null): Promise<{ id: number; url: string | undefined }> {
  if (tabId !== null) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab?.id) throw new ScanError('The tab to scan is gone.', 'no-tab');
    return { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw new ScanError('There is no page to scan in this window.', 'no-tab');
  return { id: tab.id, url: tab.url };
}

/** The extractor's result arrives as a JSON string (lib/wire.ts); anything else (or broken JSON) is an unreadable frame. */
function parseJson(result: unknown): unknown {
  if (typeof result !== 'string') return result;
  try {
    return JSON.parse(result);
  } catch {
    return undefined;
  }
}

/** Injects the extractor into every frame of a tab, validates what comes back, and sorts and dates it. */
export interface ScanTabOptions {
  /** The reader's aliases for the page's site (its registrable domain), asked once the page is read. */
  aliasesFor?(site: string): readonly string[] | Promise<readonly string[]>;
  /** Told when the page has been read and the links are being sorted, with how many there are. */
  onSorting?(links: number): void;
  timeoutMs?: number;
}

export async function scanTab(
  tabId: number | null,
  { aliasesFor, onSorting, timeoutMs = SCAN_TIMEOUT_MS }: ScanTabOptions = {},
): Promise<TabScan> {
  const tab = await targetTab(tabId);
  const reason = restrictedReason(tab.url);
  if (reason) throw new ScanError(reason, 'restricted');
  let injected: Array<{ frameId?: number; result?: unknown }>;
  const target = { tabId: tab.id, allFrames: true };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = (ms: number, message: string) =>
    new Promise<never>((_, reject) => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new ScanError(message, 'failed')), ms);
    });
  try {
    // Read what the page shows now, even if a frame is still loading (injectImmediately). A trivial script goes in
    // first and answers at once unless the page's own scripts hold the frame; then the extractor alone may take as
    // long as a huge page needs.
    const ping = browser.scripting.executeScript({ target, func: () => true, injectImmediately: true });
    await Promise.race([ping, deadline(timeoutMs, NOT_ANSWERING(timeoutMs))]);
    performance.mark('lc-answered');
    const extraction = browser.scripting.executeScript({
      target,
      files: ['/scan.js'],
      injectImmediately: true,
    });
    injected = (await Promise.race([extraction, deadline(EXTRACT_TIMEOUT_MS, TOO_LONG)])) as Array<{
      frameId?: number;
      result?: unknown;
    }>;
  } catch (error) {
    if (error instanceof ScanError) throw error;
    // The URL may be hidden from us; then say what would help if the page is a local file.
    const fileAccess = await Promise.resolve(browser.extension?.isAllowedFileSchemeAccess?.()).catch(
      () => true,
    );
    const message = explainScanError(error, tab.url, fileAccess !== false);
    throw new ScanError(message, message === BROWSER_PAGE ? 'restricted' : 'failed');
  } finally {
    clearTimeout(timer);
  }
  performance.mark('lc-injected');
  const frames: ExtractResult[] = [];
  const frameIds: number[] = [];
  let malformed = 0;
  for (const frame of [...injected].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0))) {
    const parsed = wireExtractSchema.safeParse(parseJson(frame.result));
    if (parsed.success) {
      frames.push(decodeExtract(parsed.data));
      frameIds.push(frame.frameId ?? 0);
    } else malformed++;
  }
  if (!frames.length) throw new ScanError('The page returned nothing Link Context could read.', 'failed');
  performance.mark('lc-validated');
  const extract = mergeFrames(frames);
  const aliases = aliasesFor ? await aliasesFor(siteDomain(extract.page.url)) : [];
  if (onSorting) {
    onSorting(extract.links.length);
    // Let the page paint that before the (synchronous) sorting.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const report = analyze(extract, { aliases });
  performance.mark('lc-analyzed');
  const notes = scanNotes(report.stats, { malformed, ...unreadFrames(frames) });
  return { tabId: tab.id, extract, frameIds, report, notes };
}
