import type { IsoDate } from '../schemas';
import { type DateBounds, isoDate, isoDayOf } from './calendar';

/**
 * Month names and abbreviations, lower case, in the languages links most often lead to: English, German, French,
 * Spanish, Italian, Portuguese, Dutch, Russian (nominative and genitive), Arabic (Egyptian/Gulf and Levantine
 * names), Turkish and Azerbaijani. Japanese, Chinese and Korean dates use numerals (`2021年3月3日`) and need no names.
 */
const MONTH_WORDS: ReadonlyArray<readonly string[]> = [
  [
    'jan',
    'january',
    'januar',
    'jänner',
    'janvier',
    'janv',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'janeiro',
    'januari',
    'январь',
    'января',
    'янв',
    'يناير',
    'كانون الثاني',
    'ocak',
    'yanvar',
  ],
  [
    'feb',
    'february',
    'februar',
    'feber',
    'février',
    'févr',
    'fevr',
    'febrero',
    'febbraio',
    'fevereiro',
    'fev',
    'februari',
    'февраль',
    'февраля',
    'фев',
    'فبراير',
    'شباط',
    'şubat',
    'fevral',
  ],
  [
    'mar',
    'march',
    'märz',
    'maerz',
    'mars',
    'marzo',
    'março',
    'marco',
    'maart',
    'mrt',
    'март',
    'марта',
    'مارس',
    'آذار',
    'mart',
  ],
  [
    'apr',
    'april',
    'avril',
    'avr',
    'abril',
    'abr',
    'aprile',
    'апрель',
    'апреля',
    'апр',
    'أبريل',
    'ابريل',
    'إبريل',
    'نيسان',
    'nisan',
    'aprel',
  ],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'май', 'мая', 'مايو', 'أيار', 'mayıs'],
  [
    'jun',
    'june',
    'juni',
    'juin',
    'junio',
    'giugno',
    'giu',
    'junho',
    'июнь',
    'июня',
    'июн',
    'يونيو',
    'حزيران',
    'haziran',
    'iyun',
  ],
  [
    'jul',
    'july',
    'juli',
    'juillet',
    'juil',
    'julio',
    'luglio',
    'lug',
    'julho',
    'июль',
    'июля',
    'июл',
    'يوليو',
    'تموز',
    'temmuz',
    'iyul',
  ],
  [
    'aug',
    'august',
    'août',
    'aout',
    'agosto',
    'ago',
    'augustus',
    'август',
    'августа',
    'авг',
    'أغسطس',
    'اغسطس',
    'آب',
    'ağustos',
    'avqust',
  ],
  [
    'sep',
    'sept',
    'september',
    'septembre',
    'septiembre',
    'setiembre',
    'settembre',
    'set',
    'setembro',
    'сентябрь',
    'сентября',
    'сен',
    'سبتمبر',
    'أيلول',
    'eylül',
    'sentyabr',
  ],
  [
    'oct',
    'october',
    'oktober',
    'okt',
    'octobre',
    'octubre',
    'ottobre',
    'ott',
    'outubro',
    'out',
    'октябрь',
    'октября',
    'окт',
    'أكتوبر',
    'اكتوبر',
    'تشرين الأول',
    'ekim',
    'oktyabr',
  ],
  [
    'nov',
    'november',
    'novembre',
    'noviembre',
    'novembro',
    'ноябрь',
    'ноября',
    'ноя',
    'نوفمبر',
    'تشرين الثاني',
    'kasım',
    'noyabr',
  ],
  [
    'dec',
    'december',
    'dezember',
    'dez',
    'décembre',
    'déc',
    'dec',
    'diciembre',
    'dic',
    'dicembre',
    'dezembro',
    'декабрь',
    'декабря',
    'дек',
    'ديسمبر',
    'كانون الأول',
    'aralık',
    'dekabr',
  ],
];
const MONTHS = new Map<string, number>();
for (const [i, words] of MONTH_WORDS.entries())
  for (const w of words) if (!MONTHS.has(w)) MONTHS.set(w, i + 1);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "march" wins over "mar"; an abbreviation may end with a dot.
const MONTH_NAME = `(${[...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|')})\\.?`;
// Word edges that work for every script (\b only knows ASCII letters).
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}])';

const ISO = /(?<![\d])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])/;
const ISO_SLASH = /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/;
const CJK = /(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?/u;
const MDY = new RegExp(`${L}${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const DMY = new RegExp(
  `(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s*(?:of\\s+|de\\s+)?${MONTH_NAME}${R},?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
const MY = new RegExp(`${L}${MONTH_NAME}${R},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`, 'iu');
const NUMERIC = /(?<![\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d])/;
const HAS_DIGIT = /\d/;
const RELATIVE = /\b(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago\b/i;

export interface TextDateOptions {
  /** Numeric dates like 04/05/2020 read month first (US English pages); otherwise day first. */
  monthFirst?: boolean;
}

/** Arabic-Indic, Persian and full-width digits as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (d) => {
    const c = d.charCodeAt(0);
    const zero = c >= 0xff10 ? 0xff10 : c >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(c - zero);
  });
}

function month(name: string): number {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/**
 * A calendar date written in text or an attribute: ISO 8601 (the date part as written, whatever the time zone),
 * `2018/1/20`, `January 31, 2018`, `31 January 2018` and its forms in other languages (`3. März 2021`,
 * `3 de marzo de 2021`, `3 марта 2021`, `٣ مارس ٢٠٢١`), `2021年3月3日`, `31.01.2018`, `15/04/2020`, `January 2018`,
 * and relative dates (`3 years ago`, at the precision they allow). Returns null rather than guessing: an ambiguous
 * numeric date (`04/05/2020`) needs to know the page's convention.
 */
export function parseTextDate(
  input: string,
  bounds: DateBounds,
  options: TextDateOptions = {},
): IsoDate | null {
  const text = asciiDigits(input.slice(0, 400));
  // Every form but the relative one has a digit: the others (some of them large, compiled on first use) are not
  // tried on a text without one.
  if (!HAS_DIGIT.test(text)) return relativeIn(text, bounds);
  let m = ISO.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, bounds);
  m = ISO_SLASH.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), bounds);
  m = CJK.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, bounds);
  m = MDY.exec(text);
  if (m) return isoDate(Number(m[3]), month(m[1]!), Number(m[2]), bounds);
  m = DMY.exec(text);
  if (m) return isoDate(Number(m[3]), month(m[2]!), Number(m[1]), bounds);
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (a > 12) return isoDate(y, b, a, bounds);
    if (b > 12) return isoDate(y, a, b, bounds);
    if (a === b) return isoDate(y, a, b, bounds);
    // Dots are day first everywhere; slashes and dashes follow the page's convention when it is known.
    if (m[2] === '.' || options.monthFirst === false) return isoDate(y, b, a, bounds);
    if (options.monthFirst) return isoDate(y, a, b, bounds);
    return null;
  }
  m = MY.exec(text);
  if (m) return isoDate(Number(m[2]), month(m[1]!), null, bounds);
  // A text that is a year alone says nothing relative: the two never both apply.
  const relative = relativeIn(text, bounds);
  if (relative) return relative;
  if (/^\s*(?:19|20)\d{2}\s*$/.test(text)) return isoDate(Number(text.trim()), null, null, bounds);
  return null;
}

/** Every date a text holds, in order (for choosing among several: published vs updated). */
export function textDates(
  input: string,
  bounds: DateBounds,
  options: TextDateOptions = {},
): Array<{ date: IsoDate; index: number }> {
  const found: Array<{ date: IsoDate; index: number }> = [];
  let rest = input;
  let offset = 0;
  for (let i = 0; i < 10 && rest; i++) {
    const text = asciiDigits(rest.slice(0, 400));
    const hits = [ISO, ISO_SLASH, CJK, MDY, DMY, NUMERIC]
      .map((re) => re.exec(text))
      .filter((x): x is RegExpExecArray => x !== null)
      .sort((a, b) => a.index - b.index);
    const first = hits[0];
    if (!first) {
      if (rest.length <= 400) break;
      offset += 300;
      rest = rest.slice(300);
      continue;
    }
    const date = parseTextDate(first[0], bounds, options);
    if (date) found.push({ date, index: offset + first.index });
    offset += first.index + first[0].length;
    rest = rest.slice(first.index + first[0].length);
  }
  return found;
}

/** The date a relative phrase in the text gives ("3 weeks ago"), or null. */
function relativeIn(text: string, bounds: DateBounds): IsoDate | null {
  const m = RELATIVE.exec(text);
  return m ? relativeDate(m[1]!, m[2]!.toLowerCase(), bounds) : null;
}

function relativeDate(countWord: string, unit: string, bounds: DateBounds): IsoDate | null {
  const n = /^\d+$/.test(countWord) ? Number(countWord) : 1;
  const now = bounds.now;
  if (unit === 'year') return isoDate(now.getUTCFullYear() - n, null, null, bounds);
  if (unit === 'month') {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, null, bounds);
  }
  const ms = { second: 1e3, minute: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8 }[unit] ?? 0;
  return isoDayOf(now.getTime() - n * ms, bounds);
}
