// ssh2 1.17 can offer a user certificate but not sign with one: its authPK writes one name both as the public-key
// algorithm (a certificate's, ssh-ed25519-cert-v01@openssh.com) and as the signature's format (which must be the
// plain key's, ssh-ed25519), so sshd rejects the signature; and for RSA it only knows SHA-1 `ssh-rsa`. The
// smallest bridge: a key object whose public half is the certificate (ssh2 takes parsed keys as they are), and,
// for that key only, the USERAUTH_REQUEST written here with the right names, through ssh2's own packet writer.
// The signature comes from the key file, or from the SSH agent for a certificate the agent holds.
// This reaches into ssh2's private protocol state (`_protocol`, `_kex.sessionID`, `_packetRW`, `_authsQueue`);
// the tests against real sshd with TrustedUserCAKeys catch any ssh2 change that breaks it.
import ssh2 from 'ssh2';
import protocolUtils from 'ssh2/lib/protocol/utils.js';
import { parseCertificate, sshString } from './host-certificates.js';
import { agentSign, SSH_AGENT_RSA_SHA2_512 } from './ssh-agent.js';

const USERAUTH_REQUEST = 50;

interface CertifiedKey {
  /** The algorithm named in the request: the certificate's (RSA signs with SHA-512). */
  algorithm: string;
  blob: Buffer;
  /** The signature blob of `data`: the plain key's format name (rsa-sha2-512, ssh-ed25519, …), then the bytes. */
  sign(data: Buffer): Promise<Buffer>;
}

const certified = new WeakMap<object, CertifiedKey>();

/** `key`, made to offer `certificate` (of type `certType`) as its public half and to sign through `sign`. */
function offerCertificate(key: ssh2.ParsedKey, certificate: Buffer, certType: string, sign: CertifiedKey['sign']): ssh2.ParsedKey {
  const offered = Object.create(key) as ssh2.ParsedKey;
  Object.defineProperty(offered, 'type', { value: certType });
  offered.getPublicSSH = () => certificate;
  offered.isPrivateKey = () => true;
  const rsa = certType === 'ssh-rsa-cert-v01@openssh.com';
  certified.set(offered, { algorithm: rsa ? 'rsa-sha2-512-cert-v01@openssh.com' : certType, blob: certificate, sign });
  return offered;
}

/**
 * A parsed private key that offers `certificate` (an OpenSSH certificate blob of type `certType`) as its public
 * half. Pass it as the key of a `publickey` entry in ssh2's authHandler; `signWithCertificates` does the rest.
 */
export function certificateKey(privateKey: ssh2.ParsedKey, certificate: Buffer, certType: string): ssh2.ParsedKey {
  const plain = certType.replace(/-cert-v01@openssh\.com$/, '');
  const rsa = plain === 'ssh-rsa';
  return offerCertificate(privateKey, certificate, certType, async (data) => {
    const sig = privateKey.sign(data, rsa ? 'sha512' : undefined);
    if (sig instanceof Error) throw sig;
    // ECDSA: ssh2's signer gives DER; SSH wants the two integers as strings.
    const raw = protocolUtils.convertSignature(sig, plain) as Buffer;
    return Buffer.concat([sshString(rsa ? 'rsa-sha2-512' : plain), sshString(raw)]);
  });
}

/**
 * A key for a certificate the SSH agent at `socketPath` holds (its private key stays in the agent, which signs;
 * RSA with SHA-512). Like `certificateKey`, for a `publickey` entry in ssh2's authHandler.
 */
export function agentCertificateKey(socketPath: string, certificate: Buffer, certType: string): ssh2.ParsedKey {
  const plain = ssh2.utils.parseKey(parseCertificate(certificate).publicKey);
  if (plain instanceof Error) throw plain;
  const flags = certType === 'ssh-rsa-cert-v01@openssh.com' ? SSH_AGENT_RSA_SHA2_512 : 0;
  return offerCertificate(plain, certificate, certType, (data) => agentSign(socketPath, certificate, data, flags));
}

/**
 * Call right after `client.connect()`: requests for certificate keys are written here, others by ssh2. A failed
 * signature (an agent that refuses) is the client's 'error', of level 'agent'.
 */
export function signWithCertificates(client: ssh2.Client): void {
  const proto = (client as unknown as { _protocol: Protocol })._protocol;
  const original = proto.authPK.bind(proto);
  proto.authPK = (username, key, keyAlgo, cbSign) => {
    const cert = certified.get(key as object);
    if (!cert) return original(username, key, keyAlgo, cbSign);
    const withSignature = typeof keyAlgo === 'function' || typeof cbSign === 'function';
    const body = Buffer.concat([
      Buffer.from([USERAUTH_REQUEST]),
      sshString(username),
      sshString('ssh-connection'),
      sshString('publickey'),
      Buffer.from([withSignature ? 1 : 0]),
      sshString(cert.algorithm),
      sshString(cert.blob),
    ]);
    const send = (payload: Buffer) => {
      const writer = proto._packetRW.write;
      const packet = writer.alloc(payload.length);
      payload.copy(packet, writer.allocStart);
      proto._authsQueue.push('publickey');
      protocolUtils.sendPacket(proto, writer.finalize(packet));
    };
    if (!withSignature) return send(body);
    cert.sign(Buffer.concat([sshString(proto._kex.sessionID), body])).then(
      (signature) => send(Buffer.concat([body, sshString(signature)])),
      (err: Error & { level?: string }) => {
        err.message = `cannot sign with the certificate's key (${err.message})`;
        err.level = 'agent';
        client.emit('error', err);
      },
    );
  };
}

interface Protocol {
  authPK(username: string, key: unknown, keyAlgo?: unknown, cbSign?: unknown): void;
  _kex: { sessionID: Buffer };
  _authsQueue: string[];
  _packetRW: { write: { alloc(n: number): Buffer; allocStart: number; finalize(packet: Buffer): Buffer } };
}
