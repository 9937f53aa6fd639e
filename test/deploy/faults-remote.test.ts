// Fault injection on the host's side: locks that cannot be created, full and inode-starved filesystems,
// commands that never end, connections cut or silenced after the go, live and silent lock owners, slow and
// BusyBox health checks. Every test checks the host's final state: current, releases, lock and history.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runUnlock } from '../../src/cli/deploy.js';
import { deploy, formatSummary, unlock, type ConnectionOptions, type DeployEvent } from '../../src/deploy/index.js';
import { fakePex, makeClientKeys, readHostState, tempDir, type ClientKeys, type HostState } from './fixtures.js';
import { startProxy, type TestProxy } from './proxy.js';
import { startSshd, type TestSshd } from './sshd.js';

const BUSYBOX = '/bin/busybox';
let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let busybox: TestSshd;
let proxy: TestProxy;
let knownHosts: string;
let root: string;
let web: http.Server;
let webPort: number;

beforeAll(async () => {
  if (!existsSync(BUSYBOX)) throw new Error(`${BUSYBOX} is missing: apt-get install -y busybox ('npm test' installs it as root).`);
  work = tempDir('faults-remote');
  keys = makeClientKeys(work);
  root = path.join(work, 'root');
  // Inside the sshd's namespace: a 2 MB filesystem and one with 64 inodes.
  sshd = await startSshd({
    dir: path.join(work, 'sshd'),
    authorizedKeys: keys.authorizedKeys,
    privateMount: { source: root, target: root },
    setup: 'mkdir -p "$TARGET/small" "$TARGET/few" && mount -t tmpfs -o size=2m tmpfs "$TARGET/small" && mount -t tmpfs -o size=8m,nr_inodes=64 tmpfs "$TARGET/few"',
  });
  // A host whose tools are all BusyBox's: its PATH holds BusyBox applets only (wget, sha256sum, mv, …).
  const bin = path.join(work, 'busybox-bin');
  mkdirSync(bin);
  execBusybox(bin);
  busybox = await startSshd({ dir: path.join(work, 'bb'), authorizedKeys: keys.authorizedKeys, extraConfig: [`SetEnv PATH=${bin}`] });
  proxy = await startProxy(sshd.port);
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, [sshd.knownHostsLine(), busybox.knownHostsLine(), `[127.0.0.1]:${proxy.port} ${sshd.hostPub}`].join('\n') + '\n');
  // Health endpoints: /ok at once, /slow after 3 s, /hang never.
  web = http.createServer((req, res) => {
    if (req.url === '/ok') res.end('ok');
    else if (req.url === '/slow') setTimeout(() => res.end('ok'), 3000);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webPort = (web.address() as net.AddressInfo).port;
}, 60_000);
afterAll(async () => {
  sshd?.stop();
  busybox?.stop();
  await proxy?.close();
  web?.closeAllConnections();
  web?.close();
});

/** `busybox --install -s DIR` links every applet: the test needs nothing but the package. */
function execBusybox(bin: string) {
  execFileSync(BUSYBOX, ['--install', '-s', bin]);
}

let n = 0;
function setup(where: 'root' | 'small' | 'few' = 'root', extra: Partial<ConnectionOptions> = {}) {
  const base = path.join(root, where, `app${++n}`);
  const conn: ConnectionOptions = { hosts: [`root@127.0.0.1:${sshd.port}`], path: base, identityFile: keys.key, knownHostsFile: knownHosts, agentSocket: null, ...extra };
  const state = () => readHostState(sshd.inside, base);
  return { base, conn, state };
}
const pex = (v: string, opts: Parameters<typeof fakePex>[2] = {}) => fakePex(path.join(work, `${v}.pex`), v, opts);

describe('every remote wait is bounded and every failure says why', () => {
  it('a lock that cannot be created (a file in the way, no inodes, a read-only .pexship) fails at once, with its cause', async () => {
    const { base, conn, state } = setup();
    const v1 = (await deploy({ ...conn, pexFile: pex('a1') })).release!;
    sshd.inside(`rm -f '${base}/.pexship/lock' && echo x > '${base}/.pexship/lock'`);
    const blocked = await deploy({ ...conn, pexFile: pex('a2'), commandTimeoutSeconds: 30 });
    expect(blocked.hosts[0].status).toBe('failed');
    expect(blocked.hosts[0].error).toMatch(/\.pexship\/lock is in the way: it is not a pexship lock/);
    expect(state()).toMatchObject({ current: v1, lock: '(not a symlink)' });
    expect(state().history).toHaveLength(1);

    const few = setup('few');
    const f1 = await deploy({ ...few.conn, pexFile: pex('b1') });
    expect(f1.ok, JSON.stringify(f1.hosts)).toBe(true);
    sshd.inside(`i=0; while touch '${few.base}/fill'$i 2>/dev/null; do i=$((i+1)); done; exit 0`);
    const starved = await deploy({ ...few.conn, pexFile: pex('b2'), commandTimeoutSeconds: 30 });
    expect(starved.hosts[0].status).toBe('failed');
    expect(starved.hosts[0].error).toMatch(/No space left on device/);
    expect(few.state()).toMatchObject({ current: f1.release, lock: null, releases: [f1.release] });
    sshd.inside(`rm -f '${few.base}'/fill*`);
    const after = await deploy({ ...few.conn, pexFile: pex('b2') });
    expect(after.ok, JSON.stringify(after.hosts)).toBe(true);

    sshd.inside(`rm -f '${base}/.pexship/lock'; mount --bind '${base}/.pexship' '${base}/.pexship' && mount -o remount,bind,ro '${base}/.pexship'`);
    try {
      const ro = await deploy({ ...conn, pexFile: pex('a3'), commandTimeoutSeconds: 30 });
      expect(ro.hosts[0].status).toBe('failed');
      expect(ro.hosts[0].error).toMatch(/Read-only file system/);
    } finally {
      sshd.inside(`umount '${base}/.pexship'`);
    }
    expect(state()).toMatchObject({ current: v1, lock: null });
  }, 120_000);

  it('a full disk fails the upload and leaves nothing half-written', async () => {
    const { conn, state } = setup('small');
    const v1 = await deploy({ ...conn, pexFile: pex('c1', { size: 200_000 }) });
    expect(v1.ok).toBe(true);
    const full = await deploy({ ...conn, pexFile: pex('c2', { size: 3 << 20 }) });
    expect(full.hosts[0].status).toBe('failed');
    expect(full.hosts[0].error).toMatch(/SFTP write failed|No space left|upload/i);
    const s = state();
    expect(s).toMatchObject({ current: v1.release, lock: null, releases: [v1.release] });
    expect(sshd.inside(`ls -A '${conn.path}/.pexship/incoming' 2>/dev/null || true`).trim()).toBe('');
  }, 60_000);

  it('--command-timeout ends the wait on a restart that never returns, and the host goes back to the release it had', async () => {
    const { conn, state } = setup();
    await commandTimeoutLeavesNothing(sshd, conn, state, 3007);
  }, 60_000);

  it('…with BusyBox (sh, sed, setsid) or bash as /bin/sh: deploys work, and nothing the restart started stays behind', async () => {
    // /bin/sh is dash here: bind BusyBox (run as 'sh', its sh applet) or bash over it, for one sshd each.
    const dash = execFileSync('readlink', ['-f', '/bin/sh'], { encoding: 'utf8' }).trim();
    const bin = path.join(work, 'busybox-bin');
    const hosts = await Promise.all(
      [
        { shell: BUSYBOX, env: { PATH: bin } },
        { shell: '/bin/bash', env: undefined },
      ].map(({ shell, env }, i) =>
        startSshd({ dir: path.join(work, `sh${i}`), authorizedKeys: keys.authorizedKeys, env, setup: `mount --bind ${shell} ${dash}` }),
      ),
    );
    try {
      const kh = path.join(work, 'known_hosts_sh');
      writeFileSync(kh, hosts.map((h) => h.knownHostsLine()).join('\n') + '\n');
      expect(hosts[0].inside('readlink -f /bin/sh; /bin/sh -c "echo \\$0"')).toMatch(/sh/);
      await Promise.all(
        hosts.map((h, i) => {
          const base = path.join(work, `sh${i}`, 'root', 'app');
          const conn: ConnectionOptions = { hosts: [`root@127.0.0.1:${h.port}`], path: base, identityFile: keys.key, knownHostsFile: kh, agentSocket: null };
          return commandTimeoutLeavesNothing(h, conn, () => readHostState(h.inside, base), 3017 + i * 10);
        }),
      );
    } finally {
      for (const h of hosts) h.stop();
    }
  }, 90_000);
});

/**
 * A restart that never returns, having put in the background a process whose parent is gone and which
 * ignores TERM (as a daemonising start script may): the deploy fails on --command-timeout, the host goes
 * back to the release it had, and neither process stays behind.
 */
async function commandTimeoutLeavesNothing(host: TestSshd, conn: ConnectionOptions, state: () => HostState, marker: number) {
  // A few plain deploys first: bash as /bin/sh once lost about one in three (its traps ran in children
  // killed just after they were forked), and BusyBox sed never started the script.
  let v1 = '';
  for (const v of ['a', 'b', 'c', 'd']) {
    const plain = await deploy({ ...conn, pexFile: pex(`t${marker}${v}`) });
    expect(plain.ok, formatSummary(plain)).toBe(true);
    v1 = plain.release!;
  }
  const restart = `(trap '' TERM; sleep ${marker} &); sleep ${marker + 1}`;
  const r = await deploy({ ...conn, pexFile: pex(`t${marker}e`), restart, commandTimeoutSeconds: 10, lockStaleSeconds: 6 });
  expect(r.exitCode).toBe(1);
  expect(r.hosts[0].status).toBe('failed');
  expect(r.hosts[0].release).toBe(v1);
  expect(r.hosts[0].error).toMatch(/command-timeout/);
  expect(formatSummary(r)).toMatch(/deploy FAILED: 0 host\(s\) ok, 1 failed/);
  const s = state();
  expect(s).toMatchObject({ current: v1, lock: null });
  expect(s.releases).toHaveLength(5);
  expect(s.history.at(-1)).toMatchObject({ action: 'deploy', outcome: expect.stringMatching(/^(failed|abandoned)$/), previous: v1 });
  // The KILL follows the TERM by 2 s: look until then.
  expect(await leftRunning(host, `sleep ${marker}`), host.inside('readlink -f /bin/sh')).toEqual([]);
  expect(await leftRunning(host, `sleep ${marker + 1}`)).toEqual([]);
}

/** Processes on the host whose command line is `command`, once they had 4 s to go away. */
async function leftRunning(host: TestSshd, command: string): Promise<string[]> {
  let found: string[] = [];
  for (let i = 0; i < 20; i++) {
    found = host.inside('ps -eo args').split('\n').filter((l) => l.trim() === command);
    if (!found.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return found;
}

describe('after the go, the reported state is the real one', () => {
  for (const fault of ['cut', 'blackhole'] as const) {
    it(`a connection ${fault === 'cut' ? 'cut' : 'gone silent'} after the switch: the host goes back by itself and pexship reports it`, async () => {
      const { conn, state } = setup('root', { hosts: [`root@127.0.0.1:${proxy.port}`], lockStaleSeconds: 6, commandTimeoutSeconds: 8 });
      const v1 = (await deploy({ ...conn, pexFile: pex(`e1${fault}`) })).release!;
      let faulted = false;
      const events = (e: DeployEvent) => {
        if (e.type === 'host' && e.phase === 'health' && !faulted) {
          faulted = true;
          proxy.fault(fault);
        }
      };
      const r = await deploy({ ...conn, pexFile: pex(`e2${fault}`), healthCheck: 'sleep 1' }, events);
      expect(faulted).toBe(true);
      expect(r.hosts[0].status).toBe('failed');
      expect(r.hosts[0].release).toBe(v1);
      expect(r.hosts[0].error).toMatch(/recorded 'abandoned'/);
      const s = state();
      expect(s).toMatchObject({ current: v1, lock: null });
      expect(s.releases).toHaveLength(5);
      expect(s.history.at(-1)).toMatchObject({ action: 'deploy', outcome: 'abandoned', previous: v1 });
    }, 90_000);
  }
});

describe('locks belong to live deploys', () => {
  it('a live lock older than --lock-ttl is not taken over', async () => {
    const { conn, state } = setup('root', { lockTtlSeconds: 1 });
    let restarting!: () => void;
    const atRestart = new Promise<void>((resolve) => (restarting = resolve));
    const first = deploy({ ...conn, pexFile: pex('f1'), restart: 'sleep 4' }, (e) => {
      if (e.type === 'host' && e.phase === 'restart') restarting();
    });
    await atRestart;
    await new Promise((r) => setTimeout(r, 1500));
    const second = await deploy({ ...conn, pexFile: pex('f2'), lockWaitSeconds: 1 });
    expect(second.hosts[0].status).toBe('failed');
    expect(second.hosts[0].error).toMatch(/another deploy holds the lock/);
    const done = await first;
    expect(done.ok, JSON.stringify(done.hosts)).toBe(true);
    expect(state()).toMatchObject({ current: done.release, lock: null });
    expect(state().history.map((h) => h.outcome)).toEqual(['ok']);
  }, 60_000);

  it('a deploy whose network went silent frees its lock within the heartbeat timeout, long before the TTL', async () => {
    const { conn, state } = setup('root', { lockStaleSeconds: 6 });
    const silentRun = deploy({ ...conn, hosts: [`root@127.0.0.1:${proxy.port}`], pexFile: pex('g1', { size: 2 << 20 }), commandTimeoutSeconds: 10 }, (e) => {
      if (e.type === 'host' && e.phase === 'upload') proxy.fault('blackhole');
    });
    await new Promise((r) => setTimeout(r, 1000));
    const next = await deploy({ ...conn, pexFile: pex('g2'), lockWaitSeconds: 30 });
    expect(next.ok, JSON.stringify(next.hosts)).toBe(true);
    const lost = await silentRun;
    expect(lost.ok).toBe(false);
    const s = state();
    expect(s).toMatchObject({ current: next.release, lock: null, releases: [next.release] });
    expect(s.history.map((h) => `${h.action}:${h.outcome}`)).toEqual(['deploy:ok']);
  }, 90_000);

  it("'pexship unlock' frees a lock naming its owner, and the deploy that lost it does not switch", async () => {
    const { conn, state } = setup();
    const v1 = (await deploy({ ...conn, pexFile: pex('h1') })).release!;
    let freed: Awaited<ReturnType<typeof unlock>> | undefined;
    const r = await deploy({ ...conn, pexFile: pex('h2', { prewarmSeconds: 3 }) }, (e) => {
      if (e.type === 'host' && e.phase === 'prewarm') void unlock(conn).then((u) => (freed = u));
    });
    expect(freed?.[0]).toMatchObject({ ok: true, ownerAlive: true });
    expect(freed![0].freed).toMatch(/^v2 \d+ \S+ \d+ [0-9a-f]+ \S+$/);
    expect(r.hosts[0].status).toBe('failed');
    expect(r.hosts[0].error).toMatch(/no longer holds .*\.pexship\/lock.*nothing was switched/);
    expect(state()).toMatchObject({ current: v1, lock: null });
    expect(await unlock(conn)).toMatchObject([{ ok: true, freed: null }]);

    // The CLI names the owner of a lock it frees.
    sshd.inside(`ln -s 'v2 999999 - 1700000000 abc alice@laptop' '${conn.path}/.pexship/lock'`);
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      const code = await runUnlock(['--host', conn.hosts[0], '--path', conn.path, '--identity', keys.key, '--known-hosts', knownHosts]);
      expect(code).toBe(0);
    } finally {
      write.mockRestore();
    }
    expect(out.join('')).toContain('freed the lock of alice@laptop, started 2023-11-14T22:13:20.000Z, remote pid 999999');
    expect(state().lock).toBeNull();
  }, 60_000);
});

describe('health checks are bounded and work with BusyBox', () => {
  it('--probe-timeout lets a slow endpoint pass; an endpoint that never answers fails within the limits', async () => {
    const { conn, state } = setup();
    const slow = await deploy({ ...conn, pexFile: pex('i1'), healthUrl: `http://127.0.0.1:${webPort}/slow`, probeTimeoutSeconds: 6, healthTimeoutSeconds: 8 });
    expect(slow.ok, JSON.stringify(slow.hosts)).toBe(true);
    const hang = await deploy({ ...conn, pexFile: pex('i2'), healthUrl: `http://127.0.0.1:${webPort}/hang`, probeTimeoutSeconds: 1, healthTimeoutSeconds: 3 });
    expect(hang.hosts[0].error).toMatch(/did not answer within 1 s \(--probe-timeout\); switched back to/);
    expect(state()).toMatchObject({ current: slow.release, lock: null });
  }, 60_000);

  it('a BusyBox-only host deploys, polls the health URL with its wget, and bounds a hanging one', async () => {
    const base = path.join(work, 'bb-app');
    const conn: ConnectionOptions = { hosts: [`root@127.0.0.1:${busybox.port}`], path: base, identityFile: keys.key, knownHostsFile: knownHosts, agentSocket: null };
    const ok = await deploy({ ...conn, pexFile: pex('j1'), healthUrl: `http://127.0.0.1:${webPort}/ok` });
    expect(ok.ok, JSON.stringify(ok.hosts)).toBe(true);
    const hang = await deploy({ ...conn, pexFile: pex('j2'), healthUrl: `http://127.0.0.1:${webPort}/hang`, probeTimeoutSeconds: 1, healthTimeoutSeconds: 3 });
    expect(hang.hosts[0].error).toMatch(/did not answer within 1 s/);
    const s = readHostState(busybox.inside, base);
    expect(s).toMatchObject({ current: ok.release, lock: null });
    expect(s.history.map((h) => h.outcome)).toEqual(['ok', 'failed']);
  }, 60_000);
});
