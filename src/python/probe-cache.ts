// Interpreter facts remembered across runs, so `--platform current` costs no Python start-up (~50 ms) when the
// interpreter has not changed. The key is the interpreter's absolute path; a record holds only while the file
// it resolves to keeps its real path, size, mtime and inode. Only native executables are remembered: a script
// such as a pyenv shim picks its interpreter at run time, so its own file says nothing about what runs.
// The few file system calls are synchronous: queued in the thread pool behind the index cache's reads, they
// would hold up the resolution that waits for the target.
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
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
function locate(name: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name.includes('/')) return path.resolve(name);
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return path.resolve(candidate);
    } catch {
      // not here
    }
  }
  return undefined;
}

const NATIVE_MAGIC = ['7f454c46', 'cffaedfe', 'cefaedfe', 'feedfacf', 'feedface', 'cafebabe'];

function isNativeExecutable(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && NATIVE_MAGIC.includes(magic.toString('hex'));
  } finally {
    closeSync(fd);
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
    const file = locate(interpreter, env);
    if (!file || !isNativeExecutable(file)) return probe();
    const st = statSync(file);
    key = { path: file, realpath: realpathSync(file), size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, probe: createHash('sha256').update(probeScript).digest('hex') };
  } catch {
    return probe();
  }
  const recordFile = path.join(cacheDir, 'interpreters', `${createHash('sha256').update(key.path).digest('hex')}.json`);
  try {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as ProbeRecord<T>;
    if (Object.entries(key).every(([k, v]) => record[k as keyof typeof key] === v)) return record.facts;
  } catch {
    // no record yet, or a damaged one: probe
  }
  const facts = await probe();
  await writeFileAtomic(recordFile, JSON.stringify({ ...key, facts })).catch(() => {});
  return facts;
}
