import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/glue/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Several tests read the 10,000-link thread more than once: on a slow or busy machine (or another Node) that
    // takes longer than vitest's 5 s default. Speed is measured by `npm run bench`, never by a test's time limit.
    testTimeout: 30_000,
  },
});
