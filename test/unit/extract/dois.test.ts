import { describe, expect, it } from 'vitest';
import { findDois } from '../../../lib/extract/bare-urls';
import { scanDocument } from '../../../lib/scan';
import { NOW, parse } from '../../helpers/fixtures';

describe('DOIs written as text', () => {
  it('are found after doi:, DOI: or doi, without the punctuation after them, as doi.org addresses', () => {
    const text =
      'Measured in 2020 (Smith, doi:10.1016/j.cell.2020.02.052). Jones, DOI: 10.1080/15387216.2019.1612345; Lee, doi 10.1038/s41586-020-2649-2, and 1993 doi:10.1016/0140-6736(93)90123-4.';
    const found = findDois(text);
    expect(found.map((f) => f.url)).toEqual([
      'https://doi.org/10.1016/j.cell.2020.02.052',
      'https://doi.org/10.1080/15387216.2019.1612345',
      'https://doi.org/10.1038/s41586-020-2649-2',
      'https://doi.org/10.1016/0140-6736(93)90123-4',
    ]);
    // Each span is the DOI as written.
    for (const f of found) expect(`https://doi.org/${text.slice(f.index, f.index + f.length)}`).toBe(f.url);
  });

  it('keep the characters a DOI may hold that an address would read otherwise', () => {
    expect(findDois('doi:10.1002/(SICI)1097-4636(199706)35:4<443::AID-JBM4>3.0.CO;2-C.')[0]?.url).toBe(
      'https://doi.org/10.1002/(SICI)1097-4636(199706)35:4<443::AID-JBM4>3.0.CO;2-C',
    );
    expect(findDois('“doi:10.1038/nature12373”')[0]?.url).toBe('https://doi.org/10.1038/nature12373');
    expect(findDois('see doi:10.5555/a#b?c.')[0]?.url).toBe('https://doi.org/10.5555/a%23b%3Fc');
  });

  it('are read whole from hostile text: hundreds of thousands of brackets after one, many DOIs on a line', () => {
    // Each bracket is looked at once: trimming them one by one with a count each time would take minutes here.
    const brackets = findDois(`doi:10.1234/x${')'.repeat(400_000)} and more`);
    expect(brackets.map((f) => [f.url, f.length])).toEqual([['https://doi.org/10.1234/x', 9]]);
    const many = findDois('doi:10.1234/a, '.repeat(20_000));
    expect(many).toHaveLength(20_000);
    expect(new Set(many.map((f) => f.url))).toEqual(new Set(['https://doi.org/10.1234/a']));
  });

  it('are not numbers that only look like one, nor a DOI without its name', () => {
    expect(findDois('Version 10.2/beta of the tool, and 10.1234/abc with no name before it.')).toEqual([]);
    expect(findDois('doi:10.12/short registrant')).toEqual([]);
  });

  it('are cited where the page writes them, dated by their year, and not again inside a link', () => {
    const doc =
      parse(`<!doctype html><html><body><article><p>First measured in 2020 (doi:10.1016/j.cell.2020.02.052).</p>
      <p>Linked: <a href="https://doi.org/10.1109/TPAMI.2019.2913372">doi:10.1109/TPAMI.2019.2913372</a></p></article></body></html>`);
    const report = scanDocument(doc, 'https://blog.example/2025/01/01/post/', { now: NOW });
    expect(
      report.links.map(({ url, category, kind, text, date, dateSource, source }) => ({
        url,
        category,
        kind,
        text,
        date,
        dateSource,
        source,
      })),
    ).toEqual([
      {
        url: 'https://doi.org/10.1016/j.cell.2020.02.052',
        category: 'primary',
        kind: 'academic',
        text: '10.1016/j.cell.2020.02.052',
        date: '2020',
        dateSource: 'id',
        source: 'text',
      },
      {
        url: 'https://doi.org/10.1109/TPAMI.2019.2913372',
        category: 'primary',
        kind: 'academic',
        text: 'doi:10.1109/TPAMI.2019.2913372',
        date: '2019',
        dateSource: 'id',
        source: 'a',
      },
    ]);
  });
});
