import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  Cache,
  sha256Hex
} from "./chunk-BQ32VOEA.js";
import {
  ZipArchive,
  compressed
} from "./chunk-Z5MTOKTQ.js";
import {
  entryPointGroup,
  parseCoreMetadata,
  parseEntryPoints,
  parseWheelInfo
} from "./chunk-JGUVN7JE.js";
import {
  parseWheelFilename
} from "./chunk-6J3BLQ7R.js";
import {
  JobError,
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/pex/install.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { mkdir, readFile, rename as rename2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/pex/span-reader.ts
import { createHash, randomBytes } from "node:crypto";
import { open, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
var ChangedFileError = class extends JobError {
  /** `found`: what the file is now (its sha256, or its size when that differs already). */
  constructor(file, expected, found, removed = false) {
    super(
      `the cached wheel ${path.basename(file)} no longer has the sha256 it was downloaded with (${expected}; it now has ${found}): the cache at ${path.dirname(file)} was damaged or altered. ` + (removed ? "It was removed from the cache: run the build again to download it afresh." : "Remove it, and the next build downloads it afresh.")
    );
    this.file = file;
    this.expected = expected;
    this.found = found;
    this.name = "ChangedFileError";
  }
  file;
  expected;
  found;
};
function stampOf(st) {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}
async function keepStamp(at, handle, before) {
  const stamp = stampOf(before);
  if (Date.now() - Number(before.ctimeMs) < 2e3 || stampOf(await handle.stat({ bigint: true })) !== stamp) return;
  const temp = `${at}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await writeFile(temp, stamp).then(() => rename(temp, at)).catch(() => unlink(temp).catch(() => {
  }));
}
var SpanReader = class {
  buffer;
  current;
  /** The file bytes the buffer holds: [start, end) of the current file. */
  start = 0;
  end = 0;
  constructor(size = 1 << 21) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }
  /**
   * Hands `span` to `put` in order, as parts of the buffer (each valid only during its call), reading the file
   * where the buffer does not hold it yet. A file new to this reader is checked first.
   */
  async copy(span, put) {
    if (this.current?.file !== span.file) await this.switchTo(span.file);
    const stop = span.offset + span.length;
    for (let at = span.offset; at < stop; ) {
      if (at < this.start || at >= this.end) await this.readAt(at, Math.min(this.buffer.length, span.file.size - at));
      if (this.end <= at) throw new Error(`${span.file.path} ends before byte ${stop}`);
      const until = Math.min(stop, this.end);
      await put(this.buffer, at - this.start, until - this.start);
      at = until;
    }
  }
  async close() {
    await this.current?.handle.close();
    this.current = void 0;
  }
  async switchTo(file) {
    await this.close();
    const handle = await open(file.path, "r").catch((e) => {
      throw new UsageError(`cannot read wheel ${file.path}: ${e.code ?? e.message}; build again to download it afresh.`);
    });
    this.current = { file, handle };
    this.start = this.end = 0;
    const before = await handle.stat({ bigint: true });
    if (Number(before.size) !== file.size) throw new ChangedFileError(file.path, file.sha256, `${before.size} bytes, not ${file.size}`);
    if (file.stamp?.value === stampOf(before)) return;
    const hash = createHash("sha256");
    let at = 0;
    while (at < file.size) {
      const length = await this.readAt(at, Math.min(this.buffer.length, file.size - at));
      if (length === 0) break;
      hash.update(this.buffer.subarray(0, length));
      at += length;
    }
    const digest = hash.digest("hex");
    if (at !== file.size || digest !== file.sha256) throw new ChangedFileError(file.path, file.sha256, at !== file.size ? `${at} bytes, not ${file.size}` : digest);
    if (file.stamp) await keepStamp(file.stamp.at, handle, before);
  }
  /** Reads up to `length` bytes at `offset` into the buffer; returns how many there were. */
  async readAt(offset, length) {
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.current.handle.read(this.buffer, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.start = offset;
    this.end = offset + got;
    return got;
  }
};

// src/pex/install.ts
function scriptKind(content) {
  if (content.subarray(0, 2).toString("latin1") === "#!") {
    const end = content.indexOf(10);
    return /python/.test(content.subarray(0, end < 0 ? content.length : end).toString("latin1")) ? "python" : "program";
  }
  return content.subarray(0, 4096).includes(0) ? "program" : "python";
}
var SIGNATURE_FILES = /* @__PURE__ */ new Set(["RECORD.jws", "RECORD.p7s"]);
var ACCEPTED_HASHES = /* @__PURE__ */ new Set(["sha256", "sha384", "sha512"]);
function parseCsvLine(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += '"', i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(field), field = "";
    else field += c;
  }
  out.push(field);
  return out;
}
function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function unsafePathReason(name) {
  if (name.length === 0) return "an empty name";
  if (name.includes("\0")) return "a NUL byte";
  if (name.includes("\\")) return "a backslash";
  if (name.startsWith("/")) return "an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "a drive letter";
  if (name.split("/").some((part) => part === "..")) return 'a ".." component';
  return null;
}
function cachedSha256(wheelPath, cacheDir) {
  const digest = /\/wheels\/sha256\/[0-9a-f]{2}\/([0-9a-f]{64})\/[^/]+$/.exec(wheelPath)?.[1];
  if (!digest) return void 0;
  return new Cache(path2.resolve(cacheDir)).wheelPath(digest, path2.basename(wheelPath)) === path2.resolve(wheelPath) ? digest : void 0;
}
async function installWheel(wheelPath, options = {}) {
  const filename = path2.basename(wheelPath);
  const fail = (why) => {
    throw new UsageError(`wheel ${filename}: ${why}`);
  };
  const parsed = (() => {
    try {
      return parseWheelFilename(filename);
    } catch (e) {
      return fail(`${e.message}`);
    }
  })();
  const filed = options.cacheDir ? cachedSha256(wheelPath, options.cacheDir) : void 0;
  if (filed && options.spans) {
    const manifestFile2 = manifestPath(options.cacheDir, filed);
    const stamp = manifestFile2.replace(/\.json$/, ".checked");
    const [kept, value] = await Promise.all([loadManifest(manifestFile2, filename), readFile(stamp, "utf8").catch(() => void 0)]);
    if (kept) return withSpans(kept, { path: path2.resolve(wheelPath), sha256: filed, size: kept.wheel.wheelSize, stamp: { at: stamp, value } });
  }
  let data;
  try {
    data = await readFile(wheelPath);
  } catch (e) {
    throw new UsageError(`cannot read wheel ${wheelPath}: ${e.code ?? e.message}; check the path.`);
  }
  const sha256 = sha256Hex(data);
  if (filed && sha256 !== filed) throw new ChangedFileError(path2.resolve(wheelPath), filed, sha256);
  const manifestFile = options.cacheDir ? manifestPath(options.cacheDir, sha256) : void 0;
  if (manifestFile) {
    const kept = await loadManifest(manifestFile, filename);
    const members2 = kept && membersFrom(kept, data);
    if (members2) return { ...kept.wheel, members: members2 };
  }
  let zip;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    return fail(`not a valid zip archive (${e.message}); the file is corrupt or not a wheel, download it again.`);
  }
  const distInfos = /* @__PURE__ */ new Set();
  for (const e of zip.entries) {
    const top = e.name.split("/")[0];
    if (top.endsWith(".dist-info") && e.name.split("/").length === 2 && e.name.endsWith("/WHEEL")) distInfos.add(top);
  }
  if (distInfos.size !== 1) fail(`expected one .dist-info folder with a WHEEL file, found ${distInfos.size ? [...distInfos].join(", ") : "none"}.`);
  const distInfo = [...distInfos][0];
  const dataDir = distInfo.replace(/\.dist-info$/, ".data");
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  if (byName.size !== zip.entries.length) fail("it has two members with the same name.");
  const readMember = (name) => {
    const e = byName.get(name);
    if (!e) return fail(`it has no ${name}.`);
    try {
      return zip.read(e);
    } catch (err) {
      return fail(`member ${name} is corrupt: ${err.message}.`);
    }
  };
  const wheelInfo = (() => {
    try {
      return parseWheelInfo(readMember(`${distInfo}/WHEEL`).toString("utf8"), `${distInfo}/WHEEL`);
    } catch (e) {
      return fail(e.message);
    }
  })();
  if (wheelInfo.wheelVersion[0] !== 1) fail(`Wheel-Version ${wheelInfo.wheelVersion.join(".")} is not supported (only 1.x); use a newer pexship.`);
  const recordName = `${distInfo}/RECORD`;
  const record = /* @__PURE__ */ new Map();
  for (const line of readMember(recordName).toString("utf8").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [p, hash, size] = parseCsvLine(line);
    if (p === recordName || SIGNATURE_FILES.has(p.split("/").pop())) continue;
    const m = /^([a-z0-9]+)=([A-Za-z0-9_-]+)$/.exec(hash ?? "");
    if (!m) fail(`RECORD has no hash for ${p}.`);
    if (!ACCEPTED_HASHES.has(m[1])) fail(`RECORD uses ${m[1]} for ${p}; only sha256 or stronger is accepted.`);
    record.set(p, { algorithm: m[1], digest: m[2], size: size ? Number(size) : null });
  }
  const members = [];
  const offsets = /* @__PURE__ */ new Map();
  const installedRecord = [];
  const installedPaths = /* @__PURE__ */ new Set();
  let hasData = false;
  let installedSize = 0;
  const pthFiles = [];
  const dataScripts = {};
  for (const e of zip.entries) {
    const unsafe = unsafePathReason(e.name);
    if (unsafe) fail(`member "${e.name}" has ${unsafe}; refusing a wheel whose files would land outside its folder.`);
    if ((e.unixMode & 61440) === 40960) fail(`member "${e.name}" is a symbolic link; wheels may not contain links.`);
    if (e.isDirectory) continue;
    if (e.name === recordName || e.name.startsWith(`${distInfo}/`) && SIGNATURE_FILES.has(e.name.slice(distInfo.length + 1))) continue;
    const row = record.get(e.name);
    if (!row) fail(`member ${e.name} is not listed in RECORD; the wheel was altered after it was built.`);
    record.delete(e.name);
    let content;
    try {
      content = zip.read(e);
    } catch (err) {
      return fail(`member ${e.name} is corrupt: ${err.message}.`);
    }
    const digest = createHash2(row.algorithm).update(content).digest("base64url");
    if (digest !== row.digest) fail(`member ${e.name} does not match its RECORD hash (${row.algorithm}=${row.digest}, got ${digest}); the wheel is corrupt or was tampered with.`);
    if (row.size !== null && row.size !== content.length) fail(`member ${e.name} is ${content.length} bytes, RECORD says ${row.size}.`);
    let target = e.name;
    if (e.name.startsWith(`${dataDir}/`)) {
      const rest = e.name.slice(dataDir.length + 1);
      const slash = rest.indexOf("/");
      const category = slash < 0 ? rest : rest.slice(0, slash);
      if (category === "purelib" || category === "platlib") target = rest.slice(slash + 1);
      else if (["scripts", "data", "headers"].includes(category)) hasData = true;
      else fail(`member ${e.name} is in an unknown .data category "${category}".`);
      if (!target || unsafePathReason(target)) fail(`member ${e.name} would install outside its folder.`);
    }
    if (installedPaths.has(target)) fail(`two members install to ${target}.`);
    installedPaths.add(target);
    if (!target.includes("/") && target.endsWith(".pth") && !target.startsWith(".")) pthFiles.push(target);
    const script = target.startsWith(`${dataDir}/scripts/`) ? target.slice(dataDir.length + 9) : "";
    if (script && !script.includes("/")) dataScripts[script] = { path: target, kind: scriptKind(content) };
    const executable = (e.unixMode & 73) !== 0 || script !== "";
    members.push({ name: target, mode: executable ? 33261 : 33188, raw: { method: e.method, data: zip.rawData(e), crc: e.crc, size: e.size } });
    offsets.set(target, zip.dataOffset(e));
    installedSize += content.length;
    installedRecord.push(`${csvField(target)},${row.algorithm}=${row.digest},${content.length}`);
  }
  if (record.size > 0) fail(`RECORD lists ${[...record.keys()].slice(0, 3).join(", ")}${record.size > 3 ? " \u2026" : ""} but the wheel lacks ${record.size === 1 ? "it" : "them"}.`);
  const installer = Buffer.from("pexship\n");
  const installerName = `${distInfo}/INSTALLER`;
  if (!installedPaths.has(installerName)) {
    members.push({ name: installerName, mode: 33188, raw: compressed(installer) });
    installedRecord.push(`${installerName},sha256=${createHash2("sha256").update(installer).digest("base64url")},${installer.length}`);
  }
  installedRecord.push(`${recordName},,`);
  const recordContent = Buffer.from(installedRecord.sort().join("\n") + "\n");
  members.push({ name: recordName, mode: 33188, raw: compressed(recordContent) });
  members.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const metadataText = readMember(`${distInfo}/METADATA`).toString("utf8");
  const entryPointsName = `${distInfo}/entry_points.txt`;
  const consoleScripts = {};
  let metadata;
  try {
    metadata = parseCoreMetadata(metadataText, `${distInfo}/METADATA`);
    if (byName.has(entryPointsName)) {
      const entryPoints = parseEntryPoints(readMember(entryPointsName).toString("utf8"), entryPointsName);
      for (const group of ["console_scripts", "gui_scripts"]) {
        for (const ep of entryPointGroup(entryPoints, group)) consoleScripts[ep.name] = ep.attr ? `${ep.module}:${ep.attr}` : ep.module;
      }
    }
  } catch (e) {
    return fail(e.message);
  }
  const installed = {
    filename,
    sha256,
    wheelSize: data.length,
    project: metadata.name,
    version: metadata.version,
    tags: parsed.tags,
    requiresPython: metadata.requiresPython ?? null,
    requiresDist: metadata.requiresDist ?? [],
    consoleScripts,
    hasData,
    pthFiles: pthFiles.sort(),
    dataScripts,
    members,
    installedSize: installedSize + installer.length + recordContent.length
  };
  if (manifestFile) await saveManifest(manifestFile, installed, offsets).catch(() => {
  });
  return installed;
}
var MANIFEST_VERSION = 3;
function manifestPath(cacheDir, sha256) {
  return path2.join(cacheDir, "installed", `v${MANIFEST_VERSION}`, sha256.slice(0, 2), `${sha256}.json`);
}
async function saveManifest(file, w, offsets) {
  const members = w.members.map((m) => {
    const { method, data, crc, size } = m.raw;
    const at = offsets.get(m.name);
    return { name: m.name, mode: m.mode, method, crc, size, length: data.length, ...at === void 0 ? { base64: data.toString("base64") } : { at } };
  });
  const { members: _members, ...wheel } = w;
  const json = JSON.stringify({ version: MANIFEST_VERSION, wheel, members });
  await mkdir(path2.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  await writeFile2(temp, `${sha256Hex(json)}
${json}`);
  await rename2(temp, file);
}
async function loadManifest(file, filename) {
  try {
    const text = await readFile(file, "utf8");
    const json = text.slice(65);
    if (text[64] !== "\n" || sha256Hex(json) !== text.slice(0, 64)) return void 0;
    const manifest = JSON.parse(json);
    return manifest.version === MANIFEST_VERSION && manifest.wheel.filename === filename ? manifest : void 0;
  } catch {
    return void 0;
  }
}
function membersFrom(manifest, data) {
  if (manifest.wheel.wheelSize !== data.length) return void 0;
  return manifestMembers(manifest, (offset, length) => data.subarray(offset, offset + length));
}
function withSpans(manifest, file) {
  return { ...manifest.wheel, members: manifestMembers(manifest, (offset, length) => ({ file, offset, length })) };
}
function manifestMembers(manifest, inWheel) {
  return manifest.members.map((m) => ({
    name: m.name,
    mode: m.mode,
    raw: { method: m.method, crc: m.crc, size: m.size, data: m.at === void 0 ? Buffer.from(m.base64, "base64") : inWheel(m.at, m.length) }
  }));
}

export {
  ChangedFileError,
  SpanReader,
  installWheel
};
