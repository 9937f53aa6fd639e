// Builds PEX files for the runtime tests, following src/pex/FORMAT.md, until src/pex/build.ts lands.
// Wheels are "installed" by hand (pure-Python fixtures: purelib spread to the root, the rest kept).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { renderMain, runtimeFiles } from '../../src/pex/runtime.js';

interface Entry {
  name: string;
  data: Buffer;
  executable: boolean;
}

export interface PexSpec {
  /** Paths of .whl files (from test/helpers/make-wheel.ts). */
  wheels?: string[];
  /** Defaults to one target holding every wheel. Wheel names, not paths. */
  targets?: { platform: string; wheels: string[] }[];
  sources?: Record<string, string>;
  executableSources?: string[];
  entryPoint?: string | null;
  script?: string | null;
  interpreterConstraints?: string[];
  inheritPath?: 'false' | 'prefer' | 'fallback';
  venv?: boolean;
  stripPexEnv?: boolean;
  shebang?: string;
}

export function tempDir(prefix = 'pexship-rt-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

function readZip(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks), executable: ((e.externalFileAttributes >>> 16) & 0o111) !== 0 });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

interface InstalledWheel {
  name: string;
  sha256: string;
  entries: Entry[];
  consoleScripts: Record<string, string>;
  requiresPython: string | null;
  project: string;
  version: string;
  data: boolean;
}

async function installWheel(file: string): Promise<InstalledWheel> {
  const name = path.basename(file);
  const raw = await readZip(file);
  const [project, version] = name.split('-');
  const dataDir = `${project}-${version}.data/`;
  const entries: Entry[] = [];
  let data = false;
  for (const e of raw) {
    const purelib = [`${dataDir}purelib/`, `${dataDir}platlib/`].find((p) => e.name.startsWith(p));
    if (purelib) entries.push({ ...e, name: e.name.slice(purelib.length) });
    else {
      if (e.name.startsWith(dataDir)) data = true;
      entries.push(e);
    }
  }
  const consoleScripts: Record<string, string> = {};
  const ep = raw.find((e) => e.name.endsWith('.dist-info/entry_points.txt'));
  if (ep) {
    let section = '';
    for (const line of ep.data.toString('utf8').split('\n')) {
      const s = /^\[(.+)\]$/.exec(line.trim());
      if (s) section = s[1];
      else if (section === 'console_scripts' && line.includes('=')) {
        const [k, v] = line.split('=');
        consoleScripts[k.trim()] = v.trim();
      }
    }
  }
  const meta = raw.find((e) => e.name.endsWith('.dist-info/METADATA'))!.data.toString('utf8');
  const rp = /^Requires-Python: (.+)$/m.exec(meta);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    name,
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
    entries,
    consoleScripts,
    requiresPython: rp ? rp[1].trim() : null,
    project: project.toLowerCase(),
    version,
    data,
  };
}

function sha1(entries: Entry[]): string {
  const h = createHash('sha1');
  for (const e of entries) h.update(e.name).update('\0').update(e.data);
  return h.digest('hex');
}

/** Writes the PEX to `out` (made executable) and returns `out`. */
export async function buildPex(out: string, spec: PexSpec): Promise<string> {
  const wheels = await Promise.all((spec.wheels ?? []).map(installWheel));
  wheels.sort((a, b) => (a.name < b.name ? -1 : 1));
  const execSources = new Set(spec.executableSources ?? []);
  const sources: Entry[] = Object.entries(spec.sources ?? {})
    .map(([name, text]) => ({ name, data: Buffer.from(text), executable: execSources.has(name) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const bootstrap: Entry[] = runtimeFiles().map((f) => ({ name: f.path, data: Buffer.from(f.content), executable: false }));
  const deps: Entry[] = wheels.flatMap((w) => w.entries.map((e) => ({ ...e, name: `.deps/${w.name}/${e.name}` })));
  const pexHash = sha1([...bootstrap, ...deps, ...sources]);
  const targets = spec.targets ?? [{ platform: 'current', wheels: wheels.map((w) => w.name) }];
  const scriptEntry = spec.script ? (wheels.find((w) => w.consoleScripts[spec.script!])?.consoleScripts[spec.script] ?? null) : null;
  const info = {
    build_properties: { pexship_version: '0.1.0', platforms: targets.map((t) => t.platform) },
    code_hash: sha1(sources),
    distributions: Object.fromEntries(wheels.map((w) => [w.name, w.sha256])),
    entry_point: spec.entryPoint ?? null,
    inherit_path: spec.inheritPath ?? 'false',
    interpreter_constraints: spec.interpreterConstraints ?? [],
    pex_hash: pexHash,
    pexship: {
      format: 1,
      script_entry: scriptEntry,
      shebang_python: null,
      targets,
      version: '0.1.0',
      wheels: Object.fromEntries(
        wheels.map((w) => [w.name, { console_scripts: w.consoleScripts, data: w.data, project: w.project, requires_python: w.requiresPython, version: w.version }]),
      ),
    },
    requirements: [],
    script: spec.script ?? null,
    strip_pex_env: spec.stripPexEnv ?? true,
    venv: spec.venv ?? false,
  };
  const main = renderMain({
    pexHash,
    entryPoint: spec.entryPoint ?? null,
    scriptEntry,
    inheritPath: spec.inheritPath ?? 'false',
    venv: spec.venv ?? false,
    stripPexEnv: spec.stripPexEnv ?? true,
  });
  const zip = new yazl.ZipFile();
  const mtime = new Date(1980, 0, 1);
  const add = (e: Entry) => zip.addBuffer(e.data, e.name, { mtime, mode: e.executable ? 0o100755 : 0o100644 });
  add({ name: '__main__.py', data: Buffer.from(main), executable: false });
  bootstrap.forEach(add);
  add({ name: 'PEX-INFO', data: Buffer.from(JSON.stringify(info)), executable: false });
  deps.forEach(add);
  sources.forEach(add);
  const zipPath = `${out}.zip`;
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(zipPath)).on('close', () => resolve()).on('error', reject);
    zip.end();
  });
  writeFileSync(out, Buffer.concat([Buffer.from(`#!${spec.shebang ?? '/usr/bin/env python3'}\n`), readFileSync(zipPath)]));
  chmodSync(out, 0o755);
  return out;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

/** Runs `python pex args` with a clean environment plus `env` (PEX_ROOT should be in it). */
export function runPex(python: string, pex: string, args: string[] = [], opts: RunOptions = {}): SpawnSyncReturns<string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v;
  return spawnSync(python, [pex, ...args], { env, encoding: 'utf8', input: opts.input ?? '', cwd: opts.cwd, timeout: 90_000 });
}
