/**
 * Reusing a resolution. A resolution is a function of its inputs and of what the indexes answered; on a warm
 * run those answers are cache records used without asking the network while they are fresh (`fetchPage`).
 * So while the inputs are the same and every page record the last resolution rested on is unchanged (same
 * sha256 of key and body, see `RecordStore.stampOf`) and fresh, resolving again would read the same records
 * and reach the same answer: it is read back instead. A resolution that rested on anything else (a local folder or file, metadata not kept by
 * hash, a page the index does not let us keep, a failure) is not kept, but for local wheels keyed by all of
 * them the resolver reads (`KeyedLocalFile`): one required by path by its sha256, and the wheel built from the
 * user's own project (`lock .`) by its file name and version-picking metadata. That wheel's path and sha256
 * change with every edit of a source file, so the kept resolution holds placeholders for them, filled in with
 * the wheel built this time. A find-links folder or local index stays out: keying by its listing would mean
 * hashing every file in it each run. `--refresh` resolves again.
 *
 * Stored as `<cache>/resolutions/<sha256 of the inputs>.json`.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256Hex, writeFileAtomic } from '../index/cache.js';
import type { IndexClient } from '../index/index.js';
import type { ResolvedDistribution, Resolution, ResolveRequest } from '../resolve/resolver.js';
import { PEXSHIP_VERSION } from '../version.js';

/** Bump when `Stored` changes: older files then simply match no key. */
const MEMO_FORMAT = 1;

interface Stored {
  pages: [url: string, stamp: string][];
  freshUntil: number;
  /** Per target, in the request's order. */
  distributions: ResolvedDistribution[][];
}

/** A local file a kept resolution may rest on: `identity` is all of it that can change the answer. */
export interface KeyedLocalFile {
  /** Its `file:` URL, without a fragment. */
  url: string;
  sha256: string;
  identity: string;
}

/** Stands a placeholder for each keyed file's URL and sha256 in `text`, or (`back`) the files' own. */
function placeholders(text: string, locals: KeyedLocalFile[], back = false): string {
  return locals.reduce((t, local, i) => {
    const pairs: [string, string][] = [
      [local.url, `pexship-local-${i}-url`],
      [local.sha256, `pexship-local-${i}-sha256`],
    ];
    return pairs.reduce((u, [own, held]) => (back ? u.split(held).join(own) : u.split(own).join(held)), t);
  }, text);
}

/** Names one version of a file (a rewritten file gets a new inode or mtime). */
function fileStamp(file: string): string | undefined {
  const s = statSync(file, { throwIfNoEntry: false });
  return s && `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** Everything that can change the answer, besides the index pages: equal keys, equal resolutions. */
function inputsKey(request: Omit<ResolveRequest, 'source' | 'onProgress'>, sources: string[], locals: KeyedLocalFile[]): string {
  const deps = request.dependencies;
  return JSON.stringify({
    // This code itself: a release or a rebundle (which rewrites the program's main file) may resolve differently.
    pexship: [MEMO_FORMAT, PEXSHIP_VERSION, process.argv[1] ? fileStamp(process.argv[1]) : null],
    sources,
    requirements: request.requirements.map((r) => placeholders(String(r), locals)),
    locals: locals.map((l) => l.identity),
    constraints: (request.constraints ?? []).map(String),
    // The whole target (tags, marker values; for `current` what the interpreter probe said).
    targets: request.targets,
    pre: request.pre ?? false,
    hashes: [...(request.hashes ?? [])].map(([name, digests]) => [name, [...digests].sort()]).sort(),
    formatControl: request.formatControl?.key() ?? null,
    preferBinary: request.preferBinary ?? false,
    allowSdists: request.allowSdists ?? true,
    dependencies: deps ? [deps.excludes.map(String), deps.overrides.map((o) => [o.project, String(o.requirement)]), deps.transitive] : null,
  });
}

export class ResolutionMemo {
  private readonly file: string;

  constructor(
    request: Omit<ResolveRequest, 'source' | 'onProgress'>,
    private readonly client: IndexClient,
    private readonly locals: KeyedLocalFile[] = [],
  ) {
    for (const local of locals) client.keyedByCaller(local.url);
    this.file = path.join(client.cache.root, 'resolutions', `${sha256Hex(inputsKey(request, client.sourceLabels, locals))}.json`);
  }

  /** The kept resolution for these inputs when every page it rests on is unchanged and fresh now. */
  reuse(targets: ResolveRequest['targets']): Resolution | undefined {
    try {
      const stored = JSON.parse(placeholders(readFileSync(this.file, 'utf8'), this.locals, true)) as Stored;
      if (!(Date.now() < stored.freshUntil) || stored.distributions.length !== targets.length) return undefined;
      for (const [url, stamp] of stored.pages) if (this.client.cache.responseStamp('page', url) !== stamp) return undefined;
      return { targets: targets.map((target, i) => ({ target, distributions: stored.distributions[i] })) };
    } catch {
      return undefined; // none yet, or damaged: resolve
    }
  }

  /**
   * Keeps `resolution` when everything it rests on can be checked later, and now and then drops kept ones a
   * day old (their pages are long stale). Returns why it was not kept. A cache that can't be written is no error.
   */
  async keep(resolution: Resolution): Promise<string | undefined> {
    const basis = this.client.answerBasis();
    if ('unprovable' in basis) return basis.unprovable;
    const stored: Stored = { ...basis, distributions: resolution.targets.map((t) => t.distributions) };
    await writeFileAtomic(this.file, placeholders(JSON.stringify(stored), this.locals)).catch(() => {});
    await sweepOldResolutions(path.dirname(this.file));
    return undefined;
  }
}

const DAY_MS = 86_400_000;

/**
 * Drops the kept resolutions (and any temporary file a killed run left) not written for a day, at most once a
 * day per cache: the mtime of `<dir>/.swept` says when the last sweep began. A sweep first moves that stamp on,
 * so runs at the same time mostly skip it; two that sweep together only remove the same old files. A sweep
 * cut short leaves old files for the next one, and a resolution is only ever a shortcut: losing one costs a
 * resolve, never a wrong answer.
 */
export async function sweepOldResolutions(dir: string, now = Date.now()): Promise<void> {
  const stamp = path.join(dir, '.swept');
  const last = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  if (last !== undefined && now - last < DAY_MS && last <= now) return;
  try {
    await writeFile(stamp, '');
    await utimes(stamp, now / 1000, now / 1000);
  } catch {
    return; // a cache that can't be written keeps what it has
  }
  for (const name of await readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    if (file !== stamp && (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < now - DAY_MS) await rm(file, { force: true }).catch(() => {});
  }
}
