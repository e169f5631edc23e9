import { parseHTML } from 'linkedom';

/**
 * HTML text as a DOM `Document` where there is no browser (the background worker, the CLI, tests), through
 * linkedom. A browser puts a fragment (no `<html>` or `<body>` tag: a saved snippet, an RSS item) into a body of
 * an implied document; linkedom would make the fragment's first element the root, so it gets that body here.
 */
export function parseDocument(html: string): Document {
  const whole = /<(?:html|body)[\s>]/i.test(html);
  const { document } = parseHTML(
    whole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`,
  );
  return document as unknown as Document;
}
