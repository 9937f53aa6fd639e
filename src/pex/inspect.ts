/**
 * Reads a PEX back: its PEX-INFO, the distributions it holds with their sizes, the runtime and code sizes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { treeLine } from './layout.js';
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

interface Listed {
  name: string;
  size: number;
  compressedSize: number;
}

interface Opened {
  size: number;
  sha256: string;
  shebang: string | null;
  pexInfoText: string;
  entries: Listed[];
}

function openZipapp(file: string, data: Buffer): Opened {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    throw new UsageError(`${file} is not a PEX (${(e as Error).message}).`);
  }
  const infoEntry = zip.entries.find((e) => e.name === 'PEX-INFO');
  if (!infoEntry) throw new UsageError(`${file} is a zip but has no PEX-INFO, so it is not a PEX.`);
  return {
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    shebang: data.subarray(0, 2).toString() === '#!' ? data.subarray(2, data.indexOf(10)).toString('utf8') : null,
    pexInfoText: zip.read(infoEntry).toString('utf8'),
    entries: zip.entries.filter((e) => !e.isDirectory),
  };
}

/** A --layout packed|loose directory, listed as the zipapp's entries would be (packed wheels opened). */
async function openDirectory(dir: string): Promise<Opened> {
  const files: string[] = [];
  const walk = async (rel: string) => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) files.push(name);
    }
  };
  await walk('');
  files.sort();
  if (!files.includes('PEX-INFO')) throw new UsageError(`${dir} is a folder without PEX-INFO, so it is not a directory PEX.`);
  const tree = createHash('sha256');
  const entries: Listed[] = [];
  let size = 0;
  let shebang: string | null = null;
  for (const name of files) {
    const full = path.join(dir, name);
    const content = await readFile(full);
    tree.update(treeLine(name, (await stat(full)).mode, content));
    size += content.length;
    if (name === '__main__.py' && content.subarray(0, 2).toString() === '#!') shebang = content.subarray(2, content.indexOf(10)).toString('utf8');
    if (/^\.deps\/[^/]+$/.test(name)) {
      for (const e of new ZipArchive(content).entries) if (!e.isDirectory) entries.push({ name: `${name}/${e.name}`, size: e.size, compressedSize: e.compressedSize });
    } else entries.push({ name, size: content.length, compressedSize: content.length });
  }
  return { size, sha256: tree.digest('hex'), shebang, pexInfoText: await readFile(path.join(dir, 'PEX-INFO'), 'utf8'), entries };
}

export async function inspectPex(file: string): Promise<PexInspection> {
  let opened: Opened;
  try {
    opened = (await stat(file)).isDirectory() ? await openDirectory(file) : openZipapp(file, await readFile(file));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  let pexInfo: Record<string, any>;
  try {
    pexInfo = JSON.parse(opened.pexInfoText);
  } catch (e) {
    throw new UsageError(`${file}: PEX-INFO is not valid JSON (${(e as Error).message}).`);
  }
  const shebang = opened.shebang;
  const dists = new Map<string, { files: number; installedSize: number; compressedSize: number }>();
  const runtime = { files: 0, compressedSize: 0 };
  const code = { files: 0, installedSize: 0 };
  for (const e of opened.entries) {
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
    size: opened.size,
    sha256: opened.sha256,
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
