// The build action's inputs for pex's flags (issue 9 point 4) reach the PEX it writes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';
import { bundleActions } from './helpers/bundle.js';
import { runAction } from './helpers/run-action.js';

let root: string;
let workspace: string;
let wheels: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pexship-action-flags-'));
  workspace = path.join(root, 'workspace');
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'src', 'app.py'),
    'import json, os, sys\ndef main():\n    print(json.dumps({"argv": sys.argv[1:], "mode": os.environ.get("MODE"), "path0": os.environ["PATH"].split(os.pathsep)[0], "prefix": sys.prefix}))\n',
  );
  wheels = path.join(workspace, 'wheels');
  await makeWheel(wheels, { name: 'greeting', version: '1.0', files: { 'greeting.py': '' }, requiresDist: ['unwanted'] });
  await makeWheel(wheels, { name: 'unwanted', version: '1.0', files: { 'unwanted.py': '' } });
  await bundleActions();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build action: pex flags', () => {
  it('layout, inject-args, inject-env, venv prepend and exclude reach the PEX', async () => {
    const run = await runAction('build', {
      workspace,
      runner: path.join(root, 'runner'),
      inputs: {
        requirements: 'greeting',
        'no-index': 'true',
        'find-links': 'wheels',
        sources: 'src',
        'entry-point': 'app:main',
        layout: 'packed',
        'upload-artifact': 'false',
        'inject-args': '--flag "a b"',
        'inject-env': 'MODE=prod',
        venv: 'prepend',
        exclude: 'unwanted',
        output: 'dist/app',
      },
    });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const dir = run.outputs['pex-path'];
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(existsSync(path.join(dir, '.deps', 'greeting-1.0-py3-none-any.whl'))).toBe(true);
    expect(existsSync(path.join(dir, '.deps', 'unwanted-1.0-py3-none-any.whl'))).toBe(false);
    const r = spawnSync(defaultPython().executable, [dir, 'x'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, PEX_ROOT: path.join(root, 'pex-root') } });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ argv: ['--flag', 'a b', 'x'], mode: 'prod' });
    expect(out.path0).toBe(path.join(out.prefix, 'bin'));
  });

  it('refuses a directory layout with artifact upload on, and a bad venv value, naming the input', async () => {
    const a = await runAction('build', { workspace, runner: path.join(root, 'runner-bad'), inputs: { requirements: 'greeting', 'no-index': 'true', 'find-links': 'wheels', layout: 'loose' } });
    expect(a.code).toBe(1);
    expect(a.errors.join('\n')).toMatch(/input 'layout' is 'loose', a directory, .*set upload-artifact: false/);
    const b = await runAction('build', { workspace, runner: path.join(root, 'runner-bad2'), inputs: { requirements: 'greeting', venv: 'sometimes' } });
    expect(b.code).toBe(1);
    expect(b.errors.join('\n')).toMatch(/input 'venv' is 'sometimes'; use one of false, true, prepend, append/);
  });
});
