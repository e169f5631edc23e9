// Injected into every frame of the tab when the popup opens (never registered on pages): reads the DOM once
// and returns plain data. Runs in the extension's isolated world, so the page cannot reach into it.
import { defineUnlistedScript } from '#imports';
import { extractLinks } from '../lib/extract/extract';
import { encodeExtract } from '../lib/wire';

export default defineUnlistedScript({
  globalName: true,
  main() {
    const selection = document.getSelection();
    const isSelected =
      selection && !selection.isCollapsed ? (node: Node) => selection.containsNode(node, true) : undefined;
    // One JSON string crosses to the popup several times faster than the same data as objects (Chrome converts
    // every returned object one by one), and the compact wire form makes it smaller still; the popup parses it,
    // validates it with zod and rebuilds the objects.
    return JSON.stringify(encodeExtract(extractLinks(document, location.href, { isSelected })));
  },
});
