// Injected into every frame of the tab when the popup opens (never registered on pages). It answers the injection
// at once (the popup learns the frame is responsive; a small page answers with its whole result, read there and
// then) and listens for the popup's port: on connection it reads the DOM once and sends the links in batches as it
// goes (most before the walk through the page is over), then the page and counts (lib/wire.ts). The popup, which
// hides context sentences, has the links sent without them (its port's name says so) and asks for them with a
// message once its rows are on screen: the rows show sooner, and the sentences follow.
// Runs in the extension's isolated world, so the page cannot reach into it, and only the extension can connect.

import type { browser } from 'wxt/browser';
import { defineUnlistedScript } from '#imports';
import { extractLinks, extractStaged } from '../lib/extract/extract';
import type { ExtractResult, RawLink } from '../lib/schemas';
import type { WireMessage } from '../lib/wire';
import {
  encodeContexts,
  encodeDone,
  encodeExtract,
  encodeLinks,
  SCAN_PORT,
  SCAN_PORT_STAGED,
} from '../lib/wire-encode';

// The only extension APIs used here are runtime.onConnect and ports, which behave the same under `chrome` and
// `browser`: the raw namespace is used instead of the promise polyfill, which would add a sixth to this script (it is
// injected at every popup open, and its size is start-up time).
type Api = typeof browser;
const namespaces = globalThis as unknown as { browser?: Api; chrome: Api };
const runtime = (namespaces.browser?.runtime?.id ? namespaces.browser : namespaces.chrome).runtime;
type Port = ReturnType<typeof runtime.connect>;

/** A page with at most this many links is read as soon as the script is injected, its result returned with it. */
const AT_ONCE_LINKS = 2000;

type Listener = (port: Port) => void;
/** What the reader keeps in the frame's isolated world between injections. */
const world = globalThis as {
  linkContextListener?: Listener;
  linkContextRuntime?: typeof runtime;
  /** A result read at injection that was too long to answer with: the port that follows sends it. */
  linkContextRead?: ExtractResult;
};

const failure = (error: unknown): WireMessage => ({
  type: 'error',
  message: `The page could not be read: ${String(error).slice(0, 200)}`,
});

/** Links inside the reader's selection, when there is one. */
function selectionTest(): ((node: Node) => boolean) | undefined {
  const selection = document.getSelection();
  return selection && !selection.isCollapsed ? (node: Node) => selection.containsNode(node, true) : undefined;
}

/**
 * The injection's answer: a small page's whole result (the messages a port would carry, as one JSON text: one
 * round trip between popup and page instead of two), else `true`, and the popup connects a port for batches. A
 * page of few anchors can still hold thousands of bare URLs: such a result is kept for the port instead, so that
 * it too comes in batches, with progress.
 */
function answer(): string | true {
  world.linkContextRead = undefined;
  if (document.links.length > AT_ONCE_LINKS) return true;
  let result: ExtractResult;
  try {
    result = extractLinks(document, location.href, { isSelected: selectionTest() });
  } catch (error) {
    return JSON.stringify([failure(error)]);
  }
  if (result.links.length <= AT_ONCE_LINKS) return JSON.stringify(encodeExtract(result));
  world.linkContextRead = result;
  return true;
}

function scan(port: Port, staged: boolean): void {
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
  });
  // The popup closed or the frame is going away: nothing more to send.
  const send = (message: WireMessage) => {
    if (!open) return;
    try {
      // As JSON text: the browser copies one string far faster than the same data as objects.
      port.postMessage(JSON.stringify(message));
    } catch {
      open = false;
    }
  };
  try {
    const kept = world.linkContextRead;
    world.linkContextRead = undefined;
    if (kept) {
      for (const message of encodeExtract(kept)) send(message);
      return;
    }
    let first = 0;
    const options = {
      isSelected: selectionTest(),
      onLinks: (batch: RawLink[]) => {
        send(encodeLinks(batch, first));
        first += batch.length;
      },
    };
    if (staged) {
      const read = extractStaged(document, location.href, options);
      send(encodeDone(read.result, true));
      let asked = false;
      port.onMessage.addListener(() => {
        if (asked) return;
        asked = true;
        try {
          // The popup may close meanwhile: then the rest are not worked out.
          read.contexts((from, contexts) => {
            send(encodeContexts(from, contexts));
            return open;
          });
        } catch (error) {
          send(failure(error));
        }
      });
    } else {
      send(encodeDone(extractLinks(document, location.href, options)));
    }
  } catch (error) {
    send(failure(error));
  }
}

export default defineUnlistedScript({
  globalName: true,
  main() {
    // Injected again at every scan. A listener that an earlier injection left, for this same extension instance,
    // stays: its code has run before and the engine has compiled it, so a second scan of the page is faster (about
    // a fifth on the 10,000-link thread). One left by an instance since reloaded or updated is replaced. Either way
    // a frame answers each connection once.
    if (world.linkContextListener && world.linkContextRuntime === runtime && runtime.id) return answer();
    if (world.linkContextListener) {
      try {
        runtime.onConnect.removeListener(world.linkContextListener);
      } catch {
        // the earlier instance's runtime is gone
      }
    }
    const listener: Listener = (port) => {
      if (port.name === SCAN_PORT || port.name === SCAN_PORT_STAGED)
        scan(port, port.name === SCAN_PORT_STAGED);
    };
    world.linkContextListener = listener;
    world.linkContextRuntime = runtime;
    runtime.onConnect.addListener(listener);
    return answer();
  },
});
