import { type AnalyzeOptions, analyze } from './analyze';
import { type ExtractOptions, extractLinks } from './extract/extract';
import { formatCount } from './format/labels';
import type { ExtractResult, ExtractStats, Report } from './schemas';
import { safeUrl } from './url/parse';

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

/** The report's links with the context sentences their extract has now (when they came after the links). */
export function withContexts(report: Report, extract: ExtractResult): Report {
  let changed = false;
  const links = report.links.map((link) => {
    const context = extract.links[link.position]?.context ?? link.context;
    if (context === link.context) return link;
    changed = true;
    return { ...link, context };
  });
  // Unchanged (the sentences came with the links): the same report, so nothing on screen is worked out again.
  return changed ? { ...report, links } : report;
}

/**
 * Embedded frames whose pages were not among the frames scanned (the browser gives the extension no access to
 * other sites' frames, or the frame had not loaded): how many, and their hosts when they are certain. Each
 * scanned frame's `iframe` links are its child frames; a child counts as read when a scanned frame shows its
 * address (query and fragment aside), and the count never exceeds the children minus the loaded frames that came
 * back (a frame that redirected came back under another address: then which one is missing is not known).
 */
export function unreadFrames(results: readonly ExtractResult[]): { count: number; hosts: string[] } {
  const scanned = new Set(results.map((r) => addressOf(r.page.url)));
  const children = results.flatMap((r) =>
    r.links.filter((l) => l.source === 'iframe' && /^https?:/i.test(l.href)).map((l) => l.href),
  );
  const missing = children.filter((href) => !scanned.has(addressOf(href)));
  // A frame still showing its initial about:blank (its page never arrived) came back without being read.
  const loaded = results.slice(1).filter((r) => /^(?:https?|file):/i.test(r.page.url)).length;
  const count = Math.min(missing.length, Math.max(0, children.length - loaded));
  const hosts =
    count && count === missing.length
      ? [...new Set(missing.map((href) => safeUrl(href)?.hostname ?? href))]
      : [];
  return { count, hosts };
}

const addressOf = (href: string) => href.split(/[?#]/, 1)[0] ?? href;

/** Plain sentences for the popup about what was not read: frames, the link cap, sub-trees the extractor skipped. */
export function scanNotes(
  stats: ExtractStats,
  frames: { malformed: number; count: number; hosts: readonly string[] },
): string[] {
  const notes: string[] = [];
  if (frames.count) {
    const from = frames.hosts.length
      ? ` from ${frames.hosts.slice(0, 3).join(', ')}${frames.hosts.length > 3 ? '…' : ''}`
      : '';
    notes.push(
      `Not read: ${frames.count === 1 ? 'an embedded frame' : `${formatCount(frames.count)} embedded frames`}${from}. ` +
        "Other sites' frames are closed to Link Context, and frames that have not loaded cannot be read.",
    );
  }
  if (frames.malformed)
    notes.push(
      `${frames.malformed === 1 ? 'A frame' : `${formatCount(frames.malformed)} frames`} returned nothing readable.`,
    );
  if (stats.truncated) notes.push(`Stopped after ${formatCount(stats.links)} links: the page has more.`);
  notes.push(...stats.skipped);
  return notes;
}
