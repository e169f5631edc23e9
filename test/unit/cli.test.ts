import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeHtml } from '../../lib/charset';
import { type Report, reportSchema } from '../../lib/schemas';
import { type FixtureServer, startFixtureServer } from '../lookup/server';

const ROOT = resolve(import.meta.dirname, '../..');
// Each test starts the CLI in a new Node process that compiles it (tsx): a second or two, several on a busy
// machine, which the default 5 s allowance does not always cover.
vi.setConfig({ testTimeout: 60_000 });
const run = promisify(execFile);

async function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return scanPiped(undefined, ...args);
}

/** The CLI with `stdin` written to its standard input (closed at once when undefined). */
async function scanPiped(
  stdin: string | undefined,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const pending = run(process.execPath, ['--import', 'tsx', 'lib/cli/scan.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 50 * 1024 * 1024,
    });
    pending.child.stdin?.end(stdin);
    const { stdout, stderr } = await pending;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe('npm run scan', () => {
  it('shows the sample page’s three groups by default', async () => {
    const { code, stdout } = await scan();
    expect(code).toBe(0);
    expect(stdout).toMatch(/PRIMARY SOURCES \(1\)\n {2}news\.az/);
    expect(stdout).toContain('SELF-CITATIONS (3)');
    expect(stdout).toContain('MEDIA (3)');
    // Each row starts with the link's registrable domain, in full: the map images' is rferl.org and wordpress.com.
    const domains = stdout
      .split('\n')
      .filter((line) => /^ {2}\S.* · /.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(domains).toEqual([
      'news.az',
      'pennyforyourthoughts2.ca',
      'pennyforyourthoughts2.ca',
      'pennyforyourthoughts2.blogspot.com',
      'youtube.com',
      'wordpress.com',
      'rferl.org',
    ]);
  });

  it('prints the JSON export, valid against the schema', async () => {
    const { code, stdout } = await scan('--format', 'json');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.counts).toMatchObject({ primary: 1, self: 3, media: 3 });
  });

  it('writes every citation format, cited links only unless asked', async () => {
    const formats = ['markdown', 'text', 'csv', 'bibtex', 'ris', 'csl-json', 'html'];
    const runs = await Promise.all(formats.map((format) => scan('--format', format)));
    for (const [i, { code, stdout }] of runs.entries()) {
      expect(code, formats[i]).toBe(0);
      expect(stdout.length, formats[i]).toBeGreaterThan(100);
    }
    const csl = JSON.parse((await scan('--format', 'csl-json')).stdout) as unknown[];
    expect(csl).toHaveLength(7);
    const all = JSON.parse((await scan('--format', 'csl-json', '--include-other')).stdout) as unknown[];
    expect(all.length).toBeGreaterThan(7);
    expect((await scan('--format', 'csv', '--bom')).stdout.startsWith('\ufeff')).toBe(true);
  }, 30_000);

  it('reads a page piped to it (-), as the page it names unless --url says', async () => {
    const html = readFileSync(resolve(ROOT, 'test/fixtures/pages/wordpress-post.html'), 'utf8');
    const { code, stdout, stderr } = await scanPiped(html, '-');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('SELF-CITATIONS (3)');
    expect(stdout).toContain(
      'saved copy read from file:///dev/stdin; its address is from its canonical link',
    );
    const elsewhere = await scanPiped(
      html,
      '-',
      '--url',
      'https://mirror.example.net/copy.html',
      '--format',
      'json',
    );
    const report = reportSchema.parse(JSON.parse(elsewhere.stdout));
    expect(report.page).toMatchObject({ url: 'https://mirror.example.net/copy.html' });
    expect(report.page.savedCopy).toBeUndefined();
    expect(report.counts.self).toBe(0);
  });

  it('fails with one clear line on a missing file or a bad option', async () => {
    const missing = await scan('no/such/page.html');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('scan: no such file: no/such/page.html');
    const bad = await scan('--format', 'yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown format "yaml"');
  });

  it('--lookup dates links from the web with the extension’s own look-up code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-cli-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<html><body><article><p>Sources: the <a href="${server.origin}/og">first report</a>, the
      <a href="${server.origin}/gone">deleted one</a> and <a href="${server.origin}/img/dated.jpg">the photo</a>,
      all cited here because they matter a great deal to the argument of this article.</p></article></body></html>`,
    );
    const { code, stdout } = await scan(
      file,
      '--url',
      'https://blog.example.org/2025/01/01/post/',
      '--format',
      'json',
      '--lookup',
      '--archive',
      `${server.origin}/archive`,
    );
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    const by = (path: string) => report.links.find((l) => l.url === `${server.origin}${path}`);
    expect(by('/og')).toMatchObject({ date: '2020-11-05', dateSource: 'meta', check: { status: 'ok' } });
    expect(by('/gone')).toMatchObject({
      date: '2011-02-03',
      dateSource: 'archive',
      check: { status: 'dead', httpStatus: 404 },
    });
    expect(by('/img/dated.jpg')).toMatchObject({ date: '2017-05-10', dateSource: 'http' });
  });
});

/** Windows-1251 bytes for ASCII and Russian text (А–я are 0xC0–0xFF there). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text], (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`not in the test's Windows-1251 subset: ${c}`);
  });
}

/** The UTF-8 bytes of `html` with every NUL placeholder replaced by raw `bytes`. */
const withBytes = (html: string, bytes: number[]) =>
  Buffer.concat(
    html
      .split('\0')
      .flatMap((part, i) => (i ? [Buffer.from(bytes), Buffer.from(part)] : [Buffer.from(part)])),
  );

const PAGE = (head: string, text: string) =>
  `<html><head>${head}<title>${text}</title></head><body><article><p>Источник: <a href="https://source.example.ru/doc">${text}</a>, a link this article cites.</p></article></body></html>`;

describe('odd encodings and invalid bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-enc-'));
  const scanJson = async (...args: string[]): Promise<Report> => {
    const { code, stdout, stderr } = await scan(
      ...args,
      '--url',
      'https://blog.example.org/post/',
      '--format',
      'json',
    );
    expect(code, stderr).toBe(0);
    return reportSchema.parse(JSON.parse(stdout));
  };

  it('reads a file in the charset its markup declares (Windows-1251)', async () => {
    const file = join(dir, 'cp1251.html');
    writeFileSync(
      file,
      cp1251(PAGE('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', 'Доклад')),
    );
    const report = await scanJson(file);
    expect(report.page.title).toBe('Доклад');
    expect(report.links.find((l) => l.url === 'https://source.example.ru/doc')?.text).toBe('Доклад');
  });

  it('reads a UTF-16 file by its byte-order mark', async () => {
    const file = join(dir, 'utf16.html');
    const text = PAGE('', 'Доклад');
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes.writeUInt16LE(0xfeff, 0);
    bytes.write(text, 2, 'utf16le');
    writeFileSync(file, bytes);
    expect((await scanJson(file)).page.title).toBe('Доклад');
  });

  it('turns invalid UTF-8 into replacement characters and reads the rest', async () => {
    const file = join(dir, 'broken.html');
    writeFileSync(
      file,
      withBytes(PAGE('<meta charset="utf-8">', 'Report \0'), [0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]),
    );
    const report = await scanJson(file);
    const link = report.links.find((l) => l.url === 'https://source.example.ru/doc');
    expect(link?.text).toBe('Report \ufffd(\ufffd\ufffd\ufffd\ufffd');
    expect(link?.category).toBe('primary');
  });

  it('reads a page from a URL in the charset its server names (Shift_JIS)', async () => {
    const japanese = [0x93, 0xfa, 0x96, 0x7b, 0x82, 0xcc, 0x95, 0xf1, 0x8d, 0x90]; // 日本の報告
    const body = withBytes(PAGE('', '\0').replace('Источник', 'Source'), japanese);
    const web = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=Shift_JIS' });
      res.end(body);
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/page`;
      const { code, stdout } = await scan(url, '--format', 'json');
      expect(code).toBe(0);
      const report = reportSchema.parse(JSON.parse(stdout));
      expect(report.page.title).toBe('日本の報告');
      expect(report.links.find((l) => l.url === 'https://source.example.ru/doc')?.text).toBe('日本の報告');
    } finally {
      web.close();
    }
  });

  it('decodes by BOM, then header, then markup, and never throws on a bad label', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(decodeHtml(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe('A');
    expect(decodeHtml(bytes(0xfe, 0xff, 0x04, 0x10))).toBe('А');
    // The server's charset wins over the markup's: 0xDF is Я in Windows-1251, ъ in KOI8-R.
    expect(decodeHtml(cp1251('<meta charset=windows-1251>Я'), 'text/html; charset=koi8-r')).toBe(
      '<meta charset=windows-1251>ъ',
    );
    expect(decodeHtml(cp1251('<meta charset="x-no-such-charset">ok'))).toBe(
      '<meta charset="x-no-such-charset">ok',
    );
    // A document cannot declare UTF-16 in ASCII bytes: that declaration is read as UTF-8, as browsers do.
    expect(decodeHtml(new TextEncoder().encode('<meta charset="utf-16">é'))).toBe('<meta charset="utf-16">é');
  });
});
