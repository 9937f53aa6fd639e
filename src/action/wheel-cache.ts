// The wheel cache across workflow runs: the core's content-addressed cache directory, restored before the
// build and saved after it with @actions/cache. Caching only ever speeds a build up: a cache service that is
// missing, read-only, busy (another matrix job saving the same key) or failing costs a warning, never the build.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { CACHE_FORMAT } from '../index/cache.js';
import { currentTarget } from '../python/platform.js';
import { parseProjectSpec } from '../resolve/pyproject.js';
import type { BuildInputs, SaveCachePolicy } from './build-inputs.js';

// The key names the core's cache format and how this module builds keys: a change to either starts afresh.
const KEY_SCHEME = 2;
const KEY_PREFIX = `pexship-wheels-v${CACHE_FORMAT}.${KEY_SCHEME}-`;

/** Under the runner's tool cache (kept between jobs on self-hosted runners), else the job's temp folder. */
export function wheelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP || os.tmpdir();
  return path.join(root, 'pexship', 'cache');
}

function sha256(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** URLs without their user and password: rotating a token must not invalidate the cache. */
function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, '$1');
}

/** `-r FILE`, `--requirement=FILE`, `-c FILE`, `--constraint FILE` lines: the files a requirements file includes. */
const INCLUDE = /^\s*(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/;

/**
 * Every local file the resolution reads, from the given ones through their nested `-r`/`-c` includes (relative
 * to the including file, as pip reads them), each named with its content's hash, credentials in URLs left out.
 */
async function inputFilesDigest(files: string[]): Promise<string[]> {
  const digests: string[] = [];
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    const full = path.resolve(file);
    if (seen.has(full)) return;
    seen.add(full);
    let text: string;
    try {
      text = await readFile(full, 'utf8');
    } catch {
      // The build reports the missing file properly; the key only has to differ from an existing file's.
      digests.push(`${file}:missing`);
      return;
    }
    digests.push(`${file}:${sha256([withoutCredentials(text)])}`);
    for (const line of text.split(/\r?\n/)) {
      const include = INCLUDE.exec(line)?.[1];
      if (include && !/^[a-z][a-z0-9+.-]*:\/\//i.test(include)) await visit(path.join(path.dirname(full), include));
    }
  };
  for (const file of files) await visit(file);
  return digests;
}

/** The current interpreter's tags and markers (what `current` resolves and selects wheels by). */
async function currentInterpreterDigest(): Promise<string> {
  try {
    const target = await currentTarget();
    return sha256([JSON.stringify(target.tags), JSON.stringify(target.markerEnvironment), target.pythonFullVersion ?? '']);
  } catch (err) {
    // No python3: the build fails with the reason; the key just must not match a real interpreter's.
    return `unavailable: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** What names the targets: the platforms, the complete-platform files, and for `current` the interpreter itself. */
async function targetsDigest(inputs: BuildInputs): Promise<string> {
  const platforms = inputs.platforms.length > 0 || inputs.completePlatforms.length > 0 ? [...inputs.platforms].sort() : ['current'];
  const completes = await inputFilesDigest(inputs.completePlatforms);
  const current = platforms.some((p) => p.toLowerCase() === 'current') ? [await currentInterpreterDigest()] : [];
  return sha256([...platforms, ...completes.sort(), ...current]);
}

/**
 * The lock's hash: the lock file when there is one (it alone decides what gets built); otherwise everything
 * that decides the resolution: requirements, every file they read, the project and its extras, the indexes, `pre`.
 */
async function lockDigest(inputs: BuildInputs): Promise<string> {
  if (inputs.lockFile) return sha256(['lock', ...(await inputFilesDigest([inputs.lockFile]))]);
  const files = await inputFilesDigest([
    ...inputs.requirementsFiles,
    ...inputs.constraintsFiles,
    ...(inputs.project ? [path.join(parseProjectSpec(inputs.project).dir, 'pyproject.toml')] : []),
  ]);
  const indexes = [inputs.indexUrl ?? '', ...inputs.extraIndexUrls, ...inputs.findLinks].map(withoutCredentials);
  return sha256([
    'requirements',
    ...inputs.requirements.map(withoutCredentials),
    '',
    ...files,
    '',
    `project=${inputs.project ?? ''}`,
    ...indexes,
    `pre=${inputs.pre}`,
    `no-index=${inputs.noIndex}`,
  ]);
}

export interface CacheKeys {
  primary: string;
  /** Most specific first: same targets, then same runner OS and arch. */
  restore: string[];
}

export async function cacheKeys(inputs: BuildInputs, env: NodeJS.ProcessEnv = process.env): Promise<CacheKeys> {
  const runner = `${env.RUNNER_OS || process.platform}-${env.RUNNER_ARCH || process.arch}`;
  const byRunner = `${KEY_PREFIX}${runner}-`;
  const byTargets = `${byRunner}${(await targetsDigest(inputs)).slice(0, 16)}-`;
  return { primary: `${byTargets}${(await lockDigest(inputs)).slice(0, 32)}`, restore: [byTargets, byRunner] };
}

/**
 * The library reports 5xx answers with `core.error`, which shows as an error annotation on a build that
 * succeeded. While it runs we turn its error commands into warnings, so a cache outage reads as what it is.
 */
export async function errorsAsWarnings<T>(operation: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && chunk.startsWith('::error')) chunk = '::warning' + chunk.slice('::error'.length);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stdout.write;
  try {
    return await operation();
  } finally {
    process.stdout.write = write;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function cacheServiceAvailable(): boolean {
  try {
    return cache.isFeatureAvailable();
  } catch {
    return false;
  }
}

export interface RestoreResult {
  /** The key restored, if any. */
  matchedKey?: string;
  /** The primary key itself was found: nothing new to save. */
  exactHit: boolean;
}

export async function restoreWheelCache(dir: string, keys: CacheKeys): Promise<RestoreResult> {
  if (!cacheServiceAvailable()) {
    core.warning('The GitHub cache service is not available to this job (ACTIONS_RESULTS_URL is not set), so wheels are not cached between runs.');
    return { exactHit: false };
  }
  try {
    const matchedKey = await errorsAsWarnings(() => cache.restoreCache([dir], keys.primary, keys.restore));
    if (matchedKey === undefined) core.info(`No wheel cache yet for ${keys.primary}.`);
    else core.info(`Restored the wheel cache from ${matchedKey}${matchedKey === keys.primary ? '' : ' (a partial match; the new wheels are saved under the full key)'}.`);
    return { matchedKey, exactHit: matchedKey === keys.primary };
  } catch (err) {
    core.warning(`Could not restore the wheel cache (the build goes on without it): ${message(err)}`);
    return { exactHit: false };
  }
}

/** The default branch from the event payload; undefined when the payload does not say. */
async function defaultBranch(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: unknown } };
    const branch = payload.repository?.default_branch;
    return typeof branch === 'string' ? branch : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether to save: `always`, `never`, or `auto` = only on the default branch, whose caches every branch
 * and pull request can restore (a branch's own caches are visible to that branch alone and use up the quota).
 */
export async function shouldSave(policy: SaveCachePolicy, env: NodeJS.ProcessEnv = process.env): Promise<{ save: boolean; reason: string }> {
  if (policy === 'always') return { save: true, reason: "save-cache is 'always'" };
  if (policy === 'never') return { save: false, reason: "save-cache is 'never'" };
  const branch = await defaultBranch(env);
  if (!branch) return { save: false, reason: "save-cache is 'auto' and the event payload does not name the default branch" };
  const onDefault = env.GITHUB_REF === `refs/heads/${branch}`;
  return onDefault
    ? { save: true, reason: `save-cache is 'auto' and this is the default branch (${branch})` }
    : { save: false, reason: `save-cache is 'auto' and ${env.GITHUB_REF || 'this ref'} is not the default branch (${branch})` };
}

/** Saves the cache directory under the primary key; true when it was saved. */
export async function saveWheelCache(dir: string, keys: CacheKeys): Promise<boolean> {
  if (!cacheServiceAvailable()) return false;
  try {
    const id = await errorsAsWarnings(() => cache.saveCache([dir], keys.primary));
    if (id === -1) {
      // The library has already said why (another job saving the same key, a read-only token, an outage).
      core.warning(`The wheel cache was not saved under ${keys.primary}; the next run downloads the missing wheels again.`);
      return false;
    }
    core.info(`Saved the wheel cache under ${keys.primary}.`);
    return true;
  } catch (err) {
    core.warning(`Could not save the wheel cache (the build itself succeeded): ${message(err)}`);
    return false;
  }
}
