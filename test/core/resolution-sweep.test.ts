// Old saved resolutions are swept at most once a day per cache, and processes keeping and sweeping at once lose
// none of the fresh ones.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOldResolutions } from '../../src/core/resolution-memo.js';

const HOUR_MS = 3_600_000;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-sweep-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Writes `names` into `dir` as if last written `ageMs` before `now`. */
async function files(dir: string, names: string[], now: number, ageMs: number): Promise<void> {
  const when = (now - ageMs) / 1000;
  for (const name of names) {
    await writeFile(path.join(dir, name), name);
    await utimes(path.join(dir, name), when, when);
  }
}

describe('sweeping old saved resolutions', () => {
  it('drops files a day old, keeps newer ones, and sweeps again only a day later', async () => {
    const dir = await mkdtemp(path.join(tmp, 'daily-'));
    const now = Date.now();
    await files(dir, ['old.json', 'old.json.tmp-123-0a1b2c3d4e5f'], now, 25 * HOUR_MS);
    await files(dir, ['recent.json'], now, 23 * HOUR_MS);
    await sweepOldResolutions(dir, now);
    expect((await readdir(dir)).sort()).toEqual(['.swept', 'recent.json']);

    // An hour later a file gone old stays: the last sweep is too recent.
    await files(dir, ['later-old.json'], now, 30 * HOUR_MS);
    await sweepOldResolutions(dir, now + HOUR_MS);
    expect((await readdir(dir)).sort()).toEqual(['.swept', 'later-old.json', 'recent.json']);
    expect((await stat(path.join(dir, '.swept'))).mtimeMs).toBeCloseTo(now, -1);

    // A day after the last sweep, the next one drops both.
    await sweepOldResolutions(dir, now + 24 * HOUR_MS + 1);
    expect((await readdir(dir)).sort()).toEqual(['.swept']);
  });

  it('loses no fresh resolution while several processes keep and sweep at once', async () => {
    const dir = await mkdtemp(path.join(tmp, 'shared-'));
    const now = Date.now();
    const old = Array.from({ length: 400 }, (_, i) => `old-${i}.json`);
    await files(dir, old, now, 2 * 24 * HOUR_MS);
    await files(dir, ['.swept'], now, 2 * 24 * HOUR_MS); // a sweep is due
    const script = path.join(tmp, 'resolution-sweeper.mjs');
    await build({ entryPoints: [path.resolve('test/core/resolution-sweeper.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
    const writers = 4;
    const each = 60;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [script, dir, String(w), String(each)], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const kept = Array.from({ length: writers * each }, (_, n) => `w${Math.floor(n / each)}-${n % each}.json`);
    // Every old file gone, every kept one there, and no temporary file left.
    expect((await readdir(dir)).sort()).toEqual(['.swept', ...kept].sort());
    for (let w = 0; w < writers; w++) for (let i = 0; i < each; i++) expect(await readFile(path.join(dir, `w${w}-${i}.json`), 'utf8')).toBe(`kept ${w} ${i}`);
  }, 60_000);
});
