import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../export/index';
import { formatCount, savedCopyNote } from '../format/labels';
import { applyLookups } from '../lookup/merge';
import { withContexts } from '../scan';
import type { Category, ExtractResult, Link, Report } from '../schemas';
import { type LoadedSettings, type Settings, withAlias } from '../settings';
import { ExportMenu } from './Export';
import { ALL_GROUPS, applyFilters, CITED_GROUPS, exportLinks, type Filters, GROUP_ORDER } from './filter';
import { type LookupApi, useLookups } from './lookups';
import { Profile } from './Profile';
import { ReportTable } from './ReportTable';
import { Group } from './Rows';
import { citedCount } from './summary';
import { LookupBar, Toolbar } from './Toolbar';

export interface Scanned {
  report: Report;
  extract: ExtractResult;
  notes: string[];
  /**
   * When the links came without their context sentences: asks for them, and settles once they are in `extract`
   * (the popup then puts them into the report). Until then search does not find words of the sentences, and export
   * waits.
   */
  contexts?(): Promise<void>;
}

/** What the popup needs from the browser; the entrypoint supplies it, tests can supply fakes. */
export interface PopupApi {
  /**
   * Reads and sorts the page; `aliasesFor` gives the reader's aliases for its site, `onRead` (links read so far)
   * and `onSorting` (all read, sorting them) mark progress.
   */
  scan(options: {
    aliasesFor(site: string): Promise<readonly string[]>;
    onRead(links: number): void;
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
  | { status: 'scanning'; read?: number; sorting?: number }
  | { status: 'ready'; scanned: Scanned; settings: Settings; contextsPending: boolean }
  | { status: 'error'; message: string; restricted: boolean };

export class PopupError extends Error {
  constructor(
    message: string,
    readonly restricted: boolean,
  ) {
    super(message);
  }
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
  contextsPending = false,
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
  /** The context sentences are still on their way (export waits for them). */
  contextsPending?: boolean;
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
          {report.page.savedCopy && (
            <>
              {' · '}
              <span title={savedCopyNote(report.page.savedCopy)}>saved copy</span>
            </>
          )}
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
          waiting={contextsPending}
        />
      )}
      {selectedCount > 0 && (
        <button
          type="button"
          class="chip chip-selection"
          aria-pressed={filters.selection ? 'true' : 'false'}
          onClick={() => setFilters({ ...filters, selection: !filters.selection })}
        >
          Selection only ({formatCount(selectedCount)})
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
              : `Looked at the article, its comments and embeds: the page's ${formatCount(report.stats.links)} links are all ` +
                'menus, widgets, share buttons and other page furniture, listed under Other links.'}
          </p>
        </div>
      )}
      {filtering && shown.length === 0 && <p class="none">Nothing matches the filter.</p>}
      {asTable && <ReportTable links={shown} now={now} />}
      {!asTable &&
        // With nothing cited, the three empty groups would only repeat the message above.
        GROUP_ORDER.filter(
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
        onRead: (links) => setState({ status: 'scanning', read: links }),
        onSorting: (links) => setState({ status: 'scanning', sorting: links }),
      });
      const loaded = await settings;
      const notes = loaded.notice ? [loaded.notice, ...scanned.notes] : scanned.notes;
      api.showCount(citedCount(scanned.report));
      setState({
        status: 'ready',
        scanned: { ...scanned, notes },
        settings: loaded.settings,
        contextsPending: scanned.contexts !== undefined,
      });
      if (!scanned.contexts) return;
      // Asked for once the rows are on screen, so that working them out does not hold the rows up.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      await scanned.contexts().catch(() => undefined);
      performance.mark('lc-contexts');
      // The report on screen may have been sorted again since (a site marked as the reader's): patch that one.
      setState((s) =>
        s.status === 'ready' && s.scanned.extract === scanned.extract
          ? {
              ...s,
              scanned: { ...s.scanned, report: withContexts(s.scanned.report, s.scanned.extract) },
              contextsPending: false,
            }
          : s,
      );
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
          {state.sorting === undefined ? (
            <>
              Reading the page…
              {/* The running count is for the eye; screen readers hear the steps, not every batch. */}
              {state.read !== undefined && (
                <span aria-hidden="true"> {formatCount(state.read)} links so far</span>
              )}
            </>
          ) : (
            `Sorting and dating ${formatCount(state.sorting)} links…`
          )}
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
          contextsPending={state.contextsPending}
        />
      )}
    </main>
  );
}
