import { describe, expect, it } from 'vitest';
import { toTable } from '../../../lib/export/table';
import { savedAddress } from '../../../lib/extract/saved-copy';
import { type Report, reportSchema } from '../../../lib/schemas';
import { SEED_URL } from '../../fixtures/seed';
import { cited, fixtureHtml, NOW, parse, scanHtml } from '../../helpers/fixtures';
import { chromiumCompleteSave, SAVED_FILE, singleFileSave } from '../../helpers/saved-copy';

const named = (html: string) => {
  const found = savedAddress(parse(html));
  return found && { url: found.url.href, from: found.from };
};

const SEED = fixtureHtml('wordpress-post.html');

describe('the address a saved page names', () => {
  it("reads Chromium's saved-from note and SingleFile's header", () => {
    expect(
      named(
        '<!DOCTYPE html>\n<!-- saved from url=(0030)https://example.org/2024/post/ -->\n<html><body></body></html>',
      ),
    ).toEqual({ url: 'https://example.org/2024/post/', from: 'saved-from' });
    expect(
      named(
        singleFileSave('<!DOCTYPE html><html><head></head><body></body></html>', 'https://example.org/a?b=1'),
      ),
    ).toEqual({
      url: 'https://example.org/a?b=1',
      from: 'singlefile',
    });
  });

  it('else takes the canonical link, then og:url', () => {
    const head = (tags: string) => `<!DOCTYPE html><html><head>${tags}</head><body><p>x</p></body></html>`;
    expect(named(head('<link rel="Canonical" href="https://Example.org/post/">'))).toEqual({
      url: 'https://example.org/post/',
      from: 'canonical',
    });
    expect(named(head('<meta property="og:url" content="https://example.org/og/">'))).toEqual({
      url: 'https://example.org/og/',
      from: 'og:url',
    });
    expect(
      named(
        head(
          '<meta property="og:url" content="https://example.org/og/"><link rel="canonical" href="https://example.org/c/">',
        ),
      ),
    ).toEqual({ url: 'https://example.org/c/', from: 'canonical' });
    // A saver's note names the address the page was saved from, whatever the page calls itself.
    expect(
      named(
        `<!DOCTYPE html>\n<!-- saved from url=(0025)https://example.org/real/ -->\n<html><head><link rel="canonical" href="https://example.org/c/"></head><body></body></html>`,
      ),
    ).toEqual({ url: 'https://example.org/real/', from: 'saved-from' });
  });

  it('takes only an absolute http(s) address, and a note only where a saver writes it', () => {
    // Internet Explorer's mark for pages written locally, relative and script addresses: nothing to read as.
    expect(named('<!-- saved from url=(0014)about:internet -->\n<html><body></body></html>')).toBeNull();
    expect(named('<html><head><link rel="canonical" href="/post/"></head><body></body></html>')).toBeNull();
    expect(
      named('<html><head><meta property="og:url" content="javascript:alert(1)"></head><body></body></html>'),
    ).toBeNull();
    expect(
      named('<html><head><link rel="canonical" href="https://exa mple.org/"></head><body></body></html>'),
    ).toBeNull();
    // A note in the body is the page's own text, not a saver's.
    expect(
      named('<html><head></head><body><!-- saved from url=(0020)https://example.org/ --></body></html>'),
    ).toBeNull();
    expect(named('<html><body><p>x</p></body></html>')).toBeNull();
  });
});

describe('a saved copy read from a file', () => {
  const original = scanHtml(SEED, SEED_URL);
  // A saver writes each link as the URL parser serializes it, so none is "as written" apart from its URL.
  const asSaved = (report: Report) => report.links.map(({ originalUrl: _, ...link }) => link);

  it('is the page it was saved from: a Chromium "Webpage, Complete" save of the seed post', () => {
    const report = scanHtml(chromiumCompleteSave(SEED, SEED_URL), SAVED_FILE);
    expect(reportSchema.parse(report).page).toMatchObject({
      url: SEED_URL,
      site: { domain: 'pennyforyourthoughts2.ca' },
      published: original.page.published,
      savedCopy: { location: SAVED_FILE, addressFrom: 'saved-from' },
    });
    // The same links, sorted and dated the same: its self-citations are the site's, its anchors the page's own.
    expect(asSaved(report)).toEqual(asSaved(original));
    expect(cited(report).filter((l) => l.category === 'self').length).toBeGreaterThan(0);
    expect(toTable(report, NOW)).toContain(
      `saved copy read from ${SAVED_FILE}; its address is from the browser’s “saved from” note`,
    );
  });

  it('is the page it was saved from: a SingleFile save', () => {
    const report = scanHtml(singleFileSave(SEED, SEED_URL), SAVED_FILE);
    expect(report.page.savedCopy).toEqual({ location: SAVED_FILE, addressFrom: 'singlefile' });
    expect(asSaved(report)).toEqual(asSaved(original));
  });

  it('without a name for itself is read where it is', () => {
    const report = scanHtml(
      '<html><body><article><p>See <a href="https://example.org/a">this</a>.</p></article></body></html>',
      SAVED_FILE,
    );
    expect(report.page.url).toBe(SAVED_FILE);
    expect(report.page.savedCopy).toBeUndefined();
  });

  it('served over the web is the page at its address, whatever it says it was saved from', () => {
    const at = 'https://mirror.example.net/copies/seed.html';
    const report = scanHtml(chromiumCompleteSave(SEED, SEED_URL), at);
    expect(report.page.url).toBe(at);
    expect(report.page.savedCopy).toBeUndefined();
    expect(report.page.site.domain).toBe('example.net');
  });

  it('saved as it came: its relative links are on the site its canonical link names', () => {
    const html = `<!DOCTYPE html><html><head><title>Corridors</title><link rel="canonical" href="https://blog.example.org/2025/07/corridors/"></head>
<body><article><h1>Corridors</h1><p>As I wrote <a href="/2021/10/17/the-old-road/">in 2021</a>, and as
<a href="https://www.rferl.org/a/corridor/33456789.html">RFE/RL reported</a>, see <a href="#notes">the notes</a>.</p></article></body></html>`;
    const report = scanHtml(html, SAVED_FILE);
    expect(report.page.savedCopy).toEqual({ location: SAVED_FILE, addressFrom: 'canonical' });
    expect(cited(report)).toEqual([
      expect.objectContaining({
        url: 'https://blog.example.org/2021/10/17/the-old-road/',
        category: 'self',
        date: '2021-10-17',
      }),
      expect.objectContaining({ url: 'https://www.rferl.org/a/corridor/33456789.html', category: 'primary' }),
    ]);
    expect(report.links.find((l) => l.text === 'the notes')?.kind).toBe('anchor');
  });

  it("saved complete: what the saver left relative is its own copies beside the file, not the site's", () => {
    const html = `<!DOCTYPE html>\n<!-- saved from url=(0041)https://blog.example.org/2025/07/corridors/ -->\n<html><head><title>Corridors</title></head>
<body><article><p>The video: <iframe src="./Corridors_files/saved_resource.html"></iframe> and
<a href="https://blog.example.org/2021/10/17/the-old-road/">my older post</a>.</p></article></body></html>`;
    const report = scanHtml(html, SAVED_FILE);
    expect(report.links.map((l) => l.url)).toEqual([
      'file:///home/reader/Downloads/Corridors_files/saved_resource.html',
      'https://blog.example.org/2021/10/17/the-old-road/',
    ]);
    expect(report.links[1]).toMatchObject({ category: 'self' });
  });
});
