// One SSH connection per host, on ssh2 directly: we need the raw socket (TCP_NODELAY), host-key algorithm
// restriction, a verifier that reports what it saw, and several SFTP channels on one connection, all of which
// node-ssh's wrapper hides.
import net from 'node:net';
import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import { JobError } from '../errors.js';
import { hostKeyCheck, recordHostKey } from './hostkeys.js';
import { CERT_HOST_KEY_ALGORITHMS, defaultHostKeyAlgorithms, stopParsing, useCertifiedKey, watchKeyExchanges } from './ssh2-certificates.js';
import { certificateNotes, loginMethods, type LoginMethods, type OfferedCertificate } from './login-methods.js';
import { signWithCertificates } from './ssh2-user-certificates.js';
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

function tcpConnect(host: string, port: number, timeoutMs: number, label: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port, noDelay: true });
    // For the socket's whole life: a reset after the handshake must not become an unhandled 'error'.
    sock.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const Err = TRANSIENT_CODES.has(err.code ?? '') ? TransientConnectError : JobError;
      reject(new Err(`${label}: cannot reach ${host} port ${port} (${err.code ?? err.message}).`));
    });
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
  });
}

async function handshake(
  target: HostTarget,
  sock: net.Socket | ClientChannel,
  opts: ConnectOptions,
  role: string,
): Promise<ssh2.Client> {
  const { credentials, hostKeys, connectTimeoutMs } = target.route;
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
  let login: LoginMethods;
  try {
    login = await loginMethods(credentials, target.user);
  } catch (err) {
    (sock as net.Socket).destroy?.();
    throw new JobError(`${role} ${target.label}: ${handshakeFailure(err as Error, undefined, target, target.route, algorithms, [])}`);
  }
  if (!login.methods.length) {
    (sock as net.Socket).destroy?.();
    throw new JobError(`${role} ${target.label}: the SSH agent (${credentials.agent}) holds no keys; add one with ssh-add, or pass --identity.`);
  }
  config.authHandler = login.methods;
  opts.debug?.(`login offers, in order: ${login.order.join('; ')}`);
  // accept-new: recorded only once the server has proven it holds the key (the key exchange is signed).
  client.once('handshake', () => {
    if (record) recordHostKey(hostKeys.knownHostsFile, record);
  });
  let handshaken = false;
  client.once('handshake', () => (handshaken = true));
  return await new Promise<ssh2.Client>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error('timed out')), connectTimeoutMs + 1000);
    // ssh2 can emit several errors for one connection (a timeout, then the socket's reset; an agent that
    // fails, then the server's disconnect): one listener for the client's whole life, the first one counts.
    const fail = (err: Error & { level?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end();
      (sock as net.Socket).destroy?.();
      const why = `${role} ${target.label}: ${handshakeFailure(err, rejection, target, target.route, algorithms, login.certificates)}`;
      // Cut before the key exchange (a host rebooting, sshd's MaxStartups shedding load): worth a retry.
      const transient = !handshaken && !rejection && /before handshake|ECONNRESET|closed the connection/i.test(err.message);
      reject(transient ? new TransientConnectError(why) : new JobError(why));
    };
    client.on('error', fail);
    client.on('close', () => fail(new Error('the server closed the connection')));
    client.once('ready', () => {
      if (settled) return client.end();
      settled = true;
      clearTimeout(timer);
      resolve(client);
    });
    try {
      client.connect(config);
      if (check.certificates) watchKeyExchanges(client);
      if (login.certificates.length) signWithCertificates(client);
    } catch (err) {
      fail(err as Error);
    }
  });
}

/** The message for a connection that failed before it was ready: what happened and what to do. */
function handshakeFailure(
  err: Error & { level?: string },
  rejection: string | undefined,
  target: HostTarget,
  route: HostRoute,
  algorithms: string[] | undefined,
  certificates: OfferedCertificate[],
): string {
  if (rejection) return `refusing to connect: ${rejection}`;
  if (err.level === 'client-authentication') {
    const refused = `the server refused ${route.credentials.source} for user '${target.user}'${certificateNotes(certificates)}`;
    if (!certificates.length) return `${refused}; check the user and that the public key is in its authorized_keys.`;
    return `${refused}; check the user, that the server trusts the certificate's CA (TrustedUserCAKeys) for one of its principals, or that the public key is in its authorized_keys.`;
  }
  if (err.level === 'agent') return `the SSH agent failed (${err.message}); check SSH_AUTH_SOCK or pass --identity.`;
  if (/no matching host key/i.test(err.message) && algorithms) {
    return `the server offers none of the host-key types pinned in ${route.hostKeys.sources ?? route.hostKeys.knownHostsFile} (${algorithms.join(', ')}); update known_hosts or pin with --host-fingerprint.`;
  }
  if (/timed out/i.test(err.message)) return `the SSH handshake did not finish within ${route.connectTimeoutMs / 1000} s (no SSH banner, or a stalled connection).`;
  if (/too many authentication failures/i.test(err.message)) {
    return `the server ended the login after too many keys were offered (its MaxAuthTries; an agent with many keys offers them all): pass the right key with --identity.`;
  }
  if (/before handshake/i.test(err.message)) return `the connection was closed before the SSH handshake (${err.message}).`;
  if (/closed the connection|ECONNRESET|disconnect/i.test(err.message)) {
    return `the server closed the connection before login finished (${err.message}); with an agent holding many keys, a low MaxAuthTries on the server ends the login early: pass --identity.`;
  }
  return `SSH connection failed (${err.message}).`;
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
      } else {
        stream.on('error', () => {
          /* surfaces as the next hop's close */
        });
        resolve(stream);
      }
    });
  });
}

async function connectOnce(opts: ConnectOptions): Promise<SshConnection> {
  const { target } = opts;
  const hops = [...target.route.jumps, target];
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
          ? await tcpConnect(hop.host, hop.port, hop.route.connectTimeoutMs, i === hops.length - 1 ? hop.label : `jump host ${hop.label}`)
          : await tunnel(clients[i - 1], hops[i - 1], hop);
      const client = await handshake(hop, sock, opts, role);
      // Later errors surface through the channels they break (a jump host's, as the tunnel's close).
      client.on('error', () => {});
      clients.push(client);
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
      new Promise((resolve, reject) => {
        try {
          client.exec(command, (err, stream) => {
            if (err) return reject(new JobError(`${target.label}: cannot run a command (${err.message}).`));
            attach(stream);
            resolve(stream);
          });
        } catch (err) {
          reject(new JobError(`${target.label}: cannot run a command (${(err as Error).message}).`));
        }
      }),
    sftp: () =>
      new Promise((resolve, reject) => {
        try {
          client.sftp((err, sftp) => {
            if (err) return reject(new JobError(`${target.label}: cannot open SFTP (${err.message}); the server needs the sftp subsystem.`));
            sftp.on('error', () => {
              /* a failed request rejects its own callback */
            });
            resolve(sftp);
          });
        } catch (err) {
          reject(new JobError(`${target.label}: cannot open SFTP (${(err as Error).message}).`));
        }
      }),
    close: closeAll,
  };
}
