// The two requests pexship makes of an SSH agent (draft-miller-ssh-agent): list its identities, and sign. ssh2's
// own agent client drops every identity it cannot parse, certificates included, and will not sign with one; this
// one passes blobs through untouched. One short-lived connection per request, bounded in time, as ssh does.
import net from 'node:net';
import { sshString, WireReader } from './host-certificates.js';

const SSH_AGENT_FAILURE = 5;
const SSH_AGENTC_REQUEST_IDENTITIES = 11;
const SSH_AGENT_IDENTITIES_ANSWER = 12;
const SSH_AGENTC_SIGN_REQUEST = 13;
const SSH_AGENT_SIGN_RESPONSE = 14;
/** Sign flags: RSA keys sign with SHA-256 or SHA-512 instead of SHA-1. */
export const SSH_AGENT_RSA_SHA2_256 = 2;
export const SSH_AGENT_RSA_SHA2_512 = 4;
const TIMEOUT_MS = 10_000;

export interface AgentIdentity {
  /** The public-key blob as the agent holds it: a plain key or a certificate. */
  blob: Buffer;
  /** Its type, the blob's first string (e.g. ssh-ed25519-cert-v01@openssh.com). */
  type: string;
  comment: string;
}

/** Sends one request, resolves with the reply's body (type byte first). */
function request(socketPath: string, body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(socketPath);
    const chunks: Buffer[] = [];
    let settled = false;
    const done = (err: Error | undefined, reply?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(reply!);
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    sock.on('error', (err: NodeJS.ErrnoException) => done(new Error(`cannot connect to ${socketPath} (${err.code ?? err.message})`)));
    sock.on('close', () => done(new Error('the agent closed the connection')));
    sock.on('data', (chunk) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (all.length >= 4 && all.length >= 4 + all.readUInt32BE(0)) done(undefined, all.subarray(4, 4 + all.readUInt32BE(0)));
    });
    sock.write(sshString(body));
  });
}

/** Every identity the agent holds, in its order. */
export async function agentIdentities(socketPath: string): Promise<AgentIdentity[]> {
  const reply = await request(socketPath, Buffer.from([SSH_AGENTC_REQUEST_IDENTITIES]));
  if (reply[0] !== SSH_AGENT_IDENTITIES_ANSWER) throw new Error(`unexpected answer ${reply[0]} to a list of identities`);
  const r = new WireReader(reply.subarray(1));
  const count = r.uint32();
  const identities: AgentIdentity[] = [];
  for (let i = 0; i < count; i++) {
    const blob = r.bytes();
    const comment = r.text();
    identities.push({ blob, type: new WireReader(blob).text(), comment });
  }
  return identities;
}

/** The agent's signature of `data` with the key of `blob`: the SSH signature blob (format name, then bytes). */
export async function agentSign(socketPath: string, blob: Buffer, data: Buffer, flags = 0): Promise<Buffer> {
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32BE(flags);
  const reply = await request(socketPath, Buffer.concat([Buffer.from([SSH_AGENTC_SIGN_REQUEST]), sshString(blob), sshString(data), flagBytes]));
  if (reply[0] === SSH_AGENT_FAILURE) throw new Error('the agent refused to sign (a key needing confirmation, or one removed since)');
  if (reply[0] !== SSH_AGENT_SIGN_RESPONSE) throw new Error(`unexpected answer ${reply[0]} to a sign request`);
  return new WireReader(reply.subarray(1)).bytes();
}
