import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// The test build (LC_TEST_BUILD=1, `npm run build:test`) gets host access so browser tests can scan fixture pages
// served under their real-looking URLs without a user's click, and a fixed key so its ID is known. The shipped
// build never has host access.
const testBuild = process.env['LC_TEST_BUILD'] === '1';
const testKey = testBuild
  ? (JSON.parse(readFileSync('test/e2e/test-key.json', 'utf8')) as { key: string }).key
  : null;

/**
 * No HTML sink in the shipped code. Preact's `dangerouslySetInnerHTML` (never used here) is removed, so nothing in
 * the popup can assign `innerHTML`; linkedom's two `x.innerHTML = html` on its own virtual elements (no browser
 * sink: its setter only calls its parser) call that parser directly. Each edit must match the pinned library
 * code exactly, or the build stops: an upgrade cannot silently bring a sink back. Mozilla's linter checks the
 * result (`npm run lint:firefox`).
 */
const HTML_SINK_EDITS: Array<{ file: RegExp; from: string; to: string; prepend?: string }> = [
  {
    file: /node_modules\/preact\/dist\/preact\.mjs$/,
    from: '(t.innerHTML=h.__html)',
    to: '(()=>{throw new Error("Link Context: dangerouslySetInnerHTML is disabled")})()',
  },
  {
    file: /node_modules\/linkedom\/esm\/shared\/utils\.js$/,
    from: 'elem.innerHTML = html;',
    to: 'setInnerHtml(elem, html);',
    prepend: "import {setInnerHtml} from '../mixin/inner-html.js';\n",
  },
  {
    file: /node_modules\/linkedom\/esm\/interface\/element\.js$/,
    from: 'template.innerHTML = html;',
    to: 'setInnerHtml(template, html);',
  },
];

const noHtmlSinks: Plugin = {
  name: 'link-context:no-html-sinks',
  enforce: 'pre',
  transform(code, id) {
    const edit = HTML_SINK_EDITS.find((e) => e.file.test(id.split('?')[0]!));
    if (!edit) return null;
    if (!code.includes(edit.from)) {
      throw new Error(
        `${id}: expected "${edit.from}" (library changed? update HTML_SINK_EDITS in wxt.config.ts)`,
      );
    }
    return { code: (edit.prepend ?? '') + code.replaceAll(edit.from, edit.to), map: null };
  },
};

export default defineConfig({
  imports: false,
  ...(testBuild ? { outDir: '.output-test' } : {}),
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Mozilla's reviewers rebuild from the sources archive: the tracked project, without local scratch and outputs.
  zip: { excludeSources: ['scratch/**', 'test-results/**', '.output-test/**', 'coverage/**'] },
  // Compile-time flag: test-only hooks are dropped from shipped builds entirely.
  vite: () => ({ define: { __LC_TEST_BUILD__: JSON.stringify(testBuild) }, plugins: [noHtmlSinks] }),
  // Every size the stores and toolbars ask for, drawn from one SVG.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Link Context',
    description:
      "See where a page's claims come from: every cited link, sorted into primary sources, self-citations and media, with its domain and age.",
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    // Age look-ups fetch the linked pages: asked for at the reader's first "Look up ages", never at install.
    // Manifest V2 (Firefox) lists optional host access among its optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    // Chromium derives the extension ID from `key`; Firefox takes its ID from browser_specific_settings.
    ...(testBuild
      ? { host_permissions: ['<all_urls>'], ...(browser === 'firefox' ? {} : { key: testKey }) }
      : {}),
    // Firefox's WebDriver BiDi may not navigate to extension pages; the Firefox test build lets a page open the
    // popup page instead (shipped builds expose nothing to pages).
    ...(testBuild && browser === 'firefox'
      ? { web_accessible_resources: ['popup.html', 'chunks/*', 'assets/*', 'icons/*'] }
      : {}),
    action: { default_title: 'Link Context: what does this page cite?' },
    // No inline script, no eval, no remote code, no plugins, no <base> or form tricks in extension pages. Network
    // look-ups (connect-src) stay open: they go wherever the cited links are.
    content_security_policy:
      manifestVersion === 2
        ? `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
        : {
            extension_pages: `script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
          },
    commands: {
      // Manifest V2 (Firefox) names the toolbar button's command after its browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show the links this page cites',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'link-context@link-context.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
