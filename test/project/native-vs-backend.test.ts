// The native project builder against the real backends: each real-shaped project is built by pexship in
// TypeScript and by the backend itself (through pexship's PEP 517 path: a venv of the backend's wheels from
// test/fixtures/build-backends, offline), and the two wheels must ship the same files with the same bytes, the
// same METADATA fields and the same entry points.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexClient } from '../../src/index/index.js';
import { ZipArchive } from '../../src/pex/zip.js';
import { parseHeaders, parseEntryPoints } from '../../src/python/metadata.js';
import { parseRequirement } from '../../src/python/pep508.js';
import { currentTarget, type Target } from '../../src/python/platform.js';
import { buildProjectWheel, type BuiltProject } from '../../src/project/build.js';
import { readProject } from '../../src/resolve/pyproject.js';
import { findInterpreters } from '../helpers/pythons.js';

const BACKENDS = path.resolve('test/fixtures/build-backends');
// hatchling 1.32 needs Python 3.10 or later.
const python = findInterpreters().find((i) => Number(i.minor.split('.')[1]) >= 10);

let work: string;
let cacheDir: string;
let target: Target;
let client: IndexClient;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pexship-native-'));
  cacheDir = path.join(work, 'cache');
  if (python) target = await currentTarget(python.executable);
  client = new IndexClient({ noIndex: true, findLinks: [BACKENDS], extraIndexUrls: [], cacheDir });
});

afterAll(async () => {
  await client?.close();
  rmSync(work, { recursive: true, force: true });
});

type Files = Record<string, string>;

function writeProject(name: string, files: Files): string {
  const dir = path.join(work, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function build(dir: string, forcePep517: boolean): Promise<BuiltProject> {
  const project = await readProject(dir);
  return buildProjectWheel({ project, targets: [target], client, cacheDir, interpreters: [python!.executable], log: () => {}, forcePep517 });
}

interface WheelView {
  files: Map<string, Buffer>;
  metadata: string[];
  body: string;
  entryPoints: string[];
  tag: string;
}

/** Field values normalised where backends spell the same thing differently (requirement and marker quoting). */
function normalField(field: string, value: string): string {
  if (field === 'Requires-Dist') return parseRequirement(value).toString();
  if (field === 'Provides-Extra') return value.toLowerCase();
  return value;
}

function view(wheel: string): WheelView {
  const zip = new ZipArchive(readFileSync(wheel));
  const files = new Map<string, Buffer>();
  for (const e of zip.entries) if (!e.isDirectory) files.set(e.name, zip.read(e));
  const distInfo = [...files.keys()].find((n) => n.endsWith('.dist-info/METADATA'))!.replace(/METADATA$/, '');
  const { headers, body } = parseHeaders(files.get(`${distInfo}METADATA`)!.toString('utf8'));
  const metadata = headers.entries
    // Field names are case-insensitive (pdm-backend writes Author-Email).
    .map(([f, v]) => `${f.toLowerCase()}: ${normalField(f, v)}`)
    .sort();
  const ep = files.get(`${distInfo}entry_points.txt`);
  const entryPoints = ep ? parseEntryPoints(ep.toString('utf8')).map((e) => `${e.group}:${e.name}=${e.value}`).sort() : [];
  const tag = parseHeaders(files.get(`${distInfo}WHEEL`)!.toString('utf8')).headers.get('Tag')!;
  return { files, metadata, body: body.trim(), entryPoints, tag };
}

/** Builds both ways and compares; returns the native wheel's view for further checks. */
async function compare(name: string, files: Files): Promise<WheelView> {
  const dir = writeProject(name, files);
  const native = await build(dir, false);
  expect(native.how, native.reason).toBe('native');
  const real = await build(dir, true);
  expect(real.how).toBe('pep517');
  expect(path.basename(native.wheel)).toBe(path.basename(real.wheel));
  const ours = view(native.wheel);
  const theirs = view(real.wheel);
  const shipped = (v: WheelView) => [...v.files.keys()].filter((n) => !n.endsWith('/RECORD') && !n.endsWith('/WHEEL')).sort();
  expect(shipped(ours)).toEqual(shipped(theirs));
  for (const [n, data] of theirs.files) if (!/\/(RECORD|WHEEL|METADATA)$/.test(n)) expect(ours.files.get(n)?.toString('utf8'), n).toBe(data.toString('utf8'));
  expect(ours.metadata).toEqual(theirs.metadata);
  expect(ours.body).toBe(theirs.body);
  expect(ours.entryPoints).toEqual(theirs.entryPoints);
  expect(ours.tag).toBe(theirs.tag);
  return ours;
}

const PROJECT = (name: string) => `name = "${name}"
version = "1.2.0"
description = "A small app"
readme = "README.md"
requires-python = ">=3.9"
license = "MIT"
authors = [{name = "Ann Dev", email = "ann@example.com"}, {name = "Bo"}]
keywords = ["one", "two"]
classifiers = ["Programming Language :: Python :: 3", "Operating System :: OS Independent"]
dependencies = ["click>=8", "requests[socks]>=2; python_version >= \\"3.10\\""]

[project.optional-dependencies]
fast = ["orjson>=3"]
Dev-Tools = ["pytest", "coverage; sys_platform == 'linux'"]

[project.urls]
Homepage = "https://example.com"

[project.scripts]
my-app = "my_app.cli:main"

[project.gui-scripts]
my-app-gui = "my_app.cli:main"

[project.entry-points."my.plugins"]
one = "my_app.sub:x"
`;

/** A package with a subpackage, package data, a data folder, a stale egg-info and byte-code beside it. */
function tree(root: string): Files {
  return {
    [`${root}/__init__.py`]: '__version__ = "1.2.0"\n',
    [`${root}/cli.py`]: 'def main():\n    print("hi")\n',
    [`${root}/sub/__init__.py`]: 'x = 1\n',
    [`${root}/data/config.json`]: '{"a": 1}\n',
    [`${root}/greeting.txt`]: 'hello\n',
    [`${root}/__pycache__/cli.cpython-311.pyc`]: 'junk',
    [`${root}.egg-info/SOURCES.txt`]: 'stale\n',
    'LICENSE': 'MIT License\n',
    'README.md': '# My App\n\nA thing.\n',
    'tests/test_it.py': 'def test(): pass\n',
  };
}

const layouts = [
  ['src', 'src/my_app'],
  ['flat', 'my_app'],
] as const;

describe.skipIf(!python)('native wheels equal the backends’ own (needs CPython 3.10+; none found when skipped)', () => {
  for (const [layout, root] of layouts) {
    it(`hatchling, ${layout} layout: files, package data, metadata, scripts, extras`, async () => {
      const v = await compare(`hatch-${layout}`, {
        ...tree(root),
        'pyproject.toml': `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\n${PROJECT('My.App')}`,
        '.gitignore': '*.log\n/notes/\n',
        [`${root}/debug.log`]: 'ignored\n',
      });
      expect([...v.files.keys()]).toContain('my_app/data/config.json');
      expect([...v.files.keys()]).not.toContain('my_app/debug.log');
    });

    it(`flit-core, ${layout} layout, with a dynamic version from __version__`, async () => {
      const project = PROJECT('my_app').replace('version = "1.2.0"', 'dynamic = ["version"]');
      await compare(`flit-${layout}`, { ...tree(root), 'pyproject.toml': `[build-system]\nrequires = ["flit_core>=3.4"]\nbuild-backend = "flit_core.buildapi"\n\n[project]\n${project}` });
    });

    it(`poetry-core, ${layout} layout`, async () => {
      const packages = layout === 'src' ? '[tool.poetry]\npackages = [{include = "my_app", from = "src"}]\n' : '';
      await compare(`poetry-${layout}`, { ...tree(root), 'pyproject.toml': `[build-system]\nrequires = ["poetry-core>=2"]\nbuild-backend = "poetry.core.masonry.api"\n\n[project]\n${PROJECT('my-app')}\n${packages}` });
    });

    it(`pdm-backend, ${layout} layout`, async () => {
      await compare(`pdm-${layout}`, { ...tree(root), 'pyproject.toml': `[build-system]\nrequires = ["pdm-backend"]\nbuild-backend = "pdm.backend"\n\n[project]\n${PROJECT('My.App')}` });
    });

    it(`setuptools, ${layout} layout, automatic discovery`, async () => {
      const v = await compare(`setuptools-${layout}`, { ...tree(root), 'pyproject.toml': `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\n${PROJECT('My.App')}` });
      // No MANIFEST.in and no VCS plugin: setuptools ships only modules, however include-package-data is set.
      expect([...v.files.keys()]).not.toContain('my_app/greeting.txt');
    });
  }

  it('pdm-backend with no scripts still writes its empty entry-point groups', async () => {
    const project = PROJECT('my-app').replace(/\[project\.scripts\][\s\S]*$/, '');
    const v = await compare('pdm-noscripts', { ...tree('src/my_app'), 'pyproject.toml': `[build-system]\nrequires = ["pdm-backend"]\nbuild-backend = "pdm.backend"\n\n[project]\n${project}` });
    expect(v.entryPoints).toEqual([]);
  });

  it('setuptools with packages.find and package-data globs', async () => {
    await compare('setuptools-find', {
      ...tree('src/my_app'),
      'pyproject.toml': `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\n${PROJECT('my-app')}\n[tool.setuptools.packages.find]\nwhere = ["src"]\n\n[tool.setuptools.package-data]\nmy_app = ["*.txt", "data/*.json"]\n`,
    });
  });

  it('setuptools with an explicit package list', async () => {
    await compare('setuptools-list', {
      ...tree('my_app'),
      'pyproject.toml': `[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[project]\n${PROJECT('my-app')}\n[tool.setuptools]\npackages = ["my_app"]\n`,
    });
  });

  it('hatchling with explicit packages and a version read from a file', async () => {
    await compare('hatch-packages', {
      ...tree('lib/my_app'),
      'pyproject.toml': `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\n${PROJECT('my-app').replace('version = "1.2.0"', 'dynamic = ["version"]')}\n[tool.hatch.version]\npath = "lib/my_app/__init__.py"\n\n[tool.hatch.build.targets.wheel]\npackages = ["lib/my_app"]\n`,
    });
  });

  it('falls back to the backend for options it does not model, and says why', async () => {
    const dir = writeProject('hatch-exclude', {
      ...tree('src/my_app'),
      'pyproject.toml': `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\n${PROJECT('my-app')}\n[tool.hatch.build.targets.wheel]\npackages = ["src/my_app"]\nexclude = ["*.txt"]\n`,
    });
    const built = await build(dir, false);
    expect(built.how).toBe('pep517');
    expect(built.reason).toMatch(/exclude/);
    expect(view(built.wheel).files.has('my_app/greeting.txt')).toBe(false);
    expect(view(built.wheel).files.has('my_app/cli.py')).toBe(true);
  });
});

// uv_build's wheel holds a platform binary, so it is not a fixture here: its rules are modelled from its
// documentation and source (crates/uv-build-backend), and the native wheel is checked against the wheel
// written out by hand from those rules.
describe('uv_build (modelled; expected wheel written by hand)', () => {
  const expectedMetadata = [
    'Metadata-Version: 2.4',
    'Author-email: Ann Dev <ann@example.com>',
    'Author: Ann Dev, Bo',
    'Classifier: Operating System :: OS Independent',
    'Classifier: Programming Language :: Python :: 3',
    'Description-Content-Type: text/markdown',
    'Keywords: one,two',
    'License-Expression: MIT',
    'Name: My.App',
    'Project-URL: Homepage, https://example.com',
    'Provides-Extra: dev-tools',
    'Provides-Extra: fast',
    'Requires-Dist: click>=8',
    'Requires-Dist: coverage; sys_platform == "linux" and extra == "dev-tools"',
    'Requires-Dist: orjson>=3; extra == "fast"',
    'Requires-Dist: pytest; extra == "dev-tools"',
    'Requires-Dist: requests[socks]>=2; python_version >= "3.10"',
    'Requires-Python: >=3.9',
    'Summary: A small app',
    'Version: 1.2.0',
  ].map((line) => {
    const [f, v] = line.split(/: (.*)/s);
    return `${f.toLowerCase()}: ${normalField(f, v)}`;
  }).sort();
  const expectedEntryPoints = '[console_scripts]\nmy-app = my_app.cli:main\n\n[gui_scripts]\nmy-app-gui = my_app.cli:main\n\n[my.plugins]\none = my_app.sub:x\n\n';

  for (const [layout, root, settings] of [
    ['src', 'src/my_app', ''],
    ['flat', 'my_app', '[tool.uv.build-backend]\nmodule-root = ""\n'],
  ] as const) {
    it(`${layout} layout`, async () => {
      const dir = writeProject(`uv-${layout}`, {
        ...tree(root),
        'pyproject.toml': `[build-system]\nrequires = ["uv_build>=0.9,<0.10"]\nbuild-backend = "uv_build"\n\n[project]\n${PROJECT('My.App')}\n${settings}`,
      });
      const built = await buildProjectWheel({ project: await readProject(dir), targets: [await currentTarget('python3')], client, cacheDir, interpreters: [], log: () => {} });
      expect(built.how, built.reason).toBe('native');
      expect(path.basename(built.wheel)).toBe('my_app-1.2.0-py3-none-any.whl');
      const v = view(built.wheel);
      expect([...v.files.keys()].sort()).toEqual(
        ['my_app/__init__.py', 'my_app/cli.py', 'my_app/data/config.json', 'my_app/greeting.txt', 'my_app/sub/__init__.py', ...['METADATA', 'RECORD', 'WHEEL', 'entry_points.txt'].map((f) => `my_app-1.2.0.dist-info/${f}`)].sort(),
      );
      expect(v.metadata).toEqual(expectedMetadata);
      expect(v.files.get('my_app-1.2.0.dist-info/METADATA')!.toString()).toMatch(/^Metadata-Version: 2\.4\n/);
      expect(v.files.get('my_app-1.2.0.dist-info/entry_points.txt')!.toString()).toBe(expectedEntryPoints);
      expect(v.body).toBe('# My App\n\nA thing.');
    });
  }

  it('leaves a dynamic version and unmodelled settings to uv_build', async () => {
    const dir = writeProject('uv-dynamic', {
      ...tree('src/my_app'),
      'pyproject.toml': `[build-system]\nrequires = ["uv_build"]\nbuild-backend = "uv_build"\n\n[project]\n${PROJECT('my-app')}\n[tool.uv.build-backend]\nwheel-exclude = ["*.txt"]\n`,
    });
    const { buildNative } = await import('../../src/project/native.js');
    const { listProjectFiles } = await import('../../src/project/files.js');
    const project = await readProject(dir);
    await expect(buildNative({ dir, doc: project.doc, files: await listProjectFiles(dir) })).rejects.toThrow(/\[tool\.uv\.build-backend\] sets wheel-exclude/);
  });
});
