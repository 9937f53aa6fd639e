import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlatform, currentTarget } from '../../src/python/platform.js';
import { buildWheelFromSdist } from '../../src/resolve/sdist-build.js';
import { defaultPython } from '../helpers/pythons.js';

// An in-tree PEP 517 backend with no build requirements, so pip builds it with no index at all.
const BACKEND = `
import base64, hashlib, os, zipfile

NAME, VERSION = "srconly", "1.0"

def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {
        "srconly/__init__.py": b"VALUE = 'built from source'\\n",
        "srconly-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\\nName: srconly\\nVersion: 1.0\\n\\n",
        "srconly-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n\\n",
    }
    record = "".join("%s,%s,%d\\n" % (p, _digest(d), len(d)) for p, d in files.items()) + "srconly-1.0.dist-info/RECORD,,\\n"
    name = "srconly-1.0-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as z:
        for p, d in files.items():
            z.writestr(p, d)
        z.writestr("srconly-1.0.dist-info/RECORD", record)
    return name
`;

let sdist: string;
let cacheDir: string;
beforeAll(() => {
  const work = mkdtempSync(path.join(tmpdir(), 'pexship-sdist-'));
  const root = path.join(work, 'srconly-1.0');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'pyproject.toml'), '[build-system]\nrequires = []\nbuild-backend = "backend"\nbackend-path = ["."]\n');
  writeFileSync(path.join(root, 'backend.py'), BACKEND);
  writeFileSync(path.join(root, 'PKG-INFO'), 'Metadata-Version: 2.1\nName: srconly\nVersion: 1.0\n');
  sdist = path.join(work, 'srconly-1.0.tar.gz');
  execFileSync(defaultPython().executable, ['-c', 'import sys, tarfile; t = tarfile.open(sys.argv[1], "w:gz"); t.add(sys.argv[2], arcname="srconly-1.0"); t.close()', sdist, root]);
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
