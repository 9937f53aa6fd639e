// One SSH connection per host, on ssh2 directly: we need the raw socket (TCP_NODELAY), host-key algorithm
// restriction, a verifier that reports what it saw, and several SFTP channels on one connection, all of which
// node-ssh's wrapper hides.
import net from 'node:net';
import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import { JobError } from '../errors.js';
import { hostKeyCheck, recordHostKey } from './hostkeys.js';
import { CERT_HOST_KEY_ALGORITHMS, defaultHostKeyAlgorithms, stopParsing, useCertifiedKey, watchKeyExchanges } from './ssh2-certificates.js';
import type { HostRoute, HostTarget } from './target.js';

export interface ConnectOptions {
  /** With its route (resolve-hosts.ts): jump hosts, credentials, host keys, connect timeout. */
  target: HostTarget;
  /** Retries of a connection refused, reset or cut before the handshake, with backoff (default 0). */
  retries?: number;
  keepaliveMs?: number;
  /** ssh2's protocol trace, for PEXSHIP_DEBUG. */
  debug?: (message: string) => void;
}

export interface SshConnection {
  label: string;
  client: ssh2.Client;
  /**
   * Starts a remote command; the stream is its stdin/stdout, `.stderr` its stderr. `attach` runs inside
   * ssh2's callback, before any later packet is handled: a fast command's output, exit status and close can
   * arrive in the same read as the confirmation (through a jump host they do), and would otherwise be missed.
   */
  exec(command: string, attach: (stream: ClientChannel) => void): Promise<ClientChannel>;
  sftp(): Promise<SFTPWrapper>;
  close(): void;
}

/** A failure worth another try: nothing reached the SSH layer (refused, reset, cut before the banner). */
class TransientConnectError extends JobError {}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function routeOf(target: HostTarget): HostRoute {
  if (!target.route) throw new Error(`internal: ${target.label} has no route; resolve it with resolveHosts`);
  return target.route;
}

function tcpConnect(host: string, port: number, timeoutMs: number, label: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port, noDelay: true });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new JobError(`${label}: no TCP connection to ${host} port ${port} within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      // Without it each SSH round trip waits on Nagle + delayed ACK (about 40 ms on Linux).
      sock.setNoDelay(true);
      resolve(sock);
    });
    sock.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const Err = TRANSIENT_CODES.has(err.code ?? '') ? TransientConnectError : JobError;
      reject(new Err(`${label}: cannot reach ${host} port ${port} (${err.code ?? err.message}).`));
    });
  });
}

async function handshake(
  target: HostTarget,
  sock: net.Socket | ClientChannel,
  opts: ConnectOptions,
  role: string,
): Promise<ssh2.Client> {
  const { credentials, hostKeys, connectTimeoutMs } = routeOf(target);
  const check = hostKeyCheck(hostKeys, target.host, target.port);
  let rejection: string | undefined;
  let record: string | undefined;
  const client = new ssh2.Client();
  const config: ConnectConfig = {
    sock: sock as ConnectConfig['sock'],
    username: target.user,
    readyTimeout: connectTimeoutMs,
    keepaliveInterval: opts.keepaliveMs ?? 10_000,
    keepaliveCountMax: 3,
    debug: opts.debug,
    hostVerifier: (key: Buffer) => {
      const verdict = check.verify(key);
      if (!verdict.ok) rejection = verdict.reason;
      else if (verdict.certifiedKey) rejection = useCertifiedKey(client, key, verdict.certifiedKey);
      else record = verdict.record;
      if (rejection !== undefined) stopParsing(client);
      return rejection === undefined;
    },
  };
  const algorithms = check.certificates ? [...CERT_HOST_KEY_ALGORITHMS, ...(check.algorithms ?? defaultHostKeyAlgorithms())] : check.algorithms;
  if (algorithms) config.algorithms = { serverHostKey: algorithms as never };
  if (credentials.privateKey) {
    config.privateKey = credentials.privateKey;
    if (credentials.passphrase) config.passphrase = credentials.passphrase;
  }
  if (credentials.agent) config.agent = credentials.agent;
  // accept-new: recorded only once the server has proven it holds the key (the key exchange is signed).
  client.once('handshake', () => {
    if (record) recordHostKey(hostKeys.knownHostsFile, record);
  });
  return await new Promise<ssh2.Client>((resolve, reject) => {
    const onError = (err: Error & { level?: string }) => {
      client.removeListener('ready', onReady);
      client.end();
      if (rejection) {
        reject(new JobError(`${role} ${target.label}: refusing to connect: ${rejection}`));
      } else if (err.level === 'client-authentication') {
        reject(new JobError(`${role} ${target.label}: the server refused ${credentials.source} for user '${target.user}'; check the user and that the public key is in its authorized_keys.`));
      } else if (/no matching host key/i.test(err.message) && algorithms) {
        reject(new JobError(`${role} ${target.label}: the server offers none of the host-key types pinned in ${hostKeys.sources ?? hostKeys.knownHostsFile} (${algorithms.join(', ')}); update known_hosts or pin with --host-fingerprint.`));
      } else if (/timed out/i.test(err.message)) {
        reject(new JobError(`${role} ${target.label}: the SSH handshake did not finish within ${connectTimeoutMs / 1000} s.`));
      } else if (/before handshake|ECONNRESET/i.test(err.message)) {
        reject(new TransientConnectError(`${role} ${target.label}: the connection was closed before the SSH handshake (${err.message}).`));
      } else {
        reject(new JobError(`${role} ${target.label}: SSH connection failed (${err.message}).`));
      }
    };
    const onReady = () => {
      client.removeListener('error', onError);
      client.on('error', () => {
        /* later errors surface through the channels that fail */
      });
      resolve(client);
    };
    client.once('error', onError);
    client.once('ready', onReady);
    client.connect(config);
    if (check.certificates) watchKeyExchanges(client);
  });
}

/** Connects through the target's jump hosts, retrying transient failures `opts.retries` times with backoff. */
export async function connect(opts: ConnectOptions): Promise<SshConnection> {
  const retries = opts.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await connectOnce(opts);
    } catch (err) {
      if (!(err instanceof TransientConnectError)) throw err;
      if (attempt >= retries) throw retries ? new JobError(`${err.message} Gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}.`) : err;
      opts.debug?.(`retrying in ${backoffMs(attempt)} ms: ${err.message}`);
      await new Promise((r) => setTimeout(r, backoffMs(attempt)));
    }
  }
}

/** 0.5 s, 1 s, 2 s, 4 s, then 5 s; ±20 % so a fleet does not knock in step. */
function backoffMs(attempt: number): number {
  return Math.round(Math.min(5000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4));
}

/** Opens a channel through `via` to the next hop; it becomes that hop's socket. */
function tunnel(via: ssh2.Client, viaTarget: HostTarget, to: HostTarget): Promise<ClientChannel> {
  return new Promise<ClientChannel>((resolve, reject) => {
    via.forwardOut('127.0.0.1', 0, to.host, to.port, (err, stream) => {
      if (err) {
        reject(new JobError(`${to.label}: the jump host ${viaTarget.label} would not open a tunnel to ${to.host} port ${to.port} (${err.message}); it needs AllowTcpForwarding.`));
      } else resolve(stream);
    });
  });
}

async function connectOnce(opts: ConnectOptions): Promise<SshConnection> {
  const { target } = opts;
  const hops = [...routeOf(target).jumps, target];
  const clients: ssh2.Client[] = [];
  const closeAll = () => {
    for (const c of [...clients].reverse()) c.end();
  };
  try {
    for (let i = 0; i < hops.length; i++) {
      const hop = hops[i];
      const role = i === hops.length - 1 ? 'host' : 'jump host';
      const sock =
        i === 0
          ? await tcpConnect(hop.host, hop.port, routeOf(hop).connectTimeoutMs, i === hops.length - 1 ? hop.label : `jump host ${hop.label}`)
          : await tunnel(clients[i - 1], hops[i - 1], hop);
      clients.push(await handshake(hop, sock, opts, role));
    }
  } catch (err) {
    closeAll();
    throw err;
  }
  const client = clients[clients.length - 1];
  client.on('close', closeAll);
  return {
    label: target.label,
    client,
    exec: (command, attach) =>
      new Promise((resolve, reject) =>
        client.exec(command, (err, stream) => {
          if (err) return reject(new JobError(`${target.label}: cannot run a command (${err.message}).`));
          attach(stream);
          resolve(stream);
        }),
      ),
    sftp: () =>
      new Promise((resolve, reject) =>
        client.sftp((err, sftp) => (err ? reject(new JobError(`${target.label}: cannot open SFTP (${err.message}); the server needs the sftp subsystem.`)) : resolve(sftp))),
      ),
    close: closeAll,
  };
}
