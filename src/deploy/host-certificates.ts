// OpenSSH host certificates (PROTOCOL.certkeys): parse the certificate a server offers as its host key and
// decide whether a `@cert-authority` key in known_hosts vouches for this host. Checked: the CA's signature
// (ed25519, ecdsa-sha2-nistp256/384/521, rsa-sha2-256/512; ssh-rsa SHA-1 is refused as OpenSSH does), that
// it is a host certificate, its validity window, that the host name is among its principals, and that it
// has no critical option (none is defined for host certificates, so any is unknown and fatal).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

const CERT_SUFFIX = '-cert-v01@openssh.com';
const SSH_CERT_TYPE_HOST = 2;
const FOREVER = 0xffff_ffff_ffff_ffffn;

export interface HostCertificate {
  /** e.g. ssh-ed25519-cert-v01@openssh.com */
  type: string;
  /** The certified key as a plain public-key blob (the server signs the key exchange with it). */
  publicKey: Buffer;
  serial: bigint;
  certType: number;
  keyId: string;
  principals: string[];
  validAfter: bigint;
  validBefore: bigint;
  criticalOptions: string[];
  /** The CA's public-key blob. */
  signatureKey: Buffer;
  signature: Buffer;
  /** Everything the CA signed: the certificate up to and including the signature key. */
  signed: Buffer;
}

export class WireReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  get offset(): number {
    return this.pos;
  }
  private need(n: number): void {
    if (this.pos + n > this.buf.length) throw new Error('truncated');
  }
  uint32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  uint64(): bigint {
    this.need(8);
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  bytes(): Buffer {
    const n = this.uint32();
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  text(): string {
    return this.bytes().toString('utf8');
  }
  done(): boolean {
    return this.pos === this.buf.length;
  }
}

/** An SSH wire-format string: a 4-byte big-endian length, then the bytes. */
export function sshString(data: Buffer | string): Buffer {
  const b = typeof data === 'string' ? Buffer.from(data) : data;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}

function stringList(buf: Buffer): string[] {
  const r = new WireReader(buf);
  const out: string[] = [];
  while (!r.done()) out.push(r.text());
  return out;
}

/** Critical options and extensions: (name, data) pairs; only the names matter here. */
function optionNames(buf: Buffer): string[] {
  const r = new WireReader(buf);
  const out: string[] = [];
  while (!r.done()) {
    out.push(r.text());
    r.bytes();
  }
  return out;
}

export function isCertificateType(type: string): boolean {
  return type.endsWith(CERT_SUFFIX);
}

/** Parses an OpenSSH certificate blob; throws with the reason when it is malformed or of an unknown kind. */
export function parseCertificate(blob: Buffer): HostCertificate {
  try {
    const r = new WireReader(blob);
    const type = r.text();
    if (!isCertificateType(type)) throw new Error(`${type} is not a certificate type`);
    r.bytes(); // nonce
    const fieldsStart = r.offset;
    let baseType: string;
    if (type === `ssh-ed25519${CERT_SUFFIX}`) {
      baseType = 'ssh-ed25519';
      r.bytes();
    } else if (type === `ssh-rsa${CERT_SUFFIX}`) {
      baseType = 'ssh-rsa';
      r.bytes(); // e
      r.bytes(); // n
    } else if (/^ecdsa-sha2-nistp(256|384|521)-cert-v01@openssh\.com$/.test(type)) {
      baseType = type.slice(0, -CERT_SUFFIX.length);
      r.bytes(); // curve
      r.bytes(); // Q
    } else {
      throw new Error(`unsupported certificate type ${type}`);
    }
    const publicKey = Buffer.concat([sshString(baseType), blob.subarray(fieldsStart, r.offset)]);
    const serial = r.uint64();
    const certType = r.uint32();
    const keyId = r.text();
    const principals = stringList(r.bytes());
    const validAfter = r.uint64();
    const validBefore = r.uint64();
    const criticalOptions = optionNames(r.bytes());
    optionNames(r.bytes()); // extensions: informational for host certificates
    r.bytes(); // reserved
    const signatureKey = r.bytes();
    const signed = blob.subarray(0, r.offset);
    const signature = r.bytes();
    if (!r.done()) throw new Error('trailing data');
    return { type, publicKey, serial, certType, keyId, principals, validAfter, validBefore, criticalOptions, signatureKey, signature, signed };
  } catch (err) {
    throw new Error(`malformed host certificate: ${(err as Error).message}`);
  }
}

const b64url = (b: Buffer) => b.toString('base64url');
/** An mpint's magnitude without its sign-padding zero byte. */
const unsigned = (b: Buffer) => (b.length > 1 && b[0] === 0 ? b.subarray(1) : b);

const CURVES: Record<string, { crv: string; size: number; hash: string }> = {
  nistp256: { crv: 'P-256', size: 32, hash: 'sha256' },
  nistp384: { crv: 'P-384', size: 48, hash: 'sha384' },
  nistp521: { crv: 'P-521', size: 66, hash: 'sha512' },
};

function publicKeyObject(blob: Buffer): { type: string; key: KeyObject; curve?: (typeof CURVES)[string] } {
  const r = new WireReader(blob);
  const type = r.text();
  if (type === 'ssh-ed25519') return { type, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(r.bytes()) }, format: 'jwk' }) };
  if (type === 'ssh-rsa') {
    const e = unsigned(r.bytes());
    const n = unsigned(r.bytes());
    return { type, key: createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' }) };
  }
  const m = /^ecdsa-sha2-(nistp256|nistp384|nistp521)$/.exec(type);
  if (m) {
    const curve = CURVES[m[1]];
    r.bytes(); // curve name
    const q = r.bytes();
    if (q[0] !== 4 || q.length !== 1 + 2 * curve.size) throw new Error('unsupported ECDSA point encoding');
    const x = q.subarray(1, 1 + curve.size);
    const y = q.subarray(1 + curve.size);
    return { type, curve, key: createPublicKey({ key: { kty: 'EC', crv: curve.crv, x: b64url(x), y: b64url(y) }, format: 'jwk' }) };
  }
  throw new Error(`unsupported CA key type ${type}`);
}

/** Checks an SSH signature blob (`string alg, string sig`) by the key `keyBlob` over `data`. */
export function verifySshSignature(keyBlob: Buffer, data: Buffer, signatureBlob: Buffer): { ok: true } | { ok: false; reason: string } {
  try {
    const { type, key, curve } = publicKeyObject(keyBlob);
    const r = new WireReader(signatureBlob);
    const alg = r.text();
    const sig = r.bytes();
    let good: boolean;
    if (type === 'ssh-ed25519' && alg === 'ssh-ed25519') good = verify(null, data, key, sig);
    else if (type === 'ssh-rsa' && (alg === 'rsa-sha2-256' || alg === 'rsa-sha2-512')) good = verify(alg === 'rsa-sha2-256' ? 'sha256' : 'sha512', data, key, sig);
    else if (type === 'ssh-rsa' && alg === 'ssh-rsa') return { ok: false, reason: 'the CA signed with ssh-rsa (SHA-1), which OpenSSH no longer accepts; re-sign with rsa-sha2-512' };
    else if (curve && alg === type) {
      const rs = new WireReader(sig);
      const pad = (v: Buffer) => Buffer.concat([Buffer.alloc(Math.max(0, curve.size - unsigned(v).length)), unsigned(v)]);
      good = verify(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }, Buffer.concat([pad(rs.bytes()), pad(rs.bytes())]));
    } else return { ok: false, reason: `a ${alg} signature does not fit a ${type} key` };
    return good ? { ok: true } : { ok: false, reason: 'the CA signature does not verify' };
  } catch (err) {
    return { ok: false, reason: `the CA signature cannot be checked (${(err as Error).message})` };
  }
}

function when(t: bigint): string {
  return t === FOREVER ? 'forever' : new Date(Number(t) * 1000).toISOString();
}

/** Why `cert` is not valid at `now` ("expired at …", "is not valid before …"), or undefined when it is. */
export function outsideValidity(cert: Pick<HostCertificate, 'validAfter' | 'validBefore'>, now = new Date()): string | undefined {
  const seconds = BigInt(Math.floor(now.getTime() / 1000));
  if (seconds < cert.validAfter) return `is not valid before ${when(cert.validAfter)}`;
  if (seconds >= cert.validBefore) return `expired at ${when(cert.validBefore)}`;
  return undefined;
}

/**
 * Whether `cert` is a valid host certificate for `hostName` signed by one of `authorities` (CA key blobs).
 * `revoked` holds @revoked keys: a revoked CA or certified key is refused.
 */
export function checkHostCertificate(
  cert: HostCertificate,
  hostName: string,
  authorities: Buffer[],
  revoked: Buffer[],
  now = new Date(),
): { ok: true } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason: `its host certificate (key id '${cert.keyId}', serial ${cert.serial}) ${reason}` });
  if (cert.certType !== SSH_CERT_TYPE_HOST) return fail(`is a ${cert.certType === 1 ? 'user' : `type ${cert.certType}`} certificate, not a host certificate`);
  if (revoked.some((k) => k.equals(cert.signatureKey))) return fail('is signed by a CA key marked @revoked');
  if (revoked.some((k) => k.equals(cert.publicKey))) return fail('certifies a key marked @revoked');
  if (!authorities.some((k) => k.equals(cert.signatureKey))) return fail('is signed by a CA that no @cert-authority line trusts for this host');
  if (isCertificateType(new WireReader(cert.signatureKey).text())) return fail('is signed by a certificate, not by a CA key');
  const sig = verifySshSignature(cert.signatureKey, cert.signed, cert.signature);
  if (!sig.ok) return fail(`is not valid: ${sig.reason}`);
  const outside = outsideValidity(cert, now);
  if (outside) return fail(outside);
  if (cert.criticalOptions.length) return fail(`has critical options pexship does not know (${cert.criticalOptions.join(', ')})`);
  // OpenSSH accepts a host certificate without principals for any host; pinning needs the host named.
  if (!cert.principals.length) return fail('names no principals; sign it with -n HOSTNAME');
  if (!cert.principals.some((p) => p.toLowerCase() === hostName.toLowerCase())) {
    return fail(`is for ${cert.principals.join(', ')}, not for ${hostName}`);
  }
  return { ok: true };
}
