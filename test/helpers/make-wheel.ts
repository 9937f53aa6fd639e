// Makes real wheel files for tests: METADATA, WHEEL, entry_points.txt and a RECORD with true hashes.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';

export interface WheelSpec {
  name: string;
  version: string;
  /** Compressed tag triple(s), e.g. 'py3-none-any' or 'cp311-cp311-manylinux_2_17_x86_64'. */
  tag?: string;
  /** Files relative to the wheel root, e.g. {'pkg/__init__.py': 'x = 1'}. */
  files?: Record<string, string | Buffer>;
  /** Console scripts: {name: 'module:func'}. */
  consoleScripts?: Record<string, string>;
  /** Other entry point groups: {group: {name: 'module:attr'}}. */
  entryPoints?: Record<string, Record<string, string>>;
  /** Store members uncompressed (fast for big, incompressible files). */
  stored?: boolean;
  requiresDist?: string[];
  requiresPython?: string;
  /** Extra METADATA header lines, e.g. ['Provides-Extra: socks']. */
  extraMetadata?: string[];
  /** Which of this wheel's files are executable (mode 0755). */
  executable?: string[];
  /** Leave these paths out of RECORD or give them a wrong hash, to test verification. */
  corruptRecord?: { omit?: string[]; wrongHash?: string[] };
  /** Raw entries written as-is without RECORD lines (for path-escape and symlink tests). */
  rawEntries?: Record<string, string | { content: string; mode: number }>;
}

/** PEP 503 normalised name with '-' replaced by '_' as wheel file names use. */
export function wheelDistName(name: string): string {
  return name.replace(/[-_.]+/g, '_');
}

export function wheelFileName(spec: WheelSpec): string {
  return `${wheelDistName(spec.name)}-${spec.version}-${spec.tag ?? 'py3-none-any'}.whl`;
}

function recordHash(data: Buffer): string {
  return 'sha256=' + createHash('sha256').update(data).digest('base64url');
}

/** Writes the wheel into `dir` and returns its path. */
export async function makeWheel(dir: string, spec: WheelSpec): Promise<string> {
  await mkdir(dir, { recursive: true });
  const distInfo = `${wheelDistName(spec.name)}-${spec.version}.dist-info`;
  const tag = spec.tag ?? 'py3-none-any';
  const metadata = [
    'Metadata-Version: 2.1',
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    ...(spec.requiresPython ? [`Requires-Python: ${spec.requiresPython}`] : []),
    ...(spec.requiresDist ?? []).map((r) => `Requires-Dist: ${r}`),
    ...(spec.extraMetadata ?? []),
    '',
    '',
  ].join('\n');
  const [py, abi, plats] = tag.split('-');
  const tagLines: string[] = [];
  for (const p of py.split('.')) for (const a of abi.split('.')) for (const pl of plats.split('.')) tagLines.push(`Tag: ${p}-${a}-${pl}`);
  const wheelMeta = ['Wheel-Version: 1.0', 'Generator: pexship-tests', `Root-Is-Purelib: ${plats === 'any'}`, ...tagLines, '', ''].join('\n');
  const files: [string, Buffer][] = Object.entries(spec.files ?? {}).map(([p, c]) => [p, Buffer.from(c)]);
  files.push([`${distInfo}/METADATA`, Buffer.from(metadata)]);
  files.push([`${distInfo}/WHEEL`, Buffer.from(wheelMeta)]);
  const groups = { ...(spec.consoleScripts && Object.keys(spec.consoleScripts).length ? { console_scripts: spec.consoleScripts } : {}), ...spec.entryPoints };
  if (Object.keys(groups).length) {
    const lines = Object.entries(groups).flatMap(([group, eps]) => [`[${group}]`, ...Object.entries(eps).map(([n, t]) => `${n} = ${t}`), '']);
    files.push([`${distInfo}/entry_points.txt`, Buffer.from(lines.join('\n'))]);
  }
  const omit = new Set(spec.corruptRecord?.omit ?? []);
  const wrong = new Set(spec.corruptRecord?.wrongHash ?? []);
  const record = files
    .filter(([p]) => !omit.has(p))
    .map(([p, c]) => `${p},${wrong.has(p) ? recordHash(Buffer.from('not this')) : recordHash(c)},${c.length}`);
  record.push(`${distInfo}/RECORD,,`);
  files.push([`${distInfo}/RECORD`, Buffer.from(record.join('\n') + '\n')]);

  const zip = new yazl.ZipFile();
  const exec = new Set(spec.executable ?? []);
  for (const [p, c] of files) zip.addBuffer(c, p, { mtime: new Date(2020, 0, 1), mode: exec.has(p) ? 0o100755 : 0o100644, compress: !spec.stored });
  for (const [p, c] of Object.entries(spec.rawEntries ?? {})) {
    const { content, mode } = typeof c === 'string' ? { content: c, mode: 0o100644 } : c;
    zip.addBuffer(Buffer.from(content), p, { mtime: new Date(2020, 0, 1), mode });
  }
  const out = path.join(dir, wheelFileName(spec));
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(out)).on('close', () => resolve()).on('error', reject);
    zip.end();
  });
  return out;
}
