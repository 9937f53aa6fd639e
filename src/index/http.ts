// The HTTP side of the index client: one keep-alive connection pool, at most `maxConnections` requests per
// host at once (fewer after stalls, see limiter.ts), bounded retries with exponential backoff (honouring
// Retry-After), per-request timeouts, manual redirects (so credentials never follow a redirect to another
// host), gzip, and a log of every request sent. undici (the parts of it used, see undici-parts.ts) is loaded
// on the first request: a run the cache answers entirely never pays for it.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { busyStart, countUp, markNow } from '../timings.js';
import type { Auth } from './auth.js';
import { HostLimits, hostKey } from './limiter.js';
import { redactUrl } from './redact.js';
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
  body: Dispatcher.ResponseData['body'];
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

/** undici's parts, loaded on demand; their load time is a phase of its own in the timings. */
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

function timeoutError(): Error {
  return Object.assign(new Error('headers timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
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

/** Frees the connection behind a response whose body may not have been read to the end. */
async function release(res: HttpResponse): Promise<void> {
  const body = res.body;
  body.on('error', () => {}); // an abort after we stopped caring is not an error
  if (body.readableEnded || body.destroyed) return;
  // Small leftovers are drained so the connection stays alive; big ones make undici close it.
  await body.dump({ limit: 64 * 1024 }).catch(() => {});
}

type Undici = typeof import('./undici-parts.js');

export class HttpClient {
  readonly requests: RequestRecord[] = [];
  /** Per-host request limits; exposed so tests and diagnostics can see a back-off. */
  readonly limits: HostLimits;
  private agents?: Promise<{ undici: Undici; agent: Dispatcher; trusted?: Dispatcher }>;

  constructor(readonly options: HttpOptions) {
    this.limits = new HostLimits(options.maxConnections);
  }

  private load(): Promise<{ undici: Undici; agent: Dispatcher; trusted?: Dispatcher }> {
    this.agents ??= timedImport().then((undici) => ({
      undici,
      agent: this.makeAgent(undici, true),
      // For --trusted-host hosts only: the same pool, without certificate checks.
      trusted: this.options.trustedHosts?.length ? this.makeAgent(undici, false) : undefined,
    }));
    return this.agents;
  }

  private makeAgent(undici: Undici, verify: boolean): Dispatcher {
    const { timeoutMs, maxConnections, proxy } = this.options;
    const pool = { keepAliveTimeout: 30_000, connections: maxConnections };
    const tls = verify ? {} : { rejectUnauthorized: false };
    // Explicit '' stops undici from reading process.env behind our back (tests pass their own env).
    if (proxy) {
      return new undici.EnvHttpProxyAgent({ ...pool, connect: { timeout: timeoutMs, ...tls }, httpProxy: proxy.http ?? '', httpsProxy: proxy.https ?? '', noProxy: proxy.noProxy ?? '' });
    }
    // Every direct connect is timed: a slow or failed one makes that host's limit back off.
    const connect = undici.buildConnector({ timeout: timeoutMs, ...tls });
    return new undici.Agent({
      ...pool,
      connect: (opts, callback) => {
        const key = hostKey(opts.protocol, opts.hostname, opts.port);
        const started = performance.now();
        countUp('connections');
        connect(opts, (...result) => {
          this.limits.connected(key, performance.now() - started, result[0] !== null);
          callback(...result);
        });
      },
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
    const { agent, trusted } = await this.load();
    let url = new URL(startUrl);
    for (let hop = 0; ; hop++) {
      const auth = this.options.auth.headerFor(url);
      const target = new URL(url);
      target.username = '';
      target.password = '';
      const record: RequestRecord = { method, url: redactUrl(target.toString()), status: 0 };
      this.requests.push(record);
      this.options.onRequest?.(record);
      // Our own timer for the headers: undici's coarse timers can overshoot short timeouts several times.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(timeoutError()), this.options.timeoutMs);
      const dispatcher = trusted && isTrustedHost(target, this.options.trustedHosts!) ? trusted : agent;
      const res = await dispatcher.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: method as Dispatcher.HttpMethod,
        signal: abort.signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
        headers: {
          'user-agent': this.options.userAgent,
          ...headers,
          ...(auth ? { authorization: auth } : {}),
        },
      }).finally(() => clearTimeout(timer));
      record.status = res.statusCode;
      const flat = flattenHeaders(res.headers);
      const location = flat.location;
      if ([301, 302, 303, 307, 308].includes(res.statusCode) && location && hop < MAX_REDIRECTS) {
        await res.body.dump();
        url = new URL(location, target);
        continue;
      }
      return { url: target.toString(), status: res.statusCode, headers: flat, body: res.body };
    }
  }

  async close(): Promise<void> {
    if (!this.agents) return;
    const { agent, trusted } = await this.agents;
    await Promise.all([agent.close(), trusted?.close()]);
  }
}

/** The whole body as bytes, undoing gzip/deflate/br content encoding. */
export async function readBody(res: HttpResponse): Promise<Buffer> {
  const raw = Buffer.from(await res.body.arrayBuffer());
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzip(raw);
  if (encoding === 'deflate') return inflate(raw);
  if (encoding === 'br') return brotli(raw);
  return raw;
}
