import { safeDecode } from './parse';
import { recordOf, type UrlParts } from './parts';

/**
 * Where an address names a book by its ISBN: a wiki's look-up (`/wiki/Special:BookSources/978-…`), a catalogue's
 * (`/isbn/…`: Open Library, WorldCat, isbnsearch.org) or Amazon's page of the book, whose id is its ISBN-10.
 */
const IN_PATH = /^\/(?:wiki\/Special:BookSources|(?:[a-z]{2}\/)?isbn)\/([\dXx -]{10,17})\/?$/;
const AMAZON_PATH = /\/(?:dp|gp\/product)\/(\d{9}[\dX])(?:\/|$)/;

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
  const amazon = /^amazon\.[a-z.]+$/.test(recordOf(url).bare);
  const written = (amazon ? AMAZON_PATH : IN_PATH).exec(
    amazon ? url.pathname : safeDecode(url.pathname),
  )?.[1];
  const digits = written?.replace(/[ -]/g, '').toUpperCase();
  return digits && isIsbn(digits) ? digits : null;
}
