import { browser } from 'wxt/browser';
import { analyze } from '../analyze';
import { BROWSER_PAGE, explainScanError, restrictedReason } from '../restricted';
import { mergeFrames } from '../scan';
import { type ExtractResult, extractResultSchema, type Report } from '../schemas';

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
  /** Frames whose result could not be used (blocked or malformed). */
  unreadFrames: number;
}

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

/** The extractor's result arrives as a JSON string; anything else (or broken JSON) is an unreadable frame. */
function parseJson(result: unknown): unknown {
  if (typeof result !== 'string') return result;
  try {
    return JSON.parse(result);
  } catch {
    return undefined;
  }
}

/** Injects the extractor into every frame of a tab, validates what comes back, and sorts and dates it. */
export async function scanTab(tabId: number | null, aliases: readonly string[] = []): Promise<TabScan> {
  const tab = await targetTab(tabId);
  const reason = restrictedReason(tab.url);
  if (reason) throw new ScanError(reason, 'restricted');
  let injected: Array<{ frameId?: number; result?: unknown }>;
  try {
    injected = (await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      files: ['/scan.js'],
    })) as Array<{ frameId?: number; result?: unknown }>;
  } catch (error) {
    // The URL may be hidden from us; then say what would help if the page is a local file.
    const fileAccess = await Promise.resolve(browser.extension?.isAllowedFileSchemeAccess?.()).catch(
      () => true,
    );
    const message = explainScanError(error, tab.url, fileAccess !== false);
    throw new ScanError(message, message === BROWSER_PAGE ? 'restricted' : 'failed');
  }
  performance.mark('lc-injected');
  const frames: ExtractResult[] = [];
  const frameIds: number[] = [];
  let unreadFrames = 0;
  for (const frame of [...injected].sort((a, b) => (a.frameId ?? 0) - (b.frameId ?? 0))) {
    const parsed = extractResultSchema.safeParse(parseJson(frame.result));
    if (parsed.success) {
      frames.push(parsed.data);
      frameIds.push(frame.frameId ?? 0);
    } else unreadFrames++;
  }
  if (!frames.length) throw new ScanError('The page returned nothing Link Context could read.', 'failed');
  performance.mark('lc-validated');
  const extract = mergeFrames(frames);
  const report = analyze(extract, { aliases });
  performance.mark('lc-analyzed');
  return { tabId: tab.id, extract, frameIds, report, unreadFrames };
}
