import { describe, expect, it } from 'vitest';
import { actionKind, sortLink } from '../../../lib/classify/classify';
import { isSelf, siteIdentity } from '../../../lib/classify/identity';
import { hostInfo } from '../../../lib/domains/host-info';

const self = (page: string, link: string, owner: string[] = [], aliases: string[] = []) => {
  const url = new URL(link);
  return isSelf(url, hostInfo(url.hostname), siteIdentity(new URL(page), owner, aliases));
};

describe('site identity', () => {
  it.each([
    ['https://pennyforyourthoughts2.ca/x/', 'https://pennyforyourthoughts2.ca/y/', true],
    ['https://pennyforyourthoughts2.ca/x/', 'https://shop.pennyforyourthoughts2.ca/', true],
    [
      'https://pennyforyourthoughts2.ca/x/',
      'https://pennyforyourthoughts2.blogspot.com/2018/01/a.html',
      true,
    ],
    ['https://pennyforyourthoughts2.ca/x/', 'https://pennyforyourthoughts2.wordpress.com/', true],
    ['https://pennyforyourthoughts2.ca/x/', 'https://pennyforyourthoughts2.substack.com/p/a', true],
    [
      'https://pennyforyourthoughts2.blogspot.com/2018/01/',
      'https://pennyforyourthoughts2.ca/2021/10/17/a/',
      true,
    ],
    ['https://pennyforyourthoughts2.ca/x/', 'https://pennyforyourthoughts2.com/', false],
    ['https://pennyforyourthoughts2.ca/x/', 'https://arabisouri.wordpress.com/', false],
    ['https://arabisouri.wordpress.com/a/', 'https://other.wordpress.com/b/', false],
    ['https://arabisouri.wordpress.com/a/', 'https://arabisouri.wordpress.com/c/', true],
    ['https://news.az/a', 'https://news.blogspot.com/', false],
    ['https://medium.com/@writer/post-1', 'https://medium.com/@writer/post-2', true],
    ['https://medium.com/@writer/post-1', 'https://medium.com/@other/post-2', false],
    ['https://x.com/someone/status/1', 'https://x.com/someone', true],
    ['https://x.com/someone/status/1', 'https://x.com/another/status/2', false],
    // The site's name on a platform is one of its homes: its accounts, and what they post.
    ['https://dailyledger.example/2025/05/03/a/', 'https://twitter.com/dailyledger', true],
    [
      'https://dailyledger.example/2025/05/03/a/',
      'https://x.com/DailyLedger/status/1786000000000000000',
      true,
    ],
    ['https://dailyledger.example/2025/05/03/a/', 'https://www.youtube.com/@dailyledger/videos', true],
    ['https://dailyledger.example/2025/05/03/a/', 'https://www.instagram.com/dailyledger/', true],
    ['https://dailyledger.example/2025/05/03/a/', 'https://mastodon.social/@dailyledger', true],
    ['https://dailyledger.example/2025/05/03/a/', 'https://bsky.app/profile/dailyledger.bsky.social', true],
    // On Bluesky a handle that is the site's domain (the domain proves it).
    ['https://dailyledger.example/2025/05/03/a/', 'https://bsky.app/profile/dailyledger.example', true],
    ['https://dailyledger.example/2025/05/03/a/', 'https://bsky.app/profile/news.dailyledger.example', true],
    [
      'https://pennyforyourthoughts2.blogspot.com/2018/01/',
      'https://twitter.com/pennyforyourthoughts2',
      true,
    ],
    // Spelled without the domain's hyphen, or with an underscore for it.
    ['https://www.caucasus-observer.com/politics/a', 'https://www.facebook.com/caucasusobserver', true],
    ['https://www.caucasus-observer.com/politics/a', 'https://x.com/caucasus_observer', true],
    // Another name, a name too short to tell, a page on a platform (a video is not YouTube's own), a domain handle
    // seen from a blog platform, and the platform's own pages are not.
    ['https://dailyledger.example/2025/05/03/a/', 'https://twitter.com/dailyledgerfan', false],
    ['https://dailyledger.example/2025/05/03/a/', 'https://twitter.com/search?q=dailyledger', false],
    ['https://news.az/a', 'https://twitter.com/news', false],
    ['https://www.youtube.com/watch?v=QijsFn5iEv4', 'https://twitter.com/youtube', false],
    [
      'https://pennyforyourthoughts2.blogspot.com/2018/01/',
      'https://bsky.app/profile/other.blogspot.com',
      false,
    ],
  ])('%s cites %s: self %s', (page, link, expected) => {
    expect(self(page, link)).toBe(expected);
  });

  it('knows a YouTube video owner channel', () => {
    const page = 'https://www.youtube.com/watch?v=QijsFn5iEv4';
    expect(
      self(page, 'https://www.youtube.com/@GeopoliticsExplained/videos', ['/@GeopoliticsExplained']),
    ).toBe(true);
    expect(self(page, 'https://www.youtube.com/@Someone', ['/@GeopoliticsExplained'])).toBe(false);
    expect(self(page, 'https://www.youtube.com/watch?v=other', ['/@GeopoliticsExplained'])).toBe(false);
    // The owner's handle is its name on other platforms too.
    expect(self(page, 'https://x.com/GeopoliticsExplained', ['/@GeopoliticsExplained'])).toBe(true);
    expect(self(page, 'https://x.com/GeoExplained', ['/@GeopoliticsExplained'])).toBe(false);
    expect(self(page, 'https://x.com/GeopoliticsExplained')).toBe(false);
  });

  it('honours user aliases', () => {
    expect(
      self('https://pennyforyourthoughts2.ca/', 'https://penny.example.net/a', [], ['example.net']),
    ).toBe(true);
    expect(
      self(
        'https://pennyforyourthoughts2.ca/',
        'https://penny.example.net/a',
        [],
        ['https://penny.example.net/'],
      ),
    ).toBe(true);
    expect(self('https://pennyforyourthoughts2.ca/', 'https://other.net/a', [], ['example.net'])).toBe(false);
  });
});

describe('sorting', () => {
  const id = siteIdentity(new URL('https://pennyforyourthoughts2.ca/post/'), [], []);
  const sort = (href: string, source: 'a' | 'iframe' = 'a', region: 'article' | 'chrome' = 'article') => {
    const url = new URL(href);
    return sortLink({ url, info: hostInfo(url.hostname), source, region }, id);
  };
  it('puts media first, then self, then primary; chrome is other', () => {
    expect(sort('https://pennyforyourthoughts2.ca/wp-content/uploads/2020/01/map.png')).toEqual({
      category: 'media',
      kind: 'image',
      self: true,
    });
    expect(sort('https://pennyforyourthoughts2.ca/2020/01/01/post/')).toEqual({
      category: 'self',
      kind: 'blog',
      self: true,
    });
    expect(sort('https://vimeo.com/76979871')).toEqual({ category: 'media', kind: 'video', self: false });
    expect(sort('https://example.org/widget', 'iframe')).toEqual({
      category: 'media',
      kind: 'embed',
      self: false,
    });
    expect(sort('https://www.state.gov/report')).toMatchObject({ category: 'primary', kind: 'government' });
    expect(sort('https://www.ox.ac.uk/paper')).toMatchObject({ category: 'primary', kind: 'academic' });
    // A government's libraries of papers are academic, its other sites government.
    for (const paper of [
      'https://pubmed.ncbi.nlm.nih.gov/32015507/',
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC7092803/',
      'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7092803/',
      'https://www.osti.gov/biblio/1234567',
      'https://hdl.handle.net/10419/123456',
    ])
      expect(sort(paper), paper).toMatchObject({ category: 'primary', kind: 'academic' });
    expect(sort('https://www.nih.gov/news-events/news-releases/x')).toMatchObject({ kind: 'government' });
    // Its web archives are archives; a country's government domain is two letters after go., gov. or gouv.
    expect(sort('https://webarchive.loc.gov/all/20201110/https://example.org/')).toMatchObject({
      kind: 'archive',
    });
    expect(sort('https://www.mofa.go.jp/press/release/x.html')).toMatchObject({ kind: 'government' });
    expect(sort('https://www.diplomatie.gouv.fr/fr/x')).toMatchObject({ kind: 'government' });
    expect(sort('https://abcnews.go.com/International/story?id=123')).toMatchObject({ kind: 'news' });
    expect(sort('https://www.azatutyun.am/a/33456789.html')).toMatchObject({ kind: 'news' });
    // The UN's agencies are governments' bodies, as the UN is.
    expect(sort('https://www.ohchr.org/en/press-releases/2024/01/x')).toMatchObject({ kind: 'government' });
    expect(sort('https://www.crisisgroup.org/europe-central-asia/caucasus/x')).toMatchObject({
      kind: 'reference',
    });
    for (const doc of [
      'https://www.documentcloud.org/documents/24012345-memo',
      'https://www.scribd.com/document/123456/report',
      'https://docs.google.com/document/d/abc/edit',
    ])
      expect(sort(doc), doc).toMatchObject({ kind: 'document' });
    expect(sort('https://imgur.com/a/Xy12Ab')).toMatchObject({ category: 'media', kind: 'image' });
    expect(sort('https://example.org/report.pdf?download=1')).toMatchObject({ kind: 'document' });
    expect(sort('https://img.example.org/photo.JPG?w=500')).toMatchObject({
      category: 'media',
      kind: 'image',
    });
    expect(sort('https://www.google.com/maps/place/Baku')).toMatchObject({ category: 'media', kind: 'map' });
    expect(sort('https://open.spotify.com/episode/abc')).toMatchObject({ category: 'media', kind: 'audio' });
    expect(sort('https://news.az/a', 'a', 'chrome')).toMatchObject({ category: 'other', kind: 'chrome' });
  });

  it.each([
    'https://books.google.com/books?id=Qx8nAQAAMAAJ&pg=PA143',
    'https://books.google.co.uk/books/about/Azerbaijan_Since_Independence.html?id=Qx8nAQAAMAAJ',
    'https://www.google.com/books/edition/Azerbaijan_Since_Independence/Qx8nAQAAMAAJ',
    'https://openlibrary.org/works/OL17356385W',
    'https://openlibrary.org/isbn/9780765630032',
    'https://search.worldcat.org/oclc/663444426',
    'https://www.worldcat.org/title/663444426',
    'https://www.goodreads.com/book/show/9521307',
    'https://www.amazon.com/dp/0765630036',
    'https://www.amazon.de/Azerbaijan-Since-Independence/dp/0765630036/ref=sr_1_1',
    'https://www.gutenberg.org/ebooks/2600',
    'https://bookshop.org/p/books/azerbaijan-since-independence/123',
    'https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2',
    'https://de.wikipedia.org/wiki/Spezial:ISBN-Suche/0306406152',
    // Any site's page that names its book by ISBN in its query.
    'https://www.barnesandnoble.com/w/azerbaijan-since-independence/1100?ean=9780765630032',
    'https://books.google.com/books?vid=ISBN9780765630032',
  ])('%s is a book', (href) => {
    expect(sort(href)).toEqual({ category: 'primary', kind: 'book', self: false });
  });

  it.each([
    // Other goods' Amazon ids start with B0; Google's and the catalogues' other pages are no book's.
    'https://www.amazon.com/dp/B08N5WRWNW',
    'https://www.google.com/search?q=azerbaijan',
    'https://openlibrary.org/search?q=azerbaijan',
    'https://www.goodreads.com/author/show/12345',
    'https://en.wikipedia.org/wiki/Special:Search',
    // A product's EAN that is no ISBN, and an ISBN whose check digit is wrong.
    'https://shop.example.com/item?ean=4006381333931',
    'https://shop.example.com/item?isbn=0306406153',
  ])('%s is no book', (href) => {
    expect(sort(href).kind).not.toBe('book');
  });

  it("counts a wiki's ISBN look-up as the book it names, not as the wiki's own page", () => {
    const wiki = siteIdentity(new URL('https://en.wikipedia.org/wiki/Zangezur_corridor'), [], []);
    const url = new URL('https://en.wikipedia.org/wiki/Special:BookSources/978-0-7656-3003-2');
    const info = hostInfo(url.hostname);
    expect(sortLink({ url, info, source: 'a', region: 'article' }, wiki)).toEqual({
      category: 'primary',
      kind: 'book',
      self: false,
    });
    const article = new URL('https://en.wikipedia.org/wiki/Azerbaijan');
    expect(sortLink({ url: article, info, source: 'a', region: 'article' }, wiki).category).toBe('self');
  });

  it.each([
    ['mailto:a@b.org', 'email'],
    ['tel:+15551234', 'phone'],
    ['javascript:alert(1)', 'script'],
    ['data:text/html,<script>alert(1)</script>', 'script'],
    ['blob:https://example.org/uuid', 'script'],
    ['vbscript:msgbox', 'script'],
    ['ftp://files.example.org/a', 'invalid'],
    ['https://www.facebook.com/sharer/sharer.php?u=x', 'share'],
    ['https://example.org/post/?share=twitter&nb=1', 'share'],
    ['https://example.org/wp-login.php?redirect_to=x', 'login'],
    ['https://medium.com/m/signin?operation=register&redirect=https%3A%2F%2Fmedium.com%2F%40a%2Fb', 'login'],
    ['https://caucasusnotes.substack.com/subscribe?', 'subscribe'],
    ['https://caucasusnotes.substack.com/p/post?utm_content=share&action=share', 'share'],
    ['https://example.org/subscribers/report-2025.pdf', null],
    ['https://example.org/article?action=shared-view', null],
    // Ghost's members portal, opened over the page.
    ['https://corridorwatch.net/post/#/portal/signin', 'login'],
    ['https://corridorwatch.net/post/#/portal/account', 'login'],
    ['https://corridorwatch.net/post/#/portal/signup', 'subscribe'],
    ['https://corridorwatch.net/#/portal/', 'subscribe'],
    ['https://corridorwatch.net/#/portal', 'subscribe'],
    ['https://corridorwatch.net/#/portals-of-the-caucasus', null],
    ['https://example.org/article', null],
  ])('%s is a %s action', (href, kind) => {
    expect(actionKind(new URL(href))).toBe(kind);
  });
});
