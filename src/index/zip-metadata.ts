// Reads one wheel's `*.dist-info/METADATA` through random access: the end-of-central-directory record, the
// central directory, then just that entry. The same code serves HTTP range requests and local files.
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { normalizeProjectName } from './names.js';

/** Bytes `[start, end)` of a file of known size. */
export interface RandomAccess {
  size: number;
  read(start: number, end: number): Promise<Buffer>;
}

/** Wraps a reader with bytes already in hand (the tail fetched first), so reads inside it cost nothing. */
export function withKnownBytes(inner: RandomAccess, offset: number, bytes: Buffer): RandomAccess {
  return {
    size: inner.size,
    read: (start, end) => (start >= offset && end <= offset + bytes.length ? Promise.resolve(bytes.subarray(start - offset, end - offset)) : inner.read(start, end)),
  };
}

export async function withLocalFile<T>(file: string, use: (reader: RandomAccess) => Promise<T>): Promise<T> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      read: async (start, end) => {
        const buf = Buffer.alloc(end - start);
        const { bytesRead } = await handle.read(buf, 0, buf.length, start);
        return buf.subarray(0, bytesRead);
      },
    });
  } finally {
    await handle.close();
  }
}

/**
 * How much of the file's end to fetch first. It holds the central directory and METADATA of nearly every wheel
 * (of a 39-project service set, all but 4 within 21 KB; those need 34 KB, or are big enough for more reads
 * at any size); each KB more is CPU spent reading bytes that are thrown away.
 */
export const TAIL_BYTES = 32 * 1024;
/** Where the end of central directory record can start, at most: 22 bytes and a comment of up to 64 KB. */
const EOCD_SEARCH_BYTES = 22 + 0xffff;
/** METADATA larger than this is refused (a guard against zip bombs). */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;
const LOCAL_SIG = 0x04034b50;

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  nameLength: number;
  extraLength: number;
}

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('a zip64 size or offset is out of range');
  return Number(value);
}

/** Where the end of central directory record starts in `tail` (the file's last bytes), or -1. */
function findEndRecord(tail: Buffer): number {
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - EOCD_SEARCH_BYTES); i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) return i;
  }
  return -1;
}

async function locateCentralDirectory(reader: RandomAccess): Promise<{ offset: number; size: number }> {
  let tailStart = Math.max(0, reader.size - TAIL_BYTES);
  let tail = await reader.read(tailStart, reader.size);
  let pos = findEndRecord(tail);
  if (pos < 0 && tailStart > 0 && tail.length < EOCD_SEARCH_BYTES) {
    // A long archive comment: the record may lie further back.
    tailStart = Math.max(0, reader.size - EOCD_SEARCH_BYTES);
    tail = await reader.read(tailStart, reader.size);
    pos = findEndRecord(tail);
  }
  if (pos < 0) throw new Error('it is not a zip file (no end of central directory record)');
  let size = tail.readUInt32LE(pos + 12);
  let offset = tail.readUInt32LE(pos + 16);
  if (size === 0xffffffff || offset === 0xffffffff || tail.readUInt16LE(pos + 10) === 0xffff) {
    const locatorAt = tailStart + pos - 20;
    const locator = await reader.read(locatorAt, locatorAt + 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== EOCD64_LOCATOR_SIG) throw new Error('its zip64 locator is missing');
    const recordAt = u64(locator, 8);
    const record = await reader.read(recordAt, recordAt + 56);
    if (record.length < 56 || record.readUInt32LE(0) !== EOCD64_SIG) throw new Error('its zip64 end of central directory record is missing');
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > reader.size) throw new Error('its central directory lies outside the file');
  return { offset, size };
}

const METADATA_SUFFIX = Buffer.from('.dist-info/METADATA');
const SLASH = 0x2f;

/**
 * Whether the entry name at `cd[start, end)` is `<dir>.dist-info/METADATA` with one non-empty directory level.
 * Tested on the bytes, by hand: a wheel's central directory lists thousands of files, and decoding each name
 * (or a native call per name) cost more than all the rest of reading METADATA. No byte of a multi-byte UTF-8
 * character is a "/".
 */
function isMetadataName(cd: Buffer, start: number, end: number): boolean {
  const dirEnd = end - METADATA_SUFFIX.length;
  if (dirEnd <= start) return false;
  for (let i = METADATA_SUFFIX.length - 1; i >= 0; i--) if (cd[dirEnd + i] !== METADATA_SUFFIX[i]) return false;
  for (let i = start; i < dirEnd; i++) if (cd[i] === SLASH) return false;
  return true;
}

/** The central directory's `*.dist-info/METADATA` entries (names decoded, zip64 sizes applied). */
function metadataEntries(cd: Buffer): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let p = 0;
  // Plain byte reads: this loop runs for every file of the wheel, mostly before the JIT has optimised it.
  while (p + 46 <= cd.length && cd[p] === 0x50 && cd[p + 1] === 0x4b && cd[p + 2] === 0x01 && cd[p + 3] === 0x02) {
    const nameLength = cd[p + 28] | (cd[p + 29] << 8);
    const extraLength = cd[p + 30] | (cd[p + 31] << 8);
    const commentLength = cd[p + 32] | (cd[p + 33] << 8);
    const nameStart = p + 46;
    if (isMetadataName(cd, nameStart, Math.min(cd.length, nameStart + nameLength))) entries.push(centralEntry(cd, p, nameLength, extraLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function centralEntry(cd: Buffer, p: number, nameLength: number, extraLength: number): CentralEntry {
  const entry: CentralEntry = {
    name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    flags: cd.readUInt16LE(p + 8),
    method: cd.readUInt16LE(p + 10),
    compressedSize: cd.readUInt32LE(p + 20),
    uncompressedSize: cd.readUInt32LE(p + 24),
    localOffset: cd.readUInt32LE(p + 42),
    nameLength,
    extraLength,
  };
  // Zip64: the real values sit in extra field 0x0001, in this order, only for the fields that overflowed.
  let e = p + 46 + nameLength;
  const extraEnd = e + extraLength;
  while (e + 4 <= extraEnd) {
    const id = cd.readUInt16LE(e);
    const len = cd.readUInt16LE(e + 2);
    if (id === 0x0001) {
      let q = e + 4;
      if (entry.uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) (entry.uncompressedSize = u64(cd, q)), (q += 8);
      if (entry.compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (entry.compressedSize = u64(cd, q)), (q += 8);
      if (entry.localOffset === 0xffffffff && q + 8 <= e + 4 + len) entry.localOffset = u64(cd, q);
    }
    e += 4 + len;
  }
  return entry;
}

/** The `.dist-info/METADATA` entry; with several, the one whose directory matches the wheel's name. */
function pickMetadataEntry(candidates: CentralEntry[], wheelFilename: string): CentralEntry {
  if (candidates.length === 0) throw new Error('it has no .dist-info/METADATA');
  if (candidates.length === 1) return candidates[0];
  const [name, version] = wheelFilename.split('-');
  const wanted = `${normalizeProjectName(name)}-${version}`;
  const match = candidates.find((e) => {
    const dir = e.name.slice(0, -'.dist-info/METADATA'.length);
    const i = dir.lastIndexOf('-');
    return `${normalizeProjectName(dir.slice(0, i))}-${dir.slice(i + 1)}` === wanted;
  });
  if (!match) throw new Error(`it has several .dist-info directories and none is named for ${wanted}`);
  return match;
}

/** The METADATA text of the wheel `reader` reads; errors say what is wrong with the file (caller adds which). */
export async function readWheelMetadata(reader: RandomAccess, wheelFilename: string): Promise<string> {
  const { offset, size } = await locateCentralDirectory(reader);
  const cd = await reader.read(offset, offset + size);
  const entry = pickMetadataEntry(metadataEntries(cd), wheelFilename);
  if (entry.flags & 1) throw new Error(`${entry.name} is encrypted`);
  if (entry.uncompressedSize > MAX_METADATA_BYTES || entry.compressedSize > MAX_METADATA_BYTES) throw new Error(`${entry.name} is implausibly large`);
  // The local header's extra field may differ from the central one: fetch a little slack, then more if needed.
  const guess = 30 + entry.nameLength + entry.extraLength + entry.compressedSize + 256;
  let local = await reader.read(entry.localOffset, Math.min(reader.size, entry.localOffset + guess));
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`the local header of ${entry.name} is missing`);
  const dataStart = 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > local.length) local = await reader.read(entry.localOffset, entry.localOffset + dataEnd);
  if (dataEnd > local.length) throw new Error(`${entry.name} is truncated`);
  const data = local.subarray(dataStart, dataEnd);
  let text: Buffer;
  if (entry.method === 0) text = data;
  // In this thread: METADATA is a few KB to inflate, less than the thread-pool round trip would cost.
  else if (entry.method === 8) text = inflateRawSync(data, { maxOutputLength: MAX_METADATA_BYTES });
  else throw new Error(`${entry.name} uses zip compression method ${entry.method}, which wheels may not use`);
  return text.toString('utf8');
}
