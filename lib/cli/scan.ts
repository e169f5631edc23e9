// `npm run scan -- <file|url|-> [--url <page url>] [--format table|json] [--alias host]… [--lookup]` (`-`: stdin)
// Node glue: reads the HTML, parses it with linkedom, and runs the extension's own engine on it.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../charset';
import { EXPORT_FORMAT_NAMES, type ExportFormat, exportAs } from '../export/index';
import { toTable } from '../export/table';
import { parseDocument } from '../html';
import { LookupCache, memoryStore } from '../lookup/cache';
import { applyLookups, lookupDomains, lookupTargets } from '../lookup/merge';
import { runLookups } from '../lookup/run';
import type { DomainAge, TargetAge } from '../lookup/schemas';
import { scanDocument } from '../scan';
import type { Report } from '../schemas';

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLE_PAGE = resolve(here, '../../test/fixtures/pages/wordpress-post.html');
export const SAMPLE_URL =
  'https://pennyforyourthoughts2.ca/2025/07/02/what-is-happening-between-azerbaijan-and-russia-a-struggle-for-corridors/';
const FORMATS = ['table', ...EXPORT_FORMAT_NAMES] as const;
type Format = 'table' | ExportFormat;
const MAX_BYTES = 20 * 1024 * 1024;

class UsageError extends Error {}

interface Args {
  input: string | null;
  url: string | null;
  format: Format;
  aliases: string[];
  lookup: boolean;
  includeOther: boolean;
  bom: boolean;
  archive: string | undefined;
  bootstrap: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    input: null,
    url: null,
    format: 'table',
    aliases: [],
    lookup: false,
    includeOther: false,
    bom: false,
    archive: undefined,
    bootstrap: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--url') args.url = value();
    else if (arg === '--format') {
      const f = value();
      if (!(FORMATS as readonly string[]).includes(f))
        throw new UsageError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      args.format = f as Format;
    } else if (arg === '--alias') args.aliases.push(value());
    else if (arg === '--lookup') args.lookup = true;
    else if (arg === '--include-other') args.includeOther = true;
    else if (arg === '--bom') args.bom = true;
    else if (arg === '--archive') args.archive = value();
    else if (arg === '--rdap-bootstrap') args.bootstrap = value();
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (args.input === null) args.input = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  return args;
}

const tooLarge = (input: string) => `${input} is larger than ${MAX_BYTES / 1024 / 1024} MB`;

/** Standard input whole, as bytes, up to the size cap. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new Error(tooLarge('standard input'));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function load(input: string): Promise<{ html: string; url: string }> {
  // A page piped in is a file read from /dev/stdin: it is read as the address it names, unless --url says.
  if (input === '-') return { html: decodeHtml(await readStdin()), url: 'file:///dev/stdin' };
  if (/^https?:\/\//i.test(input)) {
    const response = await fetch(input, { signal: AbortSignal.timeout(20_000), redirect: 'follow' }).catch(
      (e: unknown) => {
        throw new Error(
          `could not read ${input}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`,
        );
      },
    );
    if (!response.ok) throw new Error(`could not read ${input}: HTTP ${response.status}`);
    if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new Error(tooLarge(input));
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES) throw new Error(tooLarge(input));
    return {
      html: decodeHtml(bytes, response.headers.get('content-type') ?? ''),
      url: response.url || input,
    };
  }
  const bytes = await readFile(input).catch((e: NodeJS.ErrnoException) => {
    throw new Error(
      e.code === 'ENOENT'
        ? `no such file: ${input}`
        : e.code === 'EISDIR'
          ? `${input} is a folder, not an HTML file`
          : `could not read ${input}: ${e.message}`,
    );
  });
  if (bytes.byteLength > MAX_BYTES) throw new Error(tooLarge(input));
  const html = decodeHtml(bytes);
  return { html, url: `file://${resolve(input)}` };
}

/** The same look-ups as the extension's background worker, with progress on stderr. */
async function lookUp(report: Report, args: Args): Promise<Report> {
  const targets = new Map<string, TargetAge>();
  const domains = new Map<string, DomainAge>();
  const cache = await new LookupCache(memoryStore()).load();
  const tty = process.stderr.isTTY;
  const config = {
    fetch: globalThis.fetch,
    ...(args.archive ? { archiveBase: args.archive } : {}),
    ...(args.bootstrap ? { bootstrapUrl: args.bootstrap } : {}),
  };
  await runLookups(
    { targets: lookupTargets(report), domains: lookupDomains(report) },
    config,
    cache,
    (event) => {
      if (event.type === 'target') targets.set(event.age.url, event.age);
      else if (event.type === 'domain') domains.set(event.age.domain, event.age);
      else if (tty) process.stderr.write(`\rlooking up ${event.done}/${event.total}…`);
    },
  );
  if (tty) process.stderr.write('\r\x1b[K');
  return applyLookups(report, targets, domains);
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`scan: ${e.message}\n`);
    process.stderr.write(
      `usage: npm run scan -- [<file|url|->] [--url <page url>] [--format ${FORMATS.join('|')}]\n` +
        '       [--alias host]… [--lookup] [--include-other] [--bom]\n' +
        '       - reads the page from standard input;\n' +
        '       citation formats list the cited links (--include-other adds menus and other page links; json has\n' +
        '       them all); --bom starts CSV with a byte-order mark for spreadsheets;\n' +
        '       --lookup fetches each cited link (no cookies) for its age and liveness, and RDAP for domain ages;\n' +
        '       --archive <base> and --rdap-bootstrap <url> point those look-ups at a mirror\n',
    );
    return e.message ? 2 : 0;
  }
  const input = args.input ?? SAMPLE_PAGE;
  const { html, url } = await load(input);
  const pageUrl = args.url ?? (args.input === null ? SAMPLE_URL : url);
  const now = new Date();
  let report = scanDocument(parseDocument(html), pageUrl, { aliases: args.aliases, now });
  if (args.lookup) report = await lookUp(report, args);
  if (args.format === 'table') {
    process.stdout.write(toTable(report, now));
  } else {
    // JSON is the whole report (every link, chrome included: DESIGN's contract); citation lists are the cited links.
    const links =
      args.format === 'json' || args.includeOther
        ? report.links
        : report.links.filter((l) => l.category !== 'other');
    process.stdout.write(exportAs(args.format, { report, links, accessed: now }, { bom: args.bom }));
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scan: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
