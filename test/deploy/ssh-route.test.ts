// ssh_config against real OpenSSH servers: an alias reached through a two-hop ProxyJump chain, each hop with
// its own key and host-key check; known_hosts from the user and the global file; StrictHostKeyChecking
// accept-new; retries of refused and dropped connections.
import { execFileSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, listReleases } from '../../src/deploy/index.js';
import { currentRelease, fakePex, makeClientKeys, tempDir } from './fixtures.js';
import { freePort, keygen, startSshd, type TestSshd } from './sshd.js';

let work: string;
let base: string;
let j1: TestSshd;
let j2: TestSshd;
let app: TestSshd;
const servers: TestSshd[] = [];
let userKnown: string;
let globalKnown: string;
const key = (n: string) => path.join(work, `k${n}`);

beforeAll(async () => {
  work = tempDir('route');
  base = path.join(work, 'srv');
  // One client key per server: a hop authenticated with another hop's key is refused.
  const authorized = ['1', '2', '3'].map((n) => {
    const file = path.join(work, `authorized_${n}`);
    writeFileSync(file, keygen(key(n)).pub + '\n');
    return file;
  });
  [j1, j2, app] = await Promise.all([
    startSshd({ dir: path.join(work, 'j1'), authorizedKeys: authorized[0], allowForwarding: true }),
    startSshd({ dir: path.join(work, 'j2'), authorizedKeys: authorized[1], allowForwarding: true }),
    startSshd({ dir: path.join(work, 'app'), authorizedKeys: authorized[2] }),
  ]);
  servers.push(j1, j2, app);
  userKnown = path.join(work, 'known_hosts_user');
  globalKnown = path.join(work, 'known_hosts_global');
});
afterAll(() => {
  for (const s of servers) s.stop();
});

function config(name: string, extra: { j2Key?: string; strictApp?: string } = {}): string {
  const file = path.join(work, name);
  writeFileSync(
    file,
    [
      'Host app',
      '  HostName 127.0.0.1',
      `  Port ${app.port}`,
      `  IdentityFile ${key('3')}`,
      '  ProxyJump j1,j2',
      ...(extra.strictApp ? [`  StrictHostKeyChecking ${extra.strictApp}`] : []),
      'Host j1',
      '  HostName 127.0.0.1',
      `  Port ${j1.port}`,
      `  IdentityFile ${key('1')}`,
      '  StrictHostKeyChecking accept-new',
      'Host j2',
      '  HostName 127.0.0.1',
      `  Port ${j2.port}`,
      `  IdentityFile ${extra.j2Key ?? key('2')}`,
      'Host *',
      '  User root',
      `  UserKnownHostsFile ${userKnown}`,
      `  GlobalKnownHostsFile ${globalKnown}`,
      '',
    ].join('\n'),
  );
  return file;
}

const opts = (sshConfigFile: string) => ({ hosts: ['app'], path: base, sshConfigFile, agentSocket: null });

describe('ssh_config routes against real sshd', () => {
  it('deploys to an alias through a two-hop ProxyJump chain; accept-new records the unknown hop once', async () => {
    writeFileSync(userKnown, j2.knownHostsLine() + '\n'); // j1 is unknown: accept-new
    writeFileSync(globalKnown, app.knownHostsLine() + '\n'); // app is known only globally
    const file = config('chain.conf');
    const r = await deploy({ ...opts(file), pexFile: fakePex(path.join(work, 'a.pex'), 'a1') });
    expect(r.ok, JSON.stringify(r, null, 2)).toBe(true);
    expect(r.hosts[0].host).toBe('app');
    expect(currentRelease(base)!.id).toBe(r.release);
    expect(readFileSync(userKnown, 'utf8')).toBe(`${j2.knownHostsLine()}\n${j1.knownHostsLine()}\n`);
    // Now j1 is known: a second run connects and records nothing more.
    const again = await listReleases(opts(file));
    expect(again[0].ok, again[0].error).toBe(true);
    expect(again[0].current).toBe(r.release);
    expect(readFileSync(userKnown, 'utf8')).toBe(`${j2.knownHostsLine()}\n${j1.knownHostsLine()}\n`);
  });

  it('checks every hop: a changed key is refused even with accept-new, each hop uses its own key', async () => {
    const file = config('chain2.conf');
    // j1's recorded key now differs (as after a reinstall or an attack): accept-new does not accept a change.
    writeFileSync(userKnown, `${j2.knownHostsLine()}\n[127.0.0.1]:${j1.port} ${j2.hostPub.split(' ').slice(0, 2).join(' ')}\n`);
    const changed = await listReleases(opts(file));
    expect(changed[0].ok).toBe(false);
    expect(changed[0].error).toContain('jump host j1: refusing to connect: HOST KEY MISMATCH');
    expect(changed[0].error).toContain(j1.fingerprint);

    writeFileSync(userKnown, `${j2.knownHostsLine()}\n${j1.knownHostsLine()}\n`);
    // j2 logs in with j1's key, which j2 does not accept: the error names the hop and its IdentityFile.
    const wrongKey = await listReleases(opts(config('wrongkey.conf', { j2Key: key('1') })));
    expect(wrongKey[0].ok).toBe(false);
    expect(wrongKey[0].error).toContain(`jump host j2: the server refused IdentityFile ${key('1')} for user 'root'`);

    // The target's key revoked in the global file: refused, naming @revoked.
    writeFileSync(globalKnown, `@revoked ${app.knownHostsLine()}\n`);
    const revoked = await listReleases(opts(file));
    expect(revoked[0].error).toContain(`host app: refusing to connect: its host key ssh-ed25519 ${app.fingerprint} is marked @revoked`);

    // Not in any file and StrictHostKeyChecking yes: refused, naming the files searched.
    writeFileSync(globalKnown, '');
    const unknown = await listReleases(opts(config('strict.conf', { strictApp: 'yes' })));
    expect(unknown[0].error).toContain(`host app: refusing to connect: unknown host key ssh-ed25519 ${app.fingerprint}: no entry for [127.0.0.1]:${app.port} in ${userKnown}`);
    // StrictHostKeyChecking no is refused before any connection.
    await expect(listReleases(opts(config('no.conf', { strictApp: 'no' })))).rejects.toThrow(/StrictHostKeyChecking no applies to app/);
  });

  it('accept-new follows HashKnownHosts: the recorded name is hashed, and ssh-keygen -F finds it', async () => {
    const run = async (hash: 'yes' | 'no') => {
      const file = path.join(work, `hash-${hash}.conf`);
      const kh = path.join(work, `known_hosts_hash_${hash}`);
      writeFileSync(file, `Host *\n  User root\n  StrictHostKeyChecking accept-new\n  HashKnownHosts ${hash}\n  UserKnownHostsFile ${kh}\n  GlobalKnownHostsFile none\n  IdentityFile ${key('3')}\n`);
      const r = await listReleases({ hosts: [`127.0.0.1:${app.port}`], path: base, sshConfigFile: file, agentSocket: null });
      expect(r[0].ok, r[0].error).toBe(true);
      // Read back with the recorded line only: the second run trusts it (no mismatch, nothing added).
      const again = await listReleases({ hosts: [`127.0.0.1:${app.port}`], path: base, sshConfigFile: file, agentSocket: null });
      expect(again[0].ok, again[0].error).toBe(true);
      return readFileSync(kh, 'utf8');
    };
    const hashed = await run('yes');
    const lines = hashed.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\|1\|[A-Za-z0-9+/]{27}=\|[A-Za-z0-9+/]{27}= ssh-ed25519 /);
    expect(lines[0]).not.toContain('127.0.0.1');
    expect(lines[0].split(' ').slice(1).join(' ')).toBe(app.hostPub.split(' ').slice(0, 2).join(' '));
    // OpenSSH's own lookup finds the entry under the host's name, and only under it.
    const kh = path.join(work, 'known_hosts_hash_yes');
    const found = execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${app.port}`, '-f', kh], { encoding: 'utf8' });
    expect(found).toContain(`Host [127.0.0.1]:${app.port} found`);
    expect(() => execFileSync('ssh-keygen', ['-F', `[127.0.0.1]:${app.port + 1}`, '-f', kh], { stdio: 'pipe' })).toThrow();
    // HashKnownHosts no (OpenSSH's default): the plain name, as before.
    expect(await run('no')).toBe(`${app.knownHostsLine()}\n`);
  });

  it('logs in with user certificates (the -cert.pub next to the key, or CertificateFile) where only TrustedUserCAKeys vouches', async () => {
    const caKey = path.join(work, 'user_ca');
    keygen(caKey);
    const none = path.join(work, 'authorized_none');
    writeFileSync(none, '');
    const certHost = await startSshd({ dir: path.join(work, 'certhost'), authorizedKeys: none, extraConfig: [`TrustedUserCAKeys ${caKey}.pub`] });
    servers.push(certHost);
    const kh = path.join(work, 'known_hosts_certhost');
    writeFileSync(kh, certHost.knownHostsLine() + '\n');
    const certify = (keyFile: string, validity = '-5m:+1h', principal = 'root') =>
      execFileSync('ssh-keygen', ['-q', '-s', caKey, '-I', `user-${path.basename(keyFile)}`, '-n', principal, '-V', validity, `${keyFile}.pub`], { stdio: 'ignore' });
    const list = (extra: Record<string, unknown>) =>
      listReleases({ hosts: [`root@127.0.0.1:${certHost.port}`], path: base, knownHostsFile: kh, agentSocket: null, sshConfigFile: 'none', ...extra });

    // ed25519, RSA (signed with rsa-sha2-512) and ECDSA keys, each with its certificate next to it.
    for (const type of ['ed25519', 'rsa', 'ecdsa']) {
      const k = path.join(work, `user_${type}`);
      keygen(k, type);
      const without = await list({ identityFile: k });
      expect(without[0].ok, type).toBe(false);
      expect(without[0].error).toContain(`the server refused --identity ${k} for user 'root'`);
      certify(k);
      const withCert = await list({ identityFile: k });
      expect(withCert[0].ok, `${type}: ${withCert[0].error}`).toBe(true);
    }

    // The key and its certificate as text (PEXSHIP_SSH_KEY and PEXSHIP_SSH_CERTIFICATE, the action's inputs).
    const ed = path.join(work, 'user_ed25519');
    const asText = await list({ privateKey: readFileSync(ed, 'utf8'), certificate: readFileSync(`${ed}-cert.pub`, 'utf8') });
    expect(asText[0].ok, asText[0].error).toBe(true);
    const textOnly = await list({ privateKey: readFileSync(ed, 'utf8') });
    expect(textOnly[0].error).toContain("the server refused PEXSHIP_SSH_KEY for user 'root'");
    await expect(list({ privateKey: readFileSync(ed, 'utf8'), certificate: readFileSync(`${path.join(work, 'user_rsa')}-cert.pub`, 'utf8') })).rejects.toThrow(
      'PEXSHIP_SSH_CERTIFICATE: the certificate is for another key than PEXSHIP_SSH_KEY',
    );
    await expect(list({ certificate: readFileSync(`${ed}-cert.pub`, 'utf8') })).rejects.toThrow('PEXSHIP_SSH_CERTIFICATE needs the private key it certifies');

    // CertificateFile from ssh_config, kept elsewhere.
    const k = path.join(work, 'user_cfg');
    keygen(k);
    certify(k);
    const elsewhere = path.join(work, 'certs-user_cfg.pub');
    writeFileSync(elsewhere, readFileSync(`${k}-cert.pub`));
    unlinkSync(`${k}-cert.pub`);
    const conf = path.join(work, 'usercert.conf');
    writeFileSync(conf, `Host *\n  User root\n  IdentityFile ${k}\n  CertificateFile ${elsewhere}\n  UserKnownHostsFile ${kh}\n`);
    const fromConfig = await listReleases({ hosts: [`127.0.0.1:${certHost.port}`], path: base, sshConfigFile: conf, agentSocket: null });
    expect(fromConfig[0].ok, fromConfig[0].error).toBe(true);

    // An expired certificate, or one for another principal, is refused by the server; the error names it.
    const old = path.join(work, 'user_old');
    keygen(old);
    certify(old, '20200101:20200102');
    const expired = await list({ identityFile: old });
    expect(expired[0].ok).toBe(false);
    expect(expired[0].error).toContain(`the server refused --identity ${old} with certificate ${old}-cert.pub for user 'root'`);
    expect(expired[0].error).toMatch(/\(the certificate \S+user_old-cert\.pub \(key id 'user-user_old'\) expired at 2020-01-0[12]T/);
    // A certificate that certifies another key is not used (as ssh skips it); a file that is no certificate fails.
    const other = path.join(work, 'user_other');
    keygen(other);
    writeFileSync(`${other}-cert.pub`, readFileSync(`${path.join(work, 'user_ed25519')}-cert.pub`));
    const mismatched = await list({ identityFile: other });
    expect(mismatched[0].error).toContain(`the server refused --identity ${other} for user 'root'`);
    writeFileSync(`${other}-cert.pub`, readFileSync(`${other}.pub`));
    await expect(list({ identityFile: other })).rejects.toThrow(`certificate ${other}-cert.pub: not an OpenSSH certificate`);
  });

  it('retries a refused connection and one cut before the banner (--connect-retries), not forever', async () => {
    const file = path.join(work, 'retry.conf');
    const kh = path.join(work, 'known_hosts_retry');
    writeFileSync(file, `Host *\n  User root\n  StrictHostKeyChecking accept-new\n  UserKnownHostsFile ${kh}\n  IdentityFile ${key('3')}\n`);
    const port = await freePort();
    const target = { hosts: [`127.0.0.1:${port}`], path: base, sshConfigFile: file, agentSocket: null };
    const noRetry = await listReleases(target);
    expect(noRetry[0].error).toContain(`cannot reach 127.0.0.1 port ${port} (ECONNREFUSED)`);
    const gaveUp = await listReleases({ ...target, connectRetries: 1 });
    expect(gaveUp[0].error).toMatch(/ECONNREFUSED.*Gave up after 1 retry\./);

    // The server comes up while the client is backing off.
    const pending = listReleases({ ...target, connectRetries: 6 });
    await new Promise((r) => setTimeout(r, 600));
    const late = await startSshd({ dir: path.join(work, 'late'), authorizedKeys: path.join(work, 'authorized_3'), port });
    servers.push(late);
    const up = await pending;
    expect(up[0].ok, up[0].error).toBe(true);
    expect(up[0].current).toBe(currentRelease(base)!.id);

    // A server that drops the first two connections before its banner (sshd's MaxStartups does that).
    let dropped = 0;
    const proxy = net.createServer((c) => {
      if (dropped < 2) {
        dropped++;
        c.destroy();
        return;
      }
      const upstream = net.connect(app.port, '127.0.0.1');
      c.pipe(upstream).pipe(c);
      c.on('error', () => upstream.destroy());
      upstream.on('error', () => c.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const proxyPort = (proxy.address() as net.AddressInfo).port;
    try {
      const viaProxy = await listReleases({ ...target, hosts: [`127.0.0.1:${proxyPort}`], connectRetries: 3 });
      expect(viaProxy[0].ok, viaProxy[0].error).toBe(true);
      expect(dropped).toBe(2);
    } finally {
      proxy.close();
    }
  });
});
