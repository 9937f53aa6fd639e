/**
 * Assembles a PEX from installed wheels and the user's sources (FORMAT.md): entries in a fixed order with
 * fixed dates and modes, written to a temporary file beside the output and renamed into place, so a failed
 * build never leaves a half-written file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { timePhase } from '../timings.js';
import { PexshipError, UsageError } from '../errors.js';
import { PEXSHIP_VERSION } from '../version.js';
import { compileFiles, isCompilable, pycName, type SourceFile as CompileSource } from './compile.js';
import { checkEntryModule, checkEntryPointSyntax, checkSourcesDir } from './entry-check.js';
import { installWheel, type InstalledWheel } from './install.js';
import { dirFiles, writeDirPex, type Layout } from './layout.js';
import { BOOTSTRAP_PATH, renderMain, renderStub, runtimeFiles, type ScriptFile } from './runtime.js';
import { shBootScript } from './sh-boot.js';
import { SpanReader, ChangedFileError } from './span-reader.js';
import { layOutZip, memberContent, type ZipLayout, type ZipMember } from './zip.js';

export type InheritPath = 'false' | 'prefer' | 'fallback';
/** pex's `venv_bin_path`: where a --venv PEX puts its venv's bin/ on PATH, if at all. */
export type VenvBinPath = 'false' | 'prepend' | 'append';

export interface PexTarget {
  /** The target as the user named it, e.g. `manylinux2014_x86_64-cp-311-cp311`. */
  platform: string;
  /** File names of the wheels that serve this target. */
  wheels: string[];
}

export interface BuildPexOptions {
  /** Paths of the wheel files to install (already resolved and downloaded). */
  wheels: string[];
  /** Folders whose contents go to the PEX root (`-D`). */
  sourcesDirs?: string[];
  /** `module` or `module:function` (`-e`, `-m`). */
  entryPoint?: string;
  /** A console script of one of the wheels (`-c`). */
  script?: string;
  output: string;
  /** Interpreter to name in the shebang line, e.g. `/usr/bin/env python3.11` or `python3`. */
  shebang?: string;
  interpreterConstraints?: string[];
  inheritPath?: InheritPath;
  venv?: boolean;
  compress?: boolean;
  /** Keeps checked installs of each wheel here (by sha256) so later builds skip the checks' work. */
  cacheDir?: string;
  /** The requirement strings the build was asked for (recorded in PEX-INFO). */
  requirements?: string[];
  /** Which wheels serve which target; default: one target, every wheel, named `current`. */
  targets?: PexTarget[];
  /** `--layout`: one zip file (default), or a directory (layout.ts). */
  layout?: Layout;
  /** `--inject-args`: arguments put before the user's on every run. */
  injectArgs?: string[];
  /** `--inject-env`: variables set on every run unless the environment already has them. */
  injectEnv?: Record<string, string>;
  /** `--pex-path`: other PEXes whose distributions and code join this one's at run time. */
  pexPath?: string[];
  /** `--venv prepend|append`. */
  venvBinPath?: VenvBinPath;
  /** `--sh-boot`: a /bin/sh preamble instead of a Python shebang (zipapp only). */
  shBoot?: boolean;
  /** `--compile`: local CPython interpreters, one per target Python version, that make the .pyc files. */
  compileWith?: string[];
  /** `--exclude` and `--override` as given, recorded in PEX-INFO (the resolver already applied them). */
  excluded?: string[];
  overridden?: string[];
  /** Told of each batch written to the PEX file: its bytes, and the file's total size. */
  onWrite?: (bytes: number, total: number) => void;
}

export interface DistributionSummary {
  filename: string;
  project: string;
  version: string;
  sha256: string;
  wheelSize: number;
}

export interface BuildPexResult {
  path: string;
  size: number;
  sha256: string;
  pexHash: string;
  codeHash: string;
  entryPoint: string | null;
  script: string | null;
  distributions: DistributionSummary[];
  targets: PexTarget[];
  pexInfo: Record<string, unknown>;
}

interface SourceFile {
  name: string;
  content: Buffer;
  executable: boolean;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Reads every file under the `-D` folders; a path given twice with different content is an error. */
async function readSources(dirs: string[]): Promise<SourceFile[]> {
  const files = new Map<string, SourceFile & { from: string }>();
  for (const dir of dirs) {
    await checkSourcesDir(dir);
    const walk = async (rel: string): Promise<void> => {
      const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
      for (const entry of entries) {
        const name = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.name === '__pycache__' || entry.name.endsWith('.pyc') || entry.name === '.git') continue;
        const full = path.join(dir, name);
        const st = await stat(full); // follows links: a linked file's content is what the user means
        if (st.isDirectory()) await walk(name);
        else if (st.isFile()) {
          if (name === '__main__.py' || name === 'PEX-INFO' || name.startsWith('.deps/') || name.startsWith('.bootstrap/')) {
            throw new UsageError(`${full}: the name ${name} is reserved inside a PEX; rename it, or use -e to name your entry point.`);
          }
          const content = await readFile(full);
          const prior = files.get(name);
          if (prior && !prior.content.equals(content)) {
            throw new UsageError(`${name} is in both ${prior.from} and ${dir} with different content; keep one.`);
          }
          files.set(name, { name, content, executable: (st.mode & 0o111) !== 0, from: dir });
        }
      }
    };
    await walk('');
  }
  return [...files.values()].sort(byName);
}

/**
 * sha1 over names then contents, pex's scheme for `code_hash`: the sorted relative paths joined, then each
 * file's bytes in that order. Unlike pex, dot-files count too: the runtime keys the extracted code by it.
 */
function codeHashOf(sources: SourceFile[]): string {
  const h = createHash('sha1');
  h.update(sources.map((f) => f.name).join(''));
  for (const f of sources) h.update(f.content);
  return h.digest('hex');
}

/** What `-c NAME` runs: a console script's `module:attr`, or a wheel's `.data/scripts/NAME` file. */
interface ResolvedScript {
  entry: string | null;
  file: ScriptFile | null;
}

function resolveScript(script: string, wheels: InstalledWheel[]): ResolvedScript {
  const owners = wheels.filter((w) => script in w.consoleScripts);
  if (owners.length === 0) {
    const file = wheels.find((w) => script in w.dataScripts);
    if (file) return { entry: null, file: [file.filename, file.dataScripts[script].path, file.dataScripts[script].kind] };
    const known = [...new Set(wheels.flatMap((w) => [...Object.keys(w.consoleScripts), ...Object.keys(w.dataScripts)]))].sort();
    throw new UsageError(
      `no distribution in this PEX has a console script or script named '${script}'` +
        (known.length ? `; available: ${known.join(', ')}.` : '; none of its distributions declares scripts. Use -e MODULE[:FUNC] instead.'),
    );
  }
  const targets = new Set(owners.map((w) => w.consoleScripts[script]));
  if (targets.size > 1) {
    throw new UsageError(`console script '${script}' is declared by ${owners.map((w) => w.filename).join(' and ')} with different targets; use -e MODULE:FUNC to choose.`);
  }
  return { entry: owners[0].consoleScripts[script], file: null };
}

/** PEX-INFO's record of one wheel (FORMAT.md); `pth_files` and `scripts` only when it has some. */
function wheelRecord(w: InstalledWheel): Record<string, unknown> {
  const scripts = Object.fromEntries(Object.entries(w.dataScripts).map(([name, s]) => [name, s.kind]));
  return {
    console_scripts: w.consoleScripts,
    data: w.hasData,
    project: w.project,
    pth_files: w.pthFiles.length ? w.pthFiles : undefined,
    requires_python: w.requiresPython,
    scripts: Object.keys(scripts).length ? scripts : undefined,
    version: w.version,
  };
}

/**
 * Installs the wheels, assembles the PEX and writes it atomically to `options.output`. A cached wheel found
 * changed since it was downloaded is removed from the cache (the next build downloads it again) and fails the
 * build, leaving any earlier output as it was.
 */
export async function buildPex(options: BuildPexOptions): Promise<BuildPexResult> {
  try {
    return await assemble(options);
  } catch (e) {
    if (!(e instanceof ChangedFileError)) throw e;
    await rm(e.file, { force: true });
    throw new ChangedFileError(e.file, e.expected, e.found, true);
  }
}

async function assemble(options: BuildPexOptions): Promise<BuildPexResult> {
  if (options.entryPoint && options.script) {
    throw new UsageError('give either an entry point (-e/-m) or a console script (-c), not both.');
  }
  checkEntryPointSyntax(options.entryPoint);
  const wheelPaths = [...new Set(options.wheels.map((w) => path.resolve(w)))];
  const layout = options.layout ?? 'zipapp';
  // Cached wheels' members stay in their files for the zipapp writer to copy; other outputs need their bytes.
  const spans = layout === 'zipapp' && (options.compress ?? true) && !options.compileWith?.length;
  const [installed, sources] = await Promise.all([
    timePhase('install', () => Promise.all(wheelPaths.map((w) => installWheel(w, { cacheDir: options.cacheDir, spans })))),
    readSources(options.sourcesDirs ?? []),
  ]);
  installed.sort((a, b) => (a.filename < b.filename ? -1 : 1));
  for (let i = 1; i < installed.length; i++) {
    if (installed[i].filename === installed[i - 1].filename) {
      throw new UsageError(`two different files are named ${installed[i].filename}; give each wheel once.`);
    }
  }
  const resolved = options.script ? resolveScript(options.script, installed) : { entry: null, file: null };
  const scriptEntry = resolved.entry;
  const targets = options.targets ?? [{ platform: 'current', wheels: installed.map((w) => w.filename) }];
  const known = new Set(installed.map((w) => w.filename));
  for (const t of targets) {
    for (const w of t.wheels) if (!known.has(w)) throw new Error(`target ${t.platform} names ${w}, which is not among the wheels being installed`);
  }
  for (const t of options.script ? targets : []) {
    const owns = (w: InstalledWheel) => options.script! in w.consoleScripts || options.script! in w.dataScripts;
    if (!installed.some((w) => t.wheels.includes(w.filename) && owns(w))) {
      throw new UsageError(`console script '${options.script}' is in no distribution for ${t.platform}; add the distribution that declares it for that target, or build that target separately.`);
    }
  }
  if (options.entryPoint) {
    const files = (t: PexTarget) => installed.filter((w) => t.wheels.includes(w.filename)).flatMap((w) => w.members.map((m) => m.name));
    checkEntryModule(options.entryPoint, sources.map((f) => f.name), targets.map((t) => ({ label: t.platform, files: files(t) })));
  }

  if (options.shBoot && layout !== 'zipapp') {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${layout} directory runs with 'python DIR', so drop one of them.`);
  }
  // Everything but __main__.py and PEX-INFO, in entry order: they carry the hashes of the rest.
  const runtime = runtimeFiles();
  const pycs = options.compileWith?.length ? await compiledMembers(options.compileWith, installed, sources, options.cacheDir) : new Map<string, ZipMember[]>();
  const wheelMembers = installed.map((w) => ({ filename: w.filename, members: withPycs(w.members, pycs.get(w.filename)) }));
  const sourceMembers: ZipMember[] = withPycs(
    sources.map((f) => ({ name: f.name, mode: f.executable ? 0o100755 : 0o100644, content: f.content })),
    pycs.get(''),
  );

  const codeHash = codeHashOf(sources);
  // pex_hash names the whole content: the runtime, each wheel (by its sha256) and the user code.
  const pexHasher = createHash('sha1');
  for (const r of runtime) pexHasher.update(`${r.path}\0${r.content}\0`);
  for (const w of installed) pexHasher.update(`${w.filename}\0${w.sha256}\0`);
  pexHasher.update(`code\0${codeHash}\0`);
  const inheritPath = options.inheritPath ?? 'false';
  const entryPoint = options.entryPoint ?? null;
  const shebangPython = pythonFromShebang(options.shebang);
  const pexInfoObject: Record<string, unknown> = {
    build_properties: { pexship_version: PEXSHIP_VERSION, platforms: targets.map((t) => t.platform) },
    code_hash: codeHash,
    distributions: Object.fromEntries(installed.map((w) => [w.filename, w.sha256])),
    entry_point: entryPoint,
    excluded: options.excluded ?? [],
    inherit_path: inheritPath,
    inject_args: options.injectArgs ?? [],
    inject_env: options.injectEnv ?? {},
    interpreter_constraints: options.interpreterConstraints ?? [],
    overridden: options.overridden ?? [],
    pex_path: options.pexPath ?? [],
    pexship: {
      format: 1,
      script_entry: scriptEntry,
      script_file: resolved.file ?? undefined,
      shebang_python: shebangPython,
      targets,
      version: PEXSHIP_VERSION,
      wheels: Object.fromEntries(installed.map((w) => [w.filename, wheelRecord(w)])),
    },
    requirements: options.requirements ?? [],
    script: options.script ?? null,
    strip_pex_env: true,
    venv: options.venv ?? false,
    venv_bin_path: options.venvBinPath ?? 'false',
  };
  pexHasher.update(JSON.stringify(sortKeys({ ...pexInfoObject, build_properties: undefined, pexship: { ...(pexInfoObject.pexship as object), version: undefined } })));
  const pexHash = pexHasher.digest('hex');
  pexInfoObject.pex_hash = pexHash;
  const pexInfo = Buffer.from(JSON.stringify(sortKeys(pexInfoObject)));
  const pthFiles = Object.fromEntries(installed.filter((w) => w.pthFiles.length).map((w) => [w.filename, w.pthFiles]));
  const mainPy = renderMain({
    pexHash,
    entryPoint,
    scriptEntry,
    scriptFile: resolved.file,
    inheritPath,
    venv: options.venv ?? false,
    stripPexEnv: true,
    pthFiles,
    injectArgs: options.injectArgs ?? [],
    injectEnv: options.injectEnv ?? {},
    pexPath: options.pexPath ?? [],
  });
  const shebangLine = `#!${options.shebang ?? defaultShebang()}\n`;
  const stubPy = renderStub(mainPy);
  const runtimeMembers: ZipMember[] = [{ path: BOOTSTRAP_PATH, content: mainPy }, ...runtime].map((r) => ({ name: r.path, mode: 0o100644, content: Buffer.from(r.content, 'utf8') }));

  let written: { size: number; sha256: string };
  if (layout === 'zipapp') {
    const members: ZipMember[] = [
      { name: '__main__.py', mode: 0o100644, content: Buffer.from(stubPy, 'utf8') },
      ...runtimeMembers,
      { name: 'PEX-INFO', mode: 0o100644, content: pexInfo },
      ...wheelMembers.flatMap((w) => w.members.map((m) => ({ ...m, name: `.deps/${w.filename}/${m.name}` }))),
      ...sourceMembers,
    ];
    const head = Buffer.from(options.shBoot ? shBootScript(shBootNames(shebangPython, targets)) : shebangLine);
    written = await timePhase('write', () => writeAtomically(options.output, layOutZip(head, members, options.compress ?? true), options.onWrite));
  } else {
    // `DIR/__main__.py` runs by its own shebang line too.
    const head: ZipMember[] = [
      { name: '__main__.py', mode: 0o100755, content: Buffer.from(shebangLine + stubPy, 'utf8') },
      ...runtimeMembers,
      { name: 'PEX-INFO', mode: 0o100644, content: pexInfo },
    ];
    written = await writeDirPex(options.output, dirFiles(layout, { head, wheels: wheelMembers, sources: sourceMembers }, options.compress ?? true));
  }

  return {
    path: path.resolve(options.output),
    size: written.size,
    sha256: written.sha256,
    pexHash,
    codeHash,
    entryPoint,
    script: options.script ?? null,
    distributions: installed.map((w) => ({ filename: w.filename, project: w.project, version: w.version, sha256: w.sha256, wheelSize: w.wheelSize })),
    targets,
    pexInfo: pexInfoObject,
  };
}

/** Interpreter names the sh preamble tries: the targets' `python3.X`, then `python3` and `python`. */
function shBootNames(shebangPython: string | null, targets: PexTarget[]): string[] {
  const names: string[] = [];
  if (shebangPython && /^python[\d.]*$/.test(shebangPython)) names.push(shebangPython);
  for (const t of targets) {
    const m = /-cp-?(\d)(\d+)|cp(\d)(\d+)/.exec(t.platform);
    if (m) names.push(`python${m[1] ?? m[3]}.${m[2] ?? m[4]}`);
  }
  return [...new Set([...names, 'python3', 'python'])];
}

/** .pyc members per place: '' for the sources, else a wheel file name; one set per interpreter. */
async function compiledMembers(interpreters: string[], installed: InstalledWheel[], sources: SourceFile[], cacheDir?: string): Promise<Map<string, ZipMember[]>> {
  const groups: { key: string; files: CompileSource[] }[] = [
    { key: '', files: sources.filter((f) => f.name.endsWith('.py')) },
    ...installed.map((w) => ({ key: w.filename, files: w.members.filter((m) => isCompilable(m.name)).map((m) => ({ name: m.name, content: memberContent(m) })) })),
  ];
  const all = groups.flatMap((g) => g.files);
  const out = new Map<string, ZipMember[]>();
  for (const python of [...new Set(interpreters)]) {
    const { tag, pycs } = await compileFiles(python, all, cacheDir);
    let i = 0;
    for (const g of groups) {
      const list = out.get(g.key) ?? [];
      for (const f of g.files) {
        const pyc = pycs[i++];
        if (pyc) list.push({ name: pycName(f.name, tag), mode: 0o100644, content: pyc });
      }
      out.set(g.key, list);
    }
  }
  return out;
}

/** Members plus their pycs, sorted by name. */
function withPycs(members: ZipMember[], pycs: ZipMember[] | undefined): ZipMember[] {
  if (!pycs?.length) return members;
  return [...members, ...pycs].sort(byName);
}

function defaultShebang(): string {
  return '/usr/bin/env python3';
}

/** `python3.11` from `/usr/bin/env python3.11` or `/usr/bin/python3.11`, for the runtime's re-exec hints. */
function pythonFromShebang(shebang: string | undefined): string | null {
  if (!shebang) return null;
  const last = shebang.trim().split(/\s+/).pop() ?? '';
  return path.posix.basename(last) || null;
}

/** JSON with sorted keys at every level (PEX-INFO is compared byte for byte between builds). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Writes the zip to a temporary file beside `output`, makes it executable, renames it into place. Everything
 * goes through one reused buffer (spans of files through a SpanReader, which checks each file before its first
 * span is used), so a build touches a few megabytes of memory however big the PEX.
 */
async function writeAtomically(output: string, zip: ZipLayout, onWrite?: (bytes: number, total: number) => void): Promise<{ size: number; sha256: string }> {
  const dir = path.dirname(path.resolve(output));
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(output)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(temp, 'wx', 0o755);
  const reader = new SpanReader();
  const out = Buffer.allocUnsafeSlow(1 << 20);
  let used = 0;
  const write = async (bytes: Buffer) => {
    hash.update(bytes);
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written`);
    size += bytes.length;
    onWrite?.(bytes.length, zip.size);
  };
  const flush = async () => {
    if (used > 0) await write(out.subarray(0, used));
    used = 0;
  };
  /** Appends `from.subarray(start, end)`: copied into `out`, or written as it is when that is as big. */
  const put = async (from: Buffer, start: number, end: number) => {
    if (end - start > out.length - used) await flush();
    if (end - start >= out.length) await write(from.subarray(start, end));
    else used += from.copy(out, used, start, end);
  };
  try {
    await put(zip.prefix, 0, zip.prefix.length);
    for (let i = 0; i < zip.data.length; i++) {
      await put(zip.headers, zip.headerAt[i], zip.headerAt[i + 1]);
      const data = zip.data[i];
      if (Buffer.isBuffer(data)) await put(data, 0, data.length);
      else await reader.copy(data, put);
    }
    await put(zip.tail, 0, zip.tail.length);
    await flush();
    await reader.close();
    await handle.close();
    await chmod(temp, 0o755);
    await rename(temp, output);
  } catch (e) {
    await reader.close().catch(() => {});
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    if (e instanceof PexshipError) throw e; // a cached wheel changed or gone, not the output's folder
    throw new UsageError(`could not write ${output}: ${(e as Error).message}; check that its folder is writable.`);
  }
  return { size, sha256: hash.digest('hex') };
}
