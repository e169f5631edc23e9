import { type Report, reportSchema } from '../schemas';

/** The JSON export (`link-context/1`), validated against its schema before it is written. */
export function toJson(report: Report): string {
  return `${JSON.stringify(reportSchema.parse(report), null, 2)}\n`;
}
