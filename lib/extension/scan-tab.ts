import { browser } from 'wxt/browser';
import { analyze, siteDomain, TargetCache } from '../analyze';
import { BROWSER_PAGE, explainScanError, restrictedReason } from '../restricted';
import { mergeFrames, scanNotes, unreadFrames } from '../scan';
import type { ExtractResult, RawLink, Report } from '../schemas';
import { FrameReader } from '../wire';
import { SCAN_PORT, SCAN_PORT_STAGED } from '../wire-encode';

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
  /**
   * With `contextsAfter`: asks the frames for their links' context sentences (the ports stay open until then) and
   * settles once they are in `extract.links`, or have stopped coming (the rest stay empty). The report's links are
   * not changed: `withContexts` (lib/scan.ts) gives them. Without, the sentences are in already.
   */
  contexts(): Promise<void>;
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
  /** Read the links first and their context sentences after (`TabScan.contexts`): the rows show sooner. */
  contextsAfter?: boolean;
  timeoutMs?: number;
}

/**
 * Injects the extractor into every frame of a tab (`null`: the active tab), reads each frame's batches over a port
 * as they come (validated, their targets resolved on arrival), then sorts and dates the whole.
 */
export async function scanTab(
  tabId: number | null,
  { aliasesFor, onRead, onSorting, contextsAfter = false, timeoutMs = SCAN_TIMEOUT_MS }: ScanTabOptions = {},
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
  let allRead = false;
  try {
    // Read what the page shows now, even if a frame is still loading (injectImmediately). Injecting the extractor
    // answers at once unless the page's own scripts hold the frame; then reading it may take as long as a huge
    // page needs. Each batch of links is resolved while the page finishes the next.
    injected = (await Promise.race([
      browser.scripting.executeScript({ target, files: ['/scan.js'], injectImmediately: true }),
      deadline(timeoutMs, NOT_ANSWERING(timeoutMs)),
    ])) as Array<{ frameId?: number; result?: unknown }>;
    performance.mark('lc-answered');
    // A frame answers `true` (its reader listens for a port) or, when small, with its whole result as JSON text.
    const answered = injected
      .filter((frame) => frame.result === true || typeof frame.result === 'string')
      .sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0));
    let read = 0;
    const onLinks = (links: RawLink[]) => {
      // For `BENCH_MARKS=1 npm run bench`: when the first batch arrived.
      if (read === 0) performance.mark('lc-first-batch');
      targets.add(links);
      read += links.length;
      onRead?.(read);
    };
    for (const { frameId = 0, result } of answered)
      readers.push(
        typeof result === 'string'
          ? readAnswer(frameId, result, onLinks)
          : readFrame(tab.id, frameId, onLinks, contextsAfter),
      );
    await Promise.race([Promise.all(readers.map((r) => r.ready)), deadline(EXTRACT_TIMEOUT_MS, TOO_LONG)]);
    allRead = true;
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
    // The frames still sending context sentences stay open for them (see `contexts` below).
    if (!allRead) for (const r of readers) r.close();
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
  const contexts = () => contextsOf(readers, frames, extract);
  return { tabId: tab.id, extract, frameIds, report, notes, contexts };
}

/**
 * Waits for the frames' context sentences (no longer than a page gets to be read), closes the ports, and puts
 * them into the merged links (one frame's links are the merged links themselves: nothing to copy then).
 */
function contextsOf(readers: FrameRead[], frames: ExtractResult[], extract: ExtractResult): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, EXTRACT_TIMEOUT_MS);
  });
  for (const r of readers) r.askContexts();
  return Promise.race([Promise.all(readers.map((r) => r.finished)), limit]).then(() => {
    clearTimeout(timer);
    for (const r of readers) r.close();
    if (frames.length < 2) return;
    let offset = 0;
    for (const frame of frames) {
      for (const [i, link] of frame.links.entries()) extract.links[offset + i]!.context = link.context;
      offset += frame.links.length;
    }
  });
}

interface FrameRead {
  frameId: number;
  reader: FrameReader;
  /** Settles when the frame's result is complete, failed, or its port closed. */
  ready: Promise<void>;
  /** Asks the frame for its links' context sentences, when they are to come after the result. */
  askContexts(): void;
  /** Settles when nothing more will come: the result and any context sentences after it are in, or it ended. */
  finished: Promise<void>;
  close(): void;
}

/** A frame that answered the injection with its whole result: its messages, read at once. */
function readAnswer(frameId: number, answer: string, onLinks: (links: RawLink[]) => void): FrameRead {
  const reader = new FrameReader(onLinks);
  let messages: unknown;
  try {
    messages = JSON.parse(answer);
  } catch {
    messages = null;
  }
  if (!Array.isArray(messages))
    reader.accept({ type: 'error', message: 'The frame answered with no links.' });
  else for (const message of messages) if (reader.accept(message)) break;
  if (!reader.ready) reader.accept({ type: 'error', message: 'The frame’s answer ended too soon.' });
  const settled = Promise.resolve();
  const nothing = () => undefined;
  return { frameId, reader, ready: settled, finished: settled, close: nothing, askContexts: nothing };
}

/** Opens a port to one frame's extractor and reads its messages, handing on each batch of links as it arrives. */
function readFrame(
  tabId: number,
  frameId: number,
  onLinks: (links: RawLink[]) => void,
  contextsAfter: boolean,
): FrameRead {
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
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const finished = new Promise<void>((resolve) => {
    const end = () => {
      onReady();
      resolve();
    };
    try {
      port = browser.tabs.connect(tabId, { frameId, name: contextsAfter ? SCAN_PORT_STAGED : SCAN_PORT });
    } catch {
      reader.accept({ type: 'error', message: 'The frame could not be reached.' });
      end();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (reader.accept(message)) {
        close();
        end();
      } else if (reader.ready) onReady();
    });
    // The frame went away (or never listened) before it finished.
    port.onDisconnect.addListener(() => {
      reader.accept({ type: 'error', message: 'The frame closed before it finished.' });
      end();
    });
  });
  // The frame works out its links' context sentences only when asked, once the popup has shown the rows: until
  // then the page, the browser and the popup have the processor to themselves.
  const askContexts = () => {
    try {
      if (contextsAfter && reader.ready && !reader.contextsComplete) port?.postMessage('contexts');
    } catch {
      // closed: `finished` has settled
    }
  };
  return { frameId, reader, ready, finished, close, askContexts };
}
