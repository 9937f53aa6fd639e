// Deploy, redeploy, rollback, releases, failures and host-key checks against a real OpenSSH server.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, listReleases, rollback, type ConnectionOptions, type DeployEvent } from '../../src/deploy/index.js';
import { currentRelease, fakePex, makeClientKeys, sha256Of, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let knownHosts: string;

const ipv6Usable = (() => {
  try {
    const s = net.createServer();
    s.listen(0, '::1');
    s.close();
    return readFileSync('/proc/sys/net/ipv6/conf/lo/disable_ipv6', 'utf8').trim() === '0';
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  work = tempDir('deploy');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys, listen: ipv6Usable ? ['127.0.0.1', '::1'] : ['127.0.0.1'] });
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, sshd.knownHostsLine() + '\n' + (ipv6Usable ? sshd.knownHostsLine('::1') + '\n' : ''));
});
afterAll(() => sshd?.stop());

let counter = 0;
/** A fresh deploy directory (with a space and a quote in its name) and options for it. */
function setup(extra: Partial<ConnectionOptions> = {}) {
  const base = path.join(work, `app ${++counter} 'q'`);
  const conn: ConnectionOptions = {
    hosts: [`root@127.0.0.1:${sshd.port}`],
    path: base,
    identityFile: keys.key,
    knownHostsFile: knownHosts,
    agentSocket: null,
    ...extra,
  };
  return { base, conn };
}

describe('deploy against a real sshd', () => {
  it('deploys, reuses an identical upload, deploys a new version, rolls back and lists releases', async () => {
    const { base, conn } = setup();
    const v1 = fakePex(path.join(work, 'svc.pex'), 'v1', { size: 300_000 });
    const events: DeployEvent[] = [];
    const envFile = path.join(work, 'restart-env.txt');
    const first = await deploy(
      { ...conn, pexFile: v1, restart: `echo "$PEXSHIP_RELEASE|$PEXSHIP_PEX|$PEXSHIP_PREVIOUS|$(pwd)" >> '${envFile}'`, healthCheck: 'test -x "$PEXSHIP_PEX"' },
      (e) => events.push(e),
    );
    expect(first.ok, JSON.stringify(first)).toBe(true);
    expect(first.hosts[0].status).toBe('ok');
    const id1 = first.release!;
    expect(id1).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}$/);
    expect(id1.endsWith(sha256Of(v1).slice(0, 12))).toBe(true);
    // Layout: relative symlink, release.json with the sha, the PEX executable, pre-warmed, history.
    expect(readlinkSync(path.join(base, 'current'))).toBe(`releases/${id1}`);
    const cur = currentRelease(base)!;
    expect(cur.json.sha256).toBe(sha256Of(v1));
    expect(cur.pexSha).toBe(sha256Of(v1));
    expect(lstatSync(path.join(base, 'releases', id1, 'svc.pex')).mode & 0o111).not.toBe(0);
    expect(existsSync(path.join(base, 'releases', id1, '.warmed'))).toBe(true);
    expect(existsSync(path.join(base, '.pexship', 'lock'))).toBe(false);
    expect(readFileSync(envFile, 'utf8').trim()).toBe(`${id1}|${base}/releases/${id1}/svc.pex||${base}`);
    expect(events.some((e) => e.type === 'host' && e.phase === 'upload')).toBe(true);

    // Same file again: nothing uploaded, nothing switched.
    const again = await deploy({ ...conn, pexFile: v1 });
    expect(again.hosts[0]).toMatchObject({ status: 'unchanged', reused: true, release: id1 });

    const v2 = fakePex(path.join(work, 'svc.pex'), 'v2', { size: 200_000 });
    await new Promise((r) => setTimeout(r, 1100)); // ids carry the second
    const second = await deploy({ ...conn, pexFile: v2 });
    expect(second.ok).toBe(true);
    const id2 = second.release!;
    expect(id2 > id1).toBe(true);
    expect(second.previousRelease).toBe(id1);
    expect(currentRelease(base)!.id).toBe(id2);

    const back = await rollback({ ...conn });
    expect(back.ok, JSON.stringify(back)).toBe(true);
    expect(back.hosts[0]).toMatchObject({ release: id1, previous: id2 });
    expect(currentRelease(base)!.id).toBe(id1);

    // Deploying v2 again reuses the release already there.
    const redeploy = await deploy({ ...conn, pexFile: v2 });
    expect(redeploy.hosts[0]).toMatchObject({ status: 'ok', reused: true, release: id2 });

    const listed = await listReleases(conn);
    expect(listed[0].ok).toBe(true);
    expect(listed[0].releases.map((r) => [r.id, r.current, r.sha256])).toEqual([
      [id1, false, sha256Of(path.join(base, 'releases', id1, 'svc.pex'))],
      [id2, true, sha256Of(v2)],
    ]);

    const missing = await rollback({ ...conn, to: '20000101T000000Z-000000000000' });
    expect(missing.ok).toBe(false);
    expect(missing.hosts[0].error).toMatch(/20000101T000000Z-000000000000 is not on this host/);
    expect(currentRelease(base)!.id).toBe(id2);

    const to = await rollback({ ...conn, to: id1 });
    expect(to.ok).toBe(true);
    expect(currentRelease(base)!.id).toBe(id1);

    const history = readFileSync(path.join(base, '.pexship', 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(history.map((h) => `${h.action}:${h.outcome}`)).toEqual([
      'deploy:ok',
      'deploy:unchanged',
      'deploy:ok',
      'rollback:ok',
      'deploy:ok',
      'rollback:ok',
    ]);
    // The host computes the time without forking date: it must still be the UTC time, as date -u prints it.
    for (const h of history) {
      expect(h.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Math.abs(Date.parse(h.at) - Date.now())).toBeLessThan(10 * 60_000);
    }
  });

  it('switches back and fails when the health check fails, and never switches when pre-warm fails', async () => {
    const { base, conn } = setup();
    const good = fakePex(path.join(work, 'h.pex'), 'good');
    const first = await deploy({ ...conn, pexFile: good });
    expect(first.ok).toBe(true);
    const goodId = first.release!;
    const log = path.join(work, 'restarts.log');
    const bad = fakePex(path.join(work, 'h.pex'), 'bad');
    const failed = await deploy({
      ...conn,
      pexFile: bad,
      restart: `echo "$PEXSHIP_RELEASE" >> '${log}'`,
      healthCheck: 'echo not healthy >&2; exit 7',
      healthTimeoutSeconds: 1,
    });
    expect(failed.ok).toBe(false);
    expect(failed.failed).toEqual([conn.hosts[0]]);
    expect(failed.hosts[0].error).toMatch(/health-check command exited 7; switched back to /);
    expect(failed.hosts[0].error).toContain('not healthy');
    expect(currentRelease(base)!.id).toBe(goodId);
    const restarts = readFileSync(log, 'utf8').trim().split('\n');
    expect(restarts).toHaveLength(2); // the new release, then the old one again
    expect(restarts[1]).toBe(goodId);

    const url = await deploy({ ...conn, pexFile: fakePex(path.join(work, 'h.pex'), 'url'), healthUrl: 'http://127.0.0.1:9/health', healthTimeoutSeconds: 1 });
    expect(url.ok).toBe(false);
    expect(url.hosts[0].error).toMatch(/health URL http:\/\/127\.0\.0\.1:9\/health did not answer/);
    expect(currentRelease(base)!.id).toBe(goodId);

    const broken = fakePex(path.join(work, 'h.pex'), 'broken', { failPrewarm: true });
    const pre = await deploy({ ...conn, pexFile: broken, restart: `echo x >> '${log}'` });
    expect(pre.ok).toBe(false);
    expect(pre.hosts[0].error).toMatch(/pre-warm failed.*exited 3.*nothing was switched/);
    expect(currentRelease(base)!.id).toBe(goodId);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(2);
    // Automatic rollback skips releases that failed here.
    const listed = await listReleases(conn);
    expect(listed[0].releases.filter((r) => r.failed)).toHaveLength(3);
    const noPrev = await rollback(conn);
    expect(noPrev.ok).toBe(false);
    expect(noPrev.hosts[0].error).toMatch(/no release before/);
  });

  it('prunes to --keep newest, keeping current and the previous release', async () => {
    const { base, conn } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await deploy({ ...conn, pexFile: fakePex(path.join(work, 'p.pex'), `p${i}`), keep: 2, preWarm: false });
      expect(r.ok).toBe(true);
      ids.push(r.release!);
      if (i < 3) await new Promise((res) => setTimeout(res, 1000));
    }
    expect(readdirSync(path.join(base, 'releases')).sort()).toEqual(ids.slice(2));
    // Roll back to the oldest kept, then deploy again: the previous (older than the keep window) stays.
    await rollback({ ...conn, to: ids[2] });
    await new Promise((res) => setTimeout(res, 1000));
    const r = await deploy({ ...conn, pexFile: fakePex(path.join(work, 'p.pex'), 'p9'), keep: 1, preWarm: false });
    expect(r.ok).toBe(true);
    expect(readdirSync(path.join(base, 'releases')).sort()).toEqual([ids[2], r.release].sort());
  });

  it('refuses a wrong host key before anything is sent, naming the host and the key seen', async () => {
    const { base, conn } = setup();
    const wrong = path.join(work, 'known_hosts_wrong');
    const other = execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(work, 'other_host'), '-C', ''], { encoding: 'utf8' });
    void other;
    const otherPub = readFileSync(path.join(work, 'other_host.pub'), 'utf8').trim();
    writeFileSync(wrong, `[127.0.0.1]:${sshd.port} ${otherPub}\n`);
    const pex = fakePex(path.join(work, 'k.pex'), 'k');
    const r = await deploy({ ...conn, knownHostsFile: wrong, pexFile: pex });
    expect(r.ok).toBe(false);
    expect(r.hosts[0].error).toContain(`127.0.0.1:${sshd.port}`);
    expect(r.hosts[0].error).toContain('HOST KEY MISMATCH');
    expect(r.hosts[0].error).toContain(sshd.fingerprint);
    expect(existsSync(base)).toBe(false);

    const unknown = await deploy({ ...conn, knownHostsFile: path.join(work, 'none'), pexFile: pex });
    expect(unknown.hosts[0].error).toMatch(new RegExp(`unknown host key ssh-ed25519 ${sshd.fingerprint.replace(/[+/]/g, '\\$&')}`));
    expect(existsSync(base)).toBe(false);

    // A pinned fingerprint, and a hashed known_hosts entry, are both accepted.
    const pinned = await deploy({ ...conn, knownHostsFile: path.join(work, 'none'), hostFingerprints: [sshd.fingerprint], pexFile: pex });
    expect(pinned.ok, JSON.stringify(pinned)).toBe(true);
    const hashed = path.join(work, 'known_hosts_hashed');
    writeFileSync(hashed, sshd.knownHostsLine() + '\n');
    execFileSync('ssh-keygen', ['-H', '-f', hashed], { stdio: 'ignore' });
    expect(readFileSync(hashed, 'utf8')).toMatch(/^\|1\|/);
    const viaHashed = await listReleases({ ...conn, knownHostsFile: hashed });
    expect(viaHashed[0].ok, viaHashed[0].error).toBe(true);
    expect(viaHashed[0].current).toBe(pinned.release);
  });

  it('authenticates with an encrypted ed25519 key and with key text from the environment (CRLF, literal \\n)', async () => {
    const { conn } = setup();
    const enc = await listReleases({ ...conn, identityFile: keys.encryptedKey, passphrase: keys.passphrase });
    expect(enc[0].ok, enc[0].error).toBe(true);
    await expect(listReleases({ ...conn, identityFile: keys.encryptedKey, passphrase: 'wrong' })).rejects.toThrow(/passphrase does not decrypt/);
    const text = readFileSync(keys.key, 'utf8').trim();
    const crlf = await listReleases({ ...conn, identityFile: undefined, privateKey: text.replace(/\n/g, '\r\n') });
    expect(crlf[0].ok, crlf[0].error).toBe(true);
    const flattened = await listReleases({ ...conn, identityFile: undefined, privateKey: text.replace(/\n/g, '\\n') });
    expect(flattened[0].ok, flattened[0].error).toBe(true);
  });

  it('reports a held lock with its owner and start time, and takes over a lock whose deploy is gone', async () => {
    const { base, conn } = setup();
    mkdirSync(path.join(base, '.pexship'), { recursive: true });
    const started = Math.floor(Date.now() / 1000);
    // Held by a live process (this test runner) with a long TTL.
    symlinkSync(`${process.pid} ${started} 3600 alice@laptop`, path.join(base, '.pexship', 'lock'));
    const pex = fakePex(path.join(work, 'l.pex'), 'l');
    const busy = await deploy({ ...conn, pexFile: pex, lockWaitSeconds: 0 });
    expect(busy.ok).toBe(false);
    expect(busy.hosts[0].error).toContain('alice@laptop');
    expect(busy.hosts[0].error).toContain(new Date(started * 1000).toISOString());
    expect(existsSync(path.join(base, 'current'))).toBe(false);
    // A lock whose owner process no longer exists (its SSH session ended) is stale.
    execFileSync('rm', [path.join(base, '.pexship', 'lock')]);
    symlinkSync(`999999999 ${started} 3600 bob@ci`, path.join(base, '.pexship', 'lock'));
    const ok = await deploy({ ...conn, pexFile: pex, lockWaitSeconds: 0 });
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });

  it.skipIf(!ipv6Usable)('connects over IPv6 as [::1]:PORT (skipped: ::1 is not usable on this machine)', async () => {
    const { base, conn } = setup({ hosts: [`root@[::1]:${sshd.port}`] });
    const r = await deploy({ ...conn, pexFile: fakePex(path.join(work, 'six.pex'), 'six') });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(currentRelease(base)!.id).toBe(r.release);
  });

  it('dry run changes nothing', async () => {
    const { base, conn } = setup();
    const r = await deploy({ ...conn, pexFile: fakePex(path.join(work, 'd.pex'), 'd'), dryRun: true });
    expect(r.ok).toBe(true);
    expect(r.hosts[0].status).toBe('dry-run');
    expect(r.hosts[0].plan).toMatch(/would upload/);
    expect(existsSync(base)).toBe(false);
  });
});
