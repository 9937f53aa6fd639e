// The interpreter probe is remembered per interpreter file, and forgotten when that file changes. A venv made
// with --copies gives a real interpreter file of our own to change.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTarget } from '../../src/python/platform.js';
import { defaultPython } from '../helpers/pythons.js';

let tmp: string;
let python: string;
const cacheDir = () => path.join(tmp, 'cache');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-probe-cache-'));
  const base = execFileSync(defaultPython().executable, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  execFileSync(base, ['-m', 'venv', '--copies', '--without-pip', path.join(tmp, 'venv')]);
  python = path.join(tmp, 'venv', 'bin', 'python');
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function recordFiles(): Promise<string[]> {
  const dir = path.join(cacheDir(), 'interpreters');
  return (await readdir(dir).catch(() => [])).map((f) => path.join(dir, f));
}

/** Marks the one record so a target read from it is recognisable (a probe would report the real release). */
async function markRecord(): Promise<void> {
  const [file] = await recordFiles();
  const record = JSON.parse(await readFile(file, 'utf8'));
  record.facts.marker_environment.platform_release = 'from-the-cache';
  await writeFile(file, JSON.stringify(record));
}

describe('interpreter probe cache', () => {
  it('answers from the record while the interpreter file is unchanged, probes again when it changes', async () => {
    const real = os.release();
    const first = await currentTarget(python, { cacheDir: cacheDir() });
    expect(first.markerEnvironment.platform_release).toBe(real);
    expect(first.interpreter).toBe(python);
    expect(await recordFiles()).toHaveLength(1);

    await markRecord();
    expect((await currentTarget(python, { cacheDir: cacheDir() })).markerEnvironment.platform_release).toBe('from-the-cache');

    // A new mtime (an upgrade in place keeps the path): probed again, and recorded again.
    await utimes(python, new Date(), new Date(Date.now() + 5000));
    expect((await currentTarget(python, { cacheDir: cacheDir() })).markerEnvironment.platform_release).toBe(real);

    // A replaced file (a new inode, as a package manager's rename leaves): probed again.
    await markRecord();
    await copyFile(python, `${python}.new`);
    await utimes(`${python}.new`, new Date(), new Date(Date.now() + 5000));
    await rename(`${python}.new`, python);
    expect((await currentTarget(python, { cacheDir: cacheDir() })).markerEnvironment.platform_release).toBe(real);
    expect(await recordFiles()).toHaveLength(1);
  }, 60_000);

  it('a damaged record is probed over', async () => {
    const [file] = await recordFiles();
    await writeFile(file, '{"not json');
    expect((await currentTarget(python, { cacheDir: cacheDir() })).markerEnvironment.platform_release).toBe(os.release());
    expect(JSON.parse(await readFile(file, 'utf8')).path).toBe(python);
  });

  it('never remembers a script (a pyenv shim picks its interpreter at run time)', async () => {
    const shimCache = path.join(tmp, 'shim-cache');
    const shim = path.join(tmp, 'python-shim');
    await writeFile(shim, `#!/bin/sh\nexec "${python}" "$@"\n`);
    await chmod(shim, 0o755);
    const t = await currentTarget(shim, { cacheDir: shimCache });
    expect(t.markerEnvironment.platform_release).toBe(os.release());
    expect(await readdir(shimCache).catch(() => [])).toEqual([]);
  });
});
