import type { Platform } from '../schemas';
import { bareHost } from '../url/parse';

/** How deep into <body> platform markers are looked for: the app shells and admin bars sit near the top. */
const BODY_DEPTH = 4;

/** Body elements that name a platform: YouTube's and Reddit's app shells, Blogger's blog widget, WordPress's admin bar. */
function bodyMarker(el: Element): Platform | null {
  const tag = el.localName;
  if (tag === 'ytd-app' || tag === 'ytd-watch-flexy') return 'youtube';
  if (tag === 'shreddit-app') return 'reddit';
  const id = el.getAttribute('id');
  if (id === 'Blog1') return 'blogger';
  if (id === 'wpadminbar') return 'wordpress';
  const cls = el.getAttribute('class');
  if (cls && /(^|\s)blog-posts(\s|$)/.test(cls) && /(^|\s)hfeed(\s|$)/.test(cls)) return 'blogger';
  return null;
}

/** The first platform marker among the body's elements down to `depth` levels (breadth first). */
function markerNearTop(body: Element | null): Platform | null {
  let level: Element[] = body ? [body] : [];
  for (let depth = 0; depth < BODY_DEPTH && level.length; depth++) {
    const next: Element[] = [];
    for (const el of level) {
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
        const found = bodyMarker(child);
        if (found) return found;
        next.push(child);
      }
    }
    level = next;
  }
  return null;
}

/**
 * Which publishing platform rendered a document, from its host, its <head> (generator, WordPress's API link and
 * asset paths) and markers near the top of its body. No whole-document query: on a 100,000-element thread that is
 * most of a scan's budget outside the browser.
 */
export function detectPlatform(doc: Document, pageUrl: URL): Platform {
  const host = bareHost(pageUrl.hostname);
  if (/(^|\.)youtube\.com$/.test(host)) return 'youtube';
  if (host === 'news.ycombinator.com') return 'hackernews';
  const head = doc.head;
  const generator =
    head?.querySelector('meta[name="generator" i]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (generator.includes('blogger') || /\.blogspot\.[a-z.]+$/.test(host)) return 'blogger';
  if (
    generator.includes('wordpress') ||
    head?.querySelector(
      'link[rel="https://api.w.org/"], link[href*="/wp-content/"], link[href*="/wp-includes/"]',
    )
  ) {
    return 'wordpress';
  }
  return markerNearTop(doc.body) ?? 'generic';
}
