/**
 * Reads a PEX back: its PEX-INFO, the distributions it holds with their sizes, the runtime and code sizes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { ZipArchive } from './zip.js';

export interface PexInspection {
  path: string;
  size: number;
  sha256: string;
  shebang: string | null;
  pexInfo: Record<string, any>;
  entryPoint: string | null;
  script: string | null;
  distributions: { filename: string; sha256: string; files: number; installedSize: number; compressedSize: number }[];
  runtime: { files: number; compressedSize: number };
  code: { files: number; installedSize: number };
  targets: { platform: string; wheels: string[] }[];
}

export async function inspectPex(file: string): Promise<PexInspection> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    throw new UsageError(`${file} is not a PEX (${(e as Error).message}).`);
  }
  const infoEntry = zip.entries.find((e) => e.name === 'PEX-INFO');
  if (!infoEntry) throw new UsageError(`${file} is a zip but has no PEX-INFO, so it is not a PEX.`);
  let pexInfo: Record<string, any>;
  try {
    pexInfo = JSON.parse(zip.read(infoEntry).toString('utf8'));
  } catch (e) {
    throw new UsageError(`${file}: PEX-INFO is not valid JSON (${(e as Error).message}).`);
  }
  const shebang = data.subarray(0, 2).toString() === '#!' ? data.subarray(2, data.indexOf(10)).toString('utf8') : null;
  const dists = new Map<string, { files: number; installedSize: number; compressedSize: number }>();
  const runtime = { files: 0, compressedSize: 0 };
  const code = { files: 0, installedSize: 0 };
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    const m = /^\.deps\/([^/]+)\//.exec(e.name);
    if (m) {
      const d = dists.get(m[1]) ?? { files: 0, installedSize: 0, compressedSize: 0 };
      d.files++;
      d.installedSize += e.size;
      d.compressedSize += e.compressedSize;
      dists.set(m[1], d);
    } else if (e.name === '__main__.py' || e.name.startsWith('.bootstrap/')) {
      runtime.files++;
      runtime.compressedSize += e.compressedSize;
    } else if (e.name !== 'PEX-INFO') {
      code.files++;
      code.installedSize += e.size;
    }
  }
  const hashes: Record<string, string> = pexInfo.distributions ?? {};
  return {
    path: file,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    shebang,
    pexInfo,
    entryPoint: pexInfo.entry_point ?? null,
    script: pexInfo.script ?? null,
    distributions: [...dists].map(([filename, d]) => ({ filename, sha256: hashes[filename] ?? '', ...d })).sort((a, b) => (a.filename < b.filename ? -1 : 1)),
    runtime,
    code,
    targets: pexInfo.pexship?.targets ?? [],
  };
}
