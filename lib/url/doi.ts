import { hostFact } from './host-facts';
import { safeDecode } from './parse';
import { recordOf, type UrlParts } from './parts';

/** How a DOI starts: `10.`, a registrant's four to nine digits, a slash; the suffix the registrant chose follows. */
export const DOI_START = String.raw`10\.\d{4,9}\/`;
const DOI = new RegExp(`^${DOI_START}\\S+$`);
/**
 * A DOI inside an address: a resolver's path, a publisher's `/doi/[view/]10.…`, `/article/10.…`, `/articles/10.…`,
 * bioRxiv's `/content/10.…`, or a query value (`?doi=10.…`, `?id=10.…`). It runs to the end of the path or the value.
 */
const IN_PATH = new RegExp(
  String.raw`\/(?:doi(?:\/(?:abs|full|pdf|epdf|epub|fulltext|book|chapter))?|articles?|content)\/(${DOI_START}[^?#]+)$`,
  'i',
);
const IN_QUERY = new RegExp(`[?&](?:doi|id)=(${DOI_START}[^&#]+)`, 'i');
/** A view of the article after its DOI in a publisher's path (Frontiers' `/full`), which is no part of the DOI. */
const VIEW = /\/(?:full|abstract|pdf|epdf|fulltext|html|xml|references|figures|meta)\/?$/i;

/** Whether a host is the DOI system's resolver (`doi.org`, `dx.doi.org`). */
export const isDoiResolver = hostFact(({ bare }) => bare === 'doi.org' || bare === 'dx.doi.org');
/** Whether a host is arXiv's (its papers' IDs name their month, and their DOIs are named after them). */
export const isArxiv = hostFact(({ bare }) => bare === 'arxiv.org' || bare === 'export.arxiv.org');
/** An arXiv paper's address (`/abs/2304.01234v2`, `/pdf/hep-th/9901001`): its identifier without the version. */
const ARXIV_PAPER =
  /^\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(?:v\d+)?(?:\.pdf)?\/?$/;

/** Whether a path or a query may hold a DOI: a `10.`, its dot perhaps escaped (`10%2E`). */
function mayNameDoi(part: string): boolean {
  const at = part.indexOf('10');
  return at >= 0 && (part.includes('10.', at) || /10%2e/i.test(part));
}

/** The DOI an address names (`10.1016/j.cell.2020.02.052`), decoded, or an arXiv paper's; else null. */
export function doiOf(url: UrlParts): string | null {
  let doi: string | undefined;
  const record = recordOf(url);
  if (isDoiResolver(record)) doi = safeDecode(url.pathname).slice(1);
  // arXiv registers a DOI for every paper, named after its identifier.
  else if (isArxiv(record)) {
    const id = ARXIV_PAPER.exec(safeDecode(url.pathname))?.[1];
    return id ? `10.48550/arXiv.${id}` : null;
  }
  // Most addresses name no DOI; one that does has its `10.` in the path or the query, the dot perhaps escaped.
  else if (!mayNameDoi(url.pathname) && !mayNameDoi(url.search)) return null;
  else
    doi =
      IN_PATH.exec(safeDecode(url.pathname))?.[1]?.replace(VIEW, '') ??
      IN_QUERY.exec(safeDecode(url.search))?.[1];
  doi = doi?.replace(/\/+$/, '');
  // bioRxiv's and medRxiv's addresses add the version and view: `10.1101/2020.03.22.002386v1.full.pdf`.
  if (doi?.startsWith('10.1101/')) doi = doi.replace(/v\d+(?:\.full(?:\.pdf|-text)?)?$/, '');
  return doi && DOI.test(doi) ? doi : null;
}
