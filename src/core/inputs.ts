/**
 * Gathers what a build or lock is asked for (positional requirements, -r files, --constraints, --project)
 * into one shape: parsed requirements, constraints, wheel files given directly, hashes and index options.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { isDirectReference, parseRequirement, type Requirement } from '../python/pep508.js';
import { parseWheelFilename } from '../python/wheel.js';
import { redactCredentials, redactUrl } from '../index/redact.js';
import { FormatControl, type FormatOption } from '../resolve/format-control.js';
import { parseProjectSpec, readProject, type ProjectInput } from '../resolve/pyproject.js';
import { checkHashMode, readRequirementsFile, type RequirementEntry, type RequirementsInput } from '../resolve/requirements-file.js';
import type { HashMode } from './hash-mode.js';

export interface IndexOptions {
  indexUrl?: string;
  extraIndexUrls: string[];
  findLinks: string[];
  noIndex: boolean;
  /** pip's `--trusted-host`: hosts (`host` or `host:port`) reached over plain HTTP or with TLS errors. */
  trustedHosts?: string[];
}

export interface GatheredInputs {
  /** Every requirement, including `name @ url` direct references to wheels given as paths or URLs. */
  requirements: Requirement[];
  constraints: Requirement[];
  /** `--only-binary` / `--no-binary` from the command line, then the files, in order. */
  formatControl: FormatControl;
  /** pip's `--prefer-binary`. */
  preferBinary: boolean;
  /** pip's hash-checking mode, when on (a `--hash` in a file, or `--require-hashes`). */
  hashMode?: HashMode;
  index: IndexOptions;
  pre: boolean;
  project?: ProjectInput;
  /** The strings the user asked for, recorded in PEX-INFO and the lock (URL passwords redacted). */
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
  /** pip's `--require-hashes` on the command line. */
  requireHashes?: boolean;
  /** `--only-binary` / `--no-binary` on the command line, in the order given. */
  formatOptions?: { option: FormatOption; value: string }[];
  /** pip's `--prefer-binary` on the command line. */
  preferBinary?: boolean;
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

/** A positional argument: a wheel path or URL becomes `name @ file:///…`; anything else (`name @ url` too) is PEP 508. */
async function positionalRequirement(arg: string, cwd: string): Promise<Requirement> {
  const isUrl = /^(https?|file):\/\//i.test(arg);
  if (arg.toLowerCase().endsWith('.whl') && !isDirectReference(arg)) {
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

function allowHash(mode: HashMode, name: string, sha256: string, where: string): void {
  const set = mode.allowed.get(name) ?? new Set<string>();
  set.add(sha256.toLowerCase());
  mode.allowed.set(name, set);
  if (!mode.origin.has(name)) mode.origin.set(name, where);
}

function entryHashes(entries: RequirementEntry[], mode: HashMode, cwd: string): void {
  for (const e of entries) {
    const where = `${path.relative(cwd, e.file) || e.file}:${e.line}`;
    for (const h of e.hashes) {
      const [alg, hex] = h.split(':');
      if (alg === 'sha256') allowHash(mode, e.requirement.canonicalName, hex, where);
    }
    const fragment = urlSha256(e.requirement);
    if (fragment) allowHash(mode, e.requirement.canonicalName, fragment, where);
  }
}

/** The `#sha256=…` of a direct reference's URL (pip trusts it as a hash the user wrote). */
function urlSha256(r: Requirement): string | undefined {
  return r.url ? /[#&]sha256=([0-9a-f]{64})\b/i.exec(r.url)?.[1] : undefined;
}

export async function gatherInputs(req: InputRequest): Promise<GatheredInputs> {
  const cwd = req.cwd ?? process.cwd();
  const requirements: Requirement[] = [];
  const constraints: Requirement[] = [];
  const warnings: string[] = [];
  const index: IndexOptions = {
    indexUrl: req.index.indexUrl,
    extraIndexUrls: [...(req.index.extraIndexUrls ?? [])],
    findLinks: [...(req.index.findLinks ?? [])],
    noIndex: req.index.noIndex ?? false,
    trustedHosts: [...(req.index.trustedHosts ?? [])],
  };
  const formatControl = new FormatControl();
  for (const f of req.formatOptions ?? []) formatControl.apply(f.option, f.value);
  let preferBinary = req.preferBinary ?? false;
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
  const hashReason = req.requireHashes ? 'because of --require-hashes' : files.find((f) => f.requireHashes)?.hashModeReason;
  const hashMode: HashMode | undefined = hashReason ? { reason: hashReason, allowed: new Map(), origin: new Map() } : undefined;
  for (const input of files) {
    if (hashMode) {
      input.requireHashes = true;
      checkHashMode(input, hashMode.reason);
    }
    for (const e of input.requirements) {
      requirements.push(e.wheel && !e.requirement.url ? parseRequirement(`${e.requirement.name} @ ${e.wheel.url}`) : e.requirement);
      requested.push(e.text);
    }
    constraints.push(...input.constraints.map((e) => e.requirement));
    if (hashMode) {
      entryHashes(input.requirements, hashMode, cwd);
      entryHashes(input.constraints, hashMode, cwd);
    }
    // Options in a requirements file apply as if given on the command line; the command line wins for -i.
    index.indexUrl ??= input.indexUrl;
    index.extraIndexUrls.push(...input.extraIndexUrls);
    index.findLinks.push(...input.findLinks);
    index.noIndex ||= input.noIndex;
    index.trustedHosts!.push(...input.trustedHosts.filter((h) => !index.trustedHosts!.includes(h)));
    for (const f of input.formatOptions) formatControl.apply(f.option, f.value);
    preferBinary ||= input.preferBinary;
    pre ||= input.pre;
    warnings.push(...input.warnings);
  }
  if (hashMode) {
    // As pip: a direct reference given with `#sha256=…` is hashed; anything else on the command line is not.
    const commandLine = requirements.slice(0, req.requirements.filter((r) => r !== projectSpec).length);
    const unhashed = commandLine.filter((r) => !urlSha256(r));
    if (unhashed.length) {
      throw new UsageError(`hash-checking mode is on (${hashMode.reason}), so requirements given on the command line (${unhashed.map((r) => redactUrl(r.toString())).join(', ')}) cannot be checked; move them into a requirements file with their --hash, or give name @ URL#sha256=….`);
    }
    commandLine.forEach((r) => allowHash(hashMode, r.canonicalName, urlSha256(r)!, 'the command line'));
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
  return { requirements, constraints, ...(hashMode ? { hashMode } : {}), index, pre, formatControl, preferBinary, project, requested: requested.map(redactCredentials), warnings };
}

