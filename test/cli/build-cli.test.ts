import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWheel } from '../helpers/make-wheel.js';

let work: string;
let wheel: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-cli-build-'));
  wheel = await makeWheel(path.join(work, 'wheels'), { name: 'hello', version: '0.1', files: { 'hello.py': 'def main():\n    print("hi from hello")\n' }, consoleScripts: { hello: 'hello:main' } });
});

describe('pexship build and inspect (CLI process)', () => {
  it('builds from a wheel, prints a summary on stdout and progress on stderr', async () => {
    const out = path.join(work, 'hello.pex');
    const r = await runCli(['build', wheel, '--no-index', '-c', 'hello', '-o', out]);
    expect(r.stderr).toMatch(/resolve 1 requirement for .*-cp3\d+/);
    expect(r.stderr).toMatch(/write .*hello\.pex \(.*, 1 distributions\)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(out);
    expect(r.stdout).toMatch(/sha256 [0-9a-f]{64}/);
  });

  it('prints JSON with --json', async () => {
    const out = path.join(work, 'json.pex');
    const r = await runCli(['build', wheel, '-e', 'hello:main', '-o', out, '--json', '-q']);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.pexes[0].path).toBe(out);
    expect(summary.pexes[0].distributions[0].file).toBe('hello-0.1-py3-none-any.whl');
    expect(r.stderr).toBe('');
  });

  it('uses dist/{name}-{platform}.pex by default', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'pexship-cli-default-'));
    const r = await runCli(['build', wheel, '-c', 'hello', '-q'], { cwd });
    expect(r.status).toBe(0);
    const files = readdirSync(path.join(cwd, 'dist'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^hello-(linux|macos)-[\w]+-cp3\d+\.pex$/);
  });

  it('inspects a PEX as text and JSON', async () => {
    const out = path.join(work, 'inspect.pex');
    expect((await runCli(['build', wheel, '-c', 'hello', '-o', out, '-q'])).status).toBe(0);
    const text = await runCli(['inspect', out]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/entry point: console script hello/);
    expect(text.stdout).toMatch(/hello-0\.1-py3-none-any\.whl\s+\d+/);
    const json = JSON.parse((await runCli(['inspect', out, '--json'])).stdout);
    expect(json.pex_info.script).toBe('hello');
    expect(json.distributions).toHaveLength(1);
  });

  it.each([
    [['build', '--bogus'], /unknown option --bogus for 'pexship build'/],
    [['build', 'x-1.0-py3-none-any.whl', '--inherit-path', 'sometimes'], /--inherit-path takes false, prefer or fallback, got 'sometimes'/],
    [['build', path.join('/nonexistent', 'x-1.0-py3-none-any.whl')], /wheel \/nonexistent\/x-1\.0-py3-none-any\.whl does not exist/],
    [['build', 'x-1.0-py3-none-any.whl', '-e', 'a:b', '-m', 'c'], /give -e or -m, not both/],
    [['build', 'x-1.0-py3-none-any.whl', '--interpreter-constraint', 'Python3.9+'], /--interpreter-constraint 'Python3\.9\+' is not of the form/],
    [['inspect'], /inspect takes exactly one PEX file/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await runCli(args as string[], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 naming a file that is not a PEX', async () => {
    const r = await runCli(['inspect', wheel]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no PEX-INFO, so it is not a PEX/);
  });
});
