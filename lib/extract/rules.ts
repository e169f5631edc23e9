import { memoize } from '../memo';
import type { Platform } from '../schemas';

/**
 * What an element is to the page's structure. `neutral` stops the generic rules (a platform adapter vouches for
 * the element); `content` marks a body of text without changing the region.
 */
export type Role =
  /** `words`: told by class or id words alone (no element, role or platform rule). */
  | { kind: 'chrome'; why: string; words?: true }
  | { kind: 'article' }
  | { kind: 'comments' }
  | { kind: 'comment' }
  | { kind: 'post' }
  | { kind: 'neutral' };

export interface ElementFacts {
  tag: string;
  id: string;
  /** The class attribute as written, and its names lower-cased (split once per element). */
  cls: string;
  classes: readonly string[];
  /** The class attribute lower-cased with a space at each end, for whole-name tests (` name `). */
  padded: string;
  role: string;
  /** The parent's tag. */
  parentTag: string;
  /** For a form: whether it is one a reader fills in (a control but hidden inputs), not a wrapper of the page. */
  controls: boolean;
  /** Inside an entry: an article, a post or a comment (not only the page's main part). */
  entry: boolean;
  /** The slot it fills in its host's shadow tree; read only for rules that ask (`RoleRules.slots`), else "". */
  slot: string;
}

const chrome = (why: string): Role => ({ kind: 'chrome', why });
const BY_WORDS = new Map<string, Role>();
/** Furniture told by class or id words: one role object per reason. */
function byWords(why: string): Role {
  let role = BY_WORDS.get(why);
  if (!role) {
    role = { kind: 'chrome', why, words: true };
    BY_WORDS.set(why, role);
  }
  return role;
}
const ARTICLE: Role = { kind: 'article' };
const COMMENTS: Role = { kind: 'comments' };
const COMMENT: Role = { kind: 'comment' };
const POST: Role = { kind: 'post' };
const NEUTRAL: Role = { kind: 'neutral' };

const CHROME_TAGS: Record<string, string> = {
  nav: 'navigation',
  aside: 'sidebar',
  dialog: 'dialog',
  menu: 'menu',
  button: 'button',
  select: 'form',
};
const CHROME_ROLES: Record<string, string> = {
  navigation: 'navigation',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'sidebar',
  search: 'search',
  menu: 'menu',
  menubar: 'menu',
  toolbar: 'toolbar',
  dialog: 'dialog',
  alertdialog: 'dialog',
  tablist: 'tabs',
};

const ARTICLE_CLASSES = new Set([
  'entry-content',
  'post-content',
  'post-body',
  'article-body',
  'article-content',
  'story-body',
  'story-content',
  'entry-body',
  'articlebody',
  'article__body',
  'article-body__content',
  'post__content',
  'c-entry-content',
  'body-text',
  'content-body',
  'post-entry',
  'blog-post-content',
  'single-content',
  'td-post-content',
  'post-text',
  'article-text',
  'wp-block-post-content',
  'entry__content',
  'blog-content',
  'page-content',
  'story-text',
]);
const COMMENTS_CLASSES = new Set([
  'comments',
  'comment-list',
  'commentlist',
  'comments-area',
  'comment-section',
  'comments-section',
  'disqus_thread',
  'comment-thread',
  'comments-list',
  'comments-container',
  'comment-threads',
]);
const COMMENT_ID = /^(?:div-)?comment-\d+$|^c\d{6,}$|^li-comment-\d+$/;
const COMMENT_CLASSES = new Set([
  'comment',
  'comment-item',
  'commentlist-item',
  'c-comment',
  'comment-wrapper',
]);
const POST_CLASSES = new Set(['hentry', 'type-post', 'post-outer', 'blog-post', 'h-entry']);

// Words in a class or id that mark page furniture. Matched as whole words of a name split on - _ and spaces.
const CHROME_WORDS: Record<string, string> = {};
for (const [why, words] of Object.entries({
  navigation: 'nav navbar navbox navigation menu menubar breadcrumb breadcrumbs skip jump tabs topbar',
  sidebar: 'sidebar widget widgets secondary blogroll calendar archives blogarchive tagcloud',
  share: 'share sharing sharedaddy social sociallinks addtoany shareaholic',
  related: 'related relatedposts recommended popular trending recent latest more',
  pager: 'pagination pager paging pagenav',
  footer: 'footer colophon printfooter',
  header: 'header masthead banner',
  meta: 'byline meta metadata tags tag labels categories cat catlinks terms author vcard avatar gravatar signature timestamp dateline title permalink',
  edit: 'editsection',
  reply: 'reply respond actions',
  subscribe: 'subscribe newsletter signup login cookie cookies consent donate feedburner rss print',
  ad: 'ad ads advert advertisement sponsor sponsored promo',
})) {
  for (const word of words.split(' ')) CHROME_WORDS[word] = why;
}
const IGNORED_NAME = /^(?:has|no|with|is|show|hide|layout|template|page|single|theme|wp-embed|site)-/;

function chromeHint(names: readonly string[]): string | null {
  for (const name of names) {
    if (!name || IGNORED_NAME.test(name)) continue;
    for (const word of name.split(/[-_]+/)) {
      const why = CHROME_WORDS[word];
      if (why) return why;
    }
  }
  return null;
}

// Any CHROME_WORDS word standing alone between separators: a name without one has no chrome hint.
const ANY_CHROME_WORD = new RegExp(
  `(?:^|[\\s_-])(?:${Object.keys(CHROME_WORDS).join('|')})(?=$|[\\s_-])`,
  'i',
);

function hasClass(classes: readonly string[], set: Set<string>): boolean {
  for (const c of classes) if (set.has(c)) return true;
  return false;
}

/** What a class attribute says, worked out once per distinct attribute: pages repeat a few class lists. */
interface ClassFacts {
  article: boolean;
  comments: boolean;
  comment: boolean;
  post: boolean;
  hint: string | null;
}

const classFacts = memoize((padded: string): ClassFacts => {
  const classes = padded.slice(1, -1).split(/\s+/);
  return {
    article: hasClass(classes, ARTICLE_CLASSES),
    comments: hasClass(classes, COMMENTS_CLASSES),
    comment: hasClass(classes, COMMENT_CLASSES),
    post: hasClass(classes, POST_CLASSES),
    hint: ANY_CHROME_WORD.test(padded) ? chromeHint(classes) : null,
  };
}, 20_000);

const NO_CLASS_FACTS: ClassFacts = {
  article: false,
  comments: false,
  comment: false,
  post: false,
  hint: null,
};

/** The generic detector: semantic elements, ARIA roles, schema.org hints, then class and id words. */
function genericRole(f: ElementFacts, region: string, hints: boolean): Role | null {
  const { tag, id, role } = f;
  if (tag === 'html' || tag === 'body') return null;
  if (role) {
    const why = CHROME_ROLES[role];
    if (why) return chrome(why);
    if (role === 'main' || role === 'article') return region === 'comments' ? COMMENT : ARTICLE;
    if (role === 'comment') return COMMENT;
  }
  const tagWhy = CHROME_TAGS[tag];
  // An aside within an entry (an article, a post, a comment) is tangential to it, not to the page: a callout, a
  // note, a link's preview (Discourse's oneboxes, often a post's only link to its target). Class words still tell a
  // "related" box; an aside in the page's main part beside the entries is a sidebar.
  if (tagWhy && !(tag === 'aside' && f.entry)) return chrome(tagWhy);
  // A form a reader fills in (comment, search, sign-up) is furniture; one with hidden inputs only wraps text the
  // site lets its author edit in place (old Reddit renders every post and comment inside such a form), and one
  // holding the page's main part or title wraps the page (ASP.NET WebForms, SharePoint).
  if (tag === 'form' && f.controls) return chrome('form');
  if (tag === 'header' || tag === 'footer') {
    // A quotation's footer names its source: that is content.
    if (f.parentTag === 'blockquote' || f.parentTag === 'figure') return null;
    return chrome(tag);
  }
  const c = f.cls ? classFacts(f.padded) : NO_CLASS_FACTS;
  if (c.article) return region === 'comments' ? null : ARTICLE;
  if (c.comments || id === 'comments' || id === 'disqus_thread') return COMMENTS;
  if ((id && COMMENT_ID.test(id)) || c.comment) return COMMENT;
  if (tag === 'article') return region === 'comments' ? COMMENT : c.post ? POST : ARTICLE;
  if (c.post) return POST;
  if (tag === 'main') return ARTICLE;
  if (hints) {
    const why = c.hint ?? (id && ANY_CHROME_WORD.test(id) ? chromeHint([id.toLowerCase()]) : null);
    if (why) return byWords(why);
  }
  return null;
}

function wordpressRole(f: ElementFacts): Role | null | undefined {
  const c = f.padded;
  if (c.includes(' comment-content ') || c.includes(' wp-block-embed ') || c.includes(' wp-block-quote '))
    return NEUTRAL;
  // A comment's body is part of the comment around it (its <li id="comment-12">), author and date and all: the whole
  // comment in WordPress's own markup, only its text in Twenty Ten's (whose header sits beside it). Alone, it is one.
  if (c.includes(' comment-body ')) return f.entry ? NEUTRAL : COMMENT;
  if (c.includes(' wp-block-comment-template ')) return COMMENT;
  if (f.tag === 'article' && (c.includes(' post ') || c.includes(' type-post ') || c.includes(' type-page ')))
    return POST;
  return undefined;
}

function bloggerRole(f: ElementFacts): Role | null | undefined {
  const { id, cls } = f;
  if (id === 'Blog1' || / Blog /.test(` ${cls} `)) return NEUTRAL;
  const c = f.padded;
  if (c.includes(' date-outer ') || c.includes(' date-posts ') || c.includes(' blog-posts ')) return NEUTRAL;
  if (c.includes(' post-outer ') || (c.includes(' post ') && c.includes(' hentry '))) return POST;
  if (c.includes(' post-body ')) return ARTICLE;
  if (c.includes(' comment-replies ') || c.includes(' comment-thread ') || c.includes(' comment-content '))
    return NEUTRAL;
  if (c.includes(' comment-block ')) return NEUTRAL;
  if (c.includes(' date-header ')) return chrome('meta');
  return undefined;
}

const YOUTUBE_CHROME: Record<string, string> = {
  'ytd-masthead': 'masthead',
  'ytd-mini-guide-renderer': 'guide',
  'ytd-guide-renderer': 'guide',
  'tp-yt-app-drawer': 'guide',
  'ytd-watch-next-secondary-results-renderer': 'related',
  'ytd-compact-video-renderer': 'related',
  'ytd-video-owner-renderer': 'owner',
  'ytd-video-description-infocards-section-renderer': 'owner',
  'ytd-horizontal-card-list-renderer': 'chapters',
  'ytd-video-description-transcript-section-renderer': 'transcript',
  'ytd-engagement-panel-section-list-renderer': 'panel',
  'ytd-comments-header-renderer': 'comments header',
  'ytd-comment-engagement-bar': 'reply',
  'ytd-merch-shelf-renderer': 'promo',
  'ytd-reel-shelf-renderer': 'related',
  'ytd-live-chat-frame': 'chat',
  'ytd-player': 'player',
  'ytd-info-panel-container-renderer': 'promo',
  'ytd-clarification-renderer': 'promo',
  'ytd-menu-renderer': 'menu',
  'ytd-badge-supported-renderer': 'meta',
};
const YOUTUBE_CHROME_IDS: Record<string, string> = {
  'masthead-container': 'masthead',
  guide: 'guide',
  related: 'related',
  secondary: 'related',
  owner: 'owner',
  'top-row': 'owner',
  title: 'title',
  'header-author': 'meta',
  'author-text': 'meta',
  'author-thumbnail': 'meta',
  'published-time-text': 'meta',
  toolbar: 'reply',
  'action-buttons': 'reply',
  'reply-button-end': 'reply',
  'ticket-shelf': 'promo',
  chat: 'chat',
  movie_player: 'player',
  'info-container': 'meta',
  'info-strings': 'meta',
};

function youtubeRole(f: ElementFacts): Role | null | undefined {
  const { tag, id } = f;
  const why = YOUTUBE_CHROME[tag] ?? YOUTUBE_CHROME_IDS[id];
  if (why) return chrome(why);
  if (tag === 'ytd-comments' || id === 'comments') return COMMENTS;
  if (
    tag === 'ytd-comment-thread-renderer' ||
    tag === 'ytd-comment-view-model' ||
    tag === 'ytd-comment-renderer'
  ) {
    return COMMENT;
  }
  if (
    id === 'description' ||
    id === 'description-inline-expander' ||
    tag === 'ytd-text-inline-expander' ||
    tag === 'ytd-expandable-video-description-body-renderer'
  ) {
    return ARTICLE;
  }
  if (id === 'content-text') return NEUTRAL;
  return undefined;
}

/**
 * Hacker News (news.ycombinator.com), tables throughout: on an item page the story's own link (its title) is what
 * the page cites, with an Ask HN text under it; then the comment tree, each comment a row whose header (user, age,
 * navigation) and reply link are furniture and whose text is content.
 */
function hackerNewsRole(f: ElementFacts): Role | null | undefined {
  const c = f.padded;
  if (f.tag === 'tr') {
    if (c.includes(' comtr ')) return COMMENT;
    if (c.includes(' athing ')) return NEUTRAL;
  }
  if (c.includes(' titleline ') || c.includes(' toptext ')) return ARTICLE;
  // The story's title cell and the comment's box: no furniture for their words ("title", "comment").
  if (c.includes(' title ') || c.includes(' comment ') || c.includes(' commtext ')) return NEUTRAL;
  if (c.includes(' comment-tree ')) return COMMENTS;
  if (c.includes(' sitebit ') || c.includes(' subtext ') || c.includes(' comhead ')) return chrome('meta');
  if (c.includes(' votelinks ')) return chrome('vote');
  if (c.includes(' pagetop ')) return chrome('header');
  if (c.includes(' yclinks ')) return chrome('footer');
  return undefined;
}

/**
 * New Reddit ("shreddit": www.reddit.com since 2023), web components throughout: the post (its credit bar of
 * community, age and author is furniture; its link and text are content), then the comment tree, each comment's
 * header (author, age, permalink) and action row furniture and its slotted text content. The layout's
 * utility classes (`flex-left-nav`, `text-neutral-content`) say nothing about content, so no class words are read.
 */
const REDDIT_CHROME: Record<string, string> = {
  'reddit-header-large': 'header',
  'reddit-header-small': 'header',
  'flex-left-nav-container': 'navigation',
  'reddit-sidebar-nav': 'navigation',
  'shreddit-sort-dropdown': 'menu',
  'shreddit-post-share-button': 'share',
  'shreddit-comment-share-button': 'share',
  'shreddit-comment-action-row': 'reply',
  'shreddit-sidebar-ad': 'ad',
  'shreddit-ad-post': 'ad',
  'shreddit-comments-page-ad': 'ad',
};
const REDDIT_SLOTS: Record<string, string> = {
  'credit-bar': 'meta',
  commentMeta: 'meta',
  commentAvatar: 'meta',
  actionRow: 'reply',
};

function redditRole(f: ElementFacts): Role | null | undefined {
  const why = REDDIT_CHROME[f.tag] ?? (f.slot ? REDDIT_SLOTS[f.slot] : undefined);
  if (why) return chrome(why);
  switch (f.tag) {
    case 'shreddit-post':
      return ARTICLE;
    case 'shreddit-comment-tree':
      return COMMENTS;
    case 'shreddit-comment':
      return COMMENT;
  }
  return undefined;
}

export interface RoleRules {
  role(f: ElementFacts, region: string): Role | null;
  /** Whether the rules read an element's `slot` (`ElementFacts.slot`). */
  slots: boolean;
}

type Adapter = (f: ElementFacts) => Role | null | undefined;

/**
 * Each platform's adapter, and what it needs of the generic detector and the walk: `words: false` where class and
 * id words say nothing about content (YouTube's ids, #meta and #header; Reddit's utility classes) and the adapter
 * knows the layout instead; `slots` where the adapter reads elements' `slot`.
 */
const PLATFORM_RULES: Record<Platform, { adapter: Adapter | null; words: boolean; slots: boolean }> = {
  wordpress: { adapter: wordpressRole, words: true, slots: false },
  blogger: { adapter: bloggerRole, words: true, slots: false },
  youtube: { adapter: youtubeRole, words: false, slots: false },
  hackernews: { adapter: hackerNewsRole, words: true, slots: false },
  reddit: { adapter: redditRole, words: false, slots: true },
  generic: { adapter: null, words: true, slots: false },
};

/** The region rules for a platform: its adapter first, then the generic detector. */
export function rulesFor(platform: Platform): RoleRules {
  const { adapter, words, slots } = PLATFORM_RULES[platform];
  return {
    slots,
    role(f, region) {
      if (adapter) {
        const r = adapter(f);
        if (r !== undefined) return r;
      }
      return genericRole(f, region, words);
    },
  };
}
