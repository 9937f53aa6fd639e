// The deploy action's `pex` input: a PEX file, or the folder a downloaded artifact landed in.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** `.pex` files in `dir` and one level down (download-artifact puts several artifacts in subfolders). */
async function pexFilesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.pex')) found.push(full);
    else if (entry.isDirectory()) {
      for (const inner of await readdir(full, { withFileTypes: true })) {
        if (inner.isFile() && inner.name.endsWith('.pex')) found.push(path.join(full, inner.name));
      }
    }
  }
  return found.sort();
}

export async function resolvePexInput(value: string): Promise<string> {
  let info;
  try {
    info = await stat(value);
  } catch {
    throw new UsageError(`input 'pex': ${value} does not exist; give the PEX file, or the folder actions/download-artifact wrote it to.`);
  }
  if (info.isFile()) return value;
  const found = await pexFilesIn(value);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UsageError(`input 'pex': the folder ${value} holds no .pex file; check the download step's 'path' and artifact name.`);
  throw new UsageError(`input 'pex': the folder ${value} holds several PEX files (${found.join(', ')}); name the one to deploy.`);
}
