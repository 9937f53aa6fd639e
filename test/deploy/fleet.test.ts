// Several hosts (each sshd in its own mount namespace, so the same --path is a different directory on each)
// and a jump host, against real OpenSSH servers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, listReleases, rollback, type ConnectionOptions, type DeployEvent } from '../../src/deploy/index.js';
import { currentRelease, fakePex, makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let hosts: TestSshd[] = [];
let hostRoots: string[] = [];
let jump: TestSshd;
let knownHosts: string;
/** The same path on every host; each sshd sees its own directory there. */
let sharedBase: string;

beforeAll(async () => {
  work = tempDir('fleet');
  keys = makeClientKeys(work);
  sharedBase = path.join(work, 'srv', 'app');
  hostRoots = [0, 1, 2].map((i) => path.join(work, `host${i}-root`));
  hosts = await Promise.all(
    hostRoots.map((root, i) =>
      startSshd({ dir: path.join(work, `sshd${i}`), authorizedKeys: keys.authorizedKeys, privateMount: { source: root, target: sharedBase } }),
    ),
  );
  jump = await startSshd({ dir: path.join(work, 'jump'), authorizedKeys: keys.authorizedKeys, allowForwarding: true });
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, [...hosts, jump].map((h) => h.knownHostsLine()).join('\n') + '\n');
});
afterAll(() => {
  for (const h of hosts) h.stop();
  jump?.stop();
});

function options(which: number[], extra: Partial<ConnectionOptions> = {}): ConnectionOptions {
  return {
    hosts: which.map((i) => `root@127.0.0.1:${hosts[i].port}`),
    path: sharedBase,
    identityFile: keys.key,
    knownHostsFile: knownHosts,
    agentSocket: null,
    ...extra,
  };
}

describe('fleets', () => {
  it('deploys to several hosts, each with its own deploy directory', async () => {
    const pex = fakePex(path.join(work, 'f.pex'), 'f1', { size: 100_000 });
    const r = await deploy({ ...options([0, 1, 2]), pexFile: pex, concurrency: 3 });
    expect(r.ok, JSON.stringify(r, null, 2)).toBe(true);
    expect(r.succeeded).toHaveLength(3);
    for (const root of hostRoots) expect(currentRelease(root)!.id).toBe(r.release);
    // Nothing was written to the shared path itself: each host wrote inside its own mount.
    expect(existsSync(path.join(sharedBase, 'current'))).toBe(false);
  });

  it('deploys in waves, stops at the first failed wave and rolls back the hosts it switched', async () => {
    const before = hostRoots.map((root) => currentRelease(root)!.id);
    // Host 2 fails its health check: it alone has this marker in its deploy directory.
    writeFileSync(path.join(hostRoots[2], 'unhealthy'), '');
    const events: DeployEvent[] = [];
    await new Promise((res) => setTimeout(res, 1000));
    const r = await deploy(
      {
        ...options([0, 1, 2]),
        pexFile: fakePex(path.join(work, 'f.pex'), 'f2'),
        canary: true,
        batch: 2,
        healthCheck: 'test ! -e unhealthy',
        healthTimeoutSeconds: 1,
      },
      (e) => events.push(e),
    );
    expect(r.ok).toBe(false);
    const waves = events.filter((e) => e.type === 'wave');
    expect(waves.map((w) => (w.type === 'wave' ? w.hosts.length : 0))).toEqual([1, 2]);
    expect(r.hosts.map((h) => h.status)).toEqual(['rolled-back', 'rolled-back', 'failed']);
    expect(r.failed).toEqual([r.hosts[0].host, r.hosts[1].host, r.hosts[2].host]);
    expect(hostRoots.map((root) => currentRelease(root)!.id)).toEqual(before);
    const history = readFileSync(path.join(hostRoots[0], '.pexship', 'history.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(history.at(-1)!)).toMatchObject({ action: 'rollback', outcome: 'ok', release: before[0] });

    // With --no-rollback-on-failure the canary stays switched and the rest is skipped.
    writeFileSync(path.join(hostRoots[0], 'unhealthy'), '');
    const stop = await deploy({
      ...options([1, 0, 2]),
      pexFile: fakePex(path.join(work, 'f.pex'), 'f3'),
      canary: true,
      batch: 1,
      healthCheck: 'test ! -e unhealthy',
      healthTimeoutSeconds: 1,
      rollbackOnFailure: false,
    });
    expect(stop.hosts.map((h) => h.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(currentRelease(hostRoots[1])!.id).toBe(stop.hosts[0].release);
    expect(currentRelease(hostRoots[2])!.id).toBe(before[2]);

    // Rolling every host to f3, which host 2 never got: refused there, so nobody switches.
    const f3 = stop.hosts[0].release!;
    const nowCurrent = hostRoots.map((root) => currentRelease(root)!.id);
    const refused = await rollback({ ...options([0, 1, 2]), to: f3 });
    expect(refused.ok).toBe(false);
    expect(refused.hosts.map((h) => h.status)).toEqual(['skipped', 'skipped', 'failed']);
    expect(refused.hosts[2].error).toContain(`release ${f3} is not on this host`);
    expect(refused.hosts[0].error).toContain('not switched');
    expect(hostRoots.map((root) => currentRelease(root)!.id)).toEqual(nowCurrent);
  });

  it('connects through a jump host, which has its own host-key check', async () => {
    // Host 0 is reached through the jump host's TCP forwarding.
    const viaJump = await listReleases({ ...options([0]), jump: `root@127.0.0.1:${jump.port}` });
    expect(viaJump[0].ok, viaJump[0].error).toBe(true);
    expect(viaJump[0].current).toBe(currentRelease(hostRoots[0])!.id);
    // A command that finishes at once: its output, exit and close arrive in one read through the tunnel.
    const empty = await listReleases({ ...options([0]), path: path.join(work, 'nothing-here'), jump: `root@127.0.0.1:${jump.port}` });
    expect(empty[0]).toMatchObject({ ok: true, current: null, releases: [] });
    // The jump host's key is checked too: without its entry the connection is refused, naming it.
    const onlyTargets = path.join(work, 'known_hosts_targets');
    writeFileSync(onlyTargets, hosts.map((h) => h.knownHostsLine()).join('\n') + '\n');
    const refused = await listReleases({ ...options([0], { knownHostsFile: onlyTargets }), jump: `root@127.0.0.1:${jump.port}` });
    expect(refused[0].ok).toBe(false);
    expect(refused[0].error).toContain(`jump host root@127.0.0.1:${jump.port}`);
    expect(refused[0].error).toContain(jump.fingerprint);
  });
});
