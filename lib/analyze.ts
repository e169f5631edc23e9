import { actionKind, sortLink } from './classify/classify';
import { identityList, type SiteIdentity, siteIdentity } from './classify/identity';
import { isEmbedSource } from './classify/kind';
import type { DateBounds } from './dates/calendar';
import { dateFromIds } from './dates/id-date';
import { dateFromUrl } from './dates/url-date';
import { type HostInfo, hostInfo, urlHostInfo } from './domains/host-info';
import type {
  Category,
  DateSource,
  ExtractResult,
  IsoDate,
  Kind,
  Link,
  RawLink,
  Region,
  Report,
} from './schemas';
import { canonicalize } from './url/canonical';
import { doiOf } from './url/doi';
import { isbnOf } from './url/isbn';
import { isWebUrl, MAX_URL_LENGTH, safeDecode, safeUrl, stemOf } from './url/parse';
import { hostOf, parseUrl, snapshot, type UrlParts } from './url/parts';
import { type Unwrapped, unwrap } from './url/unwrap';

export interface AnalyzeOptions {
  /** Hosts or domains the reader declared to be the page's own site too. */
  aliases?: readonly string[];
  now?: Date;
  /** Targets already resolved (the popup resolves each batch as it arrives); its `now` then applies. */
  targets?: TargetCache;
}

/** What one href resolves to; computed once per distinct href. */
interface Target {
  key: string;
  /** One number per distinct key (hrefs of one target share it): the links are grouped by it. */
  id: number;
  url: UrlParts | null;
  /** Set when the link acts on the page (share, sign in, mailto…) or is no URL at all. */
  action: Kind | null;
  archived?: Unwrapped['archived'];
  youTubeId?: string;
  /** The host's domain facts, for a web URL (else null). */
  info: HostInfo | null;
  /** The date its URL, IDs or archived copy give, and which. */
  date: IsoDate | null;
  dateSource: DateSource | null;
}

interface Group {
  target: Target;
  /** The form of the target whose date the link gives (`mergeForm`): the target itself unless another tells more. */
  dated: Target;
  /** An archived copy of the target, when one of its forms is one. */
  archived: Target['archived'];
  best: RawLink;
  /**
   * The text of the target's first link in content (an `<a>` with words): what names an embed that the page also
   * links, better than the embed's own label (WordPress's "Embed of …", a pasted player's "YouTube video player").
   */
  named: string | null;
  /** Occurrences in content (article, comments) and in chrome. */
  content: number;
  chrome: number;
  selected: boolean;
}

const REGION_RANK: Record<Region, number> = { article: 0, comments: 1, chrome: 2 };
/** A link's own words, when it is an `<a>` with some: what names an embed of the same target (`Group.named`). */
const wordsOf = (raw: RawLink): string | null => (raw.source === 'a' && raw.text !== '' ? raw.text : null);

/** How much a date tells of a target's age: its URL's or IDs' publication date, an archive's capture time, none. */
function dateRank(target: Target): number {
  return target.dateSource === null ? 2 : target.dateSource === 'archive' ? 1 : 0;
}

/**
 * Another form of a group's target (the same key: an archived copy of it, another URL form). Pages cite an original
 * and its archived copy side by side ("Archived from the original on…"): the copy's capture time tells that the
 * target existed by then, which the original's URL may not, so the link takes the date that tells the most, and
 * keeps the archived copy whichever form comes first.
 */
function mergeForm(group: Group, other: Target): void {
  if (other.archived && !group.archived) group.archived = other.archived;
  if (dateRank(other) < dateRank(group.dated)) group.dated = other;
}

/** What `href` resolves to, worked out in full (exported for tests: `TargetCache` takes shortcuts). */
export function resolveTarget(href: string, bounds: DateBounds, idOf: (key: string) => number): Target {
  const parts = parseUrl(href);
  let key: string;
  let url = parts;
  let action: Kind | null;
  let archived: Unwrapped['archived'];
  let youTubeId: string | undefined;
  if (!parts) {
    key = `invalid:${href.slice(0, 2000)}`;
    action = 'invalid';
  } else {
    action = actionKind(parts);
    if (action) {
      key = `${action}:${parts.href.slice(0, 2000)}`;
    } else {
      const unwrapped = unwrap(parts, bounds);
      const canon = canonicalize(unwrapped.url);
      key = canon.key;
      url = canon.parts;
      action = unwrapped.changed ? actionKind(url) : null;
      archived = unwrapped.archived;
      youTubeId = canon.youTubeId;
    }
  }
  // Its host's facts and date need nothing but its URL too: the popup has them worked out between batches.
  const info = url !== null && isWebUrl(url) ? urlHostInfo(url) : null;
  const [date, dateSource] = linkDate(info ? url : null, archived, bounds);
  const target: Target = { key, id: idOf(key), url, action, info, date, dateSource };
  if (archived) target.archived = archived;
  if (youTubeId) target.youTubeId = youTubeId;
  return target;
}

/**
 * What each distinct href resolves to (parsing, unwrapping, canonical form, host facts, date): the part of the
 * sorting that needs nothing but the href, so it can run while the rest of the page is still being read.
 */
export class TargetCache {
  private readonly targets = new Map<string, Target>();
  private readonly ids = new Map<string, number>();
  readonly bounds: DateBounds;

  constructor(now = new Date()) {
    this.bounds = { now };
  }

  get(href: string): Target {
    let target = this.targets.get(href);
    if (!target) {
      target = this.sameAsStem(href) ?? resolveTarget(href, this.bounds, this.idOf);
      this.targets.set(href, target);
    }
    return target;
  }

  /**
   * An href's target when it is its href without the fragment's (`…/post/#comment-12` is `…/post/`): pages link
   * many places in one page (every comment's permalink, a contents list, footnotes), and those share one target.
   * A fragment takes no part in any rule (the canonical form drops it) but for routes (`#!/`, Ghost's `#/portal/`),
   * WordPress's embed views (`#?secret=`), an action's key and an archived copy's address: there the href is
   * resolved itself. So is one whose stem would parse otherwise: with
   * a space before the `#` (a parser trims it off the end of the stem alone), or too long to parse whole.
   */
  private sameAsStem(href: string): Target | null {
    const hash = href.indexOf('#');
    const after = href.charCodeAt(hash + 1);
    if (hash <= 0 || after === 33 /* #! */ || after === 47 /* #/ */ || after === 63 /* #? */) return null;
    if (href.charCodeAt(hash - 1) <= 32) return null;
    if (href.length > MAX_URL_LENGTH) return null;
    const stem = this.get(href.slice(0, hash));
    return stem.action === null && stem.archived === undefined ? stem : null;
  }

  private readonly idOf = (key: string): number => {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  };

  add(links: readonly RawLink[]): void {
    for (const link of links) this.get(link.href);
  }
}

interface PageContext {
  key: string;
  /** The key of the page's own comments page (`<post>/comments`, where Substack's "Leave a comment" buttons go). */
  commentsKey: string;
  youTubeId: string | undefined;
  identity: SiteIdentity;
  published: IsoDate | null;
  /** The dates the page's citations give the works they cite, by target key. */
  citedDates: ReadonlyMap<string, IsoDate> | null;
}

/** Sorting rules that depend on the page: in-page anchors, the video's own timestamps, hashtags. */
function pageAction(target: Target, raw: RawLink, page: PageContext): Kind | null {
  if (target.action) return target.action;
  if (page.youTubeId && target.youTubeId === page.youTubeId) return 'timestamp';
  if (raw.href.startsWith('#') || target.key === page.key || target.key === page.commentsKey) return 'anchor';
  const url = target.url;
  if (
    url &&
    /^\/hashtag\//.test(url.pathname) &&
    /(^|\.)(youtube|twitter|x|facebook|instagram)\.com$/.test(hostOf(url))
  ) {
    return 'hashtag';
  }
  if (url && raw.text.charCodeAt(0) === 35 && isHashtag(raw.text, url)) return 'hashtag';
  return null;
}

/** A hashtag's text: `#` and a tag with a letter in it (`#1` is an issue's or a footnote's number). */
const HASHTAG = /^#(?=[\p{N}_]*\p{L})([\p{L}\p{M}\p{N}_]{1,140})$/u;

/**
 * A hashtag's link to its feed, on any site: the text is the tag and the address ends with it (Mastodon's
 * `/tags/Armenia`, Bluesky's `/hashtag/armenia`, Instagram's `/explore/tags/…`, Tumblr's `/tagged/…`) or searches
 * for it (`/search?q=%23armenia`).
 */
function isHashtag(text: string, url: UrlParts): boolean {
  const tag = HASHTAG.exec(text)?.[1]?.toLowerCase();
  if (!tag) return false;
  const path = safeDecode(url.pathname).toLowerCase();
  return (
    path.endsWith(`/${tag}`) ||
    path.endsWith(`/${tag}/`) ||
    safeDecode(url.search).toLowerCase().includes(`#${tag}`)
  );
}

function linkDate(
  url: UrlParts | null,
  archived: Target['archived'],
  bounds: DateBounds,
): [IsoDate | null, DateSource | null] {
  if (url) {
    const fromUrl = dateFromUrl(url, bounds);
    if (fromUrl) return [fromUrl, 'url'];
    const fromId = dateFromIds(url, bounds);
    if (fromId) return [fromId, 'id'];
  }
  if (archived?.capturedAt) return [archived.capturedAt, 'archive'];
  return [null, null];
}

function buildLink(group: Group, page: PageContext): Link {
  const { target, best } = group;
  const { url, info } = target;
  let { date, dateSource } = group.dated;
  // A citation's date of the work is better than the archive's first sight of it.
  const cited =
    dateSource === null || dateSource === 'archive' ? page.citedDates?.get(target.key) : undefined;
  if (cited) {
    date = cited;
    dateSource = 'citation';
  }
  const action = pageAction(target, best, page);
  let category: Category = 'other';
  let kind: Kind = action ?? 'invalid';
  let self = false;
  if (!action && info && url) {
    const sorted = sortLink({ url, info, source: best.source, region: best.region }, page.identity);
    ({ category, kind, self } = sorted);
  }
  const shown = info ? info.shown : null;
  const href = url?.href ?? best.href;
  const link: Link = {
    url: href,
    host: info?.host ?? '',
    displayHost: shown?.display ?? '',
    domain: info?.domain ?? '',
    category,
    kind,
    self,
    text: group.named !== null && isEmbedSource(best.source) ? group.named : best.text,
    context: best.context,
    region: best.region,
    // A cited link counts where it is cited; a menu item that is also cited in the text is counted once.
    occurrences: group.content || group.chrome,
    position: best.position,
    source: best.source,
    date,
    dateSource,
    citedDate: best.comment?.date ?? best.post?.date ?? (best.region === 'article' ? page.published : null),
  };
  if (best.why) link.why = best.why;
  if (best.comment) link.comment = best.comment;
  if (best.post) link.post = best.post;
  if (best.href !== href) link.originalUrl = best.href;
  if (group.archived) link.archived = group.archived;
  if (shown?.deceptive) link.deceptiveHost = true;
  const doi = info && url ? doiOf(url) : null;
  if (doi) link.doi = doi;
  const isbn = kind === 'book' && url ? isbnOf(url) : null;
  if (isbn) link.isbn = isbn;
  if (best.frame !== undefined) link.frame = best.frame;
  if (group.selected) link.selected = true;
  return link;
}

/** The page a URL shows: itself, or the original of an archived copy (web.archive.org/web/…/original). */
function originalPage(pageUrl: URL, bounds: DateBounds): { original: UrlParts; archived: boolean } {
  const unwrapped = unwrap(snapshot(pageUrl), bounds);
  return unwrapped.archived
    ? { original: unwrapped.url, archived: true }
    : { original: snapshot(pageUrl), archived: false };
}

/** The dates a page's citations give, by the key of the target each names (its forms share it). */
function citedDatesByKey(
  cited: ExtractResult['page']['citedDates'],
  targets: TargetCache,
): ReadonlyMap<string, IsoDate> | null {
  if (!cited?.length) return null;
  const byKey = new Map<string, IsoDate>();
  for (const { url, date } of cited) {
    const { key } = targets.get(url);
    if (!byKey.has(key)) byKey.set(key, date);
  }
  return byKey;
}

/** The registrable domain a report will give as the page's site (what site aliases are stored under). */
export function siteDomain(pageHref: string): string {
  const pageUrl = safeUrl(pageHref) ?? new URL('about:blank');
  return hostInfo(originalPage(pageUrl, { now: new Date() }).original.hostname).domain;
}

/**
 * From the extractor's occurrences to the report: each target once (all its URL forms merged, occurrences
 * counted, the first occurrence in the best region kept), sorted into primary / self / media / other, with
 * its domain and the date its URL or IDs give.
 */
export function analyze(extract: ExtractResult, options: AnalyzeOptions = {}): Report {
  const targets = options.targets ?? new TargetCache(options.now);
  const { bounds } = targets;
  const pageUrl = safeUrl(extract.page.url) ?? new URL('about:blank');
  const { original, archived } = originalPage(pageUrl, bounds);
  const identity = siteIdentity(original, extract.page.owner ?? [], options.aliases ?? []);
  const canon = canonicalize(original);
  const comments = parseUrl(`${stemOf(original.href)}/comments`);
  const page: PageContext = {
    key: canon.key,
    commentsKey: comments && isWebUrl(comments) ? canonicalize(comments).key : '',
    youTubeId: canon.youTubeId,
    identity,
    published: extract.page.published?.date ?? null,
    citedDates: citedDatesByKey(extract.page.citedDates, targets),
  };

  // By target ID (the links are put in page order after).
  const groups: Array<Group | undefined> = [];
  const selection = new Set(extract.selection ?? []);
  const raws = extract.links;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    const target = targets.get(raw.href);
    const inChrome = raw.region === 'chrome';
    const selected = selection.size > 0 && selection.has(raw.position);
    const group = groups[target.id];
    if (!group) {
      groups[target.id] = {
        target,
        dated: target,
        archived: target.archived,
        best: raw,
        named: inChrome ? null : wordsOf(raw),
        content: inChrome ? 0 : 1,
        chrome: inChrome ? 1 : 0,
        selected,
      };
      continue;
    }
    if (target !== group.target) mergeForm(group, target);
    if (inChrome) group.chrome++;
    else {
      group.content++;
      group.named ??= wordsOf(raw);
    }
    group.selected ||= selected;
    if (REGION_RANK[raw.region] < REGION_RANK[group.best.region]) group.best = raw;
  }

  const links: Link[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group) links.push(buildLink(group, page));
  }
  links.sort((a, b) => a.position - b.position);
  const counts = { primary: 0, self: 0, media: 0, other: 0 };
  for (const link of links) counts[link.category]++;
  const info = hostInfo(original.hostname);
  const report: Report = {
    schema: 'link-context/1',
    page: {
      url: original.href,
      title: extract.page.title,
      published: extract.page.published?.date ?? null,
      publishedSource: extract.page.published?.source ?? null,
      platform: extract.page.platform,
      site: { domain: info.domain, name: identity.name, identities: identityList(identity) },
    },
    links,
    counts,
    stats: extract.stats,
  };
  if (archived) report.page.archivedAt = pageUrl.href;
  if (extract.page.savedCopy) report.page.savedCopy = extract.page.savedCopy;
  return report;
}
