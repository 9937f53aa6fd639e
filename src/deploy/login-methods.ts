// What pexship offers the server to log in, and in which order. A server ends the login after MaxAuthTries
// refused offers (6 by default, often 3), so the likeliest credentials go first, as ssh does (IdentityFile keys
// and certificates before the agent's other keys):
//   1. the certificate of the key file (KEY-cert.pub, CertificateFile, the action's ssh-certificate);
//   2. the agent's certificates for that same key;
//   3. the key file itself;
//   4. the agent's other certificates;
//   5. the agent's plain keys, in the agent's order (the key file's own copy left out: it was just refused).
import ssh2 from 'ssh2';
import type { AnyAuthMethod, ParsedKey } from 'ssh2';
import type { Credentials } from './credentials.js';
import { isCertificateType, outsideValidity, parseCertificate, type HostCertificate } from './host-certificates.js';
import { agentIdentities, type AgentIdentity } from './ssh-agent.js';
import { agentCertificateKey, certificateKey } from './ssh2-user-certificates.js';

export interface OfferedCertificate {
  /** "KEY-cert.pub", or "'comment' in the SSH agent". */
  label: string;
  certificate: HostCertificate;
}

export interface LoginMethods {
  methods: AnyAuthMethod[];
  /** The certificates offered, for the message when the server refuses them all. */
  certificates: OfferedCertificate[];
  /** What is offered, in order, for PEXSHIP_DEBUG=ssh. */
  order: string[];
}

/** ssh2's agent client, limited to the plain keys pexship chose, in its order (ssh2 signs with them). */
class PlainAgentKeys extends ssh2.OpenSSHAgent {
  constructor(
    socketPath: string,
    private readonly keys: ParsedKey[],
  ) {
    super(socketPath);
  }
  override getIdentities(cb: (err: Error | undefined, keys?: ParsedKey[]) => void): void {
    cb(undefined, this.keys);
  }
}

/** A certificate's parsed form, or undefined for one pexship cannot use (an sk- or unknown type). */
function parsed(identity: AgentIdentity): HostCertificate | undefined {
  try {
    return parseCertificate(identity.blob);
  } catch {
    return undefined;
  }
}

/** The login methods for `credentials`; asks the agent for its identities. Throws when the agent fails and is all there is. */
export async function loginMethods(credentials: Credentials, username: string): Promise<LoginMethods> {
  const key = credentials.privateKey ? (ssh2.utils.parseKey(credentials.privateKey, credentials.passphrase) as ParsedKey) : undefined;
  const keyBlob = key?.getPublicSSH();
  let identities: AgentIdentity[] = [];
  if (credentials.agent) {
    try {
      identities = await agentIdentities(credentials.agent);
    } catch (err) {
      // Like ssh: an agent that cannot be reached is passed over when there is a key file to log in with.
      if (!key) throw Object.assign(err as Error, { level: 'agent' });
    }
  }
  const agentCertificates = identities.flatMap((identity) => {
    const certificate = isCertificateType(identity.type) ? parsed(identity) : undefined;
    return certificate ? [{ identity, certificate }] : [];
  });
  const forKey = agentCertificates.filter((c) => keyBlob && c.certificate.publicKey.equals(keyBlob));
  const others = agentCertificates.filter((c) => !forKey.includes(c));
  const plainKeys = identities
    .filter((identity) => !isCertificateType(identity.type) && !(keyBlob && identity.blob.equals(keyBlob)))
    .map((identity) => ssh2.utils.parseKey(identity.blob))
    .filter((k): k is ParsedKey => !(k instanceof Error));

  const methods: AnyAuthMethod[] = [];
  const certificates: OfferedCertificate[] = [];
  const file = credentials.certificate;
  const order: string[] = [];
  const offerCertificate = (key: ParsedKey, label: string, certificate: HostCertificate) => {
    methods.push({ type: 'publickey', username, key });
    certificates.push({ label, certificate });
    order.push(`certificate ${label} (key id '${certificate.keyId}')`);
  };
  if (key && file) offerCertificate(certificateKey(key, file.blob, file.type), file.file, parseCertificate(file.blob));
  const offerAgentCertificate = ({ identity, certificate }: (typeof agentCertificates)[number]) =>
    offerCertificate(agentCertificateKey(credentials.agent!, identity.blob, identity.type), `'${identity.comment}' in the SSH agent`, certificate);
  forKey.forEach(offerAgentCertificate);
  if (credentials.privateKey) {
    methods.push({ type: 'publickey', username, key: credentials.privateKey, passphrase: credentials.passphrase });
    order.push('the private key');
  }
  others.forEach(offerAgentCertificate);
  if (plainKeys.length) {
    methods.push({ type: 'agent', username, agent: new PlainAgentKeys(credentials.agent!, plainKeys) });
    order.push(`${plainKeys.length} plain key(s) of the SSH agent`);
  }
  return { methods, certificates, order };
}

/** For a refused login: the certificates offered that were not valid at the time, and why. */
export function certificateNotes(certificates: OfferedCertificate[], now = new Date()): string {
  const notes = certificates.flatMap(({ label, certificate }) => {
    const why = outsideValidity(certificate, now);
    return why ? [`the certificate ${label} (key id '${certificate.keyId}') ${why}`] : [];
  });
  return notes.length ? ` (${notes.join('; ')})` : '';
}
