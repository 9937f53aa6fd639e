// A small PEP 503/691 index on 127.0.0.1 for tests: serves generated wheels as JSON or HTML, with or without
// PEP 658 metadata, ranges, auth, gzip, ETags; records every request; `intercept` injects failures.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { makeWheel, type WheelSpec } from './make-wheel.js';

export interface ServedFile {
  project: string;
  filename: string;
  data: Buffer;
  sha256: string;
  metadata: string;
  requiresPython?: string;
}

export interface ServerOptions {
  format?: 'json' | 'html' | 'negotiate';
  coreMetadata?: boolean;
  ranges?: boolean;
  auth?: { username: string; password: string };
  gzip?: boolean;
  etags?: boolean;
  /** Leave file hashes out of the pages (as some find-links pages and old indexes do). */
  noHashes?: boolean;
  /** Filenames whose advertised sha256 is wrong. */
  wrongHash?: string[];
  /** Serve file URLs from this base instead of our own (for redirects elsewhere). */
  filesBase?: string;
  /** Cache-Control sent with index pages (PyPI sends `max-age=600, public`). */
  pageCacheControl?: string;
  /** Headers of the 404 for a project the index lacks (PyPI's have no Cache-Control or Expires). */
  missingHeaders?: Record<string, string>;
  /** Answer each project page this late (a slow index). */
  pageDelayMs?: number;
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string };
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

function normalize(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

function metadataOfWheel(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.dist-info\/METADATA$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error('no METADATA')));
      zip.readEntry();
    });
  });
}

export async function buildWheels(dir: string, specs: WheelSpec[]): Promise<ServedFile[]> {
  return Promise.all(specs.map(async (spec) => servedWheel(await makeWheel(dir, spec), spec.name, spec.requiresPython)));
}

/** A wheel on disk (made here or a fixture) as the index serves it. */
export async function servedWheel(file: string, project = path.basename(file).split('-')[0], requiresPython?: string): Promise<ServedFile> {
  const data = await readFile(file);
  return {
    project: normalize(project),
    filename: path.basename(file),
    data,
    sha256: createHash('sha256').update(data).digest('hex'),
    metadata: await metadataOfWheel(file),
    requiresPython,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class IndexServer {
  readonly requests: LoggedRequest[] = [];
  /** Connections accepted, and the most open at once. */
  connections = 0;
  maxOpen = 0;
  /** Return true when the request was answered. Runs before normal handling. */
  intercept?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  url = '';
  origin = '';
  private readonly server: http.Server;
  private readonly sockets = new Set<import('node:net').Socket>();

  constructor(
    readonly files: ServedFile[],
    readonly options: ServerOptions = {},
  ) {
    this.server = options.tls ? https.createServer(options.tls, (req, res) => this.handle(req, res)) : http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      this.connections++;
      this.maxOpen = Math.max(this.maxOpen, this.sockets.size);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start(files: ServedFile[], options: ServerOptions = {}): Promise<IndexServer> {
    const s = new IndexServer(files, options);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    const port = (s.server.address() as AddressInfo).port;
    s.origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    s.url = `${s.origin}/simple/`;
    return s;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  count(predicate: (r: LoggedRequest) => boolean = () => true): number {
    return this.requests.filter(predicate).length;
  }

  private authorized(req: http.IncomingMessage): boolean {
    const a = this.options.auth;
    if (!a) return true;
    return req.headers.authorization === 'Basic ' + Buffer.from(`${a.username}:${a.password}`).toString('base64');
  }

  private send(req: http.IncomingMessage, res: http.ServerResponse, status: number, type: string, body: Buffer, etag?: string): void {
    const headers: Record<string, string> = { 'content-type': type };
    if (etag && this.options.etags !== false) {
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    if (this.options.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push({ method: req.method ?? 'GET', path: req.url ?? '', headers: req.headers });
    if (this.intercept?.(req, res)) return;
    if (!this.authorized(req)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end('unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname === '/simple/') {
      this.send(req, res, 200, 'text/html', Buffer.from('<html><body></body></html>'));
      return;
    }
    const page = /^\/simple\/([^/]+)\/$/.exec(url.pathname);
    if (page && this.options.pageDelayMs) {
      setTimeout(() => this.servePage(req, res, page[1]), this.options.pageDelayMs);
      return;
    }
    if (page) return this.servePage(req, res, page[1]);
    const file = /^\/files\/([^/]+?)(\.metadata)?$/.exec(url.pathname);
    if (file) {
      const served = this.files.find((f) => f.filename === decodeURIComponent(file[1]));
      if (!served || (file[2] && !this.options.coreMetadata)) {
        res.writeHead(404).end();
        return;
      }
      if (file[2]) return this.send(req, res, 200, 'application/octet-stream', Buffer.from(served.metadata), `"m-${served.sha256}"`);
      return this.serveFile(req, res, served.data);
    }
    res.writeHead(404).end('not found');
  }

  private servePage(req: http.IncomingMessage, res: http.ServerResponse, name: string): void {
    const files = this.files.filter((f) => f.project === name);
    if (!files.length) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=UTF-8', ...this.options.missingHeaders }).end('404 Not Found');
      return;
    }
    const accept = String(req.headers.accept ?? '');
    const format = this.options.format ?? 'negotiate';
    const json = format === 'json' || (format === 'negotiate' && accept.includes('application/vnd.pypi.simple.v1+json'));
    const base = this.options.filesBase ?? '../../files';
    const hashOf = (f: ServedFile) => (this.options.wrongHash?.includes(f.filename) ? '0'.repeat(64) : f.sha256);
    const metaHash = (f: ServedFile) => createHash('sha256').update(f.metadata).digest('hex');
    let body: string;
    if (json) {
      body = JSON.stringify({
        meta: { 'api-version': '1.1' },
        name,
        files: files.map((f) => ({
          filename: f.filename,
          url: `${base}/${f.filename}`,
          hashes: this.options.noHashes ? {} : { sha256: hashOf(f) },
          'requires-python': f.requiresPython ?? null,
          yanked: false,
          size: f.data.length,
          ...(this.options.coreMetadata ? { 'core-metadata': { sha256: metaHash(f) } } : {}),
        })),
      });
    } else {
      const links = files.map((f) => {
        const rp = f.requiresPython ? ` data-requires-python="${escapeHtml(f.requiresPython)}"` : '';
        const cm = this.options.coreMetadata ? ` data-dist-info-metadata="sha256=${metaHash(f)}" data-core-metadata="sha256=${metaHash(f)}"` : '';
        const fragment = this.options.noHashes ? '' : `#sha256=${hashOf(f)}`;
        return `<a${rp} href="${base}/${f.filename}${fragment}"${cm}>${f.filename}</a><br/>`;
      });
      body = `<!DOCTYPE html><html><body><h1>Links for ${name}</h1>\n${links.join('\n')}\n</body></html>`;
    }
    const type = json ? 'application/vnd.pypi.simple.v1+json' : 'text/html; charset=utf-8';
    const etag = `"p-${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (this.options.pageCacheControl) res.setHeader('cache-control', this.options.pageCacheControl);
    this.send(req, res, 200, type, Buffer.from(body), etag);
  }

  private serveFile(req: http.IncomingMessage, res: http.ServerResponse, data: Buffer): void {
    const range = req.headers.range;
    if (this.options.ranges !== false && range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range);
      if (m) {
        let start: number;
        let end: number;
        if (m[1] === '') {
          start = Math.max(0, data.length - Number(m[2]));
          end = data.length - 1;
        } else {
          start = Number(m[1]);
          end = m[2] === '' ? data.length - 1 : Math.min(Number(m[2]), data.length - 1);
        }
        res.writeHead(206, { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end}/${data.length}`, 'accept-ranges': 'bytes' });
        res.end(data.subarray(start, end + 1));
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(data.length) }).end(data);
  }
}
