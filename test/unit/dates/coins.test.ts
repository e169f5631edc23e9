import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { coinsDates } from '../../../lib/dates/coins';

const NOW = { now: new Date('2026-12-01T00:00:00Z') };
const PAGE = new URL('https://en.wikipedia.org/wiki/Zangezur_corridor');

function spans(...titles: string[]): Element[] {
  const html = titles.map((t) => `<span class="Z3988" title="${t.replace(/&/g, '&amp;')}"></span>`).join('');
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return [...document.querySelectorAll('span')] as unknown as Element[];
}

describe('coinsDates', () => {
  it("reads each citation's date for the addresses it names: its URL, its DOI's resolver, its ISBN and OCLC", () => {
    const read = coinsDates(
      spans(
        'ctx_ver=Z39.88-2004&rft.date=2021-05-10&rft_id=https%3A%2F%2Feurasianet.org%2Fa&rfr_id=info%3Asid%2Fen.wikipedia.org',
        'ctx_ver=Z39.88-2004&rft.date=2021&rft_id=info%3Adoi%2F10.1080%2F00396338.2021.1956222',
        'ctx_ver=Z39.88-2004&rft.date=1957-03&rft_id=info%3Aoclcnum%2F663444426&rft.isbn=978-0-7656-3003-2',
      ),
      NOW,
      PAGE,
    );
    expect(read).toEqual([
      { url: 'https://eurasianet.org/a', date: '2021-05-10' },
      { url: 'https://doi.org/10.1080/00396338.2021.1956222', date: '2021' },
      { url: 'https://search.worldcat.org/oclc/663444426', date: '1957-03' },
      { url: 'https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2', date: '1957-03' },
    ]);
  });

  it('takes no date that is not a real one, or not yet come, and no address that is not a web one', () => {
    const read = coinsDates(
      spans(
        'rft.date=2021-13-01&rft_id=https%3A%2F%2Fa.example%2F',
        'rft.date=2031-01-01&rft_id=https%3A%2F%2Fb.example%2F',
        'rft.date=Spring+2021&rft_id=https%3A%2F%2Fc.example%2F',
        'rft.date=2021&rft_id=javascript%3Aalert(1)',
        'rft_id=https%3A%2F%2Fd.example%2F',
        'rft.date=2021&rft_id=%E0%A4%A',
        '',
      ),
      NOW,
      PAGE,
    );
    expect(read).toEqual([]);
  });
});
