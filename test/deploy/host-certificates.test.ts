// `@cert-authority` host certificates, made with `ssh-keygen -s` and presented by real sshd servers: the
// verifier on its own (signature per CA type, type, validity, principals, revocation) and end to end. What
// ssh-keygen will not make (critical options on a host certificate, a certificate as the CA key, odd
// types) is written here byte by byte after PROTOCOL.certkeys and signed through node:crypto.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign as signData, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReleases } from '../../src/deploy/index.js';
import { checkHostCertificate, parseCertificate } from '../../src/deploy/host-certificates.js';
import { makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';
import { keygen, startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
const servers: TestSshd[] = [];
const ca = (name: string) => path.join(work, `ca_${name}`);
const blobOf = (pubFile: string) => Buffer.from(readFileSync(pubFile, 'utf8').trim().split(/\s+/)[1], 'base64');

/** `ssh-keygen -s CA` on a public key file; returns the certificate file. */
function sign(caName: string, pubFile: string, args: string[]): string {
  execFileSync('ssh-keygen', ['-q', '-s', ca(caName), '-I', `test-${caName}`, ...args, pubFile], { stdio: 'ignore' });
  return pubFile.replace(/\.pub$/, '-cert.pub');
}

beforeAll(() => {
  work = tempDir('hostcert');
  keys = makeClientKeys(work);
  keygen(ca('ed25519'), 'ed25519');
  keygen(ca('rsa'), 'rsa');
  keygen(ca('ecdsa'), 'ecdsa');
  keygen(ca('other'), 'ed25519');
});
afterAll(() => {
  for (const s of servers) s.stop();
});

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};
const str = (v: Buffer | string) => Buffer.concat([u32(Buffer.byteLength(v)), Buffer.from(v)]);
const wireType = (blob: Buffer) => blob.subarray(4, 4 + blob.readUInt32BE(0)).toString();

/** An ed25519 CA made by node:crypto: its private key and its SSH public-key blob. */
function nodeCa(): { key: KeyObject; blob: Buffer; line: (pattern: string) => string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const blob = Buffer.concat([str('ssh-ed25519'), str(raw)]);
  return { key: privateKey, blob, line: (pattern) => `@cert-authority ${pattern} ssh-ed25519 ${blob.toString('base64')}` };
}

interface CertFields {
  certType?: number;
  principals?: string[];
  validAfter?: bigint;
  validBefore?: bigint;
  criticalOptions?: Array<[string, string]>;
  /** The key named as the signer (default the CA's own blob). */
  signatureKey?: Buffer;
  /** The signature's algorithm name (default ssh-ed25519). */
  signatureAlg?: string;
  /** Override the certificate type name (default <host key type>-cert-v01@openssh.com). */
  type?: string;
  trailing?: Buffer;
}

/** An OpenSSH certificate (PROTOCOL.certkeys) for the host key `hostKeyBlob`, signed by `ca`. */
function buildCertificate(hostKeyBlob: Buffer, ca: { key: KeyObject; blob: Buffer }, f: CertFields = {}): Buffer {
  const type = f.type ?? `${wireType(hostKeyBlob)}-cert-v01@openssh.com`;
  const keyFields = hostKeyBlob.subarray(4 + hostKeyBlob.readUInt32BE(0));
  const options = (list: Array<[string, string]>) => Buffer.concat(list.map(([name, data]) => Buffer.concat([str(name), str(str(data))])));
  const signed = Buffer.concat([
    str(type),
    str(Buffer.alloc(32, 7)), // nonce
    keyFields,
    u64(42n), // serial
    u32(f.certType ?? 2),
    str('hand-made'),
    str(Buffer.concat((f.principals ?? ['127.0.0.1']).map((p) => str(p)))),
    u64(f.validAfter ?? 0n),
    u64(f.validBefore ?? 0xffff_ffff_ffff_ffffn),
    str(options(f.criticalOptions ?? [])),
    str(Buffer.alloc(0)), // extensions
    str(Buffer.alloc(0)), // reserved
    str(f.signatureKey ?? ca.blob),
  ]);
  const signature = str(Buffer.concat([str(f.signatureAlg ?? 'ssh-ed25519'), str(signData(null, signed, ca.key))]));
  return Buffer.concat([signed, signature, f.trailing ?? Buffer.alloc(0)]);
}

describe('host certificate verifier (certificates from ssh-keygen -s)', () => {
  function certFor(caName: string, args: string[], keyType = 'ed25519') {
    const key = path.join(work, `hk_${caName}_${Math.random().toString(36).slice(2)}`);
    keygen(key, keyType);
    return parseCertificate(blobOf(sign(caName, `${key}.pub`, args)));
  }
  const trust = (...names: string[]) => names.map((n) => blobOf(`${ca(n)}.pub`));

  it('accepts a valid host certificate signed by an ed25519, RSA (rsa-sha2-512 and -256) or ECDSA CA', () => {
    const cases = [
      ['ed25519', [], 'ed25519'],
      ['rsa', [], 'ed25519'],
      ['rsa', ['-t', 'rsa-sha2-256'], 'ed25519'],
      ['ecdsa', [], 'ed25519'],
      ['ed25519', [], 'rsa'],
      ['ed25519', [], 'ecdsa'],
    ] as const;
    for (const [caName, extra, keyType] of cases) {
      const cert = certFor(caName, ['-h', '-n', 'web1.example.com,127.0.0.1', '-V', '-5m:+1h', ...extra], keyType);
      expect(checkHostCertificate(cert, '127.0.0.1', trust(caName), []), `${caName} ${extra} ${keyType}`).toEqual({ ok: true });
      expect(checkHostCertificate(cert, 'WEB1.example.com', trust(caName), []).ok).toBe(true);
      // The certified key is the host's plain key, which signs the key exchange.
      expect(cert.publicKey.subarray(4, 4 + cert.publicKey.readUInt32BE(0)).toString()).toBe(keyType === 'ed25519' ? 'ssh-ed25519' : keyType === 'rsa' ? 'ssh-rsa' : 'ecdsa-sha2-nistp256');
    }
  });

  it('refuses expired, not yet valid, wrong principal, wrong CA, user, SHA-1, tampered and revoked certificates', () => {
    const reason = (cert: ReturnType<typeof parseCertificate>, cas = trust('ed25519'), revoked: Buffer[] = []) => {
      const v = checkHostCertificate(cert, 'web1', cas, revoked);
      return v.ok ? 'accepted' : v.reason;
    };
    expect(reason(certFor('ed25519', ['-h', '-n', 'web1', '-V', '20200101:20200102']))).toMatch(/expired at 2020-01-02/);
    expect(reason(certFor('ed25519', ['-h', '-n', 'web1', '-V', '+1d:+2d']))).toMatch(/is not valid before/);
    expect(reason(certFor('ed25519', ['-h', '-n', 'web2,web10']))).toMatch(/is for web2, web10, not for web1/);
    expect(reason(certFor('ed25519', ['-h']))).toMatch(/names no principals/);
    expect(reason(certFor('other', ['-h', '-n', 'web1']))).toMatch(/signed by a CA that no @cert-authority line trusts/);
    expect(reason(certFor('ed25519', ['-n', 'web1']))).toMatch(/is a user certificate, not a host certificate/);
    expect(reason(certFor('rsa', ['-h', '-n', 'web1', '-t', 'ssh-rsa']), trust('rsa'))).toMatch(/ssh-rsa \(SHA-1\)/);
    const good = certFor('ed25519', ['-h', '-n', 'web1']);
    expect(reason(good)).toBe('accepted');
    expect(reason(good, trust('ed25519'), trust('ed25519'))).toMatch(/signed by a CA key marked @revoked/);
    expect(reason(good, trust('ed25519'), [good.publicKey])).toMatch(/certifies a key marked @revoked/);
    // A certificate whose signed bytes were altered fails the CA signature.
    const forged = { ...good, principals: ['web1'], signed: Buffer.from(good.signed) };
    forged.signed[forged.signed.length - 200] ^= 1;
    expect(reason(forged)).toMatch(/the CA signature does not verify/);
    expect(() => parseCertificate(good.signed)).toThrow(/malformed host certificate/);
  });
});

describe('host certificates ssh-keygen will not make (built and signed here)', () => {
  const ca = nodeCa();
  const hostKey = () => {
    const file = path.join(work, `hk_built_${Math.random().toString(36).slice(2)}`);
    keygen(file);
    return blobOf(`${file}.pub`);
  };
  const verdict = (blob: Buffer, authorities = [ca.blob]) => {
    let cert;
    try {
      cert = parseCertificate(blob);
    } catch (err) {
      return (err as Error).message;
    }
    const v = checkHostCertificate(cert, '127.0.0.1', authorities, []);
    return v.ok ? 'accepted' : v.reason;
  };

  it('the builder is right: OpenSSH reads its certificate, and the verifier accepts it', () => {
    const blob = buildCertificate(hostKey(), ca);
    expect(verdict(blob)).toBe('accepted');
    const file = path.join(work, 'built-cert.pub');
    writeFileSync(file, `ssh-ed25519-cert-v01@openssh.com ${blob.toString('base64')}\n`);
    const shown = execFileSync('ssh-keygen', ['-L', '-f', file], { encoding: 'utf8' });
    expect(shown).toMatch(/Type: ssh-ed25519-cert-v01@openssh.com host certificate/);
    expect(shown).toMatch(/Key ID: "hand-made"/);
    expect(shown).toMatch(/Critical Options: \(none\)/);
  });

  it('refuses critical options, a certificate as CA key, unknown certificate kinds, mismatched or unknown signature types, bad points and trailing bytes', () => {
    const key = hostKey();
    const withOption = buildCertificate(key, ca, { criticalOptions: [['force-command', '/bin/true']] });
    expect(verdict(withOption)).toMatch(/has critical options pexship does not know \(force-command\)/);
    expect(verdict(buildCertificate(key, ca, { certType: 3 }))).toMatch(/is a type 3 certificate, not a host certificate/);
    // A certificate named as the signer, even one whose CA is trusted: OpenSSH refuses chains.
    const asCa = buildCertificate(key, ca);
    expect(verdict(buildCertificate(key, ca, { signatureKey: asCa }), [asCa])).toMatch(/is signed by a certificate, not by a CA key/);
    expect(verdict(buildCertificate(key, ca, { signatureAlg: 'rsa-sha2-256' }))).toMatch(/a rsa-sha2-256 signature does not fit a ssh-ed25519 key/);
    const dss = Buffer.concat([str('ssh-dss'), str(Buffer.alloc(8, 1))]);
    expect(verdict(buildCertificate(key, ca, { signatureKey: dss }), [dss])).toMatch(/the CA signature cannot be checked \(unsupported CA key type ssh-dss\)/);
    // An ECDSA CA key with a compressed point (OpenSSH never writes one).
    const compressed = Buffer.concat([str('ecdsa-sha2-nistp256'), str('nistp256'), str(Buffer.concat([Buffer.from([2]), Buffer.alloc(32, 1)]))]);
    expect(verdict(buildCertificate(key, ca, { signatureKey: compressed, signatureAlg: 'ecdsa-sha2-nistp256' }), [compressed])).toMatch(
      /cannot be checked \(unsupported ECDSA point encoding\)/,
    );
    expect(verdict(buildCertificate(key, ca, { type: 'ssh-dss-cert-v01@openssh.com' }))).toMatch(/malformed host certificate: unsupported certificate type ssh-dss-cert/);
    expect(verdict(buildCertificate(key, ca, { trailing: Buffer.from([0]) }))).toMatch(/malformed host certificate: trailing data/);
    expect(verdict(key)).toMatch(/malformed host certificate: ssh-ed25519 is not a certificate type/);
  });

  it('a real sshd presenting a host certificate with a critical option is refused; the same certificate without it is accepted', async () => {
    const make = (name: string, criticalOptions: Array<[string, string]>) =>
      startSshd({
        dir: path.join(work, name),
        authorizedKeys: keys.authorizedKeys,
        hostCertificate: (pub) => {
          const file = pub.replace(/\.pub$/, '-cert.pub');
          writeFileSync(file, `ssh-ed25519-cert-v01@openssh.com ${buildCertificate(blobOf(pub), ca, { criticalOptions }).toString('base64')}\n`);
          return file;
        },
      });
    const [optioned, plain] = await Promise.all([make('c-critical', [['source-address', '127.0.0.1/32']]), make('c-built', [])]);
    servers.push(optioned, plain);
    const list = async (s: TestSshd) => {
      const knownHostsFile = path.join(work, `kh_built_${s.port}`);
      writeFileSync(knownHostsFile, `${ca.line('*')}\n`);
      const [r] = await listReleases({ hosts: [`root@127.0.0.1:${s.port}`], path: path.join(work, 'srv'), identityFile: keys.key, knownHostsFile, agentSocket: null, sshConfigFile: 'none' });
      return r;
    };
    const refused = await list(optioned);
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/refusing to connect: its host certificate \(key id 'hand-made', serial 42\) has critical options pexship does not know \(source-address\)/);
    expect(await list(plain)).toMatchObject({ ok: true, current: null });
  });
});

describe('host certificates against real sshd', () => {
  /** An sshd presenting a certificate for its host key, made by `caName` with `args`. */
  async function certifiedSshd(name: string, caName: string, args: string[], hostKeyType: 'ed25519' | 'rsa' | 'ecdsa' = 'ed25519') {
    const s = await startSshd({
      dir: path.join(work, name),
      authorizedKeys: keys.authorizedKeys,
      hostKeyType,
      hostCertificate: (pub) => sign(caName, pub, args),
    });
    servers.push(s);
    return s;
  }
  const caLine = (caName: string, pattern = '*') => `@cert-authority ${pattern} ${readFileSync(`${ca(caName)}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ')}`;

  async function list(s: TestSshd, knownHostsLines: string[]) {
    const knownHostsFile = path.join(work, `kh_${s.port}`);
    writeFileSync(knownHostsFile, knownHostsLines.join('\n') + '\n');
    const [r] = await listReleases({
      hosts: [`root@127.0.0.1:${s.port}`],
      path: path.join(work, 'srv'),
      identityFile: keys.key,
      knownHostsFile,
      agentSocket: null,
      sshConfigFile: 'none',
    });
    return r;
  }

  it('connects to hosts known only through @cert-authority (ed25519, RSA and ECDSA host keys and CAs)', async () => {
    const valid = ['-h', '-n', '127.0.0.1', '-V', '-5m:+1h'];
    const [ed, rsa, ecdsa] = await Promise.all([
      certifiedSshd('c-ed', 'ed25519', valid, 'ed25519'),
      certifiedSshd('c-rsa', 'ecdsa', valid, 'rsa'),
      certifiedSshd('c-ecdsa', 'rsa', valid, 'ecdsa'),
    ]);
    expect(await list(ed, [caLine('ed25519')])).toMatchObject({ ok: true, current: null });
    expect(await list(rsa, [caLine('ecdsa', '[127.0.0.1]:*')])).toMatchObject({ ok: true });
    expect(await list(ecdsa, [caLine('rsa')])).toMatchObject({ ok: true });
    // The CA line must name the host: a CA trusted for other hosts vouches for nothing here.
    const other = await list(ed, [caLine('ed25519', '*.example.com')]);
    expect(other.ok).toBe(false);
    expect(other.error).toContain('unknown host key ssh-ed25519');
  });

  it('refuses an expired certificate, a wrong principal, a wrong or revoked CA, a user certificate', async () => {
    const [expired, wrongName, user, good] = await Promise.all([
      certifiedSshd('c-expired', 'ed25519', ['-h', '-n', '127.0.0.1', '-V', '20200101:20200102']),
      certifiedSshd('c-name', 'ed25519', ['-h', '-n', 'db.example.com']),
      certifiedSshd('c-user', 'ed25519', ['-n', '127.0.0.1']),
      certifiedSshd('c-good', 'ed25519', ['-h', '-n', '127.0.0.1']),
    ]);
    const refused = async (s: TestSshd, lines: string[], want: RegExp) => {
      const r = await list(s, lines);
      expect(r.ok, `${s.port}: ${r.error}`).toBe(false);
      expect(r.error).toMatch(want);
    };
    await refused(expired, [caLine('ed25519')], /refusing to connect: its host certificate \(key id 'test-ed25519', serial 0\) expired at 2020-01-02/);
    await refused(wrongName, [caLine('ed25519')], /is for db\.example\.com, not for 127\.0\.0\.1/);
    await refused(good, [caLine('other')], /signed by a CA that no @cert-authority line trusts/);
    await refused(good, [caLine('ed25519'), `@revoked * ${readFileSync(`${ca('ed25519')}.pub`, 'utf8').trim()}`], /signed by a CA key marked @revoked/);
    // sshd presents a user certificate if told to; it is not a host certificate.
    const r = await list(user, [caLine('ed25519')]);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/its host certificate \(key id 'test-ed25519', serial 0\) is a user certificate, not a host certificate/);
    // As ssh: a certificate that fails falls back to its plain key, which known_hosts may pin.
    expect(await list(expired, [caLine('ed25519'), expired.knownHostsLine()])).toMatchObject({ ok: true });
  });
});
