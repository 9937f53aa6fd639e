import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);

// src/pex/zip.ts
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
var LOCAL_HEADER = 67324752;
var CENTRAL_HEADER = 33639248;
var END_OF_CENTRAL = 101010256;
var ZIP64_END = 101075792;
var ZIP64_LOCATOR = 117853008;
var MAX16 = 65535;
var MAX32 = 4294967295;
var METHOD_STORED = 0;
var METHOD_DEFLATED = 8;
var ZipFormatError = class extends Error {
};
var ZipArchive = class {
  constructor(data) {
    this.data = data;
    this.entries = readCentralDirectory(data);
  }
  data;
  entries;
  /** The member's bytes as stored (still compressed when method is deflate). */
  rawData(entry) {
    const at = dataOffset(this.data, entry);
    return this.data.subarray(at, at + entry.compressedSize);
  }
  /** Where the member's stored bytes start in the archive. */
  dataOffset(entry) {
    return dataOffset(this.data, entry);
  }
  /** The member's content, inflated and checked against its CRC-32 and size. */
  read(entry) {
    const raw = this.rawData(entry);
    let content;
    if (entry.method === METHOD_STORED) content = raw;
    else if (entry.method === METHOD_DEFLATED) {
      try {
        content = inflateRawSync(raw);
      } catch (e) {
        throw new ZipFormatError(`${entry.name} does not inflate: ${e.message}`);
      }
    } else throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are supported`);
    if (content.length !== entry.size) throw new ZipFormatError(`${entry.name} is ${content.length} bytes, the directory says ${entry.size}`);
    if (crc32(content) !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC-32 check`);
    return content;
  }
};
function storedAs(content) {
  return { method: METHOD_STORED, data: content, crc: crc32(content), size: content.length };
}
function dataOffset(d, entry) {
  const at = entry.localOffset;
  if (at + 30 > d.length || d.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`bad local header for ${entry.name}`);
  }
  const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
  if (start + entry.compressedSize > d.length) throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
  return start;
}
function findEndOfCentral(d) {
  const stop = Math.max(0, d.length - 22 - MAX16);
  for (let i = d.length - 22; i >= stop; i--) {
    if (d.readUInt32LE(i) === END_OF_CENTRAL) return i;
  }
  throw new ZipFormatError("not a zip file (no end-of-central-directory record)");
}
function readCentralDirectory(d) {
  const eocd = findEndOfCentral(d);
  let count = d.readUInt16LE(eocd + 10);
  let cdSize = d.readUInt32LE(eocd + 12);
  let cdOffset = d.readUInt32LE(eocd + 16);
  let cdEnd = eocd;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const z64 = eocd - 20 - 56;
    if (z64 < 0 || d.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR || d.readUInt32LE(z64) !== ZIP64_END) {
      throw new ZipFormatError("zip64 end records missing");
    }
    count = Number(d.readBigUInt64LE(z64 + 32));
    cdSize = Number(d.readBigUInt64LE(z64 + 40));
    cdOffset = Number(d.readBigUInt64LE(z64 + 48));
    cdEnd = z64;
  }
  const base = cdEnd - (cdOffset + cdSize);
  if (base < 0) throw new ZipFormatError("central directory offsets point past the end of the file");
  const entries = [];
  let p = cdOffset + base;
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== CENTRAL_HEADER) throw new ZipFormatError("central directory is damaged");
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
    const name = nameBytes.toString(flags & 2048 ? "utf8" : "latin1");
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = d.readUInt16LE(x);
      const len = d.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === MAX32) size = Number(d.readBigUInt64LE(q)), q += 8;
        if (compressedSize === MAX32) compressedSize = Number(d.readBigUInt64LE(q)), q += 8;
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
      isDirectory: name.endsWith("/"),
      localOffset: localOffset + base
    });
    p = extraEnd + commentLen;
  }
  return entries;
}
function memberContent(m) {
  if (m.content) return m.content;
  if (!m.raw) return Buffer.alloc(0);
  const data = m.raw.data;
  if (!Buffer.isBuffer(data)) throw new Error(`${m.name} is still in ${data.file.path}; only the PEX writer reads file spans`);
  return m.raw.method === METHOD_DEFLATED ? inflateRawSync(data) : data;
}
function deflateMember(content) {
  if (content.length >= 1 << 15) return deflateRawSync(content, { level: 9 });
  const windowBits = Math.max(9, Math.ceil(Math.log2(content.length + 262)));
  return deflateRawSync(content, { level: 9, windowBits, memLevel: Math.max(1, windowBits - 7) });
}
function compressed(content) {
  const deflated = content.length > 0 ? deflateMember(content) : content;
  const smaller = deflated.length < content.length;
  return { method: smaller ? METHOD_DEFLATED : METHOD_STORED, data: smaller ? deflated : content, crc: crc32(content), size: content.length };
}
var DOS_TIME = 0;
var DOS_DATE = 0 << 9 | 1 << 5 | 1;
function layOutZip(prefix, members, compress = true) {
  const list = [...members];
  const n = list.length;
  const joined = list.map((m) => m.name).join("");
  const ascii = !/[^\x20-\x7e]/.test(joined);
  const nameAt = [0];
  const stored = [];
  const zip64 = [];
  const offsets = [];
  const headerAt = [0];
  let offset = 0;
  let centralSize = 0;
  for (let i = 0; i < n; i++) {
    const m = list[i];
    const nameLength = ascii ? m.name.length : Buffer.byteLength(m.name, "utf8");
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
  const all = Buffer.alloc(localSize + tailSize + nameAt[n]);
  const names = localSize + tailSize;
  all.write(joined, names, "utf8");
  const v = new DataView(all.buffer, all.byteOffset, all.length);
  let c = localSize;
  for (let i = 0; i < n; i++) {
    const { method, crc, size, data } = stored[i];
    const big = zip64[i];
    const nameLength = nameAt[i + 1] - nameAt[i];
    const name = list[i].name;
    const utf8 = ascii || !/[^\x20-\x7e]/.test(name) ? 0 : 2048;
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
      v.setUint16(h, 1, true);
      v.setUint16(h + 2, 16, true);
      v.setBigUint64(h + 4, BigInt(size), true);
      v.setBigUint64(h + 12, BigInt(data.length), true);
    }
    v.setUint32(c, CENTRAL_HEADER, true);
    v.setUint16(c + 4, 3 << 8 | version, true);
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
    v.setUint32(c + 38, ((list[i].mode & 65535) << 16 | (name.endsWith("/") ? 16 : 0)) >>> 0, true);
    v.setUint32(c + 42, big ? MAX32 : offsets[i], true);
    all.copyWithin(c + 46, names + nameAt[i], names + nameAt[i + 1]);
    c += 46 + nameLength;
    if (big) {
      v.setUint16(c, 1, true);
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
    v.setUint16(c + 12, 3 << 8 | 45, true);
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
    size: prefix.length + offset + tailSize
  };
}
function writeZip(prefix, members, compress = true) {
  const zip = layOutZip(prefix, members, compress);
  const chunks = [prefix];
  zip.data.forEach((d, i) => {
    if (!Buffer.isBuffer(d)) throw new Error(`writeZip was given a span of ${d.file.path}; only the PEX writer copies file spans`);
    chunks.push(zip.headers.subarray(zip.headerAt[i], zip.headerAt[i + 1]), d);
  });
  chunks.push(zip.tail);
  return chunks;
}

export {
  ZipArchive,
  memberContent,
  compressed,
  layOutZip,
  writeZip
};
