import { browser } from 'wxt/browser';
import { type KeyValueStore, LookupCache } from '../lookup/cache';
import { type LookupReply, type LookupRequestMessage, lookupRequestSchema } from '../lookup/messages';
import { isCancelled, runLookups } from '../lookup/run';
import { hasLookupPermission } from './lookup-client';

/** Extension storage as the look-up cache's store. */
const extensionStore: KeyValueStore = {
  get: async (key) => ((await browser.storage.local.get(key)) as Record<string, unknown>)[key],
  set: async (key, value) => {
    await browser.storage.local.set({ [key]: value });
  },
};

/**
 * The background side: one `lookup` port per popup. Look-ups go on if the popup closes (their answers fill the
 * cache, so reopening shows them); "cancel" stops them.
 */
export function serveLookups(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'lookup') return;
    let controller: AbortController | null = null;
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
    });
    const post = (reply: LookupReply) => {
      if (!open) return;
      try {
        port.postMessage(reply);
      } catch {
        open = false;
      }
    };
    port.onMessage.addListener(async (raw: unknown) => {
      const parsed = lookupRequestSchema.safeParse(raw);
      if (!parsed.success) {
        post({ type: 'error', message: 'The look-up request was malformed.', permission: false });
        return;
      }
      const message: LookupRequestMessage = parsed.data;
      if (message.type === 'cancel') {
        controller?.abort();
        return;
      }
      if (!(await hasLookupPermission())) {
        post({
          type: 'error',
          message: 'Looking up ages needs access to the linked sites.',
          permission: true,
        });
        return;
      }
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      const cache = await new LookupCache(extensionStore).load();
      try {
        await runLookups(message, { fetch: (input, init) => fetch(input, init) }, cache, post, mine.signal);
        post({ type: 'done', cancelled: false, ...(cache.notice ? { notice: cache.notice } : {}) });
      } catch (error) {
        if (isCancelled(error)) post({ type: 'done', cancelled: true });
        else
          post({
            type: 'error',
            message: `Look-ups stopped: ${String(error).slice(0, 200)}`,
            permission: false,
          });
      }
    });
  });
}
