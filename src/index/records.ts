// The cache's small records (index pages, metadata), kept in pack files instead of one file per record: a cold
// lock makes about a hundred records, and a file each (mkdir, open, write, close, rename) cost more CPU than
// the requests that produced them. Layout, in `<cache>/records/`:
//   <stamp>-<pid>-<random>.pack   one per run that wrote anything, written once at close and renamed into place
//   .tmp-…                        a pack being written (a killed run leaves one; removed when it is an hour old)
// A pack is `PXR1\n<index length>\n<index JSON>` then the bodies; the index lists [key, offset, length, sha256
// of key NUL body]. Each body is checked against its sha256 when read, so a torn or damaged pack (a crash before
// the disk caught up, a bad copy) yields misses, never wrong data. Packs named later win for the same key.
// Past MAX_PACKS, the closing run merges them into one (newest record per key) and deletes what it merged;
// two runs merging at once is harmless (each writes its own merge and deletes only what it read; a pack that
// vanishes while being opened is looked for again).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAGIC = 'PXR1\n';
/** More packs than this are merged at close: a warm run opens each, so their number must stay small. */
export const MAX_PACKS = 16;
const STALE_TEMP_MS = 60 * 60_000;

interface Entry {
  fd: number;
  /** Absolute position of the body in the pack. */
  position: number;
  length: number;
  sha256: string;
}

function digest(key: string, body: Buffer): string {
  return createHash('sha256').update(key).update('\0').update(body).digest('hex');
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** The entries of one pack, or undefined when it is not a whole pack (it is then ignored). */
function readIndex(fd: number): Map<string, Entry> | undefined {
  const size = fstatSync(fd).size;
  const head = readAt(fd, 0, Math.min(size, 64 * 1024));
  if (head.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return undefined;
  const eol = head.indexOf(10, MAGIC.length);
  const indexLength = Number(head.subarray(MAGIC.length, eol).toString('latin1'));
  if (eol < 0 || !Number.isSafeInteger(indexLength) || indexLength < 2) return undefined;
  const indexStart = eol + 1;
  const bodiesStart = indexStart + indexLength;
  if (bodiesStart > size) return undefined;
  const raw = bodiesStart <= head.length ? head.subarray(indexStart, bodiesStart) : readAt(fd, indexStart, indexLength);
  let list: unknown;
  try {
    list = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(list)) return undefined;
  const entries = new Map<string, Entry>();
  for (const item of list) {
    if (!Array.isArray(item) || item.length !== 4) return undefined;
    const [key, offset, length, sha256] = item as [unknown, unknown, unknown, unknown];
    if (typeof key !== 'string' || typeof sha256 !== 'string' || !Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return undefined;
    const position = bodiesStart + (offset as number);
    if ((offset as number) < 0 || (length as number) < 0 || position + (length as number) > size) return undefined;
    entries.set(key, { fd, position, length: length as number, sha256 });
  }
  return entries;
}

/** `PXR1` bytes for the given records. */
function packBytes(records: Iterable<[string, Buffer]>): Buffer {
  const index: [string, number, number, string][] = [];
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const [key, body] of records) {
    index.push([key, offset, body.length, digest(key, body)]);
    bodies.push(body);
    offset += body.length;
  }
  const indexJson = Buffer.from(JSON.stringify(index));
  return Buffer.concat([Buffer.from(`${MAGIC}${indexJson.length}\n`), indexJson, ...bodies]);
}

const STAMP_LENGTH = 9;

/** A name that sorts by time of writing (fixed-width base 36 milliseconds), unique across processes. */
function packName(): string {
  return `${Date.now().toString(36).padStart(STAMP_LENGTH, '0')}-${process.pid}-${randomBytes(4).toString('hex')}.pack`;
}

export class RecordStore {
  private readonly dir: string;
  /** `names`: every pack file opened, whole or not (a merge replaces them all). */
  private packs?: { names: string[]; fds: number[]; entries: Map<string, Entry> };
  private readonly pending = new Map<string, Buffer>();

  constructor(cacheRoot: string) {
    this.dir = path.join(cacheRoot, 'records');
  }

  /** Opens every pack once, on the first read. A pack another run merged away meanwhile is looked for again. */
  private open(): NonNullable<RecordStore['packs']> {
    if (this.packs) return this.packs;
    for (let attempt = 0; ; attempt++) {
      const packs = { names: [] as string[], fds: [] as number[], entries: new Map<string, Entry>() };
      let names: string[];
      try {
        names = readdirSync(this.dir).filter((n) => n.endsWith('.pack')).sort();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        names = [];
      }
      let vanished = false;
      for (const name of names) {
        let fd: number;
        try {
          fd = openSync(path.join(this.dir, name), 'r');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
          vanished = true;
          continue;
        }
        packs.fds.push(fd);
        packs.names.push(name);
        const entries = readIndex(fd);
        if (!entries) continue;
        for (const [key, entry] of entries) packs.entries.set(key, entry);
      }
      if (vanished && attempt === 0) {
        for (const fd of packs.fds) closeSync(fd);
        continue;
      }
      this.packs = packs;
      return packs;
    }
  }

  /** The record's body, or undefined when there is none or it fails its check. */
  get(key: string): Buffer | undefined {
    const mine = this.pending.get(key);
    if (mine) return mine;
    const entry = this.open().entries.get(key);
    if (!entry) return undefined;
    const body = readAt(entry.fd, entry.position, entry.length);
    return body.length === entry.length && digest(key, body) === entry.sha256 ? body : undefined;
  }

  /**
   * Names the version of the record `get` returns now: the sha256 of its key and body (the same once flushed),
   * or undefined when `get` finds none.
   */
  stampOf(key: string): string | undefined {
    const mine = this.pending.get(key);
    if (mine) return digest(key, mine);
    const entry = this.open().entries.get(key);
    return entry && this.get(key) ? entry.sha256 : undefined;
  }

  /** Kept in memory (and seen by `get`) until `flush`. */
  put(key: string, body: Buffer): void {
    this.pending.set(key, body);
  }

  /**
   * Writes this run's records as one pack, merges the packs when there are too many, and closes them. The
   * store can still be used afterwards (it reopens on the next read).
   */
  flush(): void {
    const seen = this.packs;
    this.close();
    if (this.pending.size === 0) return;
    mkdirSync(this.dir, { recursive: true });
    this.writePack(this.pending, packName());
    this.pending.clear();
    if ((seen?.names.length ?? MAX_PACKS) + 1 > MAX_PACKS) {
      try {
        this.mergeIfMany();
      } catch {
        // Merging only saves later runs some opens: the packs stay as they are, and the next run merges them.
      } finally {
        this.close();
      }
    }
  }

  /** Closes the packs (they are opened again on the next read). */
  close(): void {
    for (const fd of this.packs?.fds ?? []) closeSync(fd);
    this.packs = undefined;
  }

  private writePack(records: Map<string, Buffer>, name: string): void {
    const tmp = path.join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      writeFileSync(tmp, packBytes(records));
      renameSync(tmp, path.join(this.dir, name));
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  /**
   * One pack in place of all (the newest record of each key that passes its check). It is named after the
   * newest pack it merges, so a pack another run writes meanwhile still sorts after it and wins.
   */
  private mergeIfMany(): void {
    const packs = this.open();
    const names = packs.names;
    const merged = new Map<string, Buffer>();
    for (const key of packs.entries.keys()) {
      const body = this.get(key);
      if (body) merged.set(key, body);
    }
    this.close();
    if (names.length <= MAX_PACKS) return;
    // The newest pack's time stamp, then `~` (after every name with that stamp), then a name of its own: two
    // runs merging at once must not replace each other's merge, which may hold packs the other did not see.
    this.writePack(merged, `${names[names.length - 1].slice(0, STAMP_LENGTH)}~${process.pid}-${randomBytes(4).toString('hex')}.pack`);
    for (const name of names) {
      try {
        rmSync(path.join(this.dir, name), { force: true });
      } catch {
        // Open in another run on Windows: its records are in the merge too, and the next merge removes it.
      }
    }
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith('.tmp-')) continue;
      const file = path.join(this.dir, name);
      try {
        if (Date.now() - statSync(file).mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
      } catch {
        // Renamed or removed by its owner meanwhile.
      }
    }
  }
}
