import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../lib/extract/extract';
import { reportSchema } from '../../../lib/schemas';
import { generateThread, THREAD_URL, threadCounts } from '../../fixtures/generate-thread';
import { NOW, parse, scanHtml } from '../../helpers/fixtures';

const PAGE = 'https://pennyforyourthoughts2.ca/2025/01/01/post/';
const article = (body: string) =>
  `<html><body><article><div class="entry-content">${body}</div></article></body></html>`;

describe('bad input never throws and gets a clear result', () => {
  it('sorts non-web and malformed hrefs into "other" with their kind', () => {
    const report = scanHtml(
      article(`
        <p>Links: <a href="javascript:alert(document.cookie)">click</a>
        <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>
        <a href="vbscript:msgbox(1)">vb</a>
        <a href="blob:https://pennyforyourthoughts2.ca/5b1c">blob</a>
        <a href="mailto:penny@example.org">mail</a>
        <a href="http://[::1">broken ipv6</a>
        <a href="https://exa mple.org/">space in host</a>
        <a href="">empty</a>
        <a href="   https://example.org/trimmed   ">padded</a></p>`),
      PAGE,
    );
    const kind = (text: string) => report.links.find((l) => l.text === text);
    expect(kind('click')).toMatchObject({ category: 'other', kind: 'script' });
    expect(kind('data')).toMatchObject({ category: 'other', kind: 'script' });
    expect(kind('vb')).toMatchObject({ category: 'other', kind: 'script' });
    expect(kind('blob')).toMatchObject({ category: 'other', kind: 'script' });
    expect(kind('mail')).toMatchObject({ category: 'other', kind: 'email' });
    expect(kind('broken ipv6')).toMatchObject({ category: 'other', kind: 'invalid', url: 'http://[::1' });
    expect(kind('space in host')).toMatchObject({ category: 'other', kind: 'invalid' });
    expect(kind('empty')).toMatchObject({ category: 'other', kind: 'anchor' });
    expect(kind('padded')).toMatchObject({ category: 'primary', url: 'https://example.org/trimmed' });
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("reads a head's author and a page's citations for what they are, however broken", () => {
    const huge = `ctx_ver=Z39.88-2004&rft.date=2021&rft_id=${'x'.repeat(100_000)}`;
    const html = (author: string) =>
      `<html><head><link rel="author" href="${author}"></head><body><article><p>A post citing
      <a href="https://example.org/a">a source</a> and <a href="${author}">its writer</a>.
      <span class="Z3988" title="${huge}"></span><span class="Z3988" title="rft.date=2021-02-30&amp;rft_id=https%3A%2F%2Fexample.org%2Fa"></span>
      <span class="Z3988" title="rft.date=2021&amp;rft.isbn=%3Cscript%3E&amp;rft_id=info%3Adoi%2F"></span></p></article></body></html>`;
    for (const author of ['javascript:alert(1)', 'http://[bad', '', 'https://example.org/a']) {
      const report = scanHtml(html(author), PAGE);
      expect(reportSchema.safeParse(report).success, author).toBe(true);
      // No citation gave the source a real date: the 30th of February is none.
      expect(report.links.find((l) => l.url === 'https://example.org/a')?.date ?? null, author).toBeNull();
    }
    // A head naming the cited page as its author makes that link the byline, and nothing else.
    const named = scanHtml(html('https://example.org/a'), PAGE);
    expect(named.links.find((l) => l.url === 'https://example.org/a')).toMatchObject({ why: 'byline' });
  });

  it('treats hostile link text as text: capped, controls and bidi overrides removed', () => {
    const long = 'A'.repeat(5000);
    const report = scanHtml(
      article(`<p><a href="https://example.org/a">&lt;img src=x onerror=alert(1)&gt;\u202Egnp.exe</a>
        <a href="https://example.org/b"><script>alert(1)</script>${long}</a></p>`),
      PAGE,
    );
    const a = report.links.find((l) => l.url === 'https://example.org/a');
    expect(a?.text).toBe('<img src=x onerror=alert(1)>gnp.exe');
    const b = report.links.find((l) => l.url === 'https://example.org/b');
    expect(b?.text.length).toBeLessThanOrEqual(300);
    expect(b?.context.length).toBeLessThanOrEqual(201);
  });

  it('keeps an enormous href whole and still sorts it', () => {
    const huge = `https://example.org/${'x'.repeat(100_000)}`;
    const report = scanHtml(article(`<p>Huge: <a href="${huge}">huge</a></p>`), PAGE);
    const link = report.links.find((l) => l.text === 'huge');
    expect(link).toMatchObject({ category: 'primary', domain: 'example.org' });
    expect(link?.url.length).toBe(huge.length);
  });

  it('reads broken HTML and 5,000-deep nesting', () => {
    const deep = `${'<div>'.repeat(5000)}<p>deep <a href="https://example.org/deep">link</a></p>${'</div>'.repeat(5000)}`;
    const report = scanHtml(
      `<html><body><article class="entry-content"><p>unclosed <a href="https://example.org/one">one<p><b>bad <i>nest</b></i> <a href=https://example.org/two>two</article>${deep}`,
      PAGE,
    );
    const urls = report.links.map((l) => l.url);
    expect(urls).toContain('https://example.org/one');
    expect(urls).toContain('https://example.org/two');
    expect(urls).toContain('https://example.org/deep');
  });

  it('handles an empty document, a document without body, and a bad page URL', () => {
    expect(scanHtml('', PAGE).links).toEqual([]);
    expect(scanHtml('<html><head><title>t</title></head></html>', PAGE).links).toEqual([]);
    const report = scanHtml(article('<p><a href="/relative">rel</a></p>'), 'not a url');
    expect(report.links[0]).toMatchObject({ text: 'rel' });
  });

  it('reads class attributes as written: any spacing and case, tabs, SVG elements', () => {
    const html = `<html><body>
      <div class="  Entry-Content   entry-content "><p>See <a href="https://example.org/cited">the source</a> here.</p></div>
      <aside class="WIDGET\twidget_recent"><a href="https://example.org/widget">Recent</a></aside>
      <svg class="share-icons social"><a href="https://example.org/svg-share"><text>Share</text></a></svg>
    </body></html>`;
    const links = extractLinks(parse(html), PAGE, { now: NOW }).links;
    expect(links.map((l) => [l.href, l.region, l.source, l.why])).toEqual([
      ['https://example.org/cited', 'article', 'a', undefined],
      ['https://example.org/widget', 'chrome', 'a', 'sidebar'],
      ['https://example.org/svg-share', 'chrome', 'svg', 'share'],
    ]);
  });

  it('stops at the link cap and says so', () => {
    const many = Array.from({ length: 50 }, (_, i) => `<a href="https://example.org/${i}">${i}</a>`).join(
      ' ',
    );
    const result = extractLinks(parse(article(`<p>${many}</p>`)), PAGE, { maxLinks: 10, now: NOW });
    expect(result.links).toHaveLength(10);
    expect(result.stats.truncated).toBe(true);
  });
});

describe('bare URLs in text', () => {
  it('finds URLs with a scheme or www., trims punctuation, ignores mentions and form fields', () => {
    const report = scanHtml(
      article(`<p>As News.Az reported (https://news.az/a/1), see www.example.org/page, and “https://q.example.com/x”.</p>
        <p>Also https://example.net/trailing… and https://example.net/paren_(1).</p>
        <p>Typography: https://site.example/wp-content/uploads/2017/05/map-640&#215;381.jpg?w=614</p>
        <form><textarea>https://example.com/draft</textarea></form>
        <pre>curl https://api.example.dev/v1/items</pre>`),
      PAGE,
    );
    expect(report.links.map((l) => l.url)).toEqual([
      'https://news.az/a/1',
      'http://www.example.org/page',
      'https://q.example.com/x',
      'https://example.net/trailing',
      'https://example.net/paren_(1)',
      'https://site.example/wp-content/uploads/2017/05/map-640x381.jpg?w=614',
      'https://api.example.dev/v1/items',
    ]);
    expect(report.links.every((l) => l.source === 'text')).toBe(true);
  });
});

describe('10,000-link thread', () => {
  const counts = threadCounts(2500);
  const report = scanHtml(generateThread(counts.comments), THREAD_URL);

  it('finds every cited target and no chrome among them', () => {
    const cited = report.links.filter((l) => l.category !== 'other');
    expect(cited).toHaveLength(counts.cited);
    expect(cited.length).toBeGreaterThanOrEqual(10_000);
    expect(cited.every((l) => l.region === 'comments')).toBe(true);
    expect(report.counts).toMatchObject({ primary: 2500, self: 2500, media: 5000 });
    expect(
      report.links.filter((l) => l.url.includes('.example.net')).every((l) => l.category === 'other'),
    ).toBe(true);
  });

  it('attributes and dates each comment link', () => {
    const first = report.links.find((l) => l.url === 'https://pennyforyourthoughts2.ca/2015/01/01/post-0/');
    expect(first).toMatchObject({
      category: 'self',
      date: '2015-01-01',
      comment: { id: 'comment-100000', author: 'Reader 0', date: '2025-07-01' },
    });
  });
});

describe('selection', () => {
  it('marks the links inside the reader selection', async () => {
    const { analyze } = await import('../../../lib/analyze');
    const doc = parse(
      article(
        '<p id="a">First <a href="https://one.example.net/">one</a></p><p id="b">Second <a href="https://two.example.net/">two</a></p>',
      ),
    );
    const inB = (node: Node) =>
      (node as Element).closest?.('#b') !== null && (node as Element).closest?.('#b') !== undefined;
    const report = analyze(extractLinks(doc, PAGE, { isSelected: inB, now: NOW }), { now: NOW });
    expect(report.links.filter((l) => l.selected).map((l) => l.url)).toEqual(['https://two.example.net/']);
  });
});
