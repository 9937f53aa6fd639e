// The deploy CLI's OpenSSH-related flags: documented in --help, read, and refused clearly when wrong.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runDeploy, runReleases, runRollback } from '../../src/cli/deploy.js';
import { makeClientKeys, tempDir } from '../deploy/fixtures.js';

function helpOf(run: (argv: string[]) => Promise<number>): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  return run(['--help']).then(() => (spy.mockRestore(), out));
}

describe('deploy CLI flags for OpenSSH setups', () => {
  it('documents --ssh-config, --connect-retries and --max-fail', async () => {
    const deployHelp = await helpOf(runDeploy);
    for (const flag of ['--ssh-config, -F FILE', '--connect-retries N', '--max-fail N|P%', '--jump, -J [USER@]HOST[:PORT],…']) expect(deployHelp).toContain(flag);
    for (const run of [runRollback, runReleases]) {
      const help = await helpOf(run);
      expect(help).toContain('--ssh-config, -F FILE');
      expect(help).toContain('--connect-retries N');
      expect(help).not.toContain('--max-fail');
    }
  });

  it('reads the ssh config given and refuses what pexship cannot honour, before connecting', async () => {
    const work = tempDir('deploycli');
    const keys = makeClientKeys(work);
    const config = path.join(work, 'config');
    writeFileSync(config, 'Host web*\n  StrictHostKeyChecking no\n');
    const base = ['--host', 'web1', '--path', '/srv/app', '-i', keys.key];
    await expect(runReleases([...base, '-F', config])).rejects.toThrow(`${config} line 2: StrictHostKeyChecking no applies to web1`);
    await expect(runReleases([...base, '--ssh-config', path.join(work, 'nope')])).rejects.toThrow(/nope: cannot read it \(ENOENT\)/);
    await expect(runReleases([...base, '-F', config, '--connect-retries', 'many'])).rejects.toThrow("--connect-retries takes a whole number of at least 0, got 'many'.");
    await expect(runDeploy(['x.pex', ...base, '-F', 'none', '--max-fail', 'half'])).rejects.toThrow("--max-fail 'half': give a number of hosts (2) or a percentage of them (25%).");
  });
});
