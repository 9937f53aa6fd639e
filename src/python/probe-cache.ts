// Interpreter facts remembered across runs, so `--platform current` costs no Python start-up (~50 ms) when the
// interpreter has not changed. The key is the interpreter's absolute path; a record holds only while the file
// it resolves to keeps its real path, size, mtime and inode. Only native executables are remembered: a script
// such as a pyenv shim picks its interpreter at run time, so its own file says nothing about what runs.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../index/cache.js';

interface ProbeRecord<T> {
  path: string;
  realpath: string;
  size: number;
  mtimeMs: number;
  ino: number;
  probe: string;
  facts: T;
}

/** `name` as the OS would run it: a path taken as is (made absolute), a bare name searched on PATH. */
async function locate(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (name.includes('/')) return path.resolve(name);
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await access(candidate, constants.X_OK).then(() => true, () => false)) return path.resolve(candidate);
  }
  return undefined;
}

const NATIVE_MAGIC = ['7f454c46', 'cffaedfe', 'cefaedfe', 'feedfacf', 'feedface', 'cafebabe'];

async function isNativeExecutable(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && NATIVE_MAGIC.includes(buffer.toString('hex'));
  } finally {
    await handle.close();
  }
}

/**
 * The facts `probe` reports for `interpreter`, from `cacheDir` when a record for the same file and the same
 * probe script is there; otherwise probes and records them. Anything odd (unreadable file, damaged record,
 * read-only cache) falls back to probing: the cache only ever saves time.
 */
export async function cachedProbe<T>(interpreter: string, probeScript: string, cacheDir: string, probe: () => Promise<T>, env = process.env): Promise<T> {
  let key: Omit<ProbeRecord<T>, 'facts'>;
  try {
    const file = await locate(interpreter, env);
    if (!file || !(await isNativeExecutable(file))) return probe();
    const st = await stat(file);
    key = { path: file, realpath: await realpath(file), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, probe: createHash('sha256').update(probeScript).digest('hex') };
  } catch {
    return probe();
  }
  const recordFile = path.join(cacheDir, 'interpreters', `${createHash('sha256').update(key.path).digest('hex')}.json`);
  try {
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as ProbeRecord<T>;
    if (Object.entries(key).every(([k, v]) => record[k as keyof typeof key] === v)) return record.facts;
  } catch {
    // no record yet, or a damaged one: probe
  }
  const facts = await probe();
  await writeFileAtomic(recordFile, JSON.stringify({ ...key, facts })).catch(() => {});
  return facts;
}
