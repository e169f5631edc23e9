// What the extractor sends from the page to the popup, over a port: one frame's ExtractResult as a series of
// messages (JSON text, written by lib/wire-encode.ts), its links in batches (`links`), then the page and the counts
// (`done`). Chrome moves a message at about 70–80 ms per MB, more per byte for large ones: batches of about
// 100,000 characters cross in about half the time of one string, and the popup validates and prepares each batch
// while the page finishes the next. Each batch is in columns and leaves out what repeats: field names (one array
// per field), strings (every distinct anchor text, context sentence and reason once, in a table the columns point
// into: links of one sentence share it; a bare URL's text is its href, marked -1), enum values (their index),
// comment and post references (a table, by index), positions (the index itself, from the batch's `first`). Hrefs
// are a column of their own: nearly all differ, and a table of them cost more to build than it saved. The
// popup validates every message with zod, as strictly as the object form, and rebuilds the objects. The popup
// may have the links sent without their context sentences (a port of another name): `done` then says they follow,
// and once the popup asks (any message on the port), they come in batches of their own (`contexts`). A small frame
// (entrypoints/scan.ts says how small) sends no port messages: it answers the injection with the same
// messages, all of them, as one JSON array.

import { REGIONS, LINK_SOURCES as SOURCES } from './enums';
import {
  type CommentRef,
  type ExtractResult,
  extractStatsSchema,
  ISO_DATE,
  type LinkSource,
  pageInfoSchema,
  postRefSchema,
  type RawLink,
  type Region,
  SHORT_TEXT_MAX,
} from './schemas';
import { SAME_AS_HREF } from './wire-encode';
import { z } from './zod';

/** Longest reason (anchor texts and contexts: the object form's `SHORT_TEXT_MAX`). */
const WHY_MAX = 100;

/**
 * A column of whole numbers ≥ min (upper bounds are checked below, against the tables). One plain loop per column:
 * a column holds one number per link, and checking each through its own schema costs more than the crossing saves.
 */
const indices = (min: number) =>
  z.custom<number[]>(
    (v) => Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= min),
    `a list of whole numbers from ${min}`,
  );

/** A list of strings of at most `max` characters, checked in one plain loop (a batch holds thousands). */
const strings = (max = Infinity) =>
  z.custom<string[]>(
    (v) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length <= max),
    max < Infinity ? `a list of strings of at most ${max} characters` : 'a list of strings',
  );

const optionalText = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= SHORT_TEXT_MAX);
const COMMENT_KEYS = new Set(['id', 'author', 'date']);

/** Whether a value is what `commentRefSchema` accepts (tests hold the two together). */
export function isCommentRef(v: unknown): v is CommentRef {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  for (const key of Object.keys(c)) if (!COMMENT_KEYS.has(key)) return false;
  return (
    optionalText(c['id']) &&
    optionalText(c['author']) &&
    (c['date'] === undefined || (typeof c['date'] === 'string' && ISO_DATE.test(c['date'])))
  );
}

/**
 * A batch's comment references, checked in one plain loop as `commentRefSchema` would check each: a batch of a
 * long thread holds thousands, and an object schema per reference was a third of a batch's validation.
 */
const commentRefs = z.custom<CommentRef[]>(
  (v) => Array.isArray(v) && v.every(isCommentRef),
  'a list of comment references',
);

/** A batch of links, in page order from `first`. */
export const wireLinksSchema = z
  .strictObject({
    type: z.literal('links'),
    /** The position of the batch's first link in the frame (batches come in order, without gaps). */
    first: z.number().int().nonnegative(),
    /** Every distinct text, context and reason in the batch, once. */
    strings: strings(),
    links: z.strictObject({
      /** The hrefs themselves (nearly all differ: a table of them costs more than it saves). */
      href: strings(),
      /** Index into the link source names. */
      source: indices(0),
      /** Index into `strings` (at most 2,000 characters), or -1: the href is the text (a bare URL). */
      text: indices(-1),
      /** Index into `strings` (at most 2,000 characters). */
      context: indices(0),
      /** Index into the region names. */
      region: indices(0),
      /** Why a chrome link is chrome: index into `strings` (at most 100 characters), or -1. */
      why: indices(-1),
      /** Index into `comments`, or -1. */
      comment: indices(-1),
      /** Index into `posts`, or -1. */
      post: indices(-1),
    }),
    comments: commentRefs,
    posts: z.array(postRefSchema),
  })
  .superRefine((wire, ctx) => {
    const { links, strings } = wire;
    const n = links.href.length;
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const [name, column] of Object.entries(links)) {
      if (column.length !== n) issue(`${name}: ${column.length} of ${n}`);
    }
    const within = (name: string, column: readonly number[], size: number, maxLength = Infinity) => {
      for (const i of column) {
        if (i >= size) return issue(`${name}: index out of range`);
        if (i >= 0 && maxLength < Infinity && strings[i]!.length > maxLength)
          return issue(`${name}: longer than ${maxLength} characters`);
      }
    };
    within('text', links.text, strings.length, SHORT_TEXT_MAX);
    if (links.text.some((t, i) => t === SAME_AS_HREF && links.href[i]!.length > SHORT_TEXT_MAX))
      issue(`text: longer than ${SHORT_TEXT_MAX} characters`);
    within('context', links.context, strings.length, SHORT_TEXT_MAX);
    within('why', links.why, strings.length, WHY_MAX);
    within('source', links.source, SOURCES.length);
    within('region', links.region, REGIONS.length);
    within('comment', links.comment, wire.comments.length);
    within('post', links.post, wire.posts.length);
  });
export type WireLinks = z.infer<typeof wireLinksSchema>;

/** The end of a frame's result: its page and counts, after every batch. */
export const wireDoneSchema = z.strictObject({
  type: z.literal('done'),
  page: pageInfoSchema,
  stats: extractStatsSchema,
  selection: z.array(z.number().int().nonnegative()).optional(),
  /** The links were sent without their context sentences, which follow (`contexts` messages). */
  contextsFollow: z.literal(true).optional(),
});
export type WireDone = z.infer<typeof wireDoneSchema>;

/** Context sentences of links sent without them, in page order from `first`, after `done`. */
export const wireContextsSchema = z
  .strictObject({
    type: z.literal('contexts'),
    first: z.number().int().nonnegative(),
    strings: strings(SHORT_TEXT_MAX),
    /** Index into `strings`, one per link. */
    context: indices(0),
  })
  .superRefine((wire, ctx) => {
    if (wire.context.some((i) => i >= wire.strings.length))
      ctx.addIssue({ code: 'custom', message: 'context: index out of range' });
  });
export type WireContexts = z.infer<typeof wireContextsSchema>;

/** The extractor failed in that frame. */
export const wireErrorSchema = z.strictObject({ type: z.literal('error'), message: z.string().max(500) });
export type WireError = z.infer<typeof wireErrorSchema>;
export type WireMessage = WireLinks | WireDone | WireContexts | WireError;

/** A batch's links as objects again, from validated wire data. */
export function decodeLinks(wire: WireLinks): RawLink[] {
  const { links: c, strings, first } = wire;
  const links: RawLink[] = new Array(c.href.length);
  for (let i = 0; i < links.length; i++) {
    const link: RawLink = {
      href: c.href[i]!,
      source: SOURCES[c.source[i]!] as LinkSource,
      text: c.text[i] === SAME_AS_HREF ? c.href[i]! : strings[c.text[i]!]!,
      context: strings[c.context[i]!]!,
      region: REGIONS[c.region[i]!] as Region,
      position: first + i,
    };
    const why = c.why[i]!;
    if (why >= 0 && strings[why]) link.why = strings[why];
    const comment = c.comment[i]!;
    if (comment >= 0) link.comment = wire.comments[comment]!;
    const post = c.post[i]!;
    if (post >= 0) link.post = wire.posts[post]!;
    links[i] = link;
  }
  return links;
}

/**
 * The popup's side of one frame's messages: validates each, decodes the batches in order, and gives the
 * ExtractResult once `done` arrives. Anything malformed, out of order or inconsistent fails the frame (its links
 * are not half-shown). When the context sentences follow `done`, each batch of them is written into the result's
 * links as it comes; if they stop or are malformed, the links keep what they have (the rest stay empty).
 */
export class FrameReader {
  private readonly links: RawLink[] = [];
  private outcome: ExtractResult | 'failed' | null = null;
  /** How many links have their context sentences (all of them, unless they follow `done`). */
  private contextsRead = 0;
  /** No message is expected any more. */
  private over = false;
  /** Why the frame failed, when it did. */
  problem = '';
  /** Why the context sentences stopped before the last link, when they did. */
  contextsProblem = '';

  constructor(private readonly onLinks?: (links: RawLink[]) => void) {}

  /**
   * Takes one message (JSON text, as the extractor sends them); returns whether the frame is over (failed, or its
   * result and any context sentences complete). The result itself may be ready before: see `ready`.
   */
  accept(message: unknown): boolean {
    if (this.over) return true;
    const raw = typeof message === 'string' ? parseJson(message) : message;
    const type = (raw as { type?: unknown } | null)?.type;
    if (this.outcome) return this.acceptContexts(raw, type);
    if (type === 'links') {
      const parsed = wireLinksSchema.safeParse(raw);
      if (!parsed.success) return this.fail('a batch of links was malformed');
      if (parsed.data.first !== this.links.length) return this.fail('a batch of links came out of order');
      const batch = decodeLinks(parsed.data);
      for (const link of batch) this.links.push(link);
      this.onLinks?.(batch);
      return false;
    }
    if (type === 'done') {
      const parsed = wireDoneSchema.safeParse(raw);
      if (!parsed.success) return this.fail('the page summary was malformed');
      const { page, stats, selection } = parsed.data;
      if (stats.links !== this.links.length) return this.fail('links were missing');
      if (selection?.some((i) => i >= this.links.length)) return this.fail('the selection was out of range');
      const result: ExtractResult = { page, links: this.links, stats };
      if (selection) result.selection = selection;
      this.outcome = result;
      this.contextsRead = parsed.data.contextsFollow ? 0 : this.links.length;
      return this.checkOver();
    }
    const error = wireErrorSchema.safeParse(raw);
    return this.fail(error.success ? error.data.message : 'an unknown message arrived');
  }

  /** The frame's result, or null when it failed or has not finished. */
  get result(): ExtractResult | null {
    return this.outcome === 'failed' ? null : this.outcome;
  }

  /** The result has arrived, or the frame failed: what is left to come, if anything, is context sentences. */
  get ready(): boolean {
    return this.outcome !== null;
  }

  /** Every link has its context sentence (false when they stopped short). */
  get contextsComplete(): boolean {
    return this.outcome !== null && this.outcome !== 'failed' && this.contextsRead === this.links.length;
  }

  private acceptContexts(raw: unknown, type: unknown): boolean {
    if (type !== 'contexts') {
      const error = wireErrorSchema.safeParse(raw);
      return this.stopContexts(error.success ? error.data.message : 'an unknown message arrived');
    }
    const parsed = wireContextsSchema.safeParse(raw);
    if (!parsed.success) return this.stopContexts('a batch of context sentences was malformed');
    const { first, strings, context } = parsed.data;
    if (first !== this.contextsRead || first + context.length > this.links.length)
      return this.stopContexts('context sentences came out of order');
    for (let i = 0; i < context.length; i++) this.links[first + i]!.context = strings[context[i]!]!;
    this.contextsRead += context.length;
    return this.checkOver();
  }

  private checkOver(): boolean {
    this.over = this.contextsRead === this.links.length;
    return this.over;
  }

  private stopContexts(problem: string): true {
    this.contextsProblem = problem;
    this.over = true;
    return true;
  }

  private fail(problem: string): true {
    this.outcome = 'failed';
    this.problem = problem;
    this.over = true;
    return true;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
