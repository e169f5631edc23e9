import { toUnicode } from 'punycode/punycode.es6.js';

// Scripts that may share a label with Latin without looking like a spoof (CJK writing mixes them).
const CJK = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Bopomofo', /\p{Script=Bopomofo}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];
// Cyrillic and Greek letters that pass for Latin ones; a label made only of them spoofs a Latin name.
const LATIN_LOOKALIKES = /^[аеорсухіјѕһԁӏԛԝьпгѵѡҽаοαρτνικυχεѕ0-9-]+$/u;
// Latin letters that are themselves look-alikes of plainer ones (dotless i, Latin alpha, script g…).
const CONFUSABLE_LATIN = /[ıɑɡſɩʀꞵ]/u;

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (ch <= '\u007f') {
      if (/[a-z]/i.test(ch)) found.add('Latin');
      continue;
    }
    for (const [name, re] of SCRIPTS) {
      if (re.test(ch)) {
        found.add(name);
        break;
      }
    }
  }
  return found;
}

function labelDeceives(label: string, tldScripts: Set<string>): boolean {
  if (CONFUSABLE_LATIN.test(label)) return true;
  const scripts = scriptsOf(label);
  const nonCjk = [...scripts].filter((s) => !CJK.has(s));
  if (nonCjk.length > 1) return true;
  if (nonCjk.length === 1 && scripts.size > 1 && nonCjk[0] !== 'Latin') return true;
  const only = nonCjk[0];
  if (scripts.size === 1 && (only === 'Cyrillic' || only === 'Greek') && !tldScripts.has(only)) {
    return LATIN_LOOKALIKES.test(label);
  }
  return false;
}

export interface HostDisplay {
  /** What to show: Unicode, or the ASCII (punycode) host when Unicode could deceive. */
  display: string;
  unicode: string;
  deceptive: boolean;
}

/** How to show an ASCII host: decoded for readers, but kept in punycode when it could pass for another name. */
export function displayHost(asciiHost: string): HostDisplay {
  if (!asciiHost.includes('xn--')) return { display: asciiHost, unicode: asciiHost, deceptive: false };
  let unicode: string;
  try {
    unicode = toUnicode(asciiHost);
  } catch {
    return { display: asciiHost, unicode: asciiHost, deceptive: true };
  }
  const labels = unicode.split('.');
  const tldScripts = scriptsOf(labels[labels.length - 1] ?? '');
  const deceptive = labels.slice(0, -1).some((l) => labelDeceives(l, tldScripts));
  return { display: deceptive ? asciiHost : unicode, unicode, deceptive };
}
