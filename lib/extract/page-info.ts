import type { DateBounds } from '../dates/calendar';
import { type BodyHints, jsonLdPublished, pageDates } from '../dates/page-date';
import { parseTextDate } from '../dates/text-date';
import { dateFromUrl } from '../dates/url-date';
import type { Dated, IsoDate, PageInfo, Platform } from '../schemas';
import { youTubeVideoId } from '../url/youtube';
import { cleanText } from './context';

function youTubeTitle(doc: Document): string {
  const h1 = doc.querySelector('ytd-watch-metadata h1, h1.ytd-video-primary-info-renderer, #title h1');
  return h1?.textContent?.trim() || (doc.title ?? '').replace(/\s+-\s+YouTube\s*$/, '');
}

/**
 * The page's VideoObject microdata, if it describes the video on screen: YouTube keeps the microdata of the video
 * the page first loaded, so after in-app navigation it may describe another one.
 */
function currentVideoMicrodata(doc: Document, videoId: string | null): Element | null {
  const micro = doc.querySelector('[itemtype*="VideoObject"]');
  const microId = micro
    ?.querySelector('meta[itemprop="videoId"], meta[itemprop="identifier"]')
    ?.getAttribute('content');
  return micro && (!videoId || !microId || microId === videoId) ? micro : null;
}

/** The channel that owns a YouTube video: channel URLs and handles from the owner box and microdata. */
function youTubeOwner(doc: Document, micro: Element | null): string[] {
  const owner = new Set<string>();
  for (const a of doc.querySelectorAll(
    'ytd-video-owner-renderer a[href], #owner #channel-name a[href], #upload-info a[href]',
  )) {
    const href = a.getAttribute('href');
    if (href && /^\/?(@|channel\/|c\/|user\/)|youtube\.com\/(@|channel\/|c\/|user\/)/.test(href))
      owner.add(href);
  }
  if (micro) {
    for (const link of micro.querySelectorAll(
      '[itemprop="author"] link[itemprop="url"], [itemprop="author"] [itemprop="url"]',
    )) {
      const href = link.getAttribute('href') ?? link.getAttribute('content');
      if (href) owner.add(href);
    }
    const channelId = micro.querySelector('meta[itemprop="channelId"]')?.getAttribute('content');
    if (channelId) owner.add(`/channel/${channelId}`);
  }
  return [...owner].slice(0, 20);
}

function youTubePublished(
  doc: Document,
  videoId: string | null,
  micro: Element | null,
  bounds: DateBounds,
): IsoDate | null {
  if (micro) {
    const content = micro
      .querySelector('meta[itemprop="uploadDate"], meta[itemprop="datePublished"]')
      ?.getAttribute('content');
    const date = content ? parseTextDate(content, bounds) : null;
    if (date) return date;
  }
  // Only JSON-LD that names this video: other metadata on the page may be left over from an earlier one.
  const fromLd = jsonLdPublished(doc, bounds, (json) => !videoId || json.includes(videoId));
  if (fromLd) return fromLd;
  // The date as shown under the video: "Jan 20, 2018", "Premiered Jan 20, 2018", "Streamed live on …".
  const shown = doc.querySelector(
    '#info-strings yt-formatted-string, ytd-watch-info-text #info, #info-container #info',
  );
  return shown ? parseTextDate(shown.textContent ?? '', bounds) : null;
}

/** Title, published date and owner of the page, from its markup. `posts` > 1 means an archive page. */
export function pageInfo(
  doc: Document,
  pageUrl: URL,
  platform: Platform,
  posts: number,
  bounds: DateBounds,
  body?: BodyHints,
): PageInfo {
  if (platform === 'youtube') {
    const videoId = youTubeVideoId(pageUrl);
    const micro = currentVideoMicrodata(doc, videoId);
    const published = youTubePublished(doc, videoId, micro, bounds);
    return {
      url: pageUrl.href,
      title: cleanText(youTubeTitle(doc), 300),
      published: published ? { date: published, source: 'meta' } : null,
      platform,
      owner: youTubeOwner(doc, micro),
      posts,
    };
  }
  // Open Graph tags belong in the head; the walk collected any the body holds.
  const ogTitle = (
    doc.head?.querySelector('meta[property="og:title"]') ??
    body?.metas.find((m) => m.getAttribute('property') === 'og:title')
  )?.getAttribute('content');
  // New Reddit's post names itself and when it was posted: <shreddit-post post-title="…" created-timestamp="…">
  const redditPost = platform === 'reddit' ? doc.querySelector('shreddit-post') : null;
  const title = cleanText(
    redditPost?.getAttribute('post-title') || ((posts > 1 ? doc.title : ogTitle || doc.title) ?? ''),
    300,
  );
  // An archive page has no date of its own; its posts' dates are attributed to their links.
  const dates = posts > 1 ? { published: null, modified: null } : pageDates(doc, bounds, undefined, body);
  const date = parseTextDate(redditPost?.getAttribute('created-timestamp') ?? '', bounds) ?? dates.published;
  let published: Dated | null = date ? { date, source: 'meta' } : null;
  if (!published && platform === 'hackernews') {
    // When the story was submitted, as its header gives it: <span class="age" title="2025-07-03T14:02:11 1751551331">
    const age = doc.querySelector('.fatitem .age[title]')?.getAttribute('title');
    const submitted = age ? parseTextDate(age, bounds) : null;
    if (submitted) published = { date: submitted, source: 'meta' };
  }
  if (!published && posts <= 1) {
    const fromUrl = dateFromUrl(pageUrl, bounds);
    if (fromUrl) published = { date: fromUrl, source: 'url' };
  }
  return { url: pageUrl.href, title, published, modified: dates.modified, platform, posts };
}
