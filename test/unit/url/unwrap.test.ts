import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../lib/url/canonical';
import { unwrap } from '../../../lib/url/unwrap';
import { NOW } from '../../helpers/fixtures';

const bounds = { now: NOW };
const target = (href: string) => unwrap(new URL(href), bounds).url.href;

describe('unwrap', () => {
  it.each([
    [
      'https://www.youtube.com/redirect?event=video_description&redir_token=x&q=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1&v=abc',
      'https://example.org/a?b=1',
    ],
    [
      'https://www.google.com/url?sa=t&url=https%3A%2F%2Fexample.org%2Fpage&usg=x',
      'https://example.org/page',
    ],
    ['https://www.google.co.uk/url?q=https://example.org/q&sa=U', 'https://example.org/q'],
    ['https://www.google.com/amp/s/www.bbc.com/news/world-123.amp', 'https://www.bbc.com/news/world-123.amp'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fmid.ru%2Fen%2F&h=AT0', 'https://mid.ru/en/'],
    [
      'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fdoc&data=05',
      'https://example.org/doc',
    ],
    [
      'https://urldefense.proofpoint.com/v2/url?u=https-3A__example.org_path_a-2Db&d=DwMF',
      'https://example.org/path/a-b',
    ],
    ['https://urldefense.com/v3/__https://example.org/x__;!!abc', 'https://example.org/x'],
    [
      'https://disq.us/url?url=https%3A%2F%2Fexample.org%2Fp%3AdK3jZqLm0pQrStUvWxYz&cuid=1',
      'https://example.org/p',
    ],
    ['https://out.reddit.com/t3_abc?url=https%3A%2F%2Fexample.org%2F&token=x', 'https://example.org/'],
    ['https://vk.com/away.php?to=https%3A%2F%2Fexample.org%2Fvk', 'https://example.org/vk'],
    ['https://duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fddg&rut=x', 'https://example.org/ddg'],
    ['https://href.li/?https://example.org/hidden', 'https://example.org/hidden'],
    ['https://news.example.com/redirect?url=https%3A%2F%2Fexample.org%2Fout', 'https://example.org/out'],
    [
      `https://substack.com/redirect/2/${btoa(JSON.stringify({ e: 'https://example.org/sub', p: 1 })).replace(/=+$/, '')}`,
      'https://example.org/sub',
    ],
    // nested wrappers
    [
      'https://www.google.com/url?q=https%3A%2F%2Fwww.youtube.com%2Fredirect%3Fq%3Dhttps%253A%252F%252Fexample.org%252Fdeep',
      'https://example.org/deep',
    ],
  ])('%s', (wrapped, expected) => {
    expect(target(wrapped)).toBe(expected);
  });

  it('leaves share dialogs, login redirects and plain pages alone', () => {
    for (const href of [
      'https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.org',
      'https://example.com/login?redirect=https%3A%2F%2Fexample.org',
      'https://example.org/article?id=5',
      'https://www.google.com/url?q=javascript:alert(1)',
    ]) {
      expect(target(href)).toBe(new URL(href).href);
    }
  });

  it.each([
    [
      'https://web.archive.org/web/20180131154500/https://example.org/page',
      'https://example.org/page',
      '2018-01-31',
    ],
    ['https://web.archive.org/web/2019id_/http://example.org/x?y=1', 'http://example.org/x?y=1', '2019'],
    [
      'https://web.archive.org/web/20180131154500/example.org/noscheme',
      'http://example.org/noscheme',
      '2018-01-31',
    ],
    ['https://web.archive.org/web/*/https://example.org/*', 'https://example.org/*', null],
    [
      'https://archive.ph/2025.06.29-101500/https://www.reuters.com/world/x/',
      'https://www.reuters.com/world/x/',
      '2025-06-29',
    ],
    ['https://archive.today/newest/https://example.org/n', 'https://example.org/n', null],
    [
      'https://web.archive.org/web/29991231000000/https://example.org/future',
      'https://example.org/future',
      null,
    ],
  ])('archive %s', (href, original, capturedAt) => {
    const result = unwrap(new URL(href), bounds);
    expect(result.url.href).toBe(original);
    expect(result.archived).toEqual({ url: href, capturedAt });
  });

  it('keeps archive links whose original is not named', () => {
    const result = unwrap(new URL('https://archive.ph/AbCd1'), bounds);
    expect(result.archived).toBeUndefined();
    expect(result.url.href).toBe('https://archive.ph/AbCd1');
  });
});

describe('canonicalize', () => {
  const key = (href: string) => canonicalize(new URL(href)).key;
  it('merges every YouTube form of one video', () => {
    const forms = [
      'https://www.youtube.com/watch?v=QijsFn5iEv4',
      'https://youtu.be/QijsFn5iEv4?si=abc&t=30',
      'https://m.youtube.com/watch?v=QijsFn5iEv4&feature=share',
      'https://music.youtube.com/watch?v=QijsFn5iEv4&list=RD',
      'https://www.youtube.com/shorts/QijsFn5iEv4',
      'https://www.youtube.com/embed/QijsFn5iEv4?autoplay=1',
      'https://www.youtube-nocookie.com/embed/QijsFn5iEv4',
      'https://www.youtube.com/live/QijsFn5iEv4?feature=shared',
      'https://www.youtube.com/v/QijsFn5iEv4',
      'https://www.youtube.com/attribution_link?u=%2Fwatch%3Fv%3DQijsFn5iEv4%26feature%3Dshare',
    ];
    for (const form of forms) {
      expect(canonicalize(new URL(form))).toMatchObject({
        url: 'https://www.youtube.com/watch?v=QijsFn5iEv4',
        key: 'youtube:QijsFn5iEv4',
        youTubeId: 'QijsFn5iEv4',
      });
    }
  });

  it('drops trackers and fragments, keeps meaningful parameters', () => {
    expect(canonicalize(new URL('https://example.org/a?id=7&utm_source=x&fbclid=y#section')).url).toBe(
      'https://example.org/a?id=7',
    );
    expect(canonicalize(new URL('https://example.org/a?utm_medium=email')).url).toBe('https://example.org/a');
    // Medium's own links say where they were clicked.
    expect(
      canonicalize(new URL('https://medium.com/@anna/the-corridor-3f2a1b?source=post_page-----3f2a1b----'))
        .url,
    ).toBe('https://medium.com/@anna/the-corridor-3f2a1b');
    expect(canonicalize(new URL('https://twitter.com/#!/user/status/123')).url).toBe(
      'https://twitter.com/user/status/123',
    );
  });

  it("takes WordPress's embed view of a post (the iframe of a post card) for the post", () => {
    const url = (href: string) => canonicalize(new URL(href)).url;
    expect(
      url('https://annawrites.ca/2025/06/28/the-corridor-talks/embed/#?secret=rB3x2JmQ1a#?secret=k2Lx9PqR'),
    ).toBe('https://annawrites.ca/2025/06/28/the-corridor-talks/');
    expect(url('https://annawrites.ca/?p=412&embed=true#?secret=k2Lx9PqR')).toBe(
      'https://annawrites.ca/?p=412',
    );
    // Without the embed's secret, a page called "embed" is a page.
    expect(url('https://docs.example/widgets/embed/')).toBe('https://docs.example/widgets/embed/');
    expect(url('https://docs.example/widgets/embed/#usage')).toBe('https://docs.example/widgets/embed/');
  });

  it("drops the citing site's name that Ghost adds to outbound links (?ref=site), and keeps other refs", () => {
    const url = (href: string) => canonicalize(new URL(href)).url;
    expect(url('https://www.reuters.com/world/talks-stall-2025-06-30/?ref=corridorwatch.net')).toBe(
      'https://www.reuters.com/world/talks-stall-2025-06-30/',
    );
    expect(url('https://example.org/story?id=4&ref=site.ghost.io')).toBe('https://example.org/story?id=4');
    expect(url('https://example.org/story?REF=404media.co')).toBe('https://example.org/story');
    // A branch, a tag, an affiliate's name: not a domain under a public suffix.
    for (const kept of [
      'https://gitlab.com/group/project/-/raw/file.txt?ref=main',
      'https://gitlab.com/group/project/-/raw/file.txt?ref=v1.2.3',
      'https://shop.example/item?ref=hackernews',
      'https://example.org/story?ref=corridorwatch.net/path',
    ]) {
      expect(url(kept)).toBe(kept);
    }
  });

  it('edits by string exactly as re-parsing the edited URL would', () => {
    const cases: Array<[string, string]> = [
      ['https://example.org/?#top', 'https://example.org/'],
      ['https://example.org/page#', 'https://example.org/page'],
      ['https://example.org/page?', 'https://example.org/page'],
      ['https://example.org/p?q=a%20b&utm_campaign=x#frag', 'https://example.org/p?q=a+b'],
      ['https://example.org:8443/p?utm_source=x&gclid=1', 'https://example.org:8443/p'],
      ['https://user:pw@example.org/p?x=1#h', 'https://user:pw@example.org/p?x=1'],
      ['https://example.org/p?x=%E2%9C%93&fbclid=1', 'https://example.org/p?x=%E2%9C%93'],
    ];
    for (const [input, expected] of cases) {
      const canon = canonicalize(new URL(input));
      expect(canon.url).toBe(expected);
      // The parts agree with a fresh parse of the result.
      const fresh = new URL(canon.url);
      expect({ ...canon.parts, searchParams: undefined }).toEqual({
        href: fresh.href,
        protocol: fresh.protocol,
        hostname: fresh.hostname,
        pathname: fresh.pathname,
        search: fresh.search,
        hash: fresh.hash,
        port: fresh.port,
        searchParams: undefined,
      });
    }
  });

  it('gives one key to the same page however it is written', () => {
    expect(key('http://www.example.org/a/')).toBe(key('https://example.org/a'));
    expect(key('https://example.org/a?b=2&a=1')).toBe(key('https://example.org/a?a=1&b=2'));
    expect(key('https://en.m.wikipedia.org/wiki/Rimland')).toBe(key('https://en.wikipedia.org/wiki/Rimland'));
    expect(key('https://x.com/a/status/1750210987654321098?s=20')).toBe(
      key('https://twitter.com/a/status/1750210987654321098'),
    );
    // A DOI's resolver links: dx.doi.org, an encoded slash, another case (DOIs ignore case) are one work.
    const doi = key('https://doi.org/10.1093/nar/gkaa123');
    for (const form of ['https://dx.doi.org/10.1093/nar/gkaa123', 'https://doi.org/10.1093%2Fnar%2Fgkaa123'])
      expect(key(form), form).toBe(doi);
    expect(key('http://doi.org/10.1093/NAR/GKAA123')).toBe(doi);
    expect(key('https://doi.org/10.1093/nar/gkaa124')).not.toBe(doi);
    expect(key('https://example.org/a')).not.toBe(key('https://example.org/b'));
  });
});
