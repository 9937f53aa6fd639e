// End to end: `pexship lock` and `pexship build` against a loopback index of generated wheels, for the
// machine's interpreter and for foreign targets, then the PEX run with a real python.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPex } from '../../src/pex/inspect.js';
import { runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer } from '../helpers/index-server.js';
import { makeSdist } from '../helpers/make-sdist.js';
import { defaultPython } from '../helpers/pythons.js';

const LINUX311 = 'manylinux2014_x86_64-cp-311-cp311';
const MAC312 = 'macosx_11_0_arm64-cp-312-cp312';

let server: IndexServer;
let work: string;
let currentTag: string;
let currentPicks: { file: string; kind: string };

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-e2e-'));
  // The interpreter the tests run: its own cpXY so `current` has a native wheel to pick.
  const py = execFileSync(defaultPython().executable, ['-c', 'import sys; print("%d%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
  // linux_x86_64 fits only this machine's kind; on CPython 3.11 the manylinux wheel below ranks higher.
  currentTag = `cp${py}-cp${py}-linux_x86_64`;
  currentPicks = py === '311' ? { file: 'native-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', kind: 'native-linux311' } : { file: `native-1.0-${currentTag}.whl`, kind: 'native-current' };
  const files = await buildWheels(path.join(work, 'wheels'), [
    { name: 'webapp', version: '1.0', requiresDist: ['lib>=2', 'native', 'fastpath; extra == "fast"'], extraMetadata: ['Provides-Extra: fast'], files: { 'webapp/__init__.py': 'import lib, native\n\ndef main():\n    print("webapp", lib.VERSION, native.KIND)\n' }, consoleScripts: { webapp: 'webapp:main' } },
    { name: 'lib', version: '1.0', files: { 'lib.py': 'VERSION = "1.0"\n' } },
    { name: 'lib', version: '2.0', files: { 'lib.py': 'VERSION = "2.0"\n' } },
    { name: 'lib', version: '2.1', requiresPython: '>=3.99', files: { 'lib.py': 'VERSION = "2.1"\n' } },
    { name: 'native', version: '1.0', tag: currentTag, files: { 'native.py': 'KIND = "native-current"\n' } },
    { name: 'native', version: '1.0', tag: 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64', files: { 'native.py': 'KIND = "native-linux311"\n' } },
    { name: 'native', version: '1.0', tag: 'cp312-cp312-macosx_11_0_arm64', files: { 'native.py': 'KIND = "native-mac"\n' } },
    { name: 'fastpath', version: '0.5', files: { 'fastpath.py': '' } },
    { name: 'needs-old-lib', version: '1.0', requiresDist: ['lib<2'], files: { 'needs_old_lib.py': '' } },
  ]);
  // A package published only as an sdist (metadata 2.2, so its PKG-INFO is trusted); pexship builds it.
  const sdist = makeSdist(path.join(work, 'sdists'), 'srconly', '1.0');
  const sdistData = readFileSync(sdist);
  files.push({ project: 'srconly', filename: 'srconly-1.0.tar.gz', data: sdistData, sha256: createHash('sha256').update(sdistData).digest('hex'), metadata: '' });
  server = await IndexServer.start(files);
});

afterAll(async () => {
  await server?.close();
});

describe('build and lock against an index', () => {
  it('builds for the current interpreter, picking the newest versions that fit, and the PEX runs', async () => {
    const out = path.join(work, 'webapp.pex');
    const cache = path.join(work, 'cache-current');
    const r = await runCli(['build', 'webapp', '-i', server.url, '-c', 'webapp', '-o', out, '--cache-dir', cache]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const info = await inspectPex(out);
    expect(info.distributions.map((d) => d.filename)).toEqual([
      'lib-2.0-py3-none-any.whl',
      currentPicks.file,
      'webapp-1.0-py3-none-any.whl',
    ]);
    const run = spawnSync(defaultPython().executable, [out], { env: { ...process.env, PEX_ROOT: path.join(work, 'root') }, encoding: 'utf8' });
    expect(run.stdout).toBe(`webapp 2.0 ${currentPicks.kind}\n`);

    // A second build with a warm cache downloads no file again: only the index pages are asked (conditionally).
    const before = server.requests.length;
    const again = await runCli(['build', 'webapp', '-i', server.url, '-c', 'webapp', '-o', out, '--cache-dir', cache, '-q']);
    expect(again.status).toBe(0);
    const later = server.requests.slice(before);
    expect(later.filter((q) => q.path.startsWith('/files/'))).toEqual([]);
    expect(later.every((q) => q.path.startsWith('/simple/'))).toBe(true);
  });

  it('adds an extra\'s dependencies when asked', async () => {
    const out = path.join(work, 'fast.pex');
    const r = await runCli(['build', 'webapp[fast]', '-i', server.url, '-o', out, '-q', '--cache-dir', path.join(work, 'cache-extra')]);
    expect(r.status).toBe(0);
    const info = await inspectPex(out);
    expect(info.distributions.map((d) => d.filename)).toContain('fastpath-0.5-py3-none-any.whl');
  });

  it('locks two foreign targets into one pylock.toml, then builds from it with no index metadata requests', async () => {
    const lockFile = path.join(work, 'pylock.toml');
    const cache = path.join(work, 'cache-lock');
    const r = await runCli(['lock', 'webapp', '-i', server.url, '--platform', LINUX311, '--platform', MAC312, '-o', lockFile, '--cache-dir', cache]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const lock = readFileSync(lockFile, 'utf8');
    expect(lock).toMatch(/lock-version = "1\.0"/);
    expect(lock).toContain('native-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    expect(lock).toContain('native-1.0-cp312-cp312-macosx_11_0_arm64.whl');
    expect(lock).not.toContain('lib-2.1');
    expect(lock).toContain(`index = "${server.url}"`);

    const before = server.requests.length;
    const out = path.join(work, 'locked-{platform}.pex');
    const b = await runCli(['build', '--lock', lockFile, '--platform', LINUX311, '--platform', MAC312, '-o', out, '-e', 'webapp:main', '--cache-dir', path.join(work, 'cache-fresh')]);
    expect(b.stderr).not.toMatch(/error/);
    expect(b.status).toBe(0);
    const later = server.requests.slice(before);
    // Only the chosen files are fetched: no index pages, no metadata.
    expect(later.filter((q) => q.path.startsWith('/simple/') || q.path.endsWith('.metadata'))).toEqual([]);
    expect(later.filter((q) => q.path.startsWith('/files/')).length).toBe(4);
    const linux = await inspectPex(path.join(work, 'locked-linux-x86_64-cp311.pex'));
    const mac = await inspectPex(path.join(work, 'locked-macos-arm64-cp312.pex'));
    expect(linux.distributions.map((d) => d.filename)).toContain('native-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl');
    expect(mac.distributions.map((d) => d.filename)).toContain('native-1.0-cp312-cp312-macosx_11_0_arm64.whl');
    expect(linux.shebang).toBe('/usr/bin/env python3.11');
    expect(mac.shebang).toBe('/usr/bin/env python3.12');

    // Again with the cache the first build filled: no request at all.
    const before2 = server.requests.length;
    const b2 = await runCli(['build', '--lock', lockFile, '--platform', LINUX311, '-o', path.join(work, 'again.pex'), '--cache-dir', path.join(work, 'cache-fresh'), '-q']);
    expect(b2.status).toBe(0);
    expect(server.requests.length).toBe(before2);
  });

  it('puts several targets in one PEX when one output path without {platform} is given', async () => {
    const out = path.join(work, 'multi.pex');
    const r = await runCli(['build', 'webapp', '-i', server.url, '--platform', LINUX311, '--platform', MAC312, '-o', out, '-q', '--cache-dir', path.join(work, 'cache-multi')]);
    expect(r.status).toBe(0);
    const info = await inspectPex(out);
    expect(info.targets.map((t) => t.platform)).toEqual([LINUX311, MAC312]);
    expect(info.distributions.map((d) => d.filename)).toEqual([
      'lib-2.0-py3-none-any.whl',
      'native-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      'native-1.0-cp312-cp312-macosx_11_0_arm64.whl',
      'webapp-1.0-py3-none-any.whl',
    ]);
    expect(info.shebang).toBe('/usr/bin/env python3');
  });

  it('reports a conflict as a readable chain and exits 1', async () => {
    const r = await runCli(['build', 'webapp', 'needs-old-lib', '-i', server.url, '-o', path.join(work, 'x.pex'), '--cache-dir', path.join(work, 'cache-conflict')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/lib/);
    expect(r.stderr).toMatch(/needs-old-lib/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads requirements files with hashes and refuses a wrong hash', async () => {
    const libSha = server.files.find((f) => f.filename === 'lib-2.0-py3-none-any.whl')!.sha256;
    const good = path.join(work, 'req-good.txt');
    writeFileSync(good, `--index-url ${server.url}\nlib==2.0 --hash=sha256:${libSha}\n`);
    const ok = await runCli(['build', '-r', good, '-o', path.join(work, 'hashed.pex'), '-q', '--cache-dir', path.join(work, 'cache-hash')]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const bad = path.join(work, 'req-bad.txt');
    writeFileSync(bad, `--index-url ${server.url}\nlib==2.0 --hash=sha256:${'0'.repeat(64)}\n`);
    const no = await runCli(['build', '-r', bad, '-o', path.join(work, 'bad.pex'), '-q', '--cache-dir', path.join(work, 'cache-hash2')]);
    expect(no.status).not.toBe(0);
    expect(no.stderr).toMatch(/lib/);
    expect(no.stderr).toMatch(/hash/i);
  });

  it('names an index that does not exist', async () => {
    const r = await runCli(['build', 'webapp', '-i', `${server.origin}/nowhere/simple/`, '-o', path.join(work, 'y.pex'), '--cache-dir', path.join(work, 'cache-404')]);
    expect([1, 2]).toContain(r.status);
    expect(r.stderr).toMatch(/nowhere/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds a package that has only an sdist with a local interpreter of the target version', async () => {
    const out = path.join(work, 'srconly.pex');
    const r = await runCli(['build', 'srconly', '-i', server.url, '-o', out, '--cache-dir', path.join(work, 'cache-sdist')]);
    expect(r.stderr).toMatch(/build srconly 1\.0 from source/);
    expect(r.status).toBe(0);
    expect((await inspectPex(out)).distributions.map((d) => d.filename)).toEqual(['srconly-1.0-py3-none-any.whl']);
    const run = spawnSync(defaultPython().executable, [out, '-c', 'import srconly; print(srconly.BUILT)'], { env: { ...process.env, PEX_ROOT: path.join(work, 'root-sdist') }, encoding: 'utf8' });
    expect(run.stdout).toBe('from source\n');
  });

  it('names the package, the target and the ways out when an sdist cannot be built for a foreign target', async () => {
    const r = await runCli(['build', 'srconly', '-i', server.url, '--platform', 'macosx_11_0_arm64-cp-399-cp399', '-o', path.join(work, 'no.pex'), '--cache-dir', path.join(work, 'cache-sdist2')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/srconly 1\.0 has only a source distribution for macos-arm64-cp399.*Ways out/);
  });

  it('gives up on an index that hangs, in bounded time, naming it', async () => {
    const http = await import('node:http');
    const hanging = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const port = (hanging.address() as import('node:net').AddressInfo).port;
    try {
      const r = await runCli(['lock', 'webapp', '-i', `http://127.0.0.1:${port}/simple/`, '--timeout', '0.3', '--retries', '1', '-o', path.join(work, 'hang.toml'), '--cache-dir', path.join(work, 'cache-hang')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*no response`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it('refuses a wheel whose bytes differ from the index hash, naming it', async () => {
    const files = await buildWheels(path.join(work, 'wheels-bad'), [{ name: 'tampered', version: '1.0', files: { 'tampered.py': '' } }]);
    const bad = await IndexServer.start(files, { wrongHash: [files[0].filename] });
    try {
      const r = await runCli(['build', 'tampered', '-i', bad.url, '-o', path.join(work, 't.pex'), '--cache-dir', path.join(work, 'cache-tampered')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/tampered-1\.0-py3-none-any\.whl/);
      expect(r.stderr).toMatch(/sha256/);
      expect(existsSync(path.join(work, 't.pex'))).toBe(false);
    } finally {
      await bad.close();
    }
  });

  it('names a malformed requirement', async () => {
    const r = await runCli(['build', 'webapp>>=1', '-i', server.url, '-o', path.join(work, 'z.pex')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/requirement 'webapp>>=1' is not valid/);
  });
});
