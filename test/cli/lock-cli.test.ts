// `pexship lock` as a process against a loopback index: --max-connections holds, and a warm run whose pages
// are still fresh (Cache-Control) and whose metadata is cached by hash sends no request at all.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
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
      const cold = await runCli(args);
      expect(cold.status, cold.stderr).toBe(0);
      expect(cold.stdout).toContain('5 packages');
      expect(server.maxOpen).toBe(1);
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
      expect(phases).not.toHaveProperty('load undici'); // the HTTP client was never even loaded
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
      expect(phases).not.toHaveProperty('load undici');

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

  it('refuses a --max-connections that is not a whole number of at least 1', async () => {
    const run = await runCli(['lock', '--platform', PLATFORM, '--max-connections', '0', 'alpha']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-connections takes a whole number of at least 1');
  });
});
