import { browser } from 'wxt/browser';
import { EXPORT_FORMATS, exportAs } from '../export/index';
import { citedCount } from '../ui/summary';
import { setBadge } from './page-actions';
import { scanTab } from './scan-tab';
import { loadSettings } from './settings-store';

export const MENU_ID = 'link-context-copy-citations';

/**
 * Runs in the page (serialized, so self-contained): writes the text to the clipboard. The page has focus (the
 * reader just right-clicked it); `execCommand` is the fallback where the async clipboard is refused.
 */
function writeClipboard(text: string): Promise<boolean> {
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    Object.assign(area.style, { position: 'fixed', top: '0', left: '0', opacity: '0' });
    document.documentElement.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  };
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => fallback(),
  );
}

/**
 * "Copy citation list": scans the tab (the click granted access to it), sorts and dates the links with the
 * reader's aliases, and copies the cited links in the chosen format; the links inside the selection only, when
 * the reader right-clicked a selection that holds some. The badge says how it went.
 */
export async function copyCitationList(tabId: number, fromSelection: boolean): Promise<string> {
  const { settings } = await loadSettings();
  const { report } = await scanTab(tabId, { aliasesFor: (site) => settings.aliases[site] ?? [] });
  const cited = report.links.filter((l) => l.category !== 'other');
  const selected = fromSelection ? cited.filter((l) => l.selected) : [];
  const links = selected.length ? selected : cited;
  const text = exportAs(settings.exportFormat, { report, links, accessed: new Date() });
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: writeClipboard,
    args: [text],
  });
  if (result?.result !== true) throw new Error('the page did not let the clipboard be written');
  await setBadge(
    tabId,
    String(citedCount(report)),
    `Link Context: copied ${links.length} citation${links.length === 1 ? '' : 's'} as ${EXPORT_FORMATS[settings.exportFormat].label}`,
  );
  return text;
}

/** Registers the menu item and its handler (background). */
export function serveContextMenu(): void {
  const menus = browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: MENU_ID, title: 'Copy citation list', contexts: ['page', 'selection', 'link'] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    const tabId = tab.id;
    copyCitationList(tabId, Boolean(info.selectionText)).catch((error: unknown) =>
      setBadge(
        tabId,
        '!',
        `Link Context could not copy the citation list: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  });
}
