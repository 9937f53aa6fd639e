// Shared fixtures for the deploy tests: client keys, a known_hosts file, fake PEX files.
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeZip } from '../../src/pex/zip.js';
import { keygen } from './sshd.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `pexship-${prefix}-`));
}

export interface ClientKeys {
  dir: string;
  key: string;
  encryptedKey: string;
  passphrase: string;
  authorizedKeys: string;
}

export function makeClientKeys(dir: string): ClientKeys {
  const key = path.join(dir, 'id_ed25519');
  const encryptedKey = path.join(dir, 'id_ed25519_enc');
  const passphrase = "s3cret pass'phrase";
  const a = keygen(key);
  const b = keygen(encryptedKey, 'ed25519', passphrase);
  const authorizedKeys = path.join(dir, 'authorized_keys');
  writeFileSync(authorizedKeys, `${a.pub}\n${b.pub}\n`);
  return { dir, key, encryptedKey, passphrase, authorizedKeys };
}

/**
 * A stand-in PEX: a shell script (honouring PEX_INTERPRETER=1, the pre-warm, by leaving a marker, or failing
 * it on purpose) followed by a real zip with a PEX-INFO, as a PEX is a shebang line followed by a zip. A
 * stored member pads it to about `size` bytes so uploads take real work.
 */
export function fakePex(file: string, version: string, opts: { size?: number; failPrewarm?: boolean; prewarmSeconds?: number } = {}): string {
  const head = [
    '#!/bin/sh',
    `# fake pex ${version}`,
    'if [ "${PEX_INTERPRETER:-}" = 1 ]; then',
    ...(opts.prewarmSeconds ? [`  sleep ${opts.prewarmSeconds}`] : []),
    opts.failPrewarm ? '  echo "prewarm broken on purpose" >&2; exit 3' : '  : > "$(dirname "$0")/.warmed"; exit 0',
    'fi',
    `echo "app ${version}"`,
    'exit 0',
    '',
  ].join('\n');
  const pad = Math.max(0, (opts.size ?? 0) - head.length - 300);
  const members = [
    { name: 'PEX-INFO', mode: 0o100644, content: Buffer.from(JSON.stringify({ pex_hash: createHash('sha1').update(version).digest('hex'), entry_point: 'app' })) },
    { name: '__main__.py', mode: 0o100644, content: Buffer.from(`print("app ${version}")\n`) },
    { name: 'padding.bin', mode: 0o100644, content: randomBytes(pad) },
  ];
  writeFileSync(file, Buffer.concat(writeZip(Buffer.from(head), members, false)));
  chmodSync(file, 0o755);
  return file;
}

export const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Asserts the deploy layout's main invariant and returns the current release id. */
export function currentRelease(base: string): { id: string; json: Record<string, unknown>; pexSha: string } | undefined {
  const link = path.join(base, 'current');
  try {
    lstatSync(link);
  } catch {
    return undefined;
  }
  if (!existsSync(link)) throw new Error(`${link} is a dangling symlink (-> ${readlinkSync(link)})`);
  const target = readlinkSync(link);
  const id = target.replace(/^releases\//, '');
  const json = JSON.parse(readFileSync(path.join(base, 'releases', id, 'release.json'), 'utf8')) as Record<string, unknown>;
  const pexSha = sha256Of(path.join(base, 'releases', id, String(json.file)));
  return { id, json, pexSha };
}

/** What a host's deploy directory holds, for checking every host's final state. */
export interface HostState {
  current: string | null;
  releases: string[];
  lock: string | null;
  history: Array<Record<string, string>>;
}

/** Reads a deploy directory through `run` (a shell on the host's side, e.g. inside its mount namespace). */
export function readHostState(run: (script: string) => string, base: string): HostState {
  const q = `'${base.replace(/'/g, `'\\''`)}'`;
  const out = run(`cd ${q} 2>/dev/null || exit 0
echo "current $(readlink current 2>/dev/null)"
if [ -L .pexship/lock ]; then echo "lock $(readlink .pexship/lock)"; elif [ -e .pexship/lock ]; then echo "lock (not a symlink)"; fi
for d in releases/*/; do [ -d "$d" ] && echo "release $(basename "$d")"; done
[ -f .pexship/history.jsonl ] && sed 's/^/history /' .pexship/history.jsonl
exit 0`);
  const state: HostState = { current: null, releases: [], lock: null, history: [] };
  for (const line of out.split('\n')) {
    const sp = line.indexOf(' ');
    const [word, rest] = sp < 0 ? [line, ''] : [line.slice(0, sp), line.slice(sp + 1)];
    if (word === 'current') state.current = rest.replace(/^releases\//, '') || null;
    else if (word === 'lock') state.lock = rest;
    else if (word === 'release') state.releases.push(rest);
    else if (word === 'history') state.history.push(JSON.parse(rest) as Record<string, string>);
  }
  return state;
}
