// The on-disk cache. Layout under the cache directory:
//   wheels/sha256/<aa>/<sha256>/<filename>   distribution files, content-addressed, never modified
//   records/*.pack                           core metadata by the distribution file's sha256 (kept forever), index
//                                            pages (parsed) and hashless metadata with ETag/Last-Modified: see
//                                            records.ts
//   resolutions/<sha256 of the inputs>.json  a resolution and the page records it rests on (core/resolution-memo.ts)
//   installed/v3/<aa>/<sha256>.json          a checked install of that wheel; .checked: the wheel's stamp at its
//                                            last full check (pex/install.ts, pex/span-reader.ts)
// Every write goes to a unique temporary name in the same directory and is renamed into place, so concurrent
// builds sharing the cache see either nothing or a whole file.
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RecordStore } from './records.js';

/**
 * The layout above. Bump it when a change makes an old cache directory unusable or leaves dead weight in it:
 * the action's cache keys name it (2: records in packs, the old `http/` and `metadata/` folders unused).
 */
export const CACHE_FORMAT = 2;

/**
 * `$XDG_CACHE_HOME/pexship/build`, else `~/.cache/pexship/build`: a folder of its own, apart from the runtime's
 * `PEX_ROOT` (`…/pexship`, whose subfolders are the runtime's), so clearing or sharing one never touches the other.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'pexship', 'build');
  return path.join(env.HOME || os.homedir(), '.cache', 'pexship', 'build');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

const SHA256_RE = /^[0-9a-f]{64}$/;

/** A file name an index gave us, checked so it cannot climb out of its cache directory. */
export function safeFilename(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !name.startsWith('.');
}

/** A temporary name next to `target`, unique across processes and calls. */
export function tempPathFor(target: string): string {
  return `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export async function writeFileAtomic(target: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A cached HTTP response: the validators and whatever we keep of the body. */
export interface CachedResponse<T> {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Epoch ms until which the response may be used without asking again (Cache-Control max-age, Expires). */
  freshUntil?: number;
  /** The index answered 404/410: the project is not there (`value` is then empty). */
  missing?: boolean;
  value: T;
}

/**
 * When a response stays fresh per its explicit freshness (RFC 9111 §4.2.1): `max-age`, else `Expires` counted
 * from the response's `Date`; never with `no-cache`/`no-store`. Undefined when the response says nothing.
 */
export function freshUntil(headers: Record<string, string | undefined>, now = Date.now()): number | undefined {
  const cacheControl = (headers['cache-control'] ?? '').toLowerCase();
  if (/\b(no-cache|no-store)\b/.test(cacheControl)) return undefined;
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/.exec(cacheControl);
  if (m) return Number(m[1]) > 0 ? now + Number(m[1]) * 1000 : undefined;
  if (headers.expires === undefined) return undefined;
  // An invalid Expires (often "0" or "-1") means already expired.
  const expires = Date.parse(headers.expires);
  const date = headers.date ? Date.parse(headers.date) : Number.NaN;
  const lifetime = expires - (Number.isNaN(date) ? now : date);
  return Number.isNaN(expires) || lifetime <= 0 ? undefined : now + lifetime;
}

/**
 * How long an index's "no such project" (404/410) is believed. Its own max-age, Expires or no-store when it
 * sends them; but PyPI, devpi, Artifactory and Nexus send none on a 404, and then every run would ask again
 * for each project an extra index lacks. So a heuristic freshness (RFC 9111 §4.2.2 allows one for 404):
 * five minutes, half of PyPI's max-age for the pages it has, so a project published since is not missed for
 * longer than a new release of an existing project is. `--refresh` asks again at once.
 */
export const MISSING_FRESH_MS = 5 * 60_000;

export function missingFreshUntil(headers: Record<string, string | undefined>, now = Date.now()): number | undefined {
  const explicit = /\b(no-cache|no-store|max-age)\b/i.test(headers['cache-control'] ?? '') || headers.expires !== undefined;
  return explicit ? freshUntil(headers, now) : now + MISSING_FRESH_MS;
}

// Bump when the shape of cached page records changes, so old records are simply not found.
const HTTP_CACHE_VERSION = 2;

export class Cache {
  private readonly records: RecordStore;

  constructor(readonly root: string) {
    this.records = new RecordStore(root);
  }

  wheelPath(sha256: string, filename: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    if (!safeFilename(filename)) throw new Error(`unsafe file name: ${JSON.stringify(filename)}`);
    return path.join(this.root, 'wheels', 'sha256', sha256.slice(0, 2), sha256, filename);
  }

  /** The cached file's path when it is there (one stat in this thread: a cold lock asks for every wheel it reads). */
  async findWheel(sha256: string, filename: string): Promise<string | undefined> {
    const file = this.wheelPath(sha256, filename);
    try {
      return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }

  private metadataKey(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return `metadata\0${sha256}`;
  }

  async readMetadata(fileSha256: string): Promise<string | undefined> {
    return this.records.get(this.metadataKey(fileSha256))?.toString('utf8');
  }

  /** Kept in memory until `flush`, like every record. */
  async writeMetadata(fileSha256: string, text: string): Promise<void> {
    this.records.put(this.metadataKey(fileSha256), Buffer.from(text));
  }

  private httpKey(kind: string, url: string): string {
    return `http\0v${HTTP_CACHE_VERSION}\0${kind}\0${url}`;
  }

  /** A cached response for `url` (credential-free) of the given kind; a damaged record counts as absent. */
  async readResponse<T>(kind: string, url: string): Promise<CachedResponse<T> | undefined> {
    const raw = this.records.get(this.httpKey(kind, url));
    if (!raw) return undefined;
    try {
      const record = JSON.parse(raw.toString('utf8')) as CachedResponse<T>;
      return record.url === url ? record : undefined;
    } catch {
      return undefined;
    }
  }

  /** Names the version of the record of `url` a read gets now (see `RecordStore.stampOf`). */
  responseStamp(kind: string, url: string): string | undefined {
    return this.records.stampOf(this.httpKey(kind, url));
  }

  async writeResponse<T>(kind: string, record: CachedResponse<T>): Promise<void> {
    this.records.put(this.httpKey(kind, record.url), Buffer.from(JSON.stringify(record)));
  }

  /** Writes the records of this run to disk (one file), at the end of a run: see records.ts. */
  flush(): void {
    this.records.flush();
  }
}
