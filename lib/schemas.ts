import { LINK_SOURCES, REGIONS } from './enums';
import { z } from './zod';

/** The form of an ISO calendar date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** ISO calendar date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(ISO_DATE);
export type IsoDate = z.infer<typeof isoDateSchema>;

export const regionSchema = z.enum(REGIONS);
export type Region = z.infer<typeof regionSchema>;

export const categorySchema = z.enum(['primary', 'self', 'media', 'other']);
export type Category = z.infer<typeof categorySchema>;

export const dateSourceSchema = z.enum(['url', 'id', 'meta', 'citation', 'http', 'archive']);
export type DateSource = z.infer<typeof dateSourceSchema>;

/** Which element (or text) a link was found in. */
export const linkSourceSchema = z.enum(LINK_SOURCES);
export type LinkSource = z.infer<typeof linkSourceSchema>;

/** Longest anchor text, context sentence, author or title the schemas accept. */
export const SHORT_TEXT_MAX = 2000;
const shortText = z.string().max(SHORT_TEXT_MAX);

export const commentRefSchema = z.strictObject({
  id: shortText.optional(),
  author: shortText.optional(),
  date: isoDateSchema.optional(),
});
export type CommentRef = z.infer<typeof commentRefSchema>;

export const postRefSchema = z.strictObject({
  title: shortText.optional(),
  url: z.string().optional(),
  date: isoDateSchema.optional(),
});
export type PostRef = z.infer<typeof postRefSchema>;

/** One occurrence of a link as the extractor found it in a document (before sorting). */
export const rawLinkSchema = z.strictObject({
  href: z.string(),
  source: linkSourceSchema,
  text: shortText,
  context: shortText,
  region: regionSchema,
  /** Why a link counts as chrome (the rule that matched), for the "Other links" group. */
  why: z.string().max(100).optional(),
  position: z.number().int().nonnegative(),
  comment: commentRefSchema.optional(),
  post: postRefSchema.optional(),
  /** Index of the frame it came from when several frames were scanned (0: top frame). */
  frame: z.number().int().nonnegative().optional(),
});
export type RawLink = z.infer<typeof rawLinkSchema>;

export const platformSchema = z.enum(['wordpress', 'blogger', 'youtube', 'hackernews', 'reddit', 'generic']);
export type Platform = z.infer<typeof platformSchema>;

export const datedSchema = z.strictObject({ date: isoDateSchema, source: dateSourceSchema });
export type Dated = z.infer<typeof datedSchema>;

/** What named the address of a page read from a file: a saver's note (Chromium's, SingleFile's), or the page. */
export const addressSourceSchema = z.enum(['saved-from', 'singlefile', 'canonical', 'og:url']);
export type AddressSource = z.infer<typeof addressSourceSchema>;

/** A page read from a file, a saved copy: where it was read (`file:`), and what named the address it was saved from. */
export const savedCopySchema = z.strictObject({ location: z.string(), addressFrom: addressSourceSchema });
export type SavedCopy = z.infer<typeof savedCopySchema>;

export const pageInfoSchema = z.strictObject({
  url: z.string(),
  title: shortText,
  published: datedSchema.nullable(),
  modified: isoDateSchema.nullable().optional(),
  platform: platformSchema,
  /** Account that owns the page on a platform (the YouTube video's channel): URLs and names. */
  owner: z.array(z.string().max(2000)).max(20).optional(),
  /** Number of posts on the page: more than one on an archive. */
  posts: z.number().int().nonnegative().optional(),
  /** The page was read from a file and names the address it was saved from, which `url` gives. */
  savedCopy: savedCopySchema.optional(),
  /** The dates the page's citations give the works they cite (Wikipedia's COinS), by the works' addresses. */
  citedDates: z
    .array(z.strictObject({ url: z.string().max(2000), date: isoDateSchema }))
    .max(10000)
    .optional(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const extractStatsSchema = z.strictObject({
  elements: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  /** The extractor stopped at its link cap; the rest of the page was not read. */
  truncated: z.boolean(),
  /** Sub-trees that could not be read (closed shadow roots, errors), with why. */
  skipped: z.array(z.string().max(300)).max(50),
});
export type ExtractStats = z.infer<typeof extractStatsSchema>;

export const extractResultSchema = z.strictObject({
  page: pageInfoSchema,
  links: z.array(rawLinkSchema),
  /** Text the reader had selected when the scan ran, if any links sat inside it. */
  selection: z.array(z.number().int().nonnegative()).optional(),
  stats: extractStatsSchema,
});
export type ExtractResult = z.infer<typeof extractResultSchema>;

export const kindSchema = z.enum([
  'news',
  'government',
  'academic',
  'reference',
  'social',
  'archive',
  'document',
  'book',
  'blog',
  'code',
  'web',
  'video',
  'audio',
  'image',
  'map',
  'embed',
  // kinds of "other" links
  'chrome',
  'anchor',
  'share',
  'login',
  'subscribe',
  'email',
  'phone',
  'script',
  'invalid',
  'timestamp',
  'hashtag',
]);
export type Kind = z.infer<typeof kindSchema>;

/** One cited target after unwrapping, canonicalization, sorting and dating. */
export const linkSchema = z.strictObject({
  url: z.string(),
  host: z.string(),
  /** The host as shown: Unicode, or punycode when the Unicode form could deceive. */
  displayHost: z.string(),
  /** Registrable domain (Public Suffix List). */
  domain: z.string(),
  category: categorySchema,
  kind: kindSchema,
  /** Media hosted by the page's own site. */
  self: z.boolean(),
  text: shortText,
  context: shortText,
  region: regionSchema,
  why: z.string().max(100).optional(),
  occurrences: z.number().int().positive(),
  position: z.number().int().nonnegative(),
  source: linkSourceSchema,
  date: isoDateSchema.nullable(),
  dateSource: dateSourceSchema.nullable(),
  /** When the citing comment, archive post or page was written. */
  citedDate: isoDateSchema.nullable(),
  comment: commentRefSchema.optional(),
  post: postRefSchema.optional(),
  /** The URL as written on the page, when it was unwrapped or canonicalized to `url`. */
  originalUrl: z.string().optional(),
  archived: z.strictObject({ url: z.string(), capturedAt: isoDateSchema.nullable() }).optional(),
  deceptiveHost: z.boolean().optional(),
  /** The DOI the address names (a resolver's, a publisher's or an arXiv paper's), for reference managers. */
  doi: z.string().optional(),
  /** The ISBN a book's address names (a wiki's ISBN look-up, a catalogue's record, Amazon's page), as digits. */
  isbn: z.string().optional(),
  frame: z.number().int().nonnegative().optional(),
  /** An occurrence lies inside the text the reader had selected when the scan ran. */
  selected: z.boolean().optional(),
  /** What an online look-up found (only after the reader asked for one). */
  check: z
    .strictObject({
      status: z.enum(['ok', 'dead', 'moved', 'blocked', 'error', 'timeout', 'unreachable']),
      httpStatus: z.number().int().optional(),
      reason: z.string().optional(),
      finalUrl: z.string().optional(),
      archiveUrl: z.string().optional(),
      modified: isoDateSchema.optional(),
    })
    .optional(),
  /** When the link's registrable domain was registered (RDAP), after a look-up. */
  domainRegistered: isoDateSchema.optional(),
  /** Why a domain look-up gave no date (no RDAP service, not found, timeout…). */
  domainLookup: z
    .strictObject({
      status: z.enum(['not-found', 'no-rdap', 'error', 'timeout', 'unreachable']),
      reason: z.string().optional(),
    })
    .optional(),
});
export type Link = z.infer<typeof linkSchema>;

export const siteSchema = z.strictObject({
  domain: z.string(),
  name: z.string(),
  /** Hosts or domains that also count as this site (other homes, user aliases, owner account). */
  identities: z.array(z.string()),
});

export const reportSchema = z.strictObject({
  schema: z.literal('link-context/1'),
  page: z.strictObject({
    url: z.string(),
    title: shortText,
    published: isoDateSchema.nullable(),
    publishedSource: dateSourceSchema.nullable(),
    platform: platformSchema,
    site: siteSchema,
    /** The page is an archived copy; `url` is the original it archives. */
    archivedAt: z.string().optional(),
    /** The page was read from a file, a saved copy; `url` is the address it was saved from. */
    savedCopy: savedCopySchema.optional(),
  }),
  links: z.array(linkSchema),
  counts: z.strictObject({ primary: z.number(), self: z.number(), media: z.number(), other: z.number() }),
  stats: extractStatsSchema,
});
export type Report = z.infer<typeof reportSchema>;
