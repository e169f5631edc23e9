// Value lists shared by the zod schemas (lib/schemas.ts) and code that must not carry zod (the script injected into
// pages, lib/wire-encode.ts): the wire sends these as indices, so both sides must read one list.

/** Which element (or text) a link was found in. */
export const LINK_SOURCES = [
  'a',
  'area',
  'svg',
  'iframe',
  'video',
  'audio',
  'source',
  'object',
  'embed',
  'cite',
  'text',
] as const;

/** Where on the page a link sits. */
export const REGIONS = ['article', 'comments', 'chrome'] as const;
