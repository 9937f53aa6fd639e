/**
 * `lock`: resolve for every target and write one PEP 751 pylock.toml covering them all (atomically).
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { hashLocalFile } from '../index/find-links.js';
import { defaultCacheDir, type IndexClient } from '../index/index.js';
import { stripCredentials } from '../index/auth.js';
import { redactUrl } from '../index/redact.js';
import type { IndexFile } from '../index/types.js';
import type { Target } from '../python/platform.js';
import { canonicalName } from '../python/pep508.js';
import { writePylock } from '../resolve/pylock.js';
import { busyStart, timePhase } from '../timings.js';
import type { Progress } from './progress.js';
import { resolveInputs, resolveTargets, type SourceRequest, type TargetRequest } from './resolve-targets.js';

export interface LockRequest extends SourceRequest, TargetRequest {
  output: string;
}

export interface LockSummary {
  path: string;
  targets: Target[];
  packages: number;
  requests: number;
}

/** A direct reference without `#sha256=`: say how to add one, with the digest of the file there now. */
async function directReferenceWithoutHash(name: string, file: IndexFile, client: IndexClient): Promise<UsageError> {
  const url = redactUrl(file.url);
  let digest = '<the file\'s sha256; pip hash FILE prints it>';
  try {
    digest = (await hashLocalFile(await client.fetchFile(file))).sha256;
  } catch {
    // Unreachable now: the message still says what to write.
  }
  return new UsageError(
    `${name} @ ${url} has no hash, and a lock pins every file by hash; add it to the URL: '${name} @ ${url}#sha256=${digest}'` +
      (digest.startsWith('<') ? '.' : ' (the sha256 of the file there now: check it against a source you trust).'),
  );
}

export async function lock(req: LockRequest, progress: Progress): Promise<LockSummary> {
  const cwd = req.cwd ?? process.cwd();
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const { inputs, client, resolution, targets } = await timePhase('resolve', () => resolveInputs({ ...req, cacheDir, cwd }, resolveTargets(req, cacheDir), progress));
  try {
    // The local project was built into the cache to read its metadata: the lock pins what it depends on, not
    // that cache file.
    const project = inputs.project ? canonicalName(inputs.project.name) : undefined;
    const locked = resolution.targets.map((t) => t.distributions.filter((d) => !(project && d.name === project && d.url)));
    for (const distributions of locked) {
      const sha = distributions.find((d) => !d.file.hashes.sha256);
      if (sha?.url) throw await directReferenceWithoutHash(sha.name, sha.file, client);
      if (sha) {
        throw new UsageError(`${sha.name} ${sha.version} (${sha.file.filename}) comes from ${sha.file.index} without a sha256, and a lock must pin every file by hash; use an index that publishes hashes.`);
      }
    }
    // PEP 751's `index` names a package index; files from find-links or direct URLs have none.
    const indexes = new Set(client.indexLabels);
    const written = busyStart('write'); // not performance.now(): its first use loads perf_hooks
    const text = writePylock(
      locked.map((distributions) =>
        distributions.map((d) => ({
          name: d.name,
          version: d.version,
          // A lock is committed and shared: a password in a URL stays out (builds take it from netrc or PEXSHIP_INDEX_*).
          file: { filename: d.file.filename, url: /^https?:/i.test(d.file.url) ? stripCredentials(d.file.url) : d.file.url, hashes: d.file.hashes, size: d.file.size, requiresPython: d.file.requiresPython },
          needsBuild: d.needsBuild,
          index: !d.url && indexes.has(d.file.index) ? d.file.index : undefined,
          extras: d.extras,
        })),
      ),
      { targets, requirements: inputs.requested },
    );
    const output = path.resolve(cwd, req.output);
    const temp = path.join(path.dirname(output), `.${path.basename(output)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      await writeFile(temp, text);
      await rename(temp, output);
    } catch (e) {
      await unlink(temp).catch(() => {});
      throw new UsageError(`could not write ${req.output}: ${(e as Error).message}; check that its folder exists and is writable.`);
    }
    written();
    const names = new Set(locked.flatMap((list) => list.map((d) => `${d.name}==${d.version}`)));
    return { path: output, targets, packages: names.size, requests: client.requestCount };
  } finally {
    await timePhase('close', () => client.close());
  }
}
