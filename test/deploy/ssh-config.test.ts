// ssh_config resolution, checked against OpenSSH itself: for each config and host name, what pexship resolves
// must be what `ssh -G HOST -F FILE` prints.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { expandPath, loadSshConfig, resolveSshHost } from '../../src/deploy/ssh-config.js';
import { resolveHosts } from '../../src/deploy/resolve-hosts.js';
import { makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';

let work: string;
let keys: ClientKeys;

beforeAll(() => {
  work = tempDir('sshcfg');
  keys = makeClientKeys(work);
});

function writeConfig(name: string, text: string): string {
  const file = path.join(work, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** `ssh -G` as a map of keyword → values (repeated keywords such as identityfile keep every value). */
function sshG(file: string, host: string): Map<string, string[]> {
  const out = execFileSync('ssh', ['-G', '-F', file, host], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const map = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const k = line.slice(0, sp);
    map.set(k, [...(map.get(k) ?? []), line.slice(sp + 1)]);
  }
  return map;
}

/** Compares our resolution of `host` with OpenSSH's, keyword by keyword. */
function expectSameAsOpenSsh(file: string, host: string): void {
  const ours = resolveSshHost(loadSshConfig(file), host);
  const ssh = sshG(file, host);
  const one = (k: string) => ssh.get(k)?.[0];
  const tokens = { host: ours.hostName, original: host, port: ours.port ?? 22, user: ours.user ?? 'root' };
  const what = `${host} in ${file}`;
  expect(ours.hostName, what).toBe(one('hostname'));
  expect(ours.user ?? process.env.USER ?? 'root', what).toBe(one('user'));
  expect(String(ours.port ?? 22), what).toBe(one('port'));
  expect(ours.proxyJump, what).toBe(one('proxyjump'));
  // ssh -G prints the defaults when no IdentityFile is set; it prints them unexpanded.
  if (ours.identityFiles.length) expect(ours.identityFiles, what).toEqual(ssh.get('identityfile'));
  expect(ours.certificateFiles, what).toEqual(ssh.get('certificatefile') ?? []);
  const userFiles = (ours.userKnownHostsFiles ?? ['~/.ssh/known_hosts', '~/.ssh/known_hosts2']).map((f) => expandPath(f, tokens, 'x'));
  expect(userFiles.join(' '), what).toBe(one('userknownhostsfile'));
  const globalFiles = ours.globalKnownHostsFiles ?? ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2'];
  expect(globalFiles.join(' '), what).toBe(one('globalknownhostsfile'));
  const strict = { yes: 'true', 'accept-new': 'accept-new', ask: 'ask' }[ours.strictHostKeyChecking ?? 'ask'];
  expect(strict, what).toBe(one('stricthostkeychecking'));
  expect(String(ours.connectTimeoutSeconds ?? 'none'), what).toBe(one('connecttimeout'));
  expect(ours.hashKnownHosts ? 'yes' : 'no', what).toBe(one('hashknownhosts'));
}

describe('ssh_config resolution matches ssh -G', () => {
  it('Host patterns: wildcards, negation, several patterns, first value wins, HostName with %h', () => {
    const file = writeConfig(
      'patterns.conf',
      [
        '# comment',
        'Host web* !web3 api?',
        '  HostName %h.example.com',
        '  User deploy',
        '  Port=2201',
        '  IdentityFile ~/.ssh/%h_%r',
        '  IdentityFile "/keys/with space"',
        '  CertificateFile ~/.ssh/%h-cert.pub',
        '  CertificateFile /certs/two',
        '  ProxyJump bastion,jump2:2222',
        '  StrictHostKeyChecking accept-new',
        '  ConnectTimeout 7',
        '  UserKnownHostsFile ~/kh1 /tmp/kh2',
        'Host web1',
        '  User ignored-because-first-wins',
        '  HostName ignored.example.com',
        'Host db',
        '  HostName 10.0.0.5',
        '  ProxyJump none',
        '  StrictHostKeyChecking yes',
        '  HashKnownHosts no',
        'Host *',
        '  HashKnownHosts yes',
        '  Port 2200',
        '  User other',
        '  ProxyJump fallback',
        '  GlobalKnownHostsFile /tmp/g1 /tmp/g2',
        '',
      ].join('\n'),
    );
    for (const host of ['web1', 'web3', 'api7', 'apix2', 'db', 'WEB2', 'Db', 'other']) expectSameAsOpenSsh(file, host);
    const web1 = resolveSshHost(loadSshConfig(file), 'web1');
    expect(web1).toMatchObject({ hostName: 'web1.example.com', user: 'deploy', port: 2201, proxyJump: 'bastion,jump2:2222' });
    expect(web1.identityFiles).toEqual(['~/.ssh/%h_%r', '/keys/with space']);
    expect(resolveSshHost(loadSshConfig(file), 'web3')).toMatchObject({ hostName: 'web3', user: 'other', port: 2200 });
  });

  it('Include (globs, relative to ~/.ssh, inside a Host block) and Match host/originalhost/user/all', () => {
    const dir = path.join(work, 'conf.d');
    writeConfig('conf.d/10-a.conf', 'Host inc1\n  HostName included-one\n  Port 2301\n');
    writeConfig('conf.d/20-b.conf', 'User from-b\nHost inc2\n  Port 2302\n');
    writeConfig('conf.d/skip.txt', 'Host inc1\n  Port 1\n');
    const file = writeConfig(
      'include.conf',
      [
        `Include ${dir}/*.conf`,
        'Host only-here',
        `  Include ${dir}/20-b.conf`,
        'Match originalhost m1',
        '  HostName real-m1',
        'Match host real-m1 user root',
        '  Port 2401',
        'Match host real-m1 !user root',
        '  Port 2402',
        'Match all',
        '  ConnectTimeout 3',
        '',
      ].join('\n'),
    );
    for (const host of ['inc1', 'inc2', 'only-here', 'm1', 'x']) expectSameAsOpenSsh(file, host);
    expect(resolveSshHost(loadSshConfig(file), 'inc1')).toMatchObject({ hostName: 'included-one', port: 2301 });
  });

  it('refuses what it cannot honour, naming the file and line', () => {
    const cases: [string, RegExp][] = [
      ['Host a\n  StrictHostKeyChecking no\n', /line 2: StrictHostKeyChecking no applies to a, but pexship never connects/],
      ['Match exec "true"\n  User x\n', /line 1: 'Match exec' is not supported/],
      ['Host a\n  ProxyCommand nc %h %p\n', /ProxyCommand is not supported; use ProxyJump/],
      ['Host a\n  Port 70000\n', /Port '70000' is not a port/],
      ['Host a\n  HostKeyAlias other\n', /HostKeyAlias is not supported/],
    ];
    for (const [text, want] of cases) {
      const file = writeConfig('refused.conf', text);
      expect(() => resolveSshHost(loadSshConfig(file), 'a')).toThrow(want);
      expect(() => resolveSshHost(loadSshConfig(file), 'a')).toThrow(UsageError);
    }
    // An unsupported criterion after one that failed is never reached, as ssh runs no exec after a failed one.
    const skipped = writeConfig('match-skip.conf', 'Match host other exec "false"\n  User x\nMatch originalhost a canonical\n  Port 1\n');
    expect(() => resolveSshHost(loadSshConfig(skipped), 'a')).toThrow(/'Match canonical' is not supported/);
    expect(resolveSshHost(loadSshConfig(skipped), 'b').user).toBeUndefined();
    expectSameAsOpenSsh(skipped, 'b');
    // A refused keyword in a block that does not apply is no concern of this host.
    const file = writeConfig('refused-other.conf', 'Host other\n  StrictHostKeyChecking no\n  ProxyCommand nc %h %p\n');
    expect(resolveSshHost(loadSshConfig(file), 'a').hostName).toBe('a');
    expect(() => loadSshConfig(path.join(work, 'missing.conf'))).toThrow(/missing.conf: cannot read it \(ENOENT\)/);
    expect(() => expandPath('~/k_%C', { host: 'h', original: 'h', port: 22, user: 'u' }, 'IdentityFile')).toThrow(/%C is not supported/);
  });
});

describe('routes from ssh_config and flags', () => {
  it('gives each hop of a ProxyJump chain its own user, port, key and known_hosts; flags win over the config', () => {
    const keyFor = (name: string) => {
      const f = path.join(work, `id_${name}`);
      writeFileSync(f, execFileSync('cat', [keys.key]));
      return f;
    };
    keyFor('app.internal');
    keyFor('b1');
    keyFor('b2');
    const file = writeConfig(
      'routes.conf',
      [
        'Host app',
        '  HostName app.internal',
        '  User deploy',
        '  Port 2022',
        `  IdentityFile ${work}/id_%h`,
        '  ProxyJump ops@b1:2201,b2',
        '  ConnectTimeout 4',
        'Host b1',
        '  HostName 10.0.0.1',
        `  IdentityFile ${work}/id_b1`,
        `  UserKnownHostsFile ${work}/kh_b1`,
        '  StrictHostKeyChecking accept-new',
        'Host b2',
        '  HostName 10.0.0.2',
        '  User jumper',
        `  IdentityFile ${work}/id_b2`,
        '  ProxyJump ignored-for-a-later-hop',
        'Host b0',
        '  HostName 10.0.0.0',
        'Host b1',
        '  ProxyJump b0',
        'Host *',
        `  IdentityFile ${keys.key}`,
        '',
      ].join('\n'),
    );
    const base = { path: '/srv', sshConfigFile: file, agentSocket: null } as const;
    const [t] = resolveHosts({ ...base, hosts: ['app'] });
    expect(t).toMatchObject({ label: 'app', host: 'app.internal', user: 'deploy', port: 2022 });
    expect(t.route.connectTimeoutMs).toBe(4000);
    expect(t.route.credentials.source).toBe(`IdentityFile ${work}/id_app.internal`);
    // b1 is reached through its own ProxyJump (b0); b2 through b1 (a later hop's ProxyJump is not used).
    expect(t.route.jumps.map((j) => `${j.user}@${j.host}:${j.port}`)).toEqual([
      `${process.env.USER ?? 'root'}@10.0.0.0:22`,
      'ops@10.0.0.1:2201',
      'jumper@10.0.0.2:22',
    ]);
    const [, b1, b2] = t.route.jumps;
    expect(b1.route.credentials.source).toBe(`IdentityFile ${work}/id_b1`);
    expect(b1.route.hostKeys).toMatchObject({ knownHostsFile: `${work}/kh_b1`, acceptNew: true });
    expect(b2.route.credentials.source).toBe(`IdentityFile ${work}/id_b2`);
    expect(b2.route.hostKeys.acceptNew).toBe(false);
    // Flags win: --host user and port, --jump replaces ProxyJump, --identity and --known-hosts replace the files.
    const [f] = resolveHosts({ ...base, hosts: ['root@app:22'], jump: 'root@10.9.9.9:2200', identityFile: keys.key, knownHostsFile: `${work}/kh_flag`, connectTimeoutSeconds: 9 });
    expect(f).toMatchObject({ host: 'app.internal', user: 'root', port: 22 });
    expect(f.route.jumps.map((j) => `${j.host}:${j.port}`)).toEqual(['10.9.9.9:2200']);
    expect(f.route.credentials.source).toBe(`--identity ${keys.key}`);
    expect(f.route.hostKeys.knownHostsFile).toBe(`${work}/kh_flag`);
    expect(f.route.connectTimeoutMs).toBe(9000);
    // IdentityAgent and IdentitiesOnly: the agent a host uses, or none.
    const agents = writeConfig(
      'agents.conf',
      `Host only\n  IdentitiesOnly yes\n  IdentityFile ${keys.key}\nHost other-agent\n  IdentityAgent ~/agent.sock\nHost no-agent\n  IdentityAgent none\nHost *\n  IdentityFile ${keys.key}\n`,
    );
    const viaAgent = (host: string) =>
      resolveHosts({ path: '/srv', sshConfigFile: agents, agentSocket: '/run/agent.sock', hosts: [host] })[0].route.credentials.agent;
    const viaEnvAgent = (host: string) => resolveHosts({ path: '/srv', sshConfigFile: agents, hosts: [host] })[0].route.credentials.agent;
    expect(viaAgent('plain')).toBe('/run/agent.sock');
    expect(viaAgent('only')).toBeUndefined();
    const saved = process.env.SSH_AUTH_SOCK;
    process.env.SSH_AUTH_SOCK = '/env/agent.sock';
    try {
      expect(viaEnvAgent('plain')).toBe('/env/agent.sock');
      expect(viaEnvAgent('other-agent')).toBe(`${homedir()}/agent.sock`);
      expect(viaEnvAgent('no-agent')).toBeUndefined();
      expect(viaEnvAgent('only')).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = saved;
    }
    // A ProxyJump loop is refused, not followed forever.
    const loop = writeConfig('loop.conf', 'Host l1\n  ProxyJump l2\nHost l2\n  ProxyJump l1\n');
    expect(() => resolveHosts({ ...base, sshConfigFile: loop, hosts: ['l1'] })).toThrow(/more than 8 jump hosts/);
  });
});
