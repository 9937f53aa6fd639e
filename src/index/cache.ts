// The on-disk cache. Layout under the cache directory:
//   wheels/sha256/<aa>/<sha256>/<filename>   distribution files, content-addressed, never modified
//   metadata/sha256/<aa>/<sha256>.METADATA   core metadata by the distribution file's sha256, kept forever
//   http/<aa>/<sha256 of URL>.json           index pages (parsed) and hashless metadata, with ETag/Last-Modified
//   resolutions/<sha256 of the inputs>.json  a resolution and the page records it rests on (core/resolution-memo.ts)
// Every write goes to a unique temporary name in the same directory and is renamed into place, so concurrent
// builds sharing the cache see either nothing or a whole file.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The layout above. Bump it when a change makes an old cache directory unusable: the action's cache keys name it. */
export const CACHE_FORMAT = 1;

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

/** `beforeRename` sees the complete temporary file (e.g. to take its `fileStamp`, which the rename keeps). */
export async function writeFileAtomic(target: string, data: string | Buffer, beforeRename?: (tmp: string) => void): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    await writeFile(tmp, data);
    beforeRename?.(tmp);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Names one version of a file: records are replaced by renaming a new file over them, which gets a new inode,
 * so the stamp changes whenever the record does. Undefined when the file is not there.
 */
export function fileStamp(file: string): string | undefined {
  const s = statSync(file, { throwIfNoEntry: false });
  return s && `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/**
 * A cache record (a few KB): read synchronously, because the promise-based read takes four thread-pool round
 * trips, and on a warm run hundreds of them queue behind each other for longer than the reads themselves.
 */
function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
  constructor(readonly root: string) {}

  wheelPath(sha256: string, filename: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    if (!safeFilename(filename)) throw new Error(`unsafe file name: ${JSON.stringify(filename)}`);
    return path.join(this.root, 'wheels', 'sha256', sha256.slice(0, 2), sha256, filename);
  }

  /** The cached file's path when it is there. */
  async findWheel(sha256: string, filename: string): Promise<string | undefined> {
    const file = this.wheelPath(sha256, filename);
    try {
      return (await stat(file)).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  }

  private metadataPath(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new Error(`not a sha256 digest: ${sha256}`);
    return path.join(this.root, 'metadata', 'sha256', sha256.slice(0, 2), `${sha256}.METADATA`);
  }

  async readMetadata(fileSha256: string): Promise<string | undefined> {
    return readIfExists(this.metadataPath(fileSha256))?.toString('utf8');
  }

  async writeMetadata(fileSha256: string, text: string): Promise<void> {
    await writeFileAtomic(this.metadataPath(fileSha256), text);
  }

  private httpPath(kind: string, url: string): string {
    const key = sha256Hex(`v${HTTP_CACHE_VERSION}\0${kind}\0${url}`);
    return path.join(this.root, 'http', key.slice(0, 2), `${key}.json`);
  }

  /** A cached response for `url` (credential-free) of the given kind; a damaged record counts as absent. */
  async readResponse<T>(kind: string, url: string): Promise<CachedResponse<T> | undefined> {
    const raw = readIfExists(this.httpPath(kind, url));
    if (!raw) return undefined;
    try {
      const record = JSON.parse(raw.toString('utf8')) as CachedResponse<T>;
      return record.url === url ? record : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where the record of `url` is kept (take its `fileStamp` before reading it). */
  responseFile(kind: string, url: string): string {
    return this.httpPath(kind, url);
  }

  /** Returns the `fileStamp` of the record written. */
  async writeResponse<T>(kind: string, record: CachedResponse<T>): Promise<string | undefined> {
    let stamp: string | undefined;
    await writeFileAtomic(this.httpPath(kind, record.url), JSON.stringify(record), (tmp) => (stamp = fileStamp(tmp)));
    return stamp;
  }
}
