import { useMemo } from 'preact/hooks';
import { formatAge, formatDays } from '../format/age';
import { formatCount } from '../format/labels';
import type { Report } from '../schemas';
import { type AgeBucket, summarize } from './summary';

// The page's sourcing profile: counts, self share, ages, the group bar and the age strip.

export function Profile({ report, now }: { report: Report; now: Date }) {
  // Worked out again only when the report changes, not at each keystroke in the filter.
  const s = useMemo(() => summarize(report, now), [report, now]);
  const total = s.cited || 1;
  return (
    <div class="profile">
      <p class="profile-line">
        <strong>{formatCount(s.cited)}</strong> cited · {formatCount(s.counts.primary)} primary ·{' '}
        {formatCount(s.counts.self)} self ({Math.round(s.selfShare * 100)}%) · {formatCount(s.counts.media)}{' '}
        media
        {s.medianDays !== null && <> · median age {formatDays(s.medianDays)}</>}
        {s.oldest && <> · oldest {formatAge(s.oldest.date, now)}</>}
      </p>
      <div
        class="bar"
        role="img"
        aria-label={`${formatCount(s.counts.primary)} primary, ${formatCount(s.counts.self)} self, ${formatCount(s.counts.media)} media`}
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
  const describe = (b: AgeBucket) => `${formatCount(b.count)} ${b.description}`;
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
            {b.label}: {formatCount(b.count)}
          </span>
        ))}
      </p>
    </div>
  );
}
