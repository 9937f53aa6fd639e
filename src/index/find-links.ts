// `-f/--find-links DIR`: the wheels and sdists of a project found in a local directory (not recursive).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileBelongsTo, isDistributionFile } from './names.js';
import type { IndexFile } from './types.js';

/** Streams a local file through the given hash algorithms; returns name → hex digest. */
export async function hashLocalFile(file: string, algorithms: string[] = ['sha256']): Promise<Record<string, string>> {
  const hashers = algorithms.map((a) => [a, createHash(a)] as const);
  for await (const chunk of createReadStream(file)) for (const [, h] of hashers) h.update(chunk as Buffer);
  return Object.fromEntries(hashers.map(([a, h]) => [a, h.digest('hex')]));
}

export async function listDirectory(dir: string, project: string, index: string): Promise<IndexFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const matching = names.filter((n) => isDistributionFile(n) && fileBelongsTo(n, project)).sort();
  return Promise.all(
    matching.map(async (filename): Promise<IndexFile> => {
      const file = path.join(dir, filename);
      const [info, hashes] = await Promise.all([stat(file), hashLocalFile(file)]);
      return { filename, url: pathToFileURL(file).toString(), hashes, yanked: false, coreMetadata: false, size: info.size, index };
    }),
  );
}
