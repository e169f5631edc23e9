import { AppWindow, AudioLines, type IconNode, Image, Map as MapIcon, Video } from 'lucide';
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { daysBetween } from '../dates/calendar';
import { formatAge, formatDays } from '../format/age';
import { CATEGORY_LABELS, formatCount, linkTitle, placeOf, shownDomain } from '../format/labels';
import type { Category, Link } from '../schemas';

// One link as a row of the popup, and a group of rows.

// Rows per group rendered at first: a popup shows fewer than a dozen (600 px high); more are rendered as soon as
// the end of those comes within a screen of the view (the observer below), so they are there before the reader
// scrolls to them. 12 instead of 24 took the first render of the 10,000-link thread from about 77 to 59 ms.
const PAGE_SIZE = 12;
const SOURCE_LABEL: Record<string, string> = {
  url: 'date in the URL',
  id: 'date encoded in the ID',
  meta: 'page’s own metadata',
  citation: 'citing page’s reference to it',
  http: 'Last-Modified header',
  archive: 'Internet Archive (first seen)',
};
const CHECK_LABEL: Record<string, string> = {
  dead: 'dead',
  moved: 'moved',
  blocked: 'blocked',
  error: 'error',
  timeout: 'timeout',
  unreachable: 'unreachable',
};
// Drawn, not characters: symbol characters such as ⌖ and ⧉ are missing from common fonts (DejaVu on Linux shows
// an empty box for them).
const MEDIA_ICON: Record<string, IconNode> = {
  video: Video,
  image: Image,
  map: MapIcon,
  audio: AudioLines,
  embed: AppWindow,
};

/** A Lucide icon's shapes, drawn in the text's colour at the text's size. */
function Icon({ node }: { node: IconNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {node.map(([tag, attrs], i) => h(tag, { key: i, ...attrs }))}
    </svg>
  );
}

const isWeb = (url: string) => /^https?:\/\//i.test(url);

function ageWhenCited(link: Link): string {
  return formatDays(daysBetween(link.date!, link.citedDate!), link.date!.length);
}

function AgeBadge({ link, now, pending }: { link: Link; now: Date; pending: boolean }) {
  if (pending && !link.date) {
    return (
      <span class="age pending" title="Looking up…">
        …
      </span>
    );
  }
  const title = link.date
    ? `${link.date}, from the ${SOURCE_LABEL[link.dateSource ?? ''] ?? link.dateSource}${
        link.citedDate && link.date <= link.citedDate ? ` · ${ageWhenCited(link)} old when cited` : ''
      }`
    : 'Age unknown';
  return (
    <span class={`age${link.date ? '' : ' unknown'}`} title={title}>
      {formatAge(link.date, now)}
    </span>
  );
}

/** What a look-up found wrong with a link (dead, moved, refused, timed out…), with the archived copy. */
function CheckBadge({ check }: { check: Link['check'] }) {
  if (!check || check.status === 'ok') return null;
  return (
    <>
      <span class={`check check-${check.status}`} title={check.reason ?? check.status}>
        {CHECK_LABEL[check.status]}
      </span>
      {check.archiveUrl && isWeb(check.archiveUrl) && (
        <a class="archived" href={check.archiveUrl} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
          archived copy
        </a>
      )}
    </>
  );
}

/** "since 2009", or a warning for a domain registered within the last year. */
function DomainAge({ link, now }: { link: Link; now: Date }) {
  const registered = link.domainRegistered;
  if (!registered) {
    // Why there is no domain age; "no RDAP" is the registry's choice, not a failure worth a badge.
    const failed = link.domainLookup;
    if (!failed || failed.status === 'no-rdap') return null;
    return (
      <span class="domain-age unknown" title={`Domain age unknown: ${failed.reason ?? failed.status}`}>
        domain age ?
      </span>
    );
  }
  const young = daysBetween(registered, now.toISOString().slice(0, 10)) < 365;
  return young ? (
    <span class="domain-age young" title={`Domain registered ${registered} (RDAP): less than a year ago`}>
      ⚠ new domain ({registered.slice(0, 7)})
    </span>
  ) : (
    <span class="domain-age" title={`Domain registered ${registered} (RDAP)`}>
      since {registered.slice(0, 4)}
    </span>
  );
}

export interface RowProps {
  link: Link;
  now: Date;
  pending: ReadonlySet<string>;
  onDomain(domain: string): void;
  onAction(action: 'copy' | 'locate' | 'mine', link: Link): void;
}

function Row({ link, now, pending, onDomain, onAction }: RowProps) {
  const title = linkTitle(link);
  const icon = link.category === 'media' ? MEDIA_ICON[link.kind] : undefined;
  return (
    <li class="row" data-row="" data-category={link.category} data-url={link.url} tabIndex={-1}>
      <div class="row-main">
        {icon && (
          <span class="kind-icon" role="img" title={link.kind} aria-label={link.kind}>
            <Icon node={icon} />
          </span>
        )}
        {isWeb(link.url) ? (
          <a
            class="title"
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            title={link.url}
            tabIndex={-1}
          >
            {title}
          </a>
        ) : (
          <span class="title" title={link.url}>
            {title}
          </span>
        )}
        {link.occurrences > 1 && <span class="count">×{formatCount(link.occurrences)}</span>}
        <span class="actions">
          <button
            type="button"
            tabIndex={-1}
            title="Show on the page (L)"
            onClick={() => onAction('locate', link)}
          >
            Locate
          </button>
          <button type="button" tabIndex={-1} title="Copy the URL (C)" onClick={() => onAction('copy', link)}>
            Copy
          </button>
          {link.category === 'primary' && link.domain && (
            <button
              type="button"
              tabIndex={-1}
              title={`Count ${link.domain} as this site's own`}
              onClick={() => onAction('mine', link)}
            >
              Mine
            </button>
          )}
        </span>
      </div>
      <div class="row-meta">
        {link.domain ? (
          <button
            type="button"
            class="domain"
            tabIndex={-1}
            title={`${link.host} · show only ${link.domain}`}
            onClick={() => onDomain(link.domain)}
          >
            {shownDomain(link)}
          </button>
        ) : (
          <span class="domain">{link.kind}</span>
        )}
        <DomainAge link={link} now={now} />
        <AgeBadge link={link} now={now} pending={pending.has(link.url)} />
        <CheckBadge check={link.check} />
        <span class="place">{placeOf(link)}</span>
        <span class="kind">{link.kind}</span>
      </div>
      {link.context && link.context !== link.text && link.context !== title && (
        <p class="context">{link.context}</p>
      )}
    </li>
  );
}

export function Group(
  props: { category: Category; links: Link[]; now: Date; open: boolean } & Omit<RowProps, 'link' | 'now'>,
) {
  const { category, links, now, open, ...rest } = props;
  const [limit, setLimit] = useState(PAGE_SIZE);
  // A closed group renders no rows until it is opened: "Other links" is often the longest list.
  const [expanded, setExpanded] = useState(open);
  const more = useRef<HTMLButtonElement>(null);
  useEffect(() => setExpanded((e) => e || open), [open]);
  // Render the next rows when the end of the group scrolls into view.
  useEffect(() => {
    const button = more.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + PAGE_SIZE * 4);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(button);
    return () => observer.disconnect();
  }, [limit, expanded]);
  return (
    <details
      class={`group group-${category}`}
      open={open}
      data-group={category}
      onToggle={(e) => setExpanded((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="group-name">{CATEGORY_LABELS[category]}</span>
        <span class="group-count">{formatCount(links.length)}</span>
      </summary>
      {links.length === 0 ? (
        <p class="none">None found.</p>
      ) : (
        expanded && (
          <ul class="rows">
            {links.slice(0, limit).map((link) => (
              <Row key={`${link.url} ${link.position}`} link={link} now={now} {...rest} />
            ))}
          </ul>
        )
      )}
      {expanded && links.length > limit && (
        <button type="button" class="more" ref={more} onClick={() => setLimit(links.length)}>
          Show all {formatCount(links.length)}
        </button>
      )}
    </details>
  );
}
