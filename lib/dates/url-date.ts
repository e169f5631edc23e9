import type { IsoDate } from '../schemas';
import { safeDecode } from '../url/parse';
import type { UrlParts } from '../url/parts';
import { type DateBounds, isoDate } from './calendar';

const Y = '((?:19|20)\\d{2})';
// `/2021/10/17/`, `/2018/1/20/` (Squarespace), `/2021/10/17` at the end.
const PATH_DAY = new RegExp(`/${Y}/(\\d{1,2})/(\\d{1,2})(?=/|$|\\.html?$)`);
// `/2017/sep/25/` (The Guardian and others name the month)
const PATH_MONTH_NAME = new RegExp(
  `/${Y}/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\\d{1,2})(?=/|$)`,
  'i',
);
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// `/2018/01/post.html` (Blogger), `/2021/10/slug/` (WordPress month permalinks),
// `wp-content/uploads/2017/05/`, `files.wordpress.com/2016/09/`, `/2018/01/` archives.
const PATH_MONTH = new RegExp(`/${Y}/(\\d{1,2})(?=/|$)`);
// `2021-10-17` or `2021_10_17` or `2021.10.17` in a slug or file name.
const SLUG_DAY = new RegExp(`(?<![\\d])${Y}([-_.])(\\d{2})\\2(\\d{2})(?![\\d])`);
// `20211017` standing alone between separators.
const COMPACT_DAY = new RegExp(`(?<=[/_.-])${Y}(\\d{2})(\\d{2})(?=[/_.-]|$)`);
// `/news/2019/some-article-title`: a year followed by a slug.
const PATH_YEAR_SLUG = new RegExp(`/${Y}/(?=[a-z][^/]*-[^/]*)`, 'i');
const QUERY_DAY = new RegExp(`[?&][^=&]*=${Y}-(\\d{2})-(\\d{2})(?![\\d])`);

/**
 * The date a URL states in its path or query, at the precision it states (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`),
 * or null. Impossible and future dates are rejected, never clamped.
 */
const ANY_YEAR = /(?:19|20)\d\d/;

export function dateFromUrl(url: UrlParts, bounds: DateBounds): IsoDate | null {
  if (!ANY_YEAR.test(url.pathname) && !ANY_YEAR.test(url.search)) return null;
  const path = (url.pathname.includes('%') ? safeDecode(url.pathname) : url.pathname).slice(0, 4000);
  let m = PATH_DAY.exec(path);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]), bounds);
    if (d) return d;
  }
  m = PATH_MONTH_NAME.exec(path);
  if (m) {
    const d = isoDate(Number(m[1]), MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1, Number(m[3]), bounds);
    if (d) return d;
  }
  m = SLUG_DAY.exec(path);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[3]), Number(m[4]), bounds);
    if (d) return d;
  }
  m = PATH_MONTH.exec(path);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), null, bounds);
    if (d) return d;
  }
  m = COMPACT_DAY.exec(path);
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]), bounds);
    if (d) return d;
  }
  m = QUERY_DAY.exec(url.search.slice(0, 4000));
  if (m) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]), bounds);
    if (d) return d;
  }
  m = PATH_YEAR_SLUG.exec(path);
  if (m) return isoDate(Number(m[1]), null, null, bounds);
  return null;
}
