import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { installWheel, unsafePathReason } from '../../src/pex/install.js';
import { memberContent, writeZip, type ZipMember } from '../../src/pex/zip.js';
import { makeWheel } from '../helpers/make-wheel.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pexship-install-'));
});

function content(m: ZipMember): string {
  return memberContent(m).toString('utf8');
}

/** A wheel written with our own zip writer, so members yazl refuses (.., absolute, links) can be made. */
async function evilWheel(name: string, evil: { name: string; mode?: number; body: string }): Promise<string> {
  const distInfo = 'evil-1.0.dist-info';
  const files: [string, string][] = [
    ['evil/__init__.py', ''],
    [`${distInfo}/METADATA`, 'Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n\n'],
    [`${distInfo}/WHEEL`, 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n'],
    [evil.name, evil.body],
  ];
  const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
  const record = files.map(([p, c]) => `${p},sha256=${hash(c)},${Buffer.byteLength(c)}`).join('\n') + `\n${distInfo}/RECORD,,\n`;
  const members: ZipMember[] = files.map(([p, c]) => ({ name: p, mode: p === evil.name ? (evil.mode ?? 0o100644) : 0o100644, content: Buffer.from(c) }));
  members.push({ name: `${distInfo}/RECORD`, mode: 0o100644, content: Buffer.from(record) });
  const out = path.join(dir, name);
  await writeFile(out, Buffer.concat(writeZip(Buffer.alloc(0), members)));
  return out;
}

describe('installWheel', () => {
  it('spreads purelib/platlib into the root, keeps scripts and data aside, reads console scripts', async () => {
    const whl = await makeWheel(dir, {
      name: 'demo-pkg',
      version: '1.2.0',
      tag: 'cp311-cp311-manylinux_2_17_x86_64',
      files: {
        'demo_pkg/__init__.py': 'VALUE = 1\n',
        'demo_pkg-1.2.0.data/platlib/demo_native.py': 'NATIVE = True\n',
        'demo_pkg-1.2.0.data/purelib/demo_extra.py': 'EXTRA = True\n',
        'demo_pkg-1.2.0.data/scripts/demo-tool': '#!python\nprint(1)\n',
        'demo_pkg-1.2.0.data/data/share/demo.txt': 'data\n',
      },
      executable: ['demo_pkg-1.2.0.data/scripts/demo-tool'],
      consoleScripts: { demo: 'demo_pkg.cli:main', 'demo-other': 'demo_pkg' },
      requiresPython: '>=3.8',
      requiresDist: ['requests>=2'],
    });
    const w = await installWheel(whl);
    const names = w.members.map((m) => m.name);
    expect(names).toContain('demo_native.py');
    expect(names).toContain('demo_extra.py');
    expect(names).toContain('demo_pkg-1.2.0.data/scripts/demo-tool');
    expect(names).toContain('demo_pkg-1.2.0.data/data/share/demo.txt');
    expect(names).not.toContain('demo_pkg-1.2.0.data/platlib/demo_native.py');
    expect(names).toContain('demo_pkg-1.2.0.dist-info/INSTALLER');
    expect([...names].sort()).toEqual(names);
    expect(w.members.find((m) => m.name === 'demo_pkg-1.2.0.data/scripts/demo-tool')!.mode).toBe(0o100755);
    expect(w.consoleScripts).toEqual({ demo: 'demo_pkg.cli:main', 'demo-other': 'demo_pkg' });
    expect(w.hasData).toBe(true);
    expect(w.project).toBe('demo-pkg');
    expect(w.version).toBe('1.2.0');
    expect(w.requiresPython).toBe('>=3.8');
    expect(w.requiresDist).toEqual(['requests>=2']);
    expect(w.tags).toEqual(['cp311-cp311-manylinux_2_17_x86_64']);
    const record = content(w.members.find((m) => m.name === 'demo_pkg-1.2.0.dist-info/RECORD')!);
    expect(record).toMatch(/^demo_native\.py,sha256=[\w-]+,14$/m);
    expect(record).toMatch(/^demo_pkg-1\.2\.0\.dist-info\/INSTALLER,sha256=/m);
    expect(content(w.members.find((m) => m.name === 'demo_native.py')!)).toBe('NATIVE = True\n');
  });

  it('refuses a member whose hash differs from RECORD, naming wheel and member', async () => {
    const whl = await makeWheel(dir, { name: 'badhash', version: '1.0', files: { 'badhash/__init__.py': 'x = 1\n' }, corruptRecord: { wrongHash: ['badhash/__init__.py'] } });
    await expect(installWheel(whl)).rejects.toThrow(/wheel badhash-1\.0-py3-none-any\.whl: member badhash\/__init__\.py does not match its RECORD hash/);
  });

  it('refuses a member missing from RECORD', async () => {
    const whl = await makeWheel(dir, { name: 'unlisted', version: '1.0', files: { 'unlisted/__init__.py': '' }, corruptRecord: { omit: ['unlisted/__init__.py'] } });
    await expect(installWheel(whl)).rejects.toThrow(/member unlisted\/__init__\.py is not listed in RECORD/);
  });

  it.each([
    ['../escape.py', /has a "\.\." component/],
    ['/etc/passwd', /has an absolute path/],
    ['evil/..\\x.py', /has a backslash/],
  ])('refuses a member named %s', async (name, why) => {
    const whl = await evilWheel(`evil-1.0-py3-none-any.whl`, { name, body: 'x' });
    await expect(installWheel(whl)).rejects.toThrow(why);
    await expect(installWheel(whl)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses a symbolic link member', async () => {
    const whl = await evilWheel('evil-1.0-py3-none-any.whl', { name: 'evil/link', mode: 0o120777, body: '/etc/passwd' });
    await expect(installWheel(whl)).rejects.toThrow(/member "evil\/link" is a symbolic link/);
  });

  it('refuses a file that is not a zip, and a bad file name', async () => {
    const notZip = path.join(dir, 'junk-1.0-py3-none-any.whl');
    await writeFile(notZip, 'this is not a zip');
    await expect(installWheel(notZip)).rejects.toThrow(/junk-1\.0-py3-none-any\.whl: not a valid zip archive/);
    const badName = path.join(dir, 'not-a-wheel.whl');
    await writeFile(badName, 'x');
    await expect(installWheel(badName)).rejects.toThrow(/not-a-wheel\.whl/);
  });

  it('rejects unsafe paths in the helper too', () => {
    expect(unsafePathReason('a/b.py')).toBeNull();
    expect(unsafePathReason('a/../../b')).toMatch(/\.\./);
    expect(unsafePathReason('C:/x')).toMatch(/drive/);
  });
});
