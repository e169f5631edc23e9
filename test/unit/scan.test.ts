import { describe, expect, it } from 'vitest';
import { analyze, resolveTarget, TargetCache } from '../../lib/analyze';
import { extractLinks } from '../../lib/extract/extract';
import { mergeFrames, scanNotes, unreadFrames } from '../../lib/scan';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { SEED_URL } from '../fixtures/seed';
import { FIXTURE_PAGES, fixtureHtml, parse } from '../helpers/fixtures';

const extract = (html: string, url: string) => extractLinks(parse(html), url);
const TOP = extract(
  `<html><body><article><p>A post with embeds, cited where they stand.</p>
    <iframe src="https://www.youtube.com/embed/QijsFn5iEv4"></iframe>
    <iframe src="/gallery.html#start"></iframe>
    <iframe src="https://ads.example.net/slot?id=1"></iframe>
    <iframe srcdoc="<p>inline</p>"></iframe></article></body></html>`,
  'https://blog.example.org/post/',
);
const GALLERY = extract(
  '<article><p>Gallery: <a href="https://photos.example.com/1">one</a></p></article>',
  'https://blog.example.org/gallery.html',
);

describe('frames of a tab', () => {
  it('names the embedded frames that did not come back, by host', () => {
    expect(unreadFrames([TOP, GALLERY])).toEqual({ count: 2, hosts: ['www.youtube.com', 'ads.example.net'] });
    expect(unreadFrames([TOP])).toEqual({
      count: 3,
      hosts: ['www.youtube.com', 'blog.example.org', 'ads.example.net'],
    });
  });

  it('does not blame a frame that came back under another URL (a redirect)', () => {
    const moved = { ...GALLERY, page: { ...GALLERY.page, url: 'https://cdn.example.org/gallery/' } };
    const video = extract('<p>video</p>', 'https://www.youtube.com/embed/QijsFn5iEv4?autoplay=0');
    const ad = extract('<p>ad</p>', 'https://ads.example.net/slot?id=1');
    expect(unreadFrames([TOP, moved, video, ad])).toEqual({ count: 0, hosts: [] });
    // An empty frame whose page never arrived comes back as about:blank: still not read.
    const blank = extract('', 'about:blank');
    // Which one is unknown: the gallery came back under another address.
    expect(unreadFrames([TOP, moved, video, blank])).toEqual({ count: 1, hosts: [] });
    expect(unreadFrames([TOP, GALLERY, video, blank])).toEqual({ count: 1, hosts: ['ads.example.net'] });
    expect(scanNotes(TOP.stats, { malformed: 0, count: 1, hosts: [] })[0]).toMatch(
      /^Not read: an embedded frame\. Other sites'/,
    );
  });

  it('says in plain words what was not read', () => {
    const merged = mergeFrames([TOP, GALLERY]);
    expect(scanNotes(merged.stats, { malformed: 1, ...unreadFrames([TOP, GALLERY]) })).toEqual([
      "Not read: 2 embedded frames from www.youtube.com, ads.example.net. Other sites' frames are closed to Link Context, and frames that have not loaded cannot be read.",
      'A frame returned nothing readable.',
    ]);
    expect(
      scanNotes({ ...merged.stats, truncated: true, links: 100_000 }, { malformed: 0, count: 0, hosts: [] }),
    ).toEqual(['Stopped after 100,000 links: the page has more.']);
  });
});

describe('targets resolved ahead of the sorting', () => {
  it('give the same report as sorting from scratch, on every fixture page and the 10,000-link thread', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const results = FIXTURE_PAGES.map(([file, url]) => extract(fixtureHtml(file), url));
    results.push(extract(generateThread(300), THREAD_URL));
    for (const result of results) {
      const targets = new TargetCache(now);
      // In batches, as the popup receives them; aliases come only at the end.
      for (let i = 0; i < result.links.length; i += 50) targets.add(result.links.slice(i, i + 50));
      const aliases = ['news.az'];
      expect(analyze(result, { aliases, targets })).toEqual(analyze(result, { aliases, now }));
    }
  });
});

describe('targets of hrefs with a fragment', () => {
  it('are what each href resolves to in full, also where its stem is taken as a shortcut', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const stems = [
      ...new Set(
        extract(fixtureHtml('wordpress-post.html'), SEED_URL).links.map((l) => l.href.split('#')[0]!),
      ),
      'https://pennyforyourthoughts2.ca/2021/10/17/post/',
      'https://x.org',
      'https://x.org/a?utm_source=feed&b=2',
      'https://x.org/a ',
      'https://x.org/a/..',
      'https://EXAMPLE.org/A',
      'https://www.youtube.com/watch?v=QijsFn5iEv4&t=30',
      'https://www.google.com/url?q=https://x.org/b',
      'https://web.archive.org/web/20200101000000/https://x.org/a',
      'https://archive.ph/2020.01.01/https://x.org/',
      'https://twitter.com/intent/tweet?text=x',
      'https://twitter.com/someone/status/1455262800000000000',
      'https://x.org/post/?share=twitter&nb=1',
      'mailto:a@example.org',
      'javascript:void(0)',
      'foo',
      `https://x.org/${'a'.repeat(200_000)}`,
    ];
    const fragments = ['#', '#comment-5', '#t=30', '#!/someone/status/1', '# x', '#%20', '#a#b', '#é"<>'];
    for (const stem of stems) {
      for (const fragment of fragments) {
        const href = stem + fragment;
        const alone = new TargetCache(now);
        const afterStem = new TargetCache(now);
        afterStem.get(stem);
        const full = { ...resolveTarget(href, alone.bounds, () => 0) };
        expect({ ...alone.get(href), id: 0 }, href.slice(0, 80)).toEqual(full);
        expect({ ...afterStem.get(href), id: 0 }, href.slice(0, 80)).toEqual(full);
      }
    }
    // The thread's permalinks (#comment-N on the post's own address) share the post's target.
    const targets = new TargetCache(now);
    const post = targets.get(THREAD_URL);
    expect(targets.get(`${THREAD_URL}#comment-100001`)).toBe(post);
  });
});

describe('a target cited in several forms', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const report = (body: string) =>
    analyze(extract(`<html><body><article>${body}</article></body></html>`, 'https://wiki.example.org/A'), {
      now,
    });
  const ORIGINAL = 'http://en.kremlin.ru/events/president/news/64384';
  const COPY = `https://web.archive.org/web/20201110051722/${ORIGINAL}`;

  it('keeps the capture time of an archived copy cited beside its original, in either order', () => {
    const original = `<p><a href="${ORIGINAL}">"Statement"</a>. Kremlin.ru. 10 November 2020.</p>`;
    const copy = `<p><a href="${COPY}">Archived</a> from the original.</p>`;
    for (const body of [original + copy, copy + original]) {
      const links = report(body).links.filter((l) => l.domain === 'kremlin.ru');
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({
        url: ORIGINAL,
        occurrences: 2,
        date: '2020-11-10',
        dateSource: 'archive',
        archived: { url: COPY, capturedAt: '2020-11-10' },
      });
    }
  });

  it('gives the date the URL of one form tells over the capture time of another', () => {
    const dated = 'https://news.example.com/2019/05/03/story/';
    const body = `<p><a href="https://web.archive.org/web/20210101000000/${dated}">copy</a> and <a href="${dated}?utm_source=x">story</a></p>`;
    const [link] = report(body).links.filter((l) => l.domain === 'example.com');
    expect(link).toMatchObject({ date: '2019-05-03', dateSource: 'url', occurrences: 2 });
    expect(link?.archived?.capturedAt).toBe('2021-01-01');
  });
});

describe('hashtags', () => {
  // A Mastodon post as its web interface renders it: hashtags and a mention are links, the article cited is too.
  const html = `<html><body><main><div class="detailed-status"><div class="status__content"><p>The corridor deal,
    again: <a href="https://www.rferl.org/a/zangezur-corridor/33456789.html" rel="nofollow noopener" target="_blank"><span class="invisible">https://www.</span><span class="ellipsis">rferl.org/a/zangezur-corridor/</span><span class="invisible">33456789.html</span></a>
    <a href="https://mastodon.social/tags/Armenia" class="mention hashtag" rel="tag">#<span>Armenia</span></a>
    <a href="https://mastodon.social/tags/Azerbaijan" class="mention hashtag" rel="tag">#<span>Azerbaijan</span></a>
    <a href="https://bsky.app/hashtag/s%C3%BCnik" rel="tag">#sünik</a>
    <a href="https://x.com/search?q=%23Zangezur&amp;src=hashtag_click">#Zangezur</a>, with
    <a href="https://mastodon.social/@caucasuswatch" class="u-url mention">@<span>caucasuswatch</span></a>,
    who filed it as <a href="https://github.com/caucasuswatch/notes/issues/12">#12</a>.</p></div></div></main></body></html>`;
  const report = analyze(extract(html, 'https://mastodon.social/@penny/113456789012345678'));
  const kindOf = (url: string) => report.links.find((l) => l.url === url)?.kind;

  it("are their feed's links on any site, not citations; a number after # is no hashtag", () => {
    expect(kindOf('https://mastodon.social/tags/Armenia')).toBe('hashtag');
    expect(kindOf('https://mastodon.social/tags/Azerbaijan')).toBe('hashtag');
    expect(kindOf('https://bsky.app/hashtag/s%C3%BCnik')).toBe('hashtag');
    expect(kindOf('https://x.com/search?q=%23Zangezur&src=hashtag_click')).toBe('hashtag');
    expect(report.links.filter((l) => l.kind === 'hashtag').every((l) => l.category === 'other')).toBe(true);
    expect(kindOf('https://www.rferl.org/a/zangezur-corridor/33456789.html')).toBe('news');
    expect(kindOf('https://mastodon.social/@caucasuswatch')).toBe('social');
    expect(kindOf('https://github.com/caucasuswatch/notes/issues/12')).toBe('code');
  });
});
