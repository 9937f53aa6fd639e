// Finds real CPython interpreters on this machine for integration tests (pyenv, then PATH).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface Interpreter {
  /** '3.11' */
  minor: string;
  executable: string;
}

const PYENV_ROOT = process.env.PYENV_ROOT ?? path.join(process.env.HOME ?? '/root', '.pyenv');

function probe(executable: string): string | undefined {
  try {
    return execFileSync(executable, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch {
    return undefined;
  }
}

let cached: Interpreter[] | undefined;

/** Every distinct CPython 3.x minor found, newest first. */
export function findInterpreters(): Interpreter[] {
  if (cached) return cached;
  const found = new Map<string, string>();
  const versionsDir = path.join(PYENV_ROOT, 'versions');
  if (existsSync(versionsDir)) {
    for (const v of readdirSync(versionsDir)) {
      const m = /^3\.(\d+)\.\d+$/.exec(v);
      if (!m) continue;
      const exe = path.join(versionsDir, v, 'bin', `python3.${m[1]}`);
      if (existsSync(exe) && !found.has(`3.${m[1]}`) && probe(exe) === `3.${m[1]}`) found.set(`3.${m[1]}`, exe);
    }
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (let minor = 6; minor <= 14; minor++) {
      const exe = path.join(dir, `python3.${minor}`);
      if (!found.has(`3.${minor}`) && existsSync(exe) && probe(exe) === `3.${minor}`) found.set(`3.${minor}`, exe);
    }
  }
  cached = [...found].map(([minor, executable]) => ({ minor, executable })).sort((a, b) => Number(b.minor.split('.')[1]) - Number(a.minor.split('.')[1]));
  return cached;
}

export function findInterpreter(minor: string): Interpreter | undefined {
  return findInterpreters().find((i) => i.minor === minor);
}

/** The python3 the tests use by default: python3 on PATH, which the machine always has. */
export function defaultPython(): Interpreter {
  for (const name of ['python3']) {
    const v = probe(name);
    if (v) return { minor: v, executable: name };
  }
  throw new Error('no python3 on PATH: the integration tests need one (apt-get install python3)');
}
