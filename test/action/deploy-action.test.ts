// The bundled deploy and rollback actions against a real OpenSSH server on 127.0.0.1: deploy a PEX given by
// path, deploy one fetched from the run's artifacts, roll back, and fail clearly on an untrusted host key.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentRelease, fakePex, makeClientKeys, sha256Of, tempDir, type ClientKeys } from '../deploy/fixtures.js';
import { keygen, startSshd, type TestSshd } from '../deploy/sshd.js';
import { bundleActions } from './helpers/bundle.js';
import { startResultsService, type ResultsService } from './helpers/results-service.js';
import { runAction, runtimeToken, type ActionRun } from './helpers/run-action.js';

let work: string;
let keys: ClientKeys;
let sshd: TestSshd;
let service: ResultsService;

beforeAll(async () => {
  work = tempDir('deploy-action');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
  service = await startResultsService();
  mkdirSync(path.join(work, 'home'), { recursive: true });
  await bundleActions();
});

afterAll(async () => {
  sshd?.stop();
  await service?.close();
});

function failureText(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** Inputs every step of this fleet shares: the host, the folder, the key as text with its passphrase. */
function connection(base: string): Record<string, string> {
  return {
    hosts: `root@127.0.0.1:${sshd.port}`,
    path: base,
    'private-key': readFileSync(keys.encryptedKey, 'utf8'),
    passphrase: keys.passphrase,
    'known-hosts': sshd.knownHostsLine(),
  };
}

const env = (runId: string) => ({
  HOME: path.join(work, 'home'),
  ACTIONS_RESULTS_URL: service.url,
  ACTIONS_RUNTIME_TOKEN: runtimeToken(runId),
});

describe('deploy and rollback actions against a real sshd', () => {
  it('deploys by path, deploys an artifact of the run, rolls back, and reports each in outputs and the summary', async () => {
    const base = path.join(work, 'srv app');
    const workspace = path.join(work, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const v1 = fakePex(path.join(workspace, 'svc.pex'), 'v1');

    const first = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(base), pex: 'svc.pex', 'health-check': 'test -x current/svc.pex' }, env: env('run-d') });
    expect(first.code, failureText(first)).toBe(0);
    const release1 = first.outputs.release;
    expect(release1).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{12}$/);
    expect(currentRelease(base)).toMatchObject({ id: release1, pexSha: sha256Of(v1) });
    expect(JSON.parse(first.outputs['hosts-succeeded'])).toHaveLength(1);
    expect(JSON.parse(first.outputs['hosts-failed'])).toEqual([]);
    expect(first.summary).toContain('pexship deploy: succeeded');
    // One row per host: before → after and the health result.
    expect(first.summary).toContain(`| root@127.0.0.1:${sshd.port} | ok | none → ${release1} | passed: \`test -x current/svc.pex\` |`);
    // The key's passphrase is masked before anything could print it, and printed nowhere else.
    const lines = first.stdout.split('\n');
    expect(lines).toContain(`::add-mask::${keys.passphrase.replace(/%/g, '%25')}`);
    expect(lines.filter((l) => l.includes(keys.passphrase) && !l.startsWith('::add-mask::'))).toEqual([]);

    // The next version, as an artifact of this run (a bare file, as the build action uploads it).
    const v2 = readFileSync(fakePex(path.join(work, 'v2.pex'), 'v2'));
    service.blobs.set('seeded-v2', v2);
    service.artifacts.push({ runId: 'run-d', name: 'svc-current.pex', blob: 'seeded-v2', id: 900, size: String(v2.length) });
    const second = await runAction('deploy', {
      workspace,
      runner: path.join(work, 'runner'),
      inputs: { ...connection(base), artifact: 'svc-current.pex', name: 'svc' },
      env: env('run-d'),
    });
    expect(second.code, failureText(second)).toBe(0);
    const release2 = second.outputs.release;
    expect(release2).not.toBe(release1);
    expect(second.outputs['previous-release']).toBe(release1);
    expect(currentRelease(base)?.id).toBe(release2);
    expect(currentRelease(base)?.json.file).toBe('svc.pex');
    expect(second.stdout).toContain('::group::Download the artifact');
    expect(second.summary).toContain('PEX from the artifact [svc-current.pex](https://github.com/octo/app/actions/runs/4242/artifacts/900)');
    expect(second.summary).toContain(`| ${release1} → ${release2} | none configured |`);

    const back = await runAction('rollback', { workspace, runner: path.join(work, 'runner'), inputs: connection(base), env: env('run-d') });
    expect(back.code, failureText(back)).toBe(0);
    expect(back.outputs.release).toBe(release1);
    expect(currentRelease(base)?.id).toBe(release1);
    expect(back.summary).toContain('pexship rollback: succeeded');
    expect(back.summary).toContain(`| ${release2} → ${release1} |`);
  });

  it('fails the step, naming the host, when the host key is not the pinned one', async () => {
    const base = path.join(work, 'untrusted');
    const workspace = path.join(work, 'workspace');
    fakePex(path.join(workspace, 'svc.pex'), 'v1');
    const run = await runAction('deploy', {
      workspace,
      runner: path.join(work, 'runner'),
      inputs: { ...connection(base), 'known-hosts': '', 'host-fingerprints': 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', pex: 'svc.pex' },
      env: env('run-d'),
    });
    expect(run.code).toBe(1);
    const host = `root@127.0.0.1:${sshd.port}`;
    expect(JSON.parse(run.outputs['hosts-failed'])).toEqual([host]);
    expect(run.errors.at(-1)).toContain(`deploy failed on 1 host(s): ${host}`);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(currentRelease(base)).toBeUndefined();
  });

  it('reads an ssh-config (alias, accept-new), connect-retries and max-fail', async () => {
    const base = path.join(work, 'via-config');
    const workspace = path.join(work, 'workspace');
    fakePex(path.join(workspace, 'svc.pex'), 'v1');
    const knownHosts = path.join(work, 'known_hosts_action');
    const config = path.join(work, 'ssh_config_action');
    writeFileSync(
      config,
      `Host app\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  StrictHostKeyChecking accept-new\n  UserKnownHostsFile ${knownHosts}\n`,
    );
    const inputs = { ...connection(base), hosts: 'app', 'known-hosts': '', 'ssh-config': config, 'connect-retries': '2', 'max-fail': '1', pex: 'svc.pex' };
    const run = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs, env: env('run-d') });
    expect(run.code, failureText(run)).toBe(0);
    expect(JSON.parse(run.outputs['hosts-succeeded'])).toEqual(['app']);
    expect(currentRelease(base)?.id).toBe(run.outputs.release);
    expect(readFileSync(knownHosts, 'utf8')).toBe(`${sshd.knownHostsLine()}\n`);
    const bad = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, 'max-fail': 'half' }, env: env('run-d') });
    expect(bad.errors).toEqual(["input 'max-fail' 'half': give a number of hosts (2) or a percentage of them (25%)."]);
  });

  it('logs in with ssh-certificate where the host trusts only the user CA (TrustedUserCAKeys)', async () => {
    const caKey = path.join(work, 'user_ca');
    keygen(caKey);
    const none = path.join(work, 'authorized_none');
    writeFileSync(none, '');
    const certHost = await startSshd({ dir: path.join(work, 'certhost'), authorizedKeys: none, extraConfig: [`TrustedUserCAKeys ${caKey}.pub`] });
    try {
      const sign = (key: string) => {
        execFileSync('ssh-keygen', ['-q', '-s', caKey, '-I', 'ci-deploy', '-n', 'root', '-V', '-5m:+1h', `${key}.pub`], { stdio: 'ignore' });
        return readFileSync(`${key}-cert.pub`, 'utf8');
      };
      const certificate = sign(keys.encryptedKey);
      const base = path.join(work, 'cert-app');
      const workspace = path.join(work, 'workspace');
      mkdirSync(workspace, { recursive: true });
      fakePex(path.join(workspace, 'svc.pex'), 'v1');
      const inputs = { ...connection(base), hosts: `root@127.0.0.1:${certHost.port}`, 'known-hosts': certHost.knownHostsLine() };
      const run = (extra: Record<string, string>) =>
        runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, pex: 'svc.pex', ...extra }, env: env('run-d') });

      const without = await run({});
      expect(without.code).toBe(1);
      expect(without.stdout).toContain("the server refused input 'private-key' for user 'root'");
      const ok = await run({ 'ssh-certificate': certificate });
      expect(ok.code, failureText(ok)).toBe(0);
      expect(currentRelease(base)?.id).toBe(ok.outputs.release);
      // The certificate's key material is printed nowhere.
      const blob = certificate.split(/\s+/)[1];
      expect(ok.stdout + ok.stderr + ok.summary).not.toContain(blob.slice(0, 40));
      fakePex(path.join(workspace, 'svc.pex'), 'v2');
      const next = await run({ 'ssh-certificate': certificate });
      expect(next.code, failureText(next)).toBe(0);
      const back = await runAction('rollback', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, 'ssh-certificate': certificate }, env: env('run-d') });
      expect(back.code, failureText(back)).toBe(0);
      expect(currentRelease(base)?.id).toBe(ok.outputs.release);

      // A certificate of another key, and one with no key, name the inputs.
      const other = sign(keys.key);
      const wrong = await run({ 'ssh-certificate': other });
      expect(wrong.errors).toEqual(["input 'ssh-certificate': the certificate is for another key than input 'private-key'; give the KEY-cert.pub of that key."]);
      const keyless = await run({ 'ssh-certificate': certificate, 'private-key': '', passphrase: '' });
      expect(keyless.errors.at(-1)).toContain("input 'ssh-certificate' needs the private key it certifies");
    } finally {
      certHost.stop();
    }
  });

  it('says which input is missing or wrong', async () => {
    const workspace = path.join(work, 'workspace');
    const none = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(path.join(work, 'x')) }, env: env('run-d') });
    expect(none.code).toBe(1);
    expect(none.errors).toEqual(["give the PEX to deploy: 'pex' (a path) or 'artifact' (the name of an artifact of this run, or of 'run-id')."]);
    const missing = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(path.join(work, 'x')), artifact: 'nope.pex' }, env: env('run-d') });
    expect(missing.code).toBe(1);
    expect(missing.errors.at(-1)).toContain("no artifact named 'nope.pex' in this workflow run");
    const keep = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(path.join(work, 'x')), pex: 'svc.pex', keep: 'all' }, env: env('run-d') });
    expect(keep.errors).toEqual(["input 'keep' is 'all'; use a whole number of at least 1."]);
    const wait = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(path.join(work, 'x')), pex: 'svc.pex', 'lock-wait': '1.5' }, env: env('run-d') });
    expect(wait.errors).toEqual(["input 'lock-wait' is '1.5'; use a whole number of at least 0."]);
    // A core error names the input the user wrote, not the CLI flag.
    const url = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...connection(path.join(work, 'x')), pex: 'svc.pex', 'health-url': 'localhost:8000' }, env: env('run-d') });
    expect(url.errors).toEqual(["input 'health-url' 'localhost:8000': give an http:// or https:// URL."]);
  });

  it('takes the PEX from another workflow run with run-id, github-token and repository, as download-artifact does', async () => {
    const base = path.join(work, 'other-run');
    const workspace = path.join(work, 'workspace');
    const pex = readFileSync(fakePex(path.join(work, 'nightly.pex'), 'nightly'));
    const digest = `sha256:${createHash('sha256').update(pex).digest('hex')}`;
    service.behaviour.apiToken = 'ghs_readtoken123';
    service.blobs.set('seeded-nightly', pex);
    service.artifacts.push({ runId: '777', repository: 'octo/builds', name: 'app-linux-x86_64-cp311.pex', blob: 'seeded-nightly', id: 901, size: String(pex.length), hash: digest });
    const inputs = { ...connection(base), artifact: 'app-linux-x86_64-cp311.pex', 'run-id': '777', repository: 'octo/builds', name: 'app' };
    const apiEnv = { ...env('run-d'), GITHUB_API_URL: service.apiUrl };

    const run = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, 'github-token': 'ghs_readtoken123' }, env: apiEnv });
    expect(run.code, failureText(run)).toBe(0);
    expect(currentRelease(base)).toMatchObject({ pexSha: digest.slice('sha256:'.length) });
    expect(run.stdout).toContain('from run 777 of octo/builds');
    expect(run.stdout).toContain('::add-mask::ghs_readtoken123');

    const noToken = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs, env: apiEnv });
    expect(noToken.code).toBe(1);
    expect(noToken.errors.at(-1)).toMatch(/^input 'run-id' fetches the artifact of another run .* needs 'github-token'/);
    const badToken = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, 'github-token': 'ghs_wrong0000' }, env: apiEnv });
    expect(badToken.code).toBe(1);
    expect(badToken.errors.at(-1)).toContain("input 'github-token' may not read the artifacts of run 777 of octo/builds");
    const otherName = await runAction('deploy', { workspace, runner: path.join(work, 'runner'), inputs: { ...inputs, 'github-token': 'ghs_readtoken123', artifact: 'nope.pex' }, env: apiEnv });
    expect(otherName.errors.at(-1)).toContain("no artifact named 'nope.pex' in run 777 of octo/builds");
  });
});
