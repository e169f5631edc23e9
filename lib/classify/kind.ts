import type { Kind, LinkSource } from '../schemas';
import { hostFact } from '../url/host-facts';
import { AMAZON_BOOK_PATH, AMAZON_HOST, isBookLookup, isbnInQuery } from '../url/isbn';
import { recordOf, type UrlParts } from '../url/parts';
import { youTubeVideoId } from '../url/youtube';
import { fromTable, inTable } from './lookup';
import {
  ACADEMIC,
  ARCHIVE,
  AUDIO_EXTENSIONS,
  AUDIO_HOSTS,
  BLOG_PLATFORMS,
  CODE,
  DOCUMENT_EXTENSIONS,
  IMAGE_EXTENSIONS,
  IMAGE_HOSTS,
  MAP_HOSTS,
  NEWS,
  REFERENCE,
  SOCIAL,
  VIDEO_EXTENSIONS,
  VIDEO_HOSTS,
} from './tables';

export type MediaKind = Extract<Kind, 'video' | 'audio' | 'image' | 'map' | 'embed'>;

const EMBED_SOURCES: Partial<Record<LinkSource, MediaKind>> = {
  iframe: 'embed',
  object: 'embed',
  embed: 'embed',
  video: 'video',
  audio: 'audio',
  source: 'video',
};

/** Whether a link was found as an embed (an iframe, a player, an object), whose text is its label or title. */
export function isEmbedSource(source: LinkSource): boolean {
  return EMBED_SOURCES[source] !== undefined;
}

type HostRule = RegExp | true | undefined;

/** A host's rules in the media tables (a path test, or `true` for every path): looked up once per host. */
const mediaHost = hostFact(
  ({ bare }): { video: HostRule; map: HostRule; audio: HostRule; image: boolean } => ({
    video: fromTable(bare, VIDEO_HOSTS),
    map: fromTable(bare, MAP_HOSTS),
    audio: fromTable(bare, AUDIO_HOSTS),
    image: inTable(bare, IMAGE_HOSTS) !== null,
  }),
);

function matches(rule: HostRule, path: string): boolean {
  return rule === true || (rule instanceof RegExp && rule.test(path));
}

/** Whether a URL is media (video, audio, image, map) by its platform, host or file extension; embeds always are. */
export function mediaKind(url: UrlParts, source: LinkSource): MediaKind | null {
  const rules = mediaHost(recordOf(url));
  const path = url.pathname;
  if (youTubeVideoId(url) || matches(rules.video, path) || VIDEO_EXTENSIONS.test(path)) return 'video';
  if (matches(rules.map, path)) return 'map';
  if (IMAGE_EXTENSIONS.test(path) || rules.image || /\/image\/upload\//.test(path)) return 'image';
  if (matches(rules.audio, path) || AUDIO_EXTENSIONS.test(path)) return 'audio';
  return EMBED_SOURCES[source] ?? null;
}

/**
 * Governments' second-level domains under a country's (`gov.uk`, `gouv.fr`, `go.jp`, `gc.ca`, `admin.ch`,
 * `bund.de`), and the generic `.gov`, `.mil`, `.int`. A country's is two letters: `go.com` is Disney's.
 */
const GOVERNMENT = /(?:^|\.)(?:gov|mil|gob|gouv|go|govt|gv|gc|admin|bund)\.[a-z]{2}$|\.(?:gov|mil|int)$/;
const GOVERNMENT_HOSTS = new Set([
  'canada.ca',
  'europa.eu',
  'gov.uk',
  'kremlin.ru',
  'government.ru',
  'mid.ru',
  'president.az',
  'mfa.gov.az',
  'un.org',
  'nato.int',
  'whitehouse.gov',
  'parliament.uk',
  'bundestag.de',
  'elysee.fr',
  'state.gov',
  'osce.org',
  'primeminister.am',
  'mfa.am',
  'mfa.gov.tr',
  'tccb.gov.tr',
  'gov.il',
  'gov.ge',
  'gov.ua',
  'president.gov.ua',
  // The United Nations' agencies and the other bodies of governments together (most of whose domains end in .int).
  'ohchr.org',
  'unhcr.org',
  'unicef.org',
  'undp.org',
  'unesco.org',
  'wfp.org',
  'unodc.org',
  'unfpa.org',
  'unep.org',
  'unctad.org',
  'fao.org',
  'ilo.org',
  'iaea.org',
  'wto.org',
  'icj-cij.org',
]);
/** Hosts whose pages are documents whatever their paths: shared files, scanned papers, slides. */
const DOCUMENT_HOSTS = new Set([
  'docs.google.com',
  'drive.google.com',
  'documentcloud.org',
  'scribd.com',
  'slideshare.net',
  'issuu.com',
]);
const ACADEMIC_SUFFIX = /\.(?:edu|ac\.[a-z]{2}|edu\.[a-z]{2})$/;
const BLOG_PATH = /(?:^|\/)blogs?(?:\/|$)|^\/\d{4}\/\d{1,2}\/(?:\d{1,2}\/)?[^/]+(?:\.html?|\/)?$/;

type HostKind = Extract<
  Kind,
  'government' | 'academic' | 'archive' | 'reference' | 'social' | 'news' | 'code' | 'blog'
>;
/** The kind a host's tables give it, worked out once per host: pages cite the same hosts again and again. */
const hostKind = hostFact(({ bare: host }): HostKind | 'youtube' | null => {
  // These tables first: a government's libraries of papers (PubMed, OSTI) and its web archives are read as papers
  // and archives are.
  if (inTable(host, ACADEMIC)) return 'academic';
  if (inTable(host, ARCHIVE)) return 'archive';
  if (GOVERNMENT.test(host) || inTable(host, GOVERNMENT_HOSTS)) return 'government';
  if (ACADEMIC_SUFFIX.test(host)) return 'academic';
  if (inTable(host, REFERENCE)) return 'reference';
  if (inTable(host, SOCIAL)) return 'social';
  if (inTable(host, NEWS) || /(?:^|[.-])news(?:[.-]|$)/.test(host)) return 'news';
  if (inTable(host, CODE)) return 'code';
  if (/\.blogspot\.[a-z.]+$/.test(host) || fromTable(host, BLOG_PLATFORMS) !== undefined) return 'blog';
  if (/^(?:www\.)?youtube\.com$/.test(host)) return 'youtube';
  return null;
});

/** A library's, a catalogue's or a bookseller's page of one book, by host and path. */
const BOOK_PAGES: ReadonlyArray<[host: RegExp, path: RegExp]> = [
  // books.google.com/books?id=…, /books/about/….html?id=…
  [/^books\.google\.[a-z.]+$/, /^\/books(?:\/|$)/],
  [/^google\.[a-z.]+$/, /^\/books\/edition\//],
  [/^openlibrary\.org$/, /^\/(?:books|works|isbn)\//],
  [/^(?:search\.)?worldcat\.org$/, /^\/(?:[a-z]{2}\/)?(?:oclc|title|isbn)\//],
  [/^goodreads\.com$/, /^\/book\/show\//],
  [AMAZON_HOST, AMAZON_BOOK_PATH],
  [/^gutenberg\.org$/, /^\/(?:ebooks|files)\/\d+/],
  [/^bookshop\.org$/, /^\/(?:p\/)?books\//],
  [/^isbnsearch\.org$/, /^\/isbn\//],
];
const bookPath = hostFact(({ bare }) => BOOK_PAGES.find(([host]) => host.test(bare))?.[1] ?? null);

function namesBook(url: UrlParts): boolean {
  if (isBookLookup(url)) return true;
  const path = bookPath(recordOf(url));
  // Any site's page that names its book by ISBN in its query (a bookseller's `?ean=978…`).
  return path?.test(url.pathname) === true || isbnInQuery(url) !== null;
}

const isDocumentHost = hostFact(({ bare }) => inTable(bare, DOCUMENT_HOSTS) !== null);

/** What kind of source a (non-media) URL is: news, government, academic, reference, social, archive, … */
export function sourceKind(url: UrlParts): Kind {
  const record = recordOf(url);
  const path = url.pathname;
  if (DOCUMENT_EXTENSIONS.test(path) || isDocumentHost(record)) return 'document';
  if (namesBook(url)) return 'book';
  const kind = hostKind(record);
  if (kind === 'government' || kind === 'academic' || kind === 'archive' || kind === 'reference') return kind;
  if (kind === 'social' || /^\/@[\w.]+\/\d{6,}$/.test(path)) return 'social';
  if (kind === 'news' || kind === 'code') return kind;
  if (kind === 'blog' || BLOG_PATH.test(path)) return 'blog';
  if (kind === 'youtube') return 'social';
  return 'web';
}
