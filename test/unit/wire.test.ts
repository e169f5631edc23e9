import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../lib/extract/extract';
import { extractResultSchema } from '../../lib/schemas';
import { decodeExtract, encodeExtract, wireExtractSchema } from '../../lib/wire';
import { generateThread, THREAD_URL } from '../fixtures/generate-thread';
import { fixtureHtml, parse } from '../helpers/fixtures';

const PAGES: Array<[string, string]> = [
  [
    'wordpress-post.html',
    'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/',
  ],
  ['wordpress-archive.html', 'https://pennyforyourthoughts2.ca/2025/07/'],
  ['blogger-archive.html', 'https://pennyforyourthoughts2.blogspot.com/2018/01/'],
  ['youtube-watch.html', 'https://www.youtube.com/watch?v=QijsFn5iEv4'],
  ['maps-and-embeds.html', 'https://example.org/maps/'],
  ['news-article.html', 'https://www.example-news.com/2024/03/05/story/'],
];

/** What crosses from the page: JSON text of the wire form. */
const cross = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the page-to-popup wire form', () => {
  it('carries every fixture page’s result exactly, and validates as the object form does', () => {
    for (const [file, url] of PAGES) {
      const result = extractLinks(parse(fixtureHtml(file)), url);
      const wire = wireExtractSchema.parse(cross(encodeExtract(result)));
      const back = decodeExtract(wire);
      expect(back, file).toEqual(extractResultSchema.parse(cross(result)));
    }
  });

  it('is about half the object form on the 10,000-link thread: comments and strings sent once', () => {
    const result = extractLinks(parse(generateThread(2500)), THREAD_URL);
    const wire = encodeExtract(result);
    expect(JSON.stringify(wire).length).toBeLessThan(0.6 * JSON.stringify(result).length);
    expect(wire.comments.length).toBe(
      new Set(result.links.filter((l) => l.comment).map((l) => l.comment?.id)).size,
    );
    const strings = result.links.flatMap((l) => [l.href, l.text, l.context, l.why ?? '']);
    expect(new Set(wire.strings)).toEqual(new Set(strings.filter((s, i) => s || i % 4 !== 3)));
    expect(wire.strings.length).toBe(new Set(wire.strings).size);
    // A bare URL written as its own anchor text is one string.
    const bare = result.links.findIndex((l) => l.text === l.href);
    expect(bare).toBeGreaterThanOrEqual(0);
    expect(wire.links.text[bare]).toBe(wire.links.href[bare]);
    expect(decodeExtract(wire)).toEqual(result);
  });

  it('rejects columns of different lengths, references out of range and values out of their sets', () => {
    const result = extractLinks(parse(fixtureHtml('wordpress-post.html')), PAGES[0]![1]);
    const good = cross(encodeExtract(result)) as ReturnType<typeof encodeExtract>;
    const broken = (edit: (w: typeof good) => void) => {
      const w = structuredClone(good);
      edit(w);
      return wireExtractSchema.safeParse(w).success;
    };
    expect(broken(() => undefined)).toBe(true);
    expect(broken((w) => w.links.text.pop())).toBe(false);
    expect(broken((w) => w.links.comment.fill(w.comments.length))).toBe(false);
    expect(broken((w) => w.links.post.fill(-2))).toBe(false);
    expect(broken((w) => (w.links.region[0] = 3))).toBe(false);
    expect(broken((w) => (w.links.source[0] = 1.5))).toBe(false);
    expect(broken((w) => (w.links.href[0] = w.strings.length))).toBe(false);
    expect(broken((w) => (w.links.context[0] = '0' as unknown as number))).toBe(false);
    expect(broken((w) => (w.strings[w.links.text[0]!] = 'x'.repeat(2001)))).toBe(false);
    expect(broken((w) => (w.strings[w.links.why.find((i) => i >= 0)!] = 'x'.repeat(101)))).toBe(false);
    expect(broken((w) => (w.strings[0] = 7 as unknown as string))).toBe(false);
    expect(broken((w) => Object.assign(w, { extra: 1 }))).toBe(false);
  });
});
