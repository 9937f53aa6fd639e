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

function storedAs(content: Buffer): RawMember {
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
 * the PEX writer takes these (span-reader.ts): it checks the whole file before copying any of them, unless the
 * file is as it was at its last full check (`stamp`).
 */
export interface FileSpan {
  file: SpanFile;
  offset: number;
  length: number;
}

export interface SpanFile {
  path: string;
  sha256: string;
  size: number;
  /** Where the file's stamp (span-reader.ts) is kept after a full check, and what it held when read. */
  stamp?: { at: string; value?: string };
}

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
 * A zip laid out, ready to write: `prefix`, then for each member i its local header (`headers` from
 * `headerAt[i]` to `headerAt[i + 1]`) and its stored bytes `data[i]`, then `tail` (the central directory and
 * end records). Headers sit in one buffer, not one each: a build writes thousands, and a Buffer per piece cost
 * more in allocation and garbage collection than writing them.
 */
export interface ZipLayout {
  prefix: Buffer;
  headers: Buffer;
  headerAt: number[];
  data: (Buffer | FileSpan)[];
  tail: Buffer;
  /** Total bytes. */
  size: number;
}

/**
 * Lays out members after `prefix` (the shebang line). Offsets count from the zip's own start, as `cat prefix
 * app.zip` makes them: zipimport, zipfile and unzip read that with the prefix, and the zip stays valid when a
 * tool strips the prefix (zipimport refuses absolute offsets once the bytes before them are gone). Members given
 * as `content` are deflated unless `compress` is false or deflating does not make them smaller; `raw` members are
 * copied as they are (a deflated one inflated when `compress` is false).
 */
export function layOutZip(prefix: Buffer, members: Iterable<ZipMember>, compress = true): ZipLayout {
  // Built for thousands of members laid out once per process, by code the engine has not optimised yet: no
  // call per field or per name that checks its arguments in JavaScript (Buffer's write methods do), but
  // DataView's built-in setters, every name encoded in one call and copied within one buffer.
  const list = [...members];
  const n = list.length;
  const joined = list.map((m) => m.name).join('');
  const ascii = !/[^\x20-\x7e]/.test(joined); // printable ASCII: no member needs the UTF-8 flag, a byte per character
  const nameAt = [0];
  const stored: RawMember[] = [];
  const zip64: boolean[] = [];
  const offsets: number[] = [];
  const headerAt = [0];
  let offset = 0;
  let centralSize = 0;
  for (let i = 0; i < n; i++) {
    const m = list[i];
    const nameLength = ascii ? m.name.length : Buffer.byteLength(m.name, 'utf8');
    nameAt.push(nameAt[i] + nameLength);
    const s = m.raw && (compress || m.raw.method === METHOD_STORED) ? m.raw : compress ? compressed(memberContent(m)) : storedAs(memberContent(m));
    stored.push(s);
    const big = s.size >= MAX32 || s.data.length >= MAX32 || offset >= MAX32;
    zip64.push(big);
    offsets.push(offset);
    const local = 30 + nameLength + (big ? 20 : 0);
    headerAt.push(headerAt[i] + local);
    centralSize += 46 + nameLength + (big ? 28 : 0);
    offset += local + s.data.length;
  }
  const needZip64 = n >= MAX16 || offset >= MAX32 || centralSize >= MAX32;
  const localSize = headerAt[n];
  const tailSize = centralSize + (needZip64 ? 76 : 0) + 22;
  // [local headers][central directory and end records][every name], zeroed: unset fields are 0.
  const all = Buffer.alloc(localSize + tailSize + nameAt[n]);
  const names = localSize + tailSize;
  all.write(joined, names, 'utf8');
  const v = new DataView(all.buffer, all.byteOffset, all.length);
  let c = localSize;
  for (let i = 0; i < n; i++) {
    const { method, crc, size, data } = stored[i];
    const big = zip64[i];
    const nameLength = nameAt[i + 1] - nameAt[i];
    const name = list[i].name;
    const utf8 = ascii || !/[^\x20-\x7e]/.test(name) ? 0 : 0x800;
    const version = big ? 45 : 20;
    let h = headerAt[i];
    v.setUint32(h, LOCAL_HEADER, true);
    v.setUint16(h + 4, version, true);
    v.setUint16(h + 6, utf8, true);
    v.setUint16(h + 8, method, true);
    v.setUint16(h + 10, DOS_TIME, true);
    v.setUint16(h + 12, DOS_DATE, true);
    v.setUint32(h + 14, crc, true);
    v.setUint32(h + 18, big ? MAX32 : data.length, true);
    v.setUint32(h + 22, big ? MAX32 : size, true);
    v.setUint16(h + 26, nameLength, true);
    v.setUint16(h + 28, big ? 20 : 0, true);
    all.copyWithin(h + 30, names + nameAt[i], names + nameAt[i + 1]);
    h += 30 + nameLength;
    if (big) {
      v.setUint16(h, 0x0001, true);
      v.setUint16(h + 2, 16, true);
      v.setBigUint64(h + 4, BigInt(size), true);
      v.setBigUint64(h + 12, BigInt(data.length), true);
    }

    v.setUint32(c, CENTRAL_HEADER, true);
    v.setUint16(c + 4, (3 << 8) | version, true); // made by Unix, so the mode in the external attributes counts
    v.setUint16(c + 6, version, true);
    v.setUint16(c + 8, utf8, true);
    v.setUint16(c + 10, method, true);
    v.setUint16(c + 12, DOS_TIME, true);
    v.setUint16(c + 14, DOS_DATE, true);
    v.setUint32(c + 16, crc, true);
    v.setUint32(c + 20, big ? MAX32 : data.length, true);
    v.setUint32(c + 24, big ? MAX32 : size, true);
    v.setUint16(c + 28, nameLength, true);
    v.setUint16(c + 30, big ? 28 : 0, true);
    // Comment length, start disk and internal attributes stay 0. External attributes: the Unix mode in the
    // high half; the MS-DOS directory bit for folders.
    v.setUint32(c + 38, (((list[i].mode & 0xffff) << 16) | (name.endsWith('/') ? 0x10 : 0)) >>> 0, true);
    v.setUint32(c + 42, big ? MAX32 : offsets[i], true);
    all.copyWithin(c + 46, names + nameAt[i], names + nameAt[i + 1]);
    c += 46 + nameLength;
    if (big) {
      v.setUint16(c, 0x0001, true);
      v.setUint16(c + 2, 24, true);
      v.setBigUint64(c + 4, BigInt(size), true);
      v.setBigUint64(c + 12, BigInt(data.length), true);
      v.setBigUint64(c + 20, BigInt(offsets[i]), true);
      c += 28;
    }
  }
  if (needZip64) {
    v.setUint32(c, ZIP64_END, true);
    v.setBigUint64(c + 4, 44n, true);
    v.setUint16(c + 12, (3 << 8) | 45, true);
    v.setUint16(c + 14, 45, true);
    v.setBigUint64(c + 24, BigInt(n), true);
    v.setBigUint64(c + 32, BigInt(n), true);
    v.setBigUint64(c + 40, BigInt(centralSize), true);
    v.setBigUint64(c + 48, BigInt(offset), true);
    v.setUint32(c + 56, ZIP64_LOCATOR, true);
    v.setBigUint64(c + 64, BigInt(offset + centralSize), true);
    v.setUint32(c + 72, 1, true);
    c += 76;
  }
  v.setUint32(c, END_OF_CENTRAL, true);
  v.setUint16(c + 8, Math.min(n, MAX16), true);
  v.setUint16(c + 10, Math.min(n, MAX16), true);
  v.setUint32(c + 12, Math.min(centralSize, MAX32), true);
  v.setUint32(c + 16, Math.min(offset, MAX32), true);
  return {
    prefix,
    headers: all.subarray(0, localSize),
    headerAt,
    data: stored.map((s) => s.data),
    tail: all.subarray(localSize, names),
    size: prefix.length + offset + tailSize,
  };
}

/** A zip of members whose bytes are all in memory, as pieces to concatenate or write in order (`layOutZip`). */
export function writeZip(prefix: Buffer, members: Iterable<ZipMember>, compress = true): Buffer[] {
  const zip = layOutZip(prefix, members, compress);
  const chunks = [prefix];
  zip.data.forEach((d, i) => {
    if (!Buffer.isBuffer(d)) throw new Error(`writeZip was given a span of ${d.file.path}; only the PEX writer copies file spans`);
    chunks.push(zip.headers.subarray(zip.headerAt[i], zip.headerAt[i + 1]), d);
  });
  chunks.push(zip.tail);
  return chunks;
}
