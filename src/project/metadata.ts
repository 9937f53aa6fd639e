/**
 * Core metadata (METADATA) and entry_points.txt from a static PEP 621 `[project]` table, written the way the
 * build backends write them. Whatever a backend would compute (dynamic fields, license files it reads,
 * readme types it guesses) is reported as a reason to build through PEP 517 instead of guessed here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalExtra, parseRequirement, type Requirement } from '../python/pep508.js';
import { parseVersion } from '../python/pep440.js';

/** Why the native builder declines; the build then goes through the backend (PEP 517). */
export class NotNative extends Error {}

/** How a backend spells the metadata it writes; the values, not the layout, are what installers read. */
export interface MetadataStyle {
  metadataVersion: string;
  /**
   * `pep621` (hatchling, flit-core, setuptools): `Author-email: name <email>` when both are known, `Author` for
   * names alone; `first` (poetry-core): only the first author, as `Author: name` and `Author-email: email`;
   * `uv` (uv_build): every name in `Author`, and `name <email>` in `Author-email`.
   */
  authors: 'pep621' | 'first' | 'uv';
  /** flit-core puts `extra == "x"` before the requirement's own marker. */
  extraMarkerFirst?: boolean;
  /** hatchling sorts classifiers; the others keep the written order. */
  sortClassifiers: boolean;
  /** `name = value` (hatchling, setuptools) or `name=value` (flit, poetry-core) in entry_points.txt. */
  entryPointSeparator: string;
  /** flit-core and poetry-core end every entry-point section with a blank line, the last one too. */
  entryPointsEndBlank?: boolean;
  /**
   * pdm-backend sorts groups and names, ends every group with a blank line, and always writes
   * `[console_scripts]` and `[gui_scripts]`, empty or not (so entry_points.txt always exists).
   */
  entryPointsSortedAlways?: boolean;
  /** uv_build ships license files only when `license-files` names them; the others pick LICENSE* etc. by default. */
  noDefaultLicenseFiles?: boolean;
  /** pdm-backend's default license globs leave AUTHORS* out, and the files it finds so are copied but not declared. */
  licenseGlob?: RegExp;
  undeclaredLicenseFiles?: boolean;
  /** flit-core 4 adds `Import-Name` for the module it ships. */
  importNames?: string[];
}

export interface ProjectMetadata {
  name: string;
  version: string;
  /** METADATA's text. */
  metadata: string;
  /** entry_points.txt's text, or undefined when the project declares none. */
  entryPoints?: string;
  /** Files at the project root to copy into `.dist-info/licenses/`. */
  licenseFiles: string[];
}

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function strings(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new NotNative(`${where} is not an array of strings`);
  return v as string[];
}

/** The license files backends pick by default (PEP 639's common globs), at the project root. */
const LICENSE_GLOB = /^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)/;

const README_TYPES: Record<string, string> = { '.md': 'text/markdown', '.rst': 'text/x-rst', '.txt': 'text/plain' };

async function readme(value: unknown, root: string): Promise<{ text: string; type: string } | undefined> {
  if (value === undefined) return undefined;
  const fromFile = async (file: string, type?: string) => {
    const t = type ?? README_TYPES[path.extname(file).toLowerCase()];
    if (!t) throw new NotNative(`the readme ${file} has no known content type`);
    return { text: await readFile(path.join(root, file), 'utf8'), type: t };
  };
  if (typeof value === 'string') return fromFile(value);
  if (isTable(value)) {
    const type = typeof value['content-type'] === 'string' ? (value['content-type'] as string) : undefined;
    if (typeof value.file === 'string') return fromFile(value.file, type);
    if (typeof value.text === 'string' && type) return { text: value.text, type };
  }
  throw new NotNative('[project].readme has a form the native builder does not model');
}

function people(value: unknown, style: MetadataStyle['authors']): { field: string; value: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new NotNative('[project].authors/maintainers is not an array');
  const names: string[] = [];
  const emails: string[] = [];
  for (const p of style === 'first' ? value.slice(0, 1) : value) {
    if (!isTable(p)) throw new NotNative('an author is not a table');
    const name = typeof p.name === 'string' ? p.name : undefined;
    const email = typeof p.email === 'string' ? p.email : undefined;
    if (style === 'first') {
      if (name) names.push(name);
      if (email) emails.push(email);
    } else if (style === 'uv') {
      if (name) names.push(name);
      if (email) emails.push(name ? `${name} <${email}>` : email);
    } else if (name && email) emails.push(`${name} <${email}>`);
    else if (email) emails.push(email);
    else if (name) names.push(name);
  }
  const out: { field: string; value: string }[] = [];
  if (names.length) out.push({ field: '', value: names.join(', ') });
  if (emails.length) out.push({ field: '-email', value: emails.join(', ') });
  return out;
}

function requirement(text: string, where: string): Requirement {
  try {
    return parseRequirement(text);
  } catch {
    throw new NotNative(`${where} holds the invalid requirement ${JSON.stringify(text)}`);
  }
}

/** `Requires-Dist` of an extra: the requirement's own marker and'ed with `extra == "name"`. */
function withExtra(r: Requirement, extra: string, extraFirst: boolean): string {
  const base = r.toString().split(';')[0].trim();
  const own = r.marker ? `(${r.marker.toString()})` : undefined;
  const marker = own ? (extraFirst ? `extra == "${extra}" and ${own}` : `${own} and extra == "${extra}"`) : `extra == "${extra}"`;
  return `${base}; ${marker}`;
}

/** `[project.scripts]`, `[project.gui-scripts]` and `[project.entry-points.*]` as entry_points.txt. */
export function entryPointsText(project: Table, style: Pick<MetadataStyle, 'entryPointSeparator' | 'entryPointsEndBlank' | 'entryPointsSortedAlways'>): string | undefined {
  const separator = style.entryPointSeparator;
  let groups: [string, Table][] = [];
  if (isTable(project.scripts)) groups.push(['console_scripts', project.scripts]);
  if (isTable(project['gui-scripts'])) groups.push(['gui_scripts', project['gui-scripts']]);
  if (project['entry-points'] !== undefined) {
    if (!isTable(project['entry-points'])) throw new NotNative('[project.entry-points] is not a table');
    for (const [group, table] of Object.entries(project['entry-points'])) {
      if (!isTable(table)) throw new NotNative(`[project.entry-points.${group}] is not a table`);
      groups.push([group, table]);
    }
  }
  if (style.entryPointsSortedAlways) {
    const all = new Map<string, Table>([['console_scripts', {}], ['gui_scripts', {}], ...groups]);
    groups = [...all].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([g, t]) => [g, Object.fromEntries(Object.entries(t).sort((a, b) => (a[0] < b[0] ? -1 : 1)))]);
  }
  const sections = groups
    .filter(([, table]) => style.entryPointsSortedAlways || Object.keys(table).length > 0)
    .map(([group, table]) => {
      const lines = Object.entries(table).map(([name, value]) => {
        if (typeof value !== 'string') throw new NotNative(`entry point ${group}.${name} is not a string`);
        return `${name}${separator}${value}`;
      });
      return `[${group}]\n${lines.map((l) => `${l}\n`).join('')}`;
    });
  if (!sections.length) return undefined;
  if (style.entryPointsSortedAlways) return sections.map((x) => `${x}\n`).join('');
  return sections.join('\n') + (style.entryPointsEndBlank ? '\n' : '');
}

/**
 * METADATA for a static `[project]` table. `version` overrides a dynamic version the backend's rules gave;
 * any other dynamic field is a NotNative.
 */
export async function projectMetadata(project: Table, root: string, rootFiles: string[], style: MetadataStyle, version?: string): Promise<ProjectMetadata> {
  const dynamic = strings(project.dynamic, '[project].dynamic').filter((d) => !(d === 'version' && version !== undefined));
  if (dynamic.length) throw new NotNative(`[project].dynamic lists ${dynamic.join(', ')}, which only the backend can compute`);
  const name = project.name;
  if (typeof name !== 'string') throw new NotNative('[project].name is missing');
  const rawVersion = version ?? project.version;
  if (typeof rawVersion !== 'string') throw new NotNative('[project].version is missing');
  let normalVersion: string;
  try {
    normalVersion = parseVersion(rawVersion).toString();
  } catch {
    throw new NotNative(`the version ${JSON.stringify(rawVersion)} is not PEP 440`);
  }

  const h: [string, string][] = [];
  const add = (field: string, value: string | undefined) => {
    if (value !== undefined && value !== '') h.push([field, value]);
  };
  add('Metadata-Version', style.metadataVersion);
  add('Name', name);
  add('Version', normalVersion);
  if (project.description !== undefined && typeof project.description !== 'string') throw new NotNative('[project].description is not a string');
  add('Summary', project.description as string | undefined);
  if (project.urls !== undefined) {
    if (!isTable(project.urls)) throw new NotNative('[project.urls] is not a table');
    for (const [label, url] of Object.entries(project.urls)) add('Project-URL', `${label}, ${String(url)}`);
  }
  for (const p of people(project.authors, style.authors)) add(`Author${p.field}`, p.value);
  for (const p of people(project.maintainers, style.authors)) add(`Maintainer${p.field}`, p.value);

  const license = project.license;
  if (typeof license === 'string') add('License-Expression', license);
  else if (isTable(license) && typeof license.text === 'string' && license.file === undefined) add('License', license.text);
  else if (license !== undefined) throw new NotNative('[project].license = {file = …} is read differently by each backend');
  if (project['license-files'] !== undefined) throw new NotNative('[project].license-files globs are left to the backend');
  const licenseFiles = style.noDefaultLicenseFiles ? [] : rootFiles.filter((f) => (style.licenseGlob ?? LICENSE_GLOB).test(f)).sort();
  if (!style.undeclaredLicenseFiles) for (const f of licenseFiles) add('License-File', f);

  const keywords = strings(project.keywords, '[project].keywords');
  if (keywords.length) add('Keywords', keywords.join(','));
  const classifiers = strings(project.classifiers, '[project].classifiers');
  for (const c of style.sortClassifiers ? [...classifiers].sort() : classifiers) add('Classifier', c);
  if (project['requires-python'] !== undefined) add('Requires-Python', String(project['requires-python']));

  for (const text of strings(project.dependencies, '[project].dependencies')) add('Requires-Dist', requirement(text, '[project].dependencies').toString());
  if (project['optional-dependencies'] !== undefined) {
    if (!isTable(project['optional-dependencies'])) throw new NotNative('[project.optional-dependencies] is not a table');
    const extras = Object.entries(project['optional-dependencies']).map(([extra, list]) => [canonicalExtra(extra), list] as const);
    for (const [extra, list] of extras.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      add('Provides-Extra', extra);
      for (const text of strings(list, `[project.optional-dependencies].${extra}`)) add('Requires-Dist', withExtra(requirement(text, `extra ${extra}`), extra, style.extraMarkerFirst ?? false));
    }
  }
  for (const n of style.importNames ?? []) add('Import-Name', n);
  const description = await readme(project.readme, root);
  add('Description-Content-Type', description?.type);

  let text = h.map(([f, v]) => `${f}: ${v.replace(/\r?\n/g, ' ')}\n`).join('');
  if (description) text += `\n${description.text}`;
  return { name, version: normalVersion, metadata: text, entryPoints: entryPointsText(project, style), licenseFiles };
}
