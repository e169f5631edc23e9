import { describe, expect, it } from 'vitest';
import { BROWSER_PAGE, explainScanError, restrictedReason } from '../../../lib/restricted';

describe('pages the browser will not let an extension read', () => {
  it.each([
    ['chrome://settings/', BROWSER_PAGE],
    ['about:blank', BROWSER_PAGE],
    ['chrome-extension://abc/popup.html', BROWSER_PAGE],
    ['https://chromewebstore.google.com/detail/x', 'This is an extension store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'This is an extension store'],
    ['https://example.org/report.pdf', 'PDF'],
  ])('%s', (url, reason) => {
    expect(restrictedReason(url)).toContain(reason);
  });

  it('lets ordinary pages through', () => {
    expect(restrictedReason('https://pennyforyourthoughts2.ca/2021/10/17/x/')).toBeNull();
    expect(restrictedReason(undefined)).toBeNull();
  });

  it('turns injection errors into instructions', () => {
    const denied = new Error(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    );
    expect(explainScanError(denied, undefined)).not.toContain('file URLs');
    expect(explainScanError(denied, undefined, false)).toContain('Allow access to file URLs');
    expect(explainScanError(new Error('x'), 'file:///home/a.html')).toContain('Allow access to file URLs');
    expect(explainScanError(new Error('Cannot access a chrome:// URL'), undefined)).toBe(BROWSER_PAGE);
  });
});
