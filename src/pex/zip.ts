/**
 * Minimal zip reading and writing for wheels and PEX files.
 *
 * Why not yazl alone: building a PEX copies thousands of wheel members, and re-deflating them costs most of
 * a build. This writer stores each member's deflate stream exactly as the wheel had it (after the installer
 * has inflated it once to check its RECORD hash and CRC), so a build is mostly memcpy. It writes entries in
 * the order given, with fixed timestamps and modes, so equal inputs give byte-identical files.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Unix mode from the external attributes when the archive was made on Unix (0 otherwise). */
  unixMode: number;
  isDirectory: boolean;
  /** Offset of the local file header. */
  localOffset: number;
}

/** An archive held in memory: central directory parsed up front, member data sliced on demand. */
export class ZipArchive {
  readonly entries: ZipEntry[];

  constructor(readonly data: Buffer) {
    this.entries = readCentralDirectory(data);
  }

  /** The member's bytes as stored (still compressed when method is deflate). */
  rawData(entry: ZipEntry): Buffer {
    const at = dataOffset(this.data, entry);
    return this.data.subarray(at, at + entry.compressedSize);
  }

  /** Where the member's stored bytes start in the archive. */
  dataOffset(entry: ZipEntry): number {
    return dataOffset(this.data, entry);
  }

  /** The member's content, inflated and checked against its CRC-32 and size. */
  read(entry: ZipEntry): Buffer {
    const raw = this.rawData(entry);
    let content: Buffer;
    if (entry.method === METHOD_STORED) content = raw;
    else if (entry.method === METHOD_DEFLATED) {
      try {
        content = inflateRawSync(raw);
      } catch (e) {
        throw new ZipFormatError(`${entry.name} does not inflate: ${(e as Error).message}`);
      }
    } else throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
    if (content.length !== entry.size) throw new ZipFormatError(`${entry.name} is ${content.length} bytes, the directory says ${entry.size}`);
    if (crc32(content) !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC-32 check`);
    return content;
  }
}

function stored(content: Buffer): RawMember {
  return { method: METHOD_STORED, data: content, crc: crc32(content), size: content.length };
}

/** Where a member's stored bytes start, found through its local header (whose name and extra lengths may differ). */
function dataOffset(d: Buffer, entry: ZipEntry): number {
  const at = entry.localOffset;
  if (at + 30 > d.length || d.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`bad local header for ${entry.name}`);
  }
  const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
  if (start + entry.compressedSize > d.length) throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
  return start;
}

function findEndOfCentral(d: Buffer): number {
  const stop = Math.max(0, d.length - 22 - MAX16);
  for (let i = d.length - 22; i >= stop; i--) {
    if (d.readUInt32LE(i) === END_OF_CENTRAL) return i;
  }
  throw new ZipFormatError('not a zip file (no end-of-central-directory record)');
}

function readCentralDirectory(d: Buffer): ZipEntry[] {
  const eocd = findEndOfCentral(d);
  let count = d.readUInt16LE(eocd + 10);
  let cdSize = d.readUInt32LE(eocd + 12);
  let cdOffset = d.readUInt32LE(eocd + 16);
  // Where the central directory really ends: just before the end record, or before the zip64 records.
  let cdEnd = eocd;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const z64 = eocd - 20 - 56;
    if (z64 < 0 || d.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR || d.readUInt32LE(z64) !== ZIP64_END) {
      throw new ZipFormatError('zip64 end records missing');
    }
    count = Number(d.readBigUInt64LE(z64 + 32));
    cdSize = Number(d.readBigUInt64LE(z64 + 40));
    cdOffset = Number(d.readBigUInt64LE(z64 + 48));
    cdEnd = z64;
  }
  // Archives with bytes prepended (a shebang) may record offsets relative to the zip's own start.
  const base = cdEnd - (cdOffset + cdSize);
  if (base < 0) throw new ZipFormatError('central directory offsets point past the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset + base;
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL_HEADER) throw new ZipFormatError('central directory is damaged');
    const madeBy = d.readUInt16LE(p + 4);
    const flags = d.readUInt16LE(p + 8);
    const method = d.readUInt16LE(p + 10);
    const crc = d.readUInt32LE(p + 16);
    let compressedSize = d.readUInt32LE(p + 20);
    let size = d.readUInt32LE(p + 24);
    const nameLen = d.readUInt16LE(p + 28);
    const extraLen = d.readUInt16LE(p + 30);
    const commentLen = d.readUInt16LE(p + 32);
    const external = d.readUInt32LE(p + 38);
    let localOffset = d.readUInt32LE(p + 42);
    const nameBytes = d.subarray(p + 46, p + 46 + nameLen);
    // Bit 11 says UTF-8; without it the name is CP437, which for the ASCII names wheels use is the same.
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = d.readUInt16LE(x);
      const len = d.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === MAX32) (size = Number(d.readBigUInt64LE(q))), (q += 8);
        if (compressedSize === MAX32) (compressedSize = Number(d.readBigUInt64LE(q))), (q += 8);
        if (localOffset === MAX32) localOffset = Number(d.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      unixMode,
      isDirectory: name.endsWith('/'),
      localOffset: localOffset + base,
    });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** One member to write: its name, mode, and either content or a stream copied from another archive. */
export interface ZipMember {
  name: string;
  /** Full Unix mode including the file type bits, e.g. 0o100644 or 0o40755. */
  mode: number;
  /** The member as another archive stores it (a wheel's deflate stream, or bytes it kept stored): copied unchanged. */
  raw?: RawMember;
  content?: Buffer;
}

/** A member's stored bytes (`method` 8: a raw deflate stream; 0: the content itself), its CRC-32 and size. */
export interface RawMember {
  method: number;
  data: Buffer | FileSpan;
  crc: number;
  size: number;
}

/**
 * Bytes not read yet: `length` bytes at `offset` of a file that must be `size` bytes hashing to `sha256`. Only
 * the PEX writer takes these (span-reader.ts): it checks the whole file before copying any of them.
 */
export interface FileSpan {
  file: { path: string; sha256: string; size: number };
  offset: number;
  length: number;
}

/** What `zipChunks` returns: bytes, or spans of checked files for the writer to copy. */
export type ZipChunk = Buffer | FileSpan;

/** A member's content, inflated when it is a deflate stream. */
export function memberContent(m: ZipMember): Buffer {
  if (m.content) return m.content;
  if (!m.raw) return Buffer.alloc(0);
  const data = m.raw.data;
  if (!Buffer.isBuffer(data)) throw new Error(`${m.name} is still in ${data.file.path}; only the PEX writer reads file spans`);
  return m.raw.method === METHOD_DEFLATED ? inflateRawSync(data) : data;
}

/**
 * Level 9 with zlib's window and hash table sized to the member. Each call sets up its own deflate state, and
 * the default (a 32 KB window, memLevel 8) is ~256 KB to allocate and clear: for the few dozen small members of
 * every build (the runtime, each wheel's RECORD and INSTALLER) that set-up cost more than the compression. A
 * window that holds the whole member loses no matches; members of 32 KB and more get the defaults.
 */
function deflateMember(content: Buffer): Buffer {
  if (content.length >= 1 << 15) return deflateRawSync(content, { level: 9 });
  const windowBits = Math.max(9, Math.ceil(Math.log2(content.length + 262))); // + zlib's look-ahead margin
  return deflateRawSync(content, { level: 9, windowBits, memLevel: Math.max(1, windowBits - 7) });
}

/** `content` as the writer stores it when compressing: deflated when that makes it smaller, else as it is. */
export function compressed(content: Buffer): RawMember {
  const deflated = content.length > 0 ? deflateMember(content) : content;
  const smaller = deflated.length < content.length;
  return { method: smaller ? METHOD_DEFLATED : METHOD_STORED, data: smaller ? deflated : content, crc: crc32(content), size: content.length };
}

/** 1980-01-01 00:00:00 in DOS format: the earliest date a zip can hold, the same on every machine. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes members after `prefix` (the shebang line). Offsets count from the zip's own start, as `cat prefix
 * app.zip` makes them: zipimport, zipfile and unzip read that with the prefix, and the zip stays valid when a
 * tool strips the prefix (zipimport refuses absolute offsets once the bytes before them are gone). Members given
 * as `content` are deflated unless `compress` is false or deflating does not make them smaller; `raw` members are
 * copied as they are (a deflated one inflated when `compress` is false).
 */
export function writeZip(prefix: Buffer, members: Iterable<ZipMember>, compress = true): Buffer[] {
  const chunks = zipChunks(prefix, members, compress);
  for (const c of chunks) if (!Buffer.isBuffer(c)) throw new Error(`writeZip was given a span of ${c.file.path}; use zipChunks and the PEX writer`);
  return chunks as Buffer[];
}

/** `writeZip`, leaving members whose bytes are file spans as those spans (for the PEX writer to copy). */
export function zipChunks(prefix: Buffer, members: Iterable<ZipMember>, compress = true): ZipChunk[] {
  const chunks: ZipChunk[] = [prefix];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const m of members) {
    // Copied as the other archive stored it, unless it is deflated and this zip is not to be.
    const copy = m.raw && (compress || m.raw.method === METHOD_STORED) ? m.raw : undefined;
    const { method, data, crc, size } = copy ?? (compress ? compressed(memberContent(m)) : stored(memberContent(m)));
    const zip64 = size >= MAX32 || data.length >= MAX32 || offset >= MAX32;
    const utf8 = /[^\x20-\x7e]/.test(m.name) ? 0x800 : 0;
    const version = zip64 ? 45 : 20;
    const nameLength = Buffer.byteLength(m.name, 'utf8');

    // Header, name and extra field in one buffer from Node's small-buffer pool (allocUnsafe: every byte is
    // written below): thousands of members made thousands of separate allocations for the collector.
    const localExtraLength = zip64 ? 20 : 0;
    const local = Buffer.allocUnsafe(30 + nameLength + localExtraLength);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(utf8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? MAX32 : data.length, 18);
    local.writeUInt32LE(zip64 ? MAX32 : size, 22);
    local.writeUInt16LE(nameLength, 26);
    local.writeUInt16LE(localExtraLength, 28);
    local.write(m.name, 30, 'utf8');
    if (zip64) {
      const x = 30 + nameLength;
      local.writeUInt16LE(0x0001, x);
      local.writeUInt16LE(16, x + 2);
      local.writeBigUInt64LE(BigInt(size), x + 4);
      local.writeBigUInt64LE(BigInt(data.length), x + 12);
    }
    chunks.push(local, data);

    const cdExtraLength = zip64 ? 28 : 0;
    const cd = Buffer.allocUnsafe(46 + nameLength + cdExtraLength);
    cd.writeUInt32LE(CENTRAL_HEADER, 0);
    cd.writeUInt16LE((3 << 8) | version, 4); // made by Unix, so the mode in the external attributes counts
    cd.writeUInt16LE(version, 6);
    cd.writeUInt16LE(utf8, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(DOS_TIME, 12);
    cd.writeUInt16LE(DOS_DATE, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(zip64 ? MAX32 : data.length, 20);
    cd.writeUInt32LE(zip64 ? MAX32 : size, 24);
    cd.writeUInt16LE(nameLength, 28);
    cd.writeUInt16LE(cdExtraLength, 30);
    cd.fill(0, 32, 38); // comment length, start disk, internal attributes
    // External attributes: Unix mode in the high half; MS-DOS directory bit for folders.
    cd.writeUInt32LE((((m.mode & 0xffff) << 16) | (m.name.endsWith('/') ? 0x10 : 0)) >>> 0, 38);
    cd.writeUInt32LE(zip64 ? MAX32 : offset, 42);
    cd.write(m.name, 46, 'utf8');
    if (zip64) {
      const x = 46 + nameLength;
      cd.writeUInt16LE(0x0001, x);
      cd.writeUInt16LE(24, x + 2);
      cd.writeBigUInt64LE(BigInt(size), x + 4);
      cd.writeBigUInt64LE(BigInt(data.length), x + 12);
      cd.writeBigUInt64LE(BigInt(offset), x + 20);
    }
    central.push(cd);
    offset += local.length + data.length;
    count++;
  }
  const cdOffset = offset;
  const directory = Buffer.concat(central);
  const cdSize = directory.length;
  chunks.push(directory);
  const needZip64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  if (needZip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(ZIP64_END, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE((3 << 8) | 45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(ZIP64_LOCATOR, 0);
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    loc.writeUInt32LE(1, 16);
    chunks.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
  end.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
  chunks.push(end);
  return chunks;
}
