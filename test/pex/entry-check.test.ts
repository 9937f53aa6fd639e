// -e/-m checked against the PEX's contents when it is built: a module that is neither in the code (-D) nor in
// the distributions of every target is a build error naming it, not a PEX that dies at start; a src/ layout
// without `-D src` says so. Modules that are there (in code, a wheel, a namespace package, an extension
// module, the standard library) build, and the PEX runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/core/build.js';
import { silentProgress } from '../../src/core/progress.js';
import { UsageError } from '../../src/errors.js';
import { buildPex } from '../../src/pex/build.js';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';

let work: string;
let greet: string;
let native311: string;
let project: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-entry-'));
  greet = await makeWheel(path.join(work, 'wheels'), {
    name: 'greet',
    version: '1.0',
    files: { 'greet/__init__.py': 'def hello():\n    print("hello")\n', 'greet/__main__.py': 'print("greet main")\n', 'nsdist/part/mod.py': 'def run():\n    print("ns")\n' },
  });
  // Only the linux 3.11 target gets this module, as an extension module.
  native311 = await makeWheel(path.join(work, 'wheels'), { name: 'fast', version: '1.0', tag: 'cp311-cp311-manylinux_2_17_x86_64', files: { 'fast.cpython-311-x86_64-linux-gnu.so': 'not really ELF' } });
  // A src/ layout service, as the issue describes it.
  project = path.join(work, 'svc');
  mkdirSync(path.join(project, 'src', 'myapp'), { recursive: true });
  writeFileSync(path.join(project, 'src', 'myapp', '__init__.py'), '');
  writeFileSync(path.join(project, 'src', 'myapp', 'cli.py'), 'def main():\n    print("myapp runs")\n');
});

function pex(name: string): string {
  return path.join(work, 'out', name);
}

describe('entry point checked against the PEX contents', () => {
  it('refuses a src/ layout built without -D src, before writing anything, and says to add it', async () => {
    const out = pex('forgot-d.pex');
    const err = await buildPex({ wheels: [greet], sourcesDirs: [project], entryPoint: 'myapp.cli:main', output: out }).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('entry point myapp.cli:main: the module myapp.cli is not in your code (-D) or the distributions for current');
    expect(err.message).toContain('-D src');
    expect(existsSync(out)).toBe(false);
    // With -D src it builds and runs.
    const ok = await buildPex({ wheels: [greet], sourcesDirs: [path.join(project, 'src')], entryPoint: 'myapp.cli:main', output: pex('with-d.pex') });
    const run = spawnSync(defaultPython().executable, [ok.path], { encoding: 'utf8', env: { ...process.env, PEX_ROOT: path.join(work, 'root') } });
    expect(run.stdout).toBe('myapp runs\n');
  });

  it('names the part of a dotted module that is missing', async () => {
    const err = await buildPex({ wheels: [greet], entryPoint: 'greet.nothere:main', output: pex('typo.pex') }).catch((e) => e);
    expect(err.message).toMatch(/the module greet\.nothere is not in any -D folder \(none given\) or the distributions for current \(greet is, but has no nothere\.py\)/);
  });

  it('accepts modules from wheels, namespace packages, the standard library and packages with __main__', async () => {
    for (const entryPoint of ['greet:hello', 'greet', 'nsdist.part.mod:run', 'json.tool', 'http.server', 'fast']) {
      const result = await buildPex({ wheels: [greet, native311], entryPoint, output: pex(`ok-${entryPoint.replace(/\W/g, '_')}.pex`) });
      expect(result.entryPoint).toBe(entryPoint);
    }
  });

  it('refuses a package without __main__.py run as a module', async () => {
    const err = await buildPex({ wheels: [greet], sourcesDirs: [path.join(project, 'src')], entryPoint: 'myapp', output: pex('pkg.pex') }).catch((e) => e);
    expect(err.message).toContain('entry point myapp: myapp is a package without a __main__.py, so it cannot be run');
  });

  it('checks every target of a multi-target PEX', async () => {
    const err = await buildPex({
      wheels: [greet, native311],
      entryPoint: 'fast',
      output: pex('multi.pex'),
      targets: [
        { platform: 'manylinux2014_x86_64-cp-311-cp311', wheels: [path.basename(greet), path.basename(native311)] },
        { platform: 'macosx_11_0_arm64-cp-312-cp312', wheels: [path.basename(greet)] },
      ],
    }).catch((e) => e);
    expect(err.message).toContain('the module fast is not in any -D folder (none given) or the distributions for macosx_11_0_arm64-cp-312-cp312');
  });
});

describe('checked before any network work', () => {
  // The index is unreachable (port 9, discard): an error about the index would mean the check came too late.
  const base = {
    requirements: ['greet'],
    requirementFiles: [],
    constraintFiles: [],
    platforms: ['manylinux2014_x86_64-cp-311-cp311'],
    completePlatforms: [],
    index: { indexUrl: 'http://127.0.0.1:9/simple/' },
    pre: false,
    interpreterConstraints: [],
    inheritPath: 'false' as const,
    venv: false,
    compress: true,
    retries: 0,
  };
  it.each([
    [{ entryPoint: 'my-app.cli:main', sourcesDirs: [] }, /entry point 'my-app\.cli:main' is not MODULE or MODULE:FUNCTION/],
    [{ entryPoint: 'app:main', sourcesDirs: ['no-such-folder'] }, /--sources-directory .*no-such-folder does not exist/],
  ])('%o', async (extra, message) => {
    const err = await build({ ...base, ...extra, cwd: work, cacheDir: path.join(work, 'cache'), output: pex('never.pex') }, silentProgress).catch((e) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(message);
  });
});
