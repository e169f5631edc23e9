// What the extractor sends from the page to the popup: one frame's ExtractResult in columns. The result crosses
// processes as one JSON string, and its size is what the crossing costs (about 70–80 ms per MB in Chromium, both
// ways of the string), so the wire form leaves out what repeats: field names (one array per field), strings (every
// distinct href, anchor text, context sentence and reason once, in a table the columns point into: a bare URL is
// its own anchor text, links of one sentence share it), enum values (their index), comment and post references (a
// table, by index), positions (the index itself). The popup validates the columns with zod, as strictly as the
// object form, and rebuilds the objects.
import {
  commentRefSchema,
  type ExtractResult,
  extractStatsSchema,
  type LinkSource,
  linkSourceSchema,
  pageInfoSchema,
  postRefSchema,
  type RawLink,
  type Region,
  regionSchema,
} from './schemas';
import { z } from './zod';

const SOURCES = linkSourceSchema.options;
const REGIONS = regionSchema.options;
/** Longest anchor text or context the object form accepts (its `shortText`), and longest reason. */
const TEXT_MAX = 2000;
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

export const wireExtractSchema = z
  .strictObject({
    page: pageInfoSchema,
    stats: extractStatsSchema,
    selection: z.array(z.number().int().nonnegative()).optional(),
    /** Every distinct href, text, context and reason, once. */
    strings: z.array(z.string()),
    links: z.strictObject({
      /** Index into `strings`. */
      href: indices(0),
      /** Index into the link source names. */
      source: indices(0),
      /** Index into `strings` (at most 2,000 characters). */
      text: indices(0),
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
    comments: z.array(commentRefSchema),
    posts: z.array(postRefSchema),
  })
  .superRefine((wire, ctx) => {
    const { links, strings } = wire;
    const n = links.href.length;
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const [name, column] of Object.entries(links)) {
      if (column.length !== n) issue(`${name}: ${column.length} of ${n}`);
    }
    const within = (name: string, column: number[], size: number, maxLength = Infinity) => {
      for (const i of column) {
        if (i >= size) return issue(`${name}: index out of range`);
        if (i >= 0 && maxLength < Infinity && strings[i]!.length > maxLength)
          return issue(`${name}: longer than ${maxLength} characters`);
      }
    };
    within('href', links.href, strings.length);
    within('text', links.text, strings.length, TEXT_MAX);
    within('context', links.context, strings.length, TEXT_MAX);
    within('why', links.why, strings.length, WHY_MAX);
    within('source', links.source, SOURCES.length);
    within('region', links.region, REGIONS.length);
    within('comment', links.comment, wire.comments.length);
    within('post', links.post, wire.posts.length);
  });
export type WireExtract = z.infer<typeof wireExtractSchema>;

/** The wire form of one frame's result (its links' positions must be their indices, as the extractor gives). */
export function encodeExtract(result: ExtractResult): WireExtract {
  const n = result.links.length;
  const columns: WireExtract['links'] = {
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
  const source = enumIndex(SOURCES);
  const region = enumIndex(REGIONS);
  for (let i = 0; i < n; i++) {
    const link = result.links[i]!;
    columns.href[i] = strings.indexOf(link.href);
    columns.source[i] = source.get(link.source)!;
    columns.text[i] = strings.indexOf(link.text);
    columns.context[i] = strings.indexOf(link.context);
    columns.region[i] = region.get(link.region)!;
    columns.why[i] = link.why ? strings.indexOf(link.why) : -1;
    columns.comment[i] = link.comment ? comments.indexOf(link.comment) : -1;
    columns.post[i] = link.post ? posts.indexOf(link.post) : -1;
  }
  const wire: WireExtract = {
    page: result.page,
    stats: result.stats,
    strings: strings.rows,
    links: columns,
    comments: comments.rows,
    posts: posts.rows,
  };
  if (result.selection) wire.selection = result.selection;
  return wire;
}

/** The object form again, from validated wire data. */
export function decodeExtract(wire: WireExtract): ExtractResult {
  const { links: c, strings } = wire;
  const links: RawLink[] = new Array(c.href.length);
  for (let i = 0; i < links.length; i++) {
    const link: RawLink = {
      href: strings[c.href[i]!]!,
      source: SOURCES[c.source[i]!] as LinkSource,
      text: strings[c.text[i]!]!,
      context: strings[c.context[i]!]!,
      region: REGIONS[c.region[i]!] as Region,
      position: i,
    };
    const why = c.why[i]!;
    if (why >= 0 && strings[why]) link.why = strings[why];
    const comment = c.comment[i]!;
    if (comment >= 0) link.comment = wire.comments[comment]!;
    const post = c.post[i]!;
    if (post >= 0) link.post = wire.posts[post]!;
    links[i] = link;
  }
  const result: ExtractResult = { page: wire.page, links, stats: wire.stats };
  if (wire.selection) result.selection = wire.selection;
  return result;
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
