// A wheel of several hundred MB (model weights, CUDA libraries): built, extracted and imported intact.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { defaultPython } from '../helpers/pythons.js';
import { buildPex, runPex, tempDir } from './pex-fixture.js';

const MB = 1024 * 1024;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a several-hundred-MB wheel', () => {
  it('3 x 100 MB of incompressible data: the PEX holds it stored, the first run extracts it, every run reads it intact', async () => {
    const blobs = [randomBytes(100 * MB), randomBytes(100 * MB), randomBytes(100 * MB)];
    const files: Record<string, Buffer | string> = { 'weights/__init__.py': 'import os\nHERE = os.path.dirname(__file__)\n' };
    blobs.forEach((b, i) => (files[`weights/part${i}.bin`] = b));
    const wheel = await makeWheel(dir, { name: 'weights', version: '1.0', files, stored: true });
    const digests = blobs.map((b) => createHash('sha256').update(b).digest('hex'));
    blobs.length = 0;
    const pex = await buildPex(path.join(dir, 'big.pex'), {
      wheels: [wheel],
      sources: {
        'check.py': `import hashlib, os, sys, weights
def main():
    for i in range(3):
        h = hashlib.sha256()
        with open(os.path.join(weights.HERE, 'part%d.bin' % i), 'rb') as f:
            for chunk in iter(lambda: f.read(1 << 20), b''):
                h.update(chunk)
        print(h.hexdigest())
`,
      },
      entryPoint: 'check:main',
    });
    expect(statSync(pex).size).toBeGreaterThan(300 * MB);
    expect(statSync(pex).size).toBeLessThan(301 * MB);
    const root = path.join(dir, 'root');
    for (let i = 0; i < 2; i++) {
      const r = runPex(defaultPython().executable, pex, [], { env: { PEX_ROOT: root } });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim().split('\n')).toEqual(digests);
    }
    expect(readdirSync(path.join(root, 'installed_wheels'))).toHaveLength(1);
  }, 300_000);
});
