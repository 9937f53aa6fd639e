// The HTTP side of the index client: one keep-alive connection pool, at most `maxConnections` requests per
// host at once (fewer after stalls, see limiter.ts), bounded retries with exponential backoff (honouring
// Retry-After), per-request timeouts, manual redirects (so credentials never follow a redirect to another
// host), gzip, and a log of every request sent. Direct requests go through Node's own http/https agents:
// built in, they load in a few ms, and cost a third of the CPU per request undici does (whose parser is
// WebAssembly), which on a cold lock of a hundred requests is a good part of the run. Through a proxy, undici's
// EnvHttpProxyAgent (the parts of undici used, see undici-parts.ts) does the work; it is loaded only then.
import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { busyStart, countUp, markNow } from '../timings.js';
import type { Auth } from './auth.js';
import { HostLimits, hostKey } from './limiter.js';
import type { RequestRecord } from './types.js';

export interface HttpOptions {
  auth: Auth;
  /** Time allowed to connect, to receive response headers, and between two body chunks. */
  timeoutMs: number;
  /** Extra attempts after the first, for 408/429/5xx and connection failures. */
  retries: number;
  /** First backoff delay; doubled on each retry, with jitter. */
  retryBaseMs: number;
  /** Upper bound on any single wait, including what Retry-After asks for. */
  maxRetryDelayMs: number;
  /** Requests in flight at once to one host (scheme, name and port), and so connections to it. */
  maxConnections: number;
  userAgent: string;
  /** pip's --trusted-host: `host` or `host:port` whose TLS certificate is not checked. */
  trustedHosts?: string[];
  /** Told of every request as it is sent (URL without credentials), for -v. */
  onRequest?: (record: RequestRecord) => void;
  /** Proxies as HTTP_PROXY / HTTPS_PROXY / NO_PROXY give them; none when absent. */
  proxy?: { http?: string; https?: string; noProxy?: string };
}

/** The proxy settings in an environment (upper or lower case names), or undefined when there are none. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): HttpOptions['proxy'] {
  const http = env.http_proxy ?? env.HTTP_PROXY;
  const https = env.https_proxy ?? env.HTTPS_PROXY;
  if (!http && !https) return undefined;
  return { http, https, noProxy: env.no_proxy ?? env.NO_PROXY };
}

export interface HttpResponse {
  /** Final URL after redirects, without credentials. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Readable;
}

/** A failure to get any response: timeout, refused, reset, DNS. `message` says which, without the URL. */
export class NetworkError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
// Failures that mean the host is swamped (or a middlebox is): fewer connections at once from then on.
const STALL_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const MAX_REDIRECTS = 10;

/** undici's parts, loaded when a proxy is set; their load time is a phase of its own in the timings. */
async function timedImport(): Promise<Undici> {
  const done = busyStart('load undici');
  try {
    return await import('./undici-parts.js');
  } finally {
    markNow('undici at');
    done();
  }
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotli = promisify(zlib.brotliDecompress);

function errorCode(err: unknown): string | undefined {
  let e = err as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function isNetworkCode(code: string | undefined): boolean {
  return code !== undefined && (RETRY_CODES.has(code) || code === 'ENOTFOUND' || code.startsWith('UND_ERR'));
}

function describeNetworkError(code: string | undefined, timeoutMs: number, err: unknown): string {
  const secs = `${timeoutMs / 1000}s`;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `no response within ${secs}`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `the response stalled for more than ${secs}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `could not connect within ${secs}`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    default:
      return (err as Error)?.message || String(err);
  }
}

/** Our timeouts carry undici's codes, so both transports' failures read and back off alike. */
function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** pip's matching: a trusted `host` covers every port, `host:port` that port only. */
export function isTrustedHost(url: URL, trusted: string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return trusted.some((t) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(t.trim());
    return !!m && m[1].toLowerCase() === host.toLowerCase() && (m[2] === undefined || m[2] === (url.port || (url.protocol === 'https:' ? '443' : '80')));
  });
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The whole body, as it arrives. */
export function readAll(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.on('error', reject);
    body.on('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    // A body destroyed without an error (its connection closed early) never ends. (The error is made only
    // then: every body closes, and an Error's stack trace costs.)
    body.on('close', () => {
      if (!ended) reject(codedError('the connection closed before the response ended', 'ECONNRESET'));
    });
  });
}

/** Frees the connection behind a response whose body may not have been read to the end. */
function release(res: HttpResponse): Promise<void> {
  const body = res.body;
  body.on('error', () => {}); // an abort after we stopped caring is not an error
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  // Small leftovers are read so the connection stays alive; after more, it is closed.
  return new Promise((resolve) => {
    let left = 64 * 1024;
    body.on('data', (chunk: Buffer) => {
      left -= chunk.length;
      if (left < 0) body.destroy();
    });
    body.on('end', resolve);
    body.on('close', resolve);
    body.resume();
  });
}

type Undici = typeof import('./undici-parts.js');

/** Node's `request` of http or https, with the keep-alive pool(s) to send it on. */
interface NodeTransport {
  request: typeof import('node:http').request;
  agent: HttpAgent;
  /** https only, for --trusted-host hosts: the same kind of pool, without certificate checks. */
  trusted?: HttpAgent;
}

export class HttpClient {
  readonly requests: RequestRecord[] = [];
  /** Per-host request limits; exposed so tests and diagnostics can see a back-off. */
  readonly limits: HostLimits;
  private proxied?: Promise<{ agent: Dispatcher; trusted?: Dispatcher }>;
  private plain?: Promise<NodeTransport>;
  private secure?: Promise<NodeTransport>;

  constructor(readonly options: HttpOptions) {
    this.limits = new HostLimits(options.maxConnections);
  }

  private keepAlive() {
    return { keepAlive: true, maxSockets: this.options.maxConnections, scheduling: 'lifo' as const };
  }

  /** Node's http, or https (only once an https URL is asked for: it loads TLS). */
  private nodeTransport(tls: boolean): Promise<NodeTransport> {
    if (!tls) {
      this.plain ??= import('node:http').then((http) => {
        markNow('http client at');
        return { request: http.request, agent: new http.Agent(this.keepAlive()) };
      });
      return this.plain;
    }
    this.secure ??= import('node:https').then((https) => {
      markNow('http client at');
      const trusted = this.options.trustedHosts?.length ? new https.Agent({ ...this.keepAlive(), rejectUnauthorized: false }) : undefined;
      return { request: https.request, agent: new https.Agent(this.keepAlive()), trusted };
    });
    return this.secure;
  }

  private proxyAgents(): Promise<{ agent: Dispatcher; trusted?: Dispatcher }> {
    this.proxied ??= timedImport().then((undici) => ({
      agent: this.makeProxyAgent(undici, true),
      // For --trusted-host hosts only: the same pool, without certificate checks.
      trusted: this.options.trustedHosts?.length ? this.makeProxyAgent(undici, false) : undefined,
    }));
    return this.proxied;
  }

  private makeProxyAgent(undici: Undici, verify: boolean): Dispatcher {
    const { timeoutMs, maxConnections, proxy } = this.options;
    const tls = verify ? {} : { rejectUnauthorized: false };
    // Explicit '' stops undici from reading process.env behind our back (tests pass their own env).
    return new undici.EnvHttpProxyAgent({
      keepAliveTimeout: 30_000,
      connections: maxConnections,
      connect: { timeout: timeoutMs, ...tls },
      httpProxy: proxy?.http ?? '',
      httpsProxy: proxy?.https ?? '',
      noProxy: proxy?.noProxy ?? '',
    });
  }

  /**
   * Sends a GET (following redirects) and hands the final response to `handle`, which must consume the
   * body. Retriable statuses and connection failures — also those while `handle` reads the body — are retried
   * from the start; `handle` therefore must tolerate being called again. Other statuses reach `handle`.
   */
  async get<T>(url: string, headers: Record<string, string>, handle: (res: HttpResponse) => Promise<T>, method = 'GET'): Promise<T> {
    const { retries, retryBaseMs, maxRetryDelayMs, timeoutMs } = this.options;
    const start = new URL(url);
    const key = hostKey(start.protocol, start.hostname, start.port);
    for (let attempt = 0; ; attempt++) {
      let waitMs: number | undefined;
      try {
        const outcome = await this.limits.run(key, async () => {
          const res = await this.send(url, headers, method);
          try {
            if (RETRY_STATUSES.has(res.status) && attempt < retries) {
              waitMs = retryAfterMs(res.headers['retry-after']);
              return { retry: true as const };
            }
            return { retry: false as const, value: await handle(res) };
          } finally {
            await release(res);
          }
        });
        if (!outcome.retry) return outcome.value;
      } catch (err) {
        const code = errorCode(err);
        // Errors of our own (a hash mismatch, a full disk) pass through untouched.
        if (err instanceof NetworkError || !isNetworkCode(code)) throw err;
        if (STALL_CODES.has(code!)) this.limits.backOff(key);
        if (!RETRY_CODES.has(code!) || attempt >= retries) {
          const tries = attempt + 1;
          throw new NetworkError(`${describeNetworkError(code, timeoutMs, err)}${tries > 1 ? ` (after ${tries} attempts)` : ''}`, code!);
        }
      }
      const backoff = retryBaseMs * 2 ** attempt * (1 + Math.random() * 0.25);
      await sleep(Math.min(waitMs ?? backoff, maxRetryDelayMs));
    }
  }

  /** One attempt: the request plus any redirects, credentials only for the origin they belong to. */
  private async send(startUrl: string, headers: Record<string, string>, method: string): Promise<HttpResponse> {
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      const auth = this.options.auth.headerFor(url);
      const target = new URL(url);
      if (target.username || target.password) {
        target.username = '';
        target.password = '';
      }
      // Without user-info the URL is already what redactUrl would make of it.
      const record: RequestRecord = { method, url: target.toString(), status: 0 };
      this.requests.push(record);
      this.options.onRequest?.(record);
      const allHeaders = { 'user-agent': this.options.userAgent, ...headers, ...(auth ? { authorization: auth } : {}) };
      const trusted = !!this.options.trustedHosts?.length && isTrustedHost(target, this.options.trustedHosts);
      const res = this.options.proxy ? await this.sendProxied(target, method, allHeaders, trusted) : await this.sendDirect(target, method, allHeaders, trusted);
      record.status = res.status;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.status) && location && hop < MAX_REDIRECTS) {
        await release(res);
        url = new URL(location, target);
        continue;
      }
      return res;
    }
  }

  /**
   * A request on Node's keep-alive agents. Timeouts: `timeoutMs` for the connect and the response headers
   * together, then for each pause in the body. A connect that stalls backs the host off (limiter.ts).
   */
  private async sendDirect(target: URL, method: string, headers: Record<string, string>, trusted: boolean): Promise<HttpResponse> {
    const transport = await this.nodeTransport(target.protocol === 'https:');
    const agent = (trusted && transport.trusted) || transport.agent;
    const { timeoutMs } = this.options;
    const key = hostKey(target.protocol, target.hostname, target.port);
    return new Promise((resolve, reject) => {
      let connecting = false;
      const req: ClientRequest = transport.request({ protocol: target.protocol, hostname: target.hostname.replace(/^\[|\]$/g, ''), port: target.port, path: `${target.pathname}${target.search}`, method, headers, agent }, (res: IncomingMessage) => {
        clearTimeout(timer);
        // Destroying the body (and with it the connection) with our error lets its reader see why it ended.
        req.setTimeout(timeoutMs, () => res.destroy(codedError(`the response stalled for more than ${timeoutMs / 1000}s`, 'UND_ERR_BODY_TIMEOUT')));
        resolve({ url: target.toString(), status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: res });
      });
      const timer = setTimeout(() => req.destroy(connecting ? codedError('connect timeout', 'UND_ERR_CONNECT_TIMEOUT') : codedError('headers timeout', 'UND_ERR_HEADERS_TIMEOUT')), timeoutMs);
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        connecting = true;
        countUp('connections');
        this.limits.watchConnect(key, socket);
        socket.once('connect', () => (connecting = false));
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        // A kept-alive connection the server closed as we reused it: ask again, the host is not swamped.
        if (req.reusedSocket && err.code === 'ECONNRESET') err.code = 'UND_ERR_CLOSED';
        reject(err);
      });
      req.end();
    });
  }

  /** A request through undici's proxy agent. */
  private async sendProxied(target: URL, method: string, headers: Record<string, string>, trusted: boolean): Promise<HttpResponse> {
    const agents = await this.proxyAgents();
    // Our own timer for the headers: undici's coarse timers can overshoot short timeouts several times.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(codedError('headers timeout', 'UND_ERR_HEADERS_TIMEOUT')), this.options.timeoutMs);
    const res = await (trusted && agents.trusted ? agents.trusted : agents.agent)
      .request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: method as Dispatcher.HttpMethod,
        signal: abort.signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        headers,
      })
      .finally(() => clearTimeout(timer));
    return { url: target.toString(), status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
  }

  async close(): Promise<void> {
    for (const transport of await Promise.all([this.plain, this.secure])) {
      transport?.agent.destroy();
      transport?.trusted?.destroy();
    }
    if (this.proxied) {
      const { agent, trusted } = await this.proxied;
      await Promise.all([agent.close(), trusted?.close()]);
    }
  }
}

/** The whole body as bytes, undoing gzip/deflate/br content encoding. */
export async function readBody(res: HttpResponse): Promise<Buffer> {
  const raw = await readAll(res.body);
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzip(raw);
  if (encoding === 'deflate') return inflate(raw);
  if (encoding === 'br') return brotli(raw);
  return raw;
}
