// Host-key pinning: OpenSSH known_hosts (plain, hashed `|1|`, `[host]:port`, wildcards, @revoked) and
// `SHA256:…` fingerprints. A host is trusted only when its key matches a pin; nothing is ever accepted blindly.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkHostCertificate, isCertificateType, parseCertificate, type HostCertificate } from './host-certificates.js';
import { patternListMatch } from './ssh-config.js';
import { knownHostsName } from './target.js';

export interface KnownHostEntry {
  marker?: '@revoked' | '@cert-authority';
  /** Comma-separated patterns, or one `|1|salt|hash` hashed name. */
  hosts: string;
  keyType: string;
  key: Buffer;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') marker = fields.shift() as KnownHostEntry['marker'];
    if (fields.length < 3) continue;
    const [hosts, keyType, keyBase64] = fields;
    const key = Buffer.from(keyBase64, 'base64');
    if (key.length === 0) continue;
    entries.push({ marker, hosts, keyType, key });
  }
  return entries;
}

/** Reads a known_hosts file; a missing file is no entries (the host then fails as unknown, naming its key). */
export function readKnownHosts(file: string): KnownHostEntry[] {
  try {
    return parseKnownHosts(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Whether an entry's host field names this host (OpenSSH's rules: hashed names, patterns, `!` negation). */
export function entryMatchesHost(hosts: string, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  if (hosts.startsWith('|1|')) {
    const [, , salt, hash] = hosts.split('|');
    if (!salt || !hash) return false;
    return hashHostName(name, Buffer.from(salt, 'base64')).endsWith(`|${hash}`);
  }
  return patternListMatch([hosts], name);
}

/** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
export function fingerprintOf(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
}

/** The key type named inside an SSH public-key blob (its first string). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const len = key.readUInt32BE(0);
  return key.subarray(4, 4 + len).toString('latin1');
}

/** Host-key algorithms to offer for pinned key types (RSA keys sign with rsa-sha2-* too). */
export function hostKeyAlgorithmsFor(keyTypes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const type of keyTypes) {
    const algs = type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type];
    for (const a of algs) if (!out.includes(a)) out.push(a);
  }
  return out;
}

/** Normalizes `SHA256:abc=`/`abc` to `SHA256:abc` (no padding). */
export function normalizeFingerprint(fp: string): string | undefined {
  const m = /^(?:SHA256:)?([A-Za-z0-9+/]{43})=?$/.exec(fp.trim());
  return m ? `SHA256:${m[1]}` : undefined;
}

export interface HostKeyPolicy {
  knownHosts: KnownHostEntry[];
  /** The user known_hosts file: named in hints, and where accept-new records a new key. */
  knownHostsFile: string;
  /** Every place keys came from, for messages; default knownHostsFile. */
  sources?: string;
  fingerprints: string[];
  /** StrictHostKeyChecking accept-new: a host with no entry at all is trusted and recorded in knownHostsFile. */
  acceptNew?: boolean;
  /** HashKnownHosts: record the host's name hashed (`|1|salt|hash`), as ssh does, not in plain text. */
  hashNames?: boolean;
}

/** OpenSSH's hashed known_hosts name: `|1|` base64(20 random bytes of salt) `|` base64(HMAC-SHA1(salt, name)). */
export function hashHostName(name: string, salt: Buffer = randomBytes(20)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

export interface HostKeyCheck {
  /** Host-key algorithms to offer, or undefined to offer ssh2's defaults (pins by fingerprint only). */
  algorithms?: string[];
  /** A @cert-authority line names this host: offer host-certificate algorithms first. */
  certificates: boolean;
  /**
   * `record`: a known_hosts line to append once the server has proven it holds the key (accept-new).
   * `certifiedKey`: the key was a valid host certificate; this is the key it certifies.
   */
  verify(key: Buffer): { ok: true; record?: string; certifiedKey?: Buffer } | { ok: false; reason: string };
}

/** What to trust for one host: its known_hosts keys and certificate authorities, plus any fingerprint pins. */
export function hostKeyCheck(policy: HostKeyPolicy, host: string, port: number): HostKeyCheck {
  const forHost = policy.knownHosts.filter((e) => entryMatchesHost(e.hosts, host, port));
  const authorities = forHost.filter((e) => e.marker === '@cert-authority');
  const trusted = forHost.filter((e) => !e.marker);
  const revoked = forHost.filter((e) => e.marker === '@revoked');
  const pins = new Set(policy.fingerprints);
  const algorithms = pins.size === 0 && trusted.length > 0 ? hostKeyAlgorithmsFor(trusted.map((e) => e.keyType)) : undefined;
  const sources = policy.sources ?? policy.knownHostsFile;
  const name = knownHostsName(host, port);

  const verifyPlain = (key: Buffer, allowNew: boolean): ReturnType<HostKeyCheck['verify']> => {
    const fp = fingerprintOf(key);
    const seen = `${keyTypeOf(key)} ${fp}`;
    if (revoked.some((e) => e.key.equals(key))) return { ok: false, reason: `its host key ${seen} is marked @revoked in ${sources}` };
    if (pins.has(fp) || trusted.some((e) => e.key.equals(key))) return { ok: true };
    if (trusted.length > 0) {
      return {
        ok: false,
        reason:
          `HOST KEY MISMATCH: it offered ${seen}, but ${sources} pins a different key for ${name}. ` +
          `If the host was reinstalled, check the new key out of band and update the entry (ssh-keygen -R '${name}').`,
      };
    }
    if (allowNew && policy.acceptNew) {
      return { ok: true, record: `${policy.hashNames ? hashHostName(name) : name} ${keyTypeOf(key)} ${key.toString('base64')}` };
    }
    return {
      ok: false,
      reason:
        `unknown host key ${seen}: no entry for ${name} in ${sources}` +
        (pins.size ? ' and no matching --host-fingerprint' : '') +
        `. Check the fingerprint out of band, then pass --host-fingerprint ${fp} or add the key to known_hosts ` +
        `(ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host} >> ${policy.knownHostsFile}).`,
    };
  };

  return {
    algorithms,
    certificates: authorities.length > 0,
    verify(key) {
      if (!isCertificateType(keyTypeOf(key))) return verifyPlain(key, true);
      let cert: HostCertificate;
      try {
        cert = parseCertificate(key);
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
      const verdict = checkHostCertificate(cert, host, authorities.map((e) => e.key), revoked.map((e) => e.key));
      if (verdict.ok) return { ok: true, certifiedKey: cert.publicKey };
      // As ssh does: a certificate that does not pass falls back to its plain key, which a pin may trust.
      const plain = verifyPlain(cert.publicKey, false);
      if (plain.ok) return { ok: true, certifiedKey: cert.publicKey };
      return { ok: false, reason: `${verdict.reason}; and its key is not pinned either (${plain.reason})` };
    },
  };
}

const recorded = new Set<string>();

/** StrictHostKeyChecking accept-new: appends a proven host's key to the user known_hosts file, once per run. */
export function recordHostKey(file: string, line: string): void {
  if (recorded.has(`${file}\n${line}`)) return;
  recorded.add(`${file}\n${line}`);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* a new file */
  }
  appendFileSync(file, `${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`, { mode: 0o600 });
}
