import { describe, expect, it } from 'vitest';
import { pageDates } from '../../../lib/dates/page-date';
import { DATE_PAGES } from '../../fixtures/dates/pages';
import { scoreDates } from '../../fixtures/dates/score';
import { NOW, parse } from '../../helpers/fixtures';

describe('page date extractor on the accuracy set', () => {
  const results = DATE_PAGES.map((page) => ({
    page,
    got: pageDates(parse(page.html), { now: NOW }).published,
  }));

  it('says none for every page that has no date (no guesses from comments, sidebars, footers or text)', () => {
    for (const { page, got } of results.filter((r) => r.page.expected === null))
      expect(got, page.name).toBeNull();
  });

  it('reaches htmldate’s level: accuracy ≥ 0.9, precision ≥ 0.95', () => {
    const score = scoreDates(results.map(({ page, got }) => ({ expected: page.expected, got })));
    const misses = results.filter((r) => r.got !== r.page.expected).map((r) => `${r.page.name}: ${r.got}`);
    expect(score.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(score.precision, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
