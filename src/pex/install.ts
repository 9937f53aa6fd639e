/**
 * PEP 427 install of a wheel into an in-memory tree, ready to be placed under `.deps/<wheel file name>/`.
 *
 * Every member is checked against RECORD (hash and size) and its CRC-32 before it is accepted, and every
 * path is checked to stay inside the install folder. Members keep their deflate stream so the PEX writer
 * can copy it without compressing again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { Cache, sha256Hex } from '../index/cache.js';
import { entryPointGroup, parseCoreMetadata, parseEntryPoints, parseWheelInfo } from '../python/metadata.js';
import { parseWheelFilename } from '../python/wheel.js';
import { ChangedFileError } from './span-reader.js';
import { compressed, ZipArchive, ZipFormatError, type FileSpan, type SpanFile, type ZipMember } from './zip.js';

export interface InstalledWheel {
  /** The wheel's file name, e.g. `flask-3.1.3-py3-none-any.whl`. */
  filename: string;
  /** sha256 hex of the wheel file. */
  sha256: string;
  /** Size of the wheel file in bytes. */
  wheelSize: number;
  project: string;
  version: string;
  /** Expanded tags from the file name, e.g. ['cp311-cp311-manylinux_2_17_x86_64', …]. */
  tags: string[];
  requiresPython: string | null;
  requiresDist: string[];
  /** console_scripts and gui_scripts from entry_points.txt: {name: 'module:attr'}. */
  consoleScripts: Record<string, string>;
  /** True when the wheel has `<name>.data/{scripts,data,headers}` kept aside. */
  hasData: boolean;
  /** Top-level `.pth` files, sorted as `site` reads them: the runtime processes them like a site-packages'. */
  pthFiles: string[];
  /** `.data/scripts` files by name: their installed path and how they run ('python' in-process, 'program' exec'd). */
  dataScripts: Record<string, { path: string; kind: ScriptKind }>;
  /** The installed files, paths relative to the install folder, sorted. */
  members: ZipMember[];
  /** Sum of the installed files' sizes. */
  installedSize: number;
}

export type ScriptKind = 'python' | 'program';

/**
 * How a `.data/scripts` file runs: a `#!…python…` line (pip's `#!python` placeholder included) or text
 * without a shebang is Python; another shebang or a binary (ELF, Mach-O, PE) is a program to execute.
 */
export function scriptKind(content: Buffer): ScriptKind {
  if (content.subarray(0, 2).toString('latin1') === '#!') {
    const end = content.indexOf(10);
    return /python/.test(content.subarray(0, end < 0 ? content.length : end).toString('latin1')) ? 'python' : 'program';
  }
  return content.subarray(0, 4096).includes(0) ? 'program' : 'python';
}

const SIGNATURE_FILES = new Set(['RECORD.jws', 'RECORD.p7s']);
const ACCEPTED_HASHES = new Set(['sha256', 'sha384', 'sha512']);

/** Splits one RECORD line (CSV: paths containing commas are quoted). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Why a member path is unsafe to extract, or null when it stays inside its folder. */
export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\0')) return 'a NUL byte';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'a ".." component';
  return null;
}

interface RecordRow {
  algorithm: string;
  digest: string;
  size: number | null;
}

/**
 * The sha256 a wheel in the build cache is filed under (it was checked against the index's hash before being
 * renamed into place), or undefined for any other path.
 */
function cachedSha256(wheelPath: string, cacheDir: string): string | undefined {
  const digest = /\/wheels\/sha256\/[0-9a-f]{2}\/([0-9a-f]{64})\/[^/]+$/.exec(wheelPath)?.[1];
  if (!digest) return undefined;
  return new Cache(path.resolve(cacheDir)).wheelPath(digest, path.basename(wheelPath)) === path.resolve(wheelPath) ? digest : undefined;
}

export interface InstallOptions {
  /** Keeps checked installs of each wheel here (by sha256) so later builds skip the checks' work. */
  cacheDir?: string;
  /**
   * Lets a wheel from the cache with a kept install come back without being read: its members are spans of
   * the file, which only the PEX writer takes (span-reader.ts hashes the file before copying any of them).
   */
  spans?: boolean;
}

/**
 * Reads and installs one wheel file. Errors name the wheel and the member at fault. With `cacheDir`, the
 * result of a first, fully checked install is kept as a manifest keyed by the wheel's sha256, so later
 * builds of the same file take its members straight out of it without inflating and hashing each again.
 * A wheel from the cache is always checked against the sha256 it is filed under: here when it is read, by
 * the writer when it comes back as spans. One that no longer matches throws ChangedFileError.
 */
export async function installWheel(wheelPath: string, options: InstallOptions = {}): Promise<InstalledWheel> {
  const filename = path.basename(wheelPath);
  const fail = (why: string): never => {
    throw new UsageError(`wheel ${filename}: ${why}`);
  };
  const parsed = (() => {
    try {
      return parseWheelFilename(filename);
    } catch (e) {
      return fail(`${(e as Error).message}`);
    }
  })();
  const filed = options.cacheDir ? cachedSha256(wheelPath, options.cacheDir) : undefined;
  if (filed && options.spans) {
    const manifestFile = manifestPath(options.cacheDir!, filed);
    const stamp = manifestFile.replace(/\.json$/, '.checked');
    const [kept, value] = await Promise.all([loadManifest(manifestFile, filename), readFile(stamp, 'utf8').catch(() => undefined)]);
    if (kept) return withSpans(kept, { path: path.resolve(wheelPath), sha256: filed, size: kept.wheel.wheelSize, stamp: { at: stamp, value } });
  }
  let data: Buffer;
  try {
    data = await readFile(wheelPath);
  } catch (e) {
    throw new UsageError(`cannot read wheel ${wheelPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; check the path.`);
  }
  const sha256 = sha256Hex(data);
  if (filed && sha256 !== filed) throw new ChangedFileError(path.resolve(wheelPath), filed, sha256);
  const manifestFile = options.cacheDir ? manifestPath(options.cacheDir, sha256) : undefined;
  if (manifestFile) {
    const kept = await loadManifest(manifestFile, filename);
    const members = kept && membersFrom(kept, data);
    if (members) return { ...kept.wheel, members };
  }
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    return fail(`not a valid zip archive (${(e as Error).message}); the file is corrupt or not a wheel, download it again.`);
  }

  // The .dist-info folder: exactly one at the root holding WHEEL and RECORD.
  const distInfos = new Set<string>();
  for (const e of zip.entries) {
    const top = e.name.split('/')[0];
    if (top.endsWith('.dist-info') && e.name.split('/').length === 2 && e.name.endsWith('/WHEEL')) distInfos.add(top);
  }
  if (distInfos.size !== 1) fail(`expected one .dist-info folder with a WHEEL file, found ${distInfos.size ? [...distInfos].join(', ') : 'none'}.`);
  const distInfo = [...distInfos][0];
  const dataDir = distInfo.replace(/\.dist-info$/, '.data');
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  if (byName.size !== zip.entries.length) fail('it has two members with the same name.');

  const readMember = (name: string): Buffer => {
    const e = byName.get(name);
    if (!e) return fail(`it has no ${name}.`);
    try {
      return zip.read(e);
    } catch (err) {
      return fail(`member ${name} is corrupt: ${(err as Error).message}.`);
    }
  };
  const wheelInfo = (() => {
    try {
      return parseWheelInfo(readMember(`${distInfo}/WHEEL`).toString('utf8'), `${distInfo}/WHEEL`);
    } catch (e) {
      return fail((e as Error).message);
    }
  })();
  if (wheelInfo.wheelVersion[0] !== 1) fail(`Wheel-Version ${wheelInfo.wheelVersion.join('.')} is not supported (only 1.x); use a newer pexship.`);

  const recordName = `${distInfo}/RECORD`;
  const record = new Map<string, RecordRow>();
  for (const line of readMember(recordName).toString('utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [p, hash, size] = parseCsvLine(line);
    if (p === recordName || SIGNATURE_FILES.has(p.split('/').pop()!)) continue;
    const m = /^([a-z0-9]+)=([A-Za-z0-9_-]+)$/.exec(hash ?? '');
    if (!m) fail(`RECORD has no hash for ${p}.`);
    if (!ACCEPTED_HASHES.has(m![1])) fail(`RECORD uses ${m![1]} for ${p}; only sha256 or stronger is accepted.`);
    record.set(p, { algorithm: m![1], digest: m![2], size: size ? Number(size) : null });
  }

  const members: ZipMember[] = [];
  const offsets = new Map<string, number>();
  const installedRecord: string[] = [];
  const installedPaths = new Set<string>();
  let hasData = false;
  let installedSize = 0;
  const pthFiles: string[] = [];
  const dataScripts: Record<string, { path: string; kind: ScriptKind }> = {};
  for (const e of zip.entries) {
    const unsafe = unsafePathReason(e.name);
    if (unsafe) fail(`member "${e.name}" has ${unsafe}; refusing a wheel whose files would land outside its folder.`);
    if ((e.unixMode & 0o170000) === 0o120000) fail(`member "${e.name}" is a symbolic link; wheels may not contain links.`);
    if (e.isDirectory) continue;
    if (e.name === recordName || (e.name.startsWith(`${distInfo}/`) && SIGNATURE_FILES.has(e.name.slice(distInfo.length + 1)))) continue;
    const row = record.get(e.name);
    if (!row) fail(`member ${e.name} is not listed in RECORD; the wheel was altered after it was built.`);
    record.delete(e.name);
    let content: Buffer;
    try {
      content = zip.read(e);
    } catch (err) {
      return fail(`member ${e.name} is corrupt: ${(err as Error).message}.`);
    }
    const digest = createHash(row!.algorithm).update(content).digest('base64url');
    if (digest !== row!.digest) fail(`member ${e.name} does not match its RECORD hash (${row!.algorithm}=${row!.digest}, got ${digest}); the wheel is corrupt or was tampered with.`);
    if (row!.size !== null && row!.size !== content.length) fail(`member ${e.name} is ${content.length} bytes, RECORD says ${row!.size}.`);

    // PEP 427: purelib and platlib spread into the root; scripts, data and headers stay aside.
    let target = e.name;
    if (e.name.startsWith(`${dataDir}/`)) {
      const rest = e.name.slice(dataDir.length + 1);
      const slash = rest.indexOf('/');
      const category = slash < 0 ? rest : rest.slice(0, slash);
      if (category === 'purelib' || category === 'platlib') target = rest.slice(slash + 1);
      else if (['scripts', 'data', 'headers'].includes(category)) hasData = true;
      else fail(`member ${e.name} is in an unknown .data category "${category}".`);
      if (!target || unsafePathReason(target)) fail(`member ${e.name} would install outside its folder.`);
    }
    if (installedPaths.has(target)) fail(`two members install to ${target}.`);
    installedPaths.add(target);
    // site skips dot-named .pth files (3.13); pip makes every script executable.
    if (!target.includes('/') && target.endsWith('.pth') && !target.startsWith('.')) pthFiles.push(target);
    const script = target.startsWith(`${dataDir}/scripts/`) ? target.slice(dataDir.length + 9) : '';
    if (script && !script.includes('/')) dataScripts[script] = { path: target, kind: scriptKind(content) };
    const executable = (e.unixMode & 0o111) !== 0 || script !== '';
    // Copied as the wheel stored it: deflated once already, or kept stored by its maker (deflating again rarely pays).
    members.push({ name: target, mode: executable ? 0o100755 : 0o100644, raw: { method: e.method, data: zip.rawData(e), crc: e.crc, size: e.size } });
    offsets.set(target, zip.dataOffset(e));
    installedSize += content.length;
    installedRecord.push(`${csvField(target)},${row!.algorithm}=${row!.digest},${content.length}`);
  }
  if (record.size > 0) fail(`RECORD lists ${[...record.keys()].slice(0, 3).join(', ')}${record.size > 3 ? ' …' : ''} but the wheel lacks ${record.size === 1 ? 'it' : 'them'}.`);

  const installer = Buffer.from('pexship\n');
  const installerName = `${distInfo}/INSTALLER`;
  // Written compressed here, once: the manifest keeps them so, and a build copies them like the rest.
  if (!installedPaths.has(installerName)) {
    members.push({ name: installerName, mode: 0o100644, raw: compressed(installer) });
    installedRecord.push(`${installerName},sha256=${createHash('sha256').update(installer).digest('base64url')},${installer.length}`);
  }
  installedRecord.push(`${recordName},,`);
  const recordContent = Buffer.from(installedRecord.sort().join('\n') + '\n');
  members.push({ name: recordName, mode: 0o100644, raw: compressed(recordContent) });
  members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const metadataText = readMember(`${distInfo}/METADATA`).toString('utf8');
  const entryPointsName = `${distInfo}/entry_points.txt`;
  const consoleScripts: Record<string, string> = {};
  let metadata;
  try {
    metadata = parseCoreMetadata(metadataText, `${distInfo}/METADATA`);
    if (byName.has(entryPointsName)) {
      const entryPoints = parseEntryPoints(readMember(entryPointsName).toString('utf8'), entryPointsName);
      for (const group of ['console_scripts', 'gui_scripts']) {
        for (const ep of entryPointGroup(entryPoints, group)) consoleScripts[ep.name] = ep.attr ? `${ep.module}:${ep.attr}` : ep.module;
      }
    }
  } catch (e) {
    return fail((e as Error).message);
  }
  const installed: InstalledWheel = {
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
    installedSize: installedSize + installer.length + recordContent.length,
  };
  if (manifestFile) await saveManifest(manifestFile, installed, offsets).catch(() => {}); // a cache miss next time, nothing worse
  return installed;
}

// ---- installed-wheel manifests ------------------------------------------------------------------------

const MANIFEST_VERSION = 3;

/** A member's stored bytes: at offset `at` of the wheel file, or (a file the install made) here in base64. */
interface ManifestMember {
  name: string;
  mode: number;
  method: number;
  crc: number;
  size: number;
  length: number;
  at?: number;
  base64?: string;
}

interface Manifest {
  version: number;
  wheel: Omit<InstalledWheel, 'members'>;
  members: ManifestMember[];
}

function manifestPath(cacheDir: string, sha256: string): string {
  return path.join(cacheDir, 'installed', `v${MANIFEST_VERSION}`, sha256.slice(0, 2), `${sha256}.json`);
}

/** The manifest's JSON after a line with its own sha256, so a torn or damaged file reads as a miss. */
async function saveManifest(file: string, w: InstalledWheel, offsets: Map<string, number>): Promise<void> {
  const members: ManifestMember[] = w.members.map((m) => {
    const { method, data, crc, size } = m.raw!;
    const at = offsets.get(m.name);
    return { name: m.name, mode: m.mode, method, crc, size, length: data.length, ...(at === undefined ? { base64: (data as Buffer).toString('base64') } : { at }) };
  });
  const { members: _members, ...wheel } = w;
  const json = JSON.stringify({ version: MANIFEST_VERSION, wheel, members } satisfies Manifest);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, `${sha256Hex(json)}\n${json}`);
  await rename(temp, file);
}

async function loadManifest(file: string, filename: string): Promise<Manifest | undefined> {
  try {
    const text = await readFile(file, 'utf8');
    const json = text.slice(65);
    if (text[64] !== '\n' || sha256Hex(json) !== text.slice(0, 64)) return undefined;
    const manifest = JSON.parse(json) as Manifest;
    return manifest.version === MANIFEST_VERSION && manifest.wheel.filename === filename ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The members with their bytes sliced from the wheel's, or undefined when the manifest does not fit them. */
function membersFrom(manifest: Manifest, data: Buffer): ZipMember[] | undefined {
  if (manifest.wheel.wheelSize !== data.length) return undefined;
  return manifestMembers(manifest, (offset, length) => data.subarray(offset, offset + length));
}

/** The install with its wheel's members left in the file, for the writer to check and copy. */
function withSpans(manifest: Manifest, file: SpanFile): InstalledWheel {
  return { ...manifest.wheel, members: manifestMembers(manifest, (offset, length) => ({ file, offset, length })) };
}

/** The manifest's members, the wheel's stored bytes given by `inWheel`; those the install made, decoded. */
function manifestMembers(manifest: Manifest, inWheel: (offset: number, length: number) => Buffer | FileSpan): ZipMember[] {
  return manifest.members.map((m) => ({
    name: m.name,
    mode: m.mode,
    raw: { method: m.method, crc: m.crc, size: m.size, data: m.at === undefined ? Buffer.from(m.base64!, 'base64') : inWheel(m.at, m.length) },
  }));
}

export { ZipFormatError };
