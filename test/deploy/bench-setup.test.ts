// The deploy bench's setup, run for real (no timing): the bench once died on a connection built by hand
// (no ssh_config route) and nobody noticed until it was run. Its connection helpers go through the same
// resolution a deploy does; this runs them against real sshd so that cannot rot again.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchConnection, openConnection } from '../../bench/deploy-setup.js';
import { deploy, rollback } from '../../src/deploy/index.js';
import { uploadFile } from '../../src/deploy/upload.js';
import { fakePex, makeClientKeys, readHostState, tempDir } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let sshd: TestSshd;
let keys: ReturnType<typeof makeClientKeys>;
let knownHosts: string;

beforeAll(async () => {
  work = tempDir('bench-setup');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, sshd.knownHostsLine() + '\n');
});
afterAll(() => sshd?.stop());

it("the bench's upload connection and its switch-only deploy and rollback work against real sshd", async () => {
  const file = fakePex(path.join(work, 'up.bin'), 'up', { size: 256 * 1024 });
  const dest = path.join(work, 'uploaded.bin');
  const size = statSync(file).size;
  const conn = await openConnection(benchConnection([sshd.port], '/tmp', keys.key, knownHosts));
  try {
    await uploadFile(conn, file, dest, size, { channels: 4 });
  } finally {
    conn.close();
  }
  expect(statSync(dest).size).toBe(size);

  const options = benchConnection([sshd.port], path.join(work, 'app'), keys.key, knownHosts);
  const a = await deploy({ ...options, pexFile: fakePex(path.join(work, 'a.pex'), 'a') });
  const b = await deploy({ ...options, pexFile: fakePex(path.join(work, 'b.pex'), 'b') });
  expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
  const again = await deploy({ ...options, pexFile: path.join(work, 'a.pex'), preWarm: false });
  expect(again.hosts[0]).toMatchObject({ status: 'ok', reused: true, release: a.release });
  const back = await rollback({ ...options, to: b.release! });
  expect(back.hosts[0]).toMatchObject({ status: 'ok', release: b.release });
  const state = readHostState(sshd.inside, path.join(work, 'app'));
  expect(state.current).toBe(b.release);
  expect(state.lock).toBeNull();
});
