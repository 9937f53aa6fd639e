/**
 * `-e`/`-m` checked against what the PEX will hold, so a typo or a forgotten `-D` is a build error, not a PEX
 * that dies at start: the syntax and the `-D` folders before any network work, the module after install.
 */
import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { STDLIB_MODULES } from '../python/stdlib-modules.js';

export const ENTRY_POINT = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(:[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*)?$/;

export function checkEntryPointSyntax(entryPoint: string | undefined): void {
  if (entryPoint !== undefined && !ENTRY_POINT.test(entryPoint)) {
    throw new UsageError(`entry point '${entryPoint}' is not MODULE or MODULE:FUNCTION (e.g. myapp.cli:main).`);
  }
}

export async function checkSourcesDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new UsageError(`--sources-directory ${dir} does not exist; give a folder of your Python code.`);
  if (!info.isDirectory()) throw new UsageError(`--sources-directory ${dir} is not a folder.`);
}

/** Before resolving: the entry point's syntax and that every `-D` folder is there. */
export async function checkEntryInputs(entryPoint: string | undefined, sourcesDirs: string[]): Promise<void> {
  checkEntryPointSyntax(entryPoint);
  for (const dir of sourcesDirs) await checkSourcesDir(dir);
}

/** Where a module can come from: the names of the files in the PEX root (sources and installed wheels). */
function moduleFiles(module: string, names: ReadonlySet<string>, dirs: ReadonlySet<string>): 'module' | 'package' | 'namespace' | undefined {
  const base = module.replaceAll('.', '/');
  if (names.has(`${base}/__init__.py`)) return 'package';
  if (names.has(`${base}.py`)) return 'module';
  // Extension modules (`name.cpython-311-x86_64-linux-gnu.so`, `name.pyd`) and byte-code-only modules.
  const slash = base.lastIndexOf('/');
  const leaf = base.slice(slash + 1);
  const folder = base.slice(0, slash + 1);
  for (const n of names) {
    if (n.startsWith(`${folder}${leaf}.`) && !n.slice(folder.length).includes('/') && /\.(so|pyd|pyc)$/.test(n)) return 'module';
  }
  if (dirs.has(base)) return 'namespace';
  return undefined;
}

/**
 * After install: the entry point's module must be in the PEX (its code from `-D`, or a distribution of each
 * target) or in the standard library; a package run without a function needs its `__main__`.
 */
export function checkEntryModule(entryPoint: string, code: string[], targets: { label: string; files: string[] }[]): void {
  const [module, func] = entryPoint.split(':');
  const top = module.split('.')[0];
  for (const t of targets) {
    const names = new Set([...code, ...t.files]);
    const dirs = new Set<string>();
    for (const n of names) for (let i = n.indexOf('/'); i > 0; i = n.indexOf('/', i + 1)) dirs.add(n.slice(0, i));
    const kind = moduleFiles(module, names, dirs);
    if (kind === undefined) {
      if (STDLIB_MODULES.has(top) && !dirs.has(top) && !names.has(`${top}.py`)) continue;
      const where = code.length ? 'your code (-D) or' : 'any -D folder (none given) or';
      const topThere = moduleFiles(top, names, dirs);
      throw new UsageError(
        `entry point ${entryPoint}: the module ${module} is not in ${where} the distributions for ${t.label}` +
          (topThere && top !== module ? ` (${top} is, but has no ${module.slice(top.length + 1).replaceAll('.', '/')}.py)` : '') +
          '; check the name, add the folder that holds it with -D (for a src/ layout: -D src), or add the distribution that provides it.',
      );
    }
    if (func === undefined && kind !== 'module' && !names.has(`${module.replaceAll('.', '/')}/__main__.py`)) {
      throw new UsageError(`entry point ${entryPoint}: ${module} is a package without a __main__.py, so it cannot be run; name a function (${module}.MODULE:FUNCTION) or add ${module}/__main__.py.`);
    }
  }
}
