import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../lib/dates/calendar';
import { dateFromIds } from '../../../lib/dates/id-date';
import { parseTextDate } from '../../../lib/dates/text-date';
import { dateFromUrl } from '../../../lib/dates/url-date';
import { formatAge } from '../../../lib/format/age';
import { NOW } from '../../helpers/fixtures';

const bounds = { now: NOW };

describe('dateFromUrl', () => {
  it.each([
    ['https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes/', '2021-10-17'],
    ['https://example.squarespace.com/blog/2018/1/20/title', '2018-01-20'],
    ['https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan.html', '2018-01'],
    ['https://site.org/wp-content/uploads/2017/05/map-640x381.jpg?w=614', '2017-05'],
    ['https://arabisouri.files.wordpress.com/2016/09/photo.jpg', '2016-09'],
    ['https://www.theguardian.com/world/2017/sep/25/iraqi-kurds', '2017-09-25'],
    ['https://www.reuters.com/world/europe/azerbaijan-russia-2025-06-29/', '2025-06-29'],
    ['https://example.org/files/report_20190314_final.pdf', '2019-03-14'],
    ['https://example.org/news/2019/some-long-slug', '2019'],
    ['https://example.org/search?date=2020-02-29', '2020-02-29'],
    ['https://pennyforyourthoughts2.ca/2021/10/', '2021-10'],
  ])('%s → %s', (url, expected) => {
    expect(dateFromUrl(new URL(url), bounds)).toBe(expected);
  });

  it.each([
    'https://example.org/2021/02/30/impossible-day/',
    'https://example.org/2021/13/01/no-such-month/',
    'https://example.org/2031/01/01/the-future/',
    'https://example.org/1985/05/01/before-the-web/',
    'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
    'https://example.org/products/12345678',
    'https://example.org/2019/',
  ])('no date in %s', (url) => {
    const date = dateFromUrl(new URL(url), bounds);
    expect(date === null || !/^20(21-02-30|21-13|31)/.test(date)).toBe(true);
    if (!url.includes('/2021/02/30') && !url.includes('/2021/13/')) expect(date).toBeNull();
  });
});

describe('dateFromIds', () => {
  it.each([
    ['https://twitter.com/mfa_russia/status/1449674226063405057', '2021-10-17'],
    ['https://x.com/caspian_watch/status/1750210987654321098', '2024-01-24'],
    ['https://arxiv.org/abs/2101.01234', '2021-01'],
    ['https://arxiv.org/pdf/2312.00001v2', '2023-12'],
    ['https://arxiv.org/abs/hep-th/9901001', '1999-01'],
    // Expected values computed independently (Python: id >> 16 ms, id >> 32 s, base32-sortable TID >> 10 µs).
    ['https://bsky.app/profile/someone.bsky.social/post/3kf5yfjgmsn2a', '2023-11-27'],
    ['https://mastodon.social/@Gargron/109305813453297410', '2022-11-08'],
    ['https://www.tiktok.com/@user/video/7106594312292453675', '2022-06-07'],
    // LinkedIn: id >> 22 is ms since 1970 (a scraper's record of this post says 2025-12-05 17:33:28 CET).
    [
      'https://www.linkedin.com/posts/ibrainglobal_internationalvolunteerday-ivd2025-volunteers-activity-7402746946853253120-EGae',
      '2025-12-05',
    ],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7163147469877407744/', '2024-02-13'],
    ['https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7402746945318146049', '2025-12-05'],
    // Discord: (id >> 22) + 1420070400000 ms, computed in Python.
    ['https://discord.com/channels/613425648685547541/697138785317814292/1000000000000000000', '2022-07-22'],
    // The year a DOI or a publisher's article identifier names.
    ['https://doi.org/10.1038/s41586-020-2649-2', '2020'],
    ['https://www.nature.com/articles/s41586-020-2649-2', '2020'],
    ['https://link.springer.com/article/10.1007/s00221-019-05555-0', '2019'],
    ['https://doi.org/10.1016/j.cell.2020.02.052', '2020'],
    ['https://www.sciencedirect.com/science/article/pii/S0140673620301835', '2020'],
    ['https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30183-5/fulltext', '2020'],
    ['https://doi.org/10.1016/0140-6736(93)90123-4', '1993'],
    ['https://www.tandfonline.com/doi/full/10.1080/09668136.2019.1612345', '2019'],
    ['https://onlinelibrary.wiley.com/doi/10.1002/anie.201906767', '2019'],
    ['https://doi.org/10.1111/j.1468-2427.2011.01023.x', '2011'],
    ['https://ieeexplore.ieee.org/servlet/opac?doi=10.1109/TPAMI.2019.2913372', '2019'],
    ['https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full', '2020'],
  ])('%s → %s', (url, expected) => {
    expect(dateFromIds(new URL(url), bounds)).toBe(expected);
  });

  it('rejects pre-snowflake and nonsense IDs', () => {
    expect(dateFromIds(new URL('https://twitter.com/jack/status/20'), bounds)).toBeNull();
    expect(dateFromIds(new URL('https://twitter.com/x/status/notanumber'), bounds)).toBeNull();
    expect(dateFromIds(new URL('https://arxiv.org/abs/9913.01234'), bounds)).toBeNull();
  });

  it('finds no date in DOIs numbered without one, a year to come, what only looks like a DOI, or pages that are no post', () => {
    for (const url of [
      'https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0123456',
      'https://doi.org/10.1093/nar/gkaa123',
      'https://www.nature.com/articles/nature12373',
      'https://doi.org/10.1080/09668136.2099.1612345',
      'https://doi.org/10.1038/s41586-099-2649-2',
      'https://example.com/v10.2/2019.12345',
      'https://example.com/docs/10.1000/guide',
      'https://www.linkedin.com/in/someone-activity-12/',
      'https://discord.com/channels/613425648685547541/697138785317814292',
    ]) {
      expect(dateFromIds(new URL(url), bounds), url).toBeNull();
    }
  });
});

describe('parseTextDate', () => {
  it.each([
    ['2025-07-02T14:21:07+00:00', '2025-07-02'],
    ['July 2, 2025 at 2:40 pm', '2025-07-02'],
    ['Wednesday, January 31, 2018', '2018-01-31'],
    ['31 January 2018', '2018-01-31'],
    ['1st of March, 2020', '2020-03-01'],
    ['31.01.2018', '2018-01-31'],
    ['15/04/2020', '2020-04-15'],
    ['04/15/2020', '2020-04-15'],
    ['05/06/2020', null],
    ['Jan 20, 2018', '2018-01-20'],
    ['March 2019', '2019-03'],
    ['7 years ago', '2019'],
    ['3 months ago', '2026-08'],
    ['a year ago', '2025'],
    ['one month ago', '2026-10'],
    ['', null],
    ['2 weeks ago (edited)', '2026-11-10'],
    ['February 30, 2020', null],
    ['no date here', null],
    ['3. März 2021, 14.05 Uhr', '2021-03-03'],
    ['Publié le 15 avril 2020 à 10h30', '2020-04-15'],
    ['1er mars 2021', '2021-03-01'],
    ['miércoles, 3 de marzo de 2021', '2021-03-03'],
    ['Publicado em 7 de setembro de 2022', '2022-09-07'],
    ['Gepubliceerd op 12 mei 2018', '2018-05-12'],
    ['Опубликовано: 3 марта 2021', '2021-03-03'],
    ['2021年3月3日 公開', '2021-03-03'],
    ['2023年6月', '2023-06'],
    ['2021년 3월 3일', '2021-03-03'],
    ['نشر بتاريخ ٣ مارس ٢٠٢١', '2021-03-03'],
    ['١٥ نيسان ٢٠٢٠', '2020-04-15'],
    // Turkish and Azerbaijani, the languages of the region the seed post is about.
    ['3 Mart 2021, 10:00', '2021-03-03'],
    ['15 Şubat 2022 Salı', '2022-02-15'],
    ['12 Mayıs 2023', '2023-05-12'],
    ['1 Kasım 2020', '2020-11-01'],
    ['28 avqust 2024', '2024-08-28'],
    ['5 iyun 2021', '2021-06-05'],
    ['Sept. 4, 2019', '2019-09-04'],
    ['5th January 2019', '2019-01-05'],
  ])('%s → %s', (text, expected) => {
    expect(parseTextDate(text, bounds)).toBe(expected);
  });

  it('reads ambiguous numeric dates by the page’s convention, and only then', () => {
    expect(parseTextDate('04/05/2020', bounds)).toBeNull();
    expect(parseTextDate('04/05/2020', bounds, { monthFirst: true })).toBe('2020-04-05');
    expect(parseTextDate('04/05/2020', bounds, { monthFirst: false })).toBe('2020-05-04');
    expect(parseTextDate('04.05.2020', bounds, { monthFirst: true })).toBe('2020-05-04');
  });

  it('does not take words that merely contain a month name for one', () => {
    expect(parseTextDate('Marching 2021', bounds)).toBeNull();
    expect(parseTextDate('the mayor 2020', bounds)).toBeNull();
  });
});

describe('calendar', () => {
  it('accepts leap days only in leap years and nothing after now', () => {
    expect(isoDate(2024, 2, 29, bounds)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29, bounds)).toBeNull();
    expect(isoDate(2026, 11, 25, bounds)).toBe('2026-11-25');
    expect(isoDate(2026, 11, 27, bounds)).toBeNull();
    expect(isoDate(2026, 12, null, bounds)).toBeNull();
  });

  it('formats ages', () => {
    expect(formatAge('2021-10-17', NOW)).toBe('5 y');
    expect(formatAge('2026-06', NOW)).toBe('5 mo');
    expect(formatAge('2026-11-20', NOW)).toBe('4 d');
    expect(formatAge('2026', NOW)).toBe('< 1 y');
    expect(formatAge(null, NOW)).toBe('—');
  });
});
