// Bytes of an HTML document to text, the way a browser picks the encoding: a byte-order mark, then the charset the
// server names, then the one the document declares in its first bytes, else UTF-8. Malformed bytes become U+FFFD,
// an unknown label falls back to UTF-8: decoding never throws.

/** The charset parameter of a Content-Type header, or null. */
export function headerCharset(contentType: string): string | null {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? null;
}

/** The charset a document declares in its first 2 KB (`<meta charset>` or `http-equiv` content), or null. */
export function sniffCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function decoderFor(label: string | null): TextDecoder {
  try {
    const decoder = new TextDecoder(label ?? 'utf-8');
    // A page cannot declare itself UTF-16 in ASCII-compatible bytes: browsers read such a declaration as UTF-8.
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Decodes an HTML document's bytes; `contentType` is the server's header when there was one. */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // strips the mark
  return decoderFor(headerCharset(contentType) ?? sniffCharset(bytes)).decode(bytes);
}
