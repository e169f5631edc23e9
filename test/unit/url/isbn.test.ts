import { describe, expect, it } from 'vitest';
import { isbnOf, isIsbn } from '../../../lib/url/isbn';

describe('isbnOf', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2', '9780765630032'],
    ['https://en.wikipedia.org/wiki/Special:BookSources/0-306-40615-2', '0306406152'],
    // Each language's Wikipedia links its look-up under its own name.
    ['https://de.wikipedia.org/wiki/Spezial:ISBN-Suche/0306406152', '0306406152'],
    [
      'https://fr.wikipedia.org/wiki/Sp%C3%A9cial:Ouvrages_de_r%C3%A9f%C3%A9rence/978-0-306-40615-7',
      '9780306406157',
    ],
    [
      'https://ru.wikipedia.org/wiki/%D0%A1%D0%BB%D1%83%D0%B6%D0%B5%D0%B1%D0%BD%D0%B0%D1%8F:%D0%98%D1%81%D1%82%D0%BE%D1%87%D0%BD%D0%B8%D0%BA%D0%B8_%D0%BA%D0%BD%D0%B8%D0%B3/5-02-013850-9',
      '5020138509',
    ],
    ['https://openlibrary.org/isbn/9780765630032', '9780765630032'],
    ['https://isbnsearch.org/isbn/080442957X', '080442957X'],
    ['https://search.worldcat.org/isbn/9780765630032', '9780765630032'],
    ['https://www.amazon.com/dp/0765630036', '0765630036'],
    // Or in the query: Google Books' volume by ISBN, a bookseller's ISBN or EAN.
    ['https://books.google.com/books?vid=ISBN9780765630032', '9780765630032'],
    [
      'https://www.barnesandnoble.com/w/azerbaijan-since-independence/1100?ean=9780765630032',
      '9780765630032',
    ],
    ['https://bookshop.org/p/books/azerbaijan/123?isbn=0-306-40615-2&aid=1', '0306406152'],
    ['https://www.amazon.co.uk/Azerbaijan-Since-Independence/dp/0765630036/ref=sr_1_1', '0765630036'],
    // A wrong check digit, and other goods' Amazon ids, name no book.
    ['https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-5', null],
    ['https://www.amazon.com/dp/0765630037', null],
    ['https://www.amazon.com/dp/B08N5WRWNW', null],
    ['https://openlibrary.org/works/OL17356385W', null],
    ['https://en.wikipedia.org/wiki/Special:Search/978-0-306-40615-7', null],
  ])('%s names %s', (href, isbn) => {
    expect(isbnOf(new URL(href))).toBe(isbn);
  });

  it('checks both lengths by their check digit', () => {
    expect(isIsbn('9780306406157')).toBe(true);
    expect(isIsbn('9780306406158')).toBe(false);
    expect(isIsbn('0306406152')).toBe(true);
    expect(isIsbn('0306406153')).toBe(false);
    expect(isIsbn('97803064061')).toBe(false);
  });
});
