/**
 * The native fast path: for a pure-Python project whose backend rules we reproduce exactly (hatchling,
 * flit-core, setuptools, poetry-core in their default layouts and common options), picks the files the backend
 * would ship and writes the wheel in TypeScript, in milliseconds and without Python. Anything outside the
 * modelled rules throws NotNative with the reason, and the caller builds through the backend (PEP 517).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalName } from '../python/pep508.js';
import { PEXSHIP_VERSION } from '../version.js';
import { writeZip, type ZipMember } from '../pex/zip.js';
import { readIgnoreRules, type IgnoreRules, type ProjectFiles } from './files.js';
import { NotNative, projectMetadata, type MetadataStyle } from './metadata.js';

type Table = Record<string, unknown>;

export interface NativeProject {
  dir: string;
  /** The whole parsed pyproject.toml. */
  doc: Table;
  files: ProjectFiles;
}

export interface NativeWheel {
  filename: string;
  backend: string;
  /** The zip's bytes, in chunks. */
  chunks: Buffer[];
  /** Wheel path → project-relative source path of every file shipped outside `.dist-info`. */
  shipped: Map<string, string>;
}

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function table(v: unknown, where: string): Table {
  if (v === undefined) return {};
  if (!isTable(v)) throw new NotNative(`${where} is not a table`);
  return v;
}

/** Only these keys of a tool table are modelled; any other one may change the result. */
function onlyKeys(t: Table, allowed: string[], where: string): void {
  const other = Object.keys(t).filter((k) => !allowed.includes(k));
  if (other.length) throw new NotNative(`${where} sets ${other.join(', ')}, which the native builder does not model`);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Files under `dir/` (project-relative), mapped to `into/…` in the wheel. */
function filesUnder(files: string[], dir: string, into: string, out: Map<string, string>): void {
  const prefix = dir ? `${dir}/` : '';
  for (const f of files) if (f.startsWith(prefix)) out.set(`${into}/${f.slice(prefix.length)}`, f);
}

function dropIgnored(out: Map<string, string>, rules: IgnoreRules | undefined): void {
  if (!rules) return;
  for (const [wheelPath, src] of out) if (rules.ignores(src)) out.delete(wheelPath);
}

async function ignoreRules(p: NativeProject): Promise<IgnoreRules | undefined> {
  const rules = await readIgnoreRules(p.dir, p.files.files);
  if (typeof rules === 'string') throw new NotNative(rules);
  return rules;
}

/** A `__version__ = "…"` line holding a plain string literal: what hatchling's default version pattern reads. */
async function versionFromFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new NotNative(`cannot read ${file} for the version`);
  }
  const m = /^(?:__version__|VERSION) *= *(['"])v?(.+?)\1/im.exec(text);
  if (!m) throw new NotNative(`${file} has no plain __version__ = "…" line`);
  return m[2];
}

interface Plan {
  backend: string;
  style: MetadataStyle;
  shipped: Map<string, string>;
  version?: string;
  /** Extra `.dist-info` files, e.g. setuptools' top_level.txt. */
  distInfo?: Record<string, string>;
  /** setuptools marks auto-detected license files as `Dynamic: license-file`. */
  dynamicLicenseFile?: boolean;
}

const BASE_STYLE = { authors: 'pep621', sortClassifiers: false } as const;

async function hatchling(p: NativeProject, project: Table): Promise<Plan> {
  const hatch = table(table(p.doc.tool, '[tool]').hatch, '[tool.hatch]');
  onlyKeys(hatch, ['build', 'version', 'metadata', 'envs', 'publish'], '[tool.hatch]');
  const metadataConfig = table(hatch.metadata, '[tool.hatch.metadata]');
  onlyKeys(metadataConfig, ['allow-direct-references'], '[tool.hatch.metadata]');
  const build = table(hatch.build, '[tool.hatch.build]');
  onlyKeys(build, ['targets'], '[tool.hatch.build]');
  const targets = table(build.targets, '[tool.hatch.build.targets]');
  onlyKeys(targets, ['wheel', 'sdist'], '[tool.hatch.build.targets]');
  const wheel = table(targets.wheel, '[tool.hatch.build.targets.wheel]');
  onlyKeys(wheel, ['packages'], '[tool.hatch.build.targets.wheel]');
  let version: string | undefined;
  if (hatch.version !== undefined) {
    const v = table(hatch.version, '[tool.hatch.version]');
    onlyKeys(v, ['path'], '[tool.hatch.version]');
    if (typeof v.path !== 'string') throw new NotNative('[tool.hatch.version] has no path');
    version = await versionFromFile(path.join(p.dir, v.path));
  }

  const files = p.files.files;
  const shipped = new Map<string, string>();
  if (wheel.packages !== undefined) {
    if (!Array.isArray(wheel.packages) || wheel.packages.some((x) => typeof x !== 'string')) throw new NotNative('packages is not a list of folders');
    for (const pkg of wheel.packages as string[]) {
      const dir = pkg.replace(/^\.\//, '').replace(/\/+$/, '');
      if (/[*?[]/.test(dir)) throw new NotNative(`the package ${pkg} is a glob`);
      filesUnder(files, dir, path.posix.basename(dir), shipped);
    }
  } else {
    const component = (n: string) => n.replace(/[^\w.]+/gu, '_');
    const raw = String(project.name);
    let found = false;
    for (const n of [component(raw), component(canonicalName(raw))]) {
      if (files.includes(`${n}/__init__.py`)) filesUnder(files, n, n, shipped);
      else if (files.includes(`src/${n}/__init__.py`)) filesUnder(files, `src/${n}`, n, shipped);
      else if (files.includes(`${n}.py`)) shipped.set(`${n}.py`, `${n}.py`);
      else continue;
      found = true;
      break;
    }
    if (!found) throw new NotNative('hatchling would look further (namespace packages) or fail: no package named after the project');
  }
  // hatchling's global excludes: byte-code (never listed) and the root /dist (skipped by the walk).
  dropIgnored(shipped, await ignoreRules(p));
  return { backend: 'hatchling', style: { ...BASE_STYLE, metadataVersion: '2.5', sortClassifiers: true, entryPointSeparator: ' = ' }, shipped, version };
}

async function flit(p: NativeProject, project: Table): Promise<Plan> {
  const flitTool = table(table(p.doc.tool, '[tool]').flit, '[tool.flit]');
  onlyKeys(flitTool, ['module', 'sdist'], '[tool.flit]');
  const moduleTable = table(flitTool.module, '[tool.flit.module]');
  onlyKeys(moduleTable, ['name'], '[tool.flit.module]');
  const module = typeof moduleTable.name === 'string' ? moduleTable.name : String(project.name).replace(/-/g, '_');
  if (module.includes('.')) throw new NotNative('a namespace module (dotted [tool.flit.module] name) is left to flit');
  const files = p.files.files;
  const candidates = [`${module}/__init__.py`, `${module}.py`, `src/${module}/__init__.py`, `src/${module}.py`].filter((c) => files.includes(c));
  if (candidates.length !== 1) throw new NotNative(`flit would find ${candidates.length} places for the module ${module}`);
  const shipped = new Map<string, string>();
  const found = candidates[0];
  if (found.endsWith('/__init__.py')) filesUnder(files, path.posix.dirname(found), module, shipped);
  else shipped.set(`${module}.py`, found);
  let version: string | undefined;
  const dynamic = Array.isArray(project.dynamic) ? (project.dynamic as string[]) : [];
  if (dynamic.includes('version')) version = await versionFromFile(path.join(p.dir, found));
  return { backend: 'flit-core', style: { ...BASE_STYLE, metadataVersion: '2.5', entryPointSeparator: '=', entryPointsEndBlank: true, extraMarkerFirst: true, importNames: [module] }, shipped, version };
}

/** A setuptools package name → the folder that holds it, given `package-dir = {"" = base}`. */
function packageFolder(base: string, pkg: string): string {
  return [base, ...pkg.split('.')].filter((x) => x && x !== '.').join('/');
}

/** setuptools' PEP 420 finder under `where`: every folder whose path parts are identifiers. */
function findPackages(dirs: string[], where: string, include: string[], exclude: string[], flat: boolean): string[] {
  const prefix = where === '.' || where === '' ? '' : `${where}/`;
  const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const inc = include.map(glob);
  const exc = exclude.map(glob);
  const out: string[] = [];
  for (const d of dirs) {
    if (!d.startsWith(prefix)) continue;
    const parts = d.slice(prefix.length).split('/');
    if (!parts.every((x, i) => IDENTIFIER.test(x) || (i === 0 && flat && x.endsWith('-stubs')))) continue;
    const name = parts.join('.');
    // Walks stop below an excluded `pkg*` / `pkg.*`; anything below a folder that is not a package is unreachable.
    if (parts.slice(0, -1).some((_, i) => exclude.includes(`${parts.slice(0, i + 1).join('.')}.*`) || exclude.includes(`${parts.slice(0, i + 1).join('.')}*`))) continue;
    if (inc.some((r) => r.test(name)) && !exc.some((r) => r.test(name))) out.push(name);
  }
  return out;
}

const FLAT_EXCLUDE = ['ci', 'bin', 'debian', 'doc', 'docs', 'documentation', 'manpages', 'news', 'newsfragments', 'changelog', 'test', 'tests', 'unit_test', 'unit_tests', 'example', 'examples', 'scripts', 'tools', 'util', 'utils', 'python', 'build', 'dist', 'venv', 'env', 'requirements', 'tasks', 'fabfile', 'site_scons', 'benchmark', 'benchmarks', 'exercise', 'exercises', 'htmlcov', '[._]*'];

async function setuptools(p: NativeProject): Promise<Plan> {
  const files = p.files.files;
  for (const f of ['setup.py', 'setup.cfg', 'MANIFEST.in']) if (files.includes(f)) throw new NotNative(`${f} configures setuptools in ways only setuptools reads`);
  const requires = Array.isArray(table(p.doc['build-system'], '[build-system]').requires) ? (table(p.doc['build-system'], '[build-system]').requires as string[]) : [];
  if (requires.some((r) => /^setuptools[-_.]?scm/i.test(r))) throw new NotNative('setuptools-scm decides the version and the files');
  const st = table(table(p.doc.tool, '[tool]').setuptools, '[tool.setuptools]');
  onlyKeys(st, ['packages', 'package-dir', 'package-data', 'include-package-data', 'py-modules', 'zip-safe', 'platforms'], '[tool.setuptools]');
  const packageDir = table(st['package-dir'], '[tool.setuptools.package-dir]');
  onlyKeys(packageDir, [''], '[tool.setuptools.package-dir]');
  let base = typeof packageDir[''] === 'string' ? (packageDir[''] as string).replace(/\/+$/, '') : '';

  let packages: string[] = [];
  let modules: string[] = [];
  if (Array.isArray(st['py-modules'])) modules = st['py-modules'] as string[];
  if (Array.isArray(st.packages)) packages = st.packages as string[];
  else if (isTable(st.packages)) {
    const find = table(st.packages.find, '[tool.setuptools.packages.find]');
    onlyKeys(find, ['where', 'include', 'exclude', 'namespaces'], '[tool.setuptools.packages.find]');
    const where = Array.isArray(find.where) ? (find.where as string[]) : ['.'];
    if (where.length !== 1) throw new NotNative('several find.where folders');
    const w = where[0].replace(/^\.\//, '').replace(/\/+$/, '');
    if (find.namespaces === false) throw new NotNative('find with namespaces = false is left to setuptools');
    packages = findPackages(p.files.dirs, w, Array.isArray(find.include) ? (find.include as string[]) : ['*'], Array.isArray(find.exclude) ? (find.exclude as string[]) : [], false);
    // find's where becomes the package folder root, as setuptools' pyproject reader does.
    if (w !== '.' && w !== '') base = w;
  } else if (st.packages !== undefined) throw new NotNative('[tool.setuptools].packages has an unknown form');
  else if (st['py-modules'] === undefined) {
    // Automatic discovery: src-layout, else a flat layout with exactly one top-level package or module.
    const src = base || 'src';
    if (p.files.dirs.includes(src)) {
      base = src;
      packages = findPackages(p.files.dirs, src, ['*'], [], false);
      modules = files.filter((f) => f.startsWith(`${src}/`) && !f.slice(src.length + 1).includes('/') && f.endsWith('.py')).map((f) => f.slice(src.length + 1, -3));
    } else {
      // The finder walks the real folder, including ones our file walk skips.
      const top = (await readdir(p.dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
      const flatDirs = [...new Set([...top, ...p.files.dirs])].sort();
      const excluded = FLAT_EXCLUDE.flatMap((x) => [x, `${x}.*`]);
      packages = findPackages(flatDirs, '', ['*'], excluded, true);
      const topLevel = packages.filter((x) => !x.includes('.'));
      if (topLevel.length > 1) throw new NotNative(`setuptools refuses a flat layout with several top-level packages (${topLevel.join(', ')})`);
      if (topLevel.length === 0) throw new NotNative('flat-layout modules are left to setuptools');
    }
  }
  for (const m of modules) if (!IDENTIFIER.test(m)) throw new NotNative(`the module name ${m} is not modelled`);

  const shipped = new Map<string, string>();
  const has = new Set(files);
  for (const pkg of packages) {
    const folder = packageFolder(base, pkg);
    const into = pkg.split('.').join('/');
    for (const f of files) {
      if (path.posix.dirname(f) === folder && f.endsWith('.py')) shipped.set(`${into}/${path.posix.basename(f)}`, f);
    }
  }
  for (const m of modules) {
    const f = packageFolder(base, m) + '.py';
    if (has.has(f)) shipped.set(`${m}.py`, f);
  }
  // package-data globs (relative to each package's folder; "*" applies to every package).
  const data = table(st['package-data'], '[tool.setuptools.package-data]');
  for (const [key, globs] of Object.entries(data)) {
    if (!Array.isArray(globs)) throw new NotNative(`package-data.${key} is not a list`);
    const targets = key === '*' ? packages : packages.filter((x) => x === key);
    for (const pkg of targets) {
      const folder = packageFolder(base, pkg);
      for (const g of globs as string[]) {
        if (/[[\]]/.test(g)) throw new NotNative(`the package-data glob ${g} is not modelled`);
        const re = new RegExp(`^${g.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
        for (const f of files) {
          if (!f.startsWith(`${folder}/`)) continue;
          const rel = f.slice(folder.length + 1);
          if (re.test(rel)) shipped.set(`${pkg.split('.').join('/')}/${rel}`, f);
        }
      }
    }
  }
  const topLevel = [...new Set([...packages.map((x) => x.split('.')[0]), ...modules])].sort();
  return {
    backend: 'setuptools',
    style: { ...BASE_STYLE, metadataVersion: '2.4', entryPointSeparator: ' = ' },
    shipped,
    distInfo: { 'top_level.txt': topLevel.map((t) => `${t}\n`).join('') },
    dynamicLicenseFile: true,
  };
}

async function poetry(p: NativeProject, project: Table): Promise<Plan> {
  const tool = table(table(p.doc.tool, '[tool]').poetry, '[tool.poetry]');
  onlyKeys(tool, ['packages', 'group', 'requires-poetry'], '[tool.poetry]');
  const files = p.files.files;
  const shipped = new Map<string, string>();
  if (tool.packages !== undefined) {
    if (!Array.isArray(tool.packages)) throw new NotNative('[tool.poetry].packages is not a list');
    for (const entry of tool.packages) {
      const e = table(entry, 'a [tool.poetry].packages entry');
      onlyKeys(e, ['include', 'from', 'format'], 'a [tool.poetry].packages entry');
      if (typeof e.include !== 'string' || /[*?[]/.test(e.include)) throw new NotNative('a package include that is a glob is left to poetry-core');
      if (e.format !== undefined) {
        const formats = Array.isArray(e.format) ? e.format : [e.format];
        if (!formats.includes('wheel')) continue;
      }
      const from = typeof e.from === 'string' ? e.from.replace(/^\.\//, '').replace(/\/+$/, '') : '';
      const dir = from ? `${from}/${e.include}` : e.include;
      if (files.includes(`${dir}.py`)) shipped.set(`${e.include}.py`, `${dir}.py`);
      else filesUnder(files, dir, e.include, shipped);
    }
  } else {
    const module = canonicalName(String(project.name)).replace(/-/g, '_');
    if (files.includes(`${module}/__init__.py`)) filesUnder(files, module, module, shipped);
    else if (files.includes(`src/${module}/__init__.py`)) filesUnder(files, `src/${module}`, module, shipped);
    else if (files.includes(`${module}.py`)) shipped.set(`${module}.py`, `${module}.py`);
    else throw new NotNative(`poetry-core would not find a package named ${module}`);
  }
  // poetry-core leaves out what git ignores, when the project is in a git checkout.
  if (inGitCheckout(p.dir)) dropIgnored(shipped, await ignoreRules(p));
  return { backend: 'poetry-core', style: { metadataVersion: '2.4', authors: 'first', sortClassifiers: false, entryPointSeparator: '=', entryPointsEndBlank: true }, shipped };
}

/**
 * uv_build (modelled from its documented defaults and source, as its wheel is a platform binary): the module
 * `<module-root>/<name>/` (module-root `src` unless set; the name is the project's, normalised with underscores),
 * every file in it but `__pycache__`/`*.pyc`/`*.pyo`, no VCS ignores, license files only from `license-files`.
 */
async function uvBuild(p: NativeProject, project: Table): Promise<Plan> {
  const settings = table(table(table(p.doc.tool, '[tool]').uv, '[tool.uv]')['build-backend'], '[tool.uv.build-backend]');
  onlyKeys(settings, ['module-root', 'module-name', 'source-include'], '[tool.uv.build-backend]');
  const root = typeof settings['module-root'] === 'string' ? (settings['module-root'] as string).replace(/^\.\/?/, '').replace(/\/+$/, '') : 'src';
  const name = settings['module-name'] ?? canonicalName(String(project.name)).replace(/-/g, '_');
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) throw new NotNative('a dotted, list or stubs module-name is left to uv_build');
  const dir = root ? `${root}/${name}` : name;
  if (!p.files.files.includes(`${dir}/__init__.py`)) throw new NotNative(`uv_build would fail: ${dir}/__init__.py is missing`);
  const shipped = new Map<string, string>();
  filesUnder(p.files.files, dir, name, shipped);
  const metadataVersion = typeof project.license === 'string' ? '2.4' : '2.3';
  return { backend: 'uv_build', style: { ...BASE_STYLE, authors: 'uv', metadataVersion, entryPointSeparator: ' = ', entryPointsEndBlank: true, noDefaultLicenseFiles: true }, shipped };
}

/**
 * pdm-backend: every top-level package (a folder with `__init__.py`) of `src/` when it exists, else of the
 * project root (a root `tests/` left out), or the top-level modules when there is none; all their files; the
 * package folder's prefix dropped in the wheel.
 */
async function pdmBackend(p: NativeProject, project: Table): Promise<Plan> {
  const pdmTool = table(table(p.doc.tool, '[tool]').pdm, '[tool.pdm]');
  if (pdmTool.version !== undefined) throw new NotNative('[tool.pdm.version] computes the version');
  const build = table(pdmTool.build, '[tool.pdm.build]');
  onlyKeys(build, ['package-dir'], '[tool.pdm.build]');
  const files = p.files.files;
  if (files.includes('pdm_build.py')) throw new NotNative('pdm_build.py is a build hook');
  const base = typeof build['package-dir'] === 'string' ? (build['package-dir'] as string).replace(/\/+$/, '') : p.files.dirs.includes('src') ? 'src' : '';
  const prefix = base ? `${base}/` : '';
  const packages = p.files.dirs
    .filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes('/'))
    .map((d) => d.slice(prefix.length))
    .filter((d) => d !== '__pypackages__' && files.includes(`${prefix}${d}/__init__.py`) && !(base === '' && d === 'tests'));
  const shipped = new Map<string, string>();
  for (const pkg of packages) filesUnder(files, `${prefix}${pkg}`, pkg, shipped);
  if (packages.length === 0) {
    for (const f of files) if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && f.endsWith('.py')) shipped.set(f.slice(prefix.length), f);
  }
  const metadataVersion = typeof project.license === 'string' || project['license-files'] !== undefined ? '2.4' : '2.3';
  return {
    backend: 'pdm-backend',
    style: { ...BASE_STYLE, metadataVersion, entryPointSeparator: ' = ', entryPointsSortedAlways: true, licenseGlob: /^(LICEN[CS]E|COPYING|NOTICE)/, undeclaredLicenseFiles: true },
    shipped,
  };
}

function inGitCheckout(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

const PEP621_KEYS = new Set(['name', 'version', 'description', 'readme', 'requires-python', 'license', 'license-files', 'authors', 'maintainers', 'keywords', 'classifiers', 'urls', 'scripts', 'gui-scripts', 'entry-points', 'dependencies', 'optional-dependencies', 'dynamic']);

const BACKENDS: Record<string, (p: NativeProject, project: Table) => Promise<Plan>> = {
  'hatchling.build': hatchling,
  'flit_core.buildapi': flit,
  'setuptools.build_meta': setuptools,
  'poetry.core.masonry.api': poetry,
  uv_build: uvBuild,
  'pdm.backend': pdmBackend,
};

function recordHash(data: Buffer): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** Builds the wheel natively, or throws NotNative saying why the backend must build it. */
export async function buildNative(p: NativeProject): Promise<NativeWheel> {
  const buildSystem = table(p.doc['build-system'], '[build-system]');
  if (buildSystem['backend-path'] !== undefined) throw new NotNative('an in-tree backend (backend-path) is custom code');
  const backendName = typeof buildSystem['build-backend'] === 'string' ? buildSystem['build-backend'] : undefined;
  const rule = backendName ? BACKENDS[backendName] : undefined;
  if (!rule) throw new NotNative(backendName ? `the backend ${backendName} is not one the native builder models` : 'no [build-system].build-backend (legacy setuptools)');
  const project = table(p.doc.project, '[project]');
  if (Object.keys(project).length === 0) throw new NotNative('there is no [project] table');
  const unknown = Object.keys(project).filter((k) => !PEP621_KEYS.has(k));
  if (unknown.length) throw new NotNative(`[project] sets ${unknown.join(', ')}, which the native builder does not model`);
  if (p.files.files.some((f) => /\.(c|cc|cpp|cxx|pyx|rs|f90)$/i.test(f) && !f.includes('/tests/'))) throw new NotNative('the project holds native sources');

  const plan = await rule(p, project);
  if (plan.shipped.size === 0) throw new NotNative(`${plan.backend} would ship no files`);
  const rootFiles = p.files.files.filter((f) => !f.includes('/'));
  const meta = await projectMetadata(project, p.dir, rootFiles, plan.style, plan.version);
  const dist = `${canonicalName(meta.name).replace(/-/g, '_')}-${meta.version.replace(/-/g, '_')}`;
  const distInfo = `${dist}.dist-info`;

  const entries: [string, Buffer][] = [];
  for (const wheelPath of [...plan.shipped.keys()].sort()) {
    if (wheelPath.startsWith(`${distInfo}/`)) throw new NotNative(`the project ships its own ${wheelPath}`);
    entries.push([wheelPath, await readFile(path.join(p.dir, plan.shipped.get(wheelPath)!))]);
  }
  let metadata = meta.metadata;
  if (plan.dynamicLicenseFile && meta.licenseFiles.length) {
    const split = metadata.indexOf('\n\n');
    const head = split < 0 ? metadata : metadata.slice(0, split + 1);
    metadata = `${head}Dynamic: license-file\n${split < 0 ? '' : metadata.slice(split + 1)}`;
  }
  entries.push([`${distInfo}/METADATA`, Buffer.from(metadata)]);
  entries.push([`${distInfo}/WHEEL`, Buffer.from(`Wheel-Version: 1.0\nGenerator: pexship ${PEXSHIP_VERSION} (as ${plan.backend})\nRoot-Is-Purelib: true\nTag: py3-none-any\n`)]);
  if (meta.entryPoints) entries.push([`${distInfo}/entry_points.txt`, Buffer.from(meta.entryPoints)]);
  for (const f of meta.licenseFiles) entries.push([`${distInfo}/licenses/${f}`, await readFile(path.join(p.dir, f))]);
  for (const [name, text] of Object.entries(plan.distInfo ?? {})) entries.push([`${distInfo}/${name}`, Buffer.from(text)]);
  const record = entries.map(([name, data]) => `${name},sha256=${recordHash(data)},${data.length}\n`).join('') + `${distInfo}/RECORD,,\n`;
  entries.push([`${distInfo}/RECORD`, Buffer.from(record)]);

  const members: ZipMember[] = entries.map(([name, content]) => ({ name, mode: 0o100644, content }));
  return { filename: `${dist}-py3-none-any.whl`, backend: plan.backend, chunks: writeZip(Buffer.alloc(0), members, true), shipped: plan.shipped };
}
