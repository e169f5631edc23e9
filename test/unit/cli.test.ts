import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../lib/schemas';
import { type FixtureServer, startFixtureServer } from '../lookup/server';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'lib/cli/scan.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 50 * 1024 * 1024,
    });
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
