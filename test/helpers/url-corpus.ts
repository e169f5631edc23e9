// URL-like strings for holding the engine's URL shortcuts (`isSerializedWebUrl`, `resolveHref`) to real URL parsers:
// schemes, hosts and ports a parser rewrites or rejects next to plain ones, and path, query and fragment characters
// from both sides of every escape set. Biased towards plain pieces, so that many strings take the shortcut.
import fc from 'fast-check';

const scheme = fc.constantFrom(
  'https://',
  'https://',
  'https://',
  'http://',
  'HTTP://',
  'https:/',
  'ftp://',
  '',
);
const host = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('example.org', 'www.example.org', 'a-b.c-d.com', 'news.az', 'localhost'),
  },
  fc.constantFrom(
    'EXAMPLE.org',
    'Www.example.org',
    'www.Example.org',
    'example.Org',
    'a.b.C',
    '-a.com',
    'a-.com',
    'xn--80ak6aa92e.com',
    'xn--a.com',
    'x.xn--p1ai',
    '1.2.3.4',
    '1.2.3',
    '0x7f.1',
    'a.1',
    'a.0x1',
    'a.09',
    'a..b',
    '.a.com',
    'a.com.',
    'a_b.com',
    '123abc.com',
    'a.123abc',
    'café.com',
    'a b.com',
    '[::1]',
    '',
  ),
);
const authorityExtra = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  fc.constantFrom('user@', 'u:p@', ':80', ':443', ':8080', ':0', ':', ':65536'),
);
const plain = fc.stringMatching(/^[A-Za-z0-9._~-]{0,8}$/);
const odd = fc.constantFrom(
  '.',
  '..',
  '%41',
  '%2e',
  '%2E',
  '%zz',
  '%',
  "'",
  '"',
  '<',
  '>',
  '`',
  '{',
  '}',
  '|',
  '^',
  '\\',
  ' ',
  '\t',
  '\n',
  'é',
  '*',
  '!',
  '$',
  '&',
  '(',
  ')',
  '+',
  ',',
  ';',
  '=',
  ':',
  '@',
  '[',
  ']',
  '?',
  '/',
  '#',
  'xn--',
);
const piece = fc.oneof({ weight: 6, arbitrary: plain }, odd);
const pieces = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));
const path = fc.oneof(
  { weight: 6, arbitrary: fc.array(pieces(3), { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`) },
  fc.constant(''),
);
const optional = (prefix: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    pieces(5).map((q) => prefix + q),
  );

/** Absolute URL-like strings. */
export const urlLike = fc
  .tuple(scheme, host, authorityExtra, path, optional('?'), optional('#'))
  .map(([s, h, a, p, q, f]) => (a.endsWith('@') ? `${s}${a}${h}${p}${q}${f}` : `${s}${h}${a}${p}${q}${f}`));

/** Hrefs as pages write them: absolute, protocol-relative, root-relative, relative, query-only, fragment-only. */
export const hrefLike = fc.oneof(
  { weight: 3, arbitrary: urlLike },
  optional('#').map((f) => f || '#'),
  optional('?'),
  path,
  pieces(4),
  fc.tuple(host, path).map(([h, p]) => `//${h}${p}`),
);

/** Page addresses (serialized, as a page's `location.href` is). */
export const BASES = [
  'https://pennyforyourthoughts2.ca/2025/07/02/long-thread/',
  'https://example.org/a/b?c=1#frag',
  'http://localhost:8080/dir/page.html?x#',
  'https://www.youtube.com/watch?v=QijsFn5iEv4',
  'file:///home/reader/page.html',
];

/** A fixed sample of each, the same on every run (for comparing with a browser's parser). */
export function urlCorpus(count: number): { urls: string[]; hrefs: string[] } {
  return {
    urls: fc.sample(urlLike, { numRuns: count, seed: 20261201 }),
    hrefs: fc.sample(hrefLike, { numRuns: count, seed: 20261202 }),
  };
}
