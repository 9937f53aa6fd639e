/**
 * `--project DIR[extra,…]`: the PEP 621 `[project]` table of a `pyproject.toml`.
 *
 * Public API:
 * - `parseProjectSpec(spec) → {dir, extras}` — `DIR` or `DIR[extra1,extra2]` (extras PEP 685-normalised).
 * - `readProject(spec) → Promise<ProjectInput>` — name, static version, dependencies (plus the requested extras'
 *   optional dependencies, self-references like `app[extra]` expanded), requires-python, `[project.scripts]`,
 *   and PEP 735 `[dependency-groups]` (include-group resolved) for callers that want them.
 *
 * `dependencies` here are the static ones; the project itself is built into a wheel (src/project/), whose metadata
 * is what the resolver reads, so dynamic dependencies are fine.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { UsageError } from '../errors.js';
import { canonicalExtra, canonicalName, parseRequirement, type Requirement } from '../python/pep508.js';

export interface ProjectInput {
  /** `[project].name` as written. */
  name: string;
  /** A static `[project].version`; undefined when dynamic. */
  version?: string;
  /** `[project].dependencies`, then each requested extra's optional dependencies, in that order. */
  dependencies: Requirement[];
  /** The extras that were requested (normalised). */
  extras: string[];
  requiresPython?: string;
  /** `[project.scripts]`: console-script name → `module:function`. */
  scripts: Record<string, string>;
  /** PEP 735 `[dependency-groups]`, each group with its includes expanded. */
  dependencyGroups: Record<string, Requirement[]>;
  /** The project directory (absolute). */
  dir: string;
  /** The pyproject.toml that was read (absolute). */
  file: string;
  /** The whole parsed pyproject.toml, for building the project. */
  doc: Record<string, unknown>;
}

/** `DIR` or `DIR[extra1, extra2]`; the brackets are only taken at the end, so directory names may hold `[`. */
export function parseProjectSpec(spec: string): { dir: string; extras: string[] } {
  const m = /^(.*?)\[([^\][]*)\]\s*$/.exec(spec);
  if (!m || m[1].trim() === '') return { dir: spec, extras: [] };
  const extras = m[2]
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const e of extras) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(e)) {
      throw new UsageError(`--project ${JSON.stringify(spec)}: ${JSON.stringify(e)} is not a valid extra name; write DIR[extra1,extra2]`);
    }
  }
  return { dir: m[1], extras: [...new Set(extras.map(canonicalExtra))] };
}

export async function readProject(spec: string, options: { cwd?: string } = {}): Promise<ProjectInput> {
  const { dir: given, extras } = parseProjectSpec(spec);
  let dir = path.resolve(options.cwd ?? process.cwd(), given);
  // Accept the pyproject.toml itself as well as its directory.
  if (path.basename(dir) === 'pyproject.toml' && (await isFile(dir))) dir = path.dirname(dir);
  const file = path.join(dir, 'pyproject.toml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : (err as Error).message;
    throw new UsageError(`--project ${given}: cannot read ${file}: ${why}; point --project at the directory that holds pyproject.toml`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (err) {
    throw new UsageError(`${file} is not valid TOML: ${(err as Error).message.split('\n')[0]}; fix the file`);
  }
  const fail = (what: string): never => {
    throw new UsageError(`${file}: ${what}`);
  };

  const project = doc.project;
  if (!isTable(project)) {
    return fail('there is no [project] table (PEP 621); add [project] with name and dependencies, or use -r requirements.txt instead');
  }
  const dynamic = optionalStringArray(project.dynamic, '[project].dynamic', fail);
  const name = project.name;
  if (typeof name !== 'string' || name.trim() === '') return fail('[project].name is missing; add name = "your-project"');
  let version: string | undefined;
  if (project.version !== undefined) {
    if (typeof project.version !== 'string') return fail('[project].version must be a string');
    version = project.version;
  }
  let requiresPython: string | undefined;
  if (project['requires-python'] !== undefined) {
    if (typeof project['requires-python'] !== 'string') return fail('[project].requires-python must be a string like ">=3.9"');
    requiresPython = project['requires-python'];
  }

  const parseList = (value: unknown, where: string): Requirement[] =>
    optionalStringArray(value, where, fail).map((text, i) => {
      try {
        return parseRequirement(text);
      } catch (err) {
        return fail(`${where}[${i}] ${JSON.stringify(text)} is not a valid requirement: ${(err as Error).message}`);
      }
    });

  const baseDependencies = parseList(project.dependencies, '[project].dependencies');
  const optional = project['optional-dependencies'];
  if (optional !== undefined && !isTable(optional)) fail('[project.optional-dependencies] must be a table of extra = [requirements]');
  const optionalByExtra = new Map<string, { written: string; requirements: Requirement[] }>();
  for (const [extra, list] of Object.entries((optional as Record<string, unknown> | undefined) ?? {})) {
    optionalByExtra.set(canonicalExtra(extra), { written: extra, requirements: parseList(list, `[project.optional-dependencies].${extra}`) });
  }
  // Dynamic (optional) dependencies are only known once the backend has built the wheel: its metadata decides.
  const dynamicExtras = dynamic.includes('optional-dependencies');

  // Expand requested extras; `name[other]` in an extra refers to this project's own extras (a common idiom).
  const self = canonicalName(name);
  const dependencies: Requirement[] = [];
  const seenExtras = new Set<string>();
  const addSelfExtras = (requirement: Requirement, where: string) => {
    if (requirement.marker) fail(`${where}: ${requirement.toString()} refers to this project with a marker, which pexship cannot expand; drop the marker or list the dependencies directly`);
    for (const e of requirement.extras) addExtra(canonicalExtra(e), where);
  };
  const addList = (list: Requirement[], where: string) => {
    for (const r of list) {
      if (r.canonicalName === self) addSelfExtras(r, where);
      else dependencies.push(r);
    }
  };
  const addExtra = (extra: string, where: string) => {
    if (seenExtras.has(extra)) return;
    seenExtras.add(extra);
    const entry = optionalByExtra.get(extra);
    if (!entry && dynamicExtras) return;
    if (!entry) {
      const known = [...optionalByExtra.values()].map((v) => v.written);
      fail(`${where}: extra ${JSON.stringify(extra)} is not defined in [project.optional-dependencies] (${known.length ? `it defines: ${known.join(', ')}` : 'it defines none'}); fix the extra's name`);
    }
    addList(entry!.requirements, `[project.optional-dependencies].${entry!.written}`);
  };
  addList(baseDependencies, '[project].dependencies');
  for (const extra of extras) addExtra(extra, `--project ${spec}`);

  const scripts: Record<string, string> = {};
  const scriptTable = project.scripts;
  if (scriptTable !== undefined) {
    if (!isTable(scriptTable)) fail('[project.scripts] must be a table of name = "module:function"');
    for (const [scriptName, target] of Object.entries(scriptTable as Record<string, unknown>)) {
      if (typeof target !== 'string' || !/^[\w.]+(\s*:\s*[\w.]+)?(\s*\[.*\])?$/.test(target.trim())) {
        fail(`[project.scripts].${scriptName} must be "module:function", got ${JSON.stringify(target)}`);
      }
      scripts[scriptName] = (target as string).trim();
    }
  }

  const dependencyGroups = readDependencyGroups(doc['dependency-groups'], fail);
  return {
    name,
    ...(version !== undefined ? { version } : {}),
    dependencies,
    extras,
    ...(requiresPython !== undefined ? { requiresPython } : {}),
    scripts,
    dependencyGroups,
    dir,
    file,
    doc,
  };
}

/** PEP 735: groups hold requirement strings and `{include-group = "other"}` tables; names compare normalised. */
function readDependencyGroups(value: unknown, fail: (what: string) => never): Record<string, Requirement[]> {
  if (value === undefined) return {};
  if (!isTable(value)) return fail('[dependency-groups] must be a table of group = [requirements]');
  const raw = new Map<string, { written: string; items: unknown }>();
  for (const [group, items] of Object.entries(value)) {
    const key = canonicalName(group);
    if (raw.has(key)) fail(`[dependency-groups] names the group ${group} twice (after normalisation)`);
    raw.set(key, { written: group, items });
  }
  const done = new Map<string, Requirement[]>();
  const expand = (key: string, trail: string[]): Requirement[] => {
    const finished = done.get(key);
    if (finished) return finished;
    const entry = raw.get(key)!;
    if (trail.includes(key)) fail(`[dependency-groups] include cycle: ${[...trail, key].join(' -> ')}`);
    if (!Array.isArray(entry.items)) fail(`[dependency-groups].${entry.written} must be an array`);
    const out: Requirement[] = [];
    for (const item of entry.items as unknown[]) {
      if (typeof item === 'string') {
        try {
          out.push(parseRequirement(item));
        } catch (err) {
          fail(`[dependency-groups].${entry.written}: ${JSON.stringify(item)} is not a valid requirement: ${(err as Error).message}`);
        }
      } else if (isTable(item) && typeof item['include-group'] === 'string') {
        const included = canonicalName(item['include-group']);
        if (!raw.has(included)) fail(`[dependency-groups].${entry.written} includes the unknown group ${item['include-group']}`);
        out.push(...expand(included, [...trail, key]));
      } else {
        fail(`[dependency-groups].${entry.written}: each item must be a requirement string or {include-group = "name"}`);
      }
    }
    done.set(key, out);
    return out;
  };
  const result: Record<string, Requirement[]> = {};
  for (const [key, entry] of raw) result[entry.written] = expand(key, []);
  return result;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function optionalStringArray(value: unknown, where: string, fail: (what: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return fail(`${where} must be an array of strings`);
  return value as string[];
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
