import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../lib/schemas';
import { cited, citedWithComments, fixtureHtml, scanFixture, scanHtml } from '../helpers/fixtures';

const SEED_URL =
  'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/';

describe('seed WordPress post with comments', () => {
  const report = scanFixture('wordpress-post.html', SEED_URL);

  it('cites exactly what the post and its comments cite', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'news.az',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
        category: 'self',
        kind: 'blog',
        region: 'comments',
        domain: 'pennyforyourthoughts2.ca',
        date: '2021-10-17',
        dateSource: 'url',
      },
      {
        url: 'https://pennyforyourthoughts2.ca/2022/03/02/russia-ukraine-and-the-bigger-picture/',
        category: 'self',
        kind: 'blog',
        region: 'comments',
        domain: 'pennyforyourthoughts2.ca',
        date: '2022-03-02',
        dateSource: 'url',
      },
      {
        url: 'https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan-big-block-on-silk-roadrimland.html',
        category: 'self',
        kind: 'blog',
        region: 'comments',
        domain: 'pennyforyourthoughts2.blogspot.com',
        date: '2018-01',
        dateSource: 'url',
      },
      {
        url: 'https://www.youtube.com/watch?v=QijsFn5iEv4',
        category: 'media',
        kind: 'video',
        region: 'comments',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://arabisouri.wordpress.com/wp-content/uploads/2017/05/imperialist-dream-of-dividing-the-region-to-create-greater-kurdistan-640x381.jpg?w=614',
        category: 'media',
        kind: 'image',
        region: 'comments',
        domain: 'wordpress.com',
        date: '2017-05',
        dateSource: 'url',
      },
      {
        url: 'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
        category: 'media',
        kind: 'image',
        region: 'comments',
        domain: 'rferl.org',
        date: null,
        dateSource: null,
      },
    ]);
  });

  it('reads the page: title, published date, platform, site identity', () => {
    expect(report.page).toMatchObject({
      title: 'What is happening between Azerbaijan and Russia: A struggle for corridors',
      published: '2025-07-02',
      publishedSource: 'meta',
      platform: 'wordpress',
      site: { domain: 'pennyforyourthoughts2.ca', name: 'pennyforyourthoughts2' },
    });
  });

  it('attributes comment links to their comment and keeps the sentence around them', () => {
    const blogger = report.links.find(
      (l) => l.domain === 'pennyforyourthoughts2.blogspot.com' && l.category === 'self',
    );
    expect(blogger?.comment).toEqual({ id: 'comment-98112', author: 'Penny', date: '2025-07-02' });
    expect(blogger?.citedDate).toBe('2025-07-02');
    expect(blogger?.context).toContain('I talked about this at my former site');
    const news = report.links.find((l) => l.domain === 'news.az');
    expect(news?.text).toBe('opinion piece');
    expect(news?.context).toBe(
      'You may have heard there are issues between these 2 nations?Below is an opinion piece that may shed light on the situation.',
    );
    expect(news?.originalUrl).toContain('utm_source');
    expect(news?.citedDate).toBe('2025-07-02');
  });

  it('keeps every chrome link, as other, out of the three groups', () => {
    const other = report.links.filter((l) => l.category === 'other');
    const urls = other.map((l) => l.url);
    for (const chrome of [
      'https://pennyforyourthoughts2.ca/about/',
      'https://hoarsewhisperer.substack.com/',
      'https://www.moonofalabama.org/',
      'https://www.youtube.com/@PennyForYourThoughts2',
      'https://wordpress.org/',
      'https://akismet.com/privacy/',
      'https://pennyforyourthoughts2.ca/2025/06/11/armenia-arrests-archbishop-bagrat-galstanyan/?relatedposts_hit=1&relatedposts_origin=61234&relatedposts_position=0',
      'https://pennyforyourthoughts2.ca/2025/07/01/israel-iran-the-ceasefire-that-isnt/',
      'https://pennyforyourthoughts2.ca/category/azerbaijan/',
    ]) {
      expect(urls).toContain(chrome);
    }
    expect(other.find((l) => l.url.includes('share=twitter'))?.kind).toBe('share');
    expect(other.find((l) => l.url.includes('t.me/share'))?.kind).toBe('share');
    expect(other.find((l) => l.url.startsWith('mailto:'))?.kind).toBe('email');
    expect(other.find((l) => l.url.endsWith('wp-login.php'))?.kind).toBe('login');
    // Text typed into the comment form is not page content.
    expect(report.links.some((l) => l.url.includes('example.com/draft'))).toBe(false);
  });

  it('produces a report that its schema accepts', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
  });
});

describe('Blogger post page with its threaded comments', () => {
  const POST =
    'https://pennyforyourthoughts2.blogspot.com/2018/01/kurdistan-big-block-on-silk-roadrimland.html';
  const report = scanFixture('blogger-post.html', POST);

  it("cites the post's links and each comment's, replies included, with who wrote them and when", () => {
    expect(citedWithComments(report)).toEqual([
      {
        url: 'https://www.theguardian.com/world/2017/sep/25/iraqi-kurds-vote-in-independence-referendum',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'theguardian.com',
        date: '2017-09-25',
        dateSource: 'url',
        comment: undefined,
      },
      {
        url: 'http://www.strategic-culture.org/news/2018/01/29/kurdistan-corridor-to-nowhere.html',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'strategic-culture.org',
        date: '2018-01-29',
        dateSource: 'url',
        comment: undefined,
      },
      {
        url: 'https://www.youtube.com/watch?v=QijsFn5iEv4',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
        comment: undefined,
      },
      {
        url: 'https://www.al-monitor.com/originals/2018/01/iraq-kurdistan-oil-pipeline-turkey.html',
        category: 'primary',
        kind: 'news',
        region: 'comments',
        domain: 'al-monitor.com',
        date: '2018-01',
        dateSource: 'url',
        comment: { id: 'c5532219876543210987', author: 'Kurdish Watcher', date: '2018-01-31' },
      },
      {
        // The blog's author, answering in the thread with her own older post.
        url: 'https://pennyforyourthoughts2.blogspot.com/2017/12/the-kurdish-corridor-to-mediterranean.html',
        category: 'self',
        kind: 'blog',
        region: 'comments',
        domain: 'pennyforyourthoughts2.blogspot.com',
        date: '2017-12',
        dateSource: 'url',
        comment: { id: 'c7781203345566778899', author: 'Penny', date: '2018-01-31' },
      },
      {
        url: 'https://en.wikipedia.org/wiki/Rimland',
        category: 'primary',
        kind: 'reference',
        region: 'comments',
        domain: 'wikipedia.org',
        date: null,
        dateSource: null,
        comment: { id: 'c7781203345566778899', author: 'Penny', date: '2018-01-31' },
      },
      {
        url: 'https://www.youtube.com/watch?v=Ab3dE5gH7jK',
        category: 'media',
        kind: 'video',
        region: 'comments',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
        comment: { id: 'c2211334455667788001', author: 'Anonymous', date: '2018-02-01' },
      },
      {
        url: 'https://www.aljazeera.com/news/2018/1/22/turkey-launches-operation-olive-branch-in-syrias-afrin',
        category: 'primary',
        kind: 'news',
        region: 'comments',
        domain: 'aljazeera.com',
        date: '2018-01-22',
        dateSource: 'url',
        comment: { id: 'c9900112233445566778', author: 'Arabi Souri', date: '2018-02-02' },
      },
    ]);
  });

  it('is one post (its post-outer holds the post and the comments), dated by its timestamp', () => {
    expect(report.page).toMatchObject({ published: '2018-01-31', platform: 'blogger' });
    // Not an archive: no link says which post it belongs to.
    expect(report.links.filter((l) => l.post)).toEqual([]);
    expect(report.links.find((l) => l.domain === 'theguardian.com')?.citedDate).toBe('2018-01-31');
  });

  it('keeps commenter profiles, comment permalinks, reply and delete links, the comment form and the pager out', () => {
    const other = report.links.filter((l) => l.category === 'other');
    const why = (prefix: string) => [
      ...new Set(other.filter((l) => l.url.startsWith(prefix)).map((l) => l.why)),
    ];
    expect(why('https://www.blogger.com/profile/')).toEqual(['footer', 'header']);
    expect(why(`${POST}?showComment=`)).toEqual(['header']);
    expect(why('https://www.blogger.com/comment/delete/')).toEqual(['reply']);
    // The comment form keeps its address in a link with nothing to show.
    expect(why('https://www.blogger.com/comment/frame/')).toEqual(['empty']);
    expect(why('https://pennyforyourthoughts2.blogspot.com/2018/02/afrin-and-the-corridor.html')).toEqual([
      'pager',
    ]);
    expect(report.counts).toMatchObject({ primary: 5, self: 1, media: 2 });
  });
});

describe('WordPress date archive', () => {
  const report = scanFixture('wordpress-archive.html', 'https://pennyforyourthoughts2.ca/2021/10/');

  it('finds the cited links of every post, texturized bare URLs repaired', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://tass.com/politics/1351437',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'tass.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://twitter.com/mfa_russia/status/1449674226063405057',
        category: 'primary',
        kind: 'social',
        region: 'article',
        domain: 'twitter.com',
        date: '2021-10-17',
        dateSource: 'id',
      },
      {
        url: 'https://www.aljazeera.com/news/2021/10/13/russia-turkey-iran-3-3-format',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'aljazeera.com',
        date: '2021-10-13',
        dateSource: 'url',
      },
      {
        url: 'https://southfront.org/wp-content/uploads/2021/10/caucasus-3-plus-3-map-1024x683.jpg',
        category: 'media',
        kind: 'image',
        region: 'article',
        domain: 'southfront.org',
        date: '2021-10',
        dateSource: 'url',
      },
      {
        url: 'https://president.az/en/articles/view/53456',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'president.az',
        date: '2021-10-03',
        dateSource: 'archive',
      },
      {
        url: 'https://en.irna.ir/news/84489310/Iran-s-army-holds-drills-near-Azerbaijan-border',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'irna.ir',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://pennyforyourthoughts2.ca/2020/10/01/nagorno-karabakh-who-benefits/',
        category: 'self',
        kind: 'blog',
        region: 'article',
        domain: 'pennyforyourthoughts2.ca',
        date: '2020-10-01',
        dateSource: 'url',
      },
      {
        url: 'https://www.youtube.com/watch?v=3XkXhbo8KxA',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
    ]);
  });

  it('attributes each link to its post', () => {
    const tass = report.links.find((l) => l.domain === 'tass.com');
    expect(tass?.post).toEqual({
      title: 'Russia Proposes Caucasus-Iran-Turkey Security Bloc',
      url: 'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
      date: '2021-10-17',
    });
    const archived = report.links.find((l) => l.domain === 'president.az');
    expect(archived?.archived).toEqual({
      url: 'https://web.archive.org/web/20211003120514/https://president.az/en/articles/view/53456',
      capturedAt: '2021-10-03',
    });
    expect(archived?.post?.date).toBe('2021-10-04');
    expect(report.page.published).toBeNull();
  });
});

describe('Blogger archive', () => {
  const report = scanFixture('blogger-archive.html', 'https://pennyforyourthoughts2.blogspot.com/2018/01/');

  it('finds post-body links, plain-text URLs, embeds and unwrapped Google links; not the widgets', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://www.theguardian.com/world/2017/sep/25/iraqi-kurds-vote-in-independence-referendum',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'theguardian.com',
        date: '2017-09-25',
        dateSource: 'url',
      },
      {
        url: 'http://www.strategic-culture.org/news/2018/01/29/kurdistan-corridor-to-nowhere.html',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'strategic-culture.org',
        date: '2018-01-29',
        dateSource: 'url',
      },
      {
        url: 'https://www.youtube.com/watch?v=QijsFn5iEv4',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhQ2kL9/s1600/sdf-border-force-map.png',
        category: 'media',
        kind: 'image',
        region: 'article',
        domain: 'googleusercontent.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.reuters.com/article/us-mideast-crisis-syria-sdf/u-s-backed-forces-to-set-up-syrian-border-force-idUSKBN1F30OA',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'reuters.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://pennyforyourthoughts2.blogspot.com/2017/12/the-kurdish-corridor-to-mediterranean.html',
        category: 'self',
        kind: 'blog',
        region: 'article',
        domain: 'pennyforyourthoughts2.blogspot.com',
        date: '2017-12',
        dateSource: 'url',
      },
      {
        url: 'https://www.dailysabah.com/diplomacy/2018/01/15/erdogan-vows-to-strangle-terror-army-before-its-born',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'dailysabah.com',
        date: '2018-01-15',
        dateSource: 'url',
      },
    ]);
  });

  it('dates posts from their date header and timestamp', () => {
    const guardian = report.links.find((l) => l.domain === 'theguardian.com');
    expect(guardian?.post).toMatchObject({
      title: 'Kurdistan: Big Block on Silk Road/Rimland',
      date: '2018-01-31',
    });
    expect(guardian?.citedDate).toBe('2018-01-31');
    const navbar = report.links.find((l) => l.url.startsWith('https://www.blogger.com/navbar.g'));
    expect(navbar?.category).toBe('other');
  });
});

describe('YouTube watch page', () => {
  const report = scanFixture('youtube-watch.html', 'https://www.youtube.com/watch?v=QijsFn5iEv4');

  it('cites the description and comments, with redirect links unwrapped', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://en.wikipedia.org/wiki/The_Geographical_Pivot_of_History',
        category: 'primary',
        kind: 'reference',
        region: 'article',
        domain: 'wikipedia.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.jstor.org/stable/1775498',
        category: 'primary',
        kind: 'academic',
        region: 'article',
        domain: 'jstor.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.youtube.com/watch?v=s3Xe3sMK3sI',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.youtube.com/@GeopoliticsExplained/videos',
        category: 'self',
        kind: 'social',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://twitter.com/GeoExplained',
        category: 'primary',
        kind: 'social',
        region: 'article',
        domain: 'twitter.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.iwp.edu/wp-content/uploads/2019/05/20131016_MackinderTheGeographicalJournal.pdf',
        category: 'primary',
        kind: 'document',
        region: 'comments',
        domain: 'iwp.edu',
        date: '2019-05',
        dateSource: 'url',
      },
      {
        url: 'https://x.com/caspian_watch/status/1750210987654321098',
        category: 'primary',
        kind: 'social',
        region: 'comments',
        domain: 'x.com',
        date: '2024-01-24',
        dateSource: 'id',
      },
    ]);
  });

  it('knows the video, its owner and date; timestamps, hashtags and related videos are not citations', () => {
    expect(report.page).toMatchObject({
      title: 'Heartland and Rimland Theory Explained',
      published: '2018-01-20',
      platform: 'youtube',
    });
    expect(report.page.site.identities).toContain('youtube:@geopoliticsexplained');
    const kinds = (part: string) =>
      report.links.filter((l) => l.url.includes(part)).map((l) => [l.category, l.kind]);
    expect(kinds('t=95s').concat(kinds('t=412s'))).toEqual([]);
    expect(report.links.find((l) => l.url === 'https://www.youtube.com/watch?v=QijsFn5iEv4')?.kind).toBe(
      'timestamp',
    );
    expect(report.links.filter((l) => l.url.includes('/hashtag/')).every((l) => l.category === 'other')).toBe(
      true,
    );
    expect(report.links.find((l) => l.url.includes('Vs3Gm8VPDSk'))?.category).toBe('other');
    const comment = report.links.find((l) => l.domain === 'iwp.edu')?.comment;
    expect(comment).toEqual({ id: 'UgzX1aBcD2eFg3hIj4kL5', author: '@historybuff1987', date: '2019' });
  });
});

describe('image maps, inline SVG, embeds and <base>', () => {
  const report = scanFixture('maps-and-embeds.html', 'https://caucasus-atlas.org/maps/corridors.html');

  it('finds area, SVG, object, iframe (lazy too), video source, audio and blockquote cite links', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://en.wikipedia.org/wiki/Zangezur_corridor',
        category: 'primary',
        kind: 'reference',
        region: 'article',
        domain: 'wikipedia.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.openstreetmap.org/relation/364066',
        category: 'media',
        kind: 'map',
        region: 'article',
        domain: 'openstreetmap.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.rferl.org/a/azerbaijan-armenia-corridor-talks/32398114.html',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'rferl.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://en.wikipedia.org/wiki/International_North%E2%80%93South_Transport_Corridor',
        category: 'primary',
        kind: 'reference',
        region: 'article',
        domain: 'wikipedia.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.google.com/maps/place/Anaklia,+Georgia/@42.39,41.56,13z',
        category: 'media',
        kind: 'map',
        region: 'article',
        domain: 'google.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://static.caucasus-atlas.org/atlas/sources/route-lengths.html',
        category: 'self',
        kind: 'web',
        region: 'article',
        domain: 'caucasus-atlas.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.economy.gov.az/uploads/2020/transport-study.pdf',
        category: 'media',
        kind: 'embed',
        region: 'article',
        domain: 'economy.gov.az',
        date: '2020',
        dateSource: 'url',
      },
      {
        url: 'https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3000000!2d45.0!3d40.0',
        category: 'media',
        kind: 'map',
        region: 'article',
        domain: 'google.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://cdn.caucasus-atlas.org/video/corridor-flyover-2023-05-01.mp4',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'caucasus-atlas.org',
        date: '2023-05-01',
        dateSource: 'url',
      },
      {
        url: 'https://media.podbean.com/caucasus-podcast/ep-12-corridor-engineer.mp3',
        category: 'media',
        kind: 'audio',
        region: 'article',
        domain: 'podbean.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://player.vimeo.com/video/76979871',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'vimeo.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.president.az/en/articles/view/59312',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'president.az',
        date: null,
        dateSource: null,
      },
    ]);
  });

  it('flags self-hosted media and treats #fragments as in-page despite <base>', () => {
    expect(report.links.find((l) => l.url.endsWith('.mp4'))?.self).toBe(true);
    expect(report.links.find((l) => l.text === 'Legend')).toMatchObject({
      category: 'other',
      kind: 'anchor',
    });
    expect(report.links.find((l) => l.source === 'area' && l.text === 'Zangezur corridor')).toBeTruthy();
    expect(report.links.find((l) => l.url.includes('Anaklia'))?.source).toBe('svg');
  });
});

describe('generic news article with heavy chrome', () => {
  const report = scanFixture(
    'news-article.html',
    'https://www.caucasus-observer.com/politics/2025/07/01/baku-moscow-sputnik-raid',
  );

  it('keeps only the story and comment citations, unwrapped and without trackers', () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://www.interior.gov.az/en/news/2025/06/30/press-release-1184',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'interior.gov.az',
        date: '2025-06-30',
        dateSource: 'url',
      },
      {
        url: 'https://mid.ru/en/foreign_policy/news/2025881/',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'mid.ru',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.rferl.org/a/azerbaijan-russia-yekaterinburg-deaths/33459012.html',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'rferl.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.reuters.com/world/europe/azerbaijan-russia-yekaterinburg-2025-06-29/',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'reuters.com',
        date: '2025-06-29',
        dateSource: 'url',
      },
      {
        url: 'https://carnegieendowment.org/russia-eurasia/politika/2025/06/azerbaijan-russia-rift?lang=en',
        category: 'primary',
        kind: 'reference',
        region: 'article',
        domain: 'carnegieendowment.org',
        date: '2025-06',
        dateSource: 'url',
      },
      {
        url: 'https://doi.org/10.1080/14683857.2024.2310000',
        category: 'primary',
        kind: 'academic',
        region: 'article',
        domain: 'doi.org',
        // Taylor & Francis numbers its articles by year.
        date: '2024',
        dateSource: 'id',
      },
      {
        url: 'https://tass.com/politics/1981234',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'tass.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://t.me/s/sputnik_az/20251',
        category: 'primary',
        kind: 'social',
        region: 'article',
        domain: 't.me',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.youtube.com/watch?v=Yk4bNz0lR2c',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.caucasus-observer.com/politics/2024/12/26/azal-crash-what-we-know',
        category: 'self',
        kind: 'web',
        region: 'article',
        domain: 'caucasus-observer.com',
        date: '2024-12-26',
        dateSource: 'url',
      },
      {
        url: 'https://annawrites.substack.com/p/the-corridor-nobody-wanted',
        category: 'primary',
        kind: 'blog',
        region: 'comments',
        domain: 'substack.com',
        date: null,
        dateSource: null,
      },
    ]);
  });

  it('counts a target cited twice (once through a Disqus wrapper) as one item', () => {
    const statement = report.links.find((l) => l.domain === 'interior.gov.az');
    expect(statement?.occurrences).toBe(2);
    expect(report.page.published).toBe('2025-07-01');
    const anna = report.links.find((l) => l.domain === 'substack.com');
    expect(anna?.comment).toMatchObject({ id: 'comment-5519', author: 'Anna', date: '2025-07-02' });
  });

  it("reads a wrapper's class words as layout when it holds the page's main part, near the top alone", () => {
    const page = (wrapper: string, related = '') =>
      scanHtml(
        `<html><body><div class="${wrapper}"><header><a href="/">Home</a></header>
<div class="content"><main><article><p>The ministry's <a href="https://mfa.example.gov/statement">statement</a> came late.</p></article>
${related}</main></div><aside class="sidebar"><a href="https://blogroll.example.net/">A friend</a></aside></div></body></html>`,
        'https://news.example.com/2025/07/story',
      );
    for (const wrapper of [
      'site header-fixed',
      'grid flex-left-nav',
      'layout menu-open',
      'wrap sidebar-right',
    ]) {
      const report = page(wrapper);
      expect(
        cited(report).map((l) => l.url),
        wrapper,
      ).toEqual(['https://mfa.example.gov/statement']);
      expect(
        report.links.find((l) => l.url === 'https://blogroll.example.net/'),
        wrapper,
      ).toMatchObject({
        category: 'other',
        why: 'sidebar',
      });
    }
    // A box of related stories inside the main part is still furniture, articles and all.
    const related =
      '<div class="related-posts"><article><a href="https://news.example.com/2025/06/older">An older story</a></article></div>';
    expect(page('site', related).links.find((l) => l.text === 'An older story')).toMatchObject({
      category: 'other',
      why: 'related',
    });
  });
});

describe('Wikipedia article (MediaWiki, a platform without an adapter)', () => {
  const report = scanFixture('wikipedia-article.html', 'https://en.wikipedia.org/wiki/Zangezur_corridor');
  const wiki = (title: string) => `https://en.wikipedia.org/wiki/${title}`;

  it("cites the body's wikilinks and its references, dated by their citations, an original and its archived copy as one item", () => {
    const rows = cited(report).map(({ url, category, kind, region, date, dateSource }) => {
      expect(region).toBe('article');
      return [url, category, kind, date, dateSource];
    });
    expect(rows).toEqual([
      [wiki('File:Zangezur_corridor_map.svg'), 'media', 'image', null, null],
      [wiki('Azerbaijan'), 'self', 'reference', null, null],
      [wiki('Nakhchivan_Autonomous_Republic'), 'self', 'reference', null, null],
      [wiki('Armenia'), 'self', 'reference', null, null],
      [wiki('Syunik_Province'), 'self', 'reference', null, null],
      [wiki('2020_Nagorno-Karabakh_ceasefire_agreement'), 'self', 'reference', null, null],
      [wiki('Lachin_corridor'), 'self', 'reference', null, null],
      [wiki('Middle_Corridor'), 'self', 'reference', null, null],
      // Each reference's COinS dates the work it cites, better than the archive's first sight of it.
      [
        'https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor',
        'primary',
        'news',
        '2021-05-10',
        'citation',
      ],
      ['http://en.kremlin.ru/events/president/news/64384', 'primary', 'government', '2020-11-10', 'citation'],
      // The DOI's year stands: a date from an address or an ID ranks above a citation's.
      ['https://doi.org/10.1080%2F00396338.2021.1956222', 'primary', 'academic', '2021', 'id'],
      // A book cited by its ISBN and its library record.
      [wiki('Special:BookSources/978-0-7656-3003-2'), 'primary', 'book', '2011', 'citation'],
      ['https://search.worldcat.org/oclc/663444426', 'primary', 'book', '2011', 'citation'],
    ]);
    const kremlin = report.links.find((l) => l.domain === 'kremlin.ru');
    expect(kremlin?.occurrences).toBe(2);
    expect(kremlin?.archived?.url).toBe(
      'https://web.archive.org/web/20201110051722/http://en.kremlin.ru/events/president/news/64384',
    );
  });

  it('keeps section edit links, categories, the permanent link, navboxes and the page tools out of the groups', () => {
    const why = (url: string) => report.links.find((l) => l.url === url);
    const edit = 'https://en.wikipedia.org/w/index.php?title=Zangezur_corridor&action=edit';
    expect(why(`${edit}&section=1`)).toMatchObject({ category: 'other', why: 'edit' });
    expect(why(`${edit}&section=3`)).toMatchObject({ category: 'other', why: 'edit' });
    expect(why(wiki('Category:Transport_in_Armenia'))).toMatchObject({ category: 'other', why: 'meta' });
    expect(why(wiki('Help:Category'))).toMatchObject({ category: 'other', why: 'meta' });
    expect(
      why('https://en.wikipedia.org/w/index.php?title=Zangezur_corridor&oldid=1298765432'),
    ).toMatchObject({ category: 'other', why: 'footer' });
    expect(why(wiki('Rail_transport_in_Armenia'))).toMatchObject({ category: 'other', why: 'navigation' });
    expect(why(wiki('Talk:Zangezur_corridor'))).toMatchObject({ category: 'other' });
    // The citation templates' links from an identifier's name to the article about it are labels.
    for (const label of ['Doi_(identifier)', 'ISBN_(identifier)', 'OCLC_(identifier)'])
      expect(why(wiki(label))).toMatchObject({ category: 'other', region: 'chrome', why: 'identifier' });
    // So are their links to the wiki's articles on the source's author and publisher.
    for (const about of ['Eurasianet', 'Thomas_de_Waal'])
      expect(why(wiki(about))).toMatchObject({
        category: 'other',
        region: 'chrome',
        why: 'citation details',
      });
    expect(report.counts).toEqual({ primary: 5, self: 7, media: 1, other: 28 });
  });
});

describe('Hacker News item', () => {
  const report = scanFixture('hacker-news-item.html', 'https://news.ycombinator.com/item?id=41234567');

  it('cites the story and what its comments cite, each with its commenter and date', () => {
    const rows = citedWithComments(report).map((l) => [
      l.url,
      l.category,
      l.kind,
      l.region,
      l.date,
      l.comment?.author ?? null,
      l.comment?.id ?? null,
    ]);
    expect(rows).toEqual([
      [
        'https://news.az/news/what-is-happening-between-azerbaijan-and-russia',
        'primary',
        'news',
        'article',
        null,
        null,
        null,
      ],
      [
        'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
        'primary',
        'blog',
        'comments',
        '2021-10-17',
        'penny',
        '41234600',
      ],
      [
        'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
        'media',
        'image',
        'comments',
        null,
        'penny',
        '41234600',
      ],
      [
        'https://en.wikipedia.org/wiki/Zangezur_corridor',
        'primary',
        'reference',
        'comments',
        null,
        'skeptic9',
        '41234610',
      ],
      [
        'https://treaties.un.org/doc/Publication/UNTS/Volume%201/v1.pdf',
        'primary',
        'document',
        'comments',
        null,
        'skeptic9',
        '41234610',
      ],
      [
        'https://www.youtube.com/watch?v=QijsFn5iEv4',
        'media',
        'video',
        'comments',
        null,
        'mapnerd',
        '41234620',
      ],
      [
        'https://news.ycombinator.com/item?id=30012345',
        'self',
        'social',
        'comments',
        null,
        'oldtimer',
        '41234630',
      ],
      [
        'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-2021-05-14/',
        'primary',
        'news',
        'comments',
        '2021-05-14',
        'oldtimer',
        '41234630',
      ],
    ]);
    expect(report.links.find((l) => l.domain === 'reuters.com')?.comment?.date).toBe('2025-07-03');
  });

  it('knows the platform and when the story was submitted; headers, votes, replies and the site bar are furniture', () => {
    expect(report.page).toMatchObject({ platform: 'hackernews', published: '2025-07-03' });
    const other = (path: string) =>
      report.links.find((l) => l.url === `https://news.ycombinator.com/${path}`);
    expect(other('from?site=news.az')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('user?id=penny')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('item?id=41234600')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('vote?id=41234600&how=up&goto=item%3Fid%3D41234567')).toMatchObject({ why: 'vote' });
    expect(other('reply?id=41234600&goto=item%3Fid%3D41234567%2341234600')).toMatchObject({ why: 'reply' });
    expect(other('newest')).toMatchObject({ category: 'other', why: 'header' });
    expect(other('newsguidelines.html')).toMatchObject({ category: 'other', why: 'footer' });
    expect(report.counts).toEqual({ primary: 5, self: 1, media: 2, other: 42 });
  });
});

describe('Stack Overflow question (Q&A without an adapter)', () => {
  const PAGE = 'https://stackoverflow.com/questions/67412345/how-do-i-parse-a-url-relative-to-a-base';
  const report = scanFixture('stack-overflow-question.html', PAGE);

  it("cites the question's, the answer's and the comments' links, with the comment's author and date", () => {
    const rows = citedWithComments(report).map((l) => [
      l.url,
      l.category,
      l.region,
      l.comment?.author ?? null,
      l.comment?.date ?? null,
    ]);
    expect(rows).toEqual([
      ['https://developer.mozilla.org/en-US/docs/Web/API/URL/URL', 'primary', 'article', null, null],
      ['https://url.spec.whatwg.org/', 'primary', 'comments', 'bob', '2021-05-10'],
      [
        'https://stackoverflow.com/questions/470832/getting-an-absolute-url-from-a-relative-one-ie6-issue',
        'self',
        'comments',
        'bob',
        '2021-05-10',
      ],
      ['https://html.spec.whatwg.org/multipage/urls-and-fetching.html', 'primary', 'article', null, null],
    ]);
    // Documentation and standards are references.
    expect(
      cited(report)
        .filter((l) => l.kind === 'reference')
        .map((l) => l.domain),
    ).toEqual(['mozilla.org', 'whatwg.org', 'whatwg.org']);
  });

  it("keeps the askers' and answerers' cards, the commenter's name, tags and post menus out of the groups", () => {
    const other = (path: string) => report.links.find((l) => l.url === `https://stackoverflow.com${path}`);
    expect(other('/users/15890001/alice-dev')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('/users/3000/carol')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('/users/2000/bob')).toMatchObject({ category: 'other', why: 'author' });
    expect(other('/questions/tagged/javascript')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('/posts/67412345/edit')).toMatchObject({ category: 'other' });
    expect(report.counts).toEqual({ primary: 3, self: 1, media: 0, other: 17 });
  });
});

describe('Discourse topic (a forum without an adapter)', () => {
  const report = scanFixture(
    'discourse-topic.html',
    'https://forum.caucasus.example/t/zangezur-corridor-what-changed-in-2025/4521',
  );

  it("cites the posts' links, a link shown only as its preview (an aside in the post) among them", () => {
    expect(cited(report).map((l) => [l.url, l.category, l.kind, l.region, l.date])).toEqual([
      [
        'https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor',
        'primary',
        'news',
        'article',
        null,
      ],
      ['https://en.wikipedia.org/wiki/Zangezur_corridor', 'primary', 'reference', 'article', null],
      [
        'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
        'media',
        'image',
        'article',
        null,
      ],
      [
        'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-2025-07-01/',
        'primary',
        'news',
        'article',
        '2025-07-01',
      ],
    ]);
    expect(report.counts).toEqual({ primary: 3, self: 0, media: 1, other: 13 });
  });

  it('still keeps an aside of the page or of its main part, or a "read more" box in an article, out of the groups', () => {
    const { links } = scanHtml(
      `<html><body><main><article><p>The article, long enough to be prose about the corridor and its history.</p>
        <aside class="read-more"><a href="https://news.example.com/other-story">Other story</a></aside>
        <aside class="note">Note: <a href="https://data.stats-office.example/table">the data</a>.</aside></article>
        <aside><a href="https://tags.example.net/corridors">Corridors</a></aside></main>
        <aside><a href="https://blogroll.example.net/">A friend</a></aside></body></html>`,
      'https://site.example.org/post',
    );
    expect(links.map((l) => [l.url, l.category, l.why ?? null])).toEqual([
      ['https://news.example.com/other-story', 'other', 'related'],
      ['https://data.stats-office.example/table', 'primary', null],
      ['https://tags.example.net/corridors', 'other', 'sidebar'],
      ['https://blogroll.example.net/', 'other', 'sidebar'],
    ]);
  });
});

describe('old Reddit thread (a forum without an adapter)', () => {
  const THREAD = 'https://old.reddit.com/r/geopolitics/comments/1abcde/the_zangezur_corridor_explained/';
  const report = scanFixture('old-reddit-thread.html', THREAD);

  it("cites the post and its comments, which old Reddit renders inside forms, with the comment's author", () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'eurasianet.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.crisisgroup.org/europe-central-asia/caucasus/armenia-azerbaijan/2021-report',
        category: 'primary',
        kind: 'reference',
        region: 'article',
        domain: 'crisisgroup.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
        category: 'primary',
        kind: 'blog',
        region: 'comments',
        domain: 'pennyforyourthoughts2.ca',
        date: '2021-10-17',
        dateSource: 'url',
      },
    ]);
    expect(report.links.find((l) => l.domain === 'pennyforyourthoughts2.ca')?.comment).toEqual({
      id: 'thing_t1_k1',
      author: 'penny_ca',
      date: '2025-07-03',
    });
  });

  it("keeps the comment's permalink, the user links and the buttons out of the groups", () => {
    expect(report.links.find((l) => l.url === `${THREAD}k1/`)).toMatchObject({
      category: 'other',
      why: 'meta',
    });
    expect(report.links.find((l) => l.url === 'https://old.reddit.com/user/penny_ca')?.category).toBe(
      'other',
    );
    expect(report.counts).toEqual({ primary: 3, self: 0, media: 0, other: 13 });
  });

  it('takes a form a reader fills in as furniture, and one of hidden inputs only as the text it holds', () => {
    const page = (form: string) =>
      scanHtml(
        `<html><body><main><p>The post, long enough to be prose about the corridor and its history.</p>${form}</main></body></html>`,
        'https://forum.example.org/t/1',
      );
    const inside = '<p>See <a href="https://news.example.com/story">the story</a>.</p>';
    for (const control of [
      '<textarea name="text"></textarea>',
      '<input type="search" name="q">',
      '<input name="email">',
      '<button>Send</button>',
      '<select name="s"><option>a</option></select>',
    ]) {
      const [link] = page(`<form action="/post">${inside}${control}</form>`).links;
      expect(link, control).toMatchObject({ category: 'other', why: 'form' });
    }
    const [link] = page(
      `<form action="#"><input type="hidden" name="thing_id" value="t1">${inside}</form>`,
    ).links;
    expect(link).toMatchObject({ category: 'primary', region: 'article' });
  });

  it('reads a page that one form wraps whole, search box and all (ASP.NET WebForms)', () => {
    const report = scanFixture(
      'webforms-statement.html',
      'https://mfa.example.gov/en/news/statement.aspx?id=123',
    );
    expect(cited(report).map((l) => [l.url, l.category, l.kind, l.region])).toEqual([
      ['https://www.osce.org/minsk-group/statement-2025', 'primary', 'government', 'article'],
      ['http://en.kremlin.ru/supplement/5620', 'primary', 'government', 'article'],
    ]);
    // The header's links (the breadcrumb repeats two of them), then the footer's: none of them 'form'.
    expect(report.links.filter((l) => l.category === 'other').map((l) => [l.url, l.why])).toEqual([
      ['https://mfa.example.gov/en/', 'header'],
      ['https://mfa.example.gov/en/news/', 'header'],
      ['https://mfa.example.gov/en/about/', 'header'],
      ['https://mfa.example.gov/en/contacts/', 'footer'],
      ['https://mfa.example.gov/en/sitemap/', 'footer'],
    ]);
  });
});

describe('Substack post (a newsletter platform without an adapter)', () => {
  const POST = 'https://caucasusnotes.substack.com/p/the-corridor-question';
  const report = scanFixture('substack-post.html', POST);

  it("cites the post's links, its image and its embedded video, and the earlier post as its own", () => {
    expect(cited(report).map((l) => [l.url, l.category, l.kind, l.date])).toEqual([
      [
        'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-stall-over-transit-route-2025-06-30/',
        'primary',
        'news',
        '2025-06-30',
      ],
      [
        'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
        'primary',
        'news',
        null,
      ],
      ['https://caucasusnotes.substack.com/p/zangezur-explained', 'self', 'blog', null],
      [
        'https://substackcdn.com/image/fetch/$s_!Xq1c!,f_auto,q_auto:good,fl_progressive:steep/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2F6b1f2c3d-map.png',
        'media',
        'image',
        null,
      ],
      // The embed's youtube-nocookie.com address is the video.
      ['https://www.youtube.com/watch?v=QijsFn5iEv4', 'media', 'video', null],
      // In a footnote.
      [
        'https://www.un.org/unispal/document/trilateral-statement-10-november-2020/',
        'primary',
        'government',
        null,
      ],
    ]);
    expect(report.page).toMatchObject({
      title: 'The corridor question',
      published: '2025-07-02',
      platform: 'generic',
    });
    // The image link's only words are its "Restack" button's: it is named by the figure's caption instead, and
    // the button's word is in neither.
    const image = report.links.find((l) => l.kind === 'image');
    expect([image?.text, image?.context]).toEqual([
      'The route through Syunik, as RFE/RL mapped it.',
      'The route through Syunik, as RFE/RL mapped it.',
    ]);
  });

  it("keeps the buttons inside the post's text out of the groups: subscribe, share, leave a comment", () => {
    const other = (url: string) => report.links.find((l) => l.url === url);
    expect(other('https://caucasusnotes.substack.com/subscribe?')).toMatchObject({
      category: 'other',
      kind: 'subscribe',
      region: 'article',
    });
    expect(
      other(`${POST}?utm_source=substack&utm_medium=email&utm_content=share&action=share`),
    ).toMatchObject({
      category: 'other',
      kind: 'share',
    });
    // The post's own comments page, where its "Leave a comment" button (and the comment counts) go.
    expect(other(`${POST}/comments`)).toMatchObject({ category: 'other', kind: 'anchor', region: 'article' });
    expect(other('https://substack.com/@annwriter')).toMatchObject({ category: 'other', why: 'header' });
    expect(report.counts).toEqual({ primary: 3, self: 1, media: 2, other: 13 });
  });
});

describe('new Reddit thread (shreddit web components)', () => {
  const THREAD = 'https://www.reddit.com/r/geopolitics/comments/1abcde/the_zangezur_corridor_explained/';
  const report = scanFixture('new-reddit-thread.html', THREAD);

  it("cites the post's link and text and the comments' links, each with its comment's author, date and id", () => {
    const rows = citedWithComments(report).map((l) => [
      l.url,
      l.category,
      l.kind,
      l.region,
      l.date,
      l.comment ?? null,
    ]);
    const k1 = { id: 't1_k1', author: 'penny_ca', date: '2025-07-03' };
    const k2 = { id: 't1_k2', author: 'mapnerd', date: '2025-07-03' };
    expect(rows).toEqual([
      [
        'https://eurasianet.org/armenia-and-azerbaijan-spar-over-corridor',
        'primary',
        'news',
        'article',
        null,
        null,
      ],
      [
        'https://www.crisisgroup.org/europe-central-asia/caucasus/armenia-azerbaijan/2021-report',
        'primary',
        'reference',
        'article',
        null,
        null,
      ],
      [
        'https://pennyforyourthoughts2.ca/2021/10/17/russia-proposes-caucasus-iran-turkey-security-bloc/',
        'primary',
        'blog',
        'comments',
        '2021-10-17',
        k1,
      ],
      // A bare URL in a nested reply, and a youtu.be link with its share parameter: the video.
      [
        'https://gdb.rferl.org/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png',
        'media',
        'image',
        'comments',
        null,
        k2,
      ],
      ['https://www.youtube.com/watch?v=QijsFn5iEv4', 'media', 'video', 'comments', null, k2],
      [
        'https://www.reddit.com/r/geopolitics/comments/qx91zz/armenia_azerbaijan_and_the_meghri_route/',
        'primary',
        'social',
        'comments',
        null,
        { id: 't1_k3', author: 'oldtimer', date: '2025-07-03' },
      ],
    ]);
    // The post's link is its media card and its text's first link: one item, seen twice.
    expect(report.links.find((l) => l.domain === 'eurasianet.org')?.occurrences).toBe(2);
  });

  it("knows the platform, the post's title and when it was posted; credit bars, headers, menus and ads are furniture", () => {
    expect(report.page).toMatchObject({
      platform: 'reddit',
      title: 'The Zangezur corridor, explained',
      published: '2025-07-03',
    });
    const other = (url: string) => report.links.find((l) => l.url === url);
    expect(other('https://www.reddit.com/r/geopolitics/')).toMatchObject({ category: 'other', why: 'meta' });
    expect(other('https://www.reddit.com/user/caucasus_watcher/')).toMatchObject({
      category: 'other',
      why: 'meta',
    });
    for (const user of ['penny_ca', 'mapnerd', 'oldtimer'])
      expect(other(`https://www.reddit.com/user/${user}/`), user).toMatchObject({
        category: 'other',
        why: 'meta',
      });
    expect(other(`https://www.reddit.com/r/geopolitics/comments/1abcde/comment/k2/`)).toMatchObject({
      category: 'other',
      why: 'meta',
    });
    expect(other(`${THREAD}?sort=new`)).toMatchObject({ category: 'other', why: 'menu' });
    expect(other('https://www.reddit.com/r/popular/')).toMatchObject({
      category: 'other',
      why: 'navigation',
    });
    // Outside the <nav>, in the left sidebar: the sidebar's element names it.
    expect(other('https://www.redditinc.com/policies/content-policy')).toMatchObject({ why: 'navigation' });
    expect(other('https://www.foreignaffairs.com/')).toMatchObject({ category: 'other', why: 'sidebar' });
    expect(other('https://alb.reddit.com/cr?z=gAAAAABo1234&ad=t3_promo')).toMatchObject({
      category: 'other',
    });
    expect(report.counts).toEqual({ primary: 4, self: 0, media: 2, other: 23 });
  });

  it("names a comment's author from the comment itself when its header has no author link", () => {
    const html = fixtureHtml('new-reddit-thread.html').replace(
      /<faceplate-tracker source="post_detail" action="click" noun="comment_author"><a href="\/user\/oldtimer\/"[^>]*>oldtimer<\/a><\/faceplate-tracker>/,
      '<span>[deleted]</span>',
    );
    expect(html).not.toContain('href="/user/oldtimer/"');
    const link = scanHtml(html, THREAD).links.find((l) => l.text === 'the Meghri route thread');
    expect(link?.comment).toEqual({ id: 't1_k3', author: 'oldtimer', date: '2025-07-03' });
  });
});

describe('YouTube after in-app navigation', () => {
  it('ignores microdata left over from the video the page first loaded', async () => {
    const { fixtureHtml, scanHtml } = await import('../helpers/fixtures');
    const stale = `<div itemscope itemtype="http://schema.org/VideoObject"><meta itemprop="identifier" content="dQw4w9WgXcQ">
      <meta itemprop="uploadDate" content="2009-10-25"><span itemprop="author" itemscope><link itemprop="url" href="https://www.youtube.com/@SomeoneElse"></span></div>`;
    const fresh = `<div itemscope itemtype="http://schema.org/VideoObject"><meta itemprop="identifier" content="QijsFn5iEv4">
      <meta itemprop="uploadDate" content="2018-01-19"><span itemprop="author" itemscope><link itemprop="url" href="https://www.youtube.com/@GeopoliticsExplained"></span></div>`;
    const page = (extra: string) =>
      fixtureHtml('youtube-watch.html').replace('<ytd-app>', `${extra}<ytd-app>`);
    const staleReport = scanHtml(page(stale), 'https://www.youtube.com/watch?v=QijsFn5iEv4');
    expect(staleReport.page.published).toBe('2018-01-20');
    expect(staleReport.page.site.identities).not.toContain('youtube:@someoneelse');
    const freshReport = scanHtml(page(fresh), 'https://www.youtube.com/watch?v=QijsFn5iEv4');
    expect(freshReport.page.published).toBe('2018-01-19');
  });
});

describe('Ghost post (Casper theme: cards in the text, a members portal, read-more cards)', () => {
  const POST = 'https://corridorwatch.net/who-holds-the-keys-to-the-zangezur-corridor/';
  const report = scanFixture('ghost-post.html', POST);

  it("cites the post's links, its bookmark card, its linked map and its embedded video; its older piece as its own", () => {
    expect(cited(report)).toEqual([
      {
        url: 'https://news.az/news/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'news.az',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://president.az/en/articles/view/45923',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'president.az',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.primeminister.am/en/press-release/item/2025/06/24/Nikol-Pashinyan-meeting/',
        category: 'primary',
        kind: 'government',
        region: 'article',
        domain: 'primeminister.am',
        date: '2025-06-24',
        dateSource: 'url',
      },
      {
        // The bookmark card's address without the `?ref=corridorwatch.net` Ghost adds to every outbound link.
        url: 'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-stall-over-transit-route-2025-06-30/',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'reuters.com',
        date: '2025-06-30',
        dateSource: 'url',
      },
      {
        url: 'https://corridorwatch.net/russian-surveyors-in-syunik/',
        category: 'self',
        kind: 'web',
        region: 'article',
        domain: 'corridorwatch.net',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://pennyforyourthoughts2.ca/2021/10/17/russia-azerbaijan-armenia-the-corridor-talks/',
        category: 'primary',
        kind: 'blog',
        region: 'article',
        domain: 'pennyforyourthoughts2.ca',
        date: '2021-10-17',
        dateSource: 'url',
      },
      {
        url: 'https://gdb.rferl.org/7A2C41F0-3E2B-4A5D-9C1E-6B8F0D2A4E17_w1023_s.png',
        category: 'media',
        kind: 'image',
        region: 'article',
        domain: 'rferl.org',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.youtube.com/watch?v=QijsFn5iEv4',
        category: 'media',
        kind: 'video',
        region: 'article',
        domain: 'youtube.com',
        date: null,
        dateSource: null,
      },
      {
        url: 'https://www.rferl.org/a/azerbaijan-russia-sputnik-raid-arrests/33462001.html',
        category: 'primary',
        kind: 'news',
        region: 'article',
        domain: 'rferl.org',
        date: null,
        dateSource: null,
      },
    ]);
    expect(report.page).toMatchObject({
      title: 'Who holds the keys to the Zangezur corridor?',
      published: '2025-07-08',
      platform: 'generic',
    });
  });

  it('names the bookmark card by its title and gives it the sentence that introduces it; the video likewise', () => {
    const link = (domain: string, kind: string) =>
      report.links.find((l) => l.domain === domain && l.kind === kind);
    expect([link('reuters.com', 'news')?.text, link('reuters.com', 'news')?.context]).toEqual([
      'Armenia-Azerbaijan talks stall over transit route',
      'Reuters reported last week that the talks had stalled on exactly this point: Armenia-Azerbaijan talks stall over transit route',
    ]);
    expect(link('youtube.com', 'video')?.context).toBe(
      'Officials in Baku made the same case on camera at the Shusha forum:',
    );
    expect(link('rferl.org', 'image')?.context).toBe(
      "The proposed route, after RFE/RL's map of the 2020 statement.",
    );
  });

  it('keeps the header, byline, photo credit, portal links, read-more cards and footer out of the groups', () => {
    const other = (url: string) => report.links.find((l) => l.url === url);
    for (const [url, why] of [
      ['https://corridorwatch.net/tag/analysis/', 'header'],
      ['https://corridorwatch.net/author/lena/', 'header'],
      ['https://unsplash.com/@arpikh', 'header'],
      ['https://corridorwatch.net/the-araks-railway-in-six-maps/', 'sidebar'],
      ['https://corridorwatch.net/nakhchivan-after-the-ceasefire/', 'sidebar'],
      ['https://ghost.org/', 'footer'],
    ]) {
      expect(other(url!), url).toMatchObject({ category: 'other', region: 'chrome', why });
    }
    // The members portal opens over the page: sign in from the header, subscribe from the header, the footer and
    // the button card in the text.
    expect(other(`${POST}#/portal/signin`)).toMatchObject({
      category: 'other',
      kind: 'login',
      why: 'header',
    });
    expect(other(`${POST}#/portal/signup`)).toMatchObject({
      category: 'other',
      kind: 'subscribe',
      region: 'article',
      text: 'Get the next map in your inbox',
    });
    expect(other(`${POST}#/portal/`)).toMatchObject({ category: 'other', kind: 'subscribe', why: 'footer' });
    expect(other('mailto:desk@corridorwatch.net')).toMatchObject({ category: 'other', kind: 'email' });
    expect(report.counts).toEqual({ primary: 6, self: 1, media: 2, other: 15 });
  });
});

describe('WordPress post in a block theme (Twenty Twenty-Five): references, footnotes, a file block, comments', () => {
  const POST = 'https://silkroadmetrics.org/2025/06/18/does-the-middle-corridor-pay/';
  const report = scanFixture('wordpress-block-theme-post.html', POST);
  const link = (url: string) => report.links.find((l) => l.url === url)!;

  it('cites the text, its references and footnotes, dated by their DOIs, IDs and URLs; its own accounts as its own', () => {
    const article = (
      url: string,
      category: string,
      kind: string,
      domain: string,
      date: string | null,
      dateSource: string | null,
    ) => ({ url, category, kind, region: 'article', domain, date, dateSource });
    expect(cited(report)).toEqual([
      article(
        'https://www.worldbank.org/en/topic/transport/publication/middle-trade-and-transport-corridor',
        'primary',
        'reference',
        'worldbank.org',
        null,
        null,
      ),
      // Written as text, "(doi:10.1080/…)": Taylor & Francis numbers its articles by year.
      article(
        'https://doi.org/10.1080/15387216.2023.2201234',
        'primary',
        'academic',
        'doi.org',
        '2023',
        'id',
      ),
      // ScienceDirect's PII S0967-070X(19)30123-4.
      article(
        'https://www.sciencedirect.com/science/article/pii/S0967070X19301234',
        'primary',
        'academic',
        'sciencedirect.com',
        '2019',
        'id',
      ),
      article('https://arxiv.org/abs/2304.01234', 'primary', 'academic', 'arxiv.org', '2023-04', 'id'),
      // The file block's embedded PDF, its name and its Download button are one item.
      article(
        'https://silkroadmetrics.org/wp-content/uploads/2025/06/middle-corridor-freight-2019-2024.pdf',
        'media',
        'embed',
        'silkroadmetrics.org',
        '2025-06',
        'url',
      ),
      // LinkedIn's activity ID: 7302416517034217472 >> 22 ms is 2025-03-03 19:56 UTC.
      article(
        'https://www.linkedin.com/posts/middlecorridorassociation_titr-caspian-freight-activity-7302416517034217472-Xb3a',
        'primary',
        'social',
        'linkedin.com',
        '2025-03-03',
        'id',
      ),
      article(
        'https://silkroadmetrics.org/2024/11/02/who-sets-the-caspian-tariff/',
        'self',
        'blog',
        'silkroadmetrics.org',
        '2024-11-02',
        'url',
      ),
      article(
        'https://doi.org/10.1016/j.tranpol.2019.08.004',
        'primary',
        'academic',
        'doi.org',
        '2019',
        'id',
      ),
      article(
        'https://documents1.worldbank.org/curated/en/099112923115541234/pdf/P1781270ab1cd20d2093e30ff2b4a2ac9d5.pdf',
        'primary',
        'document',
        'worldbank.org',
        null,
        null,
      ),
      // The footnotes' links.
      article('https://middlecorridor.com/en/statistics', 'primary', 'web', 'middlecorridor.com', null, null),
      article('https://doi.org/10.5281/zenodo.7812345', 'primary', 'academic', 'doi.org', null, null),
      // "Follow the data updates on X and Bluesky": the site's own accounts.
      article('https://x.com/silkroadmetrics', 'self', 'social', 'x.com', null, null),
      article('https://bsky.app/profile/silkroadmetrics.org', 'self', 'social', 'bsky.app', null, null),
      {
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7163147469877407744/',
        category: 'primary',
        kind: 'social',
        region: 'comments',
        domain: 'linkedin.com',
        date: '2024-02-13',
        dateSource: 'id',
      },
      {
        url: 'https://www.researchgate.net/publication/335012345_Rail_freight_across_Eurasia',
        category: 'primary',
        kind: 'academic',
        region: 'comments',
        domain: 'researchgate.net',
        date: null,
        dateSource: null,
      },
    ]);
  });

  it("reads the block theme's comments (author block, date, reply) and keeps the theme's furniture out", () => {
    expect(report.page).toMatchObject({ published: '2025-06-18', platform: 'wordpress' });
    expect(link('https://www.linkedin.com/feed/update/urn:li:activity:7163147469877407744/').comment).toEqual(
      {
        id: 'comment-88',
        author: 'Ruslan Aliyev',
        date: '2025-06-19',
      },
    );
    // A reply by the post's author, whose name is no link.
    expect(
      link('https://www.researchgate.net/publication/335012345_Rail_freight_across_Eurasia').comment,
    ).toEqual({
      id: 'comment-90',
      author: 'Ayla Karimova',
      date: '2025-06-19',
    });
    for (const [url, why] of [
      ['https://silkroadmetrics.org/data/', 'header'],
      ['https://silkroadmetrics.org/author/ayla/', 'meta'],
      ['https://silkroadmetrics.org/category/trade/', 'meta'],
      ['https://silkroadmetrics.org/2025/05/27/kazakh-rail-tariffs-2025/', 'navigation'],
      ['https://ruslan-aliyev.example.com/', 'meta'],
      ['https://silkroadmetrics.org/privacy/', 'footer'],
    ]) {
      expect(link(url!), url).toMatchObject({ category: 'other', region: 'chrome', why });
    }
    expect(link('https://silkroadmetrics.org/wp-admin/comment.php?action=editcomment&c=88')).toMatchObject({
      category: 'other',
      kind: 'login',
    });
  });

  it('gives each link its own sentence: footnote marks end the one before, the file block takes its introduction', () => {
    expect(link('https://www.sciencedirect.com/science/article/pii/S0967070X19301234').context).toBe(
      'An earlier paper in Transport Policy had already found the Caspian crossing to be the bottleneck, and a working paper on port congestion models the ferry queues at Alat.',
    );
    expect(
      link('https://silkroadmetrics.org/wp-content/uploads/2025/06/middle-corridor-freight-2019-2024.pdf')
        .context,
    ).toBe('I used the corridor association’s monthly figures and the published dataset of the 2024 study:');
    // Named by its link, not by WordPress's "Embed of …" label.
    expect(
      link('https://silkroadmetrics.org/wp-content/uploads/2025/06/middle-corridor-freight-2019-2024.pdf'),
    ).toMatchObject({ text: 'Middle corridor freight 2019–2024', source: 'object', occurrences: 3 });
    // A reference is read whole, authors and title before the DOI that ends it.
    expect(link('https://doi.org/10.1016/j.tranpol.2019.08.004')).toMatchObject({
      text: '10.1016/j.tranpol.2019.08.004',
      source: 'text',
      context:
        'Lee S., Brandt M. Rail freight across Eurasia: a gravity approach. Transport Policy 2019;84:1–12. DOI: 10.1016/j.tranpol.2019.08.004',
    });
  });
});

describe('Medium post (its generated class names say nothing: the article element, the byline, embeds)', () => {
  const POST = 'https://medium.com/@anipetrosyan/the-corridor-that-wasnt-3f2a9c1b7d4e';
  const report = scanFixture('medium-post.html', POST);
  const row = (url: string) => report.links.find((l) => l.url === url);

  it("cites the story's links, its embedded video and the writer's older stories, at both her addresses, as her own", () => {
    expect(cited(report).map(({ url, category, kind, region }) => [url, category, kind, region])).toEqual([
      [
        'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-stall-over-transit-route-2025-06-30/',
        'primary',
        'news',
        'article',
      ],
      ['https://medium.com/@anipetrosyan/zangezur-explained-9a8b7c6d5e4f', 'self', 'blog', 'article'],
      // Her home under her own name on Medium is the same writer's.
      ['https://anipetrosyan.medium.com/the-railway-question-1b2c3d4e5f60', 'self', 'blog', 'article'],
      [
        'https://www.rferl.org/a/armenia-azerbaijan-zangezur-corridor-map/33456789.html',
        'primary',
        'news',
        'article',
      ],
      // Embedly's player, unwrapped to the video it plays, named by its title.
      ['https://www.youtube.com/watch?v=QijsFn5iEv4', 'media', 'video', 'article'],
      [
        'https://www.un.org/unispal/document/trilateral-statement-10-november-2020/',
        'primary',
        'government',
        'article',
      ],
    ]);
    expect(row('https://www.youtube.com/watch?v=QijsFn5iEv4')?.text).toBe(
      'Trilateral statement, 10 November 2020',
    );
    expect(
      row(
        'https://www.reuters.com/world/asia-pacific/armenia-azerbaijan-talks-stall-over-transit-route-2025-06-30/',
      )?.date,
    ).toBe('2025-06-30');
    expect(report.page.published).toBe('2025-06-28');
  });

  it('keeps the byline, the top bar, tags, the writer box, recommendations and the footer out of the groups', () => {
    // Links to the writer the head names (<link rel="author">): the byline's and the writer box's photo and name,
    // and "See all from".
    expect(row('https://medium.com/@anipetrosyan')).toMatchObject({
      category: 'other',
      why: 'byline',
      occurrences: 5,
    });
    for (const url of [
      'https://medium.com/new-story',
      'https://medium.com/tag/geopolitics',
      'https://medium.com/@anipetrosyan/followers',
      'https://medium.com/@anipetrosyan/lachin-after-the-checkpoint-7d8e9f0a1b2c',
      'https://medium.com/@someoneelse/the-middle-corridor-boom-5e6f7a8b9c0d',
      'https://help.medium.com/hc/en-us',
      'https://policy.medium.com/medium-privacy-policy-f03bf92035c9',
    ])
      expect(row(url), url).toMatchObject({ category: 'other', region: 'chrome' });
    expect(report.counts).toEqual({ primary: 3, self: 2, media: 1, other: 17 });
  });
});
