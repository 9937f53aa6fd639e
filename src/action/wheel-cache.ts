// The wheel cache across workflow runs: the core's content-addressed cache directory, restored before the
// build and saved after it with @actions/cache. Caching only ever speeds a build up: a cache service that is
// missing, read-only, busy (another matrix job saving the same key) or failing costs a warning, never the build.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { parseProjectSpec } from '../resolve/pyproject.js';
import type { BuildInputs, SaveCachePolicy } from './build-inputs.js';

// Bump when the cache directory's layout changes, so old entries are never restored into a new layout.
const LAYOUT_VERSION = 'v1';

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

async function fileDigest(file: string): Promise<string> {
  try {
    return `${file}:${createHash('sha256').update(await readFile(file)).digest('hex')}`;
  } catch {
    // The build reports the missing file properly; the key only has to differ from an existing file's.
    return `${file}:missing`;
  }
}

/** Index URLs in the key without their credentials: rotating a token must not invalidate the cache. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@\s]+@/, '//');
  }
}

/** What names the targets: the platforms and the content of the complete-platform files. */
async function targetsDigest(inputs: BuildInputs): Promise<string> {
  const platforms = inputs.platforms.length > 0 || inputs.completePlatforms.length > 0 ? [...inputs.platforms].sort() : ['current'];
  const completes = await Promise.all(inputs.completePlatforms.map(fileDigest));
  return sha256([...platforms, ...completes.sort()]);
}

/**
 * The lock's hash: the lock file when there is one (it alone decides what gets built); otherwise everything
 * that decides the resolution: requirements, their files, the project, the indexes, `pre`.
 */
async function lockDigest(inputs: BuildInputs): Promise<string> {
  if (inputs.lockFile) return sha256(['lock', await fileDigest(inputs.lockFile)]);
  const files = await Promise.all(
    [...inputs.requirementsFiles, ...inputs.constraintsFiles, ...(inputs.project ? [path.join(parseProjectSpec(inputs.project).dir, 'pyproject.toml')] : [])].map(fileDigest),
  );
  const indexes = [inputs.indexUrl ?? '', ...inputs.extraIndexUrls, ...inputs.findLinks].map(withoutCredentials);
  return sha256(['requirements', ...inputs.requirements, '', ...files, '', ...indexes, `pre=${inputs.pre}`, `no-index=${inputs.noIndex}`]);
}

export interface CacheKeys {
  primary: string;
  /** Most specific first: same targets, then same runner OS and arch. */
  restore: string[];
}

export async function cacheKeys(inputs: BuildInputs, env: NodeJS.ProcessEnv = process.env): Promise<CacheKeys> {
  const runner = `${env.RUNNER_OS || process.platform}-${env.RUNNER_ARCH || process.arch}`;
  const byRunner = `pexship-wheels-${LAYOUT_VERSION}-${runner}-`;
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
