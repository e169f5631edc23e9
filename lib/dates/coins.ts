import { bookLookupHref } from '../url/isbn';
import { type DateBounds, isoDate } from './calendar';

/** A work's date as a page's citation of it gives it, by the work's address. */
export interface CitedDate {
  url: string;
  date: string;
}

/** How early a cited work may be: books and papers are older than the web. */
const FIRST_PRINTED_YEAR = 1450;
/** At most this many citations are read (a long article has a few hundred). */
const MAX_CITATIONS = 5000;
const MAX_TITLE = 20_000;
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * The dates a page's citations give the works they cite, from their COinS (ContextObjects in Spans, as
 * Wikipedia's citation templates write one after each reference): `<span class="Z3988"
 * title="ctx_ver=Z39.88-2004&rft.date=2021-05-10&rft_id=https%3A%2F%2F…">`. A work named by its DOI
 * (`rft_id=info:doi/10.…`) is dated at its resolver's address too, a book at the wiki's look-up of its ISBN
 * (`rft.isbn`, as the citation's link writes it) and at WorldCat's record of its OCLC number.
 */
export function coinsDates(spans: readonly Element[], bounds: DateBounds, pageUrl: URL): CitedDate[] {
  const dated: CitedDate[] = [];
  const within = { ...bounds, minYear: FIRST_PRINTED_YEAR };
  for (const span of spans.slice(0, MAX_CITATIONS)) {
    // A citation's COinS is a few hundred characters; a longer title is read no further than this.
    const title = span.getAttribute('title')?.slice(0, MAX_TITLE);
    if (!title?.includes('rft.date=')) continue;
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(title);
    } catch {
      continue;
    }
    const m = ISO.exec(params.get('rft.date')?.trim() ?? '');
    const date = m
      ? isoDate(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null, within)
      : null;
    if (!date) continue;
    for (const id of params.getAll('rft_id')) {
      if (/^https?:\/\//i.test(id)) dated.push({ url: id.slice(0, 2000), date });
      else if (id.startsWith('info:doi/')) dated.push({ url: `https://doi.org/${id.slice(9, 2000)}`, date });
      else if (id.startsWith('info:oclcnum/'))
        dated.push({ url: `https://search.worldcat.org/oclc/${id.slice(13, 100)}`, date });
    }
    const isbn = params.get('rft.isbn')?.trim();
    if (isbn && /^[\dXx-]{10,17}$/.test(isbn))
      dated.push({ url: bookLookupHref(pageUrl.origin, isbn), date });
  }
  return dated;
}
