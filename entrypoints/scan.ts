// Injected into every frame of the tab when the popup opens (never registered on pages): reads the DOM once
// and returns plain data. Runs in the extension's isolated world, so the page cannot reach into it.
import { defineUnlistedScript } from '#imports';
import { extractLinks } from '../lib/extract/extract';

export default defineUnlistedScript({
  globalName: true,
  main() {
    const selection = document.getSelection();
    const isSelected =
      selection && !selection.isCollapsed ? (node: Node) => selection.containsNode(node, true) : undefined;
    // One JSON string crosses to the popup several times faster than the same data as objects (Chrome converts
    // every returned object one by one); the popup parses it and validates it with zod.
    return JSON.stringify(extractLinks(document, location.href, { isSelected }));
  },
});
