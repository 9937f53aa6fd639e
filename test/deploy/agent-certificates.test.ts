// User certificates held in a real ssh-agent (`ssh-add KEY` loads KEY and KEY-cert.pub), against real sshd that
// trusts only the user CA (TrustedUserCAKeys, an empty authorized_keys) and ends the login after 3 refused offers.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReleases } from '../../src/deploy/index.js';
import { tempDir } from './fixtures.js';
import { keygen, startSshd, type TestSshd } from './sshd.js';

// RSA only with SHA-512: an agent asked without the rsa-sha2-512 flag signs with SHA-1, and is refused.
const ACCEPTED = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512'].flatMap((a) => [`${a}-cert-v01@openssh.com`, a]).join(',');

let work: string;
let caKey: string;
let server: TestSshd;
let knownHosts: string;
const agents: number[] = [];

beforeAll(async () => {
  work = tempDir('agentcert');
  caKey = path.join(work, 'user_ca');
  keygen(caKey);
  const none = path.join(work, 'authorized_none');
  writeFileSync(none, '');
  server = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: none, extraConfig: [`TrustedUserCAKeys ${caKey}.pub`, 'MaxAuthTries 3', `PubkeyAcceptedAlgorithms ${ACCEPTED}`] });
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, server.knownHostsLine() + '\n');
});
afterAll(() => {
  server?.stop();
  for (const pid of agents) process.kill(pid);
});

/** A fresh ssh-agent of the test's own, on its own socket. */
function startAgent(name: string): string {
  const sock = path.join(work, `${name}.sock`);
  const out = execFileSync('ssh-agent', ['-s', '-a', sock], { encoding: 'utf8' });
  agents.push(Number(/SSH_AGENT_PID=(\d+)/.exec(out)![1]));
  return sock;
}

const sshAdd = (sock: string, key: string) => execFileSync('ssh-add', [key], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'pipe' });
const agentList = (sock: string) => execFileSync('ssh-add', ['-L'], { env: { ...process.env, SSH_AUTH_SOCK: sock }, encoding: 'utf8' });

/** A key made with ssh-keygen, with its certificate next to it (KEY-cert.pub) for principal root. */
function certifiedKey(name: string, type = 'ed25519', validity = '-5m:+1h'): string {
  const key = path.join(work, name);
  keygen(key, type);
  execFileSync('ssh-keygen', ['-q', '-s', caKey, '-I', `id-${name}`, '-n', 'root', '-V', validity, `${key}.pub`], { stdio: 'ignore' });
  return key;
}

const list = (agentSocket: string | null, extra: Record<string, unknown> = {}) =>
  listReleases({ hosts: [`root@127.0.0.1:${server.port}`], path: path.join(work, 'srv'), knownHostsFile: knownHosts, sshConfigFile: 'none', agentSocket, ...extra });

describe('user certificates in the SSH agent', () => {
  it('log in with the agent certificate of an ed25519, an RSA (rsa-sha2-512) and an ECDSA key', async () => {
    for (const type of ['ed25519', 'rsa', 'ecdsa']) {
      const sock = startAgent(`agent-${type}`);
      const key = certifiedKey(`user_${type}`, type);
      sshAdd(sock, key);
      expect(agentList(sock), type).toContain('-cert-v01@openssh.com');
      const r = await list(sock);
      expect(r[0].ok, `${type}: ${r[0].error}`).toBe(true);
    }
  });

  it('uses the agent certificate of --identity KEY when KEY-cert.pub is not next to the key file', async () => {
    const sock = startAgent('agent-identity');
    const key = certifiedKey('user_identity');
    sshAdd(sock, key);
    // An agent that cannot be reached is passed over, as ssh does, when a key file can log in.
    const deadAgent = await list(path.join(work, 'no-agent.sock'), { identityFile: key });
    expect(deadAgent[0].ok, deadAgent[0].error).toBe(true);
    renameSync(`${key}-cert.pub`, `${key}-cert.moved`);
    const withAgent = await list(sock, { identityFile: key });
    expect(withAgent[0].ok, withAgent[0].error).toBe(true);
    // The key file alone is refused: the certificate came from the agent.
    const alone = await list(null, { identityFile: key });
    expect(alone[0].ok).toBe(false);
    expect(alone[0].error).toContain(`the server refused --identity ${key} for user 'root'`);
  });

  it('refuses an expired certificate in the agent with an error naming it and when it expired', async () => {
    const sock = startAgent('agent-expired');
    sshAdd(sock, certifiedKey('user_expired', 'ed25519', '20200101:20200102'));
    expect(agentList(sock)).toContain('-cert-v01@openssh.com');
    const r = await list(sock);
    expect(r[0].ok).toBe(false);
    expect(r[0].error).toContain(`the server refused the SSH agent (${sock}) for user 'root'`);
    // ssh-add keeps the key's comment; ssh-keygen -V reads local time.
    expect(r[0].error).toMatch(/the certificate 'pexship-test' in the SSH agent \(key id 'id-user_expired'\) expired at 2020-01-0[12]T/);
    expect(r[0].error).toContain('TrustedUserCAKeys');
  });

  it('offers the certificate before the agent\'s many plain keys, within MaxAuthTries 3', async () => {
    const sock = startAgent('agent-many');
    for (let i = 0; i < 6; i++) {
      const plain = path.join(work, `plain${i}`);
      keygen(plain, i % 2 ? 'ecdsa' : 'ed25519');
      sshAdd(sock, plain);
    }
    sshAdd(sock, certifiedKey('user_many'));
    const identities = agentList(sock).trim().split('\n');
    expect(identities).toHaveLength(8);
    expect(identities[7]).toContain('-cert-v01@openssh.com');
    const r = await list(sock);
    expect(r[0].ok, r[0].error).toBe(true);
  });

  it('an agent holding no keys fails with a message that says so', async () => {
    const sock = startAgent('agent-empty');
    const r = await list(sock);
    expect(r[0].ok).toBe(false);
    expect(r[0].error).toContain(`the SSH agent (${sock}) holds no keys`);
  });
});
