/**
 * `build`: inputs → targets → resolution (or a lock's selection) → wheels on disk → one PEX per target, or
 * one PEX for several targets when a single output path without `{platform}` is given. Shared by the CLI
 * and the GitHub Action.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { defaultCacheDir, type IndexClient } from '../index/index.js';
import { checkEntryInputs } from '../pex/entry-check.js';
import { buildPex, type BuildPexResult, type InheritPath, type VenvBinPath } from '../pex/build.js';
import { LAYOUTS, type Layout } from '../pex/layout.js';
import type { Target } from '../python/platform.js';
import type { FormatOption } from '../resolve/format-control.js';
import { readProject } from '../resolve/pyproject.js';
import { findInterpreterFor } from '../resolve/sdist-build.js';
import type { HashMode } from './hash-mode.js';
import { isProjectArg, type IndexOptions } from './inputs.js';
import type { Progress, ProgressTask } from './progress.js';
import { shellWords } from '../shell-words.js';
import { timePhase } from '../timings.js';
import {
  addProjectToLock,
  fetchSelections,
  makeIndexClient,
  pipIndexArgs,
  resolveInputs,
  resolveTargets,
  selectedFromResolution,
  selectFromLock,
  type Selected,
} from './resolve-targets.js';

export interface BuildRequest {
  /** PEP 508 strings, wheel paths or URLs, `name @ url`. */
  requirements: string[];
  requirementFiles: string[];
  constraintFiles: string[];
  /** `DIR` or `DIR[extra,…]` holding a pyproject.toml. */
  project?: string;
  /** A PEP 751 pylock.toml to build exactly. */
  lock?: string;
  sourcesDirs: string[];
  entryPoint?: string;
  script?: string;
  platforms: string[];
  completePlatforms: string[];
  index: Partial<IndexOptions>;
  pre: boolean;
  /** pip's `--require-hashes`. */
  requireHashes?: boolean;
  /** pip's `--only-binary` / `--no-binary`, in the order given. */
  formatOptions?: { option: FormatOption; value: string }[];
  /** pip's `--prefer-binary`. */
  preferBinary?: boolean;
  /** `-o`; may hold `{platform}` and `{name}`. */
  output?: string;
  shebang?: string;
  interpreterConstraints: string[];
  inheritPath: InheritPath;
  venv: boolean;
  compress: boolean;
  cacheDir?: string;
  /** Interpreter for the `current` target and for building sdists. */
  python?: string;
  cwd?: string;
  timeoutMs?: number;
  retries?: number;
  /** pex's `--layout`: `zipapp` (default), `packed` or `loose`. */
  layout?: Layout;
  /** Include .pyc files made by a local CPython of each target's version. */
  compile?: boolean;
  /** `--inject-args`: each split like a shell command line. */
  injectArgs?: string[];
  /** `--inject-env NAME=VALUE`. */
  injectEnv?: string[];
  /** `--pex-path`: other PEXes (each entry may be ':'-separated). */
  pexPath?: string[];
  /** `--venv prepend|append` (implies venv). */
  venvBinPath?: VenvBinPath;
  shBoot?: boolean;
  /** `--exclude`, `--override`, `--no-transitive` (transitive: false). */
  excludes?: string[];
  overrides?: string[];
  transitive?: boolean;
  /** Connections to one index host at once (`--max-connections`). */
  maxConnections?: number;
  /** Ask the indexes again for every page, however fresh the cached one (`--refresh`). */
  refresh?: boolean;
}

export interface BuiltPex extends BuildPexResult {
  /** The target label(s) the PEX serves, e.g. `linux-x86_64-cp311`. */
  platform: string;
  seconds: number;
}

export interface BuildSummary {
  pexes: BuiltPex[];
  targets: Target[];
  /** HTTP requests made to indexes (for -v and the action's summary). */
  requests: number;
}

const LOCK_ONLY = '--lock builds exactly what the lock holds (plus your project, . or --project DIR); drop the requirements and -r files, or drop --lock.';

const INTERPRETER_CONSTRAINT = /^(CPython|PyPy)?\s*((?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*(?:,\s*(?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*)*)?$/;

function checkRequest(req: BuildRequest): void {
  for (const ic of req.interpreterConstraints) {
    if (ic.trim() === '' || !INTERPRETER_CONSTRAINT.test(ic.trim())) {
      throw new UsageError(`--interpreter-constraint '${ic}' is not of the form CPython>=3.9,<3.14 (an implementation name and/or PEP 440 specifiers).`);
    }
  }
  if (req.entryPoint && req.script) throw new UsageError('give either an entry point (-e/-m) or a console script (-c), not both.');
  if (req.lock && (req.requirements.length > 1 || req.requirementFiles.length || (req.project && req.requirements.length))) {
    throw new UsageError(LOCK_ONLY);
  }
  if (req.lock && (req.excludes?.length || req.overrides?.length || req.transitive === false)) {
    throw new UsageError('--exclude, --override and --no-transitive change a resolve; --lock builds exactly what the lock holds. Drop them, or drop --lock.');
  }
  if (req.layout !== undefined && !LAYOUTS.includes(req.layout)) {
    throw new UsageError(`--layout takes ${LAYOUTS.join(', ')}, got '${req.layout}'.`);
  }
  if (req.venvBinPath !== undefined && !['false', 'prepend', 'append'].includes(req.venvBinPath)) {
    throw new UsageError(`--venv takes no value, prepend or append, got '${req.venvBinPath}'.`);
  }
  if (req.shBoot && req.layout && req.layout !== 'zipapp') {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${req.layout} directory runs with 'python DIR', so drop one of them.`);
  }
}

/** `--inject-env NAME=VALUE` entries as an object; a bad entry names itself and the form. */
function injectedEnv(entries: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of entries) {
    const eq = e.indexOf('=');
    const name = e.slice(0, eq);
    if (eq <= 0 || !/^[^\0=]+$/.test(name)) throw new UsageError(`--inject-env '${e}' is not NAME=VALUE (e.g. --inject-env PORT=8000).`);
    if (e.includes('\0')) throw new UsageError(`--inject-env '${name}' holds a NUL character, which no environment can.`);
    env[name] = e.slice(eq + 1);
  }
  return env;
}

/** A local CPython of each group target's version, to make .pyc files (byte-code is per X.Y, not per platform). */
async function compilers(targets: Target[], python: string | undefined): Promise<string[]> {
  const found: string[] = [];
  for (const t of targets) {
    const exe = t.interpreter ?? (await findInterpreterFor(t.pythonVersion, python ? [python] : []));
    if (!exe) {
      const v = t.pythonVersion.join('.');
      throw new UsageError(
        `--compile needs a local CPython ${v} to make byte-code for the target ${t.label} (byte-code depends on the Python version, not the platform), and none was found (python${v} on PATH or pyenv, or --python). Install python${v}, or drop --compile.`,
      );
    }
    found.push(exe);
  }
  return found;
}

/** `{name}` in output paths: the project, the console script, the entry point's top module, or `app`. */
function pexName(req: BuildRequest, projectName?: string): string {
  const raw = projectName ?? req.script ?? (req.entryPoint ? req.entryPoint.split(/[.:]/)[0] : 'app');
  return raw.replace(/[^\w.-]+/g, '_');
}

/** `python3.X` when every target is one minor version, else `python3`. */
function defaultShebang(targets: Target[]): string {
  const minors = new Set(targets.map((t) => t.pythonVersion.join('.')));
  return minors.size === 1 ? `/usr/bin/env python${[...minors][0]}` : '/usr/bin/env python3';
}

export async function build(req: BuildRequest, progress: Progress): Promise<BuildSummary> {
  checkRequest(req);
  const injectArgs = (req.injectArgs ?? []).flatMap((a) =>
    shellWords(a, (why) => {
      throw new UsageError(`--inject-args '${a}' ${why}.`);
    }),
  );
  const injectEnv = injectedEnv(req.injectEnv ?? []);
  const pexPath = (req.pexPath ?? []).flatMap((p) => p.split(':')).filter((p) => p !== '');
  const venvBinPath = req.venvBinPath ?? 'false';
  const cwd = req.cwd ?? process.cwd();
  // Before any network work: a typo in -e or a missing -D folder costs nothing to find now.
  await checkEntryInputs(req.entryPoint, req.sourcesDirs.map((d) => path.resolve(cwd, d)));
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const pendingTargets = resolveTargets(req, cacheDir);
  let targets: Target[];

  let client: IndexClient;
  let selections: Selected[][];
  let requested: string[];
  let projectName: string | undefined;
  let index: IndexOptions;
  let hashMode: HashMode | undefined;
  if (req.lock) {
    index = { extraIndexUrls: [], findLinks: [], noIndex: false, ...req.index };
    targets = await pendingTargets;
    selections = await selectFromLock(path.resolve(cwd, req.lock), targets, progress);
    client = makeIndexClient(index, { ...req, cacheDir, cwd }, progress);
    requested = [];
    const projectSpec = req.project ?? req.requirements[0];
    if (projectSpec !== undefined) {
      if (!req.project && !(await isProjectArg(projectSpec, cwd))) throw new UsageError(LOCK_ONLY);
      const project = await readProject(projectSpec, { cwd });
      await addProjectToLock(project, req.lock, selections, targets, client, { ...req, cacheDir, cwd }, progress).catch(async (e) => {
        await client.close();
        throw e;
      });
      projectName = project.name;
      requested = [project.name];
    }
  } else {
    const resolved = await resolveInputs({ ...req, cacheDir, cwd, allowEmpty: req.sourcesDirs.length > 0 || Boolean(req.entryPoint) }, pendingTargets, progress);
    targets = resolved.targets;
    client = resolved.client;
    index = resolved.inputs.index;
    selections = resolved.resolution.targets.map((t) => t.distributions.map(selectedFromResolution));
    requested = resolved.inputs.requested;
    projectName = resolved.inputs.project?.name;
    hashMode = resolved.inputs.hashMode;
    const projectDir = resolved.inputs.project?.dir;
    for (const d of req.sourcesDirs) {
      const full = path.resolve(cwd, d);
      if (projectDir && (full === projectDir || full.startsWith(projectDir + path.sep))) {
        progress.warn(`-D ${d} is inside the project ${projectName}, whose code the PEX already holds as a wheel; drop -D ${d} (its loose copy, stale *.egg-info included, would shadow the wheel).`);
      }
    }
  }
  try {
    const wheelsPerTarget = await timePhase('fetch', () => fetchSelections(selections, targets, client, { cacheDir, pipIndexArgs: pipIndexArgs(index), python: req.python, hashMode }, progress));
    // The project is a wheel in the PEX like any other, so -c finds its [project.scripts] there.
    const entryPoint = req.entryPoint;
    const script = req.script;
    const name = pexName(req, projectName);
    const template = req.output ?? path.join('dist', '{name}-{platform}.pex');
    const perTarget = template.includes('{platform}') || targets.length === 1;
    const groups = perTarget ? targets.map((t, i) => ({ targets: [t], wheels: [wheelsPerTarget[i]] })) : [{ targets, wheels: wheelsPerTarget }];
    const pexes: BuiltPex[] = [];
    for (const group of groups) {
      const label = group.targets.map((t) => t.label).join('+');
      const output = path.resolve(cwd, template.replaceAll('{platform}', label).replaceAll('{name}', name));
      const allWheels = [...new Set(group.wheels.flat())];
      progress.step(`write ${path.relative(cwd, output) || output} (${label}, ${allWheels.length} distributions)`);
      const started = performance.now();
      const compileWith = req.compile ? await compilers(group.targets, req.python) : undefined;
      let writing: ProgressTask | undefined;
      const result = await buildPex({
        onWrite: (bytes, total) => {
          writing ??= progress.task('write', 'bytes', total);
          writing.advance(bytes);
        },
        wheels: allWheels,
        sourcesDirs: req.sourcesDirs.map((d) => path.resolve(cwd, d)),
        entryPoint,
        script,
        output,
        shebang: req.shebang ?? defaultShebang(group.targets),
        interpreterConstraints: req.interpreterConstraints,
        inheritPath: req.inheritPath,
        venv: req.venv || venvBinPath !== 'false',
        venvBinPath,
        compress: req.compress,
        layout: req.layout,
        compileWith,
        injectArgs,
        injectEnv,
        pexPath,
        shBoot: req.shBoot,
        excluded: req.excludes ?? [],
        overridden: req.overrides ?? [],
        requirements: requested,
        cacheDir,
        targets: group.targets.map((t, i) => ({ platform: t.platform, wheels: group.wheels[i].map((w) => path.basename(w)) })),
      });
      writing?.done();
      pexes.push({ ...result, platform: label, seconds: (performance.now() - started) / 1000 });
    }
    return { pexes, targets, requests: client.requestCount };
  } finally {
    await client.close();
  }
}
