import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION, ROOT } from './browser';

// The built packages as a store reviewer sees them. `npm test` builds the Firefox package (lint:firefox) and the
// Chromium test build (e2e) before this runs.
const FIREFOX = resolve(ROOT, '.output/firefox-mv2');
const STRICT =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe.each([
  ['Firefox (shipped)', FIREFOX],
  ['Chromium (test build)', EXTENSION],
])('%s package', (_name, dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('has a strict extension CSP', () => {
    const csp = manifest['content_security_policy'];
    expect(typeof csp === 'string' ? csp : (csp as { extension_pages: string }).extension_pages).toBe(STRICT);
  });

  it('holds no inline script, no eval, no HTML sink, no remote code', () => {
    for (const file of files(dir)) {
      const text = readFileSync(file, 'latin1');
      if (file.endsWith('.html')) {
        const scripts = text.match(/<script\b[^>]*>/g) ?? [];
        expect(
          scripts.filter((tag) => !/\bsrc="\/[^"]+\.js"/.test(tag)),
          file,
        ).toEqual([]);
        expect(text.match(/<script\b[^>]*>[^<]+<\/script>/g), file).toBeNull();
        expect(text.match(/\son[a-z]+=/g), file).toBeNull();
      }
      if (file.endsWith('.js')) {
        // Calls and assignments only (linkedom defines an insertAdjacentHTML method on its virtual DOM).
        const sinks =
          /[^\w.]eval\(|new Function\(|\.innerHTML\s*=[^=]|\.outerHTML\s*=[^=]|\.insertAdjacentHTML\(|document\.write\(|import\(\s*["']https?:|importScripts\(/g;
        const found = [...text.matchAll(sinks)].map((m) =>
          text.slice(Math.max(0, m.index - 40), m.index + 40),
        );
        expect(found, file).toEqual([]);
      }
    }
  });
});

describe('shipped permissions', () => {
  it('are what the README lists: no host access until the reader asks for look-ups', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest['permissions']).toEqual(['activeTab', 'scripting', 'storage', 'contextMenus']);
    expect(manifest['optional_permissions']).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest['content_scripts']).toBeUndefined();
  });
});
