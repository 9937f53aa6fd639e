// A stopped upload (a wave that stops, --command-timeout, a lost connection) must return at once and close its
// local file, even when the SFTP requests it waits on will never be answered.
import { readdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchConnection, openConnection } from '../../bench/deploy-setup.js';
import { uploadFile } from '../../src/deploy/upload.js';
import { fakePex, makeClientKeys, tempDir } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let sshd: TestSshd;
let keys: ReturnType<typeof makeClientKeys>;
let knownHosts: string;
let file: string;

beforeAll(async () => {
  work = tempDir('upload-stop');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
  knownHosts = path.join(work, 'known_hosts');
  writeFileSync(knownHosts, sshd.knownHostsLine() + '\n');
  file = fakePex(path.join(work, 'big.bin'), 'big', { size: 48 * 1024 * 1024 });
});
afterAll(() => sshd?.stop());

const openDescriptorsOf = (target: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === target;
    } catch {
      return false;
    }
  });

it('stops mid-transfer when told, rejects with the reason and closes the local file', async () => {
  const conn = await openConnection(benchConnection([sshd.port], '/tmp', keys.key, knownHosts));
  const stop = new AbortController();
  let sent = 0;
  try {
    const upload = uploadFile(conn, file, path.join(work, 'part.bin'), statSync(file).size, { channels: 2 }, (n) => {
      sent = n;
      if (n >= 4 * 1024 * 1024) stop.abort();
    }, stop.signal);
    await expect(upload).rejects.toThrow(/the upload was stopped/);
  } finally {
    conn.close();
  }
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(statSync(file).size);
  expect(openDescriptorsOf(file)).toEqual([]);
});

it('returns when stopped while the connection closes under it, with no file left open', async () => {
  const conn = await openConnection(benchConnection([sshd.port], '/tmp', keys.key, knownHosts));
  const stop = new AbortController();
  const upload = uploadFile(conn, file, path.join(work, 'cut.bin'), statSync(file).size, {}, undefined, stop.signal);
  conn.close();
  stop.abort();
  await expect(upload).rejects.toThrow();
  expect(openDescriptorsOf(file)).toEqual([]);
});
