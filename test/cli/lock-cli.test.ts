// `pexship lock` as a process against a loopback index: --max-connections holds, and a warm run whose pages
// are still fresh (Cache-Control) and whose metadata is cached by hash sends no request at all.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer, type ServedFile } from '../helpers/index-server.js';
import { findInterpreters } from '../helpers/pythons.js';

let tmp: string;
let served: ServedFile[];
const PLATFORM = 'manylinux2014_x86_64-cp-311-cp311';

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-lock-cli-'));
  served = await buildWheels(path.join(tmp, 'wheels'), [
    { name: 'alpha', version: '1.0', requiresDist: ['beta', 'gamma', 'delta'] },
    { name: 'beta', version: '1.0', requiresDist: ['epsilon'] },
    { name: 'gamma', version: '1.0' },
    { name: 'delta', version: '1.0' },
    { name: 'epsilon', version: '1.0' },
  ]);
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('pexship lock over HTTP', () => {
  it('keeps to --max-connections, and a warm run with fresh pages asks the index nothing', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const cache = path.join(tmp, 'cache');
      const timings = path.join(tmp, 'timings.json');
      const args = ['lock', '-i', server.url, '--platform', PLATFORM, '--cache-dir', cache, '--max-connections', '1', '-o', path.join(tmp, 'pylock.toml'), 'alpha'];
      const cold = await runCli(args, { env: { PEXSHIP_TIMINGS: timings } });
      expect(cold.status, cold.stderr).toBe(0);
      expect(cold.stdout).toContain('5 packages');
      expect(server.maxOpen).toBe(1);
      expect(JSON.parse(await readFile(timings, 'utf8'))).toHaveProperty('http client at');
      const asked = server.requests.length;
      expect(asked).toBeGreaterThanOrEqual(10); // 5 pages, 5 metadata reads by range

      // Other inputs (`alpha>=0`), so the run resolves from the cached pages rather than reusing the last resolution.
      const warm = await runCli([...args.slice(0, -1), 'alpha>=0'], { env: { PEXSHIP_TIMINGS: timings } });
      expect(warm.status).toBe(0);
      expect(warm.stdout).toContain('5 packages');
      expect(server.requests.length).toBe(asked);
      const phases = JSON.parse(await readFile(timings, 'utf8'));
      expect(phases['pages fresh']).toBe(5);
      expect(phases['metadata cached']).toBe(5);
      expect(phases).not.toHaveProperty('http client at'); // the HTTP client was never even loaded
    } finally {
      await server.close();
    }
  }, 60_000);

  it('remembers what an extra index lacks, so a warm run loads no HTTP client; --refresh asks both indexes again', async () => {
    const main = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    const extra = await IndexServer.start([]); // an extra index without any of these projects: 404s, as PyPI sends them
    try {
      const cache = path.join(tmp, 'cache-extra');
      const timings = path.join(tmp, 'timings-extra.json');
      const args = ['lock', '-i', main.url, '--extra-index-url', extra.url, '--platform', PLATFORM, '--cache-dir', cache, '-o', path.join(tmp, 'pylock-extra.toml'), 'alpha'];
      const cold = await runCli(args);
      expect(cold.status, cold.stderr).toBe(0);
      expect(extra.count((r) => r.method === 'GET')).toBe(5);
      const [mainAsked, extraAsked] = [main.requests.length, extra.requests.length];

      const warm = await runCli([...args.slice(0, -1), 'alpha>=0'], { env: { PEXSHIP_TIMINGS: timings } }); // resolves, as above
      expect(warm.status, warm.stderr).toBe(0);
      expect(warm.stdout).toContain('5 packages');
      expect([main.requests.length, extra.requests.length]).toEqual([mainAsked, extraAsked]);
      const phases = JSON.parse(await readFile(timings, 'utf8'));
      expect(phases['pages missing fresh']).toBe(5);
      expect(phases).not.toHaveProperty('http client at');

      const refreshed = await runCli([...args, '--refresh']);
      expect(refreshed.status, refreshed.stderr).toBe(0);
      expect(refreshed.stdout).toContain('5 packages');
      expect(main.requests.slice(mainAsked).filter((r) => r.path.startsWith('/simple/')).length).toBe(5);
      expect(extra.requests.slice(extraAsked).filter((r) => r.method === 'GET').length).toBe(5);
    } finally {
      await Promise.all([main.close(), extra.close()]);
    }
  }, 60_000);

  it('asks for index pages while the current interpreter is still being probed, and locks the same as without waiting', async (ctx) => {
    const python = findInterpreters()[0]?.executable;
    if (!python) return ctx.skip('no CPython 3 found (pyenv or python3.X on PATH)');
    const server = await IndexServer.start(served);
    const asked = path.join(tmp, 'index-asked');
    // The interpreter starts only once the index has been asked for a page: were the probe awaited before
    // any request, this run would wait out the 20 s and fail.
    const gated = path.join(tmp, 'gated-python');
    await writeFile(gated, `#!/bin/sh\nfor i in $(seq 400); do [ -e '${asked}' ] && exec '${python}' "$@"; sleep 0.05; done\necho 'the index was never asked' >&2; exit 1\n`);
    await chmod(gated, 0o755);
    server.intercept = (req) => {
      if (req.url?.startsWith('/simple/')) void writeFile(asked, '');
      return false;
    };
    try {
      const lockWith = async (interpreter: string, name: string) => {
        const out = path.join(tmp, name);
        const run = await runCli(['lock', '-i', server.url, '--python', interpreter, '--cache-dir', path.join(tmp, `cache-${name}`), '-o', out, 'alpha']);
        expect(run.status, run.stderr).toBe(0);
        return readFile(out, 'utf8');
      };
      const gatedLock = await lockWith(gated, 'gated.toml');
      expect(gatedLock).toContain('name = "epsilon"');
      expect(gatedLock).toBe(await lockWith(python, 'direct.toml'));
    } finally {
      await server.close();
    }
  }, 60_000);

  it('reads metadata down the dependency chain while the current interpreter is still being probed', async (ctx) => {
    const python = findInterpreters()[0]?.executable;
    if (!python) return ctx.skip('no CPython 3 found (pyenv or python3.X on PATH)');
    const server = await IndexServer.start(served);
    const asked = path.join(tmp, 'epsilon-asked');
    // epsilon is alpha's dependency's dependency: its wheel is asked for (its metadata, by range) only once the
    // metadata of alpha and then beta are read. The interpreter starts only after that: were metadata awaited
    // until the targets are known, this run would wait out the 20 s and fail.
    const gated = path.join(tmp, 'gated-python-deep');
    await writeFile(gated, `#!/bin/sh\nfor i in $(seq 400); do [ -e '${asked}' ] && exec '${python}' "$@"; sleep 0.05; done\necho 'epsilon was never asked for' >&2; exit 1\n`);
    await chmod(gated, 0o755);
    server.intercept = (req) => {
      if (req.url?.includes('/epsilon-') && !req.url.startsWith('/simple/')) void writeFile(asked, '');
      return false;
    };
    try {
      const out = path.join(tmp, 'gated-deep.toml');
      const run = await runCli(['lock', '-i', server.url, '--python', gated, '--cache-dir', path.join(tmp, 'cache-gated-deep'), '-o', out, 'alpha']);
      expect(run.status, run.stderr).toBe(0);
      expect(await readFile(out, 'utf8')).toContain('name = "epsilon"');
      // Each wheel's metadata was read once: what was fetched before the probe ended was used, not fetched again.
      for (const name of ['alpha', 'beta', 'epsilon']) expect([name, server.count((r) => r.path.includes(`/${name}-`) && !r.path.startsWith('/simple/'))]).toEqual([name, 1]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('two cold locks at once on one cache both succeed, and a third run finds every record they wrote', async () => {
    const server = await IndexServer.start(served, { pageCacheControl: 'max-age=600, public' });
    try {
      const cache = path.join(tmp, 'cache-shared');
      const lockInto = (name: string, env: NodeJS.ProcessEnv = {}, requirement = 'alpha') =>
        runCli(['lock', '-i', server.url, '--platform', PLATFORM, '--cache-dir', cache, '-o', path.join(tmp, name), requirement], { env });
      const both = await Promise.all([lockInto('shared-a.toml'), lockInto('shared-b.toml')]);
      for (const run of both) expect(run.status, run.stderr).toBe(0);
      expect(await readFile(path.join(tmp, 'shared-a.toml'), 'utf8')).toBe(await readFile(path.join(tmp, 'shared-b.toml'), 'utf8'));
      // One pack each, or one only when the second run found the first's records (a loaded machine); no leftovers.
      const files = await readdir(path.join(cache, 'records'));
      expect(files.filter((n) => n.endsWith('.pack')).length).toBeGreaterThanOrEqual(1);
      expect(files.filter((n) => !n.endsWith('.pack'))).toEqual([]);
      const asked = server.requests.length;
      const timings = path.join(tmp, 'timings-shared.json');
      // Other inputs (`alpha>=0`), so the run resolves from the records rather than reusing a resolution.
      const warm = await lockInto('shared-c.toml', { PEXSHIP_TIMINGS: timings }, 'alpha>=0');
      expect(warm.status, warm.stderr).toBe(0);
      expect(server.requests.length).toBe(asked);
      const phases = JSON.parse(await readFile(timings, 'utf8'));
      expect([phases['pages fresh'], phases['metadata cached']]).toEqual([5, 5]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('a lock killed mid-run leaves the cache usable: the next run locks the same', async () => {
    const server = await IndexServer.start(served);
    try {
      const cache = path.join(tmp, 'cache-killed');
      const args = ['lock', '-i', server.url, '--platform', PLATFORM, '--cache-dir', cache, '-o', path.join(tmp, 'killed.toml'), 'alpha'];
      const cli = await bundleCli();
      const child = spawn(process.execPath, [cli, ...args], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('close', resolve));
      // Killed once it has read some metadata (gamma's wheel is asked for after alpha's metadata is in).
      server.intercept = (req) => {
        if (req.url?.includes('/gamma-') && !req.url.startsWith('/simple/')) child.kill('SIGKILL');
        return false;
      };
      await exited;
      server.intercept = undefined;
      const again = await runCli(args);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain('5 packages');
      const fresh = await runCli([...args.slice(0, 6), path.join(tmp, 'cache-clean'), '-o', path.join(tmp, 'clean.toml'), 'alpha']);
      expect(fresh.status, fresh.stderr).toBe(0);
      expect(await readFile(path.join(tmp, 'killed.toml'), 'utf8')).toBe(await readFile(path.join(tmp, 'clean.toml'), 'utf8'));
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses a --max-connections that is not a whole number of at least 1', async () => {
    const run = await runCli(['lock', '--platform', PLATFORM, '--max-connections', '0', 'alpha']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-connections takes a whole number of at least 1');
  });
});
