import { browser } from 'wxt/browser';

/**
 * Runs in the page (serialized by the scripting API, so self-contained): scrolls the first element that links to
 * one of `urls` (or the text that spells it) into view and flashes a highlight around it.
 */
function locateInPage(urls: string[], text: string): boolean {
  const wanted = new Set(urls);
  const roots: Array<Document | ShadowRoot> = [document];
  for (let i = 0; i < roots.length && i < 200; i++) {
    for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  let target: Element | null = null;
  let range: Range | null = null;
  for (const root of roots) {
    for (const el of root.querySelectorAll(
      'a[href], area[href], iframe[src], video[src], source[src], embed[src], object[data], blockquote[cite]',
    )) {
      const raw =
        el.getAttribute('href') ??
        el.getAttribute('src') ??
        el.getAttribute('data') ??
        el.getAttribute('cite') ??
        '';
      let resolved = '';
      try {
        resolved = new URL(raw, document.baseURI).href;
      } catch {
        continue;
      }
      if (wanted.has(resolved) || wanted.has(resolved.replace(/#.*$/, ''))) {
        target = el.localName === 'source' ? el.parentElement : el;
        break;
      }
    }
    if (target) break;
  }
  if (!target && text) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(text) ?? -1;
      if (at >= 0) {
        range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, Math.min(at + text.length, node.nodeValue!.length));
        target = node.parentElement;
        break;
      }
    }
  }
  if (!target) return false;
  target.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  const box = range ? range.getBoundingClientRect() : target.getBoundingClientRect();
  const flash = document.createElement('div');
  flash.setAttribute('data-link-context-highlight', '');
  Object.assign(flash.style, {
    position: 'fixed',
    left: `${box.left - 4}px`,
    top: `${box.top - 4}px`,
    width: `${box.width + 8}px`,
    height: `${box.height + 8}px`,
    border: '3px solid #f0a020',
    borderRadius: '4px',
    background: 'rgba(240, 160, 32, 0.18)',
    zIndex: '2147483647',
    pointerEvents: 'none',
    transition: 'opacity 0.6s',
  });
  document.documentElement.appendChild(flash);
  setTimeout(() => {
    flash.style.opacity = '0';
  }, 1800);
  setTimeout(() => flash.remove(), 2500);
  return true;
}

/** Scrolls the tab to a link and flashes it; false when it is no longer on the page. */
export async function locate(
  tabId: number,
  frameId: number | undefined,
  urls: string[],
  text: string,
): Promise<boolean> {
  const [result] = await browser.scripting.executeScript({
    target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
    func: locateInPage,
    args: [urls, text],
  });
  return result?.result === true;
}

/** Sets the toolbar badge (and, when given, the button's title) for one tab. */
export async function setBadge(tabId: number, text: string, title?: string): Promise<void> {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action =
    browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action
    .setBadgeBackgroundColor({ tabId, color: text === '!' ? '#cf222e' : '#3b5bdb' })
    .catch(() => {});
  await action.setBadgeText({ tabId, text }).catch(() => {});
  if (title) await action.setTitle({ tabId, title }).catch(() => {});
}

/** The toolbar badge shows how many links the page cites. */
export function showCount(tabId: number, cited: number): Promise<void> {
  return setBadge(tabId, cited > 999 ? '999+' : String(cited));
}
