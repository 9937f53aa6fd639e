// --max-fail: a fleet tolerates some failed hosts (as Ansible's max_fail_percentage) and still rolls every
// switched host back once the limit is passed. Four real sshd hosts, each with its own deploy directory.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, type DeployOptions } from '../../src/deploy/index.js';
import { maxFailures } from '../../src/deploy/fleet.js';
import { UsageError } from '../../src/errors.js';
import { currentRelease, fakePex, makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let hosts: TestSshd[] = [];
let roots: string[] = [];
let base: string;
let knownHostsFile: string;

beforeAll(async () => {
  work = tempDir('maxfail');
  keys = makeClientKeys(work);
  base = path.join(work, 'srv', 'app');
  roots = [0, 1, 2, 3].map((i) => path.join(work, `root${i}`));
  hosts = await Promise.all(
    roots.map((root, i) => startSshd({ dir: path.join(work, `sshd${i}`), authorizedKeys: keys.authorizedKeys, privateMount: { source: root, target: base } })),
  );
  knownHostsFile = path.join(work, 'known_hosts');
  writeFileSync(knownHostsFile, hosts.map((h) => h.knownHostsLine()).join('\n') + '\n');
});
afterAll(() => {
  for (const h of hosts) h.stop();
});

function options(version: string, extra: Partial<DeployOptions>): DeployOptions {
  return {
    hosts: hosts.map((h) => `root@127.0.0.1:${h.port}`),
    path: base,
    identityFile: keys.key,
    knownHostsFile,
    agentSocket: null,
    sshConfigFile: 'none',
    pexFile: fakePex(path.join(work, `${version}.pex`), version),
    healthCheck: 'test ! -e unhealthy',
    healthTimeoutSeconds: 1,
    batch: 2,
    ...extra,
  };
}

const unhealthy = (i: number, on: boolean) => (on ? writeFileSync(path.join(roots[i], 'unhealthy'), '') : rmSync(path.join(roots[i], 'unhealthy'), { force: true }));

function lastHistory(i: number): Record<string, unknown> {
  const lines = readFileSync(path.join(roots[i], '.pexship', 'history.jsonl'), 'utf8').trim().split('\n');
  return JSON.parse(lines.at(-1)!) as Record<string, unknown>;
}

describe('--max-fail', () => {
  it('reads N and P% like Ansible (a share of the hosts, rounded down)', () => {
    expect(maxFailures(undefined, 10)).toBe(0);
    expect(maxFailures('2', 10)).toBe(2);
    expect(maxFailures('25%', 4)).toBe(1);
    expect(maxFailures('10%', 5)).toBe(0);
    expect(maxFailures('100%', 7)).toBe(7);
    for (const bad of ['x', '-1', '150%', '1.5', '%']) expect(() => maxFailures(bad, 4)).toThrow(UsageError);
  });

  it('tolerates failures up to the limit, then rolls back every host it switched', async () => {
    const first = await deploy(options('v1', {}));
    expect(first.ok, JSON.stringify(first.hosts)).toBe(true);
    const v1 = first.release;

    // One of four fails, one is tolerated: the others stay on v2, the failed host is back on v1.
    unhealthy(3, true);
    const within = await deploy(options('v2', { maxFail: '1' }));
    expect(within.hosts.map((h) => h.status)).toEqual(['ok', 'ok', 'ok', 'failed']);
    expect(within.ok).toBe(false); // a failed host is still reported, and the exit code says so
    const v2 = within.hosts[0].release;
    expect(roots.map((r) => currentRelease(r)!.id)).toEqual([v2, v2, v2, v1]);
    expect(roots.map((r) => existsSync(path.join(r, '.pexship', 'lock')))).toEqual([false, false, false, false]);

    // Two of four fail with 25% tolerated (one host): everything this deploy switched goes back to v2.
    unhealthy(2, true);
    const beyond = await deploy(options('v3', { maxFail: '25%' }));
    expect(beyond.ok).toBe(false);
    expect(beyond.hosts.map((h) => h.status)).toEqual(['rolled-back', 'rolled-back', 'failed', 'failed']);
    expect(roots.map((r) => currentRelease(r)!.id)).toEqual([v2, v2, v2, v1]);
    for (const i of [0, 1]) expect(lastHistory(i)).toMatchObject({ action: 'rollback', outcome: 'ok', release: v2 });
    expect(roots.map((r) => existsSync(path.join(r, '.pexship', 'lock')))).toEqual([false, false, false, false]);

    // A failed canary stops the deploy whatever --max-fail allows.
    unhealthy(2, false);
    unhealthy(3, false);
    unhealthy(0, true);
    const canary = await deploy(options('v4', { maxFail: '3', canary: true }));
    expect(canary.hosts.map((h) => h.status)).toEqual(['failed', 'skipped', 'skipped', 'skipped']);
    expect(roots.map((r) => currentRelease(r)!.id)).toEqual([v2, v2, v2, v1]);
    unhealthy(0, false);
  });
});
