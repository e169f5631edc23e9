import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';

// The test build (LC_TEST_BUILD=1, `npm run build:test`) gets host access so browser tests can scan fixture pages
// served under their real-looking URLs without a user's click, and a fixed key so its ID is known. The shipped
// build never has host access.
const testBuild = process.env['LC_TEST_BUILD'] === '1';
const testKey = testBuild
  ? (JSON.parse(readFileSync('test/e2e/test-key.json', 'utf8')) as { key: string }).key
  : null;

export default defineConfig({
  imports: false,
  ...(testBuild ? { outDir: '.output-test' } : {}),
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Compile-time flag: test-only hooks are dropped from shipped builds entirely.
  vite: () => ({ define: { __LC_TEST_BUILD__: JSON.stringify(testBuild) } }),
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
    ...(testBuild ? { host_permissions: ['<all_urls>'], key: testKey } : {}),
    action: { default_title: 'Link Context: what does this page cite?' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show the links this page cites',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'link-context@link-context.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
