/**
 * The files of a local project as a build sees them: every file under the project folder except version-control
 * folders, caches, virtualenvs, build output and stale `*.egg-info` (which must never leak into a wheel), plus a
 * small `.gitignore` matcher (the subset of gitignore syntax the native builder models; anything else sends the
 * build to PEP 517) and the content hash that keys the cache of built projects.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Folders no build reads: VCS, caches, environments, earlier build output. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', '__pycache__', '.venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.pixi', '.hatch']);
/** Skipped only at the top: a package may well have a subpackage named `build`. */
const SKIPPED_TOP_DIRS = new Set(['venv', 'node_modules', 'build', 'dist']);

export interface ProjectFiles {
  /** Relative paths with `/` separators, sorted. */
  files: string[];
  /** Relative paths of every folder walked (for namespace-package discovery), sorted. */
  dirs: string[];
}

/** Walks the project (files sorted, `/` separators). */
export async function listProjectFiles(root: string): Promise<ProjectFiles> {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(rel ? path.join(root, rel) : root, { withFileTypes: true });
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      // A link is read as what it points at; a linked folder is not walked (a link loop must not hang a build).
      if (e.isSymbolicLink() && !(await stat(path.join(root, name)).then((st) => st.isFile(), () => false))) continue;
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || (!rel && SKIPPED_TOP_DIRS.has(e.name)) || e.name.endsWith('.egg-info')) continue;
        dirs.push(name);
        await walk(name);
      } else if ((e.isFile() || e.isSymbolicLink()) && !/\.py[cod]$/.test(e.name) && e.name !== '.DS_Store') {
        files.push(name);
      }
    }
  };
  await walk('');
  return { files: files.sort(), dirs: dirs.sort() };
}

/**
 * sha256 over every file's path and bytes, the build configuration's inputs, and the checked-out commit (a
 * version computed from git, as setuptools-scm does, changes with it).
 */
export async function projectContentHash(root: string, files: string[], extra: string): Promise<string> {
  const h = createHash('sha256');
  h.update(`${extra}\0`);
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(await readFile(path.join(root, f)));
    h.update('\0');
  }
  const head = path.join(root, '.git', 'HEAD');
  if (existsSync(head)) {
    const text = (await readFile(head, 'utf8')).trim();
    h.update(text);
    const ref = /^ref: (.+)$/.exec(text)?.[1];
    if (ref && existsSync(path.join(root, '.git', ref))) h.update(await readFile(path.join(root, '.git', ref)));
  }
  return h.digest('hex');
}

/** A `.gitignore` we can model: plain globs (`*`, `?`, `**`), anchored with `/`, folders with a trailing `/`. */
export interface IgnoreRules {
  ignores(file: string): boolean;
}

function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return out;
}

/**
 * Parses gitignore text into rules, or returns a reason when it uses syntax we do not model (negation,
 * character classes, escapes): the caller then builds through the backend itself.
 */
export function parseGitignore(text: string): IgnoreRules | string {
  const patterns: RegExp[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    if (/^!|[[\]\\]/.test(line)) return `.gitignore line ${JSON.stringify(line)} uses syntax the native builder does not model`;
    let p = line;
    const dirOnly = p.endsWith('/');
    if (dirOnly) p = p.slice(0, -1);
    const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
    if (p.startsWith('/')) p = p.slice(1);
    const body = globToRegExp(p);
    // A pattern matches a path or any of its parent folders; a folder-only pattern only the parents.
    const prefix = anchored ? '^' : '^(?:.*/)?';
    patterns.push(new RegExp(`${prefix}${body}${dirOnly ? '/' : '(?:/|$)'}`));
  }
  return { ignores: (file) => patterns.some((re) => re.test(file)) };
}

/** The project's root `.gitignore` as rules; `undefined` when there is none. Nested ones are not modelled. */
export async function readIgnoreRules(root: string, files: string[]): Promise<IgnoreRules | string | undefined> {
  if (files.some((f) => f.includes('/') && f.endsWith('/.gitignore'))) return 'a nested .gitignore is not modelled by the native builder';
  if (!files.includes('.gitignore')) return undefined;
  return parseGitignore(await readFile(path.join(root, '.gitignore'), 'utf8'));
}
