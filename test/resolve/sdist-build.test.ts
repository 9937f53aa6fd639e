import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlatform, currentTarget } from '../../src/python/platform.js';
import { buildWheelFromSdist } from '../../src/resolve/sdist-build.js';
import { makeSdist } from '../helpers/make-sdist.js';
import { defaultPython } from '../helpers/pythons.js';

let sdist: string;
let cacheDir: string;
beforeAll(() => {
  const work = mkdtempSync(path.join(tmpdir(), 'pexship-sdist-'));
  sdist = makeSdist(work, 'srconly', '1.0');
  cacheDir = path.join(work, 'cache');
});

describe('buildWheelFromSdist', () => {
  it('builds a wheel with a local interpreter of the target version and caches it', async () => {
    const target = await currentTarget(defaultPython().executable);
    const req = { sdist, project: 'srconly', version: '1.0', target, cacheDir, pipIndexArgs: ['--no-index'] };
    const wheel = await buildWheelFromSdist(req);
    expect(path.basename(wheel)).toBe('srconly-1.0-py3-none-any.whl');
    // The second call is served from the cache (same path, no pip run needed).
    expect(await buildWheelFromSdist(req)).toBe(wheel);
  });

  it('names the package, the target and the ways out when no interpreter fits', async () => {
    const target = parsePlatform('manylinux2014_x86_64-cp-399-cp399');
    await expect(buildWheelFromSdist({ sdist, project: 'srconly', version: '1.0', target, cacheDir, pipIndexArgs: ['--no-index'] })).rejects.toThrow(
      /srconly 1\.0 has only a source distribution for linux-x86_64-cp399, and building it needs CPython 3\.99.*Ways out: pick a version of srconly that has a wheel/,
    );
  });
});
