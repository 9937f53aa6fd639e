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
    return storedBytes(this.data, entry);
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
function storedBytes(d, entry) {
  const at = entry.localOffset;
  if (at + 30 > d.length || d.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`bad local header for ${entry.name}`);
  }
  const start = at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > d.length) throw new ZipFormatError(`${entry.name} runs past the end of the archive`);
  return d.subarray(start, end);
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
function deflateMember(content) {
  if (content.length >= 1 << 15) return deflateRawSync(content, { level: 9 });
  const windowBits = Math.max(9, Math.ceil(Math.log2(content.length + 262)));
  return deflateRawSync(content, { level: 9, windowBits, memLevel: Math.max(1, windowBits - 7) });
}
var DOS_TIME = 0;
var DOS_DATE = 0 << 9 | 1 << 5 | 1;
function writeZip(prefix, members, compress = true) {
  const chunks = [prefix];
  const central = [];
  let offset = 0;
  let count = 0;
  for (const m of members) {
    let method;
    let data;
    let crc;
    let size;
    if (m.deflated && compress) {
      method = METHOD_DEFLATED;
      data = m.deflated.data;
      crc = m.deflated.crc;
      size = m.deflated.size;
    } else {
      const content = m.content ?? (m.deflated ? inflateRawSync(m.deflated.data) : Buffer.alloc(0));
      crc = crc32(content);
      size = content.length;
      method = METHOD_STORED;
      data = content;
      if (compress && !m.store && content.length > 0) {
        const deflated = deflateMember(content);
        if (deflated.length < content.length) {
          method = METHOD_DEFLATED;
          data = deflated;
        }
      }
    }
    const zip64 = size >= MAX32 || data.length >= MAX32 || offset >= MAX32;
    const utf8 = /[^\x20-\x7e]/.test(m.name) ? 2048 : 0;
    const version = zip64 ? 45 : 20;
    const nameLength = Buffer.byteLength(m.name, "utf8");
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
    local.write(m.name, 30, "utf8");
    if (zip64) {
      const x = 30 + nameLength;
      local.writeUInt16LE(1, x);
      local.writeUInt16LE(16, x + 2);
      local.writeBigUInt64LE(BigInt(size), x + 4);
      local.writeBigUInt64LE(BigInt(data.length), x + 12);
    }
    chunks.push(local, data);
    const cdExtraLength = zip64 ? 28 : 0;
    const cd = Buffer.allocUnsafe(46 + nameLength + cdExtraLength);
    cd.writeUInt32LE(CENTRAL_HEADER, 0);
    cd.writeUInt16LE(3 << 8 | version, 4);
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
    cd.fill(0, 32, 38);
    cd.writeUInt32LE(((m.mode & 65535) << 16 | (m.name.endsWith("/") ? 16 : 0)) >>> 0, 38);
    cd.writeUInt32LE(zip64 ? MAX32 : offset, 42);
    cd.write(m.name, 46, "utf8");
    if (zip64) {
      const x = 46 + nameLength;
      cd.writeUInt16LE(1, x);
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
    z.writeUInt16LE(3 << 8 | 45, 12);
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

export {
  METHOD_DEFLATED,
  ZipArchive,
  storedBytes,
  writeZip
};
