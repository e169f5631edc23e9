import { describe, expect, it } from 'vitest';
import { isbnOf, isIsbn } from '../../../lib/url/isbn';

describe('isbnOf', () => {
  it.each([
    ['https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2', '9780765630032'],
    ['https://en.wikipedia.org/wiki/Special:BookSources/0-306-40615-2', '0306406152'],
    ['https://openlibrary.org/isbn/9780765630032', '9780765630032'],
    ['https://isbnsearch.org/isbn/080442957X', '080442957X'],
    ['https://search.worldcat.org/isbn/9780765630032', '9780765630032'],
    ['https://www.amazon.com/dp/0765630036', '0765630036'],
    ['https://www.amazon.co.uk/Azerbaijan-Since-Independence/dp/0765630036/ref=sr_1_1', '0765630036'],
    // A wrong check digit, and other goods' Amazon ids, name no book.
    ['https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-5', null],
    ['https://www.amazon.com/dp/0765630037', null],
    ['https://www.amazon.com/dp/B08N5WRWNW', null],
    ['https://openlibrary.org/works/OL17356385W', null],
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
