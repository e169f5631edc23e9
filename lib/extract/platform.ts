import type { Platform } from '../schemas';
import { bareHost } from '../url/parse';

/** Which publishing platform rendered a document, from its markup (and, for YouTube, its host). */
export function detectPlatform(doc: Document, pageUrl: URL): Platform {
  const host = bareHost(pageUrl.hostname);
  if (/(^|\.)youtube\.com$/.test(host) || doc.querySelector('ytd-app, ytd-watch-flexy')) return 'youtube';
  const generator =
    doc.querySelector('meta[name="generator" i]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (
    generator.includes('blogger') ||
    /\.blogspot\.[a-z.]+$/.test(host) ||
    doc.querySelector('#Blog1, .blog-posts.hfeed')
  ) {
    return 'blogger';
  }
  if (
    generator.includes('wordpress') ||
    doc.querySelector(
      'link[rel="https://api.w.org/"], link[href*="/wp-content/"], link[href*="/wp-includes/"], #wpadminbar',
    )
  ) {
    return 'wordpress';
  }
  return 'generic';
}
