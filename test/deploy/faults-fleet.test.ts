// Fault injection, connections and fleets: hosts that never send a banner, refuse, end the login early or
// fail, in a fleet of 12 against real OpenSSH servers. A run must never crash, always end with its summary,
// and leave every host where it was.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, formatSummary, listReleases, type ConnectionOptions } from '../../src/deploy/index.js';
import { runCli } from '../helpers/cli.js';
import { fakePex, makeClientKeys, readHostState, tempDir, type ClientKeys } from './fixtures.js';
import { startProxy, type TestProxy } from './proxy.js';
import { freePort, keygen, startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let hosts: TestSshd[] = [];
let strict: TestSshd;
let silent: TestSshd;
let hanging: TestProxy;
let refusingPort: number;
let knownHosts: string;
let sharedBase: string;
const HEALTHY = 9;

beforeAll(async () => {
  work = tempDir('faults-fleet');
  keys = makeClientKeys(work);
  sharedBase = path.join(work, 'srv', 'app');
  // Ten real hosts, each seeing its own directory at the same path; the last one fails its health check.
  hosts = await Promise.all(
    Array.from({ length: HEALTHY + 1 }, (_, i) =>
      startSshd({ dir: path.join(work, `sshd${i}`), authorizedKeys: keys.authorizedKeys, privateMount: { source: path.join(work, `root${i}`), target: sharedBase } }),
    ),
  );
  strict = await startSshd({ dir: path.join(work, 'strict'), authorizedKeys: keys.authorizedKeys, extraConfig: ['MaxAuthTries 1'] });
  silent = await startSshd({ dir: path.join(work, 'silent'), authorizedKeys: keys.authorizedKeys });
  hanging = await startProxy(silent.port, { silent: true });
  refusingPort = await freePort();
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, [...hosts, strict, silent].map((h) => h.knownHostsLine()).join('\n') + '\n');
}, 60_000);
afterAll(async () => {
  for (const h of [...hosts, strict, silent]) h?.stop();
  await hanging?.close();
});

const conn = (list: string[], extra: Partial<ConnectionOptions> = {}): ConnectionOptions => ({
  hosts: list,
  path: sharedBase,
  identityFile: keys.key,
  knownHostsFile: knownHosts,
  agentSocket: null,
  ...extra,
});
const addr = (port: number) => `root@127.0.0.1:${port}`;

describe('misbehaving hosts', () => {
  it('a host that never sends its banner, a dead agent, a connection cut in the handshake and a MaxAuthTries disconnect each fail one host, never the run', async () => {
    const noBanner = await listReleases(conn([addr(hanging.port)], { connectTimeoutSeconds: 2 }));
    expect(noBanner[0].ok).toBe(false);
    expect(noBanner[0].error).toMatch(/SSH handshake did not finish within 2 s/);

    const deadAgent = await listReleases(conn([addr(hosts[0].port)], { identityFile: undefined, agentSocket: path.join(work, 'no-agent.sock') }));
    expect(deadAgent[0].ok).toBe(false);
    expect(deadAgent[0].error).toContain(addr(hosts[0].port));

    const cutter = await startProxy(hosts[0].port, { after: { bytes: 1500, direction: 'down', fault: 'cut' } });
    try {
      const cut = await listReleases(conn([addr(cutter.port)], { knownHostsFile: undefined, hostFingerprints: [hosts[0].fingerprint], connectTimeoutSeconds: 5 }));
      expect(cut[0].ok).toBe(false);
      expect(cut[0].error).toMatch(/closed the connection|ECONNRESET|handshake/);
    } finally {
      await cutter.close();
    }

    // An agent holding many keys, the authorized one last, against MaxAuthTries 1: the server disconnects.
    const sock = path.join(work, 'agent.sock');
    const agent = execFileSync('ssh-agent', ['-s', '-a', sock], { encoding: 'utf8' });
    const agentPid = /SSH_AGENT_PID=(\d+)/.exec(agent)![1];
    try {
      for (let i = 0; i < 5; i++) {
        keygen(path.join(work, `other${i}`));
        execFileSync('ssh-add', [path.join(work, `other${i}`)], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
      }
      execFileSync('ssh-add', [keys.key], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
      const many = await listReleases(conn([addr(strict.port)], { identityFile: undefined, agentSocket: sock }));
      expect(many[0].ok).toBe(false);
      expect(many[0].error).toMatch(/MaxAuthTries|refused/);
      // The same server takes the right key when it is offered first.
      const direct = await listReleases(conn([addr(strict.port)], { path: path.join(work, 'strict-app') }));
      expect(direct[0].ok, direct[0].error).toBe(true);

      // The real CLI with all of them at once: no crash, a summary naming every host, exit code 1.
      const cli = await runCli(
        ['deploy', fakePex(path.join(work, 'cli.pex'), 'cli'), '--host', addr(hanging.port), '--host', addr(strict.port), '--host', addr(refusingPort),
          '--path', path.join(work, 'cli-app'), '--known-hosts', knownHosts, '--connect-timeout', '2'],
        { env: { SSH_AUTH_SOCK: sock } },
      );
      expect(cli.status, cli.stderr).toBe(1);
      expect(cli.stdout).toMatch(/deploy FAILED: 0 host\(s\) ok, 3 failed/);
      for (const h of [hanging.port, strict.port, refusingPort]) expect(cli.stdout).toContain(addr(h));
    } finally {
      process.kill(Number(agentPid));
    }
  }, 60_000);
});

/** Every real host: still on `release`, no lock, no upload left over, and no history line after `lines`. */
function expectUntouched(release: string, historyLines: number[]) {
  for (let i = 0; i <= HEALTHY; i++) {
    const state = readHostState(hosts[i].inside, sharedBase);
    expect(state.current, `host ${i}`).toBe(release);
    expect(state.lock, `host ${i}`).toBeNull();
    expect(state.history, `host ${i}: no switch, no rollback, nothing recorded`).toHaveLength(historyLines[i]);
    expect(hosts[i].inside(`ls -A '${sharedBase}/.pexship/incoming' 2>/dev/null || true`).trim(), `host ${i}`).toBe('');
  }
}
const historyLengths = () => hosts.map((h) => readHostState(h.inside, sharedBase).history.length);

describe('a fleet of 12', () => {
  let v1: string;
  beforeAll(async () => {
    const first = await deploy({ ...conn(hosts.map((h) => addr(h.port))), pexFile: fakePex(path.join(work, 'v1.pex'), 'v1'), concurrency: 12 });
    expect(first.ok, formatSummary(first)).toBe(true);
    v1 = first.release!;
  }, 60_000);

  it('with one hanging host: the others stage, wait for it, and none switches', async () => {
    const real = hosts.map((h) => addr(h.port));
    const before = historyLengths();
    const fleet = [...real.slice(0, 5), addr(hanging.port), ...real.slice(5)];
    const r = await deploy({ ...conn(fleet, { connectTimeoutSeconds: 3 }), pexFile: fakePex(path.join(work, 'v2.pex'), 'v2'), concurrency: 12 });
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBe(1);
    expect(r.hosts.map((h) => h.host)).toEqual(fleet);
    const byHost = new Map(r.hosts.map((h) => [h.host, h]));
    expect(byHost.get(addr(hanging.port))).toMatchObject({ status: 'failed' });
    expect(byHost.get(addr(hanging.port))!.error).toMatch(/handshake did not finish within 3 s/);
    for (const h of real) {
      expect(byHost.get(h), h).toMatchObject({ status: 'skipped', release: v1, previous: v1 });
      expect(byHost.get(h)!.error).toBe(`not switched because another host failed before the switch: ${addr(hanging.port)}`);
    }
    const summary = formatSummary(r);
    for (const h of fleet) expect(summary).toContain(h);
    expect(summary).toMatch(/deploy FAILED: 0 host\(s\) ok, 11 failed/);
    expect(summary).toContain('not switched because another host failed before the switch');
    expectUntouched(v1, before);
  }, 120_000);

  it('with a refusing, a hanging and an unhealthy member: the refusal stops the wave at once, and nothing switches or is rolled back', async () => {
    const real = hosts.map((h) => addr(h.port));
    const before = historyLengths();
    writeFileSync(path.join(work, `root${HEALTHY}`, 'unhealthy'), '');
    const fleet = [...real.slice(0, 5), addr(hanging.port), ...real.slice(5, HEALTHY), addr(refusingPort), real[HEALTHY]];
    expect(fleet).toHaveLength(12);
    const events: string[] = [];
    const r = await deploy(
      {
        ...conn(fleet, { connectTimeoutSeconds: 3 }),
        pexFile: fakePex(path.join(work, 'v3.pex'), 'v3'),
        concurrency: 12,
        healthCheck: 'test ! -e unhealthy',
        healthTimeoutSeconds: 1,
      },
      (e) => events.push(e.type),
    );
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBe(1);
    expect(events).not.toContain('fleet-rollback');
    const byHost = new Map(r.hosts.map((h) => [h.host, h]));
    expect(byHost.get(addr(refusingPort))!.error).toMatch(/cannot reach 127\.0\.0\.1 port \d+ \(ECONNREFUSED\)/);
    // The hanging host was still connecting: it is stopped, not waited for.
    const why = `not switched because another host failed before the switch: ${addr(refusingPort)}`;
    expect(byHost.get(addr(hanging.port))).toMatchObject({ status: 'skipped', error: why });
    for (const h of real) expect(byHost.get(h), h).toMatchObject({ status: 'skipped', error: why });
    expect(formatSummary(r)).toMatch(/deploy FAILED: 0 host\(s\) ok, 12 failed/);
    expectUntouched(v1, before);
    rmSync(path.join(work, `root${HEALTHY}`, 'unhealthy'));
  }, 120_000);

  it('--max-fail tolerating the hanging host: the others switch', async () => {
    const real = hosts.map((h) => addr(h.port));
    const fleet = [addr(hanging.port), ...real];
    const r = await deploy({ ...conn(fleet, { connectTimeoutSeconds: 2 }), pexFile: fakePex(path.join(work, 'v4.pex'), 'v4'), concurrency: 12, maxFail: '1' });
    expect(r.ok).toBe(false);
    expect(r.exitCode).toBe(1);
    expect(r.hosts[0]).toMatchObject({ status: 'failed' });
    const v4 = r.release!;
    expect(v4).not.toBe(v1);
    for (const h of r.hosts.slice(1)) expect(h, h.host).toMatchObject({ status: 'ok', release: v4, previous: v1 });
    for (let i = 0; i <= HEALTHY; i++) {
      const state = readHostState(hosts[i].inside, sharedBase);
      expect(state.current, `host ${i}`).toBe(v4);
      expect(state.lock).toBeNull();
      expect(state.history.at(-1)).toMatchObject({ action: 'deploy', outcome: 'ok', release: v4, previous: v1 });
    }
    v1 = v4;
  }, 120_000);

  it('a host whose disk fills during the upload stops the wave before any host switches', async () => {
    const full = await startSshd({
      dir: path.join(work, 'full-sshd'),
      authorizedKeys: keys.authorizedKeys,
      privateMount: { source: path.join(work, 'full-root'), target: sharedBase },
      setup: 'mount -t tmpfs -o size=1m tmpfs "$TARGET"',
    });
    try {
      writeFileSync(knownHosts, [...hosts, strict, silent, full].map((h) => h.knownHostsLine()).join('\n') + '\n');
      const all = [...hosts.slice(0, 4), full];
      const list = all.map((h) => addr(h.port));
      const first = await deploy({ ...conn(list), pexFile: fakePex(path.join(work, 'd1.pex'), 'd1', { size: 100_000 }) });
      expect(first.ok, formatSummary(first)).toBe(true);
      const d1 = first.release!;
      const before = all.map((h) => readHostState(h.inside, sharedBase).history.length);
      const r = await deploy({ ...conn(list), pexFile: fakePex(path.join(work, 'd2.pex'), 'd2', { size: 3 << 20 }) });
      expect(r.ok).toBe(false);
      expect(r.exitCode).toBe(1);
      expect(r.hosts[4].status).toBe('failed');
      expect(r.hosts[4].error).toMatch(/SFTP write failed|No space left|upload/i);
      for (const h of r.hosts.slice(0, 4)) {
        expect(h, h.host).toMatchObject({ status: 'skipped', release: d1, previous: d1 });
        expect(h.error).toBe(`not switched because another host failed before the switch: ${addr(full.port)}`);
      }
      all.forEach((h, i) => {
        const state = readHostState(h.inside, sharedBase);
        expect(state.current, h.knownHostsLine()).toBe(d1);
        expect(state.lock).toBeNull();
        expect(state.history).toHaveLength(before[i]);
        expect(h.inside(`ls -A '${sharedBase}/.pexship/incoming' 2>/dev/null || true`).trim()).toBe('');
      });
    } finally {
      full.stop();
    }
  }, 120_000);
});
