/**
 * pip's hash-checking mode (any `--hash` in a requirements file, or `--require-hashes`): every distribution
 * installed, dependencies included, must be pinned and carry a hash the user wrote down, and the file chosen
 * must have one of those hashes. The resolver prefers matching files (provider.ts); this checks its answer.
 */
import { JobError, UsageError } from '../errors.js';
import { hashLocalFile } from '../index/find-links.js';
import { redactUrl } from '../index/redact.js';
import type { IndexFile } from '../index/types.js';
import type { Resolution } from '../resolve/resolver.js';

export interface HashMode {
  /** Why the mode is on, e.g. `because of the --hash at requirements.txt:3`. */
  reason: string;
  /** Canonical name → accepted sha256 digests (lower-case hex). */
  allowed: Map<string, Set<string>>;
  /** Canonical name → where its hashes were written (`file:line`), for mismatch messages. */
  origin: Map<string, string>;
}

function mismatchLine(mode: HashMode, name: string, version: string, file: IndexFile, got: string): string {
  const expected = [...mode.allowed.get(name)!].join(' or ');
  return `    ${mode.origin.get(name) ?? name}: ${name}==${version} (${file.filename} from ${redactUrl(file.url)})\n        expected sha256 ${expected}\n        got      sha256 ${got}`;
}

function mismatchError(lines: string[]): JobError {
  return new JobError(
    `hash mismatch: these files do not have the hashes your requirements give:\n${lines.join('\n')}\n` +
      'If you changed the versions, update the hashes (pip hash FILE prints one); otherwise the file may have been tampered with.',
  );
}

/**
 * After resolution: names every distribution that is not hashed (with the line to add) and every chosen file
 * whose index-given sha256 is not among the accepted ones. Files the index gave no sha256 for are checked
 * after download (`checkDownloadedHashes`).
 */
export function checkRequiredHashes(mode: HashMode, resolution: Resolution): void {
  const missing = new Map<string, string>();
  const mismatched = new Map<string, string>();
  for (const t of resolution.targets) {
    for (const d of t.distributions) {
      const allowed = mode.allowed.get(d.name);
      const sha256 = d.file.hashes.sha256?.toLowerCase();
      if (!allowed) {
        const hash = sha256 ? ` --hash=sha256:${sha256}` : ' --hash=sha256:…';
        const why = d.requiredBy.length ? `needed by ${d.requiredBy.join(', ')}` : 'requested';
        missing.set(d.name, `    ${d.url ? `${d.name} @ ${redactUrl(d.url)}` : `${d.name}==${d.version}`}${hash}    # ${why}`);
      } else if (sha256 && !allowed.has(sha256)) {
        mismatched.set(`${d.name} ${d.file.url}`, mismatchLine(mode, d.name, d.version, d.file, sha256));
      }
    }
  }
  if (mismatched.size) throw mismatchError([...mismatched.values()]);
  if (missing.size) {
    throw new UsageError(
      `hash-checking mode is on (${mode.reason}), so every distribution installed, dependencies included, must be pinned with == and hashed; these are not:\n` +
        `${[...missing.values()].join('\n')}\n` +
        'Add these lines to your requirements file (the hashes are what the index publishes now: check them against a source you trust), or remove every --hash.',
    );
  }
}

/** After download: files whose sha256 the index did not give are hashed here and checked. */
export async function checkDownloadedHashes(mode: HashMode, downloaded: { name: string; version: string; file: IndexFile; path: string }[]): Promise<void> {
  const lines: string[] = [];
  for (const d of downloaded) {
    const allowed = mode.allowed.get(d.name);
    if (!allowed || d.file.hashes.sha256) continue;
    const { sha256 } = await hashLocalFile(d.path);
    if (!allowed.has(sha256)) lines.push(mismatchLine(mode, d.name, d.version, d.file, sha256));
  }
  if (lines.length) throw mismatchError(lines);
}
