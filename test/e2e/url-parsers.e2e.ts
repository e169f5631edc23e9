import { describe, it } from 'vitest';
import { launch } from './browser';
import { checkUrlShortcuts, PARSE_IN_PAGE } from './url-shortcuts';

describe("Chromium's URL parser", () => {
  it('serializes every href the engine takes as serialized to itself, and resolves fragments as the engine does', async () => {
    const h = await launch();
    try {
      const page = await h.context.newPage();
      await checkUrlShortcuts((pairs) => page.evaluate(`(${PARSE_IN_PAGE})(${JSON.stringify(pairs)})`));
    } finally {
      await h.close();
    }
  });
});
