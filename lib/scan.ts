import { type AnalyzeOptions, analyze } from './analyze';
import { type ExtractOptions, extractLinks } from './extract/extract';
import type { ExtractResult, Report } from './schemas';

export type ScanOptions = AnalyzeOptions & ExtractOptions;

/** The whole engine on one document: find every link, then sort and date it. */
export function scanDocument(doc: Document, pageUrl: string, options: ScanOptions = {}): Report {
  return analyze(extractLinks(doc, pageUrl, options), options);
}

/**
 * One result from the results of several frames of a tab (top frame first): the top frame's page, every frame's
 * links in frame order, positions renumbered so page order stays meaningful.
 */
export function mergeFrames(results: readonly ExtractResult[]): ExtractResult {
  const [top, ...rest] = results;
  if (!top) throw new Error('no frame was scanned');
  if (rest.length === 0) return top;
  const links = [];
  const selection: number[] = [];
  let offset = 0;
  const skipped = [...top.stats.skipped];
  let elements = 0;
  let truncated = false;
  for (const [frame, result] of results.entries()) {
    for (const link of result.links) links.push({ ...link, position: link.position + offset, frame });
    for (const i of result.selection ?? []) selection.push(i + offset);
    offset += result.links.length;
    elements += result.stats.elements;
    truncated ||= result.stats.truncated;
    if (frame > 0) skipped.push(...result.stats.skipped);
  }
  const merged: ExtractResult = {
    page: top.page,
    links,
    stats: { elements, links: links.length, truncated, skipped: skipped.slice(0, 50) },
  };
  if (selection.length) merged.selection = selection;
  return merged;
}
