export const CONTEXT_LIMIT = 200;
const TEXT_LIMIT = 300;

// Bidirectional overrides and other invisible controls can disguise text; page text is shown without them.
export const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

// Whether a text needs any of cleanText's edits inside it: CONTROLS and every whitespace character but the space
// (as `\s` has them), in one class; two spaces are looked for apart, and spaces at the ends too. (One class alone:
// an alternation tried at every position costs more, `CONTROLS|[^\S ]| {2}|^ | $` several times, `[…]| {2}` in
// Chromium twice what this class and an `includes` cost.)
const UNCLEAN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]/;

/** Page text made safe to show as one line: controls removed, whitespace collapsed, length capped. */
export function cleanText(text: string, limit = TEXT_LIMIT): string {
  // Most link texts and sentences are clean already: one test instead of three replacements.
  return text.length <= limit &&
    text.charCodeAt(0) !== 32 &&
    text.charCodeAt(text.length - 1) !== 32 &&
    !UNCLEAN.test(text) &&
    !text.includes('  ')
    ? text
    : editText(text, limit);
}

/** cleanText's edits, made whether or not the text needs them. */
export function editText(text: string, limit = TEXT_LIMIT): string {
  const flat = text
    .slice(0, limit * 4)
    .replace(CONTROLS, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1).trimEnd()}…` : flat;
}

// A sentence ends at . ! ? followed by space; ".." and "…" trail off mid-sentence. Its footnote marks stay with it:
// Wikipedia's `.[1][a] `, and the bare number of a superscript (WordPress's and Substack's footnotes: `costs.2 An`)
// after a word, not a number (`2.5 million`), where a capital starts the next sentence. (One pattern that starts at
// the stop, as the plain one does: an alternation of whole patterns costs Node nine times as much.)
const SENTENCE_END =
  /(?<![.])[.!?。！？](?![.])["”’)\]]*(?:(?:\[\w{1,12}\])+|(?<=[^\d\s][.!?])\d{1,3}(?=\s+[A-Z]))?\s/g;

/**
 * The sentence around a span of a block's text (≤ 200 characters): from the end of the previous sentence (or
 * line) to the end of the one holding the span, cut around the span when longer.
 */
function sentenceBounds(text: string, s: number, e: number): [number, number] {
  // Look no further than a few hundred characters either way: blocks can be whole pages.
  const from = Math.max(0, s - 600);
  const before = text.slice(from, s);
  let left = from;
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak >= 0) left = from + lineBreak + 1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) {
    if (from + m.index + m[0].length > left) left = from + m.index + m[0].length;
  }
  const after = text.slice(e, e + 600);
  let right = e + after.length;
  const nl = after.indexOf('\n');
  if (nl >= 0) right = e + nl;
  SENTENCE_END.lastIndex = 0;
  const stop = SENTENCE_END.exec(after);
  if (stop && e + stop.index + stop[0].length - 1 < right) right = e + stop.index + stop[0].length - 1;
  return [left, right];
}

const SPACE = /\s/;

/** Where the text before `at` ends once its trailing whitespace is left out (`slice(0, at).trimEnd()`, uncopied). */
function endBefore(text: string, at: number): number {
  let end = at;
  while (end > 0 && SPACE.test(text.charAt(end - 1))) end--;
  return end;
}

/** Where the sentence that ends at `end` (its last character just before it) starts. */
function sentenceEndingAt(text: string, end: number): number {
  return sentenceBounds(text, end - 1, end)[0];
}

/** A stretch of text that is nothing but bare URLs (each ends at whitespace: no way to split one, so no backtracking). */
const ONLY_URLS = /^\s*(?:(?:https?:\/\/|www\.)\S*(?:\s+|$))+$/i;

/**
 * A stretch of nothing but web addresses, as links show them (`https://…`, `www.…`, `pic.twitter.com/…`): an embedded
 * post's links after its words, several bare links on a line. (Each ends at whitespace, as in ONLY_URLS.)
 */
const ONLY_ADDRESSES = /^\s*(?:(?:https?:\/\/|www\.|[\w-]+(?:\.[\w-]+)+\/)\S*(?:\s+|$))+$/i;

/** Whether a stretch of text holds little besides the span (a URL on a line of its own). */
function onlySpan(text: string, left: number, right: number, s: number, e: number): boolean {
  return text.slice(left, s).trim().length + text.slice(e, right).trim().length < 12;
}

/**
 * The sentence around a span of a block's text (≤ 200 characters): from the end of the previous sentence (or
 * line) to the end of the one holding the span, cut around the span when longer. A link alone on its line takes
 * the line before it as context ("I talked about this at my former site… <URL>").
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  if (s === e) {
    const introduced = sentenceBefore(text, s);
    if (introduced !== null) return introduced;
  }
  const [left, right] = sentenceRange(text, s, e);
  const sentence = cleanText(text.slice(left, right), 4000);
  if (sentence.length <= CONTEXT_LIMIT) return sentence;
  return aroundSpan(sentence, cleanText(text.slice(s, e), 4000));
}

/**
 * Where the sentence around a span (`s` to `e`, inside `text`) starts and ends: its own, or with the one before it
 * when it holds little besides the span, and the one after it when that is still so.
 */
function sentenceRange(text: string, s: number, e: number): [number, number] {
  let [left, right] = sentenceBounds(text, s, e);
  if (onlySpan(text, left, right, s, e) || ONLY_ADDRESSES.test(text.slice(left, right))) {
    const before = endBefore(text, left);
    if (before > 0) left = sentenceEndingAt(text, before);
    // The lines before are links alone too (a list of bare URLs): the words before them, a few lines up at most.
    for (let i = 0; i < 3 && left > 0 && ONLY_URLS.test(text.slice(left, s)); i++) {
      const more = endBefore(text, left);
      if (more === 0) break;
      left = sentenceEndingAt(text, more);
    }
    if (onlySpan(text, left, right, s, e)) {
      const next = text.slice(right).search(/\S/);
      if (next >= 0) right = sentenceBounds(text, right + next, right + next + 1)[1];
    }
  }
  return [left, right];
}

/** Wikipedia starts a reference with its links back to the text: "^ a b". */
const BACKLINKS = /^\^(?: [a-z])* /;

/**
 * A list item's text from its start to the end of the sentence around a span of it (`sentenceAround`'s), when that
 * fits in CONTEXT_LIMIT (a reference: "Lee S. Rail freight across Eurasia. Transport Policy 2019;84:1–12.
 * doi:10.1016/…"), else null.
 */
export function itemContext(text: string, start: number, end: number): string | null {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const right = sentenceRange(text, s, e)[1];
  if (right > CONTEXT_LIMIT * 4) return null;
  const item = cleanText(text.slice(0, right), CONTEXT_LIMIT * 2).replace(BACKLINKS, '');
  return item.length <= CONTEXT_LIMIT ? item : null;
}

/**
 * For an element with no text of its own (an embedded video, an image) that starts a line after text: the sentence
 * that ends before it, which introduces it ("…made the same case on camera:" above the video), not the next line's
 * (a heading, the next paragraph). Null anywhere else: within a line, or with no text before.
 */
function sentenceBefore(text: string, at: number): string | null {
  const end = endBefore(text, at);
  // Only at a line's start (nothing but whitespace back to its line break), with text before that. Asked of the
  // whitespace before the element alone: a search back for the line break would cross a whole block of one line
  // for every image in it (a gallery).
  if (end === 0 || !text.slice(end, at).includes('\n')) return null;
  const sentence = cleanText(text.slice(sentenceEndingAt(text, end), end), 4000);
  if (sentence.length <= CONTEXT_LIMIT) return sentence;
  // Too long to show: its end, next to the element, from a word's start.
  const tail = sentence.slice(sentence.length - (CONTEXT_LIMIT - 1));
  const space = tail.indexOf(' ');
  return `…${space >= 0 && space < 40 ? tail.slice(space + 1) : tail}`;
}

/** Words longer than this (URLs, mostly) may be left out of a shortened sentence, for the words beyond them. */
const LONG_WORD = 25;

interface Side {
  /** The side's words, nearest the span first. */
  words: string[];
  /** Whether a space parts the nearest word from the span (not so for "(" written against a link). */
  spaced: boolean;
  /** The words kept, nearest first; "…" for a long word left out. */
  kept: string[];
  next: number;
  elided: boolean;
  done: boolean;
}

function sideOf(text: string, before: boolean): Side {
  const spaced = before ? text.endsWith(' ') : text.startsWith(' ');
  const trimmed = before ? text.slice(0, spaced ? -1 : undefined) : text.slice(spaced ? 1 : 0);
  const words = trimmed ? trimmed.split(' ') : [];
  if (before) words.reverse();
  return { words, spaced, kept: [], next: 0, elided: false, done: words.length === 0 };
}

/** A side's kept words as shown, with "…" at its outer end when words there were left out. */
function shown(side: Side, before: boolean): string {
  const kept = [...side.kept];
  let cut = side.next < side.words.length;
  if (kept.at(-1) === '…') {
    kept.pop();
    cut = true;
  }
  if (before) kept.reverse();
  let text = kept.join(' ');
  if (cut) text = before ? `…${text}` : `${text}…`;
  if (!text) return '';
  const space = side.spaced ? ' ' : '';
  return before ? text + space : space + text;
}

/**
 * A sentence too long to show, shortened to the span and the whole words around it, nearest first on each side in
 * turn, as many as fit in CONTEXT_LIMIT with the "…" that mark what was left out. A long word (another URL) that
 * does not fit is left out as "…" once on each side, and the words beyond it are taken on ("Two maps … <URL>").
 */
function aroundSpan(sentence: string, span: string): string {
  const at = Math.max(0, sentence.indexOf(span.slice(0, 40)));
  const end = Math.min(sentence.length, at + span.length);
  // Room for the marks and the spaces beside them.
  let room = CONTEXT_LIMIT - 4 - (end - at);
  if (room < 0) return `${at > 0 ? '…' : ''}${sentence.slice(at, at + CONTEXT_LIMIT - 2).trim()}…`;
  const before = sideOf(sentence.slice(0, at), true);
  const after = sideOf(sentence.slice(end), false);
  const sides = [before, after];
  while (!before.done || !after.done) {
    for (const side of sides) {
      if (side.done) continue;
      const word = side.words[side.next]!;
      // A word takes its length and the space between it and what is kept already.
      const cost = word.length + (side.kept.length || side.spaced ? 1 : 0);
      if (cost <= room) {
        side.kept.push(word);
        room -= cost;
      } else if (!side.elided && word.length > LONG_WORD && room >= 2) {
        side.kept.push('…');
        side.elided = true;
        room -= 2;
      } else {
        side.done = true;
        continue;
      }
      side.next++;
      if (side.next === side.words.length) side.done = true;
    }
  }
  return `${shown(before, true)}${sentence.slice(at, end)}${shown(after, false)}`;
}
