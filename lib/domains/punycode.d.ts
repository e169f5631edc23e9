// The npm punycode package by path: a bare `punycode` import resolves to Node's deprecated built-in.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
  export function toASCII(domain: string): string;
}
