import { render } from 'preact';
import { ScanError, scanTab } from '../../lib/extension/scan-tab';
import { type LoadState, Popup } from '../../lib/ui/Popup';
import './style.css';

// `popup.html?tabId=N` scans tab N (the report page and tests use it); otherwise the active tab.
const param = new URLSearchParams(location.search).get('tabId');
const tabId = param && /^\d+$/.test(param) ? Number(param) : null;

async function load(): Promise<LoadState> {
  try {
    const scan = await scanTab(tabId);
    const notes: string[] = [];
    if (scan.unreadFrames) notes.push(`${scan.unreadFrames} embedded frame(s) could not be read.`);
    if (scan.report.stats.truncated)
      notes.push(`Stopped after ${scan.report.stats.links} links: the page has more.`);
    notes.push(...scan.report.stats.skipped);
    return { status: 'ready', report: scan.report, notes };
  } catch (error) {
    if (error instanceof ScanError)
      return { status: 'error', message: error.message, restricted: error.code === 'restricted' };
    throw error;
  }
}

render(<Popup load={load} />, document.getElementById('app')!);
