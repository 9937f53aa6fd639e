import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  Cache,
  sha256Hex
} from "./chunk-KMQNPVWY.js";
import {
  METHOD_DEFLATED,
  ZipArchive,
  storedBytes
} from "./chunk-2RM3XI5D.js";
import {
  entryPointGroup,
  parseCoreMetadata,
  parseEntryPoints,
  parseWheelInfo
} from "./chunk-ITQRL2BC.js";
import {
  parseWheelFilename
} from "./chunk-KJMAXHXM.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/pex/install.ts
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
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
  return new Cache(path.resolve(cacheDir)).wheelPath(digest, path.basename(wheelPath)) === path.resolve(wheelPath) ? digest : void 0;
}
async function installWheel(wheelPath, options = {}) {
  const filename = path.basename(wheelPath);
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
  let data;
  try {
    data = await readFile(wheelPath);
  } catch (e) {
    throw new UsageError(`cannot read wheel ${wheelPath}: ${e.code ?? e.message}; check the path.`);
  }
  const sha256 = options.cacheDir ? cachedSha256(wheelPath, options.cacheDir) ?? sha256Hex(data) : sha256Hex(data);
  const manifestFile = options.cacheDir ? manifestPath(options.cacheDir, sha256) : void 0;
  if (manifestFile) {
    const cached = await loadManifest(manifestFile, data, filename);
    if (cached) return cached;
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
  const sources = /* @__PURE__ */ new Map();
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
    const digest = createHash(row.algorithm).update(content).digest("base64url");
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
    const member = { name: target, mode: executable ? 33261 : 33188 };
    if (e.method === METHOD_DEFLATED) member.deflated = { data: zip.rawData(e), crc: e.crc, size: e.size };
    else Object.assign(member, { content, store: true });
    members.push(member);
    sources.set(target, e);
    installedSize += content.length;
    installedRecord.push(`${csvField(target)},${row.algorithm}=${row.digest},${content.length}`);
  }
  if (record.size > 0) fail(`RECORD lists ${[...record.keys()].slice(0, 3).join(", ")}${record.size > 3 ? " \u2026" : ""} but the wheel lacks ${record.size === 1 ? "it" : "them"}.`);
  const installer = Buffer.from("pexship\n");
  const installerName = `${distInfo}/INSTALLER`;
  if (!installedPaths.has(installerName)) {
    members.push({ name: installerName, mode: 33188, content: installer });
    installedRecord.push(`${installerName},sha256=${createHash("sha256").update(installer).digest("base64url")},${installer.length}`);
  }
  installedRecord.push(`${recordName},,`);
  const recordContent = Buffer.from(installedRecord.sort().join("\n") + "\n");
  members.push({ name: recordName, mode: 33188, content: recordContent });
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
  if (manifestFile) await saveManifest(manifestFile, installed, sources).catch(() => {
  });
  return installed;
}
var MANIFEST_VERSION = 2;
function manifestPath(cacheDir, sha256) {
  return path.join(cacheDir, "installed", `v${MANIFEST_VERSION}`, sha256.slice(0, 2), `${sha256}.json`);
}
async function saveManifest(file, w, sources) {
  const members = w.members.map((m) => {
    const e = sources.get(m.name);
    if (!e) return { name: m.name, mode: m.mode, base64: m.content.toString("base64") };
    return { name: m.name, mode: m.mode, at: e.localOffset, method: e.method, crc: e.crc, size: e.size, compressedSize: e.compressedSize };
  });
  const { members: _members, ...rest } = w;
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await writeFile(temp, JSON.stringify({ version: MANIFEST_VERSION, wheel: rest, members }));
  await rename(temp, file);
}
async function loadManifest(file, data, filename) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return void 0;
  }
  if (manifest.version !== MANIFEST_VERSION || manifest.wheel.filename !== filename) return void 0;
  const members = [];
  try {
    for (const m of manifest.members) {
      if (m.base64 !== void 0) {
        members.push({ name: m.name, mode: m.mode, content: Buffer.from(m.base64, "base64") });
        continue;
      }
      const raw = storedBytes(data, { name: m.name, localOffset: m.at, compressedSize: m.compressedSize });
      members.push(m.method === METHOD_DEFLATED ? { name: m.name, mode: m.mode, deflated: { data: raw, crc: m.crc, size: m.size } } : { name: m.name, mode: m.mode, content: raw, store: true });
    }
  } catch {
    return void 0;
  }
  return { ...manifest.wheel, members };
}

export {
  installWheel
};
