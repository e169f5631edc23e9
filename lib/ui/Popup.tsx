import { useEffect, useState } from 'preact/hooks';
import { formatAge, formatDays } from '../format/age';
import { CATEGORY_LABELS, linkTitle, placeOf } from '../format/labels';
import type { Category, Link, Report } from '../schemas';
import { summarize } from './summary';

const PAGE_SIZE = 150;
const SOURCE_LABEL: Record<string, string> = {
  url: 'date in the URL',
  id: 'date encoded in the ID',
  meta: 'the page’s metadata',
  http: 'Last-Modified header',
  archive: 'archived copy',
};
const MEDIA_ICON: Record<string, string> = { video: '▶', image: '▣', map: '⌖', audio: '♪', embed: '⧉' };

export type LoadState =
  | { status: 'scanning' }
  | { status: 'ready'; report: Report; notes: string[] }
  | { status: 'error'; message: string; restricted: boolean };

function isWeb(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function AgeBadge({ link, now }: { link: Link; now: Date }) {
  const age = formatAge(link.date, now);
  const title = link.date
    ? `${link.date}, from the ${SOURCE_LABEL[link.dateSource ?? ''] ?? link.dateSource}${
        link.citedDate && link.date <= link.citedDate ? ` · ${ageWhenCited(link)} old when cited` : ''
      }`
    : 'Age unknown';
  return (
    <span class={`age${link.date ? '' : ' unknown'}`} title={title}>
      {age}
    </span>
  );
}

function ageWhenCited(link: Link): string {
  const from = new Date(`${link.date!.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`).getTime();
  const to = new Date(`${link.citedDate!.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`).getTime();
  return formatDays(Math.round((to - from) / 86_400_000), link.date!.length);
}

function Row({ link, now }: { link: Link; now: Date }) {
  const title = linkTitle(link);
  const icon = link.category === 'media' ? MEDIA_ICON[link.kind] : undefined;
  return (
    <li class="row" data-category={link.category} data-url={link.url}>
      <div class="row-main">
        {icon && (
          <span class="kind-icon" role="img" title={link.kind} aria-label={link.kind}>
            {icon}
          </span>
        )}
        {isWeb(link.url) ? (
          <a class="title" href={link.url} target="_blank" rel="noopener noreferrer" title={link.url}>
            {title}
          </a>
        ) : (
          <span class="title" title={link.url}>
            {title}
          </span>
        )}
        {link.occurrences > 1 && <span class="count">×{link.occurrences}</span>}
      </div>
      <div class="row-meta">
        <span class="domain" title={link.host}>
          {link.deceptiveHost ? `⚠ ${link.displayHost}` : link.domain || link.kind}
        </span>
        <AgeBadge link={link} now={now} />
        <span class="place">{placeOf(link)}</span>
        <span class="kind">{link.kind}</span>
      </div>
    </li>
  );
}

function Group({
  category,
  links,
  now,
  open,
}: {
  category: Category;
  links: Link[];
  now: Date;
  open: boolean;
}) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  return (
    <details class={`group group-${category}`} open={open} data-group={category}>
      <summary>
        <span class="group-name">{CATEGORY_LABELS[category]}</span>
        <span class="group-count">{links.length}</span>
      </summary>
      {links.length === 0 ? (
        <p class="none">None found.</p>
      ) : (
        <ul class="rows">
          {links.slice(0, limit).map((link) => (
            <Row key={link.url + link.position} link={link} now={now} />
          ))}
        </ul>
      )}
      {links.length > limit && (
        <button type="button" class="more" onClick={() => setLimit(links.length)}>
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
        {s.cited} cited · {s.counts.primary} primary · {s.counts.self} self ({Math.round(s.selfShare * 100)}%)
        · {s.counts.media} media
        {s.medianDays !== null && <> · median age {formatDays(s.medianDays)}</>}
        {s.oldest && <> · oldest {formatAge(s.oldest.date, now)}</>}
      </p>
      <div class="bar" role="img" aria-label="Share of primary, self and media links">
        {(['primary', 'self', 'media'] as const).map((c) =>
          s.counts[c] ? (
            <span key={c} class={`bar-${c}`} style={{ width: `${(100 * s.counts[c]) / total}%` }} />
          ) : null,
        )}
      </div>
    </div>
  );
}

export function Results({ report, now, notes }: { report: Report; now: Date; notes: string[] }) {
  const by = (c: Category) => report.links.filter((l) => l.category === c);
  const cited = report.links.length - report.counts.other;
  return (
    <>
      <header class="page">
        <h1 title={report.page.url}>{report.page.title || report.page.url}</h1>
        <p class="page-meta">
          {report.page.site.domain}
          {report.page.published && <> · published {report.page.published}</>}
          {report.page.archivedAt && <> · archived copy</>}
        </p>
        <Profile report={report} now={now} />
      </header>
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
            Looked at the article, its comments and embeds ({report.stats.links} links in all,{' '}
            {report.counts.other} of them menus, widgets and other page furniture).
          </p>
        </div>
      )}
      {(['primary', 'self', 'media'] as const).map((c) => (
        <Group key={c} category={c} links={by(c)} now={now} open={true} />
      ))}
      <Group category="other" links={by('other')} now={now} open={false} />
    </>
  );
}

export function Popup({ load, now = new Date() }: { load: () => Promise<LoadState>; now?: Date }) {
  const [state, setState] = useState<LoadState>({ status: 'scanning' });
  useEffect(() => {
    load().then(setState, (e: unknown) =>
      setState({ status: 'error', message: e instanceof Error ? e.message : String(e), restricted: false }),
    );
  }, [load]);
  return (
    <main id="results" aria-busy={state.status === 'scanning' ? 'true' : 'false'} aria-live="polite">
      {state.status === 'scanning' && <p class="status">Reading the page…</p>}
      {state.status === 'error' && (
        <div class={`error${state.restricted ? ' restricted' : ''}`} role="alert">
          <p>
            <strong>{state.restricted ? 'This page can’t be read' : 'Something went wrong'}</strong>
          </p>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'ready' && <Results report={state.report} now={now} notes={state.notes} />}
    </main>
  );
}
