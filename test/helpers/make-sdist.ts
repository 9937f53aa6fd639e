// Makes a real sdist (.tar.gz) that pip can build with no index: an in-tree PEP 517 backend, no build requirements.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultPython } from './pythons.js';

function backend(name: string, version: string, requiresDist: string[]): string {
  const dist = `${name.replace(/[-_.]+/g, '_')}-${version}`;
  const metadata = ['Metadata-Version: 2.2', `Name: ${name}`, `Version: ${version}`, ...requiresDist.map((r) => `Requires-Dist: ${r}`), '', ''].join('\\n');
  return `
import base64, hashlib, os, zipfile

def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {
        "${name.replace(/[-.]/g, '_')}/__init__.py": b"BUILT = 'from source'\\n",
        "${dist}.dist-info/METADATA": b"${metadata}",
        "${dist}.dist-info/WHEEL": b"Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n\\n",
    }
    record = "".join("%s,%s,%d\\n" % (p, _digest(d), len(d)) for p, d in files.items()) + "${dist}.dist-info/RECORD,,\\n"
    wheel = "${dist}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w") as z:
        for p, d in files.items():
            z.writestr(p, d)
        z.writestr("${dist}.dist-info/RECORD", record)
    return wheel
`;
}

/** Writes `<name>-<version>.tar.gz` into `dir` (PKG-INFO with metadata 2.2) and returns its path. */
export function makeSdist(dir: string, name: string, version: string, requiresDist: string[] = []): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'pexship-sdist-src-')), `${name}-${version}`);
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'pyproject.toml'), '[build-system]\nrequires = []\nbuild-backend = "backend"\nbackend-path = ["."]\n');
  writeFileSync(path.join(root, 'backend.py'), backend(name, version, requiresDist));
  writeFileSync(path.join(root, 'PKG-INFO'), ['Metadata-Version: 2.2', `Name: ${name}`, `Version: ${version}`, ...requiresDist.map((r) => `Requires-Dist: ${r}`), ''].join('\n'));
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${name}-${version}.tar.gz`);
  execFileSync(defaultPython().executable, ['-c', 'import sys, tarfile; t = tarfile.open(sys.argv[1], "w:gz"); t.add(sys.argv[2], arcname=sys.argv[3]); t.close()', out, root, `${name}-${version}`]);
  return out;
}
