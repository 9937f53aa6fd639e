// What we know locally about the PEX being shipped: its hash, size, release id, and release.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { ZipArchive } from '../pex/zip.js';
import { UsageError } from '../errors.js';

export interface ReleasePlan {
  id: string;
  name: string;
  /** File name inside the release directory. */
  file: string;
  localPath: string;
  sha256: string;
  size: number;
  releaseJson: string;
}

/**
 * Release ids sort by name in time order: `<UTC yyyymmddTHHMMSS.mmmZ>-<sha256[:12]>`. The milliseconds keep
 * two deploys in the same second apart and in order.
 */
export function releaseId(sha256: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '');
  return `${stamp}-${sha256.slice(0, 12)}`;
}

/** Ids and names that are safe as one path component and inside JSON and shell without escaping. */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * PEX-INFO from the zip; throws (saying why) when the file is not a zip or has no readable PEX-INFO. Read with
 * our own zip reader: it takes both absolute and prefix-relative offsets, as PEX files have either.
 */
async function readPexInfo(file: string): Promise<Record<string, unknown>> {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(await readFile(file));
  } catch (err) {
    throw new UsageError(`${file} is not a PEX: it is not a zip archive (${(err as Error).message}). Give a PEX built by pexship or pex.`);
  }
  const entry = zip.entries.find((e) => e.name === 'PEX-INFO');
  if (!entry) throw new UsageError(`${file} is a zip without PEX-INFO, so it is not a PEX. Give a PEX built by pexship or pex.`);
  let info: unknown;
  try {
    info = JSON.parse(zip.read(entry).toString('utf8'));
  } catch {
    /* reported below */
  }
  if (!info || typeof info !== 'object' || Array.isArray(info)) throw new UsageError(`${file} is not a PEX: its PEX-INFO is not a JSON object.`);
  return info as Record<string, unknown>;
}

/** Refuses, before any connection, a file that is missing, not a PEX, or a name unsafe on the hosts. */
export async function checkPexFile(pexFile: string, name?: string): Promise<string> {
  const stem = checkPexInput(pexFile, name);
  await readPexInfo(pexFile);
  return stem;
}

function gitSha(explicit?: string): string | null {
  if (explicit) return explicit;
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).toString().trim() || null;
  } catch {
    return null;
  }
}

/** Who deploys, for the lock and history: `user@machine`, reduced to characters safe everywhere. */
export function deployer(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry */
  }
  const who = process.env.GITHUB_ACTOR ? `${process.env.GITHUB_ACTOR}(github)` : `${user}@${hostname()}`;
  return who.replace(/[^A-Za-z0-9@._()+-]/g, '_').slice(0, 80);
}

/** Checks the file and the name up front (usage errors before any connection), returning the name. */
export function checkPexInput(pexFile: string, name?: string): string {
  let info;
  try {
    info = statSync(pexFile);
  } catch {
    throw new UsageError(`${pexFile}: no such file; give the path of the PEX to deploy.`);
  }
  if (!info.isFile()) throw new UsageError(`${pexFile}: not a regular file; give the path of the PEX to deploy.`);
  const stem = name ?? path.basename(pexFile).replace(/\.pex$/i, '');
  if (!SAFE_NAME.test(stem) || stem.length > 100) {
    throw new UsageError(`--name '${stem}': use letters, digits, '.', '_', '+' or '-' (it names the file on the hosts).`);
  }
  return stem;
}

export async function planRelease(pexFile: string, opts: { name?: string; gitSha?: string; now?: Date } = {}): Promise<ReleasePlan> {
  const name = checkPexInput(pexFile, opts.name);
  const info = await stat(pexFile);
  const [sha256, pexInfo] = await Promise.all([sha256File(pexFile), readPexInfo(pexFile)]);
  const now = opts.now ?? new Date();
  const id = releaseId(sha256, now);
  const pexship = (pexInfo?.pexship ?? {}) as Record<string, unknown>;
  const targets = Array.isArray(pexship.targets)
    ? (pexship.targets as Array<{ platform?: string }>).map((t) => t.platform).filter(Boolean)
    : [];
  const release = {
    id,
    name,
    file: `${name}.pex`,
    sha256,
    size: info.size,
    pex_hash: typeof pexInfo?.pex_hash === 'string' ? pexInfo.pex_hash : null,
    git_sha: gitSha(opts.gitSha),
    built_at: info.mtime.toISOString(),
    deployed_at: now.toISOString(),
    deployed_by: deployer(),
    targets,
  };
  return { id, name, file: release.file, localPath: pexFile, sha256, size: info.size, releaseJson: JSON.stringify(release) };
}
