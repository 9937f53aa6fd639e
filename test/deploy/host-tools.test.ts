// Hosts without the GNU tools: a BSD-like host whose only SHA-256 tool is `sha256` (FreeBSD, OpenBSD). The
// sshd session's PATH is a copy of this machine's without sha256sum, shasum and openssl, plus a `sha256`
// that behaves as BSD's (`-q`, reads stdin) and records that it ran.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy } from '../../src/deploy/index.js';
import { currentRelease, fakePex, makeClientKeys, tempDir, type ClientKeys } from './fixtures.js';
import { startSshd, type TestSshd } from './sshd.js';

let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let bin: string;
const HIDDEN = new Set(['sha256sum', 'shasum', 'openssl']);

beforeAll(async () => {
  work = tempDir('bsdtools');
  keys = makeClientKeys(work);
  bin = path.join(work, 'bin');
  mkdirSync(bin);
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (HIDDEN.has(name) || existsSync(path.join(bin, name))) continue;
      symlinkSync(path.join(dir, name), path.join(bin, name));
    }
  }
  writeFileSync(
    path.join(bin, 'sha256'),
    [
      '#!/bin/sh',
      `: > '${work}/sha256-ran'`,
      '[ "$1" = -q ] || { echo "sha256: this stand-in only knows -q" >&2; exit 64; }',
      'shift',
      `if [ -e '${work}/lie' ]; then echo 0000000000000000000000000000000000000000000000000000000000000000; exit 0; fi`,
      '/usr/bin/sha256sum "$@" | cut -d " " -f 1',
      '',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'sha256'), 0o755);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys, env: { PATH: bin } });
});
afterAll(() => sshd?.stop());

describe('hosts with BSD tools', () => {
  it('verifies the upload with BSD sha256 when sha256sum, shasum and openssl are missing', async () => {
    const base = path.join(work, 'srv');
    const knownHostsFile = path.join(work, 'known_hosts');
    writeFileSync(knownHostsFile, sshd.knownHostsLine() + '\n');
    const o = { hosts: [`root@127.0.0.1:${sshd.port}`], path: base, identityFile: keys.key, knownHostsFile, agentSocket: null, sshConfigFile: 'none' };
    const ok = await deploy({ ...o, pexFile: fakePex(path.join(work, 'a.pex'), 'a1') });
    expect(ok.ok, JSON.stringify(ok.hosts)).toBe(true);
    expect(existsSync(path.join(work, 'sha256-ran'))).toBe(true);
    expect(currentRelease(base)!.id).toBe(ok.release);

    // The digest it prints is really compared: a wrong one fails the host, and current stays.
    writeFileSync(path.join(work, 'lie'), '');
    rmSync(path.join(work, 'sha256-ran'));
    const bad = await deploy({ ...o, pexFile: fakePex(path.join(work, 'b.pex'), 'b1') });
    expect(bad.ok).toBe(false);
    expect(bad.hosts[0].error).toContain('sha256 mismatch after upload: the host computed 0000000000000000');
    expect(existsSync(path.join(work, 'sha256-ran'))).toBe(true);
    expect(currentRelease(base)!.id).toBe(ok.release);
  });
});
