// IndexClient: lists a project's files across the configured indexes and find-links sources, fetches core
// metadata as cheaply as the index allows (PEP 658 file, zip range requests, whole file), and downloads
// distribution files into the content-addressed cache with their hashes checked. See auth.ts for credentials.
import { createHash, getHashes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JobError, PexshipError, UsageError } from '../errors.js';
import { busyStart, countUp } from '../timings.js';
import { PEXSHIP_VERSION } from '../version.js';
import { Auth, secretsOf, stripCredentials } from './auth.js';
import { Cache, defaultCacheDir, freshUntil, missingFreshUntil, safeFilename, tempPathFor } from './cache.js';
import { hashLocalFile, listDirectory } from './find-links.js';
import { HttpClient, isTrustedHost, NetworkError, proxyFromEnv, readAll, readBody, type HttpResponse } from './http.js';
import { hostKey } from './limiter.js';
import { fileBelongsTo, normalizeProjectName } from './names.js';
import { netrcPath } from './netrc.js';
import { redactSecrets, redactUrl } from './redact.js';
import { parseSimpleHtml } from './simple-html.js';
import { readSdistMetadata, SdistMetadataError } from './sdist-metadata.js';
import { JSON_CONTENT_TYPE, parseSimpleJson } from './simple-json.js';
import type { IndexFile, RequestRecord } from './types.js';
import { readWheelMetadata, TAIL_BYTES, withKnownBytes, withLocalFile, type RandomAccess } from './zip-metadata.js';

export const DEFAULT_INDEX_URL = 'https://pypi.org/simple/';
/** As browsers do: enough to overlap round trips, few enough for a listen queue of 5 (`python -m http.server`). */
export const DEFAULT_MAX_CONNECTIONS = 6;

export type IndexActivity = { kind: 'request'; method: string; url: string } | { kind: 'bytes'; bytes: number };

export interface IndexClientOptions {
  /** `-i/--index-url`; default the public PyPI. A local path counts as a `file://` URL. */
  indexUrl?: string;
  /** `--extra-index-url`, searched alongside the main index. */
  extraIndexUrls?: string[];
  /** `-f/--find-links`: local directories, or URLs / paths of HTML pages of links. */
  findLinks?: string[];
  /** `--no-index`: ignore `indexUrl` and `extraIndexUrls`, use only find-links. */
  noIndex?: boolean;
  /** Default `$XDG_CACHE_HOME/pexship/build` or `~/.cache/pexship/build`. */
  cacheDir?: string;
  /** Environment for credentials and defaults (tests pass their own). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Default `$NETRC` or `~/.netrc`. */
  netrcFile?: string;
  /** Base for relative find-links paths. Default `process.cwd()`. */
  cwd?: string;
  /** Connect / response headers / body idle timeout per request. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for 408/429/5xx and connection failures. Default 3. */
  retries?: number;
  /** First backoff delay, doubled each retry. Default 500 ms. */
  retryBaseMs?: number;
  /** Longest single wait between attempts, Retry-After included. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Requests in flight at once to one host, and so connections to it (`--max-connections`). Default 6. */
  maxConnections?: number;
  /** pip's `--trusted-host`: plain-HTTP indexes on these hosts are accepted, TLS certificates not checked. */
  trustedHosts?: string[];
  /** Told of every request sent (for -v) and of the bytes of every response body read (for progress). */
  onActivity?: (event: IndexActivity) => void;
  /** URLs of `name @ url` direct references: credentials written in them are used for their host, as pip does. */
  directUrls?: string[];
  /** `--refresh`: ask the index again for every page, however fresh the cached answer (validators still used). */
  refresh?: boolean;
}

/**
 * What a client's answers so far rest on: every index page record they came from (its stamp and how long
 * it is fresh), or why they rest on more than that. While every such record is unchanged and fresh, the same
 * questions get the same answers without asking the network (see `fetchPage`).
 */
export interface AnswerBasis {
  /** Page URLs and the stamps (`Cache.responseStamp`) of the records read for them. */
  pages: [url: string, stamp: string][];
  /** Epoch ms at which the first of them goes stale. */
  freshUntil: number;
}

type Source =
  | { kind: 'index'; url: string; label: string }
  | { kind: 'find-links'; location: string; label: string };

const PAGE_ACCEPT = `${JSON_CONTENT_TYPE}, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1`;
const SUPPORTED_HASHES = new Set(getHashes().map((h) => h.toLowerCase()));

/** A user-given location as a URL: URLs pass (http, https, file), paths become `file://`. */
function toUrl(location: string, cwd: string, what: string): URL {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw new UsageError(`${what} '${redactUrl(location)}' is not a valid URL. Check its spelling.`);
    }
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
      throw new UsageError(`${what} '${redactUrl(location)}' uses ${url.protocol}//; pexship reads http://, https:// and file:// indexes.`);
    }
    return url;
  }
  return pathToFileURL(path.resolve(cwd, location));
}

function withTrailingSlash(url: URL): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u.toString();
}

function isWheel(file: IndexFile): boolean {
  return file.filename.toLowerCase().endsWith('.whl');
}

function isLocal(file: IndexFile): boolean {
  return file.url.startsWith('file:');
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/** Parses a page by its content type, sniffing when the server does not say. */
function parsePage(body: string, contentType: string, pageUrl: string, label: string): IndexFile[] {
  const type = contentType.toLowerCase();
  const looksJson = type.includes('json') || (!type.includes('html') && body.trimStart().startsWith('{'));
  return looksJson ? parseSimpleJson(body, pageUrl, label) : parseSimpleHtml(body, pageUrl, label);
}

/**
 * Writes a response body to `file`, reading it as fast as it arrives. Not `pipeline`: backpressure pauses
 * undici 7's parser, and a server that then closes the connection crashes the process with an uncatchable
 * assertion (nodejs/undici#5360, fixed only in undici 8, which needs Node 22). The cost: when the disk is
 * slower than the network, unwritten chunks wait in memory.
 */
function drainInto(res: HttpResponse, file: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    let settled = false;
    let finished = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      res.body.destroy();
      out.destroy();
      reject(err);
    };
    out.on('error', fail);
    out.on('finish', () => (finished = true));
    out.on('close', () => {
      if (settled) return;
      if (!finished) return fail(new Error('the download was cut short'));
      settled = true;
      resolve();
    });
    res.body.on('error', fail);
    res.body.on('data', (chunk: Buffer) => {
      onChunk(chunk);
      out.write(chunk);
    });
    res.body.on('end', () => out.end());
  });
}

function parseContentRange(value: string | undefined): { start: number; total: number } | undefined {
  const m = /^bytes\s+(\d+)-(\d+)\/(\d+)$/i.exec((value ?? '').trim());
  return m ? { start: Number(m[1]), total: Number(m[3]) } : undefined;
}

/** pip's secure origins: HTTPS, files, and the loopback addresses; other plain HTTP needs --trusted-host. */
function refuseInsecure(url: URL, trusted: string[]): void {
  if (url.protocol !== 'http:') return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host) || isTrustedHost(url, trusted)) return;
  throw new UsageError(
    `${redactUrl(url.toString())} is plain HTTP, which anyone on the way can read and change (pip ignores it too); use https://, or if you trust that network, add --trusted-host ${url.host}.`,
  );
}

export class IndexClient {
  readonly cache: Cache;
  private readonly sources: Source[];
  private readonly http: HttpClient;
  private readonly auth: Auth;
  private readonly rootChecks = new Map<string, Promise<void>>();
  private stagingReady?: Promise<void>;
  private readonly secrets: string[];
  private readonly listings = new Map<string, Promise<IndexFile[]>>();
  private readonly findLinksPages = new Map<string, Promise<IndexFile[]>>();
  private readonly localIndexDirs = new Map<string, Promise<Map<string, string>>>();
  private readonly metadataInFlight = new Map<string, Promise<string>>();
  private readonly downloadsInFlight = new Map<string, Promise<string>>();
  private readonly onActivity?: (event: IndexActivity) => void;
  private readonly refresh: boolean;
  private readonly pageBasis = new Map<string, { stamp: string; freshUntil: number }>();
  private unprovable?: string;
  private readonly keyedLocalFiles = new Set<string>();

  constructor(options: IndexClientOptions = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    this.onActivity = options.onActivity;
    this.refresh = options.refresh ?? false;
    const indexUrls = options.noIndex ? [] : [options.indexUrl ?? DEFAULT_INDEX_URL, ...(options.extraIndexUrls ?? [])];
    const findLinks = options.findLinks ?? [];
    this.sources = [
      ...indexUrls.map((raw): Source => {
        const url = toUrl(raw, cwd, 'The index URL');
        return { kind: 'index', url: withTrailingSlash(url), label: redactUrl(withTrailingSlash(url)) };
      }),
      ...findLinks.map((raw): Source => {
        const url = toUrl(raw, cwd, 'The find-links location');
        return { kind: 'find-links', location: url.toString(), label: redactUrl(url.toString()) };
      }),
    ];
    for (const raw of [...indexUrls, ...findLinks]) refuseInsecure(toUrl(raw, cwd, 'The index URL'), options.trustedHosts ?? []);
    const netrcFile = options.netrcFile ?? netrcPath(env);
    const allUrls = [...indexUrls, ...findLinks, ...(options.directUrls ?? [])];
    const proxy = proxyFromEnv(env);
    this.secrets = secretsOf([...allUrls, ...(proxy ? [proxy.http ?? '', proxy.https ?? ''] : [])], env, netrcFile);
    this.cache = new Cache(path.resolve(options.cacheDir ?? defaultCacheDir(env)));
    this.auth = new Auth(allUrls, env, netrcFile);
    this.http = new HttpClient({
      auth: this.auth,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      retryBaseMs: options.retryBaseMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      userAgent: `pexship/${PEXSHIP_VERSION}`,
      proxy,
      trustedHosts: options.trustedHosts,
      onRequest: (r) => this.onActivity?.({ kind: 'request', method: r.method, url: r.url }),
    });
  }

  /**
   * The page records the answers so far came from, or why some answer rests on more: a local
   * directory or file, metadata not keyed by a sha256, a page the index does not let us keep, a failure.
   */
  answerBasis(): AnswerBasis | { unprovable: string } {
    if (this.unprovable) return { unprovable: this.unprovable };
    const pages = [...this.pageBasis];
    return { pages: pages.map(([url, p]) => [url, p.stamp]), freshUntil: Math.min(...pages.map(([, p]) => p.freshUntil)) };
  }

  /** A local file whose metadata the caller keys what it keeps by (resolution-memo.ts): reading it proves nothing less. */
  keyedByCaller(url: string): void {
    this.keyedLocalFiles.add(url);
  }

  /** Call right after reading or writing the page's record, so the stamp names what was read or written. */
  private restsOnPage(url: string, freshUntil: number | undefined): void {
    const stamp = freshUntil ? this.cache.responseStamp('page', url) : undefined;
    if (stamp && freshUntil) this.pageBasis.set(url, { stamp, freshUntil });
    else this.unprovable ??= `the page ${url} cannot be kept fresh`;
  }

  /** Every HTTP request sent so far, in order (credentials redacted). */
  get requests(): readonly RequestRecord[] {
    return this.http.requests;
  }

  get requestCount(): number {
    return this.http.requests.length;
  }

  /** Requests allowed at once to the host of `url` now: `maxConnections`, or fewer after stalls. */
  connectionLimit(url: string): number {
    const u = new URL(url);
    return this.http.limits.limitOf(hostKey(u.protocol, u.hostname, u.port));
  }

  /** The configured sources, credentials redacted, in search order. */
  get sourceLabels(): string[] {
    return this.sources.map((s) => s.label);
  }

  /** Labels of the package indexes only (not find-links), as `IndexFile.index` names them. */
  get indexLabels(): string[] {
    return this.sources.filter((s) => s.kind === 'index').map((s) => s.label);
  }

  /**
   * Lets every fetch still running finish (a prefetch the resolution did not wait for may still add to the
   * cache: the CLI exits as soon as its verb returns), writes the cache's records, then closes pooled
   * connections. The client is unusable afterwards.
   */
  async close(): Promise<void> {
    const pending = [this.listings, this.metadataInFlight, this.downloadsInFlight, this.rootChecks].flatMap((m) => [...m.values()]);
    await Promise.allSettled(pending);
    try {
      this.cache.flush();
    } catch (err) {
      throw new JobError(`Could not write the cache in ${this.cache.root}: ${(err as Error).message}. Check that it is writable, or pass another --cache-dir.`);
    } finally {
      await this.http.close();
    }
  }

  /**
   * All files every source lists for `project`, in source order (main index, extra indexes, find-links).
   * A project an index does not have contributes nothing; an unreachable index is an error.
   */
  listFiles(project: string): Promise<IndexFile[]> {
    const name = normalizeProjectName(project);
    let listing = this.listings.get(name);
    if (!listing) {
      listing = this.guard(async () => (await Promise.all(this.sources.map((s) => this.listFrom(s, name)))).flat());
      this.listings.set(name, listing);
      listing.catch(() => {
        this.listings.delete(name);
        this.unprovable ??= `listing ${name} failed`;
      });
    }
    return listing;
  }

  /** The core metadata (METADATA file text) of a distribution file. */
  fetchMetadata(file: IndexFile): Promise<string> {
    let pending = this.metadataInFlight.get(file.url);
    if (!pending) {
      pending = this.guard(() => this.metadataOf(file));
      this.metadataInFlight.set(file.url, pending);
      // Keep successes memoised; let a failure be retried by a later call.
      pending.catch(() => {
        this.metadataInFlight.delete(file.url);
        this.unprovable ??= `the metadata of ${file.filename} failed`;
      });
      // Metadata kept by the file's sha256 is the same whenever it is read; any other may change.
      if (isLocal(file) ? !this.keyedLocalFiles.has(file.url) : !file.hashes.sha256) this.unprovable ??= `the metadata of ${file.filename} is not kept by hash`;
    }
    return pending;
  }

  /** A local path holding the file, hash-checked: the cache entry, or the file itself for local sources. */
  fetchFile(file: IndexFile): Promise<string> {
    let pending = this.downloadsInFlight.get(file.url);
    if (!pending) {
      pending = this.guard(() => this.fileOf(file));
      this.downloadsInFlight.set(file.url, pending);
      pending.catch(() => this.downloadsInFlight.delete(file.url));
    }
    return pending;
  }

  /** Runs `work`, turning failures into our errors with every known secret masked. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      const error = err instanceof PexshipError ? err : new JobError((err as Error)?.message ?? String(err));
      error.message = redactSecrets(error.message, this.secrets);
      throw error;
    }
  }

  // ---- listing ----

  private async listFrom(source: Source, project: string): Promise<IndexFile[]> {
    if (source.kind === 'index' && !source.url.startsWith('file:')) return this.listRemoteIndex(source, project);
    this.unprovable ??= `${source.label} is read each time`;
    if (source.kind === 'index') return this.listLocalIndex(source, project);
    if (source.location.startsWith('file:')) {
      const location = fileURLToPath(source.location);
      let isDir = false;
      try {
        isDir = (await stat(location)).isDirectory();
      } catch {
        throw new UsageError(`The find-links location ${location} does not exist. Check the -f/--find-links path.`);
      }
      if (isDir) return listDirectory(location, project, source.label);
    }
    const all = await this.findLinksPage(source);
    return all.filter((f) => fileBelongsTo(f.filename, project));
  }

  private async listRemoteIndex(source: Source & { kind: 'index' }, project: string): Promise<IndexFile[]> {
    const pageUrl = stripCredentials(new URL(`${encodeURIComponent(project)}/`, source.url));
    const page = await this.fetchPage(pageUrl, source.label, 'index', true);
    if (page.files) return page.files;
    await this.checkIndexRoot(source);
    // Remembered only once the root is known to be there: a wrong index URL must fail every run, not once.
    if (page.missingUntil) await this.cache.writeResponse<IndexFile[]>('page', { url: pageUrl, freshUntil: page.missingUntil, missing: true, value: [] });
    this.restsOnPage(pageUrl, page.missingUntil);
    return [];
  }

  /**
   * A project the index lacks is normal, but a wrong index URL makes every project look missing: on the
   * first 404, ask the root (HEAD, so PyPI's huge root page is not sent) and fail if it is not there either.
   */
  private checkIndexRoot(source: Source & { kind: 'index' }): Promise<void> {
    let check = this.rootChecks.get(source.url);
    if (!check) {
      const rootUrl = stripCredentials(source.url);
      check = this.request(rootUrl, `the index ${source.label}`, { accept: PAGE_ACCEPT }, async (res) => {
        if (res.status === 404 || res.status === 410) {
          throw new JobError(`The index ${source.label} does not exist (HTTP ${res.status}). Check the -i/--index-url or --extra-index-url: it should name a PEP 503 simple index, e.g. https://pypi.org/simple/.`);
        }
        if (res.status === 401 || res.status === 403) throw this.statusError(res, `the index ${source.label}`);
      }, 'HEAD');
      this.rootChecks.set(source.url, check);
    }
    return check;
  }

  /** A file:// index: `<root>/<project>/index.json` or `index.html`; a missing project has no files. */
  private async listLocalIndex(source: Source & { kind: 'index' }, project: string): Promise<IndexFile[]> {
    const root = fileURLToPath(source.url);
    // Directory names in hand-made mirrors are not always normalised: map them once.
    let dirs = this.localIndexDirs.get(root);
    if (!dirs) {
      dirs = readdir(root, { withFileTypes: true }).then(
        (entries) => new Map(entries.filter((e) => e.isDirectory()).map((e) => [normalizeProjectName(e.name), e.name])),
        () => {
          throw new JobError(`The index ${source.label} is not a readable directory. Check the -i/--index-url or --extra-index-url path.`);
        },
      );
      this.localIndexDirs.set(root, dirs);
    }
    const dirName = (await dirs).get(project);
    if (!dirName) return [];
    const dir = path.join(root, dirName);
    const dirUrl = pathToFileURL(dir + path.sep).toString();
    const json = await readIfExists(path.join(dir, 'index.json'));
    if (json !== undefined) return parseSimpleJson(json, dirUrl, source.label);
    const html = await readIfExists(path.join(dir, 'index.html'));
    if (html !== undefined) return parseSimpleHtml(html, dirUrl, source.label);
    return [];
  }

  private findLinksPage(source: Source & { kind: 'find-links' }): Promise<IndexFile[]> {
    let page = this.findLinksPages.get(source.location);
    if (!page) {
      page = (async () => {
        if (source.location.startsWith('file:')) {
          const html = await readIfExists(fileURLToPath(source.location));
          if (html === undefined) throw new UsageError(`The find-links page ${source.label} does not exist. Check the -f/--find-links location.`);
          return parseSimpleHtml(html, source.location, source.label);
        }
        const { files } = await this.fetchPage(stripCredentials(source.location), source.label, 'find-links page', false);
        if (!files) throw new JobError(`The find-links page ${source.label} does not exist (HTTP 404). Check the -f/--find-links URL.`);
        return files;
      })();
      this.findLinksPages.set(source.location, page);
    }
    return page;
  }

  /**
   * GETs an index page with the cached validators, returning its files (reused on 304), or no files on
   * 404/410 with how long that answer may be believed (see MISSING_FRESH_MS). The parsed files are what we
   * cache, so a 304 costs no parsing.
   */
  private async fetchPage(pageUrl: string, label: string, what: string, jsonFirst: boolean): Promise<{ files?: IndexFile[]; missingUntil?: number }> {
    const cached = await this.cache.readResponse<IndexFile[]>('page', pageUrl);
    // The same page may be reached under another label (credentials added or changed): ours wins.
    const relabel = (files: IndexFile[]) => files.map((f) => (f.index === label ? f : { ...f, index: label }));
    // Within the index's own max-age (PyPI: 10 minutes) the page is used without asking, as uv does.
    if (cached?.freshUntil && cached.freshUntil > Date.now() && !this.refresh) {
      countUp(cached.missing ? 'pages missing fresh' : 'pages fresh');
      this.restsOnPage(pageUrl, cached.freshUntil);
      return { files: relabel(cached.value) };
    }
    const headers: Record<string, string> = {
      accept: jsonFirst ? PAGE_ACCEPT : 'text/html, */*;q=0.1',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    const done = busyStart('pages');
    return this.request(pageUrl, `the ${what} ${label}`, headers, async (res) => {
      countUp(`pages ${res.status}`);
      if (res.status === 304 && cached && !cached.missing) {
        const fresh = freshUntil(res.headers);
        if (fresh) await this.cache.writeResponse('page', { ...cached, freshUntil: fresh });
        this.restsOnPage(pageUrl, fresh);
        return { files: relabel(cached.value) };
      }
      if (res.status === 404 || res.status === 410) {
        return { missingUntil: missingFreshUntil(res.headers) };
      }
      if (res.status !== 200) throw this.statusError(res, `the ${what} ${label}`);
      const body = (await this.readCounted(res)).toString('utf8');
      // A remote page must not point us at local files (file:///etc/…): only http(s) links count.
      const files = parsePage(body, res.headers['content-type'] ?? '', res.url, label).filter((f) => /^https?:/.test(f.url));
      const etag = res.headers.etag;
      const lastModified = res.headers['last-modified'];
      const fresh = freshUntil(res.headers);
      if (etag || lastModified || fresh) await this.cache.writeResponse('page', { url: pageUrl, etag, lastModified, freshUntil: fresh, value: files });
      this.restsOnPage(pageUrl, fresh);
      return { files };
    }).finally(done);
  }

  // ---- metadata ----

  private async metadataOf(file: IndexFile): Promise<string> {
    const sha256 = file.hashes.sha256;
    const known = sha256 && !isLocal(file) ? await this.cache.readMetadata(sha256) : undefined;
    if (known !== undefined) {
      countUp('metadata cached');
      return known;
    }
    const done = busyStart('metadata');
    try {
      countUp('metadata fetched');
      return await this.metadataFromSource(file);
    } finally {
      done();
    }
  }

  /** Metadata the cache did not have by hash: from a local file, a cached wheel, PEP 658, ranges, or the file. */
  private async metadataFromSource(file: IndexFile): Promise<string> {
    const where = `${file.filename} (${redactUrl(file.url)})`;
    if (isLocal(file)) {
      const local = fileURLToPath(file.url);
      if (isWheel(file)) return this.readLocalWheelMetadata(local, file.filename, where);
      const sidecar = await readIfExists(`${local}.metadata`);
      if (sidecar !== undefined) return sidecar;
      return this.sdistMetadata(local, file);
    }
    const sha256 = file.hashes.sha256;
    if (sha256) {
      const cachedWheel = isWheel(file) ? await this.cache.findWheel(sha256, file.filename).catch(() => undefined) : undefined;
      if (cachedWheel) return this.remember(sha256, await this.readLocalWheelMetadata(cachedWheel, file.filename, where));
    }
    if (file.coreMetadata) {
      const text = await this.fetchCoreMetadataFile(file);
      return sha256 ? this.remember(sha256, text) : text;
    }
    if (!isWheel(file)) {
      const text = await this.sdistMetadata(await this.fileOf(file), file);
      return sha256 ? this.remember(sha256, text) : text;
    }
    let text: string;
    try {
      text = await this.metadataByRanges(file);
    } catch (err) {
      // A hash mismatch or an HTTP error is final; anything else odd about ranges: fall back to the whole file.
      if (err instanceof PexshipError) throw err;
      text = await this.readLocalWheelMetadata(await this.fileOf(file), file.filename, where);
    }
    return sha256 ? this.remember(sha256, text) : text;
  }

  private async remember(sha256: string, text: string): Promise<string> {
    await this.cache.writeMetadata(sha256, text);
    return text;
  }

  /** An sdist's PKG-INFO when it is reliable (metadata 2.2+, dependencies not dynamic). */
  private async sdistMetadata(local: string, file: IndexFile): Promise<string> {
    try {
      return await readSdistMetadata(local, file.filename);
    } catch (err) {
      if (!(err instanceof SdistMetadataError)) throw err;
      throw new JobError(
        `${err.message} (${file.filename} from ${file.index}). ` +
          'Build a wheel for it (pip wheel) and pass it with -f/--find-links, or pin a version that has a wheel.',
      );
    }
  }

  private async readLocalWheelMetadata(local: string, filename: string, where: string): Promise<string> {
    try {
      return await withLocalFile(local, (reader) => readWheelMetadata(reader, filename));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new JobError(`${where} does not exist. Check the index or find-links source.`);
      throw new JobError(`Could not read the metadata of ${where}: ${(err as Error).message}. The wheel is damaged; rebuild or re-download it.`);
    }
  }

  /** PEP 658: `<url>.metadata`, checked against the hash the index gave; kept by validators when it gave none. */
  private async fetchCoreMetadataFile(file: IndexFile): Promise<string> {
    const url = `${file.url}.metadata`;
    const expected = file.coreMetadata === true ? {} : (file.coreMetadata as Record<string, string>);
    const hashless = !file.hashes.sha256;
    const cached = hashless ? await this.cache.readResponse<string>('metadata', url) : undefined;
    const headers: Record<string, string> = { accept: '*/*', 'accept-encoding': 'gzip, deflate, br' };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    return this.request(url, `the metadata of ${file.filename}`, headers, async (res) => {
      if (res.status === 304 && cached) return cached.value;
      if (res.status !== 200) throw this.statusError(res, `the metadata of ${file.filename}`);
      const body = await this.readCounted(res);
      this.verify(body, expected, `the metadata file of ${file.filename}`, url);
      const text = body.toString('utf8');
      const etag = res.headers.etag;
      const lastModified = res.headers['last-modified'];
      if (hashless && (etag || lastModified)) await this.cache.writeResponse('metadata', { url, etag, lastModified, value: text });
      return text;
    });
  }

  /** Reads METADATA with HTTP range requests: the file's tail, then (rarely) more. */
  private async metadataByRanges(file: IndexFile): Promise<string> {
    const what = `${file.filename}`;
    await this.ensureStaging(); // the server may ignore Range and send the whole file
    const first = await this.request(file.url, what, { range: `bytes=-${TAIL_BYTES}`, 'accept-encoding': 'identity' }, async (res) => {
      if (res.status === 206) {
        const range = parseContentRange(res.headers['content-range']);
        const bytes = await readAll(res.body);
        this.counted(bytes.length);
        if (!range) throw new Error('the server sent a range without a usable Content-Range');
        return { kind: 'range' as const, ...range, bytes };
      }
      // The server ignored Range and is sending the whole file: keep it, it will be needed anyway.
      if (res.status === 200) return { kind: 'whole' as const, path: await this.saveDownload(res, file) };
      if (res.status === 416) throw new Error('the server refused the range request');
      throw this.statusError(res, what);
    });
    if (first.kind === 'whole') return this.readLocalWheelMetadata(first.path, file.filename, `${what} (${redactUrl(file.url)})`);
    const remote: RandomAccess = {
      size: first.total,
      read: (start, end) =>
        this.request(file.url, what, { range: `bytes=${start}-${end - 1}`, 'accept-encoding': 'identity' }, async (res) => {
          const bytes = await readAll(res.body);
          this.counted(bytes.length);
          if (res.status === 206 && parseContentRange(res.headers['content-range'])?.start === start) return bytes;
          if (res.status === 200) return bytes.subarray(start, end);
          throw new Error(`the server answered a range request with HTTP ${res.status}`);
        }),
    };
    return readWheelMetadata(withKnownBytes(remote, first.start, first.bytes), file.filename);
  }

  // ---- files ----

  private async fileOf(file: IndexFile): Promise<string> {
    if (isLocal(file)) {
      const local = fileURLToPath(file.url);
      const wanted = Object.keys(file.hashes).filter((h) => SUPPORTED_HASHES.has(h));
      if (wanted.length) {
        let actual: Record<string, string>;
        try {
          actual = await hashLocalFile(local, wanted);
        } catch (err) {
          throw new JobError(`Could not read ${file.filename} at ${local}: ${(err as Error).message}. Check the index or find-links source.`);
        }
        for (const h of wanted) if (actual[h] !== file.hashes[h]) throw this.mismatch(file, h, file.hashes[h], actual[h]);
      }
      return local;
    }
    if (!safeFilename(file.filename)) throw new JobError(`The index ${file.index} lists a file with an unsafe name ${JSON.stringify(file.filename)}; refusing to download it.`);
    const sha256 = file.hashes.sha256;
    if (sha256) {
      const cached = await this.cache.findWheel(sha256, file.filename);
      if (cached) return cached;
    }
    await this.ensureStaging();
    return this.request(file.url, file.filename, { 'accept-encoding': 'identity' }, async (res) => {
      if (res.status !== 200) throw this.statusError(res, file.filename);
      return this.saveDownload(res, file);
    });
  }

  private stagingDir(): string {
    return path.join(this.cache.root, 'wheels', '.incoming');
  }

  /** Made once per client, before any download starts. */
  private ensureStaging(): Promise<void> {
    this.stagingReady ??= mkdir(this.stagingDir(), { recursive: true }).then(() => undefined);
    return this.stagingReady;
  }

  /** Streams a 200 response into the cache through the hashes, checks them, and renames into place. */
  private async saveDownload(res: HttpResponse, file: IndexFile): Promise<string> {
    const algorithms = new Set(['sha256', ...Object.keys(file.hashes).filter((h) => SUPPORTED_HASHES.has(h))]);
    const hashers = [...algorithms].map((a) => [a, createHash(a)] as const);
    const tmp = tempPathFor(path.join(this.stagingDir(), 'download'));
    try {
      await drainInto(res, tmp, (chunk) => {
        this.counted(chunk.length);
        for (const [, h] of hashers) h.update(chunk);
      });
      const actual = Object.fromEntries(hashers.map(([a, h]) => [a, h.digest('hex')]));
      for (const [name, expected] of Object.entries(file.hashes)) {
        if (SUPPORTED_HASHES.has(name) && actual[name] !== expected) throw this.mismatch(file, name, expected, actual[name]);
      }
      const target = this.cache.wheelPath(actual.sha256, file.filename);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
      return target;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  private counted(bytes: number): void {
    this.onActivity?.({ kind: 'bytes', bytes });
  }

  private async readCounted(res: HttpResponse): Promise<Buffer> {
    const body = await readBody(res);
    this.counted(body.length);
    return body;
  }

  private mismatch(file: IndexFile, algorithm: string, expected: string, actual: string): JobError {
    return new JobError(
      `Hash mismatch for ${file.filename} from ${redactUrl(file.url)}: the index says ${algorithm} ${expected}, the file has ${actual}. ` +
        'The file was altered or corrupted on the way; retry, and if it persists tell the index owner.',
    );
  }

  private verify(body: Buffer, expected: Record<string, string>, what: string, url: string): void {
    for (const [name, hex] of Object.entries(expected)) {
      if (!SUPPORTED_HASHES.has(name)) continue;
      const actual = createHash(name).update(body).digest('hex');
      if (actual !== hex) {
        throw new JobError(`Hash mismatch for ${what} from ${redactUrl(url)}: the index says ${name} ${hex}, the file has ${actual}. Retry; if it persists tell the index owner.`);
      }
    }
  }

  // ---- HTTP plumbing ----

  /** `http.get` with network failures turned into errors that name the URL and what to check. */
  private async request<T>(url: string, what: string, headers: Record<string, string>, handle: (res: HttpResponse) => Promise<T>, method = 'GET'): Promise<T> {
    try {
      return await this.http.get(url, headers, handle, method);
    } catch (err) {
      if (err instanceof NetworkError) {
        throw new JobError(
          `Could not fetch ${what} from ${redactUrl(url)}: ${err.message}. Check the URL, your network or proxy, and that the index is up.`,
        );
      }
      throw err;
    }
  }

  private statusError(res: HttpResponse, what: string): JobError {
    const url = redactUrl(res.url);
    if (res.status === 401 || res.status === 403) {
      return new JobError(
        `Fetching ${what} from ${url} was refused (HTTP ${res.status}). Check the credentials for ${new URL(res.url).host}: ` +
          this.describeAuth(res.url) + '.',
      );
    }
    return new JobError(`Fetching ${what} from ${url} failed with HTTP ${res.status}. Check the index URL and that the index is up.`);
  }

  private describeAuth(url: string): string {
    return this.auth.describeSources(new URL(url));
  }
}

