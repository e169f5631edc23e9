import { hostInfo } from '../domains/host-info';
import type { DateSource, Link, Report } from '../schemas';
import { isWebUrl, safeUrl } from '../url/parse';
import type { DomainAge, TargetAge } from './schemas';

/**
 * Sources of a date, best first (DESIGN: url, id, meta, http, archive): a page's citation of the work (`citation`)
 * ranks below the work's own metadata and above a file's Last-Modified.
 */
const RANK: Record<DateSource, number> = { url: 0, id: 1, meta: 2, citation: 3, http: 4, archive: 5 };

/** The cited links worth looking up: web targets in the three groups, each URL once. */
export function lookupTargets(report: Report): string[] {
  const urls = new Set<string>();
  for (const link of report.links) {
    if (link.category === 'other') continue;
    const url = safeUrl(link.url);
    if (url && isWebUrl(url)) urls.add(link.url);
  }
  return [...urls];
}

/**
 * The registrable domains of the cited links, each once: those a registry registered. A blog on a hosting
 * platform (`someone.blogspot.com`) has no registration of its own, and the platform's would mislead.
 */
export function lookupDomains(report: Report): string[] {
  const domains = new Set<string>();
  for (const link of report.links) {
    if (link.category === 'other' || !link.host) continue;
    const info = hostInfo(link.host);
    if (info.registered && info.registered === info.domain) domains.add(info.domain);
  }
  return [...domains];
}

/**
 * Whether a page's own metadata tells more of a date than the link has, and agrees with it: the day of a post whose
 * URL names its month (`/2018/01/post.html`), the day of an article whose DOI names its year.
 */
function refines(date: string, source: DateSource, known: string | null): boolean {
  return source === 'meta' && known !== null && date.startsWith(`${known}-`);
}

/**
 * The report with what look-ups found: a link's date where the look-up's source ranks better than what it had
 * (a date in the URL stays, unless the page's metadata gives its day within it), its liveness (dead, moved, …) and
 * its domain's registration date.
 */
export function applyLookups(
  report: Report,
  targets: ReadonlyMap<string, TargetAge>,
  domains: ReadonlyMap<string, DomainAge>,
): Report {
  if (!targets.size && !domains.size) return report;
  const links = report.links.map((link): Link => {
    const age = targets.get(link.url);
    const domain = link.domain ? domains.get(link.domain) : undefined;
    if (!age && !domain) return link;
    const next: Link = { ...link };
    if (age) {
      const better =
        age.date &&
        age.dateSource &&
        (!link.dateSource ||
          RANK[age.dateSource] < RANK[link.dateSource] ||
          refines(age.date, age.dateSource, link.date));
      if (better) {
        next.date = age.date;
        next.dateSource = age.dateSource;
      }
      const check: NonNullable<Link['check']> = { status: age.status };
      if (age.httpStatus !== undefined) check.httpStatus = age.httpStatus;
      if (age.reason) check.reason = age.reason;
      if (age.finalUrl) check.finalUrl = age.finalUrl;
      if (age.archiveUrl) check.archiveUrl = age.archiveUrl;
      if (age.modified) check.modified = age.modified;
      next.check = check;
    }
    if (domain?.registered) next.domainRegistered = domain.registered;
    else if (domain && domain.status !== 'ok') {
      next.domainLookup = { status: domain.status, ...(domain.reason ? { reason: domain.reason } : {}) };
    }
    return next;
  });
  return { ...report, links };
}
