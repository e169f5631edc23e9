import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { daysBetween } from '../dates/calendar';
import type { ExportFormat } from '../export/index';
import { formatAge, formatDays } from '../format/age';
import { CATEGORY_LABELS, linkTitle, placeOf } from '../format/labels';
import { applyLookups } from '../lookup/merge';
import type { Category, ExtractResult, Link, Report } from '../schemas';
import { type LoadedSettings, type Settings, withAlias } from '../settings';
import { ExportMenu } from './Export';
import { ALL_GROUPS, applyFilters, CITED_GROUPS, exportLinks, type Filters, type SortOrder } from './filter';
import { type LookupApi, type LookupState, useLookups } from './lookups';
import { ReportTable } from './ReportTable';
import { type AgeBucket, citedCount, summarize } from './summary';

/** Rows rendered per group at first; more as the reader scrolls to the end of the group or asks for them. */
// Rows per group rendered at first: a popup shows about a dozen; more are rendered before the reader scrolls to
// them (the observer below looks a screen ahead).
const PAGE_SIZE = 24;
const SOURCE_LABEL: Record<string, string> = {
  url: 'date in the URL',
  id: 'date encoded in the ID',
  meta: 'page’s own metadata',
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
const MEDIA_ICON: Record<string, string> = { video: '▶', image: '▣', map: '⌖', audio: '♪', embed: '⧉' };
const GROUPS: Category[] = ['primary', 'self', 'media', 'other'];

export interface Scanned {
  report: Report;
  extract: ExtractResult;
  notes: string[];
}

/** What the popup needs from the browser; the entrypoint supplies it, tests can supply fakes. */
export interface PopupApi {
  /** Reads and sorts the page; `aliasesFor` gives the reader's aliases for its site, `onSorting` marks progress. */
  scan(options: {
    aliasesFor(site: string): Promise<readonly string[]>;
    onSorting(links: number): void;
  }): Promise<Scanned>;
  analyze(extract: ExtractResult, aliases: readonly string[]): Report;
  loadSettings(): Promise<LoadedSettings>;
  saveSettings(settings: Settings): Promise<void>;
  locate(link: Link): Promise<boolean>;
  copy(text: string): Promise<void>;
  download(fileName: string, mime: string, text: string): void;
  showCount(cited: number): void;
  openReport?(): void;
  /** Online age look-ups (through the background worker). */
  lookups?: LookupApi;
}

type State =
  | { status: 'scanning'; sorting?: number }
  | { status: 'ready'; scanned: Scanned; settings: Settings }
  | { status: 'error'; message: string; restricted: boolean };

export class PopupError extends Error {
  constructor(
    message: string,
    readonly restricted: boolean,
  ) {
    super(message);
  }
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

interface RowProps {
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
            {icon}
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
        {link.occurrences > 1 && <span class="count">×{link.occurrences}</span>}
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
            {link.deceptiveHost ? `⚠ ${link.displayHost}` : link.domain}
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
      {link.context && link.context !== link.text && <p class="context">{link.context}</p>}
    </li>
  );
}

function Group(
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
        <span class="group-count">{links.length}</span>
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
          Show all {links.length}
        </button>
      )}
    </details>
  );
}

function Profile({ report, now }: { report: Report; now: Date }) {
  const s = summarize(report, now);
  const total = s.cited || 1;
  return (
    <div class="profile">
      <p class="profile-line">
        <strong>{s.cited}</strong> cited · {s.counts.primary} primary · {s.counts.self} self (
        {Math.round(s.selfShare * 100)}%) · {s.counts.media} media
        {s.medianDays !== null && <> · median age {formatDays(s.medianDays)}</>}
        {s.oldest && <> · oldest {formatAge(s.oldest.date, now)}</>}
      </p>
      <div
        class="bar"
        role="img"
        aria-label={`${s.counts.primary} primary, ${s.counts.self} self, ${s.counts.media} media`}
      >
        {(['primary', 'self', 'media'] as const).map((c) =>
          s.counts[c] ? (
            <span key={c} class={`bar-${c}`} style={{ width: `${(100 * s.counts[c]) / total}%` }} />
          ) : null,
        )}
      </div>
      {s.cited > 0 && <AgeStrip buckets={s.ages} total={s.cited} />}
    </div>
  );
}

/** The cited links' ages at a glance: one strip, darker for older, grey for undated, with a legend. */
function AgeStrip({ buckets, total }: { buckets: AgeBucket[]; total: number }) {
  const present = buckets.filter((b) => b.count);
  const describe = (b: AgeBucket) => `${b.count} ${b.description}`;
  return (
    <div class="ages">
      <div class="age-strip" role="img" aria-label={`Ages: ${present.map(describe).join(', ')}`}>
        {present.map((b) => (
          <span
            key={b.label}
            class={`age-${b.shade ?? 'none'}`}
            title={describe(b)}
            style={{ width: `${(100 * b.count) / total}%` }}
          />
        ))}
      </div>
      <p class="age-legend" aria-hidden="true">
        {present.map((b) => (
          <span key={b.label}>
            <i class={`age-${b.shade ?? 'none'}`} />
            {b.label}: {b.count}
          </span>
        ))}
      </p>
    </div>
  );
}

function Toolbar({
  filters,
  setFilters,
  counts,
  searchRef,
}: {
  filters: Filters;
  setFilters(f: Filters): void;
  counts: Record<Category, number>;
  searchRef: { current: HTMLInputElement | null };
}) {
  const toggle = (c: Category) => {
    const groups = new Set(filters.groups);
    if (groups.has(c)) groups.delete(c);
    else groups.add(c);
    setFilters({ ...filters, groups });
  };
  return (
    <div class="toolbar">
      <input
        ref={searchRef}
        type="search"
        class="search"
        placeholder="Filter: title, URL, domain, context  ( / )"
        aria-label="Filter links"
        value={filters.query}
        onInput={(e) => setFilters({ ...filters, query: (e.target as HTMLInputElement).value })}
      />
      <select
        aria-label="Sort"
        value={filters.sort}
        onChange={(e) => setFilters({ ...filters, sort: (e.target as HTMLSelectElement).value as SortOrder })}
      >
        <option value="page">Page order</option>
        <option value="oldest">Oldest first</option>
        <option value="newest">Newest first</option>
        <option value="domain">Domain</option>
      </select>
      <fieldset class="chips">
        <legend class="sr-only">Groups</legend>
        {GROUPS.map((c) => (
          <button
            key={c}
            type="button"
            class={`chip chip-${c}`}
            aria-pressed={filters.groups.has(c) ? 'true' : 'false'}
            onClick={() => toggle(c)}
          >
            {CATEGORY_LABELS[c]} {counts[c]}
          </button>
        ))}
        {[...filters.domains].map((d) => (
          <button
            key={d}
            type="button"
            class="chip chip-domain"
            title="Remove this domain filter"
            onClick={() => {
              const domains = new Set(filters.domains);
              domains.delete(d);
              setFilters({ ...filters, domains });
            }}
          >
            {d} ×
          </button>
        ))}
      </fieldset>
    </div>
  );
}

function LookupBar({
  state,
  onStart,
  onStop,
}: {
  state: LookupState;
  onStart(force: boolean): void;
  onStop(): void;
}) {
  const { phase, progress, targets } = state;
  const answers = [...targets.values()];
  const dead = answers.filter((a) => a.status === 'dead' || a.status === 'moved').length;
  const failed = answers.filter((a) => !['ok', 'dead', 'moved'].includes(a.status)).length;
  const dated = answers.filter((a) => a.date).length;
  return (
    <div class="lookup" data-phase={phase}>
      {(phase === 'idle' || phase === 'denied') && (
        <button
          type="button"
          class="lookup-start"
          title="Fetch each cited link (no cookies) for its date, check that it still works, and look up when its domain was registered. Asks for access to the linked sites the first time."
          onClick={() => onStart(false)}
        >
          Look up ages
        </button>
      )}
      {phase === 'asking' && <span>Waiting for permission…</span>}
      {phase === 'running' && (
        <>
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label="Look-up progress" />
          <span class="lookup-count">
            {progress ? `Looking up ${progress.done} of ${progress.total}…` : 'Starting…'}
          </span>
          <button type="button" onClick={onStop}>
            Cancel
          </button>
        </>
      )}
      {(phase === 'done' || phase === 'cancelled' || phase === 'error') && (
        <>
          <span class="lookup-summary">
            {phase === 'cancelled' ? 'Stopped: ' : phase === 'error' ? '' : 'Looked up: '}
            {answers.length} link{answers.length === 1 ? '' : 's'}, {dated} dated
            {dead > 0 && <>, {dead} dead or moved</>}
            {failed > 0 && <>, {failed} could not be checked</>}
          </span>
          <button
            type="button"
            class="linklike"
            title="Look up again, ignoring saved answers"
            onClick={() => onStart(true)}
          >
            Refresh
          </button>
        </>
      )}
      {state.message && (
        <span class="lookup-message" role={phase === 'error' ? 'alert' : undefined}>
          {state.message}
        </span>
      )}
    </div>
  );
}

export function Results({
  scanned,
  now,
  api,
  onMine,
  asTable = false,
  autoLookup = false,
  exportFormat = 'markdown',
  onExportFormat = () => undefined,
  otherLinks = 'collapsed',
}: {
  scanned: Scanned;
  now: Date;
  api: PopupApi;
  onMine(link: Link): void;
  /** The report page: one wide sortable table instead of the groups. */
  asTable?: boolean;
  autoLookup?: boolean;
  exportFormat?: ExportFormat;
  onExportFormat?(format: ExportFormat): void;
  otherLinks?: Settings['otherLinks'];
}) {
  const { notes } = scanned;
  const lookups = useLookups(api.lookups, scanned.report, autoLookup);
  const report = useMemo(
    () => applyLookups(scanned.report, lookups.state.targets, lookups.state.domains),
    [scanned.report, lookups.state.targets, lookups.state.domains],
  );
  const [filters, setFilters] = useState<Filters>({
    query: '',
    // "Not listed" in the settings starts with the group off, and so does the report table unless the settings
    // say "open" (in one flat table the page furniture would bury the citations); the chip brings it back.
    groups: otherLinks === 'hidden' || (asTable && otherLinks !== 'open') ? CITED_GROUPS : ALL_GROUPS,
    domains: new Set(),
    sort: 'page',
  });
  const [message, setMessage] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => applyFilters(report.links, filters), [report, filters]);
  const filtering =
    filters.query !== '' || filters.domains.size > 0 || filters.sort !== 'page' || filters.selection === true;
  const selectedCount = useMemo(
    () => report.links.filter((l) => l.selected && l.category !== 'other').length,
    [report],
  );
  const onDomain = useCallback(
    (d: string) => setFilters((f) => ({ ...f, domains: new Set([...f.domains, d]) })),
    [],
  );
  const onAction = useCallback(
    async (action: 'copy' | 'locate' | 'mine', link: Link) => {
      if (action === 'copy') {
        await api.copy(link.url).then(
          () => setMessage(`Copied ${link.url}`),
          () => setMessage('Could not copy.'),
        );
      } else if (action === 'locate') {
        const found = await api.locate(link).catch(() => false);
        setMessage(found ? 'Shown on the page.' : 'That link is no longer on the page.');
      } else {
        onMine(link);
        setMessage(`${link.domain} now counts as this site’s own.`);
      }
    },
    [api, onMine],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && target.tagName !== 'INPUT') {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (e.key === 'Escape' && target === searchRef.current && filters.query) {
        e.preventDefault();
        setFilters({ ...filters, query: '' });
        return;
      }
      const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('details[open] [data-row]') ?? [])];
      if (!rows.length) return;
      const row = target.closest<HTMLElement>('[data-row]');
      const index = row ? rows.indexOf(row) : -1;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, index + 1) : Math.max(0, index - 1);
        rows[next]?.focus();
        return;
      }
      if (!row || target.tagName === 'INPUT') return;
      const link = shown.find((l) => l.url === row.dataset['url']);
      if (!link) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        row.querySelector<HTMLAnchorElement>('a.title')?.click();
      } else if (e.key === 'c') {
        void onAction('copy', link);
      } else if (e.key === 'l') {
        void onAction('locate', link);
      }
    },
    [filters, shown, onAction],
  );
  // Shortcuts work wherever focus is, not only inside the list.
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);
  const cited = citedCount(report);
  const by = (c: Category) => shown.filter((l) => l.category === c);
  return (
    <div ref={listRef}>
      <header class="page">
        <h1 title={report.page.url}>{report.page.title || report.page.url}</h1>
        <p class="page-meta">
          {report.page.site.domain}
          {report.page.published && <> · published {report.page.published}</>}
          {report.page.archivedAt && <> · archived copy</>}
          {api.openReport && (
            <>
              {' · '}
              <button type="button" class="linklike" onClick={() => api.openReport?.()}>
                Open as a tab
              </button>
            </>
          )}
        </p>
        <Profile report={report} now={now} />
        {api.lookups && cited > 0 && (
          <LookupBar state={lookups.state} onStart={lookups.start} onStop={lookups.stop} />
        )}
      </header>
      {report.links.length > 0 && (
        <Toolbar filters={filters} setFilters={setFilters} counts={report.counts} searchRef={searchRef} />
      )}
      {report.links.length > 0 && (
        <ExportMenu
          report={report}
          linksFor={(includeOther) => exportLinks(report.links, filters, includeOther)}
          api={api}
          format={exportFormat}
          onFormat={onExportFormat}
        />
      )}
      {selectedCount > 0 && (
        <button
          type="button"
          class="chip chip-selection"
          aria-pressed={filters.selection ? 'true' : 'false'}
          onClick={() => setFilters({ ...filters, selection: !filters.selection })}
        >
          Selection only ({selectedCount})
        </button>
      )}
      <p class="message" aria-live="polite">
        {message}
      </p>
      {notes.map((n) => (
        <p key={n} class="note">
          {n}
        </p>
      ))}
      {cited === 0 && (
        <div class="empty">
          <p>
            <strong>No cited links found.</strong>
          </p>
          <p>
            {report.stats.links === 0
              ? 'Looked at the whole page, its frames and open shadow roots: it has no links at all.'
              : `Looked at the article, its comments and embeds: the page's ${report.stats.links} links are all ` +
                'menus, widgets, share buttons and other page furniture, listed under Other links.'}
          </p>
        </div>
      )}
      {filtering && shown.length === 0 && <p class="none">Nothing matches the filter.</p>}
      {asTable && <ReportTable links={shown} now={now} />}
      {!asTable &&
        // With nothing cited, the three empty groups would only repeat the message above.
        GROUPS.filter(
          (c) => filters.groups.has(c) && (cited > 0 || (c === 'other' && report.counts.other > 0)),
        ).map((c) => (
          <Group
            key={c}
            category={c}
            links={by(c)}
            now={now}
            pending={lookups.state.pending}
            open={c !== 'other' || otherLinks === 'open' || filters.query !== ''}
            onDomain={onDomain}
            onAction={onAction}
          />
        ))}
    </div>
  );
}

export function Popup({
  api,
  now = new Date(),
  asTable = false,
}: {
  api: PopupApi;
  now?: Date;
  asTable?: boolean;
}) {
  const [state, setState] = useState<State>({ status: 'scanning' });
  // "Try again" after a failure scans anew.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt) setState({ status: 'scanning' });
    performance.mark('lc-scan-start');
    (async () => {
      // Settings load while the page is read; the sorting takes the site's aliases from them.
      const settings = api.loadSettings();
      const scanned = await api.scan({
        aliasesFor: async (site) => (await settings).settings.aliases[site] ?? [],
        onSorting: (links) => setState({ status: 'scanning', sorting: links }),
      });
      const loaded = await settings;
      const notes = loaded.notice ? [loaded.notice, ...scanned.notes] : scanned.notes;
      api.showCount(citedCount(scanned.report));
      setState({ status: 'ready', scanned: { ...scanned, notes }, settings: loaded.settings });
    })().catch((e: unknown) =>
      setState({
        status: 'error',
        message: e instanceof Error ? e.message : String(e),
        restricted: e instanceof PopupError && e.restricted,
      }),
    );
  }, [api, attempt]);
  // For `npm run bench`: when the results were on screen (effects run after the rows are in the DOM).
  useEffect(() => {
    if (state.status === 'ready') performance.mark('lc-ready');
  }, [state.status]);
  const onMine = useCallback(
    (link: Link) => {
      if (state.status !== 'ready') return;
      const site = state.scanned.report.page.site.domain;
      const settings = withAlias(state.settings, site, link.domain);
      const report = api.analyze(state.scanned.extract, settings.aliases[site] ?? []);
      setState({ ...state, settings, scanned: { ...state.scanned, report } });
      api.showCount(citedCount(report));
      void api.saveSettings(settings);
    },
    [api, state],
  );
  const onExportFormat = useCallback(
    (exportFormat: ExportFormat) => {
      if (state.status !== 'ready') return;
      const settings = { ...state.settings, exportFormat };
      setState({ ...state, settings });
      void api.saveSettings(settings);
    },
    [api, state],
  );
  return (
    <main id="results" aria-busy={state.status === 'scanning' ? 'true' : 'false'}>
      {state.status === 'scanning' && (
        <p class="status" role="status">
          {state.sorting === undefined
            ? 'Reading the page…'
            : `Sorting and dating ${state.sorting.toLocaleString('en')} links…`}
          <span class="busy" aria-hidden="true" />
        </p>
      )}
      {state.status === 'error' && (
        <div class={`error${state.restricted ? ' restricted' : ''}`} role="alert">
          <p>
            <strong>{state.restricted ? 'This page can’t be read' : 'Could not read this page'}</strong>
          </p>
          <p>{state.message}</p>
          {!state.restricted && (
            <button type="button" class="retry" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          )}
        </div>
      )}
      {state.status === 'ready' && (
        <Results
          scanned={state.scanned}
          now={now}
          api={api}
          onMine={onMine}
          asTable={asTable}
          autoLookup={state.settings.autoLookup}
          exportFormat={state.settings.exportFormat}
          otherLinks={state.settings.otherLinks}
          onExportFormat={onExportFormat}
        />
      )}
    </main>
  );
}
