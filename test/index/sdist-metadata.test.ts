import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSdistMetadata } from '../../src/index/sdist-metadata.js';
import { writeZip } from '../../src/pex/zip.js';
import { defaultPython } from '../helpers/pythons.js';

const work = mkdtempSync(path.join(tmpdir(), 'pexship-sdist-meta-'));

/** A .tar.gz made by Python's tarfile (as build tools make them), with a long path to force pax headers. */
function tarSdist(name: string, pkgInfo: string): string {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'src', 'a'.repeat(120)), { recursive: true });
  writeFileSync(path.join(root, 'src', 'a'.repeat(120), 'x.py'), '');
  writeFileSync(path.join(root, 'PKG-INFO'), pkgInfo);
  const out = path.join(work, `${name}.tar.gz`);
  execFileSync(defaultPython().executable, ['-c', 'import sys, tarfile; t = tarfile.open(sys.argv[1], "w:gz", format=tarfile.PAX_FORMAT); t.add(sys.argv[2], arcname=sys.argv[3]); t.close()', out, root, name]);
  return out;
}

describe('readSdistMetadata', () => {
  it('reads PKG-INFO 2.2+ from a .tar.gz', async () => {
    const text = 'Metadata-Version: 2.2\nName: srconly\nVersion: 1.0\nRequires-Dist: six>=1\n';
    const file = tarSdist('srconly-1.0', text);
    expect(await readSdistMetadata(file, 'srconly-1.0.tar.gz')).toBe(text);
  });

  it('reads PKG-INFO from a .zip sdist', async () => {
    const text = 'Metadata-Version: 2.4\nName: zipped\nVersion: 2.0\n';
    const file = path.join(work, 'zipped-2.0.zip');
    writeFileSync(file, Buffer.concat(writeZip(Buffer.alloc(0), [{ name: 'zipped-2.0/PKG-INFO', mode: 0o100644, content: Buffer.from(text) }])));
    expect(await readSdistMetadata(file, 'zipped-2.0.zip')).toBe(text);
  });

  it('refuses metadata older than 2.2 and dynamic dependencies, saying why', async () => {
    const old = tarSdist('old-1.0', 'Metadata-Version: 2.1\nName: old\nVersion: 1.0\n');
    await expect(readSdistMetadata(old, 'old-1.0.tar.gz')).rejects.toThrow(/metadata version 2\.1, older than 2\.2/);
    const dyn = tarSdist('dyn-1.0', 'Metadata-Version: 2.2\nName: dyn\nVersion: 1.0\nDynamic: Requires-Dist\n');
    await expect(readSdistMetadata(dyn, 'dyn-1.0.tar.gz')).rejects.toThrow(/declares requires-dist dynamic/);
  });
});
