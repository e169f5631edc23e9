const SCHEMES =
  /^(chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|extension|view-source|devtools|chrome-search|chrome-untrusted):/i;
const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
  /^https:\/\/addons\.mozilla\.org\//,
];

/** Why the browser will not let an extension read a page, in words for the reader; null when it may. */
export function restrictedReason(url: string | undefined): string | null {
  if (!url) return null;
  if (SCHEMES.test(url)) return BROWSER_PAGE;
  if (STORES.some((re) => re.test(url)))
    return 'This is an extension store. Browsers do not let extensions read store pages.';
  if (/^https?:\/\/[^?#]+\.pdf(?:[?#]|$)/i.test(url)) {
    return 'This looks like a PDF shown in the browser’s viewer, which extensions cannot read. Open the page that links to it instead.';
  }
  return null;
}

export const BROWSER_PAGE = 'This is a browser page. Browsers do not let extensions read their own pages.';

/** Turns an injection failure into a sentence a reader can act on. */
export function explainScanError(error: unknown, url: string | undefined, fileAccess = true): string {
  const message = error instanceof Error ? error.message : String(error);
  if (url?.startsWith('file:')) {
    return 'Link Context cannot read local files yet. Allow it: open the extensions page, find Link Context, and turn on “Allow access to file URLs”.';
  }
  if (/chrome:\/\/|extensions gallery|cannot be scripted|about:|moz-extension/i.test(message)) {
    return BROWSER_PAGE;
  }
  if (/cannot access|missing host permission/i.test(message)) {
    const local = fileAccess
      ? ''
      : ' If it is a file on your computer, turn on “Allow access to file URLs” for Link Context on the extensions page.';
    return `The browser did not let Link Context read this page. Click the toolbar icon while on the page to grant access.${local}`;
  }
  if (/no tab|tab.*not found/i.test(message)) return 'The tab to scan is gone.';
  return `The page could not be read: ${message.slice(0, 200)}`;
}
