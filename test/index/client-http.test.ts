import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobError } from '../../src/errors.js';
import { freshUntil, MISSING_FRESH_MS, missingFreshUntil } from '../../src/index/cache.js';
import { IndexClient, type IndexClientOptions } from '../../src/index/index.js';
import { buildWheels, IndexServer, type ServedFile, type ServerOptions } from '../helpers/index-server.js';

let tmp: string;
let served: ServedFile[];
const servers: IndexServer[] = [];
const clients: IndexClient[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-index-'));
  // gamma's central directory is far larger than the first range request, to exercise the follow-up reads.
  const many: Record<string, string> = {};
  for (let i = 0; i < 1500; i++) many[`gamma/sub_${String(i).padStart(4, '0')}_${'x'.repeat(60)}.py`] = `v = ${i}\n`;
  served = await buildWheels(path.join(tmp, 'wheels'), [
    { name: 'alpha', version: '1.0', requiresPython: '>=3.8', requiresDist: ['beta>=1'] },
    { name: 'alpha', version: '2.0', requiresPython: '>=3.9' },
    { name: 'Beta', version: '1.0' },
    { name: 'gamma', version: '1.0', files: many },
  ]);
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function serve(options: ServerOptions = {}): Promise<IndexServer> {
  const s = await IndexServer.start(served, options);
  servers.push(s);
  return s;
}

let cacheCounter = 0;
function freshCache(): string {
  return path.join(tmp, `cache-${cacheCounter++}`);
}

function newClient(options: IndexClientOptions): IndexClient {
  return new IndexClient({ cacheDir: freshCache(), env: {}, netrcFile: '/nonexistent/netrc', timeoutMs: 5000, retries: 2, retryBaseMs: 5, ...options });
}

function client(options: IndexClientOptions): IndexClient {
  const c = newClient(options);
  clients.push(c);
  return c;
}

/** One run on a cache, as the CLI makes it: the client is closed, and so writes its cache records, at the end. */
async function oneRun<T>(options: IndexClientOptions, work: (c: IndexClient) => Promise<T>): Promise<T> {
  const c = newClient(options);
  try {
    return await work(c);
  } finally {
    await c.close();
  }
}

const file = (name: string) => served.find((f) => f.filename === name)!;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('IndexClient over HTTP', () => {
  it('reads PEP 691 JSON and fetches PEP 658 metadata without touching the wheel', async () => {
    const server = await serve({ format: 'negotiate', coreMetadata: true });
    const c = client({ indexUrl: server.url });
    const files = await c.listFiles('ALPHA');
    expect(server.requests[0].path).toBe('/simple/alpha/');
    expect(server.requests[0].headers.accept).toMatch(/^application\/vnd\.pypi\.simple\.v1\+json/);
    expect(files.map((f) => f.filename).sort()).toEqual(['alpha-1.0-py3-none-any.whl', 'alpha-2.0-py3-none-any.whl']);
    const a1 = files.find((f) => f.filename.startsWith('alpha-1.0'))!;
    const servedA1 = file('alpha-1.0-py3-none-any.whl');
    expect(a1).toMatchObject({
      url: `${server.origin}/files/alpha-1.0-py3-none-any.whl`,
      hashes: { sha256: servedA1.sha256 },
      requiresPython: '>=3.8',
      yanked: false,
      coreMetadata: { sha256: sha256(Buffer.from(servedA1.metadata)) },
      size: servedA1.data.length,
      index: server.url,
    });
    expect(await c.fetchMetadata(a1)).toBe(servedA1.metadata);
    expect(server.requests.map((r) => r.path)).toEqual(['/simple/alpha/', '/files/alpha-1.0-py3-none-any.whl.metadata']);

    const local = await c.fetchFile(a1);
    expect(local).toBe(path.join(c.cache.root, 'wheels', 'sha256', servedA1.sha256.slice(0, 2), servedA1.sha256, 'alpha-1.0-py3-none-any.whl'));
    expect(sha256(await readFile(local))).toBe(servedA1.sha256);
    expect(c.requestCount).toBe(3);
  });

  it('falls back to PEP 503 HTML and reads METADATA with range requests only', async () => {
    const server = await serve({ format: 'html', coreMetadata: false, gzip: true });
    const c = client({ indexUrl: server.url });
    const [gammaFile] = await c.listFiles('gamma');
    const [alpha1] = (await c.listFiles('alpha')).filter((f) => f.filename.startsWith('alpha-1.0'));
    expect(alpha1.requiresPython).toBe('>=3.8');
    expect(alpha1.coreMetadata).toBe(false);
    expect(await c.fetchMetadata(alpha1)).toBe(file(alpha1.filename).metadata);
    expect(await c.fetchMetadata(gammaFile)).toBe(file(gammaFile.filename).metadata);
    const fileRequests = server.requests.filter((r) => r.path.startsWith('/files/'));
    expect(fileRequests.every((r) => typeof r.headers.range === 'string')).toBe(true);
    // gamma's directory does not fit in the first tail: at least one more range was needed.
    expect(fileRequests.filter((r) => r.path.includes('gamma')).length).toBeGreaterThan(1);
  });

  it('keeps the whole file when the server ignores Range, so fetchFile needs no request', async () => {
    const server = await serve({ format: 'json', ranges: false });
    const c = client({ indexUrl: server.url });
    const [beta] = await c.listFiles('beta');
    expect(await c.fetchMetadata(beta)).toBe(file(beta.filename).metadata);
    const before = server.requests.length;
    const local = await c.fetchFile(beta);
    expect(server.requests.length).toBe(before);
    expect(sha256(await readFile(local))).toBe(file(beta.filename).sha256);
  });

  it('on a warm cache asks only for the index pages, conditionally', async () => {
    const server = await serve({ format: 'negotiate', coreMetadata: true });
    const cacheDir = freshCache();
    const run = () =>
      oneRun({ indexUrl: server.url, cacheDir }, async (c) => {
        for (const project of ['alpha', 'beta']) {
          for (const f of await c.listFiles(project)) {
            await c.fetchMetadata(f);
            await c.fetchFile(f);
          }
        }
        return c.requests.map((r) => r.status);
      });
    await run();
    const cold = server.requests.length;
    expect(cold).toBe(2 + 3 * 2); // two pages; per file one .metadata and one download
    const warm = await run();
    const second = server.requests.slice(cold);
    expect(second.map((r) => r.path).sort()).toEqual(['/simple/alpha/', '/simple/beta/']);
    expect(second.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
    expect(warm).toEqual([304, 304]);
  });

  it('within the index\'s Cache-Control max-age uses cached pages without asking; no-cache revalidates', async () => {
    const fresh = await serve({ format: 'json', pageCacheControl: 'max-age=600, public' });
    const cacheDir = freshCache();
    expect((await oneRun({ indexUrl: fresh.url, cacheDir }, (c) => c.listFiles('alpha'))).length).toBeGreaterThan(0);
    const before = fresh.requests.length;
    const again = await oneRun({ indexUrl: fresh.url, cacheDir }, (c) => c.listFiles('alpha'));
    expect(again.length).toBeGreaterThan(0);
    expect(fresh.requests.length).toBe(before);

    const revalidate = await serve({ format: 'json', pageCacheControl: 'no-cache' });
    const cacheDir2 = freshCache();
    await oneRun({ indexUrl: revalidate.url, cacheDir: cacheDir2 }, (c) => c.listFiles('alpha'));
    const before2 = revalidate.requests.length;
    await client({ indexUrl: revalidate.url, cacheDir: cacheDir2 }).listFiles('alpha');
    expect(revalidate.requests.slice(before2).map((r) => r.path)).toEqual(['/simple/alpha/']);
  });

  it('retries a 500, a 429 with Retry-After and a reset connection', async () => {
    const server = await serve({ coreMetadata: true });
    const failures = new Map<string, number>();
    server.intercept = (req, res) => {
      const seen = failures.get(req.url!) ?? 0;
      failures.set(req.url!, seen + 1);
      if (seen > 0) return false;
      if (req.url === '/simple/alpha/') res.writeHead(500).end('boom');
      else if (req.url?.endsWith('.metadata')) res.writeHead(429, { 'retry-after': '0' }).end();
      else if (req.url?.endsWith('.whl')) req.socket.destroy();
      else return false;
      return true;
    };
    const c = client({ indexUrl: server.url });
    const [a1] = await c.listFiles('alpha');
    expect(await c.fetchMetadata(a1)).toBe(file(a1.filename).metadata);
    expect(sha256(await readFile(await c.fetchFile(a1)))).toBe(a1.hashes.sha256);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/simple/alpha/',
      '/simple/alpha/',
      `/files/${a1.filename}.metadata`,
      `/files/${a1.filename}.metadata`,
      `/files/${a1.filename}`,
      `/files/${a1.filename}`,
    ]);
  });

  it('gives up on a server that keeps failing, naming the URL', async () => {
    const server = await serve();
    server.intercept = (_req, res) => (res.writeHead(503).end(), true);
    const c = client({ indexUrl: server.url, retries: 1 });
    const err = await c.listFiles('alpha').catch((e) => e);
    expect(err).toBeInstanceOf(JobError);
    expect(err.message).toContain(`${server.url}alpha/`);
    expect(err.message).toContain('HTTP 503');
    expect(server.requests.length).toBe(2);
  });

  it('times out on a server that never answers', async () => {
    const server = await serve();
    server.intercept = () => true; // accept and hang
    const c = client({ indexUrl: server.url, timeoutMs: 200, retries: 1 });
    const err = await c.listFiles('alpha').catch((e) => e);
    expect(err).toBeInstanceOf(JobError);
    expect(err.message).toMatch(/Could not fetch the index .* from http:\/\/127\.0\.0\.1:\d+\/simple\/alpha\/: no response within 0\.2s \(after 2 attempts\)/);
    expect(server.requests.length).toBe(2);
  });

  it('gives up on a response whose body stalls, for a page and for a download, naming the stall', async () => {
    const server = await serve();
    const stallAfterHeaders = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url === '/simple/stalls/' || (req.url?.startsWith('/files/') && !req.headers.range)) {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
        res.write('<html>'); // then nothing more: the connection stays open
        return true;
      }
      return false;
    };
    const c = client({ indexUrl: server.url, timeoutMs: 400, retries: 1 });
    const [beta] = await c.listFiles('beta');
    server.intercept = stallAfterHeaders;
    await expect(c.listFiles('stalls')).rejects.toThrow(/the response stalled for more than 0\.4s \(after 2 attempts\)/);
    await expect(c.fetchFile(beta)).rejects.toThrow(/the response stalled for more than 0\.4s \(after 2 attempts\)/);
  });

  it('treats a missing project as no files, but a missing index as an error', async () => {
    const server = await serve();
    const c = client({ indexUrl: server.url });
    expect(await c.listFiles('no-such-project')).toEqual([]);
    expect(await c.listFiles('other-missing')).toEqual([]);
    expect(server.requests.filter((r) => r.method === 'HEAD').map((r) => r.path)).toEqual(['/simple/']);

    const wrong = client({ indexUrl: `${server.origin}/not-an-index/` });
    await expect(wrong.listFiles('alpha')).rejects.toThrow(/The index http:\/\/127\.0\.0\.1:\d+\/not-an-index\/ does not exist \(HTTP 404\)/);
  });

  it('believes a header-less 404 for five minutes, then asks again; --refresh asks at once', async () => {
    const server = await serve({ format: 'json' });
    const cacheDir = freshCache();
    const pagesAsked = () => server.count((r) => r.path === '/simple/no-such-project/');
    expect(await oneRun({ indexUrl: server.url, cacheDir }, (c) => c.listFiles('no-such-project'))).toEqual([]);
    expect(pagesAsked()).toBe(1);
    // A new run on the same cache: neither the page nor the index root is asked again.
    const warm = await oneRun({ indexUrl: server.url, cacheDir }, async (c) => [await c.listFiles('no-such-project'), c.requestCount]);
    expect(warm).toEqual([[], 0]);
    expect(pagesAsked()).toBe(1);
    expect(await oneRun({ indexUrl: server.url, cacheDir, refresh: true }, (c) => c.listFiles('no-such-project'))).toEqual([]);
    expect(pagesAsked()).toBe(2);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + MISSING_FRESH_MS + 1000 });
    try {
      expect(await client({ indexUrl: server.url, cacheDir }).listFiles('no-such-project')).toEqual([]);
      expect(pagesAsked()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a 404 only as long as its own Cache-Control or Expires says', async () => {
    for (const [headers, remembered] of [
      [{ 'cache-control': 'no-store' }, false],
      [{ 'cache-control': 'max-age=0' }, false],
      [{ expires: 'Thu, 01 Jan 1970 00:00:00 GMT' }, false],
      [{ 'cache-control': 'max-age=3600' }, true],
    ] as const) {
      const server = await serve({ format: 'json', missingHeaders: headers });
      const cacheDir = freshCache();
      await oneRun({ indexUrl: server.url, cacheDir }, (c) => c.listFiles('missing'));
      await oneRun({ indexUrl: server.url, cacheDir }, (c) => c.listFiles('missing'));
      expect([JSON.stringify(headers), server.count((r) => r.path === '/simple/missing/')]).toEqual([JSON.stringify(headers), remembered ? 1 : 2]);
    }
  });

  it('does not remember the 404s of an index URL that is wrong: it fails on every run', async () => {
    const server = await serve();
    const cacheDir = freshCache();
    for (let run = 0; run < 2; run++) {
      await expect(client({ indexUrl: `${server.origin}/not-an-index/`, cacheDir }).listFiles('alpha')).rejects.toThrow(/does not exist \(HTTP 404\)/);
    }
    expect(server.count((r) => r.path === '/not-an-index/alpha/')).toBe(2);
  });

  it('a project that appears on the index is seen once the remembered 404 expires or with --refresh', async () => {
    const server = await IndexServer.start([...served], { format: 'json' }); // its own list: this test adds to it
    servers.push(server);
    const cacheDir = freshCache();
    expect(await oneRun({ indexUrl: server.url, cacheDir }, (c) => c.listFiles('late'))).toEqual([]);
    server.files.push(...served.filter((f) => f.project === 'alpha').map((f) => ({ ...f, project: 'late' })));
    expect(await oneRun({ indexUrl: server.url, cacheDir }, (c) => c.listFiles('late'))).toEqual([]);
    expect((await oneRun({ indexUrl: server.url, cacheDir, refresh: true }, (c) => c.listFiles('late'))).length).toBe(2);
  });

  it('refuses a file whose hash does not match the index and caches nothing', async () => {
    const bad = 'alpha-1.0-py3-none-any.whl';
    const server = await serve({ wrongHash: [bad] });
    const c = client({ indexUrl: server.url });
    const a1 = (await c.listFiles('alpha')).find((f) => f.filename === bad)!;
    const err = await c.fetchFile(a1).catch((e) => e);
    expect(err).toBeInstanceOf(JobError);
    expect(err.message).toContain(`Hash mismatch for ${bad} from ${server.origin}/files/${bad}`);
    expect(err.message).toContain('0'.repeat(64));
    expect(err.message).toContain(file(bad).sha256);
    const wheels = path.join(c.cache.root, 'wheels');
    expect((await readdir(wheels)).filter((n) => n !== '.incoming')).toEqual([]);
    expect(await readdir(path.join(wheels, '.incoming'))).toEqual([]);
  });

  it('authenticates with credentials in the URL, and never prints them', async () => {
    const server = await serve({ auth: { username: 'alice', password: 's3cr3t!' }, coreMetadata: true });
    const withCreds = server.url.replace('http://', 'http://alice:s3cr3t%21@');
    const c = client({ indexUrl: withCreds });
    const [a1] = await c.listFiles('alpha');
    expect(a1.index).toBe(server.url.replace('http://', 'http://***@'));
    expect(a1.url).not.toContain('alice');
    await c.fetchMetadata(a1);
    await c.fetchFile(a1);
    expect(server.requests.every((r) => r.headers.authorization === 'Basic ' + Buffer.from('alice:s3cr3t!').toString('base64'))).toBe(true);

    const port = new URL(server.url).port;
    const anonymous = client({ indexUrl: server.url });
    const err = await anonymous.listFiles('beta').catch((e) => e);
    expect(err.message).toMatch(/refused \(HTTP 401\)/);
    expect(err.message).toContain(`PEXSHIP_INDEX_127_0_0_1_${port}_USERNAME`);

    const wrong = client({ indexUrl: server.url.replace('http://', 'http://alice:wrongpass@') });
    const err2 = await wrong.listFiles('beta').catch((e) => e);
    expect(err2.message).toMatch(/HTTP 401/);
    expect(err2.message).not.toContain('wrongpass');
  });

  it('authenticates from a netrc file and from PEXSHIP_INDEX_* variables', async () => {
    const server = await serve({ auth: { username: 'bob', password: 'hunter2' } });
    const netrc = path.join(tmp, 'netrc');
    await writeFile(netrc, 'machine 127.0.0.1\n  login bob\n  password hunter2\n');
    const viaNetrc = new IndexClient({ indexUrl: server.url, cacheDir: freshCache(), env: { NETRC: netrc }, retries: 0 });
    clients.push(viaNetrc);
    expect((await viaNetrc.listFiles('beta')).length).toBe(1);

    const port = new URL(server.url).port;
    const viaEnv = client({ indexUrl: server.url, env: { [`PEXSHIP_INDEX_127_0_0_1_${port}_USERNAME`]: 'bob', [`PEXSHIP_INDEX_127_0_0_1_${port}_PASSWORD`]: 'hunter2' } });
    expect((await viaEnv.listFiles('beta')).length).toBe(1);
  });

  it('does not carry credentials across a redirect to another host', async () => {
    const files = await serve();
    const index = await serve({ auth: { username: 'carol', password: 'pw-carol' } });
    index.intercept = (req, res) => {
      if (!req.url?.startsWith('/files/')) return false;
      res.writeHead(302, { location: `${files.origin.replace('127.0.0.1', 'localhost')}${req.url}` }).end();
      return true;
    };
    const c = client({ indexUrl: index.url.replace('http://', 'http://carol:pw-carol@') });
    const [beta] = await c.listFiles('beta');
    expect(sha256(await readFile(await c.fetchFile(beta)))).toBe(beta.hashes.sha256);
    expect(files.requests.length).toBe(1);
    expect(files.requests[0].headers.authorization).toBeUndefined();
  });

  it('downloads one file concurrently into one cache without corruption', async () => {
    const server = await serve();
    const cacheDir = freshCache();
    const a = client({ indexUrl: server.url, cacheDir });
    const b = client({ indexUrl: server.url, cacheDir });
    const [gammaA] = await a.listFiles('gamma');
    const [gammaB] = await b.listFiles('gamma');
    const paths = await Promise.all([a.fetchFile(gammaA), b.fetchFile(gammaB), a.fetchFile(gammaA), b.fetchFile(gammaB)]);
    expect(new Set(paths).size).toBe(1);
    expect(sha256(await readFile(paths[0]))).toBe(file(gammaA.filename).sha256);
    // Each client downloads once; the second rename replaces the first with identical bytes.
    expect(server.requests.filter((r) => r.path.startsWith('/files/')).length).toBe(2);
    expect(await readdir(path.join(cacheDir, 'wheels', '.incoming'))).toEqual([]);
  });

  it('lists extra indexes after the main one', async () => {
    const main = await serve();
    const extra = await serve({ format: 'html' });
    const c = client({ indexUrl: main.url, extraIndexUrls: [extra.url] });
    const files = await c.listFiles('beta');
    expect(files.map((f) => f.index)).toEqual([main.url, extra.url]);
  });

  it('goes through the proxy HTTP_PROXY names, unless NO_PROXY exempts the host', async () => {
    const server = await serve();
    const tunnels: string[] = [];
    const sockets = new Set<net.Socket>();
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => {});
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
    try {
      const c = client({ indexUrl: server.url, env: { HTTP_PROXY: proxyUrl } });
      expect(await c.listFiles('beta')).toHaveLength(1);
      expect(tunnels).toEqual([new URL(server.url).host]);
      const exempt = client({ indexUrl: server.url, env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
      expect(await exempt.listFiles('alpha')).toHaveLength(2);
      expect(tunnels).toHaveLength(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('survives a server that ignores Range and closes the connection after a large body', async () => {
    const [big] = await buildWheels(path.join(tmp, 'big'), [{ name: 'big', version: '1.0', files: { 'big/blob.bin': randomBytes(4 * 1024 * 1024) } }]);
    const server = await IndexServer.start([big], { format: 'json' });
    servers.push(server);
    server.intercept = (req, res) => {
      if (!req.url?.startsWith('/files/')) return false;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(big.data.length), connection: 'close' });
      res.end(big.data);
      return true;
    };
    const c = client({ indexUrl: server.url });
    const [f] = await c.listFiles('big');
    expect(await c.fetchMetadata(f)).toBe(big.metadata);
    expect(sha256(await readFile(await c.fetchFile(f)))).toBe(big.sha256);
    expect(server.count((r) => r.path.startsWith('/files/'))).toBe(1);
  });

  it('caches metadata of files without hashes by its validators', async () => {
    const server = await serve({ format: 'html', coreMetadata: true, noHashes: true });
    const cacheDir = freshCache();
    for (const expected of [200, 304]) {
      await oneRun({ indexUrl: server.url, cacheDir }, async (c) => {
        const [beta] = await c.listFiles('beta');
        expect(beta.hashes).toEqual({});
        expect(await c.fetchMetadata(beta)).toBe(file(beta.filename).metadata);
        expect(c.requests.map((r) => r.status)).toEqual([expected, expected]);
        // With no hash from the index, the download is stored under the sha256 computed while saving it.
        const local = await c.fetchFile(beta);
        expect(local).toContain(file(beta.filename).sha256);
      });
    }
  });
});

describe('freshness of cached index answers', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('follows max-age, then Expires against Date; no-cache and no-store mean none', () => {
    expect(freshUntil({ 'cache-control': 'max-age=600, public' }, now)).toBe(now + 600_000);
    expect(freshUntil({ 'cache-control': 'public, max-age=60', expires: 'Thu, 01 Jan 2099 00:00:00 GMT' }, now)).toBe(now + 60_000);
    expect(freshUntil({ 'cache-control': 'no-cache, max-age=600' }, now)).toBeUndefined();
    expect(freshUntil({ 'cache-control': 's-maxage=600' }, now)).toBeUndefined();
    // Expires counts from the response's Date, so a skewed server clock does not stretch it.
    expect(freshUntil({ expires: 'Thu, 01 Jan 2026 00:10:00 GMT', date: 'Thu, 01 Jan 2026 00:05:00 GMT' }, now)).toBe(now + 300_000);
    expect(freshUntil({ expires: '0' }, now)).toBeUndefined();
    expect(freshUntil({}, now)).toBeUndefined();
  });

  it('gives a 404 its own freshness when it states one, else the short heuristic', () => {
    expect(missingFreshUntil({}, now)).toBe(now + MISSING_FRESH_MS);
    expect(missingFreshUntil({ 'cache-control': 'public' }, now)).toBe(now + MISSING_FRESH_MS);
    expect(missingFreshUntil({ 'cache-control': 'max-age=30' }, now)).toBe(now + 30_000);
    expect(missingFreshUntil({ 'cache-control': 'no-store' }, now)).toBeUndefined();
    expect(missingFreshUntil({ expires: '-1' }, now)).toBeUndefined();
  });
});
