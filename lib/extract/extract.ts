import type { DateBounds } from '../dates/calendar';
import { coinsDates } from '../dates/coins';
import type { BodyHints } from '../dates/page-date';
import { memoize } from '../memo';
import type { ExtractResult, LinkSource, RawLink, Region } from '../schemas';
import { safeUrl, stemOf } from '../url/parse';
import { resolveHref } from '../url/parts';
import { commentHeader, type HeaderHints, isAuthorLink, postRef } from './attribution';
import { findTextLinks, mayHoldLink } from './bare-urls';
import { cleanText, itemContext, sentenceAround } from './context';
import { pageInfo } from './page-info';
import { detectPlatform } from './platform';
import { type ElementFacts, type Role, type RoleRules, rulesFor } from './rules';
import { linksMadeAbsolute, savedAddress } from './saved-copy';

export interface ExtractOptions {
  /** "Now" for judging dates (impossible future dates are rejected). */
  now?: Date;
  /** Stop after this many link occurrences; the result says it was truncated. */
  maxLinks?: number;
  /** Whether a node lies inside the reader's selection (the content script passes one). */
  isSelected?: (node: Node) => boolean;
  /**
   * Given the links in batches, in order, as they are finished: the content script sends each batch on while it
   * works on the next. Read in two stages (`extractStaged`), most batches go during the walk. Every link is in the
   * result too.
   */
  onLinks?: (links: RawLink[]) => void;
}

/**
 * A page read in two stages: its links without their context sentences (the popup hides them and can show the
 * rows sooner), then the sentences, in page order, when asked for.
 */
export interface StagedExtract {
  /** Every link, each with an empty `context`. */
  result: ExtractResult;
  /**
   * Gives the links' context sentences in page order, in batches from position `first`, as they are found; stops
   * early when `onBatch` returns false (nobody is listening any more).
   */
  contexts(onBatch: (first: number, contexts: string[]) => unknown): void;
}

/**
 * A batch (of links for `onLinks`, or of their context sentences) closes after this many characters of href, text
 * and context, or this many items.
 */
const BATCH_CHARS = 120_000;
const BATCH_LINKS = 2_000;
/** Whether a batch of `count` items holding `chars` characters is full (links and context sentences alike). */
const batchFull = (chars: number, count: number) => chars >= BATCH_CHARS || count >= BATCH_LINKS;
/** While the walk goes on, pending links are finished (and sent) each time this many more are pending. */
const EARLY_LINKS = 500;

export const DEFAULT_MAX_LINKS = 100_000;

/** What makes a form one a reader fills in or presses: any control but a hidden input. */
const FORM_CONTROLS = 'input:not([type="hidden" i]), textarea, select, button, [contenteditable]';
/**
 * What a form that wraps a page holds (ASP.NET WebForms and SharePoint put the whole body in one form, search box
 * and all): the page's main part, an article, its title.
 */
const PAGE_PARTS = 'main, article, [role="main"], h1';
/**
 * A wrapper near the top of the page whose class words name furniture (`header-fixed`, `flex-left-nav`,
 * `menu-open`: layout and state, not purpose) is not furniture when it holds the page's main part. Asked only that
 * near the top, where wrappers are: deeper down, a "related" box may well hold articles.
 */
const MAIN_PART = 'main, [role="main"]';
const WRAPPER_DEPTH = 6;

// Elements whose text is not page text, or whose subtree is not rendered content.
const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'head',
  'title',
  'iframe',
  'object',
]);
const BLOCKS = new Set([
  'p',
  'li',
  'dd',
  'dt',
  'td',
  'th',
  'blockquote',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'caption',
  'article',
  'section',
  'div',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'body',
  'figure',
  'address',
  'yt-attributed-string',
  'yt-formatted-string',
  'table',
  'ul',
  'ol',
  'dl',
  'form',
]);
// The elements besides custom elements that may host a shadow root (DOM Standard, attachShadow()).
const SHADOW_HOSTS = new Set(
  'article aside blockquote body div footer h1 h2 h3 h4 h5 h6 header main nav p section span'.split(' '),
);
const EMBED_ATTRS: Record<string, [LinkSource, string[]]> = {
  iframe: ['iframe', ['src', 'data-src', 'data-lazy-src']],
  embed: ['embed', ['src', 'data-src']],
  video: ['video', ['src', 'data-src']],
  audio: ['audio', ['src', 'data-src']],
  object: ['object', ['data']],
};

const NO_CLASSES: readonly string[] = [];

/**
 * A comment the walk is in, with the elements of its header the walk has met in it so far (outside the replies
 * nested in it and outside shadow roots): the first that `.fn` and `time[datetime]` match, the most preferred of
 * the header's selectors, so that reading the header needs no search for them (`commentHeader`).
 */
interface CommentMark extends HeaderHints {
  el: Element;
}

/** Whether a class attribute names the class `fn` (hCard's formatted name: WordPress's comment author). */
const FN_CLASS = /(?:^|\s)fn(?:\s|$)/;

interface Frame {
  region: Region | 'unknown';
  why: string | undefined;
  comment: CommentMark | null;
  post: Element | null;
  /** Inside an entry (an article, a post's content, a comment), not only the page's main part. */
  entry: boolean;
  /** Nearest block ancestor (or the walk's root: body, shadow root). */
  block: Block;
  /** Inside a link: its text is the link's own, not a bare URL. */
  anchor: boolean;
  svg: boolean;
  /** Inside a link: where the link's own text is (its text is the walk's, as the link shows it). */
  link: LinkText | null;
  /** Inside a card link's title (`LinkText.title`): its stretch, which ends where the title element does. */
  title: Stretch | null;
}

/**
 * The text a walk reads, in page order: its text nodes, without those of the elements it does not enter (scripts,
 * styles, text areas, templates…, whose text is not page text). A block's text is a stretch of it.
 */
class WalkText {
  readonly parts: string[] = [];
  /**
   * The parts joined, in runs: the text may be read while the walk still adds to it (`read` finishes links during
   * the walk), and a run joined each time keeps each read from copying the whole text so far.
   */
  private readonly runs: string[] = [];
  /** Where each run starts in the text. */
  private readonly starts: number[] = [];
  private joinedParts = 0;
  private joinedLength = 0;

  /** The text from `start` to `end`. */
  slice(start: number, end: number): string {
    const { parts, runs, starts } = this;
    if (this.joinedParts !== parts.length) {
      const run = this.joinedParts === 0 ? parts.join('') : parts.slice(this.joinedParts).join('');
      runs.push(run);
      starts.push(this.joinedLength);
      this.joinedParts = parts.length;
      this.joinedLength += run.length;
    }
    if (runs.length === 0) return '';
    // The last run that starts at or before `start`.
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    const i = lo;
    const from = starts[i]!;
    const run = runs[i]!;
    if (end - from <= run.length || i === runs.length - 1) return run.slice(start - from, end - from);
    let text = run.slice(start - from);
    for (let j = i + 1; j < runs.length && starts[j]! < end; j++) text += runs[j]!.slice(0, end - starts[j]!);
    return text;
  }
}

/**
 * A stretch of a walk's text: from where an element starts to where the walk leaves it (a block's or a link's text,
 * read once for the whole walk instead of each element's `textContent`).
 */
interface Stretch {
  texts: WalkText;
  start: number;
  end: number;
}

const stretchText = (s: Stretch) => s.texts.slice(s.start, s.end);

/** A block element (or the walk's root) and its text. */
interface Block extends Stretch {
  /** The block around it, for links that stand alone in theirs (null for the walk's root). */
  outer: Block | null;
  /** A list item: a reference, a footnote, a bullet, read as one unit (`itemContext`). */
  item: boolean;
  text?: string;
  /** Whether its text is its links' texts alone (`onlyLinks`), once asked. */
  linksOnly?: boolean;
}

/** A link's text and the link (for its label when it has no text). */
interface LinkText extends Stretch {
  el: Element;
  /** Whether the link holds a block (a card: a title, a description, a site name, each a line of its own). */
  card: boolean;
  /** The first title inside the link (a heading, an element whose class names a title or headline). */
  title: Stretch | null;
}

/** `s.trim()`, without the call for the usual string that starts and ends with a printable ASCII character. */
function trimmed(s: string): string {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 ? s : s.trim();
}

/** A block's text. */
function blockText(block: Block): string {
  block.text ??= stretchText(block);
  return block.text;
}

/**
 * A frame's copy, to change before use. Written out field by field: a spread of this object at every block element
 * was two thirds of the walk's own time in Node (an explicit literal gets one fixed shape).
 */
function copyFrame(f: Frame): Frame {
  return {
    region: f.region,
    why: f.why,
    comment: f.comment,
    post: f.post,
    entry: f.entry,
    block: f.block,
    anchor: f.anchor,
    svg: f.svg,
    link: f.link,
    title: f.title,
  };
}

interface Pending {
  href: string;
  source: LinkSource;
  /** The link's text, or (`link` set) to be read once the walk has left the link. */
  text: string;
  link: LinkText | null;
  frame: Frame;
  start: number;
  end: number;
  /** A card link's title, in the same terms as `start` and `end`: the span its sentence is looked for around. */
  focus: [start: number, end: number] | null;
  /**
   * How long the link's own text in the walk is, cleaned, when that is not its `text` (null): 0 for a label or an
   * attribute (an image link's alt, an embed's title), the whole card for a card shown by its title.
   */
  own: number | null;
  selected: boolean;
}

class Walker {
  readonly pending: Pending[] = [];
  readonly posts = new Set<Element>();
  textPos = 0;
  /** The text of the walk under way (a shadow root's walk has its own). */
  private texts = new WalkText();
  elements = 0;
  sawContent = false;
  truncated = false;
  /** Citations' COinS spans met in content. */
  readonly coins: Element[] = [];
  /** How many shadow roots the walk is inside (a comment's header is read by selectors, which do not enter them). */
  private shadows = 0;
  /**
   * Called when a link is about to be recorded outside any other link and at least this many are pending: every
   * link recorded so far has been walked through, so its text is known (`read` finishes and sends them early).
   */
  flushAt = Number.POSITIVE_INFINITY;
  onFlush: (() => void) | null = null;
  readonly skipped: string[] = [];
  /** Metadata met on the way, so the page's date needs no whole-document query. */
  readonly hints: BodyHints = { metas: [], scripts: [], dated: [] };
  /** One facts object, refilled for each element (the rules read it synchronously). */
  private readonly facts: ElementFacts = {
    tag: '',
    id: '',
    cls: '',
    classes: [],
    padded: ' ',
    role: '',
    parentTag: '',
    controls: false,
    entry: false,
    slot: '',
  };
  /** Each distinct class attribute's names and padded form, worked out once: pages repeat a few class lists. */
  private readonly classLists = new Map<string, { classes: readonly string[]; padded: string }>();

  constructor(
    private readonly rules: RoleRules,
    private readonly maxLinks: number,
    private readonly isSelected: ((node: Node) => boolean) | undefined,
    /** Reads an element's class attribute (`classReader`). */
    private readonly classOf: (el: Element) => string,
  ) {}

  /** A stretch of the walk's text that starts here (its end moves as the walk leaves elements). */
  stretch(): Stretch {
    return { texts: this.texts, start: this.textPos, end: this.textPos };
  }

  /** A block that starts here, inside `outer`. */
  block(outer: Block | null, item = false): Block {
    return { texts: this.texts, start: this.textPos, end: this.textPos, outer, item };
  }

  /** Walks `root`'s subtree; `rootFrame` is its children's frame. */
  walk(root: Node, rootFrame: Frame): void {
    const frames: Frame[] = [rootFrame];
    // The element each depth's nodes are children of (climbing needs no parentNode read).
    const parents: Node[] = [root];
    let depth = 0;
    let node: Node | null = root.firstChild;
    // Each DOM property is read once per node (on the live page every read crosses into the browser's DOM).
    while (node !== null) {
      const type = node.nodeType;
      let next: Node | null;
      if (type === 1) {
        const child = this.enter(node as Element, frames[depth]!, depth);
        if (child !== null) {
          const first = node.firstChild;
          if (first !== null) {
            frames[++depth] = child;
            parents[depth] = node;
            node = first;
            continue;
          }
        }
        next = node.nextSibling;
      } else if (type === 3) {
        // Adjacent text nodes are one run of text (parsers split them at character references).
        let data = (node as Text).data;
        next = node.nextSibling;
        while (next !== null && next.nodeType === 3) {
          node = next;
          data += (node as Text).data;
          next = node.nextSibling;
        }
        this.text(data, node, frames[depth]!);
      } else {
        next = node.nextSibling;
      }
      // Up to the nearest ancestor with a next sibling, no further than the root. Each element left behind ends
      // its frame's block there (the block's own element is the last to do so, so it ends where its text does).
      while (next === null) {
        const done = frames[depth]!;
        done.block.end = this.textPos;
        if (done.link !== null) done.link.end = this.textPos;
        if (done.title !== null) done.title.end = this.textPos;
        if (depth === 0) break;
        // Leaving a block: what follows it is on a line of its own.
        if (done.block !== frames[depth - 1]!.block) this.lineBreak();
        node = parents[depth--]!;
        next = node.nextSibling;
      }
      node = next;
    }
  }

  private record(
    href: string,
    source: LinkSource,
    text: string,
    frame: Frame,
    start: number,
    node: Node,
    /** A link element's text, to be read once the walk has left it (its `text` is then empty). */
    link: LinkText | null = null,
  ): Pending | null {
    if (this.pending.length >= this.maxLinks) {
      this.truncated = true;
      return null;
    }
    if (this.pending.length >= this.flushAt && frame.link === null) this.onFlush?.();
    const selected = this.isSelected ? this.isSelected(node) : false;
    // A bare URL's text is the walk's own: its span. Other texts are attributes (an embed's title, an area's alt) that
    // the walk's text does not hold: the element stands at a point of it.
    const end = source === 'text' ? start + text.length : start;
    const own = source !== 'text' && link === null ? 0 : null;
    const pending: Pending = { href, source, text, link, frame, start, end, focus: null, own, selected };
    this.pending.push(pending);
    return pending;
  }

  /**
   * A line break in the walk's text where a block starts or ends or a `<br>` stands, unless the text so far ends in
   * whitespace: a page's markup often has none there (`<p>One.</p><p>Two</p>`, `line<br>line`), and its words would
   * run together in sentences and link texts, as they do in `textContent`.
   */
  private lineBreak(): void {
    const { parts } = this.texts;
    const last = parts[parts.length - 1];
    if (last === undefined) return;
    const c = last.charCodeAt(last.length - 1);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 160 && /\s/.test(last.charAt(last.length - 1)))) return;
    parts.push('\n');
    this.textPos++;
  }

  private text(data: string, node: Node, frame: Frame): void {
    // A button's words inside a link (Substack's "Restack" on its image links) are a control's: neither the link's
    // text nor its sentence's (`enter` marks the button's frame, in furniture too).
    if (frame.link !== null && frame.why === 'button') return;
    if (!frame.anchor && mayHoldLink(data)) {
      const offset = this.textPos - frame.block.start;
      for (const found of findTextLinks(data)) {
        this.record(
          found.url,
          'text',
          data.slice(found.index, found.index + found.length),
          frame,
          offset + found.index,
          node,
        );
      }
    }
    this.textPos += data.length;
    this.texts.parts.push(data);
  }

  private enter(el: Element, parent: Frame, depth: number): Frame | null {
    this.elements++;
    const tag = el.localName;
    if (SKIP.has(tag)) {
      if (tag === 'script' && el.getAttribute('type')?.includes('ld+json')) this.hints.scripts.push(el);
      const embed = EMBED_ATTRS[tag];
      if (embed) this.embed(el, embed, parent);
      // Their text is not page text: it is in no block's text (context sentences are what the page shows).
      return null;
    }
    const block = BLOCKS.has(tag);
    if (block || tag === 'br') this.lineBreak();
    let frame = parent;
    if (parent.region !== 'chrome') {
      const cls = this.classOf(el);
      const facts = this.facts;
      facts.tag = tag;
      facts.id = el.id ?? '';
      facts.cls = cls;
      if (cls) {
        let list = this.classLists.get(cls);
        if (!list) {
          const lower = cls.toLowerCase();
          list = { classes: lower.split(/\s+/), padded: ` ${lower} ` };
          this.classLists.set(cls, list);
        }
        facts.classes = list.classes;
        facts.padded = list.padded;
      } else {
        facts.classes = NO_CLASSES;
        facts.padded = ' ';
      }
      facts.role = roleOf(el);
      facts.parentTag =
        tag === 'header' || tag === 'footer' ? ((el.parentNode as Element | null)?.localName ?? '') : '';
      facts.controls =
        tag === 'form' && el.querySelector(FORM_CONTROLS) !== null && el.querySelector(PAGE_PARTS) === null;
      facts.entry = parent.entry;
      if (this.rules.slots) facts.slot = el.getAttribute('slot') ?? '';
      const role = this.rules.role(facts, parent.region);
      if (role !== null && !this.layoutWords(role, el, depth)) frame = this.applyRole(frame, role, el);
    }
    // Page furniture's blocks give no sentences (its links have none), and nothing inside it is content again.
    if (frame.region !== 'chrome' && block) {
      const outer = frame.block;
      frame = copyFrame(frame);
      frame.block = this.block(outer, tag === 'li');
    }
    const comment = parent.comment;
    if (comment !== null && (comment.author === null || comment.date === null) && this.shadows === 0) {
      if (comment.author === null) {
        const cls = parent.region !== 'chrome' ? this.facts.cls : this.classOf(el);
        if (cls.includes('fn') && FN_CLASS.test(cls)) comment.author = el;
      }
      if (comment.date === null && tag === 'time' && el.hasAttribute('datetime')) comment.date = el;
    }
    const inLink = frame.link;
    if (inLink !== null) {
      if (block) inLink.card = true;
      if (
        inLink.title === null &&
        isTitle(tag, parent.region !== 'chrome' ? this.facts.cls : this.classOf(el))
      ) {
        inLink.title = this.stretch();
        frame = copyFrame(frame);
        frame.title = inLink.title;
      }
    }
    switch (tag) {
      case 'meta':
        this.hints.metas.push(el);
        break;
      case 'span':
        // A citation's COinS, which dates the work it cites (`coinsDates`).
        if (parent.region !== 'chrome' && this.facts.cls.includes('Z3988')) this.coins.push(el);
        break;
      case 'time':
      case 'abbr':
        if (this.hints.dated.length < 50) this.hints.dated.push(el);
        break;
      case 'button':
        // Inside a link, in furniture too (where no role was asked): its words are left out (`text`).
        if (frame.link !== null && frame.why !== 'button') frame = regionFrame(frame, frame.region, 'button');
        break;
      case 'a': {
        const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
        if (href !== null) {
          // Its text is read as the walk passes through it (finishLinkText), not asked of the DOM a second time.
          const link: LinkText = {
            texts: this.texts,
            start: this.textPos,
            end: this.textPos,
            el,
            card: false,
            title: null,
          };
          this.record(href, frame.svg ? 'svg' : 'a', '', frame, this.textPos - frame.block.start, el, link);
          frame = copyFrame(frame);
          frame.anchor = true;
          frame.link = link;
        }
        break;
      }
      case 'area': {
        const href = el.getAttribute('href');
        if (href !== null)
          this.record(
            href,
            'area',
            el.getAttribute('alt') ?? '',
            frame,
            this.textPos - frame.block.start,
            el,
          );
        break;
      }
      case 'svg':
        frame = copyFrame(frame);
        frame.svg = true;
        break;
      case 'source': {
        const src = el.getAttribute('src');
        const parentTag = (el.parentNode as Element | null)?.localName;
        if (src && (parentTag === 'video' || parentTag === 'audio'))
          this.record(src, 'source', '', frame, this.textPos - frame.block.start, el);
        break;
      }
      case 'video':
      case 'audio':
      case 'embed':
        this.embed(el, EMBED_ATTRS[tag]!, frame);
        break;
      case 'blockquote':
      case 'q': {
        const cite = el.getAttribute('cite');
        if (cite) this.record(cite, 'cite', '', frame, this.textPos - frame.block.start, el);
        break;
      }
    }
    // Only custom elements and a few others can host a shadow root: the rest are not asked (a DOM read each).
    const shadow =
      tag.includes('-') || SHADOW_HOSTS.has(tag)
        ? (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot
        : null;
    if (shadow) {
      const saved = this.textPos;
      const savedTexts = this.texts;
      this.textPos = 0;
      this.texts = new WalkText();
      const inShadow = copyFrame(frame);
      inShadow.block = this.block(null);
      this.shadows++;
      this.walk(shadow, inShadow);
      this.shadows--;
      this.textPos = saved;
      this.texts = savedTexts;
    }
    return frame;
  }

  private embed(el: Element, [source, attrs]: [LinkSource, string[]], frame: Frame): void {
    for (const attr of attrs) {
      const src = el.getAttribute(attr);
      if (src && src !== 'about:blank') {
        const title = el.getAttribute('title') ?? el.getAttribute('aria-label') ?? '';
        this.record(src, source, title, frame, this.textPos - frame.block.start, el);
        return;
      }
    }
  }

  /** Whether `role` is furniture told by the class words of a page wrapper (see MAIN_PART): layout, not furniture. */
  private layoutWords(role: Role, el: Element, depth: number): boolean {
    return (
      role.kind === 'chrome' &&
      role.words === true &&
      depth < WRAPPER_DEPTH &&
      el.querySelector(MAIN_PART) !== null
    );
  }

  private applyRole(frame: Frame, role: Role, el: Element): Frame {
    if (role.kind === 'neutral') return frame;
    if (role.kind === 'chrome') return regionFrame(frame, 'chrome', role.why);
    this.sawContent = true;
    switch (role.kind) {
      case 'article': {
        // The page's main part (<main>, role=main) holds entries and whatever else the page shows beside them. The
        // facts are still the element's (`enter` filled them for its role).
        const { tag, role: ariaRole } = this.facts;
        const entry = frame.entry || (tag !== 'main' && ariaRole !== 'main');
        if (frame.region === 'article' && frame.entry === entry) return frame;
        const next = regionFrame(frame, 'article', undefined);
        next.entry = entry;
        return next;
      }
      case 'comments':
        return regionFrame(frame, 'comments', undefined);
      case 'comment': {
        const next = regionFrame(frame, 'comments', undefined);
        next.comment = { el, author: null, date: null };
        next.entry = true;
        return next;
      }
      case 'post': {
        // A post inside a post is part of it (Blogger's post-outer holds the post, and its comments after it): the
        // page shows one post, not an archive of two.
        if (frame.post !== null) return frame;
        this.posts.add(el);
        const next = regionFrame(frame, frame.region === 'comments' ? 'comments' : 'article', undefined);
        next.post = el;
        next.entry = true;
        return next;
      }
    }
  }
}

function regionFrame(frame: Frame, region: Frame['region'], why: string | undefined): Frame {
  const next = copyFrame(frame);
  next.region = region;
  next.why = why;
  return next;
}

/** How many blocks up a link alone in its block looks for words around it (a card's quote, wrapper and figure). */
const OUTER_LEVELS = 4;

/**
 * The sentence around a link (around a card's title); a link alone in its paragraph takes its context from the
 * block around it, or further out while that holds nothing but the link. `linkText` is the link's text, cleaned
 * (`cleanText(p.text)`).
 */
function contextOf(
  p: Pending,
  text: string,
  linkText: string,
  pending: readonly Pending[],
  position: number,
): string {
  let block = p.frame.block;
  if (!text && block.outer === null) return cleanText(p.text, 200);
  const { focus } = p;
  const start = focus === null ? p.start : focus[0];
  const end = focus === null ? p.end : focus[1];
  const own = p.own ?? linkText.length;
  // A short list item is read from its start (a reference's authors and title before the DOI that ends it), and
  // as a unit: one with more than the link in it looks no further, where the items before it are other references.
  const item = block.item && text ? itemContext(text, start, end) : null;
  if (item !== null && item.length > own) return item;
  let context = item || (text ? sentenceAround(text, start, end) : '');
  if (block.outer === null) return context;
  // A block with no text of its own (an embed or image in its paragraph or figure) is a link alone in it too, and
  // so is an element with no text in a block of nothing but links (WordPress's file block: the PDF's embed, its
  // name and a Download button): their words are names, not a sentence about it.
  if (context.length - own >= 12 && !(own === 0 && onlyLinks(block, text, pending, position))) return context;
  // One block out in a comment: its header and its neighbours' words are not about a comment that is one link.
  const levels = p.frame.comment !== null ? 1 : OUTER_LEVELS;
  let shift = 0;
  for (let up = 0; up < levels && block.outer !== null; up++) {
    shift += block.start - block.outer.start;
    block = block.outer;
    const outerText = blockText(block);
    context = sentenceAround(outerText, start + shift, end + shift) || context;
    // Further out only from a block that holds nothing but the link (a card's quote, wrapper and figure): a list
    // around a footnote or a link list holds more, and the words before the list are not about this link.
    if (cleanText(outerText, own + 1).length > own) break;
  }
  return context || cleanText(p.text, 200);
}

/**
 * Whether a block's text is its links' texts and nothing else (whitespace aside). The links are the pending items
 * around `position` (the item in the block that asks) whose text lies inside the block.
 */
function onlyLinks(block: Block, text: string, pending: readonly Pending[], position: number): boolean {
  // Once a block: a gallery's every image asks of the same block.
  if (block.linksOnly !== undefined) return block.linksOnly;
  const inBlock = (q: Pending) => {
    const at = q.frame.block.start + q.start;
    return q.frame.block.texts === block.texts && at >= block.start && at <= block.end;
  };
  let first = position;
  while (first > 0 && inBlock(pending[first - 1]!)) first--;
  let rest = '';
  let from = block.start;
  for (let i = first; i < pending.length && inBlock(pending[i]!); i++) {
    const link = pending[i]!.link;
    if (link === null || link.start < from) continue;
    rest += text.slice(from - block.start, link.start - block.start);
    from = link.end;
  }
  rest += text.slice(from - block.start);
  block.linksOnly = !/\S/.test(rest);
  return block.linksOnly;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// A class that names a title: `kg-bookmark-title`, `post-card-title`, `embedded-post-title`, `headline`.
const TITLE_CLASS = /(?:^|[\s_-])(?:title|headline)(?=$|[\s_-])/i;

/** Whether an element inside a link is its title (a heading, or named one by its class). */
function isTitle(tag: string, cls: string): boolean {
  return HEADINGS.has(tag) || (cls !== '' && TITLE_CLASS.test(cls));
}

// An element's class, id and role are read through their reflecting properties where the DOM has them: in Chromium
// that is about half the cost of `hasAttributes` and three `getAttribute` calls for every element.
/** The class attribute as written (an SVG element's `className` is an object: its attribute is read instead). */
function classOf(el: Element): string {
  const cls: unknown = el.className;
  return typeof cls === 'string' ? cls : (el.getAttribute('class') ?? '');
}

/**
 * The class attribute as written, from its attribute node: for a DOM written in JavaScript, where `className` (and
 * `getAttribute('class')`) may be built anew at every read (linkedom joins a token list: 7–8% of the extractor's
 * time in Node). In a browser an attribute node is an object made on demand, three to four times slower than
 * `className`.
 */
function classAttributeOf(el: Element): string {
  return el.getAttributeNode('class')?.value ?? '';
}

/** How a document's elements' classes are read: `classOf` where `className` is the browser's own. */
function classReader(doc: Document): (el: Element) => string {
  try {
    for (let o: object | null = doc.documentElement; o !== null; o = Object.getPrototypeOf(o)) {
      const getter = Object.getOwnPropertyDescriptor(o, 'className')?.get;
      if (getter)
        return Function.prototype.toString.call(getter).includes('[native code]')
          ? classOf
          : classAttributeOf;
    }
  } catch {
    // A DOM whose prototypes cannot be looked into (a proxy, say): its className is read.
  }
  return classOf;
}

/** The role attribute as written (ARIA reflection where the DOM has it). */
function roleOf(el: Element): string {
  // null when the attribute is absent; undefined in a DOM without the reflection (linkedom).
  const role: string | null | undefined = (el as { role?: string | null }).role;
  return role === undefined ? (el.getAttribute('role') ?? '') : (role ?? '');
}

/**
 * A link's text from the walk (as the link shows it), or its label when it has none; and where it ends. A card (a
 * link holding blocks: a title, a description, a site name) is named by its title, and its sentence is looked for
 * around that.
 */
function finishLinkText(p: Pending, link: LinkText): void {
  const raw = stretchText(link);
  p.end = p.start + raw.length;
  const own = raw.trim();
  if (!own) {
    p.text = labelOf(link.el);
    p.own = 0;
    return;
  }
  p.text = raw;
  if (!link.card || link.title === null) return;
  const title = stretchText(link.title).trim();
  if (!title || title.length >= own.length) return;
  p.text = title;
  const at = p.start + link.title.start - link.start;
  p.focus = [at, at + link.title.end - link.title.start];
  p.own = cleanText(own, 4000).length;
}

/** Text of a link with no text of its own: its label, title or image alt. */
function labelOf(el: Element): string {
  const label =
    el.getAttribute('aria-label') ||
    el.getAttribute('title') ||
    el.querySelector('img[alt]')?.getAttribute('alt');
  if (label?.trim()) return label;
  // An image link in a figure with no words of its own: its caption says what the image is.
  const caption = el.closest('figure')?.querySelector('figcaption')?.textContent;
  return caption ? cleanText(caption, 300) : '';
}

/**
 * Every link a document holds, in document order, each with its region (article, comments, chrome), anchor text,
 * context sentence and attribution (comment or archive post). Pure DOM reading: runs on the live page and on
 * linkedom documents alike, and never throws on what the page contains.
 */
export function extractLinks(doc: Document, pageHref: string, options: ExtractOptions = {}): ExtractResult {
  return read(doc, pageHref, options, false).result;
}

/** `extractLinks` in two stages: the links at once, their context sentences after (`StagedExtract`). */
export function extractStaged(doc: Document, pageHref: string, options: ExtractOptions = {}): StagedExtract {
  return read(doc, pageHref, options, true);
}

function read(doc: Document, pageHref: string, options: ExtractOptions, staged: boolean): StagedExtract {
  const now = options.now ?? new Date();
  const bounds: DateBounds = { now };
  const located = safeUrl(pageHref) ?? new URL('about:blank');
  // A page read from a file is a saved copy: it is the page at the address it names (its site, its in-page links).
  const saved = located.protocol === 'file:' ? savedAddress(doc) : null;
  const pageUrl = saved?.url ?? located;
  if (!doc.documentElement) {
    const result: ExtractResult = {
      page: { url: pageUrl.href, title: '', published: null, platform: 'generic', posts: 0 },
      links: [],
      stats: { elements: 0, links: 0, truncated: false, skipped: ['the document is empty'] },
    };
    return { result, contexts: () => undefined };
  }
  // <base> belongs in the head (HTML's content model), where looking is cheap. In a copy saved by a browser or
  // SingleFile the links were made absolute, and what is left relative is the saver's local files (`page_files/…`):
  // those are where the file is; in a page saved as it came (canonical link, og:url) they are on its site.
  const relativeTo = saved && !linksMadeAbsolute(saved.from) ? pageUrl : located;
  const baseHref = doc.head?.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref ? safeUrl(baseHref, relativeTo.href) : null) ?? relativeTo;
  const platform = detectPlatform(doc, pageUrl);
  const walker = new Walker(
    rulesFor(platform),
    options.maxLinks ?? DEFAULT_MAX_LINKS,
    options.isSelected,
    classReader(doc),
  );
  const start = doc.body ?? doc.documentElement;
  const root: Frame = {
    region: 'unknown',
    why: undefined,
    comment: null,
    post: null,
    entry: false,
    block: walker.block(null),
    anchor: false,
    svg: false,
    link: null,
    title: null,
  };
  const authorHref = doc.head?.querySelector('link[rel~="author"][href]')?.getAttribute('href');
  const marks: PageMarks = {
    wikiArticles: `${pageUrl.origin}/wiki/`,
    author: authorHref ? stemOf(safeUrl(authorHref.trim(), base.href)?.href ?? '') || null : null,
  };
  // Each block's text, comment and archive post is read once, however many links it holds.
  const headerOf = memoize((mark: CommentMark) => commentHeader(mark.el, pageUrl.href, bounds, mark));
  const postOf = memoize((el: Element) => postRef(el, pageUrl.href, bounds));
  const links: RawLink[] = [];
  const selection: number[] = [];
  const { onLinks } = options;
  let batchStart = 0;
  let batchChars = 0;
  // Staged: each link's pending record and whether it is cited, for its sentence later.
  const later: Array<Pending | null> = [];
  const { pending } = walker;
  const finish = (position: number) => {
    const p = pending[position]!;
    if (p.link) finishLinkText(p, p.link);
    const { frame } = p;
    // A link outside any known region is page furniture once content has been seen anywhere; else its block's
    // text decides. Other links take their context from the block's text.
    const text =
      frame.region === 'chrome' || (frame.region === 'unknown' ? walker.sawContent : staged)
        ? ''
        : blockText(frame.block);
    const href = trimmed(p.href);
    // A bare fragment names a place in this page, whatever <base> says.
    const against = href.startsWith('#') ? pageUrl.href : base.href;
    // An absolute href is kept as written (the sorting parses it); others are resolved, most without a parse.
    const resolved = /^https?:\/\//i.test(href) ? href : (resolveHref(href, against) ?? href);
    let region = frame.region;
    let why = frame.why;
    if (region === 'unknown') {
      const ownLength = p.text.trim().length;
      const prose = text.trim().length >= Math.max(60, ownLength * 3);
      if (walker.sawContent || !prose) {
        region = 'chrome';
        why = walker.sawContent ? 'outside content' : 'link list';
      } else {
        region = 'article';
      }
    }
    const linkText = cleanText(p.text);
    const own = region === 'chrome' ? null : ownFurniture(p, linkText, resolved, marks);
    if (own !== null) {
      region = 'chrome';
      why = own;
    }
    const header = frame.comment && region !== 'chrome' ? headerOf(frame.comment) : undefined;
    const comment = header?.ref;
    // The comment's author, linked to their profile or site: furniture, wherever the comment's markup puts it.
    if (header && comment?.author === linkText && p.link && isAuthorLink(header, p.link.el)) {
      region = 'chrome';
      why = 'author';
    }
    // The page's author, whom its head names (`<link rel="author" href="https://medium.com/@ani">`): the byline's
    // link to their profile is furniture.
    if (region !== 'chrome' && marks.author !== null && p.link !== null && sameStem(resolved, marks.author)) {
      region = 'chrome';
      why = 'byline';
    }
    const link: RawLink = {
      href: resolved,
      source: p.source,
      text: linkText,
      // Page furniture is "other" whatever its sentence says; only cited links get one.
      context: region === 'chrome' || staged ? '' : contextOf(p, text, linkText, pending, position),
      region,
      position,
    };
    if (why && region === 'chrome') link.why = why;
    if (comment && region !== 'chrome') link.comment = comment;
    // Links of the posts of an archive page (more than one post) say which post they belong to.
    if (frame.post && region !== 'chrome' && walker.posts.size > 1) link.post = postOf(frame.post);
    if (p.selected) selection.push(position);
    links.push(link);
    if (staged) later.push(region === 'chrome' ? null : p);
    if (onLinks) {
      batchChars += link.href.length + link.text.length + link.context.length;
      if (batchFull(batchChars, links.length - batchStart)) {
        onLinks(links.slice(batchStart));
        batchStart = links.length;
        batchChars = 0;
      }
    }
  };
  // Staged, with batches sent on: links are finished and sent during the walk, as soon as nothing the walk has yet
  // to meet can change them (the page's other end works on them meanwhile). A link outside any known region waits
  // until content is seen or the walk ends, and one in a post until a second post makes the page an archive or the
  // walk ends; the links after such a link wait with it, to stay in page order.
  if (staged && onLinks) {
    walker.flushAt = EARLY_LINKS;
    const waits = ({ frame }: Pending) =>
      frame.region === 'unknown'
        ? !walker.sawContent
        : frame.region !== 'chrome' && frame.post !== null && walker.posts.size < 2;
    walker.onFlush = () => {
      while (links.length < pending.length && !waits(pending[links.length]!)) finish(links.length);
      walker.flushAt = pending.length + EARLY_LINKS;
    };
  }
  try {
    walker.walk(start, root);
  } catch (error) {
    walker.skipped.push(`part of the page could not be read: ${String(error).slice(0, 200)}`);
  }
  walker.onFlush = null;
  for (let position = links.length; position < pending.length; position++) finish(position);
  if (onLinks && batchStart < links.length) onLinks(links.slice(batchStart));
  const result: ExtractResult = {
    page: pageInfo(doc, pageUrl, platform, walker.posts.size, bounds, walker.hints),
    links,
    stats: {
      elements: walker.elements,
      links: links.length,
      truncated: walker.truncated,
      skipped: walker.skipped.slice(0, 50),
    },
  };
  if (options.isSelected && selection.length) result.selection = selection;
  if (saved) result.page.savedCopy = { location: located.href, addressFrom: saved.from };
  const citedDates = walker.coins.length ? coinsDates(walker.coins, bounds, pageUrl) : [];
  if (citedDates.length) result.page.citedDates = citedDates;
  const contexts = (onBatch: (first: number, contexts: string[]) => unknown) => {
    let first = 0;
    let batch: string[] = [];
    let chars = 0;
    for (let i = 0; i < later.length; i++) {
      const p = later[i]!;
      const context = p ? contextOf(p, blockText(p.frame.block), links[i]!.text, pending, i) : '';
      batch.push(context);
      chars += context.length;
      if (batchFull(chars, batch.length)) {
        if (onBatch(first, batch) === false) return;
        first += batch.length;
        batch = [];
        chars = 0;
      }
    }
    if (batch.length) onBatch(first, batch);
  };
  return { result, contexts };
}

/** Addresses of the page's that make a link to them furniture. */
interface PageMarks {
  /** Where its wiki's articles are (`https://en.wikipedia.org/wiki/`), for its citations' links to them. */
  wikiArticles: string;
  /** Its author's address, as its head names it (`<link rel="author">`), without query or fragment. */
  author: string | null;
}

/** The furniture a link's own words, address or element show, wherever it sits; null for none. */
function ownFurniture(p: Pending, linkText: string, resolved: string, marks: PageMarks): string | null {
  // A link that calls itself a permalink is one (forums' comment footers have no other mark).
  if (linkText.length === 9 && linkText.toLowerCase() === 'permalink') return 'meta';
  // Wikipedia's citations name each identifier by a link to the article about it (`doi`:10.1080/…, `ISBN` 978-…,
  // `OCLC`, `PMID`): a label, not what the reference cites.
  if (isIdentifierLabel(resolved)) return 'identifier';
  const el = p.link?.el;
  if (el === undefined) return null;
  // A wiki citation's links to the wiki's own articles, the author's, the journal's or the publisher's
  // (`<cite class="citation">… <i><a href="/wiki/Eurasianet">`), say who wrote or published the source, not what
  // it is; a look-up (`Special:BookSources/…`) names the book itself.
  const { wikiArticles } = marks;
  if (resolved.startsWith(wikiArticles) && !resolved.includes(':', wikiArticles.length) && inCitation(el))
    return 'citation details';
  // A link with nothing to show (no text, no label, no element inside: a script's hook, as Blogger's comment form
  // keeps its address in one) is no citation: a reader can neither see it nor click it.
  if (linkText === '' && el.firstElementChild === null) return 'empty';
  return null;
}

/** Wikipedia's articles about an identifier, which its citation templates link each identifier's name to. */
const IDENTIFIER_ARTICLE = /\/wiki\/[^/?#]+_(?:\(|%28)identifier(?:\)|%29)$/i;

function isIdentifierLabel(href: string): boolean {
  const last = href.charCodeAt(href.length - 1);
  return (last === 41 || last === 57) && IDENTIFIER_ARTICLE.test(href);
}

/** Whether an element is inside a citation as MediaWiki's citation templates write it: `<cite class="citation …">`. */
function inCitation(el: Element): boolean {
  const cite = el.closest('cite');
  return cite !== null && /(?:^|\s)citation(?:\s|$)/.test(cite.getAttribute('class') ?? '');
}

/** Whether `href` names the page `stem` names (`…/@ani?source=byline` and `…/@ani`). */
function sameStem(href: string, stem: string): boolean {
  return href.startsWith(stem) && stemOf(href) === stem;
}
