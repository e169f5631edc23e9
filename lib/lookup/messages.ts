import { z } from '../zod';
import { domainAgeSchema, targetAgeSchema } from './schemas';

/** The popup's requests to the background worker, over a `lookup` port. */
export const lookupRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    targets: z.array(z.string().max(200_000)).max(20_000),
    domains: z.array(z.string().max(253)).max(5_000),
    force: z.boolean(),
  }),
  z.strictObject({ type: z.literal('cancel') }),
]);
export type LookupRequestMessage = z.infer<typeof lookupRequestSchema>;

/** What the background worker streams back. */
export const lookupReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('target'), age: targetAgeSchema, cached: z.boolean() }),
  z.strictObject({ type: z.literal('domain'), age: domainAgeSchema, cached: z.boolean() }),
  z.strictObject({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
  z.strictObject({ type: z.literal('done'), cancelled: z.boolean(), notice: z.string().optional() }),
  z.strictObject({ type: z.literal('error'), message: z.string(), permission: z.boolean() }),
]);
export type LookupReply = z.infer<typeof lookupReplySchema>;

/** Host access asked for at the first "Look up ages" (optional permission). */
export const LOOKUP_ORIGINS = ['http://*/*', 'https://*/*'];
