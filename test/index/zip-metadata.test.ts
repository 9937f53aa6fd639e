import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readWheelMetadata, withKnownBytes, withLocalFile, type RandomAccess } from '../../src/index/zip-metadata.js';
import { makeWheel } from '../helpers/make-wheel.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-zip-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function zipOf(entries: [string, Buffer][], options: { zip64?: boolean; compress?: boolean; comment?: string } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { forceZip64Format: options.zip64 ?? false, compress: options.compress ?? true });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    zip.end({ forceZip64Format: options.zip64 ?? false, comment: options.comment ?? '' });
  });
}

/** A reader over a buffer that counts reads, like range requests would. */
function bufferReader(data: Buffer): RandomAccess & { reads: number } {
  const reader = {
    size: data.length,
    reads: 0,
    read: async (start: number, end: number) => {
      reader.reads++;
      return data.subarray(start, end);
    },
  };
  return reader;
}

const METADATA = 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n\n';

describe('reading METADATA from a wheel by random access', () => {
  it('reads a wheel made by the test helper from disk', async () => {
    const file = await makeWheel(tmp, { name: 'Demo.Pkg', version: '2.0', requiresDist: ['six'] });
    const text = await withLocalFile(file, (r) => readWheelMetadata(r, path.basename(file)));
    expect(text).toContain('Name: Demo.Pkg');
    expect(text).toContain('Requires-Dist: six');
  });

  it('handles zip64 records, stored entries and an archive comment', async () => {
    for (const compress of [true, false]) {
      const data = await zipOf([['demo/__init__.py', Buffer.from('x')], ['demo-1.0.dist-info/METADATA', Buffer.from(METADATA)]], { zip64: true, compress, comment: 'hello' });
      expect(await readWheelMetadata(bufferReader(data), 'demo-1.0-py3-none-any.whl')).toBe(METADATA);
    }
  });

  it('finds the end record behind an archive comment longer than the first read', async () => {
    const data = await zipOf([['demo-1.0.dist-info/METADATA', Buffer.from(METADATA)], ['demo/blob.bin', randomBytes(100_000)]], { comment: 'c'.repeat(60_000) });
    const reader = bufferReader(data);
    expect(await readWheelMetadata(reader, 'demo-1.0-py3-none-any.whl')).toBe(METADATA);
  });

  it('needs one read for a small wheel whose tail is already known', async () => {
    const data = await zipOf([['demo-1.0.dist-info/METADATA', Buffer.from(METADATA)]]);
    const inner = bufferReader(data);
    expect(await readWheelMetadata(withKnownBytes(inner, 0, data), 'demo-1.0-py3-none-any.whl')).toBe(METADATA);
    expect(inner.reads).toBe(0);
  });

  it('reads METADATA that lies before a large incompressible file', async () => {
    const data = await zipOf([
      ['demo-1.0.dist-info/METADATA', Buffer.from(METADATA)],
      ['demo/blob.bin', randomBytes(300_000)],
    ]);
    expect(await readWheelMetadata(bufferReader(data), 'demo-1.0-py3-none-any.whl')).toBe(METADATA);
  });

  it('picks the dist-info named for the wheel when there are several', async () => {
    const data = await zipOf([
      ['other-3.0.dist-info/METADATA', Buffer.from('Name: other\n')],
      ['Demo_Pkg-1.0.dist-info/METADATA', Buffer.from(METADATA)],
    ]);
    expect(await readWheelMetadata(bufferReader(data), 'demo_pkg-1.0-py3-none-any.whl')).toBe(METADATA);
  });

  it('says what is wrong with a file that is not a wheel', async () => {
    await expect(readWheelMetadata(bufferReader(Buffer.from('not a zip at all, just text')), 'x-1-py3-none-any.whl')).rejects.toThrow(/not a zip file/);
    const noMeta = await zipOf([['pkg/__init__.py', Buffer.from('')]]);
    await expect(readWheelMetadata(bufferReader(noMeta), 'x-1-py3-none-any.whl')).rejects.toThrow(/no \.dist-info\/METADATA/);
    const truncated = (await readFile(await makeWheel(tmp, { name: 'trunc', version: '1' }))).subarray(0, 40);
    await expect(readWheelMetadata(bufferReader(truncated), 'trunc-1-py3-none-any.whl')).rejects.toThrow();
  });

  it('finds METADATA only at <dir>.dist-info/METADATA, whatever else the archive holds', async () => {
    // Names are matched on their bytes (not decoded): the same rule as /^[^/]+\.dist-info\/METADATA$/ on the text.
    const decoys = [
      'a/demo-1.0.dist-info/METADATA',
      '.dist-info/METADATA',
      'demo-1.0.dist-info/METADATA.bak',
      'demo-1.0.dist-info/sub/METADATA',
      'demo-1.0.dist-info/metadata',
      'demo-1.0.dist-infoXMETADATA',
      'demo-1.0.DIST-INFO/METADATA',
    ];
    const decoyEntries = decoys.map((name): [string, Buffer] => [name, Buffer.from('Name: decoy\n')]);
    const none = await zipOf(decoyEntries);
    await expect(readWheelMetadata(bufferReader(none), 'demo-1.0-py3-none-any.whl')).rejects.toThrow(/no \.dist-info\/METADATA/);
    for (const dir of ['demo-1.0', 'démo_ü-1.0', 'd']) {
      const data = await zipOf([...decoyEntries, [`${dir}.dist-info/METADATA`, Buffer.from(METADATA)], ['demo/x.py', Buffer.from('x')]]);
      expect(await readWheelMetadata(bufferReader(data), 'demo-1.0-py3-none-any.whl')).toBe(METADATA);
    }
  });
});
