import { describe, expect, it } from 'vitest';
import { analyze, TargetCache } from '../../lib/analyze';
import { extractLinks } from '../../lib/extract/extract';
import { mergeFrames, scanNotes, unreadFrames } from '../../lib/scan';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { SEED_URL, YOUTUBE_URL } from '../fixtures/seed';
import { fixtureHtml, parse } from '../helpers/fixtures';

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
    ).toEqual(['Stopped after 100000 links: the page has more.']);
  });
});

describe('targets resolved ahead of the sorting', () => {
  it('give the same report as sorting from scratch, on every fixture page and the 10,000-link thread', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const pages: Array<[string, string]> = [
      ['wordpress-post.html', SEED_URL],
      ['youtube-watch.html', YOUTUBE_URL],
      ['blogger-archive.html', 'https://pennyforyourthoughts2.blogspot.com/2018/01/'],
      ['maps-and-embeds.html', 'https://example.org/maps/'],
      ['news-article.html', 'https://www.example-news.com/2024/03/05/story/'],
    ];
    const results = pages.map(([file, url]) => extract(fixtureHtml(file), url));
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
