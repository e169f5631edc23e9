import { browser } from 'wxt/browser';
import { analyze, siteDomain, TargetCache } from '../analyze';
import { BROWSER_PAGE, explainScanError, restrictedReason } from '../restricted';
import { mergeFrames, scanNotes, unreadFrames } from '../scan';
import type { ExtractResult, RawLink, Report } from '../schemas';
import { FrameReader } from '../wire';
import { SCAN_PORT } from '../wire-encode';

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

export interface ScanTabOptions {
  /** The reader's aliases for the page's site (its registrable domain), asked once the page is read. */
  aliasesFor?(site: string): readonly string[] | Promise<readonly string[]>;
  /** Told as the page is read, with how many links have arrived so far (all frames). */
  onRead?(links: number): void;
  /** Told when the page has been read and the links are being sorted, with how many there are. */
  onSorting?(links: number): void;
  timeoutMs?: number;
}

/**
 * Injects the extractor into every frame of a tab (`null`: the active tab), reads each frame's batches over a port
 * as they come (validated, their targets resolved on arrival), then sorts and dates the whole.
 */
export async function scanTab(
  tabId: number | null,
  { aliasesFor, onRead, onSorting, timeoutMs = SCAN_TIMEOUT_MS }: ScanTabOptions = {},
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
  const targets = new TargetCache();
  const readers: FrameRead[] = [];
  try {
    // Read what the page shows now, even if a frame is still loading (injectImmediately). Injecting the extractor
    // answers at once unless the page's own scripts hold the frame; then reading it may take as long as a huge
    // page needs. Each batch of links is resolved while the page finishes the next.
    injected = (await Promise.race([
      browser.scripting.executeScript({ target, files: ['/scan.js'], injectImmediately: true }),
      deadline(timeoutMs, NOT_ANSWERING(timeoutMs)),
    ])) as Array<{ frameId?: number; result?: unknown }>;
    performance.mark('lc-answered');
    const answered = injected
      .filter((frame) => frame.result === true)
      .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
    let read = 0;
    const onLinks = (links: RawLink[]) => {
      targets.add(links);
      read += links.length;
      onRead?.(read);
    };
    for (const frame of answered) readers.push(readFrame(tab.id, frame.frameId ?? 0, onLinks));
    await Promise.race([Promise.all(readers.map((r) => r.done)), deadline(EXTRACT_TIMEOUT_MS, TOO_LONG)]);
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
    for (const r of readers) r.close();
  }
  performance.mark('lc-read');
  const frames: ExtractResult[] = [];
  const frameIds: number[] = [];
  let malformed = injected.length - readers.length;
  for (const r of readers) {
    const result = r.reader.result;
    if (result) {
      frames.push(result);
      frameIds.push(r.frameId);
    } else malformed++;
  }
  if (!frames.length) throw new ScanError('The page returned nothing Link Context could read.', 'failed');
  const extract = mergeFrames(frames);
  const aliases = aliasesFor ? await aliasesFor(siteDomain(extract.page.url)) : [];
  if (onSorting) {
    onSorting(extract.links.length);
    // Let the page paint that before the (synchronous) sorting.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const report = analyze(extract, { aliases, targets });
  performance.mark('lc-analyzed');
  const notes = scanNotes(report.stats, { malformed, ...unreadFrames(frames) });
  return { tabId: tab.id, extract, frameIds, report, notes };
}

interface FrameRead {
  frameId: number;
  reader: FrameReader;
  /** Settles when the frame's result is complete, failed, or its port closed. */
  done: Promise<void>;
  close(): void;
}

/** Opens a port to one frame's extractor and reads its messages, handing on each batch of links as it arrives. */
function readFrame(tabId: number, frameId: number, onLinks: (links: RawLink[]) => void): FrameRead {
  const reader = new FrameReader(onLinks);
  let port: ReturnType<typeof browser.tabs.connect> | null = null;
  const close = () => {
    try {
      port?.disconnect();
    } catch {
      // already closed
    }
    port = null;
  };
  const done = new Promise<void>((resolve) => {
    try {
      port = browser.tabs.connect(tabId, { frameId, name: SCAN_PORT });
    } catch {
      reader.accept({ type: 'error', message: 'The frame could not be reached.' });
      resolve();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (reader.accept(message)) {
        close();
        resolve();
      }
    });
    // The frame went away (or never listened) before it finished.
    port.onDisconnect.addListener(() => {
      reader.accept({ type: 'error', message: 'The frame closed before it finished.' });
      resolve();
    });
  });
  return { frameId, reader, done, close };
}
