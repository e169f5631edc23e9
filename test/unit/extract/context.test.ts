import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../lib/extract/extract';
import { NOW, parse, scanHtml } from '../../helpers/fixtures';

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

  it('keep the words of blocks and lines inside a link apart', () => {
    const links = extractLinks(
      parse(`<!doctype html><html><body><article><p>Read
        <a href="https://cited.example/card"><div>The headline</div><div>The standfirst</div></a>
        and <a href="https://cited.example/lines">one line<br>another line</a>.</p></article></body></html>`),
      PAGE,
      { now: NOW },
    ).links;
    expect(links.find((l) => l.href === 'https://cited.example/card')?.text).toBe(
      'The headline The standfirst',
    );
    expect(links.find((l) => l.href === 'https://cited.example/lines')?.text).toBe('one line another line');
  });

  it('make a link with nothing to show furniture; an image link without alt text is still cited', () => {
    const links = extractLinks(
      parse(`<!doctype html><html><body><article><p>The study <a href="https://hook.example/config"></a>
        <a href="https://hook.example/spaces">  </a> found a gap; its chart
        <a href="https://cited.example/chart.png"><img src="chart.png"></a> shows it.</p></article></body></html>`),
      PAGE,
      { now: NOW },
    ).links;
    const at = (href: string) => links.find((l) => l.href === href);
    expect(at('https://hook.example/config')).toMatchObject({ region: 'chrome', why: 'empty' });
    expect(at('https://hook.example/spaces')).toMatchObject({ region: 'chrome', why: 'empty' });
    expect(at('https://cited.example/chart.png')).toMatchObject({ region: 'article', text: '' });
  });

  it("name an embed by the page's link to it, when there is one, rather than by the player's own label", () => {
    const report = scanHtml(
      `<!doctype html><html><body><article><p>I talked about it in <a href="https://www.youtube.com/watch?v=QijsFn5iEv4">the interview</a>:</p>
      <iframe src="https://www.youtube.com/embed/QijsFn5iEv4" title="YouTube video player"></iframe>
      <iframe src="https://player.vimeo.com/video/76979871" title="The corridor, from the air"></iframe></article></body></html>`,
      PAGE,
    );
    expect(report.links.filter((l) => l.category === 'media').map((l) => [l.text, l.source])).toEqual([
      ['the interview', 'a'],
      ['The corridor, from the air', 'iframe'],
    ]);
    const embedFirst = scanHtml(
      `<!doctype html><html><body><article><iframe src="https://www.youtube.com/embed/QijsFn5iEv4" title="YouTube video player"></iframe>
      <p>That was <a href="https://youtu.be/QijsFn5iEv4">the interview</a>.</p></article></body></html>`,
      PAGE,
    );
    expect(embedFirst.links.filter((l) => l.category === 'media').map((l) => [l.text, l.source])).toEqual([
      ['the interview', 'iframe'],
    ]);
  });

  it('name a card (a link holding blocks) by its title: a heading, or an element whose class names a title', () => {
    const links = extractLinks(
      parse(`<!doctype html><html><body><article><p>Reuters had it first:</p>
        <figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://cited.example/bookmark"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Talks stall over transit route</div><div class="kg-bookmark-description">Peace talks have stalled, three sources said.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Reuters</span><span class="kg-bookmark-publisher">Felix Light</span></div></div></a></figure>
        <p>And a teaser: <a href="https://cited.example/teaser"><h3>The corridor, explained</h3><p>What it is and who wants it.</p></a></p>
        <p>Written by <a href="https://cited.example/person"><span class="title">Dr</span> Ann Lee</a>.</p></article></body></html>`),
      PAGE,
      { now: NOW },
    ).links;
    expect(links.find((l) => l.href === 'https://cited.example/bookmark')?.text).toBe(
      'Talks stall over transit route',
    );
    expect(links.find((l) => l.href === 'https://cited.example/teaser')?.text).toBe(
      'The corridor, explained',
    );
    // No blocks in it: a link, not a card, whatever its parts are called.
    expect(links.find((l) => l.href === 'https://cited.example/person')?.text).toBe('Dr Ann Lee');
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

  it('of a card are the sentence that introduces it and its title, not its own description', () => {
    expect(
      contextOf(
        '<p>Reuters reported that the talks had stalled on this point:</p><figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://cited.example/bookmark"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Talks stall over transit route</div><div class="kg-bookmark-description">Peace talks between the two countries have stalled over who would control a transit route, three sources familiar with the negotiations said.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">Reuters</span></div></div></a></figure><p>More on that below.</p>',
        'https://cited.example/bookmark',
      ),
    ).toBe('Reuters reported that the talks had stalled on this point: Talks stall over transit route');
  });

  it('of a WordPress post card are the words before it, however many wrappers it sits in; the card is the post', () => {
    const report = scanHtml(
      `<!doctype html><html><head><meta name="generator" content="WordPress 6.8.1"></head><body class="single"><main><article class="post type-post hentry"><div class="entry-content">
<p>Anna covered the talks last week:</p>
<figure class="wp-block-embed is-type-wp-embed is-provider-anna-writes wp-block-embed-anna-writes"><div class="wp-block-embed__wrapper">
<blockquote class="wp-embedded-content" data-secret="k2Lx9PqR"><a href="https://annawrites.ca/2025/06/28/the-corridor-talks/">The corridor talks</a></blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="&#8220;The corridor talks&#8221; &#8212; Anna Writes" src="https://annawrites.ca/2025/06/28/the-corridor-talks/embed/#?secret=rB3x2JmQ1a#?secret=k2Lx9PqR" data-secret="k2Lx9PqR" width="500" height="282"></iframe>
</div></figure>
<p>More on that later.</p></div></article></main></body></html>`,
      PAGE,
    );
    expect(report.links.filter((l) => l.category !== 'other')).toMatchObject([
      {
        url: 'https://annawrites.ca/2025/06/28/the-corridor-talks/',
        category: 'primary',
        kind: 'blog',
        text: 'The corridor talks',
        context: 'Anna covered the talks last week: The corridor talks',
        occurrences: 2,
        date: '2025-06-28',
      },
    ]);
  });

  it("look no further out than a footnote's list, or a comment's text, for a link alone in its block", () => {
    expect(
      contextOf(
        '<p>The ministry denied it.</p><ol class="wp-block-footnotes"><li id="fn1"><a href="https://www.kommersant.ru/doc/7812345">Kommersant, 30 June</a>. <a href="#fn1-link">↩︎</a></li></ol>',
        'https://www.kommersant.ru/doc/7812345',
      ),
    ).toBe('Kommersant, 30 June. ↩︎');
    const comment = scanHtml(
      `<!doctype html><html><head><meta name="generator" content="WordPress 6.8.1"></head><body class="single"><main><article class="post type-post hentry"><div class="entry-content"><p>Post.</p></div></article>
<ol class="comment-list"><li id="comment-7" class="comment"><article id="div-comment-7" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Penny</b> <span class="says">says:</span></div><div class="comment-metadata"><a href="${PAGE}#comment-7"><time datetime="2025-07-02T10:00:00+00:00">July 2, 2025 at 10:00 am</time></a></div></footer>
<div class="comment-content"><p><a href="https://cited.example/only-a-link">https://cited.example/only-a-link</a></p></div></article></li></ol></main></body></html>`,
      PAGE,
    ).links.find((l) => l.url === 'https://cited.example/only-a-link');
    expect([comment?.context, comment?.comment?.author]).toEqual([
      'https://cited.example/only-a-link',
      'Penny',
    ]);
  });

  it('of an embed, image or image map after a paragraph are the sentence before it, not the next one', () => {
    expect(
      contextOf(
        '<p>Officials made the same case on camera at the forum:</p><figure class="kg-card kg-embed-card"><iframe src="https://www.youtube.com/embed/QijsFn5iEv4" title="The case, on camera"></iframe></figure><h2>Who decides</h2><p>On paper, Armenia: the road crosses its territory.</p>',
        'https://www.youtube.com/embed/QijsFn5iEv4',
      ),
    ).toBe('Officials made the same case on camera at the forum:');
    expect(
      contextOf(
        '<p>Here is the map:</p><p><a href="https://cited.example/map.png"><img src="map.png" alt="The route"></a></p><p>The grey areas are disputed by both sides.</p>',
        'https://cited.example/map.png',
      ),
    ).toBe('Here is the map:');
    // An image map's areas stand where the map does; their alt texts are no part of the page's text.
    expect(
      contextOf(
        '<p>Click a region to read its source.</p><img src="m.png" usemap="#m" alt="Regions"><map name="m"><area shape="rect" coords="0,0,10,10" href="https://cited.example/region" alt="The northern region on the map"></map><p>The diagram below links each route to its official description.</p>',
        'https://cited.example/region',
      ),
    ).toBe('Click a region to read its source.');
    // WordPress's file block: the PDF's embed, its name and a Download button, with no words about it of its own.
    const file = 'https://example.org/wp-content/uploads/2024/03/corridor-report.pdf';
    expect(
      contextOf(
        `<p>The commission published its findings in March; the full text is below.</p><div class="wp-block-file"><object class="wp-block-file__embed" data="${file}" type="application/pdf" aria-label="Embed of Corridor report."></object><a id="wp-block-file--media-1" href="${file}">Corridor report</a><a href="${file}" class="wp-block-file__button wp-element-button" download aria-describedby="wp-block-file--media-1">Download</a></div><p>The annex lists every checkpoint on the route.</p>`,
        file,
      ),
    ).toBe('The commission published its findings in March; the full text is below.');
    // An image with a caption of its own takes the caption.
    expect(
      contextOf(
        '<p>Here is the map:</p><figure><a href="https://cited.example/captioned.png"><img src="c.png" alt="The proposed route of the corridor"></a><figcaption>The proposed route, after RFE/RL.</figcaption></figure>',
        'https://cited.example/captioned.png',
      ),
    ).toBe('The proposed route, after RFE/RL.');
  });

  it('take a link alone in its paragraph from the block around it, across nested blocks and inline markup', () => {
    expect(
      contextOf(
        '<div>I wrote about this at my <b>former</b> site:<p><a href="https://old.example/post">https://old.example/post</a></p></div>',
        'https://old.example/post',
      ),
    ).toBe('I wrote about this at my former site: https://old.example/post');
  });

  it('of a link alone on its line after other bare links are the words before those links', () => {
    const first =
      'https://maps.example/uploads/2017/05/imperialist-dream-of-dividing-the-region-to-create-a-greater-state-between-the-seas-640x381.jpg?w=614';
    const second = 'https://cdn.example/E2DCC30B-CA2D-4575-9816-B220F01C5C2D_w650_r0_s.png';
    expect(
      contextOf(
        `<div><p>Two maps that should come in handy<br>\n<a href="${first}">${first}</a></p>\n<p><a href="${second}">${second}</a></p></div>`,
        second,
      ),
    ).toBe(`Two maps that should come in handy … ${second}`);
  });

  it("of links that follow a sentence with nothing but addresses are that sentence (an embedded post's links)", () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Statement on the events in Baku. <a href="https://t.co/Xy12AbCdEf">https://t.co/Xy12AbCdEf</a> <a href="https://t.co/Qw98ZxYvUt">pic.twitter.com/Qw98ZxYvUt</a></p>&mdash; MFA Russia (@mfa_russia) <a href="https://twitter.com/mfa_russia/status/1807654321098765432">July 1, 2025</a></blockquote>';
    for (const href of ['https://t.co/Xy12AbCdEf', 'https://t.co/Qw98ZxYvUt']) {
      expect(contextOf(tweet, href)).toBe(
        'Statement on the events in Baku. https://t.co/Xy12AbCdEf pic.twitter.com/Qw98ZxYvUt',
      );
    }
  });

  it('of a link after a line made to look like many bare links are found at once (no backtracking over it)', () => {
    // Forty "www." run together, then a word: the test for a line of bare links once tried every way to split it.
    const line = `${'www.'.repeat(40)}a x`;
    expect(
      contextOf(
        `<p>Intro<br>${line}<br><a href="https://x.example/z">https://x.example/z</a></p>`,
        'https://x.example/z',
      ),
    ).toBe(`${line} https://x.example/z`);
  });

  it("end a sentence after its footnote marks, Wikipedia's or a superscript number, but not inside a number", () => {
    expect(
      contextOf(
        '<p>The route crosses Syunik Province.<sup class="reference"><a href="#cite_note-1">[1]</a></sup><sup class="reference"><a href="#cite_note-a">[a]</a></sup> The idea followed the <a href="https://cited.example/ceasefire">2020 ceasefire agreement</a>.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>',
        'https://cited.example/ceasefire',
      ),
    ).toBe('The idea followed the 2020 ceasefire agreement.[2]');
    expect(
      contextOf(
        '<p>Most of the growth came from the shift, not lower costs.<sup data-fn="f2" class="fn"><a href="#f2" id="f2-link">2</a></sup> An earlier paper in <a href="https://cited.example/policy">Transport Policy</a> found the bottleneck.</p>',
        'https://cited.example/policy',
      ),
    ).toBe('An earlier paper in Transport Policy found the bottleneck.');
    // A decimal number and a number after a number are no footnote marks.
    expect(
      contextOf(
        '<p>Volumes grew to 2.5 Million tonnes, as <a href="https://cited.example/volumes">the association</a> says.</p>',
        'https://cited.example/volumes',
      ),
    ).toBe('Volumes grew to 2.5 Million tonnes, as the association says.');
    expect(
      contextOf(
        '<p>It opened in 2019.3 Ferries now run daily, <a href="https://cited.example/ferries">the port</a> says.</p>',
        'https://cited.example/ferries',
      ),
    ).toBe('It opened in 2019.3 Ferries now run daily, the port says.');
  });

  it('of a link in a short list item are the item up to its sentence: a reference whole, from its authors', () => {
    const doi = 'https://doi.org/10.1016/j.tranpol.2019.08.004';
    expect(
      contextOf(
        '<h2>References</h2><ol><li>Lee S., Brandt M. Rail freight across Eurasia: a gravity approach. <em>Transport Policy</em> 2019;84:1–12. DOI: 10.1016/j.tranpol.2019.08.004</li></ol>',
        doi,
      ),
    ).toBe(
      'Lee S., Brandt M. Rail freight across Eurasia: a gravity approach. Transport Policy 2019;84:1–12. DOI: 10.1016/j.tranpol.2019.08.004',
    );
    // Without Wikipedia's links back to the text.
    expect(
      contextOf(
        '<ol class="references"><li id="cite_note-k-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-k_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-k_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Kucera, Joshua (10 May 2021). <a href="https://eurasianet.org/spar">"Armenia and Azerbaijan spar over corridor"</a>. <i>Eurasianet</i>.</span></li></ol>',
        'https://eurasianet.org/spar',
      ),
    ).toBe('Kucera, Joshua (10 May 2021). "Armenia and Azerbaijan spar over corridor".');
    // An item is a unit: a reference whose first sentence is its link takes the next, never the item before it.
    expect(
      contextOf(
        '<ol class="references"><li>Kucera, Joshua (10 May 2021). <a href="https://eurasianet.org/spar">"Spar"</a>. Retrieved 12 May 2021.</li><li><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <a href="http://en.kremlin.ru/events/president/news/64384">"Statement by the three leaders"</a>. <i>Kremlin.ru</i>. 10 November 2020.</li></ol>',
        'http://en.kremlin.ru/events/president/news/64384',
      ),
    ).toBe('"Statement by the three leaders". Kremlin.ru.');
    // A long item keeps to the sentence.
    const long =
      'A first sentence that goes on and on about the background of the corridor talks for many words. '.repeat(
        3,
      );
    expect(
      contextOf(
        `<ul><li>${long}The talks <a href="https://cited.example/talks">stalled</a> in June.</li></ul>`,
        'https://cited.example/talks',
      ),
    ).toBe('The talks stalled in June.');
  });

  it('keep words apart where blocks meet or a line breaks, with no whitespace in the markup between them', () => {
    expect(
      contextOf(
        '<div><p>The first paragraph ends here.</p><p><a href="https://x.example/a">A source</a></p></div>',
        'https://x.example/a',
      ),
    ).toBe('The first paragraph ends here. A source');
    expect(
      contextOf(
        '<p>A line that ends with a break<br>See <a href="https://x.example/b">the source</a> for more on this.</p>',
        'https://x.example/b',
      ),
    ).toBe('See the source for more on this.');
    expect(
      contextOf(
        '<ul><li>Item one is long enough</li><li><a href="https://x.example/c">Item two link</a></li></ul>',
        'https://x.example/c',
      ),
    ).toBe('Item one is long enough Item two link');
    // As before where the markup has whitespace there already.
    expect(
      contextOf(
        '<div><p>The first paragraph ends here.</p>\n<p><a href="https://x.example/d">A source</a></p></div>',
        'https://x.example/d',
      ),
    ).toBe('The first paragraph ends here. A source');
  });
});

describe('comment attribution', () => {
  it("reads the author and date of WordPress's comments without HTML5 markup (Twenty Ten's)", () => {
    const report = scanHtml(
      `<!doctype html><html><head><meta name="generator" content="WordPress 6.8.1"></head><body class="single"><div id="content" role="main"><article class="post type-post hentry"><div class="entry-content"><p>Post.</p></div></article>
<div id="comments"><ol class="commentlist"><li class="comment byuser bypostauthor depth-1" id="li-comment-98113"><div id="comment-98113">
<div class="comment-author vcard"><img alt="" src="https://secure.gravatar.com/avatar/def?s=40" class="avatar avatar-40 photo" height="40" width="40"><cite class="fn">Penny</cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="${PAGE}#comment-98113">July 2, 2025 at 3:05 pm</a></div>
<div class="comment-body"><p>My older note: <a href="https://pennyforyourthoughts2.ca/2021/10/17/older/">here</a>.</p></div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-98113">Reply</a></div>
</div></li></ol></div></div></body></html>`,
      PAGE,
    );
    expect(
      report.links.find((l) => l.url === 'https://pennyforyourthoughts2.ca/2021/10/17/older/')?.comment,
    ).toEqual({ id: 'comment-98113', author: 'Penny', date: '2025-07-02' });
    // WordPress's own walker without HTML5: the body holds the whole comment.
    const classic = scanHtml(
      `<!doctype html><html><head><meta name="generator" content="WordPress 6.8.1"></head><body class="single"><div id="content" role="main"><article class="post type-post hentry"><div class="entry-content"><p>Post.</p></div></article>
<div id="comments"><ol class="commentlist"><li class="comment even thread-even depth-1" id="comment-98114"><div id="div-comment-98114" class="comment-body">
<div class="comment-author vcard"><cite class="fn"><a href="https://reader.example.net/" rel="external nofollow ugc" class="url">Reader</a></cite> <span class="says">says:</span></div>
<div class="comment-meta commentmetadata"><a href="${PAGE}#comment-98114">July 3, 2025 at 9:15 am</a></div>
<p>Reuters had it: <a href="https://www.reuters.com/world/story-2">story</a>.</p>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-98114">Reply</a></div>
</div></li></ol></div></div></body></html>`,
      PAGE,
    );
    expect(classic.links.find((l) => l.url === 'https://www.reuters.com/world/story-2')?.comment).toEqual({
      id: 'comment-98114',
      author: 'Reader',
      date: '2025-07-03',
    });
  });

  it("reads a GitHub comment's author and its relative-time date", () => {
    // A pull request's conversation as GitHub renders it (server side, before its React issues pages).
    const html = `<!doctype html><html><body><main><div class="js-discussion">
<div class="timeline-comment-group js-minimizable-comment-group" id="issuecomment-2145550123">
<div class="ml-n3 timeline-comment unminimized-comment comment previewable-edit js-comment" id="issuecomment-2145550123">
<div class="timeline-comment-header clearfix d-flex"><h3 class="f5 text-normal"><strong><a class="author Link--primary text-bold" href="/alice-dev">alice-dev</a></strong> commented <a href="#issuecomment-2145550123" class="Link--secondary js-timestamp"><relative-time datetime="2025-06-03T09:14:27Z" class="no-wrap">Jun 3, 2025</relative-time></a></h3></div>
<div class="edit-comment-hide"><task-lists disabled sortable><table class="d-block user-select-contain"><tbody class="d-block"><tr class="d-block"><td class="d-block comment-body markdown-body js-comment-body">
<p dir="auto">The parser rejects it, see <a href="https://url.spec.whatwg.org/#concept-basic-url-parser" rel="nofollow">the URL Standard</a>.</p>
</td></tr></tbody></table></task-lists></div>
</div></div></div></main></body></html>`;
    const link = extractLinks(parse(html), 'https://github.com/example/parser/pull/42', {
      now: NOW,
    }).links.find((l) => l.href.startsWith('https://url.spec'));
    expect(link).toMatchObject({ region: 'comments' });
    expect(link?.comment).toEqual({ id: 'issuecomment-2145550123', author: 'alice-dev', date: '2025-06-03' });
  });
});

describe('link texts with buttons inside', () => {
  it('leave out the buttons, and what is never page text, in content and in page furniture alike', () => {
    const html = `<!doctype html><html><body><header><a href="https://example.org/a">Home<button>Menu</button><script>var x = 1;</script></a></header>
<article><p>See <a href="https://example.org/b">the map<button>Restack</button></a> of the route.</p></article></body></html>`;
    const links = extractLinks(parse(html), PAGE, { now: NOW }).links;
    expect(links.map((l) => [l.text, l.region])).toEqual([
      ['Home', 'chrome'],
      ['the map', 'article'],
    ]);
    expect(links[1]?.context).toBe('See the map of the route.');
  });
});
