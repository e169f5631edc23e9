// The background worker does two things: age look-ups the reader asked for (fetches that outlive the popup,
// bounded, cached and cancellable), and the page context menu's "Copy citation list". It reads a page only when
// that menu item is clicked on it, and holds no state beyond the look-up cache.
import { defineBackground } from '#imports';
import { serveContextMenu } from '../lib/extension/context-menu';
import { serveLookups } from '../lib/extension/lookups';

declare const __LC_TEST_BUILD__: boolean;

export default defineBackground(() => {
  serveLookups();
  serveContextMenu();
  // Test builds only: lets the browser tests run the menu's action, which no automation can click.
  if (__LC_TEST_BUILD__) {
    void import('../lib/extension/context-menu').then(({ copyCitationList }) => {
      (globalThis as { __linkContextCopyCitations?: typeof copyCitationList }).__linkContextCopyCitations =
        copyCitationList;
    });
  }
});
