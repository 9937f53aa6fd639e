/**
 * The PEP 517 path, as pip's build isolation does it: a local CPython of the target's version, a fresh venv
 * holding only the build requirements (resolved and downloaded by pexship itself from the configured
 * indexes, hash-checked, then unpacked into the venv), the backend's `get_requires_for_build_wheel` honoured,
 * and `build_wheel` run by a small driver on a clean copy of the project (so stale `*.egg-info` or `build/`
 * folders cannot change the result and the user's tree is not written to).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JobError } from '../errors.js';
import type { IndexClient } from '../index/index.js';
import { installWheel } from '../pex/install.js';
import { memberContent } from '../pex/zip.js';
import { parseRequirement, type Requirement } from '../python/pep508.js';
import { currentTarget, type Target } from '../python/platform.js';
import { resolve } from '../resolve/resolver.js';
import { findInterpreterFor } from '../resolve/sdist-build.js';
import driverPy from './pep517-driver.py';

export interface BackendBuildRequest {
  dir: string;
  doc: Record<string, unknown>;
  /** The project's files (relative), as listed by files.ts: what the clean copy holds. */
  files: string[];
  /** The target whose Python version builds the wheel. */
  target: Target;
  client: IndexClient;
  cacheDir: string;
  /** Interpreters to try first (`--python`). */
  interpreters: string[];
  /** Where to put the wheel. */
  outDir: string;
  log: (line: string) => void;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  // No PYTHONPATH or user site: the build sees the venv and the project, nothing of the caller's environment.
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONNOUSERSITE: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' };
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  return new Promise((done) => {
    execFile(cmd, args, { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      done({ code: err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function tail(r: Run): string {
  return (r.stderr || r.stdout).trim().split('\n').slice(-15).join('\n');
}

/** PEP 517/518 defaults: no [build-system] means setuptools' legacy backend. */
export function buildSystemOf(doc: Record<string, unknown>): { requires: string[]; backend: string; backendPath: string[] } {
  const bs = (doc['build-system'] ?? {}) as Record<string, unknown>;
  const requires = Array.isArray(bs.requires) ? (bs.requires as string[]) : ['setuptools>=40.8.0'];
  const backend = typeof bs['build-backend'] === 'string' ? (bs['build-backend'] as string) : 'setuptools.build_meta:__legacy__';
  const backendPath = Array.isArray(bs['backend-path']) ? (bs['backend-path'] as string[]) : [];
  return { requires, backend, backendPath };
}

/** A venv with exactly the wheels that satisfy `requirements` for `python`; reused by everyone asking for the same set. */
async function buildEnv(python: string, pyTarget: Target, requirements: Requirement[], req: BackendBuildRequest): Promise<string> {
  const resolution = await resolve({ requirements, constraints: [], targets: [pyTarget], pre: false, source: req.client });
  const dists = resolution.targets[0].distributions;
  const needsBuild = dists.filter((d) => d.needsBuild);
  if (needsBuild.length) {
    throw new JobError(`the build requirements of ${req.dir} include ${needsBuild.map((d) => `${d.name} ${d.version}`).join(', ')}, which the index has only as source; put a wheel of it in a --find-links folder.`);
  }
  const wheels = await Promise.all(dists.map((d) => req.client.fetchFile(d.file)));
  const key = createHash('sha256').update(`${python}\0${wheels.map((w) => path.basename(w)).sort().join('\0')}`).digest('hex').slice(0, 32);
  const envDir = path.join(req.cacheDir, 'build-envs', key);
  if (existsSync(path.join(envDir, '.complete'))) {
    // A cache restored on another machine may hold a venv whose interpreter link points nowhere: remake it.
    if (existsSync(path.join(envDir, 'bin', 'python'))) return envDir;
    await rm(envDir, { recursive: true, force: true });
  }

  req.log(`build environment: ${dists.map((d) => `${d.name} ${d.version}`).join(', ') || 'empty'}`);
  const temp = `${envDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(path.dirname(envDir), { recursive: true });
  try {
    const made = await run(python, ['-m', 'venv', '--without-pip', temp], req.cacheDir, 120_000);
    if (made.code !== 0) throw new JobError(`could not make a build environment with ${python} -m venv: ${tail(made)}`);
    const purelib = (await run(path.join(temp, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], req.cacheDir, 60_000)).stdout.trim();
    if (!purelib) throw new JobError(`the build environment made by ${python} has no site-packages folder`);
    for (const w of wheels) {
      const installed = await installWheel(w, { cacheDir: req.cacheDir });
      for (const m of installed.members) {
        if (m.name.includes('.data/')) continue; // scripts and data files are not needed to build
        const target = path.join(purelib, m.name);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, memberContent(m));
      }
    }
    await writeFile(path.join(temp, '.complete'), '');
    try {
      await rename(temp, envDir);
    } catch {
      // Another build made the same environment first: use that one.
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return envDir;
}

/** A copy of the project's files (no VCS folder, egg-info, build output or caches), the git folder linked for version tools. */
async function cleanCopy(req: BackendBuildRequest, into: string): Promise<void> {
  for (const f of req.files) {
    const target = path.join(into, f);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(req.dir, f), target);
  }
  if (existsSync(path.join(req.dir, '.git'))) await symlink(path.join(req.dir, '.git'), path.join(into, '.git'));
}

async function hook(envDir: string, command: 'requires' | 'build', backend: string, backendPath: string[], cwd: string, outDir: string): Promise<Run & { result?: unknown }> {
  const driver = path.join(envDir, 'pexship_pep517_driver.py');
  if (!existsSync(driver)) await writeFile(driver, driverPy);
  const r = await run(path.join(envDir, 'bin', 'python'), [driver, command, backend, JSON.stringify(backendPath), outDir], cwd, 15 * 60_000);
  if (r.code !== 0) return r;
  try {
    return { ...r, result: JSON.parse(r.stdout.trim().split('\n').pop() ?? '') };
  } catch {
    return { ...r, code: 1 };
  }
}

/** Builds the project's wheel with its own backend; returns the wheel's path in `req.outDir`. */
export async function buildWithBackend(req: BackendBuildRequest): Promise<string> {
  const [major, minor] = req.target.pythonVersion;
  const python = await findInterpreterFor([major, minor], req.interpreters);
  if (!python) {
    throw new JobError(
      `building the project ${req.dir} for ${req.target.label} needs its build backend, run by CPython ${major}.${minor} (python${major}.${minor} on PATH, or --python), which was not found. Install that Python, or use a backend and layout pexship builds natively (see the README).`,
    );
  }
  const system = buildSystemOf(req.doc);
  const pyTarget = await currentTarget(python);
  let requirements = system.requires.map((r) => parseRequirement(r));
  const work = path.join(req.cacheDir, 'project-builds', `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const src = path.join(work, 'src');
    await mkdir(src, { recursive: true });
    await cleanCopy(req, src);
    let envDir = await buildEnv(python, pyTarget, requirements, req);
    const asked = await hook(envDir, 'requires', system.backend, system.backendPath, src, req.outDir);
    if (asked.code !== 0) throw new JobError(`the build backend ${system.backend} of ${req.dir} failed to start (get_requires_for_build_wheel):\n${tail(asked)}`);
    const more = (asked.result as string[]).map((r) => parseRequirement(r)).filter((r) => !requirements.some((have) => have.canonicalName === r.canonicalName));
    if (more.length) {
      requirements = [...requirements, ...more];
      envDir = await buildEnv(python, pyTarget, requirements, req);
    }
    await mkdir(req.outDir, { recursive: true });
    const built = await hook(envDir, 'build', system.backend, system.backendPath, src, req.outDir);
    if (built.code !== 0) throw new JobError(`building ${req.dir} with ${system.backend} (CPython ${major}.${minor}) failed:\n${tail(built)}`);
    const name = String(built.result);
    if (path.basename(name) !== name || !name.endsWith('.whl') || !(await readdir(req.outDir)).includes(name)) {
      throw new JobError(`the build backend ${system.backend} of ${req.dir} reported ${JSON.stringify(name)}, which is not a wheel it wrote.`);
    }
    return path.join(req.outDir, name);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
