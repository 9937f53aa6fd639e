/**
 * A local project (`pexship build .`, `--project DIR[extras]`) as a wheel: its requires-python checked against
 * every target first, then built natively when the backend's rules are modelled (native.ts), else through the
 * backend itself (pep517.ts). Results are kept under the cache by the project's content hash, so an unchanged
 * project is not built twice.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JobError, UsageError } from '../errors.js';
import type { IndexClient } from '../index/index.js';
import { parseSpecifierSet } from '../python/pep440.js';
import type { Target } from '../python/platform.js';
import { wheelSupported } from '../python/wheel.js';
import type { ProjectInput } from '../resolve/pyproject.js';
import { PEXSHIP_VERSION } from '../version.js';
import { listProjectFiles, projectContentHash } from './files.js';
import { NotNative } from './metadata.js';
import { buildNative } from './native.js';
import { buildSystemOf, buildWithBackend } from './pep517.js';

export interface ProjectBuildRequest {
  project: ProjectInput;
  targets: Target[];
  client: IndexClient;
  cacheDir: string;
  /** Interpreters to try first for PEP 517 builds (`--python`). */
  interpreters: string[];
  log: (line: string) => void;
  /** Skip the native path (tests and the bench compare both). */
  forcePep517?: boolean;
}

export interface BuiltProject {
  wheel: string;
  /** `native` (written by pexship) or `pep517` (by the backend). */
  how: 'native' | 'pep517';
  backend: string;
  /** Why the native path declined, when it did. */
  reason?: string;
}

/** Refuses a target whose Python the project's `requires-python` excludes, naming both. */
export function checkRequiresPython(project: ProjectInput, targets: Target[]): void {
  if (!project.requiresPython) return;
  let spec;
  try {
    spec = parseSpecifierSet(project.requiresPython);
  } catch {
    throw new UsageError(`${project.file}: requires-python ${JSON.stringify(project.requiresPython)} is not a valid version specifier; fix it (e.g. ">=3.9").`);
  }
  for (const t of targets) {
    const version = t.markerEnvironment.python_full_version;
    if (!spec.contains(version, { prereleases: true })) {
      throw new UsageError(
        `the project ${project.name} requires Python ${project.requiresPython} (requires-python in ${project.file}), but the target ${t.label} (${t.platform}) is Python ${version}; build for a Python it supports, or change requires-python.`,
      );
    }
  }
}

async function writeOnce(dir: string, filename: string, chunks: Buffer[]): Promise<string> {
  const final = path.join(dir, filename);
  if (existsSync(final)) return final;
  await mkdir(dir, { recursive: true });
  const temp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, Buffer.concat(chunks));
  await rename(temp, final);
  return final;
}

function fitsAll(wheel: string, targets: Target[], project: ProjectInput): void {
  const bad = targets.find((t) => !wheelSupported(path.basename(wheel), t));
  if (bad) {
    throw new JobError(`the project ${project.name} was built here as ${path.basename(wheel)}, which does not fit the target ${bad.label} (it holds compiled code for this machine); build it on a machine that matches ${bad.label}.`);
  }
}

export async function buildProjectWheel(req: ProjectBuildRequest): Promise<BuiltProject> {
  const { project, targets } = req;
  checkRequiresPython(project, targets);
  const files = await listProjectFiles(project.dir);
  const system = buildSystemOf(project.doc);
  const hash = await projectContentHash(project.dir, files.files, JSON.stringify([PEXSHIP_VERSION, system]));
  const cacheRoot = path.join(req.cacheDir, 'projects', hash.slice(0, 2), hash);

  let reason: string | undefined;
  if (!req.forcePep517) {
    try {
      const native = await buildNative({ dir: project.dir, doc: project.doc, files });
      return { wheel: await writeOnce(path.join(cacheRoot, 'native'), native.filename, native.chunks), how: 'native', backend: native.backend };
    } catch (e) {
      if (!(e instanceof NotNative)) throw e;
      reason = e.message;
      req.log(`${project.name}: built by its backend (${system.backend}): ${reason}`);
    }
  }
  // The backend runs on the first target's Python version; a pure wheel then serves every target.
  const outDir = path.join(cacheRoot, `cp${targets[0].pythonVersion.join('')}`);
  const cached = existsSync(outDir) ? (await readdir(outDir)).filter((f) => f.endsWith('.whl')) : [];
  if (cached.length === 1) {
    const wheel = path.join(outDir, cached[0]);
    fitsAll(wheel, targets, project);
    return { wheel, how: 'pep517', backend: system.backend, reason };
  }
  const temp = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const built = await buildWithBackend({ dir: project.dir, doc: project.doc, files: files.files, target: targets[0], client: req.client, cacheDir: req.cacheDir, interpreters: req.interpreters, outDir: temp, log: req.log });
    await rm(outDir, { recursive: true, force: true });
    await rename(temp, outDir);
    const wheel = path.join(outDir, path.basename(built));
    fitsAll(wheel, targets, project);
    return { wheel, how: 'pep517', backend: system.backend, reason };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
