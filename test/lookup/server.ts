// A local HTTP server for look-up tests: target pages in every metadata style, files with and without
// Last-Modified, slow, dead, redirecting, huge and mislabelled responses, a fake Internet Archive (CDX) and a fake
// RDAP registry. Every response is what a real server of that kind sends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = (head: string, body = '<p>Text.</p>') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

export const PAGES: Record<
  string,
  { html: string; expect: { date: string | null; modified?: string | null } }
> = {
  '/jsonld': {
    html: page(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x","datePublished":"2019-03-04T10:00:00Z","dateModified":"2023-06-01T08:00:00Z"}</script>',
    ),
    expect: { date: '2019-03-04', modified: '2023-06-01' },
  },
  '/og': {
    html: page('<meta property="article:published_time" content="2020-11-05T09:30:00+01:00">'),
    expect: { date: '2020-11-05' },
  },
  '/itemprop': {
    html: page('', '<span itemprop="datePublished" content="2016-02-29">Feb 29</span>'),
    expect: { date: '2016-02-29' },
  },
  '/citation': {
    html: page('<meta name="citation_publication_date" content="2012/07/15">'),
    expect: { date: '2012-07-15' },
  },
  '/dublin-core': {
    html: page('<meta name="DC.date.issued" content="2008-05-01">'),
    expect: { date: '2008-05-01' },
  },
  '/time': {
    html: page(
      '',
      '<article><time class="entry-date published" datetime="2021-10-17T12:00:00+00:00">October 17, 2021</time></article>',
    ),
    expect: { date: '2021-10-17' },
  },
  '/blogger': {
    html: page(
      '<meta content="blogger" name="generator">',
      '<div class="post"><abbr class="published" title="2018-01-20T08:02:00-05:00">January 20, 2018</abbr></div>',
    ),
    expect: { date: '2018-01-20' },
  },
  '/youtube': {
    html: page(
      '',
      '<div itemscope itemtype="http://schema.org/VideoObject"><meta itemprop="videoId" content="QijsFn5iEv4"><meta itemprop="uploadDate" content="2017-05-12T03:00:00-07:00"></div>',
    ),
    expect: { date: '2017-05-12' },
  },
  '/conflict': {
    html: page(
      '<meta property="article:modified_time" content="2024-01-02T00:00:00Z"><meta property="article:published_time" content="2015-09-09T00:00:00Z">',
    ),
    expect: { date: '2015-09-09', modified: '2024-01-02' },
  },
  '/malformed': {
    html: page('<meta property="article:published_time" content="2019-13-45T99:00:00Z">'),
    expect: { date: null },
  },
  '/nodate': { html: page('', '<p>No date anywhere.</p>'), expect: { date: null } },
  '/chain/3': {
    html: page('<meta property="article:published_time" content="2014-04-04">'),
    expect: { date: '2014-04-04' },
  },
  '/': { html: page('', '<h1>Home</h1>'), expect: { date: null } },
};

/** First captures the fake archive knows, by the URL's path on the fixture host. */
export const CAPTURES: Record<string, string> = {
  '/nodate': '20170512093000',
  '/gone': '20110203040506',
  '/octet': '20150101000000',
};

export const RDAP: Record<string, string> = {
  'example.com': '1995-08-14T04:00:00Z',
  'brand-new-site.com': '', // filled in at start: registered a month before "now"
};

export interface FixtureServer {
  origin: string;
  hits: Map<string, number>;
  /** Requests in flight, highest seen (for the concurrency bound). */
  maxInFlight: () => number;
  headersSeen: IncomingMessage['headers'][];
  close(): Promise<void>;
}

export async function startFixtureServer(options: { slowMs?: number } = {}): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const headersSeen: IncomingMessage['headers'][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const slowMs = options.slowMs ?? 3000;
  RDAP['brand-new-site.com'] = new Date(Date.now() - 30 * 86_400_000).toISOString();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    headersSeen.push(req.headers);
    const html = (body: string, status = 200, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (PAGES[path]) return html(PAGES[path].html);
    switch (path) {
      case '/img/dated.jpg':
        res.writeHead(200, {
          'content-type': 'image/jpeg',
          'last-modified': 'Wed, 10 May 2017 12:00:00 GMT',
        });
        return res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(2000));
      case '/img/no-head.png':
        // Some CDNs refuse HEAD; a ranged GET still tells.
        if (req.method === 'HEAD') {
          res.writeHead(405);
          return res.end();
        }
        res.writeHead(req.headers.range ? 206 : 200, {
          'content-type': 'image/png',
          'last-modified': 'Mon, 01 Feb 2016 00:00:00 GMT',
          ...(req.headers.range ? { 'content-range': 'bytes 0-0/5000' } : {}),
        });
        return res.end(Buffer.alloc(req.headers.range ? 1 : 5000));
      case '/img/undated.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end(req.method === 'HEAD' ? undefined : Buffer.alloc(100));
      case '/octet':
        // An HTML page served as a download: not parsed, dated by the archive.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(PAGES['/og']!.html);
      case '/slow':
        await new Promise((r) => setTimeout(r, slowMs));
        return html(PAGES['/og']!.html);
      case '/slow-body': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<!doctype html><html><head>');
        await new Promise((r) => setTimeout(r, slowMs));
        return res.end('</head></html>');
      }
      case '/gone':
        return html('<h1>Not found</h1>', 404);
      case '/removed':
        return html('<h1>Gone</h1>', 410);
      case '/forbidden':
        return html('<h1>Forbidden</h1>', 403);
      case '/broken':
        return html('<h1>Oops</h1>', 500);
      case '/chain/1':
        res.writeHead(301, { location: '/chain/2' });
        return res.end();
      case '/chain/2':
        res.writeHead(302, { location: '/chain/3' });
        return res.end();
      case '/loop/a':
        res.writeHead(302, { location: '/loop/b' });
        return res.end();
      case '/loop/b':
        res.writeHead(302, { location: '/loop/a' });
        return res.end();
      case '/deep/old-page':
        res.writeHead(301, { location: '/' });
        return res.end();
      case '/huge': {
        // 5 MB: the date is in the first bytes; the rest must never be downloaded.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write(
          page('<meta property="article:published_time" content="2013-03-03">').replace('</body></html>', ''),
        );
        const block = `<p>${'x'.repeat(9993)}</p>\n`;
        for (let i = 0; i < 500 && !res.destroyed; i++) {
          if (!res.write(block)) await new Promise((r) => res.once('drain', r));
        }
        return res.end('</body></html>');
      }
      case '/late-date': {
        // The only date sits after the first megabyte: past the cap, so not found.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          `<html><body>${'<p>filler</p>'.repeat(100_000)}<time datetime="2011-01-01">x</time></body></html>`,
        );
        return;
      }
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        return res.end(
          Buffer.from(
            '<html><head><meta property="article:published_time" content="2010-10-10"><title>M\xe4rz</title></head><body></body></html>',
            'latin1',
          ),
        );
      case '/busy': {
        const n = hits.get(path) ?? 0;
        if (n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          return res.end();
        }
        return html(PAGES['/og']!.html);
      }
    }
    if (path === '/archive/cdx/search/cdx') {
      const target = new URL(url.searchParams.get('url') ?? '', 'http://x');
      const stamp = CAPTURES[target.pathname];
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify(
          stamp
            ? [
                ['timestamp', 'original'],
                [stamp, url.searchParams.get('url')],
              ]
            : [],
        ),
      );
    }
    const rdap = /^\/rdap\/domain\/(.+)$/.exec(path);
    if (rdap) {
      const date = RDAP[decodeURIComponent(rdap[1]!)];
      if (date === undefined) {
        res.writeHead(404, { 'content-type': 'application/rdap+json' });
        return res.end(JSON.stringify({ errorCode: 404, title: 'Not Found' }));
      }
      res.writeHead(200, { 'content-type': 'application/rdap+json' });
      return res.end(
        JSON.stringify({
          objectClassName: 'domain',
          ldhName: rdap[1]!.toUpperCase(),
          events: [
            { eventAction: 'expiration', eventDate: '2030-08-13T04:00:00Z' },
            { eventAction: 'registration', eventDate: date },
            { eventAction: 'last changed', eventDate: '2024-08-14T07:01:34Z' },
          ],
        }),
      );
    }
    if (path === '/iana/dns.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          version: '1.0',
          publication: '2026-11-01T00:00:00Z',
          services: [[['com', 'net'], [`http://127.0.0.1:${(server.address() as AddressInfo).port}/rdap/`]]],
        }),
      );
    }
    html('<h1>Not found</h1>', 404);
  };

  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    headersSeen,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
