// ssh2 1.17 can offer a user certificate but not sign with one: its authPK writes one name both as the public-key
// algorithm (a certificate's, ssh-ed25519-cert-v01@openssh.com) and as the signature's format (which must be the
// plain key's, ssh-ed25519), so sshd rejects the signature; and for RSA it only knows SHA-1 `ssh-rsa`. The
// smallest bridge: a key object whose public half is the certificate (ssh2 takes parsed keys as they are), and,
// for that key only, the USERAUTH_REQUEST written here with the right names, through ssh2's own packet writer.
// This reaches into ssh2's private protocol state (`_protocol`, `_kex.sessionID`, `_packetRW`, `_authsQueue`);
// the tests against real sshd with TrustedUserCAKeys catch any ssh2 change that breaks it.
import ssh2 from 'ssh2';
import protocolUtils from 'ssh2/lib/protocol/utils.js';
import { sshString } from './host-certificates.js';

const USERAUTH_REQUEST = 50;

interface CertifiedKey {
  /** The algorithm named in the request: the certificate's (RSA signs with SHA-512). */
  algorithm: string;
  /** The signature's own format: the plain key's. */
  signatureName: string;
  blob: Buffer;
  sign(data: Buffer): Buffer;
}

const certified = new WeakMap<object, CertifiedKey>();

/**
 * A parsed private key that offers `certificate` (an OpenSSH certificate blob of type `certType`) as its public
 * half. Pass it as the key of a `publickey` entry in ssh2's authHandler; `signWithCertificates` does the rest.
 */
export function certificateKey(privateKey: ssh2.ParsedKey, certificate: Buffer, certType: string): ssh2.ParsedKey {
  const plain = certType.replace(/-cert-v01@openssh\.com$/, '');
  const rsa = plain === 'ssh-rsa';
  const key = Object.create(privateKey) as ssh2.ParsedKey;
  Object.defineProperty(key, 'type', { value: certType });
  key.getPublicSSH = () => certificate;
  certified.set(key, {
    algorithm: rsa ? 'rsa-sha2-512-cert-v01@openssh.com' : certType,
    signatureName: rsa ? 'rsa-sha2-512' : plain,
    blob: certificate,
    sign: (data) => {
      const sig = privateKey.sign(data, rsa ? 'sha512' : undefined);
      if (sig instanceof Error) throw sig;
      // ECDSA: ssh2's signer gives DER; SSH wants the two integers as strings.
      return protocolUtils.convertSignature(sig, plain) as Buffer;
    },
  });
  return key;
}

/** Call right after `client.connect()`: requests for certificate keys are written here, others by ssh2. */
export function signWithCertificates(client: ssh2.Client): void {
  const proto = (client as unknown as { _protocol: Protocol })._protocol;
  const original = proto.authPK.bind(proto);
  proto.authPK = (username, key, keyAlgo, cbSign) => {
    const cert = certified.get(key as object);
    if (!cert) return original(username, key, keyAlgo, cbSign);
    const sign = typeof keyAlgo === 'function' ? keyAlgo : cbSign;
    const body = Buffer.concat([
      Buffer.from([USERAUTH_REQUEST]),
      sshString(username),
      sshString('ssh-connection'),
      sshString('publickey'),
      Buffer.from([sign ? 1 : 0]),
      sshString(cert.algorithm),
      sshString(cert.blob),
    ]);
    let payload = body;
    if (sign) {
      const signature = cert.sign(Buffer.concat([sshString(proto._kex.sessionID), body]));
      payload = Buffer.concat([body, sshString(Buffer.concat([sshString(cert.signatureName), sshString(signature)]))]);
    }
    const writer = proto._packetRW.write;
    const packet = writer.alloc(payload.length);
    payload.copy(packet, writer.allocStart);
    proto._authsQueue.push('publickey');
    protocolUtils.sendPacket(proto, writer.finalize(packet));
  };
}

interface Protocol {
  authPK(username: string, key: unknown, keyAlgo?: unknown, cbSign?: unknown): void;
  _kex: { sessionID: Buffer };
  _authsQueue: string[];
  _packetRW: { write: { alloc(n: number): Buffer; allocStart: number; finalize(packet: Buffer): Buffer } };
}
