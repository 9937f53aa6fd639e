// Test helper: real OpenSSH servers on loopback, each with its own host key and config, optionally in its own
// mount namespace with a private directory bind-mounted over the deploy base, so hosts do not share files.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const SSHD = '/usr/sbin/sshd';

/** Fails (never skips) when OpenSSH is missing: the deploy tests are the proof the deploy works. */
export function requireSshd(): void {
  if (!existsSync(SSHD)) {
    throw new Error(`${SSHD} is missing: the deploy tests need openssh-server (apt-get install -y openssh-server; 'npm test' installs it as root).`);
  }
  if (!existsSync('/usr/bin/ssh-keygen')) throw new Error('ssh-keygen is missing: apt-get install -y openssh-client.');
}

export function keygen(file: string, type = 'ed25519', passphrase = ''): { pub: string; fingerprint: string } {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', 'pexship-test', '-f', file], { stdio: 'ignore' });
  return publicKeyOf(file);
}

function publicKeyOf(file: string): { pub: string; fingerprint: string } {
  const pub = readFileSync(`${file}.pub`, 'utf8').trim();
  const fp = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], { encoding: 'utf8' }).split(' ')[1];
  return { pub, fingerprint: fp };
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForBanner(host: string, port: number, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`sshd exited (${proc.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host, port });
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('SSH-'));
      });
      s.once('error', () => resolve(false));
      setTimeout(() => {
        s.destroy();
        resolve(false);
      }, 1000);
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd on port ${port} did not answer:\n${log()}`);
}

export interface TestSshd {
  port: number;
  hostKeyFile: string;
  hostPub: string;
  fingerprint: string;
  /** `[127.0.0.1]:port ssh-ed25519 AAAA…` */
  knownHostsLine(host?: string): string;
  /** Runs a shell script in this sshd's mount namespace (what its sessions see), returning its stdout. */
  inside(script: string): string;
  stop(): void;
}

export interface SshdOptions {
  dir: string;
  authorizedKeys: string;
  listen?: string[];
  /** Bind-mount `source` over `target` in a private mount namespace for this sshd only. */
  privateMount?: { source: string; target: string };
  allowForwarding?: boolean;
  /** Extra variables for sessions (sshd's SetEnv), e.g. a PATH without some tools. */
  env?: Record<string, string>;
  /** Host key type (default ed25519). */
  hostKeyType?: 'ed25519' | 'rsa' | 'ecdsa';
  /** Signs the new host key (given its .pub file) and returns the certificate file sshd presents. */
  hostCertificate?: (hostPubFile: string) => string;
  /** Listen on this port (default: a free one). */
  port?: number;
  extraConfig?: string[];
  /**
   * Shell run as root in the sshd's own mount namespace before sshd starts, with $TARGET the private mount's
   * target: mount a small tmpfs there, bind a passwd with another login shell over /etc/passwd, …
   */
  setup?: string;
}

export async function startSshd(o: SshdOptions): Promise<TestSshd> {
  requireSshd();
  mkdirSync(o.dir, { recursive: true });
  mkdirSync('/run/sshd', { recursive: true }); // privilege-separation directory sshd insists on
  const hostKeyFile = path.join(o.dir, `host_${o.hostKeyType ?? 'ed25519'}`);
  // A restarted server (same dir) keeps its host key, as a rebooted host does.
  const { pub: hostPub, fingerprint } = existsSync(hostKeyFile) ? publicKeyOf(hostKeyFile) : keygen(hostKeyFile, o.hostKeyType);
  const certificate = o.hostCertificate?.(`${hostKeyFile}.pub`);
  const port = o.port ?? (await freePort());
  const listen = o.listen ?? ['127.0.0.1'];
  const home = path.join(o.dir, 'home');
  mkdirSync(home, { recursive: true });
  const config = [
    `Port ${port}`,
    ...listen.map((a) => `ListenAddress ${a.includes(':') ? `[${a}]` : a}`),
    `HostKey ${hostKeyFile}`,
    ...(certificate ? [`HostCertificate ${certificate}`] : []),
    `PidFile ${path.join(o.dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${o.authorizedKeys}`,
    'StrictModes no',
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin yes',
    `AllowTcpForwarding ${o.allowForwarding ? 'yes' : 'no'}`,
    'MaxSessions 20',
    'Subsystem sftp internal-sftp',
    'LogLevel ERROR',
    // An empty home for sessions: this machine's root ~/.bashrc (pyenv init), which bash reads for every
    // command run over SSH, costs ~200 ms per command and is not what a deploy user's host looks like.
    `SetEnv HOME=${home}${Object.entries(o.env ?? {}).map(([k, v]) => ` ${k}=${v}`).join('')}`,
    ...(o.extraConfig ?? []),
    '',
  ].join('\n');
  const configFile = path.join(o.dir, 'sshd_config');
  writeFileSync(configFile, config);
  let proc: ChildProcess;
  if (o.privateMount || o.setup) {
    const mount = o.privateMount ?? { source: path.join(o.dir, 'root'), target: path.join(o.dir, 'root') };
    mkdirSync(mount.source, { recursive: true });
    mkdirSync(mount.target, { recursive: true });
    proc = spawn(
      'unshare',
      ['-m', '--propagation', 'private', 'sh', '-c', `mount --bind "$1" "$2" && TARGET=$2 && { ${o.setup ?? ':'}
} && exec "$3" -D -e -f "$4"`, 'sh', mount.source, mount.target, SSHD, configFile],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } else {
    proc = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  let log = '';
  proc.stderr!.on('data', (d) => (log = (log + d).slice(-4000)));
  await waitForBanner(listen[0].includes(':') ? listen[0] : listen[0], port, proc, () => log);
  const keyParts = hostPub.split(' ');
  return {
    port,
    hostKeyFile,
    hostPub,
    fingerprint,
    knownHostsLine: (host = '127.0.0.1') => `[${host}]:${port} ${keyParts[0]} ${keyParts[1]}`,
    inside: (script: string) =>
      o.privateMount || o.setup
        ? execFileSync('nsenter', ['-t', String(proc.pid), '-m', 'sh', '-c', script], { encoding: 'utf8' })
        : execFileSync('sh', ['-c', script], { encoding: 'utf8' }),
    stop: () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
    },
  };
}
