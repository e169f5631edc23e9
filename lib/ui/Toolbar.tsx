import { CATEGORY_LABELS, formatCount, formatLinks } from '../format/labels';
import type { Category } from '../schemas';
import { type Filters, GROUP_ORDER, type SortOrder } from './filter';
import type { LookupState } from './lookups';

// The controls above the list: filter, sort, group and domain chips; the age look-up bar.

export function Toolbar({
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
        {GROUP_ORDER.map((c) => (
          <button
            key={c}
            type="button"
            class={`chip chip-${c}`}
            aria-pressed={filters.groups.has(c) ? 'true' : 'false'}
            onClick={() => toggle(c)}
          >
            {CATEGORY_LABELS[c]} {formatCount(counts[c])}
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

export function LookupBar({
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
            {progress
              ? `Looking up ${formatCount(progress.done)} of ${formatCount(progress.total)}…`
              : 'Starting…'}
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
            {formatLinks(answers.length)}, {formatCount(dated)} dated
            {dead > 0 && <>, {formatCount(dead)} dead or moved</>}
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
