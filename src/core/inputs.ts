/**
 * Gathers what a build or lock is asked for (positional requirements, -r files, --constraints, --project)
 * into one shape: parsed requirements, constraints, wheel files given directly, hashes and index options.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { parseRequirement, type Requirement } from '../python/pep508.js';
import { parseWheelFilename } from '../python/wheel.js';
import { parseProjectSpec, readProject, type ProjectInput } from '../resolve/pyproject.js';
import { checkHashMode, readRequirementsFile, type RequirementEntry, type RequirementsInput } from '../resolve/requirements-file.js';

export interface IndexOptions {
  indexUrl?: string;
  extraIndexUrls: string[];
  findLinks: string[];
  noIndex: boolean;
}

export interface GatheredInputs {
  /** Every requirement, including `name @ url` direct references to wheels given as paths or URLs. */
  requirements: Requirement[];
  constraints: Requirement[];
  /** pip --require-hashes: canonical name → accepted sha256 digests. Empty when hashes are not required. */
  hashes: Map<string, Set<string>>;
  index: IndexOptions;
  pre: boolean;
  project?: ProjectInput;
  /** The strings the user asked for, recorded in PEX-INFO. */
  requested: string[];
  warnings: string[];
}

export interface InputRequest {
  requirements: string[];
  requirementFiles: string[];
  constraintFiles: string[];
  project?: string;
  index: Partial<IndexOptions>;
  pre: boolean;
  cwd?: string;
  /** Nothing to resolve is fine (an application with no dependencies, its code from -D). */
  allowEmpty?: boolean;
}

/** pip's rule: `.`, `..`, or a path with a separator (optionally `[extras]`) that is a folder names a local project. */
export async function isProjectArg(arg: string, cwd: string): Promise<boolean> {
  const dir = parseProjectSpec(arg).dir;
  if (/^(https?|file):\/\//i.test(dir) || dir.toLowerCase().endsWith('.whl')) return false;
  if (!(dir === '.' || dir === '..' || dir.includes('/') || dir.includes(path.sep))) return false;
  try {
    return (await stat(path.resolve(cwd, dir))).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** A positional argument: a wheel path or URL becomes `name @ file:///…`; anything else is PEP 508. */
async function positionalRequirement(arg: string, cwd: string): Promise<Requirement> {
  const isUrl = /^(https?|file):\/\//i.test(arg);
  if (arg.toLowerCase().endsWith('.whl')) {
    const filename = decodeURIComponent(isUrl ? new URL(arg).pathname.split('/').pop()! : path.basename(arg));
    const wheel = parseWheelFilename(filename);
    let url = arg;
    if (!isUrl) {
      const full = path.resolve(cwd, arg);
      if (!(await isFile(full))) throw new UsageError(`wheel ${arg} does not exist; check the path.`);
      url = pathToFileURL(full).href;
    }
    return parseRequirement(`${wheel.name} @ ${url}`);
  }
  try {
    return parseRequirement(arg);
  } catch (e) {
    throw new UsageError(`requirement '${arg}' is not valid: ${(e as Error).message.split('\n')[0]}. Write it as PEP 508, e.g. 'flask>=3' or 'name @ https://…/file.whl'.`);
  }
}

function entryHashes(entries: RequirementEntry[], into: Map<string, Set<string>>): void {
  for (const e of entries) {
    if (!e.hashes.length) continue;
    const set = into.get(e.requirement.canonicalName) ?? new Set<string>();
    for (const h of e.hashes) {
      const [alg, hex] = h.split(':');
      if (alg === 'sha256') set.add(hex);
    }
    into.set(e.requirement.canonicalName, set);
  }
}

export async function gatherInputs(req: InputRequest): Promise<GatheredInputs> {
  const cwd = req.cwd ?? process.cwd();
  const requirements: Requirement[] = [];
  const constraints: Requirement[] = [];
  const hashes = new Map<string, Set<string>>();
  const warnings: string[] = [];
  const index: IndexOptions = {
    indexUrl: req.index.indexUrl,
    extraIndexUrls: [...(req.index.extraIndexUrls ?? [])],
    findLinks: [...(req.index.findLinks ?? [])],
    noIndex: req.index.noIndex ?? false,
  };
  let pre = req.pre;
  const requested = [...req.requirements];

  let projectSpec = req.project;
  for (const arg of req.requirements) {
    if (await isProjectArg(arg, cwd)) {
      if (projectSpec) throw new UsageError(`two local projects are given (${projectSpec} and ${arg}); build one project per PEX, and list the other's wheel or requirements.`);
      projectSpec = arg;
      requested.splice(requested.indexOf(arg), 1);
    } else requirements.push(await positionalRequirement(arg, cwd));
  }

  const files: RequirementsInput[] = [];
  for (const f of req.requirementFiles) files.push(await readRequirementsFile(path.resolve(cwd, f), { cwd }));
  for (const f of req.constraintFiles) files.push(await readRequirementsFile(path.resolve(cwd, f), { cwd, constraint: true }));
  const requireHashes = files.some((f) => f.requireHashes);
  for (const input of files) {
    if (requireHashes) checkHashMode(input);
    for (const e of input.requirements) {
      requirements.push(e.wheel && !e.requirement.url ? parseRequirement(`${e.requirement.name} @ ${e.wheel.url}`) : e.requirement);
      requested.push(e.text);
    }
    constraints.push(...input.constraints.map((e) => e.requirement));
    entryHashes(input.requirements, hashes);
    entryHashes(input.constraints, hashes);
    // Options in a requirements file apply as if given on the command line; the command line wins for -i.
    index.indexUrl ??= input.indexUrl;
    index.extraIndexUrls.push(...input.extraIndexUrls);
    index.findLinks.push(...input.findLinks);
    index.noIndex ||= input.noIndex;
    pre ||= input.pre;
    warnings.push(...input.warnings);
  }
  const commandLine = req.requirements.filter((r) => r !== projectSpec);
  if (requireHashes && commandLine.length) {
    throw new UsageError(`hashes are required (a requirements file uses --hash), so requirements given on the command line (${commandLine.join(', ')}) cannot be checked; move them into the file with their --hash.`);
  }

  // The project itself is built into a wheel once the targets are known (src/project/); its metadata brings
  // its dependencies into the resolution.
  let project: ProjectInput | undefined;
  if (projectSpec) {
    project = await readProject(projectSpec, { cwd });
    requested.push(project.extras.length ? `${project.name}[${project.extras.join(',')}]` : project.name);
  }
  if (requirements.length === 0 && !project && !req.allowEmpty) {
    throw new UsageError('nothing to build: give requirements (e.g. flask>=3), -r requirements.txt, a project folder (. or --project DIR), --lock pylock.toml, wheel files, or your code with -D DIR.');
  }
  // The same package twice with different direct URLs cannot both be installed.
  const urls = new Map<string, string>();
  for (const r of requirements) {
    if (!r.url) continue;
    const prior = urls.get(r.canonicalName);
    if (prior && prior !== r.url) throw new UsageError(`${r.name} is given twice with different locations (${prior} and ${r.url}); keep one.`);
    urls.set(r.canonicalName, r.url);
  }
  return { requirements, constraints, hashes: requireHashes ? hashes : new Map(), index, pre, project, requested, warnings };
}

