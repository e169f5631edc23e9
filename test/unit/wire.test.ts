import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks, extractStaged } from '../../lib/extract/extract';
import { commentRefSchema, extractResultSchema, type RawLink } from '../../lib/schemas';
import { FrameReader, isCommentRef, type WireLinks, type WireMessage, wireLinksSchema } from '../../lib/wire';
import { encodeContexts, encodeDone, encodeExtract, encodeLinks, SAME_AS_HREF } from '../../lib/wire-encode';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { FIXTURE_PAGES, fixtureHtml, parse } from '../helpers/fixtures';

const PAGES = FIXTURE_PAGES;

/** What crosses from the page: each message as the browser's messaging copies it (JSON). */
const cross = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;

/** Feeds messages to a reader as the popup does; returns its result (null when the frame failed). */
function read(messages: readonly unknown[], onLinks?: (links: RawLink[]) => void) {
  const reader = new FrameReader(onLinks);
  let complete = false;
  for (const m of messages) complete = reader.accept(cross(m));
  return { result: reader.result, complete, problem: reader.problem };
}

describe('the page-to-popup wire form', () => {
  it('carries every fixture page’s result exactly, in batches of any size, and validates as the object form does', () => {
    for (const [file, url] of PAGES) {
      const result = extractLinks(parse(fixtureHtml(file)), url);
      const expected = extractResultSchema.parse(cross(result));
      for (const size of [1, 7, 1000]) {
        const got = read(encodeExtract(result, size));
        expect(got.complete).toBe(true);
        expect(got.result, `${file} in batches of ${size}`).toEqual(expected);
      }
    }
  });

  it('is sent by the extractor in batches of about 100,000 characters, in order, while it finishes the rest', () => {
    const batches: RawLink[][] = [];
    const result = extractLinks(parse(generateThread(2500)), THREAD_URL, {
      onLinks: (links) => batches.push(links),
    });
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.flat()).toEqual(result.links);
    for (const batch of batches.slice(0, -1)) {
      const chars = batch.reduce((n, l) => n + l.href.length + l.text.length + l.context.length, 0);
      expect(chars).toBeGreaterThanOrEqual(120_000);
      expect(chars).toBeLessThan(125_000);
    }
    let first = 0;
    const messages: WireMessage[] = batches.map((b) => {
      const m = encodeLinks(b, first);
      first += b.length;
      return m;
    });
    const prepared: RawLink[] = [];
    const got = read([...messages, encodeDone(result)], (links) => prepared.push(...links));
    expect(got.result).toEqual(result);
    // The popup had each batch as it arrived.
    expect(prepared).toEqual(result.links);
  });

  it('is about half the object form on the 10,000-link thread: comments and texts sent once per batch', () => {
    const result = extractLinks(parse(generateThread(2500)), THREAD_URL);
    const messages = encodeExtract(result, 1000);
    const size = messages.reduce((n, m) => n + JSON.stringify(m).length, 0);
    expect(size).toBeLessThan(0.6 * JSON.stringify(result).length);
    const batch = messages[0] as WireLinks;
    const links = result.links.slice(0, 1000);
    expect(batch.comments.length).toBe(
      new Set(links.filter((l) => l.comment).map((l) => l.comment?.id)).size,
    );
    // Texts, contexts and reasons once each; the hrefs (nearly all distinct) as they are.
    const strings = links.flatMap((l) => [l.text === l.href ? '' : l.text, l.context, l.why ?? '']);
    expect(new Set(batch.strings)).toEqual(new Set(strings.filter((s, i) => s || i % 3 === 1)));
    expect(batch.strings.length).toBe(new Set(batch.strings).size);
    expect(batch.links.href).toEqual(links.map((l) => l.href));
    // A bare URL written as its own anchor text is sent once, as its href.
    const bare = links.findIndex((l) => l.text === l.href);
    expect(bare).toBeGreaterThanOrEqual(0);
    expect(batch.links.text[bare]).toBe(SAME_AS_HREF);
  });

  it('rejects malformed batches: columns of different lengths, references out of range, strings too long', () => {
    const result = extractLinks(parse(fixtureHtml('wordpress-post.html')), PAGES[0]![1]);
    const good = cross(encodeLinks(result.links, 0));
    const valid = (edit: (w: WireLinks) => void) => {
      const w = structuredClone(good);
      edit(w);
      return wireLinksSchema.safeParse(w).success;
    };
    expect(valid(() => undefined)).toBe(true);
    expect(valid((w) => w.links.text.pop())).toBe(false);
    expect(valid((w) => w.links.comment.fill(w.comments.length))).toBe(false);
    expect(valid((w) => w.links.post.fill(-2))).toBe(false);
    expect(valid((w) => (w.links.region[0] = 3))).toBe(false);
    expect(valid((w) => (w.links.source[0] = 1.5))).toBe(false);
    expect(valid((w) => (w.links.href[0] = 7 as unknown as string))).toBe(false);
    expect(valid((w) => (w.links.text[0] = -2))).toBe(false);
    // A bare URL's text is its href, which must then be as short as a text.
    const longBare = (w: WireLinks) => {
      w.links.text[0] = SAME_AS_HREF;
      w.links.href[0] = `https://x.example/${'x'.repeat(2000)}`;
    };
    expect(valid(longBare)).toBe(false);
    expect(valid((w) => (w.links.context[0] = '0' as unknown as number))).toBe(false);
    expect(valid((w) => (w.strings[w.links.text[0]!] = 'x'.repeat(2001)))).toBe(false);
    expect(valid((w) => (w.strings[w.links.why.find((i) => i >= 0)!] = 'x'.repeat(101)))).toBe(false);
    expect(valid((w) => (w.strings[0] = 7 as unknown as string))).toBe(false);
    expect(valid((w) => Object.assign(w, { extra: 1 }))).toBe(false);
  });

  it("checks a batch's comment references exactly as the comment schema does", () => {
    const value = fc.oneof(
      fc.constantFrom(
        '2021-10-17',
        '2021-10',
        '2021',
        '2021-1-7',
        '21-10-17',
        '2021-10-17T00:00',
        '',
        'x'.repeat(2001),
      ),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.constantFrom(null, undefined, true, [], {}),
    );
    const key = fc.constantFrom('id', 'author', 'date', 'permalink', '__proto__', 'toString');
    const ref = fc.oneof(
      { weight: 5, arbitrary: fc.dictionary(key, value, { maxKeys: 4 }) },
      value,
      fc.array(value, { maxLength: 2 }),
    );
    fc.assert(
      fc.property(ref, (v) => {
        expect(isCommentRef(v)).toBe(commentRefSchema.safeParse(v).success);
      }),
      { numRuns: 3000, seed: 11 },
    );
    // Both kinds of answer are reached.
    expect(isCommentRef({ id: 'comment-7', author: 'Ann', date: '2021-10-17' })).toBe(true);
    expect(isCommentRef({ id: 'comment-7', extra: 1 })).toBe(false);
  });

  it('fails a frame whose messages are malformed, out of order, short of links or an error, never half-read', () => {
    const result = extractLinks(parse(fixtureHtml('wordpress-post.html')), PAGES[0]![1]);
    const messages = encodeExtract(result, 10);
    const [a, b, ...rest] = messages;
    const failed = (sequence: unknown[], problem: RegExp) => {
      const got = read(sequence);
      expect(got.complete).toBe(true);
      expect(got.result).toBeNull();
      expect(got.problem).toMatch(problem);
    };
    failed([b, a, ...rest], /out of order/);
    failed([a, ...rest], /out of order/);
    failed([a, b, ...rest.slice(-1)], /missing/);
    failed([a, { ...b, links: 'x' }, ...rest], /malformed/);
    failed([a, { type: 'error', message: 'The page could not be read: boom' }], /boom/);
    failed([a, 'hello'], /unknown/);
    failed([{ ...messages.at(-1), page: null }], /summary was malformed/);
    // Not finished: no result yet, and not complete.
    const partial = read([a, b]);
    expect(partial.complete).toBe(false);
    expect(partial.result).toBeNull();
    // Messages after the end are ignored.
    const reader = new FrameReader();
    for (const m of messages) reader.accept(cross(m));
    expect(reader.accept({ type: 'error', message: 'late' })).toBe(true);
    expect(reader.result).toEqual(extractResultSchema.parse(cross(result)));
  });
});

/** A page read in two stages, as the content script sends it to the popup: links, `done`, then the sentences. */
function staged(html: string, url: string) {
  const batches: RawLink[][] = [];
  const read = extractStaged(parse(html), url, { onLinks: (links) => batches.push(structuredClone(links)) });
  const messages: WireMessage[] = [];
  let first = 0;
  for (const batch of batches) {
    messages.push(encodeLinks(batch, first));
    first += batch.length;
  }
  const done = encodeDone(read.result, true);
  const contexts: WireMessage[] = [];
  read.contexts((from, sentences) => contexts.push(encodeContexts(from, sentences)));
  return { result: read.result, messages, done, contexts };
}

describe('context sentences after the links', () => {
  it('are the sentences a one-stage read gives, for every fixture page and the thread', () => {
    const pages: Array<[string, string]> = [
      ...PAGES.map(([file, url]): [string, string] => [fixtureHtml(file), url]),
      [generateThread(300), THREAD_URL],
    ];
    for (const [html, url] of pages) {
      const whole = extractLinks(parse(html), url);
      const two = staged(html, url);
      // Until the sentences come, the links are the same without them.
      expect(two.result.links).toEqual(whole.links.map((l) => ({ ...l, context: '' })));
      const reader = new FrameReader();
      for (const m of two.messages) expect(reader.accept(cross(m))).toBe(false);
      // `done` gives the result (the popup shows it) while the frame stays open for the sentences.
      expect(reader.accept(cross(two.done))).toBe(two.result.links.length === 0);
      expect(reader.ready).toBe(true);
      expect(reader.result?.links.every((l) => l.context === '')).toBe(true);
      expect(two.contexts.length).toBeGreaterThan(0);
      for (const [i, m] of two.contexts.entries())
        expect(reader.accept(cross(m))).toBe(i === two.contexts.length - 1);
      expect(reader.contextsComplete).toBe(true);
      expect(reader.result).toEqual(extractResultSchema.parse(cross(whole)));
    }
  });

  it('start coming while the page is still being walked, in page order, and are the links a one-stage read gives', () => {
    const para = (i: number, n: number) =>
      `<p>Claim ${i}: as <a href="https://news${i % 37}.example.com/${i}/${n}">the report ${n}</a> says, and see https://docs.example.org/${i}/${n}.</p>`;
    const post = (i: number, paragraphs = 12) =>
      `<article class="post type-post hentry"><h2 class="entry-title"><a href="https://blog.example.net/2020/01/post-${i}/">Post ${i}</a></h2>` +
      `<time class="published" datetime="2020-01-${String((i % 28) + 1).padStart(2, '0')}">Jan</time>` +
      `<div class="entry-content">${Array.from({ length: paragraphs }, (_, n) => para(i, n)).join('')}</div></article>`;
    const page = (body: string) =>
      `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
    const cases: Array<{ name: string; html: string; url: string; early: boolean }> = [
      { name: 'the thread', html: generateThread(2500), url: THREAD_URL, early: true },
      // An archive: each post's links wait until a second post makes the page one, then go (the first post has
      // more links than the walk meets before it first sends some).
      {
        name: 'an archive',
        html: page(
          `<main>${post(0, 300)}${Array.from({ length: 150 }, (_, i) => post(i + 1)).join('')}</main>`,
        ),
        url: 'https://blog.example.net/2020/01/',
        early: true,
      },
      // Links outside any known region wait until content is seen (then they are furniture).
      {
        name: 'links before the content',
        html: page(
          `<div>${Array.from({ length: 700 }, (_, i) => `<a href="/tag/${i}">tag ${i}</a>`).join(' ')}</div>` +
            `<main>${Array.from({ length: 1500 }, (_, i) => para(i, 0)).join('')}</main>`,
        ),
        url: 'https://site.example.com/page/',
        early: true,
      },
      // One paragraph read across many batches: its sentences are found in a text joined in several runs.
      {
        name: 'one long paragraph',
        html: page(
          `<main><p>${Array.from({ length: 2500 }, (_, i) => `Claim ${i} is in <a href="https://src.example.org/${i}">source ${i}</a>, as said. `).join('')}</p></main>`,
        ),
        url: 'https://site.example.com/long/',
        early: true,
      },
      // A page whose regions are never known: every link waits for the end of the walk.
      {
        name: 'no known region',
        html: page(`<div>${Array.from({ length: 2000 }, (_, i) => para(i, 1)).join('')}</div>`),
        url: 'https://site.example.com/plain/',
        early: false,
      },
      // One post: its links wait for the end of the walk (they would name their post on an archive).
      {
        name: 'a single post',
        html: page(
          `<main>${post(1)}${Array.from({ length: 150 }, () => post(2).replace(/hentry|post /g, '')).join('')}</main>`,
        ),
        url: 'https://blog.example.net/2020/01/post-1/',
        early: false,
      },
    ];
    for (const { name, html, url, early } of cases) {
      // Every seventh link is in the reader's selection (the selection test is asked once per link, in page order).
      let asked = 0;
      const whole = extractLinks(parse(html), url, { isSelected: () => asked++ % 7 === 0 });
      expect(whole.links.length, name).toBeGreaterThan(1200);
      // How many links the walk had met when each batch went out.
      let met = 0;
      const metAtBatch: number[] = [];
      const batches: RawLink[][] = [];
      const read = extractStaged(parse(html), url, {
        isSelected: () => met++ % 7 === 0,
        onLinks: (links) => {
          metAtBatch.push(met);
          batches.push(structuredClone(links));
        },
      });
      expect(batches.flat(), name).toEqual(whole.links.map((l) => ({ ...l, context: '' })));
      expect(read.result.links, name).toEqual(batches.flat());
      expect(read.result.selection, name).toEqual(whole.selection);
      expect(whole.selection?.length, name).toBe(Math.ceil(whole.links.length / 7));
      // Their sentences, asked for after, are those of the one-stage read.
      const sentences: string[] = [];
      read.contexts((_, batch) => sentences.push(...batch));
      expect(sentences, name).toEqual(whole.links.map((l) => l.context));
      expect(metAtBatch.length, name).toBeGreaterThan(1);
      // Early: every batch but the last went out before the walk had met every link. Else all at its end.
      const total = whole.links.length;
      expect(
        metAtBatch.map((n) => n < total),
        name,
      ).toEqual(metAtBatch.map((_, i) => early && i < metAtBatch.length - 1));
      // A batch closes at 120,000 characters or 2,000 links, and only the last is short.
      for (const batch of batches.slice(0, -1))
        expect(
          batch.length === 2000 || batch.reduce((n, l) => n + l.href.length + l.text.length, 0) >= 120_000,
          name,
        ).toBe(true);
    }
  });

  it('come in batches of about 100,000 characters (or 2,000 links) on the thread, each distinct sentence once per batch', () => {
    const two = staged(generateThread(2500), THREAD_URL);
    expect(two.contexts.length).toBeGreaterThan(5);
    for (const m of two.contexts.slice(0, -1)) {
      if (m.type !== 'contexts') throw new Error(m.type);
      const chars = m.context.reduce((n, i) => n + m.strings[i]!.length, 0);
      // A batch closes at 120,000 characters or 2,000 links, as the links' batches do.
      expect(
        chars >= 120_000 || m.context.length === 2000,
        `${chars} characters, ${m.context.length} links`,
      ).toBe(true);
      expect(chars).toBeLessThan(125_000);
      expect(m.strings.length).toBe(new Set(m.strings).size);
      expect(m.strings.length).toBeLessThan(m.context.length);
    }
    // Nobody listening (the popup closed): the rest are not worked out.
    const read = extractStaged(parse(generateThread(2500)), THREAD_URL);
    let calls = 0;
    read.contexts(() => {
      calls++;
      return false;
    });
    expect(calls).toBe(1);
  });

  it('that stop, come out of order or are malformed leave the links as read, with the sentences that came', () => {
    const two = staged(fixtureHtml('wordpress-post.html'), PAGES[0]![1]);
    const whole = extractResultSchema.parse(
      cross(extractLinks(parse(fixtureHtml('wordpress-post.html')), PAGES[0]![1])),
    );
    const [c] = two.contexts;
    if (c?.type !== 'contexts') throw new Error('no sentences');
    const after = (...tail: unknown[]) => {
      const reader = new FrameReader();
      for (const m of [...two.messages, two.done]) reader.accept(cross(m));
      let over = false;
      for (const m of tail) over = reader.accept(cross(m));
      return { reader, over };
    };
    const cases: Array<[unknown[], RegExp]> = [
      [[{ ...c, first: 1 }], /out of order/],
      [[{ ...c, context: [...c.context, 0] }], /out of order/],
      [[{ ...c, context: c.context.map(() => c.strings.length) }], /malformed/],
      [[{ ...c, strings: c.strings.map(() => 'x'.repeat(2001)) }], /malformed/],
      [[{ type: 'error', message: 'The page could not be read: boom' }], /boom/],
      [['hello'], /unknown/],
    ];
    for (const [tail, problem] of cases) {
      const { reader, over } = after(...tail);
      expect(over).toBe(true);
      expect(reader.contextsProblem).toMatch(problem);
      expect(reader.contextsComplete).toBe(false);
      // The links stay, as read; only their sentences are missing.
      expect(reader.result?.links.map((l) => l.href)).toEqual(whole.links.map((l) => l.href));
      expect(reader.result?.links.every((l) => l.context === '')).toBe(true);
    }
    // Half the sentences, then a malformed batch: the first half stay.
    const half = staged(fixtureHtml('wordpress-post.html'), PAGES[0]![1]);
    const reader = new FrameReader();
    for (const m of [...half.messages, half.done]) reader.accept(cross(m));
    const n = Math.floor(c.context.length / 2);
    reader.accept(
      cross(
        encodeContexts(
          0,
          c.context.slice(0, n).map((i) => c.strings[i]!),
        ),
      ),
    );
    expect(reader.accept({ type: 'contexts', first: n })).toBe(true);
    expect(reader.result?.links.slice(0, n).map((l) => l.context)).toEqual(
      whole.links.slice(0, n).map((l) => l.context),
    );
    expect(reader.result?.links.slice(n).every((l) => l.context === '')).toBe(true);
  });
});
