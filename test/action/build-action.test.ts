// The bundled build action, run as the runner runs it: without any GitHub service (warnings, success), and
// against a loopback results service with the real @actions/cache and @actions/artifact libraries.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWheel } from '../helpers/make-wheel.js';
import { buildWheels, IndexServer } from '../helpers/index-server.js';
import { bundleActions } from './helpers/bundle.js';
import { runAction, runtimeToken, type ActionRun } from './helpers/run-action.js';
import { startResultsService, type ResultsService } from './helpers/results-service.js';

let root: string;
let workspace: string;
let wheel: string;
let otherWheel: string;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pexship-action-'));
  workspace = path.join(root, 'workspace');
  mkdirSync(path.join(workspace, 'src', 'hello'), { recursive: true });
  writeFileSync(path.join(workspace, 'src', 'hello', '__init__.py'), '');
  writeFileSync(path.join(workspace, 'src', 'hello', 'app.py'), 'def main():\n    print("hello")\n');
  wheel = await makeWheel(path.join(workspace, 'wheels'), { name: 'greeting', version: '1.2.3', files: { 'greeting/__init__.py': 'WORD = "hi"\n' } });
  otherWheel = await makeWheel(path.join(workspace, 'wheels'), { name: 'farewell', version: '0.1.0', files: { 'farewell/__init__.py': 'WORD = "bye"\n' } });
  writeFileSync(path.join(root, 'event.json'), JSON.stringify({ repository: { default_branch: 'main' } }));
  await bundleActions();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const buildInputs = (extra: Record<string, string> = {}) => ({
  requirements: path.relative(workspace, wheel),
  'no-index': 'true',
  sources: 'src',
  'entry-point': 'hello.app:main',
  ...extra,
});

/** Environment of a job on the default branch, with the results service at `service`. */
function serviceEnv(service: ResultsService, runId: string): Record<string, string> {
  return {
    ACTIONS_RESULTS_URL: service.url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(runId),
    ACTIONS_CACHE_SERVICE_V2: 'true',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_EVENT_PATH: path.join(root, 'event.json'),
  };
}

function failureText(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

describe('build action without GitHub services', () => {
  it('builds, sets every output, writes the summary, and only warns about the missing cache and artifact services', async () => {
    const runner = path.join(root, 'runner-plain');
    const run = await runAction('build', { workspace, runner, inputs: buildInputs() });
    expect(run.code, failureText(run)).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.warnings.some((w) => w.includes('cache service is not available'))).toBe(true);
    expect(run.warnings.some((w) => w.includes('artifact service is not available'))).toBe(true);

    const pexPath = run.outputs['pex-path'];
    expect(path.isAbsolute(pexPath)).toBe(true);
    const pex = readFileSync(pexPath);
    expect(run.outputs.sha256).toBe(sha256(pex));
    expect(JSON.parse(run.outputs['pex-paths'])).toEqual([pexPath]);
    expect(run.outputs['pex-hash']).toMatch(/^[0-9a-f]{40,64}$/);
    expect(run.outputs['cache-hit']).toBe('false');
    expect(run.outputs['artifact-id']).toBe('');
    expect(JSON.parse(run.outputs.artifacts)).toEqual([]);

    // One table per target, with the sha256 and the distributions.
    expect(run.summary).toContain('## pexship build');
    expect(run.summary).toContain(`\`${run.outputs.sha256}\``);
    // One row per target (size, distributions, cache hit, time, artifact), then the distributions by name.
    expect(run.summary).toMatch(/^\| [\w.-]+ \| [\d.]+ (B|KiB|MiB) \(\d+ bytes\) \| 1 \| no cache service in this job \| [\d.]+ s \| not uploaded \|$/m);
    expect(run.summary).toContain('- Distributions: greeting 1.2.3');
    // Phases in log groups.
    expect(run.stdout).toContain('::group::Build');
    expect(run.stdout).toContain('::group::Restore the wheel cache');
  });

  it('fails a bad input with a message naming it, and no stack trace', async () => {
    const run = await runAction('build', { workspace, runner: path.join(root, 'runner-bad'), inputs: buildInputs({ 'save-cache': 'sometimes' }) });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(["input 'save-cache' is 'sometimes'; use one of auto, always, never."]);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the action's inputs in the core's errors, never the CLI flags", async () => {
    const platform = await runAction('build', { workspace, runner: path.join(root, 'runner-words'), inputs: buildInputs({ platforms: 'manylinux2014_x86_64-cp-311' }) });
    expect(platform.code).toBe(1);
    expect(platform.errors.at(-1)).toMatch(/^invalid input 'platforms' "manylinux2014_x86_64-cp-311": /);
    expect(platform.errors.at(-1)).toContain("input 'complete-platforms'");
    const constraint = await runAction('build', { workspace, runner: path.join(root, 'runner-words'), inputs: buildInputs({ 'interpreter-constraints': 'Python 3' }) });
    expect(constraint.errors.at(-1)).toMatch(/^input 'interpreter-constraints' 'Python 3' is not of the form/);
    const sources = await runAction('build', { workspace, runner: path.join(root, 'runner-words'), inputs: buildInputs({ sources: 'no-such-dir' }) });
    expect(sources.errors.at(-1)).toMatch(/^input 'sources' .*no-such-dir does not exist/);
    for (const run of [platform, constraint, sources]) expect(run.errors.join('\n')).not.toMatch(/(^|\s)--[a-z]/);
  });

  it('refuses a platforms line holding several platforms, as the CLI refuses such a --platform', async () => {
    const run = await runAction('build', {
      workspace,
      runner: path.join(root, 'runner-platforms'),
      inputs: buildInputs({ platforms: 'manylinux2014_x86_64-cp-311-cp311, macosx_11_0_arm64-cp-312-cp312' }),
    });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain("the platform 'manylinux2014_x86_64-cp-311-cp311, macosx_11_0_arm64-cp-312-cp312' holds a comma");
    expect(run.errors[0]).toContain("one per line in the action's platforms input");
  });

  it('points the error annotation at the requirements file line at fault', async () => {
    writeFileSync(path.join(workspace, 'requirements-bad.txt'), '# pinned\ngreeting >=> 1\n');
    const run = await runAction('build', { workspace, runner: path.join(root, 'runner-reqfile'), inputs: buildInputs({ requirements: '', 'requirements-file': 'requirements-bad.txt' }) });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error title=pexship%3A requirements file,file=requirements-bad\.txt,line=2::/);
  });

  it('masks credentials in index URLs and PEXSHIP_INDEX_* variables before anything else is printed', async () => {
    const run = await runAction('build', {
      workspace,
      runner: path.join(root, 'runner-secrets'),
      inputs: buildInputs({ 'index-url': 'http://deploy-bot:t0ken%2Fsecret@127.0.0.1:9/simple', 'extra-index-urls': 'http://__token__:other-secret@127.0.0.1:9/x' }),
      env: { PEXSHIP_INDEX_CORP_PASSWORD: 'env-password-1' },
    });
    const masks = [...run.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
    expect(new Set(masks).size).toBe(masks.length);
    expect(masks).toEqual(expect.arrayContaining(['deploy-bot', 't0ken%2Fsecret', 't0ken/secret', 'other-secret', 'env-password-1']));
    const firstMask = run.stdout.indexOf('::add-mask::');
    const firstOther = run.stdout.search(/^(?!::add-mask::).+$/m);
    expect(firstOther === -1 || firstMask < firstOther).toBe(true);
  });
});

describe('build action against a loopback results service', () => {
  let service: ResultsService;
  beforeAll(async () => {
    service = await startResultsService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('saves the cache and uploads the PEX on run 1; run 2 restores the exact key, downloads no wheel and saves nothing', async () => {
    const runner = path.join(root, 'runner-service');
    const index = await IndexServer.start(await buildWheels(path.join(root, 'index-wheels'), [{ name: 'greeting', version: '1.2.3', files: { 'greeting/__init__.py': 'WORD = "hi"\n' } }]));
    const wheelDownloads = () => index.count((r) => /^\/files\/[^?]+\.whl$/.test(r.path));
    const inputs = buildInputs({ requirements: 'greeting==1.2.3', 'no-index': 'false', 'index-url': index.url, 'retention-days': '3' });
    try {
      const first = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-1') });
      expect(first.code, failureText(first)).toBe(0);
      expect(first.errors).toEqual([]);
      expect(first.warnings).toEqual([]);
      expect(first.outputs['cache-hit']).toBe('false');
      expect(wheelDownloads()).toBeGreaterThan(0);
      expect(service.caches).toHaveLength(1);
      expect(service.caches[0]).toMatchObject({ finalized: true });
      expect(service.caches[0].key).toMatch(/^pexship-wheels-v2\.2-Linux-X64-[0-9a-f]{16}-[0-9a-f]{32}$/);

      // One artifact: the bare PEX under its own file name, kept for the requested days.
      const pexPath = first.outputs['pex-path'];
      expect(service.artifacts).toHaveLength(1);
      const artifact = service.artifacts[0];
      expect(artifact.name).toBe(path.basename(pexPath));
      expect(service.blobs.get(artifact.blob)?.equals(readFileSync(pexPath))).toBe(true);
      expect(artifact.hash).toBe(`sha256:${first.outputs.sha256}`);
      const days = (Date.parse(String(artifact.expiresAt)) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(2);
      expect(days).toBeLessThanOrEqual(3);
      expect(first.outputs['artifact-id']).toBe(String(artifact.id));
      expect(first.outputs['artifact-url']).toBe(`https://github.com/octo/app/actions/runs/4242/artifacts/${artifact.id}`);
      expect(first.summary).toContain(`[${artifact.name}](${first.outputs['artifact-url']})`);

      // A fresh runner: the tool cache is empty until the restore.
      rmSync(path.join(runner, 'tool-cache'), { recursive: true, force: true });
      const downloads = wheelDownloads();
      const saves = service.requests.filter((r) => r.endsWith('/CreateCacheEntry')).length;
      const second = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-2') });
      expect(second.code, failureText(second)).toBe(0);
      expect(second.warnings).toEqual([]);
      expect(second.outputs['cache-hit']).toBe('true');
      expect(wheelDownloads()).toBe(downloads);
      expect(service.requests.filter((r) => r.endsWith('/CreateCacheEntry')).length).toBe(saves);
      expect(second.outputs.sha256).toBe(first.outputs.sha256);
      expect(second.summary).toMatch(/^\| [\w.-]+ \| .* \| 1 \| yes \| [\d.]+ s \| \[/m);
    } finally {
      await index.close();
    }
  });

  it('restores by prefix when the requirements change, then saves under the new key', async () => {
    const runner = path.join(root, 'runner-prefix');
    const first = await runAction('build', { workspace, runner, inputs: buildInputs(), env: serviceEnv(service, 'run-3') });
    expect(first.code, failureText(first)).toBe(0);
    const before = service.caches.length;
    const changed = await runAction('build', {
      workspace,
      runner,
      inputs: buildInputs({ requirements: `${path.relative(workspace, wheel)}\n# a new requirement:\n${path.relative(workspace, otherWheel)}` }),
      env: serviceEnv(service, 'run-4'),
    });
    expect(changed.code, failureText(changed)).toBe(0);
    expect(changed.outputs['cache-hit']).toBe('false');
    expect(changed.stdout).toContain('Cache hit for restore-key');
    expect(changed.stdout).toContain('(a partial match; the new wheels are saved under the full key)');
    expect(service.caches.length).toBe(before + 1);
    expect(service.caches.at(-1)!.key).not.toBe(service.caches.at(-2)!.key);
    expect(changed.summary).toMatch(/^\| [\w.-]+ \| .* \| 2 \| no \(partial match\) \|/m);
  });

  it('does not save on a branch other than the default one with save-cache auto, but does with always', async () => {
    const runner = path.join(root, 'runner-branch');
    const before = service.requests.filter((r) => r.endsWith('/CreateCacheEntry')).length;
    const env = { ...serviceEnv(service, 'run-5'), GITHUB_REF: 'refs/pull/7/merge' };
    const inputs = buildInputs({ 'python-shebang': '#!/usr/bin/env python3.99', 'upload-artifact': 'false' });
    const auto = await runAction('build', { workspace, runner, inputs, env });
    expect(auto.code, failureText(auto)).toBe(0);
    expect(auto.stdout).toContain("Not saving the wheel cache: save-cache is 'auto' and refs/pull/7/merge is not the default branch (main)");
    expect(service.requests.filter((r) => r.endsWith('/CreateCacheEntry')).length).toBe(before);
    const always = await runAction('build', { workspace, runner, inputs: { ...inputs, 'save-cache': 'always' }, env });
    expect(always.code, failureText(always)).toBe(0);
    expect(service.requests.filter((r) => r.endsWith('/CreateCacheEntry')).length).toBe(before + 1);
  });

  it('explains a duplicate artifact name in a matrix instead of crashing', async () => {
    const runner = path.join(root, 'runner-duplicate');
    const inputs = buildInputs({ 'artifact-name': 'app', 'save-cache': 'never' });
    const first = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-6') });
    expect(first.code, failureText(first)).toBe(0);
    expect(service.artifacts.filter((a) => a.runId === 'run-6').map((a) => a.name)).toEqual(['app.pex']);
    const second = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-6') });
    expect(second.code).toBe(1);
    expect(second.errors.at(-1)).toContain("an artifact named 'app.pex' already exists in this workflow run");
    expect(second.errors.at(-1)).toContain('{platform}');
    expect(second.errors.at(-1)).toContain("'overwrite: true'");
    expect(second.stdout + second.stderr).not.toMatch(/\n\s+at /);
    // The build itself succeeded: its outputs are there for later steps.
    expect(second.outputs['pex-path']).not.toBe('');
  });
});

describe('build action artifacts on a re-run', () => {
  it("with overwrite, a re-run of the job replaces the run's artifact instead of failing with 409", async () => {
    const service = await startResultsService();
    try {
      const runner = path.join(root, 'runner-overwrite');
      const inputs = buildInputs({ 'artifact-name': 'svc-{platform}', 'save-cache': 'never', overwrite: 'true' });
      const first = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-o') });
      expect(first.code, failureText(first)).toBe(0);
      expect(service.deleted).toEqual([]);
      // The re-run builds other content under the same name.
      writeFileSync(path.join(workspace, 'src', 'hello', 'extra.py'), 'X = 2\n');
      const again = await runAction('build', { workspace, runner, inputs, env: serviceEnv(service, 'run-o') });
      rmSync(path.join(workspace, 'src', 'hello', 'extra.py'));
      expect(again.code, failureText(again)).toBe(0);
      expect(again.outputs['artifact-name']).toBe(first.outputs['artifact-name']);
      expect(again.outputs['artifact-name']).toMatch(/^svc-linux-[\w]+-cp3\d+\.pex$/);
      expect(service.deleted.map((a) => a.id)).toEqual([Number(first.outputs['artifact-id'])]);
      expect(service.artifacts.map((a) => a.name)).toEqual([again.outputs['artifact-name']]);
      expect(service.blobs.get(service.artifacts[0].blob)?.equals(readFileSync(again.outputs['pex-path']))).toBe(true);
      expect(again.outputs.sha256).not.toBe(first.outputs.sha256);
    } finally {
      await service.close();
    }
  });
});

describe('build action when the cache service misbehaves', () => {
  for (const [label, behaviour] of [
    ['another matrix job saves the same key (409)', { cacheConflict: true }],
    ['the token is read-only', { cacheReadOnly: true }],
    ['the cache download fails with 500', { blobDownloadStatus: 500 }],
  ] as const) {
    it(`succeeds with a warning when ${label}`, async () => {
      const service = await startResultsService(behaviour);
      try {
        const runner = path.join(root, `runner-${label.length}`);
        if ('blobDownloadStatus' in behaviour) {
          // Something to restore: an entry saved by an earlier run under the same key.
          const seed = await runAction('build', { workspace, runner, inputs: buildInputs({ 'upload-artifact': 'false' }), env: serviceEnv(service, 'run-seed') });
          expect(seed.code, failureText(seed)).toBe(0);
          rmSync(path.join(runner, 'tool-cache'), { recursive: true, force: true });
        }
        const run = await runAction('build', { workspace, runner, inputs: buildInputs(), env: serviceEnv(service, 'run-x') });
        expect(run.code, failureText(run)).toBe(0);
        expect(run.errors).toEqual([]);
        const expected = 'blobDownloadStatus' in behaviour ? 'Failed to restore' : 'wheel cache was not saved';
        expect(run.warnings.some((w) => w.includes(expected)), run.warnings.join('\n')).toBe(true);
        expect(existsSync(run.outputs['pex-path'])).toBe(true);
        expect(service.artifacts).toHaveLength(1);
      } finally {
        await service.close();
      }
    });
  }
});
