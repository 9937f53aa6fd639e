// The Python runtime that runs inside every PEX (see FORMAT.md): `__main__.py` rendered from bootstrap/stub.py,
// which runs `.bootstrap/main.py` (rendered from bootstrap/main.py), plus the cold-path package under
// `.bootstrap/pexship_runtime/`.
import { createHash } from 'node:crypto';
import archivePy from './bootstrap/archive.py';
import bootPy from './bootstrap/boot.py';
import cachePy from './bootstrap/cache.py';
import fitPy from './bootstrap/fit.py';
import initPy from './bootstrap/__init__.py';
import launchPy from './bootstrap/launch.py';
import logPy from './bootstrap/log.py';
import mainPy from './bootstrap/main.py';
import pexpathPy from './bootstrap/pexpath.py';
import reexecPy from './bootstrap/reexec.py';
import runPy from './bootstrap/run.py';
import shimsPy from './bootstrap/shims.py';
import stubPy from './bootstrap/stub.py';
import specifiersPy from './bootstrap/specifiers.py';
import tagsPy from './bootstrap/tags.py';
import venvsPy from './bootstrap/venvs.py';
import { UsageError } from '../errors.js';

export interface RuntimeEntry {
  /** Path inside the zip. */
  path: string;
  /** UTF-8 text. */
  content: string;
}

/** `-c NAME` naming a wheel's `.data/scripts` file: [wheel file name, path in its folder, how it runs]. */
export type ScriptFile = [string, string, 'python' | 'program'];

export interface MainConstants {
  pexHash: string;
  entryPoint: string | null;
  scriptEntry: string | null;
  scriptFile?: ScriptFile | null;
  /** {wheel file name: its top-level .pth files}, only wheels that have some. */
  pthFiles?: Record<string, string[]>;
  inheritPath: 'false' | 'prefer' | 'fallback';
  venv: boolean;
  stripPexEnv: boolean;
  /** pex's `inject_args`, `inject_env` and `pex_path` (also in PEX-INFO). */
  injectArgs?: string[];
  injectEnv?: Record<string, string>;
  pexPath?: string[];
}

export const RUNTIME_PACKAGE_DIR = '.bootstrap/pexship_runtime';
/** Where the rendered bootstrap goes; stub.py and the cold path (boot.py, venvs.py) read it there. */
export const BOOTSTRAP_PATH = '.bootstrap/main.py';

const PACKAGE: Record<string, string> = {
  '__init__.py': initPy,
  'archive.py': archivePy,
  'boot.py': bootPy,
  'cache.py': cachePy,
  'fit.py': fitPy,
  'launch.py': launchPy,
  'log.py': logPy,
  'pexpath.py': pexpathPy,
  'reexec.py': reexecPy,
  'run.py': runPy,
  'shims.py': shimsPy,
  'specifiers.py': specifiersPy,
  'tags.py': tagsPy,
  'venvs.py': venvsPy,
};

/** Files under `.bootstrap/` (the cold path), sorted by path. */
export function runtimeFiles(): RuntimeEntry[] {
  return Object.keys(PACKAGE)
    .sort()
    .map((name) => ({ path: `${RUNTIME_PACKAGE_DIR}/${name}`, content: PACKAGE[name] }));
}

// `pkg.mod`, `pkg.mod:func`, `pkg.mod:Class.method`: Python identifiers only, so nothing else reaches the code.
const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*(:${IDENT}(\\.${IDENT})*)?$`);
const SCRIPT_ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*:${IDENT}(\\.${IDENT})*$`);

type PyStrings = string | PyStrings[] | { [key: string]: PyStrings };
type PyValue = boolean | null | PyStrings;

/** A Python literal for the value; JSON strings, and lists and objects of them, are valid Python once
 * non-ASCII is escaped (null and booleans only at the top level: their JSON spelling is not Python's). */
function pyLiteral(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `__main__.py`: the stub that runs `bootstrap` (renderMain's output) from bytecode cached by its sha1. */
export function renderStub(bootstrap: string): string {
  const placeholder = "'@BOOT_HASH@'";
  if (!stubPy.includes(placeholder)) throw new Error(`renderStub: template has no ${placeholder}`);
  return stubPy.replace(placeholder, pyLiteral(createHash('sha1').update(bootstrap, 'utf8').digest('hex')));
}

/** `.bootstrap/main.py`: the template with constants filled in. */
export function renderMain(c: MainConstants): string {
  if (!/^[0-9a-f]{40}$/.test(c.pexHash)) throw new Error(`renderMain: pexHash must be 40 lowercase hex digits, got ${JSON.stringify(c.pexHash)}`);
  if (c.entryPoint !== null && !ENTRY.test(c.entryPoint)) {
    throw new UsageError(`entry point ${JSON.stringify(c.entryPoint)} (-e/--entry-point or -m) is not MODULE or MODULE:FUNCTION; use e.g. -e app.cli:main`);
  }
  if (c.scriptEntry !== null && !SCRIPT_ENTRY.test(c.scriptEntry)) {
    throw new UsageError(`console script target ${JSON.stringify(c.scriptEntry)} (-c/--script) is not MODULE:ATTRIBUTE; check the distribution's entry points`);
  }
  if (!['false', 'prefer', 'fallback'].includes(c.inheritPath)) throw new Error(`renderMain: inheritPath ${JSON.stringify(c.inheritPath)}`);
  const values: Record<string, PyValue> = {
    PEX_HASH: c.pexHash,
    ENTRY_POINT: c.entryPoint,
    SCRIPT_ENTRY: c.scriptEntry,
    SCRIPT_FILE: c.scriptFile ?? null,
    PTH_FILES: c.pthFiles ?? {},
    INHERIT_PATH: c.inheritPath,
    VENV: c.venv,
    STRIP_PEX_ENV: c.stripPexEnv,
    INJECT_ARGS: c.injectArgs ?? [],
    INJECT_ENV: c.injectEnv ?? {},
    PEX_PATH: c.pexPath ?? [],
  };
  let out = mainPy;
  for (const [name, value] of Object.entries(values)) {
    const placeholder = `'@${name}@'`;
    if (!out.includes(placeholder)) throw new Error(`renderMain: template has no ${placeholder}`);
    out = out.replace(placeholder, pyLiteral(value));
  }
  return out;
}
