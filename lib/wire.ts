// What the extractor sends from the page to the popup: one frame's ExtractResult in columns. The result crosses
// processes as one JSON string, and its size is what the crossing costs (about 80 ms per MB in Chromium), so the
// wire form leaves out what repeats: field names (one array per field), comment and post references (a table,
// referenced by index), positions (the index itself). The popup validates the columns with zod, as strictly as
// the object form, and rebuilds the objects.
import {
  commentRefSchema,
  type ExtractResult,
  extractStatsSchema,
  linkSourceSchema,
  pageInfoSchema,
  postRefSchema,
  type RawLink,
  regionSchema,
} from './schemas';
import { z } from './zod';

const shortText = z.string().max(2000);
const index = z.number().int().min(-1);

export const wireExtractSchema = z
  .strictObject({
    page: pageInfoSchema,
    stats: extractStatsSchema,
    selection: z.array(z.number().int().nonnegative()).optional(),
    links: z.strictObject({
      href: z.array(z.string()),
      source: z.array(linkSourceSchema),
      text: z.array(shortText),
      context: z.array(shortText),
      region: z.array(regionSchema),
      /** Why a chrome link is chrome; '' when not given. */
      why: z.array(z.string().max(100)),
      /** Index into `comments`, or -1. */
      comment: z.array(index),
      /** Index into `posts`, or -1. */
      post: z.array(index),
    }),
    comments: z.array(commentRefSchema),
    posts: z.array(postRefSchema),
  })
  .superRefine((wire, ctx) => {
    const { links } = wire;
    const n = links.href.length;
    for (const [name, column] of Object.entries(links)) {
      if (column.length !== n) ctx.addIssue({ code: 'custom', message: `${name}: ${column.length} of ${n}` });
    }
    if (links.comment.some((i) => i >= wire.comments.length))
      ctx.addIssue({ code: 'custom', message: 'comment index out of range' });
    if (links.post.some((i) => i >= wire.posts.length))
      ctx.addIssue({ code: 'custom', message: 'post index out of range' });
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
  const comments = new Table<NonNullable<RawLink['comment']>>();
  const posts = new Table<NonNullable<RawLink['post']>>();
  for (let i = 0; i < n; i++) {
    const link = result.links[i]!;
    columns.href[i] = link.href;
    columns.source[i] = link.source;
    columns.text[i] = link.text;
    columns.context[i] = link.context;
    columns.region[i] = link.region;
    columns.why[i] = link.why ?? '';
    columns.comment[i] = link.comment ? comments.indexOf(link.comment) : -1;
    columns.post[i] = link.post ? posts.indexOf(link.post) : -1;
  }
  const wire: WireExtract = {
    page: result.page,
    stats: result.stats,
    links: columns,
    comments: comments.rows,
    posts: posts.rows,
  };
  if (result.selection) wire.selection = result.selection;
  return wire;
}

/** The object form again, from validated wire data. */
export function decodeExtract(wire: WireExtract): ExtractResult {
  const { links: c } = wire;
  const links: RawLink[] = new Array(c.href.length);
  for (let i = 0; i < links.length; i++) {
    const link: RawLink = {
      href: c.href[i]!,
      source: c.source[i]!,
      text: c.text[i]!,
      context: c.context[i]!,
      region: c.region[i]!,
      position: i,
    };
    if (c.why[i]) link.why = c.why[i];
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

/** Rows stored once, by identity (the extractor reuses one reference object per comment or post element). */
class Table<T extends object> {
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
