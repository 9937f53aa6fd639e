import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipArchive, writeZip, type ZipMember } from '../../src/pex/zip.js';
import { defaultPython } from '../helpers/pythons.js';

const LIST = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    for i in z.infolist():
        print(i.filename, oct(i.external_attr >> 16), i.date_time[0], len(z.read(i)))
`;

describe('zip writer', () => {
  it('writes a shebang-prefixed archive that Python reads, with fixed dates and modes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pexship-zip-'));
    const members: ZipMember[] = [
      { name: '__main__.py', mode: 0o100644, content: Buffer.from('print("hi")\n') },
      { name: 'bin/tool', mode: 0o100755, content: Buffer.from('#!/bin/sh\necho hi\n'.repeat(50)) },
      { name: 'empty.txt', mode: 0o100644, content: Buffer.alloc(0) },
      { name: 'ünïcode.txt', mode: 0o100644, content: Buffer.from('x') },
    ];
    const file = path.join(dir, 'a.pex');
    await writeFile(file, Buffer.concat(writeZip(Buffer.from('#!/usr/bin/env python3\n'), members)));
    const out = execFileSync(defaultPython().executable, ['-c', LIST, file], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual([
      '__main__.py 0o100644 1980 12',
      'bin/tool 0o100755 1980 900',
      'empty.txt 0o100644 1980 0',
      'ünïcode.txt 0o100644 1980 1',
    ]);
    // And our reader reads it back (offsets are absolute, after the shebang).
    const zip = new ZipArchive(Buffer.concat(writeZip(Buffer.from('#!x\n'), members)));
    expect(zip.entries.map((e) => e.name)).toEqual(members.map((m) => m.name));
    expect(zip.read(zip.entries[1]).toString()).toBe('#!/bin/sh\necho hi\n'.repeat(50));
    expect(zip.entries[1].unixMode).toBe(0o100755);
  });

  it('switches to zip64 past 65535 entries', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pexship-zip64-'));
    const members: ZipMember[] = Array.from({ length: 66000 }, (_, i) => ({ name: `f/${i}`, mode: 0o100644, content: Buffer.from(String(i)) }));
    const data = Buffer.concat(writeZip(Buffer.from('#!python\n'), members));
    const zip = new ZipArchive(data);
    expect(zip.entries.length).toBe(66000);
    expect(zip.read(zip.entries[65999]).toString()).toBe('65999');
    const file = path.join(dir, 'big.zip');
    await writeFile(file, data);
    const count = execFileSync(defaultPython().executable, ['-c', 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))', file], { encoding: 'utf8' });
    expect(count.trim()).toBe('66000');
  });

  it('reads archives whose offsets are relative to the zip start (prepended bytes)', () => {
    const plain = Buffer.concat(writeZip(Buffer.alloc(0), [{ name: 'a', mode: 0o100644, content: Buffer.from('A') }]));
    const prefixed = Buffer.concat([Buffer.from('#!/bin/sh\n'), plain]);
    const zip = new ZipArchive(prefixed);
    expect(zip.read(zip.entries[0]).toString()).toBe('A');
  });

  it('names a file that is not a zip', () => {
    expect(() => new ZipArchive(Buffer.from('hello'))).toThrow(/not a zip file/);
  });
});
