import { render } from 'preact';
import { browser } from 'wxt/browser';
import { analyze } from '../../lib/analyze';
import {
  hasLookupPermission,
  requestLookupPermission,
  startLookups,
} from '../../lib/extension/lookup-client';
import { locate, showCount } from '../../lib/extension/page-actions';
import { SCAN_TIMEOUT_MS, ScanError, scanTab } from '../../lib/extension/scan-tab';
import { loadSettings, saveSettings } from '../../lib/extension/settings-store';

// The test build waits less for a page that never answers, so its test of that case is quick.
declare const __LC_TEST_BUILD__: boolean;

void loadSettings().then(({ settings }) => {
  if (settings.theme !== 'system') document.documentElement.dataset['theme'] = settings.theme;
});

import { Popup, type PopupApi, PopupError } from '../../lib/ui/Popup';
import './style.css';

// `popup.html?tabId=N` scans tab N (the report page and tests use it); otherwise the active tab.
const param = new URLSearchParams(location.search).get('tabId');
// `&view=tab`: the report page, a wide sortable table in a tab of its own.
const asTable = new URLSearchParams(location.search).get('view') === 'tab';
let tabId: number | null = param && /^\d+$/.test(param) ? Number(param) : null;
let frameIds: number[] = [];

const api: PopupApi = {
  async scan({ aliasesFor, onRead, onSorting }) {
    try {
      const scan = await scanTab(tabId, {
        aliasesFor,
        onRead,
        onSorting,
        // The popup hides the sentences (the report page shows them): its rows need not wait for them.
        contextsAfter: !asTable,
        timeoutMs: __LC_TEST_BUILD__ ? 5000 : SCAN_TIMEOUT_MS,
      });
      tabId = scan.tabId;
      frameIds = scan.frameIds;
      return { report: scan.report, extract: scan.extract, notes: scan.notes, contexts: scan.contexts };
    } catch (error) {
      if (error instanceof ScanError) throw new PopupError(error.message, error.code === 'restricted');
      throw error;
    }
  },
  analyze: (extract, aliases) => analyze(extract, { aliases }),
  loadSettings,
  saveSettings,
  locate: (link) =>
    tabId === null
      ? Promise.resolve(false)
      : locate(
          tabId,
          frameIds[link.frame ?? 0],
          [link.originalUrl ?? link.url, link.url],
          link.source === 'text' ? link.text : '',
        ),
  copy: (text) => navigator.clipboard.writeText(text),
  download: (fileName, mime, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  showCount: (cited) => {
    if (tabId !== null) void showCount(tabId, cited);
  },
  lookups: {
    hasPermission: hasLookupPermission,
    requestPermission: requestLookupPermission,
    start: startLookups,
  },
  openReport: () => {
    if (tabId !== null)
      void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tabId}&view=tab`) });
  },
};

if (asTable) {
  document.documentElement.classList.add('as-tab');
  api.openReport = undefined;
}
const app = document.getElementById('app')!;
app.replaceChildren(); // the static "Reading the page…" placeholder
render(<Popup api={api} asTable={asTable} />, app);
