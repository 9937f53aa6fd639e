/**
 * `build`: inputs → targets → resolution (or a lock's selection) → wheels on disk → one PEX per target, or
 * one PEX for several targets when a single output path without `{platform}` is given. Shared by the CLI
 * and the GitHub Action.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { defaultCacheDir, type IndexClient } from '../index/index.js';
import { buildPex, type BuildPexResult, type InheritPath } from '../pex/build.js';
import type { Target } from '../python/platform.js';
import { readProject } from '../resolve/pyproject.js';
import { isProjectArg, type IndexOptions } from './inputs.js';
import type { Progress } from './progress.js';
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
  const cwd = req.cwd ?? process.cwd();
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const pendingTargets = resolveTargets(req);
  let targets: Target[];

  let client: IndexClient;
  let selections: Selected[][];
  let requested: string[];
  let projectName: string | undefined;
  let index: IndexOptions;
  if (req.lock) {
    index = { extraIndexUrls: [], findLinks: [], noIndex: false, ...req.index };
    targets = await pendingTargets;
    selections = await selectFromLock(path.resolve(cwd, req.lock), targets, progress);
    client = makeIndexClient(index, { ...req, cacheDir, cwd });
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
  }
  try {
    const wheelsPerTarget = await fetchSelections(selections, targets, client, { cacheDir, pipIndexArgs: pipIndexArgs(index), python: req.python }, progress);
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
      const result = await buildPex({
        wheels: allWheels,
        sourcesDirs: req.sourcesDirs.map((d) => path.resolve(cwd, d)),
        entryPoint,
        script,
        output,
        shebang: req.shebang ?? defaultShebang(group.targets),
        interpreterConstraints: req.interpreterConstraints,
        inheritPath: req.inheritPath,
        venv: req.venv,
        compress: req.compress,
        requirements: requested,
        cacheDir,
        targets: group.targets.map((t, i) => ({ platform: t.platform, wheels: group.wheels[i].map((w) => path.basename(w)) })),
      });
      pexes.push({ ...result, platform: label, seconds: (performance.now() - started) / 1000 });
    }
    return { pexes, targets, requests: client.requestCount };
  } finally {
    await client.close();
  }
}
