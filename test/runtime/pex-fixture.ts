// Builds PEX files for the runtime tests with the real writer (src/pex/build.ts) and runs them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPex as writePex, type PexTarget } from '../../src/pex/build.js';

export interface PexSpec {
  /** Paths of .whl files (from test/helpers/make-wheel.ts). */
  wheels?: string[];
  /** Defaults to one target holding every wheel. Wheel file names, not paths. */
  targets?: PexTarget[];
  /** User sources, written to a `-D` folder: {relative path: text}. */
  sources?: Record<string, string>;
  executableSources?: string[];
  entryPoint?: string;
  script?: string;
  interpreterConstraints?: string[];
  inheritPath?: 'false' | 'prefer' | 'fallback';
  venv?: boolean;
  shebang?: string;
}

export function tempDir(prefix = 'pexship-rt-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the PEX to `out` and returns `out`. */
export async function buildPex(out: string, spec: PexSpec): Promise<string> {
  const sourcesDir = `${out}.src`;
  mkdirSync(sourcesDir, { recursive: true });
  const executable = new Set(spec.executableSources ?? []);
  for (const [name, text] of Object.entries(spec.sources ?? {})) {
    const file = path.join(sourcesDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    chmodSync(file, executable.has(name) ? 0o755 : 0o644);
  }
  await writePex({
    wheels: spec.wheels ?? [],
    sourcesDirs: [sourcesDir],
    entryPoint: spec.entryPoint,
    script: spec.script,
    output: out,
    shebang: spec.shebang,
    interpreterConstraints: spec.interpreterConstraints,
    inheritPath: spec.inheritPath,
    venv: spec.venv,
    targets: spec.targets,
  });
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
