import fc from 'fast-check';
import { LinkifyIt } from 'linkify-it';
import { describe, expect, it } from 'vitest';
import { type DateBounds, isoDate } from '../../../lib/dates/calendar';
import { pageDates } from '../../../lib/dates/page-date';
import { parseTextDate, textDates } from '../../../lib/dates/text-date';
import { dateFromUrl } from '../../../lib/dates/url-date';
import {
  type BareUrl,
  findBareUrls,
  isLinkSeparator,
  isPlainUrl,
  matchBareUrls,
  mayHoldUrl,
  repairTypography,
} from '../../../lib/extract/bare-urls';
import { CONTEXT_LIMIT, cleanText, editText, sentenceAround } from '../../../lib/extract/context';
import { canonicalize } from '../../../lib/url/canonical';
import { pathSegment, safeUrl } from '../../../lib/url/parse';
import {
  isSerializedWebUrl,
  parseUrl,
  queryPairs,
  resolveHref,
  serializeQuery,
  snapshot,
} from '../../../lib/url/parts';
import { unwrap } from '../../../lib/url/unwrap';
import { parse } from '../../helpers/fixtures';
import { BASES, hrefLike, urlCorpus, urlLike } from '../../helpers/url-corpus';

const bounds: DateBounds = { now: new Date('2026-11-24T12:00:00Z') };
const RUNS = { numRuns: 400 };

/** A valid calendar date, no later than now, in the precision its form says. */
function assertValidDate(date: string | null): void {
  if (date === null) return;
  expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  const [y, m, d] = date.split('-').map(Number);
  expect(isoDate(y!, m ?? null, d ?? null, bounds)).toBe(date);
}

// URLs as pages write them: real hosts and wrappers, odd paths, tracking and meaningful parameters, fragments,
// percent-escapes, Unicode, and pieces of junk.
const host = fc.constantFrom(
  'example.org',
  'www.youtube.com',
  'youtu.be',
  'm.youtube.com',
  'www.google.com',
  'l.facebook.com',
  'web.archive.org',
  'archive.ph',
  'twitter.com',
  'x.com',
  'en.m.wikipedia.org',
  'xn--80ak6aa92e.com',
  'пример.рф',
  'disq.us',
  '127.0.0.1',
  '[::1]',
);
const segment = fc.oneof(
  fc.constantFrom(
    'watch',
    'url',
    'l.php',
    'redirect',
    'web',
    '2021',
    '10',
    '17',
    'status',
    '123456789012345678',
    'embed',
    'shorts',
    '*',
    '20170512093000',
  ),
  fc.stringMatching(/^[\w.%~-]{0,12}$/),
  fc.string({ maxLength: 8 }),
);
const param = fc.tuple(
  fc.constantFrom('v', 'q', 'u', 'url', 'utm_source', 'fbclid', 'si', 'id', 't', 'lc', 'feature', 'a'),
  fc.oneof(
    fc.constantFrom('QijsFn5iEv4', 'https://example.org/a?b=1', 'https%3A%2F%2Fnews.example%2Fx', '', '1'),
    fc.string({ maxLength: 10 }),
  ),
);
const webUrl = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS'),
    host,
    fc.array(segment, { maxLength: 5 }),
    fc.array(param, { maxLength: 4 }),
    fc.option(fc.string({ maxLength: 10 })),
  )
  .map(
    ([scheme, h, segs, params, hash]) =>
      `${scheme}://${h}/${segs.join('/')}${params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}${hash === null ? '' : `#${hash}`}`,
  );
// Wrappers around wrappers around URLs: redirects, link shims, archives, encoded or not.
const WRAPPERS = [
  (u: string) => `https://www.youtube.com/redirect?event=video_description&q=${encodeURIComponent(u)}`,
  (u: string) => `https://www.google.com/url?q=${u}&sa=D`,
  (u: string) => `https://l.facebook.com/l.php?u=${encodeURIComponent(u)}&h=AT0`,
  (u: string) => `https://web.archive.org/web/20170512093000/${u}`,
  (u: string) => `https://archive.ph/2020.01.02-030405/${u}`,
  (u: string) => `https://disq.us/url?url=${encodeURIComponent(u)}:abcdefghijkl`,
];
const wrapped = fc
  .tuple(fc.array(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), { minLength: 1, maxLength: 4 }), webUrl)
  .map(([layers, inner]) => layers.reduce((url, i) => WRAPPERS[i]!(url), inner));
const anyHref = fc.oneof(
  webUrl,
  wrapped,
  fc.string({ maxLength: 60 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

describe('properties', () => {
  it('a snapshot gives the same parts as the URL getters, and plain queries split as URLSearchParams would', () => {
    // Hosts with users, passwords, ports and IPv6 addresses; paths, queries and fragments with `?`, `#`, `@`, `:`.
    const authority = fc.tuple(
      fc.option(fc.constantFrom('user', 'u:p', 'a@b:c@d', ':', 'x%40y')),
      fc.constantFrom(
        'example.org',
        'EXAMPLE.org.',
        '[::1]',
        '[2001:db8::1]',
        '127.0.0.1',
        'xn--80ak6aa92e.com',
        'пример.рф',
      ),
      fc.option(fc.constantFrom('80', '443', '8080', '0', '65535')),
    );
    const tail = fc.stringMatching(/^[\w/?#@:=&;%+.*~ -]{0,24}$/);
    const href = fc.oneof(
      anyHref,
      fc
        .tuple(
          fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'mailto', 'data', 'javascript'),
          authority,
          tail,
        )
        .map(
          ([scheme, [user, host, port], rest]) =>
            `${scheme}://${user === null ? '' : `${user}@`}${host}${port === null ? '' : `:${port}`}/${rest}`,
        ),
    );
    fc.assert(
      fc.property(href, (text) => {
        const url = safeUrl(text, 'https://example.org/base/');
        if (!url) return;
        const parts = snapshot(url);
        for (const field of ['href', 'protocol', 'hostname', 'port', 'pathname', 'search', 'hash'] as const)
          expect(parts[field], field).toBe(url[field]);
        expect(queryPairs(url.search)).toEqual([...url.searchParams]);
        const pairs = [...url.searchParams];
        expect(serializeQuery(pairs)).toBe(new URLSearchParams(pairs).toString());
        for (const name of ['v', 'q', 'u', 'url', 'a', ''])
          expect(parts.searchParams.get(name)).toBe(url.searchParams.get(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('unwrapping and canonicalizing never throw, and canonical forms are fixed points', () => {
    fc.assert(
      fc.property(anyHref, (href) => {
        const url = safeUrl(href);
        if (!url) return;
        const unwrapped = unwrap(snapshot(url), bounds);
        // What unwrapping gives is a fixed point too: nothing left to unwrap.
        if (unwrapped.changed) expect(unwrap(unwrapped.url, bounds).changed).toBe(false);
        const once = canonicalize(unwrapped.url);
        const twice = canonicalize(once.parts);
        expect(twice.url).toBe(once.url);
        expect(twice.key).toBe(once.key);
        // The canonical URL is a URL, and parsing it again changes nothing.
        expect(new URL(once.url).href).toBe(once.url);
      }),
      RUNS,
    );
  });

  it('canonical keys ignore what they claim to ignore: fragments, tracking parameters, parameter order', () => {
    fc.assert(
      fc.property(webUrl, fc.string({ maxLength: 8 }), (href, junk) => {
        const url = safeUrl(href);
        if (!url || url.hash) return;
        const base = canonicalize(snapshot(url)).key;
        const withHash = safeUrl(`${url.href}#${encodeURIComponent(junk)}`)!;
        expect(canonicalize(snapshot(withHash)).key).toBe(base);
        const tracked = new URL(url.href);
        tracked.searchParams.append('utm_campaign', junk || 'x');
        expect(canonicalize(snapshot(tracked)).key).toBe(canonicalize(snapshot(new URL(url.href))).key);
      }),
      RUNS,
    );
  });

  it('date parsers return valid calendar dates (or null) for any text', () => {
    const datey = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 0, max: 40 }),
        )
        .chain(([y, m, d]) =>
          fc.constantFrom(
            `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            `${d}/${m}/${y}`,
            `${d}.${m}.${y}`,
            `${y}年${m}月${d}日`,
            `${d} March ${y}`,
            `March ${d}, ${y}`,
            `${d}. März ${y}`,
            `${d} de marzo de ${y}`,
            `Posted ${m}/${d}/${y}`,
          ),
        ),
    );
    fc.assert(
      fc.property(datey, fc.boolean(), (text, monthFirst) => {
        assertValidDate(parseTextDate(text, bounds));
        assertValidDate(parseTextDate(text, bounds, { monthFirst }));
        for (const { date } of textDates(text, bounds)) assertValidDate(date);
      }),
      { numRuns: 1000 },
    );
  });

  it('URL dates are valid calendar dates for any URL', () => {
    fc.assert(
      fc.property(webUrl, (href) => {
        const url = safeUrl(href);
        if (url) assertValidDate(dateFromUrl(snapshot(url), bounds));
      }),
      RUNS,
    );
  });

  it('page dates never throw and are valid for any markup', () => {
    const markup = fc
      .tuple(
        fc.constantFrom(
          '<meta property="article:published_time" content="X">',
          '<script type="application/ld+json">{"datePublished":"X"}</script>',
          '<time datetime="X">X</time>',
          '<p class="byline">Posted X</p>',
          '<span class="date">X</span>',
          '<script type="application/ld+json">{"datePublished":</script>',
        ),
        fc.string({ maxLength: 30 }),
      )
      .map(([tpl, x]) => tpl.replaceAll('X', x.replace(/[<>"]/g, '')));
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 4 }), (parts) => {
        const doc = parse(
          `<html><head>${parts.join('')}</head><body><article><h1>t</h1>${parts.join('')}</article></body></html>`,
        );
        const { published, modified } = pageDates(doc, bounds);
        assertValidDate(published);
        assertValidDate(modified);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cleanText', () => {
  const pieces = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00a0',
    '\u200b',
    '\u202e',
    '\u0007',
    'a',
    'word',
    '…',
    'é',
    '\ufeff',
    '\u3000',
  );
  it('returns a text as is only when its edits would not change it, for any text and limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (parts, limit) => {
          const text = parts.join('');
          expect(cleanText(text, limit)).toBe(editText(text, limit));
          expect(cleanText(text)).toBe(editText(text));
        },
      ),
      RUNS,
    );
  });

  it('agrees with its edits for every character of the Basic Multilingual Plane, inside a text and at its ends', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`a${c}b`, `${c}ab`, `ab${c}`, `a ${c}b`]) {
        if (cleanText(text) !== editText(text))
          wrong.push(`U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('sentenceAround', () => {
  it('shortens a long sentence to whole words around the span, within the limit, marking what it left out', () => {
    const word = fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,12}[,;]?$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^https:\/\/[a-z]{3,10}\.example\/[a-z0-9/-]{10,90}$/) },
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 80 }), fc.nat(), fc.nat(), (words, i, n) => {
        const sentence = `${words.join(' ')}.`;
        const first = i % words.length;
        const last = Math.min(words.length - 1, first + (n % 4));
        const start = words.slice(0, first).join(' ').length + (first ? 1 : 0);
        const end = start + words.slice(first, last + 1).join(' ').length;
        const span = sentence.slice(start, end);
        const out = sentenceAround(sentence, start, end);
        if (sentence.length <= CONTEXT_LIMIT) {
          expect(out).toBe(sentence);
          return;
        }
        expect(out.length).toBeLessThanOrEqual(CONTEXT_LIMIT);
        if (span.length > CONTEXT_LIMIT - 4) return;
        expect(out).toContain(span);
        // Every word shown is a whole word of the sentence, in its order; "…" stands for what was left out.
        const shown = out
          .replace(/…/g, ' … ')
          .split(' ')
          .filter((w) => w && w !== '…');
        const all = sentence.split(' ');
        let at = 0;
        for (const w of shown) {
          at = all.indexOf(w, at);
          expect(at).toBeGreaterThanOrEqual(0);
          at++;
        }
        expect(out.startsWith('…')).toBe(!sentence.startsWith(shown[0]!));
      }),
      { numRuns: 500 },
    );
  });
});

describe('findBareUrls', () => {
  it("takes linkify-it's separators (Z and Cc) as its own do, for every character", () => {
    const separator = new RegExp(`^(?:${new LinkifyIt().re.src_ZCc})$`, 'u');
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const expected = separator.test(String.fromCodePoint(code));
      if (code > 0xffff ? expected : isLinkSeparator(code) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  // Links and their surroundings as pages write them: schemes, www. hosts, protocol-relative ones, punctuation
  // linkify trims or keeps, quotes, brackets, typography, separators of every kind, and mentions that are not links.
  const piece = fc.constantFrom(
    'https://example.org/a/b?c=1#d',
    'http://www.news.az/news/x-640×381.jpg',
    'www.example.com/path',
    'WWW.EXAMPLE.COM',
    '//cdn.example.net/x.png',
    'https://ru.wikipedia.org/wiki/(film)',
    'ftp://files.example.org/x',
    'mailto:someone@example.org',
    'News.Az',
    'example.com',
    'https://',
    'www.',
    '://',
    '//',
    'https://x.org/a.',
    'https://x.org/a,',
    '"https://x.org/q"',
    '“https://x.org/curly”',
    '(https://x.org/p)',
    '<https://x.org/angle>',
    'https://x.org/it’s',
    'https://x.org/…',
    '@',
    '.',
    ',',
    ':',
    '-',
    '_',
    '|',
    '｜',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u3000',
    '\u2028',
    '\u200b',
    '\u0085',
    'word',
    'é',
  );

  it('finds in the runs that hold a candidate exactly what linkify-it finds in the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: piece }, fc.string()), { maxLength: 30 }),
        (parts) => {
          const text = parts.join('');
          const whole: BareUrl[] = [];
          if (mayHoldUrl(text)) matchBareUrls(repairTypography(text), 0, whole);
          expect(findBareUrls(text)).toEqual(whole);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('plain URLs, taken without linkify-it', () => {
  // URLs as pages write them, and near misses: every character near the edges of the plain set, labels at their
  // limits, more labels than linkify takes, ports, dots and question marks at the end or doubled.
  const label = fc.oneof(
    { weight: 30, arbitrary: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/) },
    fc.constantFrom('xn--p1ai', 'a'.repeat(63), 'b'.repeat(64), 'a-', '-a', 'a_b', 'é', 'A1', '1', ''),
  );
  const scheme = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('https://', 'http://') },
    fc.constantFrom('HTTPS://', 'ftp://', '//', 'https:/', 'http://www.', 'xhttps://'),
  );
  const pathChar = fc.oneof(
    { weight: 60, arbitrary: fc.constantFrom(...'abcXYZ0189_~=&%+#:@*/-.?'.split(''), '/', 'a', 'a') },
    fc.constantFrom(...'!,;()[]{}\'"$^`|<>\\ \u00a0é…’\u200b'.split(''), '..', '??', '.?', '?.'),
  );
  const candidate = fc
    .tuple(
      scheme,
      fc.array(label, { minLength: 1, maxLength: 12 }),
      fc.oneof({ weight: 9, arbitrary: fc.constant('') }, fc.constantFrom(':8080', ':', ':99999')),
      fc.option(
        fc.array(pathChar, { maxLength: 30 }).map((cs) => `/${cs.join('')}`),
        { freq: 6 },
      ),
    )
    .map(([s, labels, port, path]) => `${s}${labels.join('.')}${port}${path ?? ''}`);

  it('takes a run as plain only when linkify-it finds one link in it, the whole run, and keeps it whole', () => {
    let plain = 0;
    fc.assert(
      fc.property(candidate, (run) => {
        if (!isPlainUrl(run)) return;
        plain++;
        const found: BareUrl[] = [];
        matchBareUrls(run, 0, found);
        expect(found).toEqual([{ url: run, index: 0, length: run.length }]);
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches both sides: most of its runs are near misses, and plenty are plain.
    expect(plain).toBeGreaterThan(2000);
    expect(plain).toBeLessThan(18_000);
  });

  it('takes the URLs most comments write as plain, and leaves the rest to linkify-it', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://pennyforyourthoughts2.ca/2021/10/17/post/',
      'https://i0.wp.com/pennyforyourthoughts2.ca/wp-content/uploads/2015/01/map-640x381.jpg',
      'http://example.org',
      'https://en.wikipedia.org/wiki/Main_Page#History',
    ])
      expect(isPlainUrl(url), url).toBe(true);
    for (const run of [
      'https://x.org/a.',
      'https://x.org/wiki/(film)',
      '(https://x.org/p)',
      'https://x.org:8080/',
      'https://президент.рф/',
      'www.example.com/a',
      'https://x.org/a?',
      'https://x.org/a,b',
      `https://x.org/${'a'.repeat(3000)}`,
    ])
      expect(isPlainUrl(run), run).toBe(false);
  });
});

describe('URL shortcuts', () => {
  const PARTS = ['href', 'protocol', 'hostname', 'pathname', 'search', 'hash', 'port'] as const;

  it('takes an href as serialized only when the URL parser serializes it to itself, parts and all', () => {
    let taken = 0;
    fc.assert(
      fc.property(urlLike, (href) => {
        const parsed = safeUrl(href);
        const cut = parseUrl(href);
        if (isSerializedWebUrl(href)) {
          taken++;
          expect(parsed?.href).toBe(href);
        }
        expect(cut === null ? null : PARTS.map((k) => cut[k])).toEqual(
          parsed === null ? null : PARTS.map((k) => parsed[k]),
        );
      }),
      { numRuns: 5000 },
    );
    // The shortcut must be exercised, not only its fallback.
    expect(taken).toBeGreaterThan(500);
  });

  it('resolves hrefs against a page address exactly as the URL parser does', () => {
    for (const base of BASES) {
      fc.assert(
        fc.property(hrefLike, (href) => {
          expect(resolveHref(href, base)).toBe(safeUrl(href, base)?.href ?? null);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it("takes the corpus the browsers' parsers are held to (e2e) as Node's parser does", () => {
    const { urls, hrefs } = urlCorpus(3000);
    for (const href of urls) if (isSerializedWebUrl(href)) expect(new URL(href).href).toBe(href);
    for (const base of BASES)
      for (const href of hrefs) expect(resolveHref(href, base)).toBe(safeUrl(href, base)?.href ?? null);
  });
});

describe('pathSegment', () => {
  it("gives a path's segments as split('/').filter(Boolean) does", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[/a@%.]{0,12}$/), fc.nat(4), (path, n) => {
        expect(pathSegment(path, n)).toBe(path.split('/').filter(Boolean)[n]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isoDate', () => {
  // What it computed before its limit was kept per "now" and month lengths came from arithmetic: the oracle.
  function reference(year: number, month: number | null, day: number | null, b: DateBounds): string | null {
    if (!Number.isInteger(year) || year < (b.minYear ?? 1991) || year > 9999) return null;
    const limit = new Date(b.now.getTime() + 86_400_000);
    const [ly, lm, ld] = [limit.getUTCFullYear(), limit.getUTCMonth() + 1, limit.getUTCDate()];
    if (month === null) return year <= ly ? String(year) : null;
    if (!Number.isInteger(month) || month < 1 || month > 12) return null;
    if (year > ly || (year === ly && month > lm)) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    if (day === null) return `${year}-${pad(month)}`;
    if (!Number.isInteger(day) || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
      return null;
    if (year === ly && month === lm && day > ld) return null;
    return `${year}-${pad(month)}-${pad(day)}`;
  }

  it('agrees with the oracle for every year, month and day around the web era, against several "now"s', () => {
    const nows = [
      '2026-11-24T12:00:00Z',
      '2024-02-28T23:30:00Z',
      '2000-12-31T00:00:00Z',
      '2100-03-01T00:00:00Z',
    ];
    const wrong: string[] = [];
    for (const now of nows) {
      for (const minYear of [undefined, 2010]) {
        const b: DateBounds = minYear ? { now: new Date(now), minYear } : { now: new Date(now) };
        for (let y = 1985; y <= 2105; y++) {
          for (const m of [null, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2.5]) {
            for (const d of [null, 0, 1, 15, 28, 29, 30, 31, 32, 1.5]) {
              if (m === null && d !== null) continue;
              if (isoDate(y, m, d, b) !== reference(y, m, d, b))
                wrong.push(`${now} ${minYear} ${y}-${m}-${d}`);
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
