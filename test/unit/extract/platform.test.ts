import { describe, expect, it } from 'vitest';
import { detectPlatform } from '../../../lib/extract/platform';
import { parse } from '../../helpers/fixtures';

const at = (html: string, url = 'https://example.org/2024/05/post/') =>
  detectPlatform(parse(html), new URL(url));

describe('platform detection', () => {
  it('reads the generator and WordPress links in the head', () => {
    expect(at('<html><head><meta name="Generator" content="Blogger"></head><body></body></html>')).toBe(
      'blogger',
    );
    expect(at('<html><head><meta name="generator" content="WordPress 6.8"></head><body></body></html>')).toBe(
      'wordpress',
    );
    expect(
      at(
        '<html><head><link rel="https://api.w.org/" href="https://example.org/wp-json/"></head><body></body></html>',
      ),
    ).toBe('wordpress');
    expect(
      at(
        '<html><head><link rel="stylesheet" href="/wp-content/themes/x/style.css"></head><body></body></html>',
      ),
    ).toBe('wordpress');
  });

  it('knows hosts: YouTube and blogspot', () => {
    expect(at('<html><body></body></html>', 'https://m.youtube.com/watch?v=abc')).toBe('youtube');
    expect(at('<html><body></body></html>', 'https://someone.blogspot.co.uk/')).toBe('blogger');
  });

  it('finds app shells and widgets near the top of the body (saved pages, custom domains)', () => {
    expect(
      at('<html><body><ytd-app><div id="content"></div></ytd-app></body></html>', 'file:///tmp/v.html'),
    ).toBe('youtube');
    expect(
      at(
        '<html><body><div class="content"><div class="main"><div id="Blog1"></div></div></div></body></html>',
      ),
    ).toBe('blogger');
    expect(at('<html><body><div class="blog-posts hfeed"></div></body></html>')).toBe('blogger');
    expect(at('<html><body><main></main><div id="wpadminbar"></div></body></html>')).toBe('wordpress');
  });

  it('does not take a marker buried in content, or a lookalike, as the platform', () => {
    const deep = '<div><div><div><div><div><div id="wpadminbar"></div></div></div></div></div></div>';
    expect(at(`<html><body>${deep}</body></html>`)).toBe('generic');
    expect(at('<html><body><div class="blog-posts"></div><p>hfeed</p></body></html>')).toBe('generic');
    expect(
      at('<html><head><meta name="description" content="wordpress tips"></head><body></body></html>'),
    ).toBe('generic');
  });
});
