// The page's side of the wire (lib/wire.ts describes the messages and reads them in the popup). Kept free of zod and
// of anything else the popup alone needs: this is what the script injected into pages carries, and a small script
// starts faster.
import { LINK_SOURCES, REGIONS } from './enums';
import type { ExtractResult, RawLink } from './schemas';
import type { WireContexts, WireDone, WireLinks, WireMessage } from './wire';

/** The name of the port the popup opens to each frame's extractor. */
export const SCAN_PORT = 'link-context-scan';
/** The same, asking for the links first and their context sentences after `done`. */
export const SCAN_PORT_STAGED = 'link-context-scan/contexts-after';

/** A link's text index when its text is its href (a bare URL). */
export const SAME_AS_HREF = -1;

/** One batch of links in wire form; `first` is the position of its first link. */
export function encodeLinks(batch: readonly RawLink[], first: number): WireLinks {
  const n = batch.length;
  const columns: WireLinks['links'] = {
    href: new Array(n),
    source: new Array(n),
    text: new Array(n),
    context: new Array(n),
    region: new Array(n),
    why: new Array(n),
    comment: new Array(n),
    post: new Array(n),
  };
  const strings = new Table<string>();
  const comments = new Table<NonNullable<RawLink['comment']>>();
  const posts = new Table<NonNullable<RawLink['post']>>();
  const source = enumIndex(LINK_SOURCES);
  const region = enumIndex(REGIONS);
  // Neighbours often share a context (links of one sentence), and a bare URL is its own text: those skip the table.
  let context = '';
  let contextIndex = -1;
  for (let i = 0; i < n; i++) {
    const link = batch[i]!;
    columns.href[i] = link.href;
    columns.source[i] = source.get(link.source)!;
    columns.text[i] = link.text === link.href ? SAME_AS_HREF : strings.indexOf(link.text);
    if (contextIndex < 0 || link.context !== context) {
      context = link.context;
      contextIndex = strings.indexOf(context);
    }
    columns.context[i] = contextIndex;
    columns.region[i] = region.get(link.region)!;
    columns.why[i] = link.why ? strings.indexOf(link.why) : -1;
    columns.comment[i] = link.comment ? comments.indexOf(link.comment) : -1;
    columns.post[i] = link.post ? posts.indexOf(link.post) : -1;
  }
  return {
    type: 'links',
    first,
    strings: strings.rows,
    links: columns,
    comments: comments.rows,
    posts: posts.rows,
  };
}

/** The closing message of a frame's result; `contextsFollow` when its links were sent without their sentences. */
export function encodeDone(result: ExtractResult, contextsFollow = false): WireDone {
  const done: WireDone = { type: 'done', page: result.page, stats: result.stats };
  if (result.selection) done.selection = result.selection;
  if (contextsFollow) done.contextsFollow = true;
  return done;
}

/** Context sentences from position `first`, each distinct one once (links of one sentence share it). */
export function encodeContexts(first: number, contexts: readonly string[]): WireContexts {
  const strings = new Table<string>();
  const context = contexts.map((c) => strings.indexOf(c));
  return { type: 'contexts', first, strings: strings.rows, context };
}

/**
 * A whole result as the messages the extractor sends, in batches of `size` links: a small page's answer to the
 * injection, a result read at injection and sent over the port after, tests and tools.
 */
export function encodeExtract(result: ExtractResult, size = 1000): WireMessage[] {
  const messages: WireMessage[] = [];
  for (let first = 0; first < result.links.length; first += size)
    messages.push(encodeLinks(result.links.slice(first, first + size), first));
  messages.push(encodeDone(result));
  return messages;
}

function enumIndex<T extends string>(values: readonly T[]): Map<T, number> {
  return new Map(values.map((v, i) => [v, i]));
}

/** Rows stored once (strings by value; comment and post references by identity: one object per element). */
class Table<T> {
  readonly rows: T[] = [];
  private readonly index = new Map<T, number>();
  indexOf(row: T): number {
    let i = this.index.get(row);
    if (i === undefined) {
      i = this.rows.push(row) - 1;
      this.index.set(row, i);
    }
    return i;
  }
}
