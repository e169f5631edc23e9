import { safeDecode } from './parse';
import { recordOf, type UrlParts } from './parts';

/**
 * A wiki's look-up of a book by its ISBN, as Wikipedia's citations link every ISBN, under the special page's name in
 * the wiki's language (the English name works in every language, and each language's own in its own wiki).
 */
const BOOK_SOURCES =
  /^\/wiki\/(?:Special:BookSources|Spezial:ISBN-Suche|Spécial:Ouvrages_de_référence|Especial:FuentesDeLibros|Especial:Fontes_de_livros|Speciale:RicercaISBN|Speciaal:Boekbronnen|Specjalna:Książki|Служебная:Источники_книг|特別:文献資料)\/(.*)$/;

/** The ISBN as written in a wiki's ISBN look-up (`/wiki/Special:BookSources/978-…`), or null for other paths. */
function lookedUp(pathname: string): string | null {
  if (!pathname.startsWith('/wiki/') || !pathname.includes(':')) return null;
  return BOOK_SOURCES.exec(safeDecode(pathname))?.[1] ?? null;
}

/** A wiki's look-up of the book with this ISBN, as its citations link it (`https://en.wikipedia.org/wiki/Special:…`). */
export function bookLookupHref(wikiOrigin: string, isbn: string): string {
  return `${wikiOrigin}/wiki/Special:BookSources/${isbn}`;
}

/** A wiki's look-up of a book by its ISBN: a pointer to the book, as doi.org is to a paper, not a page of the wiki. */
export function isBookLookup(url: UrlParts): boolean {
  return lookedUp(url.pathname) !== null;
}

/** A catalogue's page of a book by its ISBN (`/isbn/…`: Open Library, WorldCat, isbnsearch.org). */
const IN_PATH = /^\/(?:[a-z]{2}\/)?isbn\/([\dXx -]{10,17})\/?$/;
/** Amazon, in every country, and its page of a book, whose id is the book's ISBN-10 (other goods' start with B0). */
export const AMAZON_HOST = /^amazon\.[a-z.]+$/;
export const AMAZON_BOOK_PATH = /\/(?:dp|gp\/product)\/(\d{9}[\dX])(?:\/|$)/;
/** A query naming the book by its ISBN: Google Books' `vid=ISBN…`, a bookseller's `isbn=` or `ean=`. */
const IN_QUERY = /[?&](?:vid=ISBN|isbn=|ean=)([\dXx-]{10,17})(?:&|$)/i;

/** The ISBN a query names (`?isbn=…`, `?ean=978…`, `?vid=ISBN…`), its check digit checked, or null. */
export function isbnInQuery(url: UrlParts): string | null {
  return url.search.length > 5 ? checked(IN_QUERY.exec(url.search)?.[1]) : null;
}

/** The digits of an ISBN as written (hyphens and spaces dropped), if they are one. */
function checked(written: string | undefined): string | null {
  const digits = written?.replace(/[\s-]/g, '').toUpperCase();
  return digits && isIsbn(digits) ? digits : null;
}

/** Whether the digits are an ISBN-10 or an ISBN-13, by its check digit. */
export function isIsbn(digits: string): boolean {
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += (i % 2 ? 3 : 1) * Number(digits[i]);
    return sum % 10 === 0;
  }
  return false;
}

/** The ISBN an address of a book names (its digits, `9780765630032` or `0765630036`), or null. */
export function isbnOf(url: UrlParts): string | null {
  if (AMAZON_HOST.test(recordOf(url).bare)) return checked(AMAZON_BOOK_PATH.exec(url.pathname)?.[1]);
  return checked(lookedUp(url.pathname) ?? IN_PATH.exec(safeDecode(url.pathname))?.[1]) ?? isbnInQuery(url);
}
