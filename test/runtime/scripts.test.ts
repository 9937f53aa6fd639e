// `-c NAME` for a wheel's .data/scripts file (a native program, a shell script, a Python script), in zip and
// --venv mode, and programs run from a temporary cache (no writable PEX_ROOT), which must still be removed.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPex } from '../../src/pex/inspect.js';
import { defaultPython } from '../helpers/pythons.js';
import { scriptsWheel } from './compat-fixtures.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const python = defaultPython().executable;
let dir: string;
let wheel: string;

beforeAll(async () => {
  dir = tempDir();
  wheel = await scriptsWheel(dir);
});

describe('.data/scripts as the PEX entry (-c NAME)', () => {
  it('records at build time how each script runs and which it is', async () => {
    const pex = await buildPex(path.join(dir, 'native.pex'), { wheels: [wheel], script: 'nativetool' });
    const info = (await inspectPex(pex)).pexInfo as { script: string; pexship: { script_entry: null; script_file: string[]; wheels: Record<string, { scripts: Record<string, string> }> } };
    expect(info.script).toBe('nativetool');
    expect(info.pexship.script_entry).toBeNull();
    expect(info.pexship.script_file).toEqual([path.basename(wheel), 'tools-1.0.data/scripts/nativetool', 'program']);
    expect(info.pexship.wheels[path.basename(wheel)].scripts).toEqual({ nativetool: 'program', pytool: 'python', shtool: 'program' });
  });

  for (const venv of [false, true]) {
    it(`runs them cold and warm${venv ? ' (--venv)' : ''}: programs exec'd with argv, env, exit code and signal; Python in-process`, async () => {
      const root = path.join(dir, `root-${venv}`);
      const pexes: Record<string, string> = {};
      for (const name of ['nativetool', 'shtool', 'pytool']) pexes[name] = await buildPex(path.join(dir, `${name}-${venv}.pex`), { wheels: [wheel], script: name, venv });
      for (let i = 0; i < 2; i++) {
        let r = runPex(python, pexes.nativetool, ['x', '6'], { env: { PEX_ROOT: root, TOOL_ENV: 'e' } });
        expect(r.stdout).toBe('native argc=3 first=x env=e\n');
        expect(r.status).toBe(6);
        r = runPex(python, pexes.nativetool, ['term'], { env: { PEX_ROOT: root } });
        expect(r.signal).toBe('SIGTERM');
        r = runPex(python, pexes.shtool, ['y', '8'], { env: { PEX_ROOT: root, TOOL_ENV: 'f' } });
        expect(r.stdout).toBe('sh args=2 first=y env=f\n');
        expect(r.status).toBe(8);
        r = runPex(python, pexes.pytool, ['z', '4'], { env: { PEX_ROOT: root } });
        expect(r.stdout).toBe("py args=['z', '4']\n");
        expect(r.status).toBe(4);
      }
    });
  }

  it('PEX_SCRIPT naming no script lists the .data/scripts too', async () => {
    const pex = await buildPex(path.join(dir, 'list.pex'), { wheels: [wheel], script: 'pytool' });
    const r = runPex(python, pex, [], { env: { PEX_ROOT: path.join(dir, 'root-list'), PEX_SCRIPT: 'nope' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('pexship: PEX_SCRIPT=nope: no console script or script of that name in this PEX (it has: nativetool, pytool, shtool)\n');
  });

  it('with no writable PEX_ROOT, a program still gets argv, exit code and signal, and the temporary cache is removed', async () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, '');
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    for (const venv of [false, true]) {
      const pex = await buildPex(path.join(dir, `tmp-native-${venv}.pex`), { wheels: [wheel], script: 'nativetool', venv });
      const env = { PEX_ROOT: path.join(blocker, 'root'), TMPDIR: tmp };
      let r = runPex(python, pex, ['x', '5'], { env });
      expect(r.stdout).toBe('native argc=3 first=x env=-\n');
      expect(r.stderr).toMatch(/^pexship: warning: cannot write to the PEX cache .*\n$/);
      expect(r.status).toBe(5);
      expect(readdirSync(tmp)).toEqual([]);
      r = runPex(python, pex, ['term'], { env });
      expect(r.signal).toBe('SIGTERM');
      expect(readdirSync(tmp)).toEqual([]);
    }
  });
});
