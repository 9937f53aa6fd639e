// Client credentials: a key file, the key's text from the environment, or the SSH agent. Secrets never reach
// a message: errors name where the key came from, never its text or passphrase.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { UsageError } from '../errors.js';
import { parseCertificate } from './host-certificates.js';

export interface Credentials {
  privateKey?: Buffer;
  passphrase?: string;
  /** SSH agent socket path. */
  agent?: string;
  /** Where the key came from, for messages ("--identity ~/.ssh/deploy", "PEXSHIP_SSH_KEY"). */
  source: string;
  /** A user certificate for `privateKey` (CertificateFile, or the `-cert.pub` next to the key file). */
  certificate?: { blob: Buffer; type: string; file: string };
}

export interface CredentialInput {
  identityFile?: string;
  /** Key text, e.g. from PEXSHIP_SSH_KEY or the action's private-key input. */
  keyText?: string;
  passphrase?: string;
  agentSocket?: string;
  /** ssh_config IdentityFile paths (expanded) for this host, tried after --identity and the key text. */
  configIdentityFiles?: string[];
  /** ssh_config CertificateFile paths (expanded), looked at before the `-cert.pub` next to the key file. */
  certificateFiles?: string[];
  /** A certificate's text (PEXSHIP_SSH_CERTIFICATE, the action's ssh-certificate input), for the key above. */
  certificateText?: string;
}

const CERTIFICATE_VARIABLE = 'PEXSHIP_SSH_CERTIFICATE';

/** The certificate in `text` (a KEY-cert.pub line) and the key it certifies; throws naming `label` when it is none. */
function readCertificate(text: string, label: string): { certificate: NonNullable<Credentials['certificate']>; certifies: Buffer } {
  const [type, base64] = text.trim().split(/\s+/);
  const blob = Buffer.from(base64 ?? '', 'base64');
  try {
    return { certificate: { blob, type, file: label }, certifies: parseCertificate(blob).publicKey };
  } catch (err) {
    throw new UsageError(`certificate ${label}: not an OpenSSH certificate (${(err as Error).message}); make one with ssh-keygen -s.`);
  }
}

/** The public-key blob of a private key, or undefined when it cannot be read. */
function publicKeyOf(privateKey: Buffer, passphrase: string | undefined): Buffer | undefined {
  const parsed = ssh2.utils.parseKey(privateKey, passphrase);
  return parsed instanceof Error ? undefined : parsed.getPublicSSH();
}

/**
 * The user certificate to log in with, as ssh picks one: the first of `candidates` that exists and certifies
 * this key (a certificate for another key is skipped). A file that is not a certificate fails, naming it.
 */
function findCertificate(privateKey: Buffer, passphrase: string | undefined, candidates: string[]): Credentials['certificate'] {
  const publicKey = publicKeyOf(privateKey, passphrase);
  if (!publicKey) return undefined;
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const { certificate, certifies } = readCertificate(readFileSync(file, 'utf8'), file);
    if (certifies.equals(publicKey)) return certificate;
  }
  return undefined;
}

/**
 * The credentials with the certificate for the key file `keyFile` (or the configured ones), if any. A certificate
 * given as text (PEXSHIP_SSH_CERTIFICATE) wins, and must certify the key.
 */
function withCertificate(c: Credentials, keyFile: string | undefined, input: CredentialInput): Credentials {
  if (!c.privateKey) return c;
  let certificate: Credentials['certificate'];
  if (input.certificateText?.trim()) {
    const given = readCertificate(input.certificateText, CERTIFICATE_VARIABLE);
    if (!given.certifies.equals(publicKeyOf(c.privateKey, c.passphrase) ?? Buffer.alloc(0))) {
      throw new UsageError(`${CERTIFICATE_VARIABLE}: the certificate is for another key than ${c.source}; give the KEY-cert.pub of that key.`);
    }
    certificate = given.certificate;
  } else {
    const candidates = [...(input.certificateFiles ?? []), ...(keyFile ? [`${keyFile}-cert.pub`] : [])];
    certificate = findCertificate(c.privateKey, c.passphrase, candidates);
  }
  return certificate ? { ...c, certificate, source: `${c.source} with certificate ${certificate.file}` } : c;
}

/**
 * Key text as it arrives from CI secrets: CRLF line ends, a missing final newline, or literal `\n` sequences
 * where newlines were flattened. Returns text ssh2 can parse.
 */
export function normalizeKeyText(text: string): string {
  let t = text.trim();
  if (!t.includes('\n') && t.includes('\\n')) t = t.replace(/\\r\\n|\\n/g, '\n');
  t = t.replace(/\r\n?/g, '\n').trim();
  return t + '\n';
}

function checkKey(key: Buffer, passphrase: string | undefined, source: string): void {
  const parsed = ssh2.utils.parseKey(key, passphrase);
  if (parsed instanceof Error) {
    const msg = parsed.message;
    if (/passphrase|decrypt|bad decrypt|Encrypted/i.test(msg)) {
      throw new UsageError(
        passphrase
          ? `${source}: the passphrase does not decrypt this key; check PEXSHIP_SSH_PASSPHRASE.`
          : `${source}: the key is encrypted; give its passphrase in PEXSHIP_SSH_PASSPHRASE.`,
      );
    }
    throw new UsageError(`${source}: not a private key ssh2 can read (${msg}); use an OpenSSH or PEM private key.`);
  }
}

/** Normalized key text that ssh2 can read with this passphrase; throws a UsageError naming `source`. */
function usableKey(text: string, passphrase: string | undefined, source: string): Buffer {
  const privateKey = Buffer.from(normalizeKeyText(text));
  checkKey(privateKey, passphrase, source);
  return privateKey;
}

export function loadCredentials(input: CredentialInput): Credentials {
  const passphrase = input.passphrase || undefined;
  const agent = input.agentSocket || undefined;
  if (input.identityFile) {
    const file = input.identityFile.replace(/^~(?=$|\/)/, homedir());
    let key: Buffer;
    try {
      key = readFileSync(file);
    } catch (err) {
      throw new UsageError(`--identity ${input.identityFile}: cannot read the key file (${(err as NodeJS.ErrnoException).code ?? err}).`);
    }
    const source = `--identity ${input.identityFile}`;
    return withCertificate({ privateKey: usableKey(key.toString('utf8'), passphrase, source), passphrase, agent, source }, file, input);
  }
  if (input.keyText && input.keyText.trim()) {
    const c = { privateKey: usableKey(input.keyText, passphrase, 'PEXSHIP_SSH_KEY'), passphrase, agent, source: 'PEXSHIP_SSH_KEY' };
    return withCertificate(c, undefined, input);
  }
  if (input.configIdentityFiles?.length) {
    // Like ssh: missing IdentityFiles are skipped; the first one present must be usable.
    const file = input.configIdentityFiles.find((f) => existsSync(f));
    if (file) {
      const source = `IdentityFile ${file}`;
      const privateKey = usableKey(readFileSync(file, 'utf8'), passphrase, source);
      return withCertificate({ privateKey, passphrase, agent, source: agent ? `${source} or the SSH agent` : source }, file, input);
    }
    if (!agent) throw new UsageError(`ssh config: none of this host's IdentityFile exists (${input.configIdentityFiles.join(', ')}), and no SSH agent is running.`);
  }
  if (input.certificateText?.trim()) {
    throw new UsageError(`${CERTIFICATE_VARIABLE} needs the private key it certifies: pass --identity FILE or put the key text in PEXSHIP_SSH_KEY.`);
  }
  if (agent) return { agent, source: `the SSH agent (${agent})` };
  // Like ssh: fall back to the usual unencrypted default keys.
  for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
    const file = path.join(homedir(), '.ssh', name);
    if (!existsSync(file)) continue;
    const key = readFileSync(file);
    if (!(ssh2.utils.parseKey(key, passphrase) instanceof Error)) return { privateKey: key, passphrase, source: file };
  }
  throw new UsageError(
    'no SSH credentials: pass --identity FILE, put the key text in PEXSHIP_SSH_KEY, or start an SSH agent (SSH_AUTH_SOCK).',
  );
}
