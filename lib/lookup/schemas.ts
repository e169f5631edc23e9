import { isoDateSchema } from '../schemas';
import { z } from '../zod';

/** What a look-up found out about one target URL. */
export const targetAgeSchema = z.strictObject({
  url: z.string(),
  /**
   * ok: the target answered (with or without a date); dead: 404/410; moved: redirected to a home page;
   * blocked: the site refused (401/403/451…); error: another HTTP error; timeout; unreachable: DNS, refused, loop.
   */
  status: z.enum(['ok', 'dead', 'moved', 'blocked', 'error', 'timeout', 'unreachable']),
  httpStatus: z.number().int().optional(),
  /** The target's own published date (meta), its Last-Modified (http) or its first archive capture (archive). */
  date: isoDateSchema.nullable(),
  dateSource: z.enum(['meta', 'http', 'archive']).nullable(),
  /** A modified date, kept apart from the published one. */
  modified: isoDateSchema.nullable(),
  /** Where a redirect ended. */
  finalUrl: z.string().optional(),
  /** An archived copy, offered for dead and moved links. */
  archiveUrl: z.string().optional(),
  /** Why there is no answer, or what went wrong on the way (in words). */
  reason: z.string().optional(),
  checkedAt: z.number(),
});
export type TargetAge = z.infer<typeof targetAgeSchema>;

/** A registrable domain's registration date, from RDAP. */
export const domainAgeSchema = z.strictObject({
  domain: z.string(),
  status: z.enum(['ok', 'not-found', 'no-rdap', 'error', 'timeout', 'unreachable']),
  registered: isoDateSchema.nullable(),
  reason: z.string().optional(),
  checkedAt: z.number(),
});
export type DomainAge = z.infer<typeof domainAgeSchema>;
