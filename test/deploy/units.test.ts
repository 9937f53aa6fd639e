// Pure parts of the deploy core: quoting, host targets, known_hosts matching, key text, waves, CLI usage.
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDeploy, runReleases, runRollback } from '../../src/cli/deploy.js';
import { normalizeKeyText } from '../../src/deploy/credentials.js';
import { entryMatchesHost, fingerprintOf, hostKeyAlgorithmsFor, hostKeyCheck, keyTypeOf, normalizeFingerprint, parseKnownHosts } from '../../src/deploy/hostkeys.js';
import { planWaves } from '../../src/deploy/fleet.js';
import { shellQuote } from '../../src/deploy/quote.js';
import { releaseId } from '../../src/deploy/release.js';
import { buildRemoteCommand } from '../../src/deploy/remote-script.js';
import { parseHostTarget } from '../../src/deploy/target.js';
import { UsageError } from '../../src/errors.js';

const blob = (type: string) => {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, randomBytes(32)]);
};

describe('shellQuote', () => {
  it.each(['plain', '', 'a b', "it's", '$(touch /tmp/x) `id` $HOME', 'line\nbreak', '-n', "''", 'ünï', '*', 'a\\b'])(
    'passes %j through /bin/sh unchanged',
    (value) => {
      expect(execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
    },
  );
});

describe('the remote script', () => {
  it('is valid POSIX sh, takes paths with quotes and spaces, and keeps every parameter out of the command line', () => {
    const secret = 'http://user:s3cr3t@127.0.0.1/health';
    const { command, script } = buildRemoteCommand({ mode: 'deploy', base: `/srv/a b'c"$x`, restart: `echo "it's"`, healthUrl: secret, releaseJson: '{"x":1}' });
    // One line, no parameter in it: what `ps` shows on the host.
    expect(command).not.toContain('\n');
    expect(command).not.toContain('s3cr3t');
    expect(command).not.toContain('/srv/a');
    expect(command).not.toContain('!');
    const body = script.slice(0, script.lastIndexOf('@@pexship-end'));
    execFileSync('/bin/sh', ['-n', '-c', body]);
    // The prelude survives quoting: ask sh to print one parameter back, through the real command line.
    const probe = execFileSync('/bin/sh', ['-c', command], { input: script.replace(/set -u\n/, 'set -u\nprintf "%s" "$P_BASE"; exit 0\n'), encoding: 'utf8' });
    expect(probe).toBe(`/srv/a b'c"$x`);
  });
});

describe('host targets', () => {
  it.each([
    ['deploy@web1', { user: 'deploy', host: 'web1', port: 22 }],
    ['web1:2222', { host: 'web1', port: 2222 }],
    ['root@[::1]:2200', { user: 'root', host: '::1', port: 2200 }],
    ['[fe80::1%eth0]', { host: 'fe80::1%eth0', port: 22 }],
    ['::1', { host: '::1', port: 22 }],
    ['10.0.0.5', { host: '10.0.0.5', port: 22 }],
  ])('parses %s', (spec, want) => {
    expect(parseHostTarget(spec)).toMatchObject(want);
  });
  it.each(['', 'a b', 'web:99999', '[::1', 'user@', 'web:x', 'we;b'])('rejects %j with a usage error', (spec) => {
    expect(() => parseHostTarget(spec)).toThrow(UsageError);
  });
});

describe('known_hosts', () => {
  it('matches plain, [host]:port, wildcard, negated and hashed entries', () => {
    expect(entryMatchesHost('web1,10.0.0.1', 'web1', 22)).toBe(true);
    expect(entryMatchesHost('web1', 'web1', 2222)).toBe(false);
    expect(entryMatchesHost('[web1]:2222', 'web1', 2222)).toBe(true);
    expect(entryMatchesHost('*.example.com,!bad.example.com', 'good.example.com', 22)).toBe(true);
    expect(entryMatchesHost('*.example.com,!bad.example.com', 'bad.example.com', 22)).toBe(false);
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[127.0.0.1]:2222').digest('base64');
    const hashed = `|1|${salt.toString('base64')}|${hash}`;
    expect(entryMatchesHost(hashed, '127.0.0.1', 2222)).toBe(true);
    expect(entryMatchesHost(hashed, '127.0.0.1', 22)).toBe(false);
  });

  it('pins the offered host-key algorithms to the known key types and names what it saw', () => {
    const rsa = blob('ssh-rsa');
    const ed = blob('ssh-ed25519');
    const entries = parseKnownHosts(`# comment\n[h]:2200 ssh-rsa ${rsa.toString('base64')}\r\n@revoked * ssh-ed25519 ${ed.toString('base64')}\n`);
    expect(entries).toHaveLength(2);
    const check = hostKeyCheck({ knownHosts: entries, knownHostsFile: 'kh', fingerprints: [] }, 'h', 2200);
    expect(check.algorithms).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(check.verify(rsa)).toEqual({ ok: true });
    const revoked = check.verify(ed);
    expect(revoked.ok).toBe(false);
    expect(!revoked.ok && revoked.reason).toContain('@revoked');
    const other = blob('ssh-rsa');
    const mismatch = check.verify(other);
    expect(!mismatch.ok && mismatch.reason).toContain(`HOST KEY MISMATCH: it offered ssh-rsa ${fingerprintOf(other)}`);
    expect(keyTypeOf(ed)).toBe('ssh-ed25519');
    expect(hostKeyAlgorithmsFor(['ssh-ed25519', 'ssh-ed25519'])).toEqual(['ssh-ed25519']);
  });

  it('accepts fingerprints with or without the prefix and padding, and nothing else', () => {
    const fp = fingerprintOf(blob('ssh-ed25519'));
    expect(normalizeFingerprint(fp)).toBe(fp);
    expect(normalizeFingerprint(fp.slice(7) + '=')).toBe(fp);
    expect(normalizeFingerprint('MD5:aa:bb')).toBeUndefined();
  });
});

describe('key text from the environment', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\nBBBB\n-----END OPENSSH PRIVATE KEY-----\n';
  it.each([
    ['CRLF', key.replace(/\n/g, '\r\n')],
    ['no final newline', key.trimEnd()],
    ['literal \\n', key.trimEnd().replace(/\n/g, '\\n')],
    ['surrounding blank lines', `\n\n${key}\n`],
  ])('normalizes %s', (_why, text) => {
    expect(normalizeKeyText(text)).toBe(key);
  });
});

describe('fleet waves and release ids', () => {
  it('puts the canary alone first, then batches', () => {
    expect(planWaves([1, 2, 3, 4, 5], 2, true)).toEqual([[1], [2, 3], [4, 5]]);
    expect(planWaves([1, 2, 3], undefined, false)).toEqual([[1, 2, 3]]);
    expect(planWaves([1, 2, 3], 1, false)).toEqual([[1], [2], [3]]);
    expect(planWaves([1], undefined, true)).toEqual([[1]]);
    // A wave's hosts wait for each other, so none is larger than --concurrency.
    expect(planWaves([1, 2, 3, 4, 5], undefined, false, 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(planWaves([1, 2, 3, 4, 5], 4, true, 3)).toEqual([[1], [2, 3, 4], [5]]);
  });
  it('makes release ids that sort by time', () => {
    const sha = 'ab'.repeat(32);
    expect(releaseId(sha, new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405.678Z-abababababab');
    // Two deploys in the same second keep their order.
    expect(releaseId('cd'.repeat(32), new Date('2026-01-02T03:04:05.679Z')) > releaseId('ef'.repeat(32), new Date('2026-01-02T03:04:05.678Z'))).toBe(true);
    expect(releaseId(sha, new Date('2026-01-02T03:04:06Z')) > releaseId(sha, new Date('2026-01-02T03:04:05Z'))).toBe(true);
  });
});

describe('CLI usage errors', () => {
  it('names the missing or bad input', async () => {
    await expect(runDeploy(['app.pex', '--host', 'web1'])).rejects.toThrow(/--path DIR is required/);
    await expect(runDeploy(['app.pex', '--path', '/srv/app'])).rejects.toThrow(/--host/);
    await expect(runDeploy(['--host', 'web1', '--path', '/srv'])).rejects.toThrow(/exactly one PEX file/);
    await expect(runDeploy(['app.pex', '--host', 'web:0', '--path', '/srv'])).rejects.toThrow(UsageError);
    await expect(runRollback(['--host', 'web1', '--path', '/srv', '--host-fingerprint', 'nope'])).rejects.toThrow(/--host-fingerprint 'nope'/);
    await expect(runReleases(['--host', 'web1', '--path', '/srv', '--concurrency', '0'])).rejects.toThrow(/--concurrency/);
    await expect(runDeploy(['/nonexistent/app.pex', '--host', 'web1', '--path', '/srv', '--identity', '/nonexistent/key'])).rejects.toThrow(/--identity \/nonexistent\/key: cannot read/);
  });
});
