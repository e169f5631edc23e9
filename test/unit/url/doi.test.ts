import { describe, expect, it } from 'vitest';
import { doiOf } from '../../../lib/url/doi';

describe('doiOf', () => {
  it.each([
    ['https://doi.org/10.1016/j.cell.2020.02.052', '10.1016/j.cell.2020.02.052'],
    ['https://dx.doi.org/10.1038/nature12373/', '10.1038/nature12373'],
    // Wikipedia writes the slash encoded.
    ['https://doi.org/10.1080%2F00396338.2021.1956222', '10.1080/00396338.2021.1956222'],
    ['https://doi.org/10.1093/nar/gkaa123', '10.1093/nar/gkaa123'],
    ['https://onlinelibrary.wiley.com/doi/10.1002/anie.201906767', '10.1002/anie.201906767'],
    ['https://www.tandfonline.com/doi/full/10.1080/09668136.2019.1612345', '10.1080/09668136.2019.1612345'],
    ['https://www.nejm.org/doi/full/10.1056/NEJMoa2001017', '10.1056/NEJMoa2001017'],
    ['https://link.springer.com/article/10.1007/s00221-019-05555-0', '10.1007/s00221-019-05555-0'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full', '10.3389/fpsyg.2020.01234'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v1.full.pdf', '10.1101/2020.03.22.002386'],
    [
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456',
      '10.1371/journal.pone.0123456',
    ],
    ['https://ieeexplore.ieee.org/servlet/opac?doi=10.1109/TPAMI.2019.2913372', '10.1109/TPAMI.2019.2913372'],
    // A query value written encoded whole, its dot too.
    ['https://example.org/resolve?doi=10%2E1109%2FTPAMI.2019.2913372', '10.1109/TPAMI.2019.2913372'],
    // arXiv's DOIs are named after the paper's identifier.
    ['https://arxiv.org/abs/2304.01234v2', '10.48550/arXiv.2304.01234'],
    ['https://arxiv.org/pdf/2304.01234.pdf', '10.48550/arXiv.2304.01234'],
    ['https://arxiv.org/abs/hep-th/9901001', '10.48550/arXiv.hep-th/9901001'],
  ])('%s names %s', (url, doi) => {
    expect(doiOf(new URL(url))).toBe(doi);
  });

  it.each([
    'https://doi.org/',
    'https://doi.org/10.12/too-short-a-registrant',
    'https://example.com/docs/10.1000/guide',
    'https://www.nature.com/articles/nature12373',
    'https://pubmed.ncbi.nlm.nih.gov/32015507/',
    'https://arxiv.org/list/econ.GN/recent',
  ])('%s names none', (url) => {
    expect(doiOf(new URL(url))).toBeNull();
  });
});
