// Kills the real CLI (bundled like dist/) with SIGKILL at random moments of a deploy: `current` must always
// resolve to a complete release whose file matches its recorded sha256, and the next deploy must succeed.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../helpers/cli.js';
import { currentRelease, fakePex, makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let cli: string;
let knownHosts: string;

beforeAll(async () => {
  work = tempDir('chaos');
  keys = makeClientKeys(work);
  const [server, bundled] = await Promise.all([
    startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys }),
    bundleCli(),
  ]);
  sshd = server;
  cli = bundled;
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, sshd.knownHostsLine() + '\n');
});
afterAll(() => sshd?.stop());

function deployArgs(pex: string, base: string): string[] {
  return [
    cli, 'deploy', pex,
    '--host', `root@127.0.0.1:${sshd.port}`,
    '--path', base,
    '--identity', keys.key,
    '--known-hosts', knownHosts,
    '--keep', '3',
    '--restart', 'sleep 0.05',
    '--health-check', 'test -x "$PEXSHIP_PEX"',
    '--quiet',
  ];
}

describe('chaos', () => {
  it('survives SIGKILL of the deploy at random moments', async () => {
    const base = path.join(work, 'app');
    const env = { ...process.env, SSH_AUTH_SOCK: '' };
    const first = spawnSync(process.execPath, deployArgs(fakePex(path.join(work, 'c0.pex'), 'c0', { size: 3 << 20 }), base), { env, encoding: 'utf8', timeout: 30_000 });
    expect(first.status, first.stderr + first.stdout).toBe(0);
    const check = (when: string) => {
      const cur = currentRelease(base);
      expect(cur, `current missing ${when}`).toBeDefined();
      expect(cur!.pexSha, `current's file does not match its release.json ${when}`).toBe(cur!.json.sha256);
    };
    check('after the first deploy');
    const kills: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const pex = fakePex(path.join(work, `c${i}.pex`), `c${i}`, { size: (1 + (i % 3)) << 20 });
      const started = Date.now();
      const child = spawn(process.execPath, deployArgs(pex, base), { env, stdio: 'ignore' });
      // Spread the kills over start-up, connect, upload, verify, switch and health check.
      const delay = Math.floor(Math.random() * 700);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await exited;
      clearTimeout(timer);
      kills.push(`#${i} kill at ${delay} ms → ${code === null ? 'killed' : `exited ${code}`} after ${Date.now() - started} ms`);
      check(`after ${kills.at(-1)}`);
      if (process.env.PEXSHIP_CHAOS_LOG) console.log(kills.at(-1));
    }
    const final = fakePex(path.join(work, 'final.pex'), 'final', { size: 1 << 20 });
    const after = spawnSync(process.execPath, [...deployArgs(final, base), '--json'], { env, encoding: 'utf8', timeout: 30_000 });
    expect(after.status, `${kills.join('\n')}\n${after.stderr}${after.stdout}`).toBe(0);
    const result = JSON.parse(after.stdout) as { release: string };
    check('after the final deploy');
    expect(currentRelease(base)!.id).toBe(result.release);

    // The other verbs through the same CLI: releases --json, rollback, and a usage error's exit code.
    const conn = ['--host', `root@127.0.0.1:${sshd.port}`, '--path', base, '--identity', keys.key, '--known-hosts', knownHosts];
    const listed = spawnSync(process.execPath, [cli, 'releases', ...conn, '--json'], { env, encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const releases = JSON.parse(listed.stdout) as Array<{ id: string; current: boolean; sha256: string }>;
    expect(releases.filter((r) => r.current).map((r) => r.id)).toEqual([result.release]);
    expect(releases.length).toBeLessThanOrEqual(3 + 1); // --keep 3, plus the previous release
    const back = spawnSync(process.execPath, [cli, 'rollback', ...conn, '--quiet'], { env, encoding: 'utf8' });
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/rollback succeeded: 1 host\(s\) ok/);
    expect(currentRelease(base)!.id < result.release).toBe(true);
    const bad = spawnSync(process.execPath, [cli, 'deploy', '--host', 'web1'], { env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('pexship deploy: error:');
  });
});
