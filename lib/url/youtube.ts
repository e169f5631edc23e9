import { hostFact } from './host-facts';
import { pathSegment } from './parse';
import { recordOf, snapshot, type UrlParts } from './parts';

const ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'gaming.youtube.com',
  'youtube-nocookie.com',
  'youtubekids.com',
]);

/** Path prefixes followed by a video ID: /shorts/ID, /embed/ID… */
const VIDEO_PATHS = new Set(['shorts', 'embed', 'live', 'v', 'e', 'vi']);

/** Which of YouTube's hosts a host is (the short links' or the site's), if any: worked out once per host. */
const youTubeHost = hostFact(({ bare }) =>
  bare === 'youtu.be' ? 'short' : YOUTUBE_HOSTS.has(bare) ? 'site' : null,
);

/** The video ID of any YouTube video URL form (watch, youtu.be, shorts, embed, live, v, e, m., music.), or null. */
export function youTubeVideoId(url: UrlParts): string | null {
  const host = youTubeHost(recordOf(url));
  if (host === null) return null;
  let id: string | null | undefined = null;
  if (host === 'short') {
    id = pathSegment(url.pathname, 0);
  } else {
    const first = pathSegment(url.pathname, 0);
    // The second segment is read where it is wanted, without a closure for it: one made per URL is slow where
    // functions get names at run time (tsx's `__name` helper, under which the CLI and Node bench run).
    if (first === 'watch') id = url.searchParams.get('v') ?? pathSegment(url.pathname, 1);
    else if (first && VIDEO_PATHS.has(first)) id = pathSegment(url.pathname, 1);
    else if (first === 'attribution_link') {
      const inner = url.searchParams.get('u');
      if (inner) {
        try {
          return youTubeVideoId(snapshot(new URL(inner, 'https://www.youtube.com')));
        } catch {
          return null;
        }
      }
    }
  }
  return id && ID.test(id) ? id : null;
}

export function youTubeWatchUrl(id: string): string {
  return `https://www.youtube.com/watch?v=${id}`;
}

/** A channel identity from a YouTube URL: `@handle`, `channel/UC…`, `c/name` or `user/name`, lower case. */
export function youTubeChannelKey(url: UrlParts): string | null {
  if (youTubeHost(recordOf(url)) !== 'site') return null;
  const first = pathSegment(url.pathname, 0);
  if (!first) return null;
  const second = pathSegment(url.pathname, 1);
  if (first.startsWith('@') && first.length > 1) return first.toLowerCase();
  if ((first === 'channel' || first === 'c' || first === 'user') && second)
    return `${first}/${second}`.toLowerCase();
  return null;
}
