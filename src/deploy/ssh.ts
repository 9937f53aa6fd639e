// One SSH connection per host, on ssh2 directly: we need the raw socket (TCP_NODELAY), host-key algorithm
// restriction, a verifier that reports what it saw, and several SFTP channels on one connection, all of which
// node-ssh's wrapper hides.
import net from 'node:net';
import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig, SFTPWrapper } from 'ssh2';
import { JobError } from '../errors.js';
import type { Credentials } from './credentials.js';
import { hostKeyCheck, type HostKeyPolicy } from './hostkeys.js';
import type { HostTarget } from './target.js';

export interface ConnectOptions {
  target: HostTarget;
  credentials: Credentials;
  hostKeys: HostKeyPolicy;
  jump?: HostTarget;
  connectTimeoutMs: number;
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

function tcpConnect(host: string, port: number, timeoutMs: number, label: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port, noDelay: true });
    // For the socket's whole life: a reset after the handshake must not become an unhandled 'error'.
    sock.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new JobError(`${label}: cannot reach ${host} port ${port} (${err.code ?? err.message}).`));
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
  const check = hostKeyCheck(opts.hostKeys, target.host, target.port);
  let rejection: string | undefined;
  const client = new ssh2.Client();
  const config: ConnectConfig = {
    sock: sock as ConnectConfig['sock'],
    username: target.user,
    readyTimeout: opts.connectTimeoutMs,
    keepaliveInterval: opts.keepaliveMs ?? 10_000,
    keepaliveCountMax: 3,
    debug: opts.debug,
    hostVerifier: (key: Buffer) => {
      const verdict = check.verify(key);
      if (!verdict.ok) rejection = verdict.reason;
      return verdict.ok;
    },
  };
  if (check.algorithms) config.algorithms = { serverHostKey: check.algorithms as never };
  if (opts.credentials.privateKey) {
    config.privateKey = opts.credentials.privateKey;
    if (opts.credentials.passphrase) config.passphrase = opts.credentials.passphrase;
  }
  if (opts.credentials.agent) config.agent = opts.credentials.agent;
  return await new Promise<ssh2.Client>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error('timed out')), opts.connectTimeoutMs + 1000);
    // ssh2 can emit several errors for one connection (a timeout, then the socket's reset; an agent that
    // fails, then the server's disconnect): one listener for the client's whole life, the first one counts.
    const fail = (err: Error & { level?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end();
      (sock as net.Socket).destroy?.();
      reject(new JobError(`${role} ${target.label}: ${handshakeFailure(err, rejection, target, opts, check.algorithms)}`));
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
  opts: ConnectOptions,
  algorithms: string[] | undefined,
): string {
  if (rejection) return `refusing to connect: ${rejection}`;
  if (err.level === 'client-authentication') {
    return `the server refused ${opts.credentials.source} for user '${target.user}'; check the user and that the public key is in its authorized_keys.`;
  }
  if (err.level === 'agent') return `the SSH agent failed (${err.message}); check SSH_AUTH_SOCK or pass --identity.`;
  if (/no matching host key/i.test(err.message) && algorithms) {
    return `the server offers none of the host-key types pinned in ${opts.hostKeys.knownHostsFile} (${algorithms.join(', ')}); update known_hosts or pin with --host-fingerprint.`;
  }
  if (/timed out/i.test(err.message)) return `the SSH handshake did not finish within ${opts.connectTimeoutMs / 1000} s (no SSH banner, or a stalled connection).`;
  if (/too many authentication failures/i.test(err.message)) {
    return `the server ended the login after too many keys were offered (its MaxAuthTries; an agent with many keys offers them all): pass the right key with --identity.`;
  }
  if (/closed the connection|ECONNRESET|disconnect/i.test(err.message)) {
    return `the server closed the connection before login finished (${err.message}); with an agent holding many keys, a low MaxAuthTries on the server ends the login early: pass --identity.`;
  }
  return `SSH connection failed (${err.message}).`;
}

export async function connect(opts: ConnectOptions): Promise<SshConnection> {
  const { target } = opts;
  let jumpClient: ssh2.Client | undefined;
  let sock: net.Socket | ClientChannel;
  if (opts.jump) {
    const jump = opts.jump;
    const jumpSock = await tcpConnect(jump.host, jump.port, opts.connectTimeoutMs, `jump host ${jump.label}`);
    jumpClient = await handshake(jump, jumpSock, opts, 'jump host');
    jumpClient.on('error', () => {
      /* the tunnel's failure surfaces on the target's connection */
    });
    const jc = jumpClient;
    sock = await new Promise<ClientChannel>((resolve, reject) => {
      jc.forwardOut('127.0.0.1', 0, target.host, target.port, (err, stream) => {
        if (err) {
          jc.end();
          reject(new JobError(`${target.label}: the jump host ${jump.label} would not open a tunnel to ${target.host} port ${target.port} (${err.message}); it needs AllowTcpForwarding.`));
        } else {
          stream.on('error', () => {
            /* surfaces as the target connection's close */
          });
          resolve(stream);
        }
      });
    });
  } else {
    sock = await tcpConnect(target.host, target.port, opts.connectTimeoutMs, target.label);
  }
  let client: ssh2.Client;
  try {
    client = await handshake(target, sock, opts, 'host');
  } catch (err) {
    jumpClient?.end();
    throw err;
  }
  client.on('error', () => {
    /* later errors surface through the channels they break, which close */
  });
  client.on('close', () => jumpClient?.end());
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
    close: () => {
      client.end();
      jumpClient?.end();
    },
  };
}
