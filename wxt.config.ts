import { defineConfig } from 'wxt';

// The test build (LC_TEST_HOSTS=1) may read the fixture server; the shipped build never has host access.
const testHosts = process.env['LC_TEST_HOSTS'] === '1' ? ['http://127.0.0.1/*', 'http://localhost/*'] : [];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Link Context',
    description:
      "See where a page's claims come from: every cited link, sorted into primary sources, self-citations and media, with its domain and age.",
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(testHosts.length ? { host_permissions: testHosts } : {}),
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
