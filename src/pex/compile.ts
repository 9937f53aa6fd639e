/**
 * `--compile`: byte-code for every `.py` file of the PEX, made by a local CPython of each target's version
 * (byte-code depends on the X.Y version only, not on the platform, so a Linux python3.12 compiles for a
 * macOS cp312 target). The files are PEP 552 unchecked-hash pycs: no source timestamp inside, and the
 * importer uses them without re-reading the source, so two builds of the same inputs stay byte-identical.
 * Results are cached by interpreter, path and source hash.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JobError } from '../errors.js';

export interface SourceFile {
  /** Path inside its tree, `/`-separated, ending in `.py`. */
  name: string;
  content: Buffer;
}

// Reads [{name, source}] (base64) on stdin, writes {tag, pycs: [base64 | null]} (same order) on stdout.
// A file that does not compile (a Python 2 leftover in a wheel, say) gets no pyc, as compileall skips it.
const COMPILER = `
import base64, importlib.util, json, sys
from importlib._bootstrap_external import _code_to_hash_pyc
items = json.load(sys.stdin)
out = []
for item in items:
    source = base64.b64decode(item['source'])
    try:
        code = compile(source, item['name'], 'exec', dont_inherit=True)
    except (SyntaxError, ValueError):
        out.append(None)
        continue
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), False)
    out.append(base64.b64encode(bytes(pyc)).decode('ascii'))
json.dump({'tag': sys.implementation.cache_tag, 'pycs': out}, sys.stdout)
`;

function runCompiler(python: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(python, ['-E', '-s', '-c', COMPILER], { maxBuffer: 1024 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
      if (err) reject(new JobError(`--compile: ${python} failed to compile the PEX's sources: ${String(stderr).trim().split('\n').pop() || err.message}`));
      else resolve(String(stdout));
    });
    child.stdin?.end(input);
  });
}

/** `pkg/mod.py` → `pkg/__pycache__/mod.<tag>.pyc`, where the importer looks for it. */
export function pycName(source: string, tag: string): string {
  const slash = source.lastIndexOf('/');
  const dir = source.slice(0, slash + 1);
  return `${dir}__pycache__/${source.slice(slash + 1, -3)}.${tag}.pyc`;
}

function cacheKey(tag: string, file: SourceFile): string {
  return createHash('sha256').update(tag).update('\0').update(file.name).update('\0').update(file.content).digest('hex');
}

/**
 * Compiles `files` with `python` (a CPython 3.7+). Returns the interpreter's cache tag (`cpython-312`) and,
 * in the order of `files`, each pyc or null for a file that does not compile. `cacheDir` keeps each result
 * by cache tag, file name and content, so unchanged files are not compiled again.
 */
export async function compileFiles(python: string, files: SourceFile[], cacheDir?: string): Promise<{ tag: string; pycs: (Buffer | null)[] }> {
  const tag = JSON.parse(await runCompiler(python, '[]')).tag as string;
  const dir = cacheDir ? path.join(cacheDir, 'pyc', tag) : undefined;
  const pycs: (Buffer | null)[] = [];
  const missing: number[] = [];
  for (let i = 0; i < files.length; i++) {
    const cached = dir ? await readFile(path.join(dir, cacheKey(tag, files[i]))).catch(() => undefined) : undefined;
    pycs.push(cached === undefined ? null : cached.length ? cached : null);
    if (cached === undefined) missing.push(i);
  }
  if (missing.length) {
    const input = JSON.stringify(missing.map((i) => ({ name: files[i].name, source: files[i].content.toString('base64') })));
    const result = JSON.parse(await runCompiler(python, input)) as { pycs: (string | null)[] };
    if (dir) await mkdir(dir, { recursive: true });
    for (let k = 0; k < missing.length; k++) {
      const content = result.pycs[k] ? Buffer.from(result.pycs[k]!, 'base64') : Buffer.alloc(0);
      pycs[missing[k]] = content.length ? content : null;
      if (dir) {
        // An empty file remembers "does not compile"; written by rename so readers never see half a file.
        const file = path.join(dir, cacheKey(tag, files[missing[k]]));
        const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
        await writeFile(temp, content).then(() => rename(temp, file)).catch(() => {});
      }
    }
  }
  return { tag, pycs };
}

/** Whether a member of an installed wheel is importable Python the importer would look for a pyc of. */
export function isCompilable(name: string): boolean {
  if (!name.endsWith('.py')) return false;
  const top = name.split('/')[0];
  return !top.endsWith('.data') && !top.endsWith('.dist-info');
}
