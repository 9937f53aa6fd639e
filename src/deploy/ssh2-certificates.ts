// ssh2 1.17 has no host certificates: it cannot offer the *-cert-v01@openssh.com host-key algorithms, refuses
// an RSA certificate before any verifier runs (the negotiated name rsa-sha2-512-cert-v01@openssh.com is not
// the blob's ssh-rsa-cert-v01@openssh.com), and checks the key-exchange signature with a parser that does not
// know certificates. The smallest bridge, with certificate checking itself in host-certificates.ts:
//  1. the certificate algorithm names join ssh2's list of supported names, so they can be offered;
//  2. when a key exchange starts with an RSA certificate algorithm, the negotiated name is set to the blob's;
//  3. once our verifier has accepted the certificate, the exchange hash still covers the certificate blob (as
//     the server computed it), while the signature is checked with the certified key under its own algorithm.
// This reaches into ssh2's private key-exchange state (`_protocol._kex`, `negotiated`, `_hostKey`, `_sig`);
// the tests against real OpenSSH servers with certificates catch any ssh2 change that breaks it.
import type ssh2 from 'ssh2';
import constants from 'ssh2/lib/protocol/constants.js';

/** Offered before plain keys when a @cert-authority line names the host (ssh-rsa SHA-1 certificates are not). */
export const CERT_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519-cert-v01@openssh.com',
  'ecdsa-sha2-nistp256-cert-v01@openssh.com',
  'ecdsa-sha2-nistp384-cert-v01@openssh.com',
  'ecdsa-sha2-nistp521-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com',
];

for (const name of CERT_HOST_KEY_ALGORITHMS) if (!constants.SUPPORTED_SERVER_HOST_KEY.includes(name)) constants.SUPPORTED_SERVER_HOST_KEY.push(name);

/** ssh2's default host-key algorithms, offered after the certificate ones when nothing narrower is pinned. */
export function defaultHostKeyAlgorithms(): string[] {
  return [...constants.DEFAULT_SERVER_HOST_KEY];
}

interface KexState {
  negotiated: { serverHostKey: string };
  _sig?: Buffer;
  _hostKey?: Buffer;
}

/** The signature algorithm each certificate algorithm signs the key exchange with. */
const expectedSignature = new WeakMap<KexState, string>();

function signatureAlgorithmOf(certAlgorithm: string): string {
  const m = /^rsa-sha2-(256|512)-cert-v01@openssh\.com$/.exec(certAlgorithm);
  return m ? `rsa-sha2-${m[1]}` : certAlgorithm.replace(/-cert-v01@openssh\.com$/, '');
}

const protocolOf = (client: ssh2.Client) => (client as unknown as { _protocol: { _kex?: KexState } })._protocol;

/** Step 2; call right after `client.connect()`, before any packet is read. */
export function watchKeyExchanges(client: ssh2.Client): void {
  const protocol = protocolOf(client);
  let current: KexState | undefined;
  Object.defineProperty(protocol, '_kex', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (kex: KexState | undefined) => {
      current = kex;
      const alg = kex?.negotiated?.serverHostKey;
      if (!kex || !alg || !CERT_HOST_KEY_ALGORITHMS.includes(alg)) return;
      expectedSignature.set(kex, signatureAlgorithmOf(alg));
      if (alg.startsWith('rsa-sha2-')) kex.negotiated.serverHostKey = 'ssh-rsa-cert-v01@openssh.com';
    },
  });
}

/** Step 3, from the host verifier once the certificate is accepted; returns an error text if it cannot be. */
export function useCertifiedKey(client: ssh2.Client, certificate: Buffer, certifiedKey: Buffer): string | undefined {
  const kex = protocolOf(client)._kex;
  const expected = kex && expectedSignature.get(kex);
  if (!kex || !expected || !kex._sig) return 'internal: the certificate arrived outside a certificate key exchange';
  const sigType = kex._sig.subarray(4, 4 + kex._sig.readUInt32BE(0)).toString('latin1');
  if (sigType !== expected) return `the server signed the key exchange with ${sigType}, not ${expected}`;
  kex.negotiated.serverHostKey = sigType;
  // First read: the exchange hash (over the certificate); later reads: the key that checks the signature.
  let reads = 0;
  Object.defineProperty(kex, '_hostKey', {
    configurable: true,
    enumerable: true,
    get: () => (reads++ === 0 ? certificate : certifiedKey),
    set: (v: Buffer | undefined) => Object.defineProperty(kex, '_hostKey', { value: v, writable: true, configurable: true, enumerable: true }),
  });
  return undefined;
}

/**
 * After a refused host key: ssh2 goes on parsing the rest of the bytes already read, and the server's NEWKEYS
 * among them would run the key-exchange end (for a certificate, a second fatal error on a torn-down protocol,
 * which throws out of the socket handler). The connection is being closed: nothing more of it is parsed.
 */
export function stopParsing(client: ssh2.Client): void {
  const protocol = protocolOf(client) as unknown as {
    _parse: (chunk: Buffer, i: number, len: number) => number;
    _decipher?: { _onPayload: (payload: Buffer) => number };
  };
  // Packets left in this read: the decipher stops at a payload handler that returns a number.
  if (protocol._decipher) protocol._decipher._onPayload = () => Infinity;
  // Later reads.
  protocol._parse = (_chunk, _i, len) => len;
}
