// Fault injection from the user's side: rollbacks after redeploys, deleted and corrupted releases, secrets
// that must not reach `ps`, files that are not PEXes, odd paths, and login shells of every family.
import { readdirSync, readFileSync, readlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, rollback, type ConnectionOptions } from '../../src/deploy/index.js';
import { UsageError } from '../../src/errors.js';
import { fakePex, makeClientKeys, readHostState, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let knownHosts: string;
const shells: Record<string, TestSshd> = {};
const logins: Record<string, string> = {};
const SHELLS = { dash: '/bin/dash', busybox: '/bin/busybox', tcsh: '/usr/bin/tcsh', csh: '/bin/csh' };

beforeAll(async () => {
  work = tempDir('faults-inputs');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
  // Hosts whose root logs in with another shell: a passwd naming it is bound over /etc/passwd for that
  // sshd alone. BusyBox's sh is a symlink named sh, so BusyBox runs its sh applet.
  await Promise.all(
    Object.entries(SHELLS).map(async ([name, shell]) => {
      const dir = path.join(work, `sshd-${name}`);
      const login = name === 'busybox' ? path.join(dir, 'root', 'sh') : shell;
      shells[name] = await startSshd({
        dir,
        authorizedKeys: keys.authorizedKeys,
        setup: `${name === 'busybox' ? `ln -s ${shell} '${login}' && ` : ''}sed 's|^\\(root:.*:\\)[^:]*$|\\1${login}|' /etc/passwd > "$TARGET/passwd" && mount --bind "$TARGET/passwd" /etc/passwd`,
      });
      logins[name] = login;
    }),
  );
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, [sshd, ...Object.values(shells)].map((h) => h.knownHostsLine()).join('\n') + '\n');
}, 60_000);
afterAll(() => {
  sshd?.stop();
  for (const s of Object.values(shells)) s.stop();
});

let n = 0;
function setup(extra: Partial<ConnectionOptions> = {}, server: TestSshd = sshd) {
  const base = extra.path ?? path.join(work, `app ${++n}`);
  const conn: ConnectionOptions = { hosts: [`root@127.0.0.1:${server.port}`], path: base, identityFile: keys.key, knownHostsFile: knownHosts, agentSocket: null, ...extra };
  return { base, conn, state: () => readHostState(server.inside, base) };
}
const pex = (v: string) => fakePex(path.join(work, `${v}.pex`), v);

describe('rollback follows history, and release ids are the real ones', () => {
  it('after A, B, A the rollback goes to B; a redeploy reports the id already on the host', async () => {
    const { conn, state } = setup();
    const a = await deploy({ ...conn, pexFile: pex('A') });
    const b = await deploy({ ...conn, pexFile: pex('B') });
    const again = await deploy({ ...conn, pexFile: path.join(work, 'A.pex') });
    expect(again.hosts[0]).toMatchObject({ status: 'ok', reused: true, release: a.release });
    expect(again.release).toBe(a.release);
    const same = await deploy({ ...conn, pexFile: path.join(work, 'A.pex') });
    expect(same.hosts[0]).toMatchObject({ status: 'unchanged', release: a.release });
    expect(same.release).toBe(a.release);

    const back = await rollback(conn);
    expect(back.ok, JSON.stringify(back.hosts)).toBe(true);
    expect(back.hosts[0]).toMatchObject({ release: b.release, previous: a.release });
    const s = state();
    expect(s).toMatchObject({ current: b.release, lock: null });
    expect(s.history.map((h) => `${h.action}:${h.outcome}:${h.release}`)).toEqual([
      `deploy:ok:${a.release}`,
      `deploy:ok:${b.release}`,
      `deploy:ok:${a.release}`,
      `deploy:unchanged:${a.release}`,
      `rollback:ok:${b.release}`,
    ]);
  }, 60_000);

  it('refuses a rollback target whose PEX is gone or does not match its sha256 (unless --no-verify)', async () => {
    const { base, conn, state } = setup();
    const a = (await deploy({ ...conn, pexFile: pex('C') })).release!;
    const b = (await deploy({ ...conn, pexFile: pex('D') })).release!;
    const file = path.join(base, 'releases', a, 'C.pex');
    const bytes = readFileSync(file);
    unlinkSync(file);
    const gone = await rollback(conn);
    expect(gone.hosts[0].error).toMatch(new RegExp(`cannot roll back to ${a.replace('.', '\\.')}: releases/.* has no PEX file`));
    expect(state().current).toBe(b);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    const corrupt = await rollback(conn);
    expect(corrupt.hosts[0].error).toMatch(/does not match the sha256 in its release.json/);
    expect(state()).toMatchObject({ current: b, lock: null });
    truncateSync(file, bytes.length - 1);
    const short = await rollback({ ...conn, verify: false });
    expect(short.hosts[0].error).toMatch(/has \d+ bytes, its release.json says \d+/);
    writeFileSync(file, bytes);
    const unchecked = await rollback({ ...conn, verify: false });
    expect(unchecked.ok).toBe(true);
    expect(state()).toMatchObject({ current: a, lock: null });
  }, 60_000);
});

describe('secrets stay off the host', () => {
  it("no parameter reaches a process's argv, and the health URL's password appears in no message", async () => {
    let seen = 0;
    const web = http.createServer((req, res) => {
      seen++;
      res.statusCode = req.headers.authorization === `Basic ${Buffer.from('deploy:hunter2-secret').toString('base64')}` ? 200 : 401;
      res.end();
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const port = (web.address() as net.AddressInfo).port;
    try {
      const { conn } = setup();
      const argvs: string[] = [];
      // Every process working in this test's directories: the remote shell and what it starts.
      const scan = setInterval(() => {
        for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
          try {
            if (!readlinkSync(`/proc/${pid}/cwd`).startsWith(work)) continue;
            argvs.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
          } catch {
            /* gone */
          }
        }
      }, 50);
      const ok = await deploy({ ...conn, pexFile: pex('S1'), restart: 'echo restart-token-4711 >/dev/null; sleep 1', healthUrl: `http://deploy:hunter2-secret@127.0.0.1:${port}/h` });
      clearInterval(scan);
      expect(ok.ok, JSON.stringify(ok.hosts)).toBe(true);
      expect(seen).toBeGreaterThan(0);
      expect(argvs.length).toBeGreaterThan(10);
      expect(argvs.filter((a) => a.includes('hunter2') || a.includes('restart-token-4711') || a.includes('"sha256"'))).toEqual([]);
      const bad = await deploy({ ...conn, pexFile: pex('S2'), healthUrl: `http://deploy:wrong-secret@127.0.0.1:${port}/h`, healthTimeoutSeconds: 1 });
      expect(bad.hosts[0].error).toMatch(/health URL http:\/\/\*\*\*@127\.0\.0\.1:\d+\/h did not answer/);
      expect(JSON.stringify(bad)).not.toContain('wrong-secret');
      await expect(deploy({ ...conn, pexFile: pex('S3'), healthUrl: 'ftp://u:topsecret@h/x' })).rejects.toThrow(/^(?!.*topsecret)/);
    } finally {
      web.close();
    }
  }, 60_000);
});

describe('inputs', () => {
  it('refuses a file that is not a PEX, a --path starting with -, and a bad --to, before connecting (exit 2)', async () => {
    const { conn, state } = setup();
    const script = path.join(work, 'not-a.pex');
    writeFileSync(script, '#!/bin/sh\necho I would run as the pre-warm\n');
    await expect(deploy({ ...conn, pexFile: script })).rejects.toThrow(/not-a\.pex is not a PEX: it is not a zip archive/);
    const empty = path.join(work, 'empty.pex');
    writeFileSync(empty, '');
    await expect(deploy({ ...conn, pexFile: empty })).rejects.toThrow(/is not a PEX/);
    const zipOnly = path.join(work, 'zip.pex');
    writeFileSync(zipOnly, Buffer.from('504b0506000000000000000000000000000000000000', 'hex'));
    await expect(deploy({ ...conn, pexFile: zipOnly })).rejects.toThrow(/a zip without PEX-INFO/);
    await expect(deploy({ ...conn, path: '-rf', pexFile: pex('P') })).rejects.toThrow(/--path '-rf' starts with '-'.*'\.\/-rf'/);
    await expect(rollback({ ...conn, to: '../x' })).rejects.toThrow(UsageError);
    expect(state()).toEqual({ current: null, releases: [], lock: null, history: [] });

    const first = await deploy({ ...conn, pexFile: pex('P') });
    const missing = await rollback({ ...conn, to: '20000101T000000.000Z-000000000000' });
    expect(missing.exitCode).toBe(2);
    expect(state()).toMatchObject({ current: first.release, lock: null });
  }, 60_000);

  it('deploys into a --path holding a backslash', async () => {
    const { conn, state } = setup({ path: path.join(work, 'back\\slash dir') });
    const r = await deploy({ ...conn, pexFile: pex('Q') });
    expect(r.ok, JSON.stringify(r.hosts)).toBe(true);
    expect(state()).toMatchObject({ current: r.release, lock: null });
  }, 60_000);

  for (const name of Object.keys(SHELLS)) {
    it(`works when the login shell is ${name}`, async () => {
      const server = shells[name];
      expect(server.inside('grep "^root:" /etc/passwd').trim().endsWith(`:${logins[name]}`)).toBe(true);
      const { conn, state } = setup({}, server);
      const a = await deploy({ ...conn, pexFile: pex(`${name}1`), restart: 'test -n "$PEXSHIP_RELEASE"', healthCheck: '[ -x "$PEXSHIP_PEX" ]' });
      expect(a.ok, JSON.stringify(a.hosts)).toBe(true);
      const b = await deploy({ ...conn, pexFile: pex(`${name}2`) });
      expect(b.ok, JSON.stringify(b.hosts)).toBe(true);
      const back = await rollback(conn);
      expect(back.ok, JSON.stringify(back.hosts)).toBe(true);
      const s = state();
      expect(s).toMatchObject({ current: a.release, lock: null });
      expect(s.history.map((h) => `${h.action}:${h.outcome}`)).toEqual(['deploy:ok', 'deploy:ok', 'rollback:ok']);
    }, 60_000);
  }
});
