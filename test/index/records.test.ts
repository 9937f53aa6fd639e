// The cache's record packs (src/index/records.ts): what one run writes the next reads, damage is a miss and
// never wrong data, and packs are merged before they pile up, also by several processes at once.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PACKS, RecordStore } from '../../src/index/records.js';
import { build } from 'esbuild';

let tmp: string;
let counter = 0;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-records-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const freshRoot = () => path.join(tmp, `cache-${counter++}`);
const text = (b: Buffer | undefined) => b?.toString('utf8');
const packsIn = async (root: string) => (await readdir(path.join(root, 'records'))).filter((n) => n.endsWith('.pack')).sort();

/** One run: a new store, some records put, then flushed as the client's close does. */
function run(root: string, records: Record<string, string>): void {
  const store = new RecordStore(root);
  for (const [key, value] of Object.entries(records)) {
    store.get(key); // a run reads before it writes: the packs are open while it writes
    store.put(key, Buffer.from(value));
  }
  store.flush();
}

describe('RecordStore', () => {
  it('shows a record at once in its own run and to later runs once flushed, the newest pack winning', () => {
    const root = freshRoot();
    const first = new RecordStore(root);
    expect(first.get('a')).toBeUndefined();
    first.put('a', Buffer.from('one'));
    first.put('b', Buffer.from('bee'));
    expect(text(first.get('a'))).toBe('one');
    expect(new RecordStore(root).get('a')).toBeUndefined(); // nothing on disk before the flush
    first.flush();
    run(root, { a: 'two' });
    const later = new RecordStore(root);
    expect([text(later.get('a')), text(later.get('b')), later.get('c')]).toEqual(['two', 'bee', undefined]);
    later.close();
  });

  it('reads a damaged body as a miss and ignores a torn or foreign pack and a leftover temporary file', async () => {
    const root = freshRoot();
    run(root, { good: 'kept', bad: 'x'.repeat(100) });
    const [pack] = await packsIn(root);
    const file = path.join(root, 'records', pack);
    const bytes = await readFile(file);
    const at = bytes.lastIndexOf('x'.repeat(100));
    bytes[at + 50] = 'y'.charCodeAt(0); // one byte of one body changed: same length, another hash
    await writeFile(file, bytes);
    // A pack cut short (the disk lost its tail), one that is not a pack at all, and a killed run's temporary file.
    run(root, { torn: 'lost' });
    const torn = (await packsIn(root)).find((n) => n !== pack)!;
    await truncate(path.join(root, 'records', torn), (await readFile(path.join(root, 'records', torn))).length - 2);
    await writeFile(path.join(root, 'records', 'zzzzzzzzz-1-junk.pack'), 'PXR1\n9999\n[["good",0,4,"00"]]');
    await writeFile(path.join(root, 'records', '.tmp-1-abc'), 'PXR1\n2\n[]');
    const store = new RecordStore(root);
    expect([text(store.get('good')), store.get('bad'), store.get('torn')]).toEqual(['kept', undefined, undefined]);
    store.close();
  });

  it(`merges more than ${MAX_PACKS} packs into one, newest record per key, and clears stale temporary files`, async () => {
    const root = freshRoot();
    for (let i = 0; i < MAX_PACKS; i++) run(root, { [`k${i}`]: `v${i}`, shared: `s${i}` });
    await writeFile(path.join(root, 'records', '.tmp-1-old'), 'left by a killed run');
    await writeFile(path.join(root, 'records', '.tmp-1-new'), 'being written right now');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(path.join(root, 'records', '.tmp-1-old'), hourAgo, hourAgo);
    expect((await packsIn(root)).length).toBe(MAX_PACKS);
    run(root, { last: 'L' });
    expect((await packsIn(root)).length).toBe(1);
    expect((await readdir(path.join(root, 'records'))).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-1-new']);
    const store = new RecordStore(root);
    expect(text(store.get('shared'))).toBe(`s${MAX_PACKS - 1}`);
    for (let i = 0; i < MAX_PACKS; i++) expect(text(store.get(`k${i}`))).toBe(`v${i}`);
    expect(text(store.get('last'))).toBe('L');
    // A run after the merge still wins over it.
    store.close();
    run(root, { shared: 'after' });
    expect(text(new RecordStore(root).get('shared'))).toBe('after');
  });

  it('keeps every record when several processes write and merge at once', async () => {
    const root = freshRoot();
    const writer = path.join(tmp, 'records-writer.mjs');
    await build({ entryPoints: [path.resolve('test/index/records-writer.ts')], outfile: writer, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
    const writers = 4;
    const runsEach = MAX_PACKS;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [writer, root, String(w), String(runsEach)], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const store = new RecordStore(root);
    for (let w = 0; w < writers; w++) for (let i = 0; i < runsEach; i++) expect(text(store.get(`w${w}-r${i}`))).toBe(`value ${w} ${i}`);
    store.close();
    expect((await packsIn(root)).length).toBeLessThanOrEqual(MAX_PACKS + writers);
  }, 60_000);
});
