import { browser } from 'wxt/browser';
import {
  LOOKUP_ORIGINS,
  type LookupReply,
  type LookupRequestMessage,
  lookupReplySchema,
} from '../lookup/messages';

// The popup's side of age look-ups: permission, and a port to the background worker. Kept apart from the worker's
// side so the popup bundle carries none of the fetching and parsing code.

export function hasLookupPermission(): Promise<boolean> {
  return browser.permissions.contains({ origins: LOOKUP_ORIGINS }).catch(() => false);
}

/** Must run inside the click that asked for it (browsers only grant permissions from a user gesture). */
export function requestLookupPermission(): Promise<boolean> {
  return browser.permissions.request({ origins: LOOKUP_ORIGINS }).catch(() => false);
}

/** The popup side of a look-up: streams validated replies; returns a function that cancels. */
export function startLookups(
  request: { targets: string[]; domains: string[]; force: boolean },
  onReply: (reply: LookupReply) => void,
): () => void {
  const port = browser.runtime.connect({ name: 'lookup' });
  port.onMessage.addListener((raw: unknown) => {
    const parsed = lookupReplySchema.safeParse(raw);
    if (parsed.success) onReply(parsed.data);
  });
  port.onDisconnect.addListener(() =>
    onReply({ type: 'error', message: 'The background worker stopped.', permission: false }),
  );
  port.postMessage({ type: 'start', ...request } satisfies LookupRequestMessage);
  return () => {
    try {
      port.postMessage({ type: 'cancel' } satisfies LookupRequestMessage);
    } catch {
      // the worker is gone: nothing is running
    }
  };
}
