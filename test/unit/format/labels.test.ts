import { describe, expect, it } from 'vitest';
import { linkTitle, placeOf } from '../../../lib/format/labels';
import { scanFixture } from '../../helpers/fixtures';

describe('where a link sits', () => {
  it('is the comment, the archive post or the region; for page furniture, which part of the page', () => {
    expect(placeOf({ region: 'comments', comment: { author: 'Penny', date: '2025-07-02' } })).toBe(
      'comment by Penny on 2025-07-02',
    );
    expect(placeOf({ region: 'article', post: { title: 'Kurdistan', date: '2018-01-31' } })).toBe(
      'post “Kurdistan” (2018-01-31)',
    );
    expect(placeOf({ region: 'article' })).toBe('article');
    expect(placeOf({ region: 'chrome', why: 'sidebar' })).toBe('sidebar');
    expect(placeOf({ region: 'chrome', why: 'meta' })).toBe('post details');
    expect(placeOf({ region: 'chrome', why: 'empty' })).toBe('empty link');
    expect(placeOf({ region: 'chrome', why: 'author' })).toBe('comment author');
    expect(placeOf({ region: 'chrome' })).toBe('page furniture');
  });
});

describe('what a row is called', () => {
  const report = scanFixture('wikipedia-article.html', 'https://en.wikipedia.org/wiki/Zangezur_corridor');
  const titleOf = (url: string) => linkTitle(report.links.find((l) => l.url === url)!);

  it('is the link text, or the address where the text is the address again or empty', () => {
    expect(titleOf('https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor')).toBe(
      '"Armenia and Azerbaijan spar over corridor"',
    );
    expect(linkTitle({ text: 'https://example.org/a', url: 'https://example.org/a' })).toBe('example.org/a');
    expect(linkTitle({ text: ' ', url: 'https://example.org/b?c=1' })).toBe('example.org/b?c=1');
  });

  it('is the reference a link stands in where its text is only the identifier it names', () => {
    const book = 'Cornell, Svante E. (2011). Azerbaijan Since Independence. Armonk, NY: M.E. Sharpe. p. 143.';
    expect(titleOf('https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2')).toContain(book);
    expect(titleOf('https://search.worldcat.org/oclc/663444426')).toContain(book);
    expect(titleOf('https://doi.org/10.1080%2F00396338.2021.1956222')).toBe(
      'de Waal, Thomas (2021). "The corridor question". Survival. 63 (4): 31–44. doi:10.1080/00396338.2021.1956222.',
    );
    // Without a sentence around it, the identifier is the title.
    expect(
      linkTitle({ text: '663444426', url: 'https://search.worldcat.org/oclc/663444426', context: '' }),
    ).toBe('663444426');
  });
});
