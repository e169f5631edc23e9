import { z } from '../zod';
import { bibtexKeys } from './bibtex';
import { dateParts, type ExportInput, isoDay, noteOf, oneLine, titleOf } from './common';

const dateSchema = z.strictObject({
  'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).length(1),
});

/** The CSL-JSON items Link Context writes (a subset of CSL 1.0.2's item schema). */
export const cslItemSchema = z.strictObject({
  id: z.string(),
  type: z.literal('webpage'),
  title: z.string(),
  URL: z.string(),
  accessed: dateSchema,
  issued: dateSchema.optional(),
  'container-title': z.string().optional(),
  DOI: z.string().optional(),
  ISBN: z.string().optional(),
  note: z.string().optional(),
});
export type CslItem = z.infer<typeof cslItemSchema>;

/** CSL-JSON (`type: webpage`, `issued` at the precision known, `accessed`), for Zotero and other managers. */
export function toCslItems({ links, accessed }: ExportInput): CslItem[] {
  const ids = bibtexKeys(links);
  return links.map((link, i) => {
    const item: CslItem = {
      id: ids[i]!,
      type: 'webpage',
      title: titleOf(link),
      URL: oneLine(link.url),
      accessed: { 'date-parts': [dateParts(isoDay(accessed))] },
    };
    if (link.date) item.issued = { 'date-parts': [dateParts(link.date)] };
    if (link.domain) item['container-title'] = link.domain;
    if (link.doi) item.DOI = link.doi;
    if (link.isbn) item.ISBN = link.isbn;
    item.note = noteOf(link);
    return cslItemSchema.parse(item);
  });
}

export function toCslJson(input: ExportInput): string {
  return `${JSON.stringify(toCslItems(input), null, 2)}\n`;
}
