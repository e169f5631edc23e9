import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../lib/extract/extract';
import { NOW, parse } from '../../helpers/fixtures';

const PAGE = 'https://example.org/2025/01/01/post/';
const contextOf = (body: string, href: string) =>
  extractLinks(parse(`<!doctype html><html><body><article>${body}</article></body></html>`), PAGE, {
    now: NOW,
  }).links.find((l) => l.href === href)?.context;

describe('link texts', () => {
  it('are what the link shows: its text, without scripts or fallbacks inside it, else its label', () => {
    const links = extractLinks(
      parse(`<!doctype html><html><body><article><p>See
        <a href="https://cited.example/a">the <b>report</b><script>track("a")</script><noscript>(no script)</noscript></a>
        and <a href="https://cited.example/b" aria-label="the video"><img src="v.png"></a>.</p></article></body></html>`),
      PAGE,
      { now: NOW },
    ).links;
    expect(links.find((l) => l.href === 'https://cited.example/a')?.text).toBe('the report');
    expect(links.find((l) => l.href === 'https://cited.example/b')?.text).toBe('the video');
  });
});

describe('context sentences', () => {
  it("are read from the block's text as the page shows it: no script, style or template content", () => {
    expect(
      contextOf(
        '<p>Before. <template><p>Hidden https://tpl.example/ text.</p></template>The report <a href="https://cited.example/r">says so</a> plainly. After.</p>',
        'https://cited.example/r',
      ),
    ).toBe('The report says so plainly.');
    expect(
      contextOf(
        '<p>Before. <script>var x = 1;</script>The report <a href="https://cited.example/s">says so</a><style>p{}</style> plainly.</p>',
        'https://cited.example/s',
      ),
    ).toBe('The report says so plainly.');
  });

  it('of an embed are the text around it, not its fallback (shown only when it cannot be)', () => {
    expect(
      contextOf(
        '<p>The full study is embedded below.</p><p><object data="https://gov.example/study.pdf" type="application/pdf"><p>Your browser cannot show PDFs.</p></object></p>',
        'https://gov.example/study.pdf',
      ),
    ).toBe('The full study is embedded below.');
  });

  it('take a link alone in its paragraph from the block around it, across nested blocks and inline markup', () => {
    expect(
      contextOf(
        '<div>I wrote about this at my <b>former</b> site:<p><a href="https://old.example/post">https://old.example/post</a></p></div>',
        'https://old.example/post',
      ),
    ).toBe('I wrote about this at my former site:https://old.example/post');
  });
});
