/**
 * `--layout packed|loose`: a PEX as a directory instead of one zip file (FORMAT.md, "Directory layouts").
 * Both run with `python DIR` or `DIR/__main__.py`. `loose` holds every file as it is; `packed` holds each
 * installed wheel as one zip file `.deps/<wheel file name>`, written like the zipapp (fixed dates, the
 * wheel's own deflate streams), so a distribution that did not change is the same bytes in every build and
 * a Docker layer or rsync of it stays cached. The directory is built beside the output and swapped in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { memberContent, writeZip, type ZipMember } from './zip.js';

export type Layout = 'zipapp' | 'packed' | 'loose';
export const LAYOUTS: readonly Layout[] = ['zipapp', 'packed', 'loose'];

export interface DirPexParts {
  /** `__main__.py`, `.bootstrap/…` and `PEX-INFO`. */
  head: ZipMember[];
  /** Each installed wheel's members, relative to its install folder. */
  wheels: { filename: string; members: ZipMember[] }[];
  /** User sources (and their pycs) at the root. */
  sources: ZipMember[];
}

/** The files of the directory, relative paths sorted, each with its bytes and mode. */
export function dirFiles(layout: 'packed' | 'loose', parts: DirPexParts, compress: boolean): { name: string; mode: number; content: Buffer }[] {
  const files = parts.head.map((m) => ({ name: m.name, mode: m.mode, content: memberContent(m) }));
  for (const w of parts.wheels) {
    if (layout === 'packed') {
      files.push({ name: `.deps/${w.filename}`, mode: 0o100644, content: Buffer.concat(writeZip(Buffer.alloc(0), w.members, compress)) });
    } else {
      for (const m of w.members) files.push({ name: `.deps/${w.filename}/${m.name}`, mode: m.mode, content: memberContent(m) });
    }
  }
  for (const m of parts.sources) files.push({ name: m.name, mode: m.mode, content: memberContent(m) });
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A directory we may replace: missing, empty, or a directory PEX (it has PEX-INFO and __main__.py). */
async function checkReplaceable(output: string): Promise<'missing' | 'dir' | 'file'> {
  let st;
  try {
    st = await lstat(output);
  } catch {
    return 'missing';
  }
  if (!st.isDirectory()) return 'file';
  const names = await readdir(output);
  if (names.length && !(names.includes('PEX-INFO') && names.includes('__main__.py'))) {
    throw new UsageError(`-o ${output} is a folder that is not a directory PEX; give a new path (pexship replaces only a PEX it built there).`);
  }
  return 'dir';
}

/** One line of a directory PEX's digest (FORMAT.md): path NUL mode (octal) NUL sha256 LF, in path order. */
export function treeLine(name: string, mode: number, content: Buffer): string {
  return `${name}\0${(mode & 0o111 ? 0o755 : 0o644).toString(8)}\0${createHash('sha256').update(content).digest('hex')}\n`;
}

/**
 * Writes the files into a new directory beside `output` and swaps it in. Returns the total size and a
 * sha256 naming the tree (`treeLine` of each file).
 */
export async function writeDirPex(output: string, files: { name: string; mode: number; content: Buffer }[]): Promise<{ size: number; sha256: string }> {
  const full = path.resolve(output);
  const existing = await checkReplaceable(full);
  const parent = path.dirname(full);
  await mkdir(parent, { recursive: true });
  const temp = path.join(parent, `.${path.basename(full)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const tree = createHash('sha256');
  let size = 0;
  try {
    await mkdir(temp);
    const made = new Set<string>();
    for (const f of files) {
      const file = path.join(temp, ...f.name.split('/'));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(file, f.content);
      if (f.mode & 0o111) await chmod(file, 0o755);
      tree.update(treeLine(f.name, f.mode, f.content));
      size += f.content.length;
    }
    if (existing !== 'missing') {
      const old = `${temp}.old`;
      await rename(full, old);
      await rename(temp, full);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, full);
    }
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(`could not write ${output}: ${(e as Error).message}; check that its folder is writable.`);
  }
  return { size, sha256: tree.digest('hex') };
}
