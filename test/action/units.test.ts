// The action's pure parts and its reporting, in process: artifact names, secret finding, cache keys and the
// save policy, the summary table, and the annotations a failure produces.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { artifactName, planArtifacts } from '../../src/action/artifacts.js';
import { readBuildInputs, type BuildInputs } from '../../src/action/build-inputs.js';
import { toBuildRequest } from '../../src/action/build-request.js';
import { reportFailure } from '../../src/action/failure.js';
import { INPUT_FOR_FLAG, INPUT_FOR_VARIABLE, inActionWords } from '../../src/action/input-names.js';
import { runDeploy, runRollback } from '../../src/cli/deploy.js';
import { readActionMetadata } from './helpers/action-metadata.js';
import { findInterpreters } from '../helpers/pythons.js';
import { credentialsInText } from '../../src/action/secrets.js';
import { summaryMarkdown } from '../../src/action/summary.js';
import { FleetLog, fleetSummaryMarkdown } from '../../src/action/fleet-report.js';
import type { FleetResult, HostResult } from '../../src/deploy/index.js';
import { cacheKeys, errorsAsWarnings, shouldSave, wheelCacheDir } from '../../src/action/wheel-cache.js';
import { JobError, UsageError } from '../../src/errors.js';
import { parsePlatform } from '../../src/python/platform.js';
import { RequirementsFileError } from '../../src/resolve/requirements-file.js';

function inputs(extra: Partial<BuildInputs> = {}): BuildInputs {
  return {
    requirements: ['flask>=3'],
    requirementsFiles: [],
    constraintsFiles: [],
    sources: [],
    platforms: [],
    completePlatforms: [],
    interpreterConstraints: [],
    extraIndexUrls: [],
    findLinks: [],
    noIndex: false,
    pre: false,
    venv: false,
    inheritPath: 'false',
    compress: true,
    cache: true,
    saveCache: 'auto',
    uploadArtifact: true,
    overwrite: false,
    ...extra,
  };
}

/** Captures what @actions/core writes to stdout (workflow commands) while `fn` runs. */
async function captureStdout(fn: () => unknown): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('artifact names', () => {
  it('defaults to the PEX file name and fills {platform} and {file}', () => {
    expect(artifactName(undefined, 'current', 'dist/app-current.pex')).toBe('app-current.pex');
    expect(artifactName('svc-{platform}', 'manylinux2014_x86_64-cp-311-cp311', 'dist/x.pex')).toBe('svc-manylinux2014_x86_64-cp-311-cp311.pex');
    expect(artifactName('build-{file}', 'current', '/tmp/a.pex')).toBe('build-a.pex');
  });

  it('fills {platform} with the target label docs/action.md documents', () => {
    const labels = {
      'manylinux2014_x86_64-cp-311-cp311': 'linux-x86_64-cp311',
      'musllinux_1_2_x86_64-cp-313-cp313': 'musllinux-x86_64-cp313',
      'macosx_11_0_arm64-cp-312-cp312': 'macos-arm64-cp312',
      'win_amd64-cp-312-cp312': 'windows-amd64-cp312',
    };
    const doc = readFileSync('docs/action.md', 'utf8').replace(/\s+/g, ' ');
    for (const [platform, label] of Object.entries(labels)) {
      expect(parsePlatform(platform).label).toBe(label);
      expect(doc).toContain(`\`${platform}\` gives \`${label}\``);
      expect(artifactName('app-{platform}', parsePlatform(platform).label, 'x.pex')).toBe(`app-${label}.pex`);
    }
  });

  it('refuses characters the artifact service refuses', () => {
    expect(() => artifactName('a/b', 'current', 'x.pex')).toThrow(UsageError);
    expect(() => artifactName('a:b', 'current', 'x.pex')).toThrow(/refuses/);
  });

  it('refuses one name for two targets and says how to fix it', () => {
    const pexes = [
      { platform: 'linux_x86_64-cp-311-cp311', path: 'dist/app.pex' },
      { platform: 'macosx_11_0_arm64-cp-311-cp311', path: 'dist/app.pex' },
    ];
    expect(() => planArtifacts('app', pexes)).toThrow(/same artifact name 'app.pex'.*put \{platform\} in it/);
    expect(planArtifacts('app-{platform}', pexes).map((p) => p.name)).toEqual(['app-linux_x86_64-cp-311-cp311.pex', 'app-macosx_11_0_arm64-cp-311-cp311.pex']);
  });
});

describe('secrets', () => {
  it('finds user names and passwords in URLs, raw and decoded', () => {
    expect(credentialsInText('--index-url https://bot:p%40ss@pypi.corp/simple and http://tokenonly@h/x')).toEqual(['bot', 'p%40ss', 'p@ss', 'tokenonly']);
    expect(credentialsInText('https://pypi.org/simple flask>=3')).toEqual([]);
  });
});

describe('wheel cache keys and save policy', () => {
  it('names OS, arch, targets and the lock; restore keys are its prefixes', async () => {
    const env = { RUNNER_OS: 'macOS', RUNNER_ARCH: 'ARM64' };
    const keys = await cacheKeys(inputs(), env);
    expect(keys.primary).toMatch(/^pexship-wheels-v2\.2-macOS-ARM64-[0-9a-f]{16}-[0-9a-f]{32}$/);
    expect(keys.restore).toHaveLength(2);
    for (const prefix of keys.restore) expect(keys.primary.startsWith(prefix)).toBe(true);
    expect(keys.primary.length).toBeLessThan(512);

    // Other targets: another key and another target prefix; same runner prefix.
    const other = await cacheKeys(inputs({ platforms: ['manylinux2014_x86_64-cp-311-cp311'] }), env);
    expect(other.restore[0]).not.toBe(keys.restore[0]);
    expect(other.restore[1]).toBe(keys.restore[1]);
    // A rotated index token does not change the key; another index does.
    const a = await cacheKeys(inputs({ indexUrl: 'https://u:one@pypi.corp/simple' }), env);
    const b = await cacheKeys(inputs({ indexUrl: 'https://u:two@pypi.corp/simple' }), env);
    const c = await cacheKeys(inputs({ indexUrl: 'https://pypi.other/simple' }), env);
    expect(a.primary).toBe(b.primary);
    expect(c.primary).not.toBe(a.primary);
  });

  const pythons = findInterpreters().slice(0, 2);
  it.skipIf(pythons.length < 2)('names the interpreter of the current target: another Python (a setup-python matrix entry) gets another key (needs two CPython minors, e.g. from pyenv)', async () => {
    const saved = process.env.PATH;
    const keyWith = async (python: string, extra: Partial<BuildInputs> = {}) => {
      const bin = mkdtempSync(path.join(tmpdir(), 'pexship-python-'));
      symlinkSync(python, path.join(bin, 'python3'));
      process.env.PATH = `${bin}${path.delimiter}${saved}`;
      try {
        return await cacheKeys(inputs(extra), {});
      } finally {
        process.env.PATH = saved;
      }
    };
    const [a, b] = pythons;
    const keyA = await keyWith(a.executable);
    const keyB = await keyWith(b.executable);
    expect(keyA.primary).not.toBe(keyB.primary);
    expect(keyA.restore[0]).not.toBe(keyB.restore[0]);
    expect((await keyWith(a.executable)).primary).toBe(keyA.primary);
    // A foreign target alone does not depend on the interpreter at hand.
    const foreign = { platforms: ['manylinux2014_x86_64-cp-311-cp311'] };
    expect((await keyWith(a.executable, foreign)).primary).toBe((await keyWith(b.executable, foreign)).primary);
    // Nor does a platform list naming current in another case: it is still the interpreter's.
    expect((await keyWith(a.executable, { platforms: ['CURRENT'] })).primary).not.toBe((await keyWith(b.executable, { platforms: ['CURRENT'] })).primary);
  });

  it('covers nested -r/-c files, the project with its extras, and index URLs without their credentials', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-keys-'));
    mkdirSync(path.join(dir, 'reqs'));
    mkdirSync(path.join(dir, 'proj'));
    writeFileSync(path.join(dir, 'requirements.txt'), '-r reqs/base.txt\n--constraint=reqs/pins.txt\nflask\n');
    writeFileSync(path.join(dir, 'reqs', 'base.txt'), '-c pins.txt\nrequests\n');
    writeFileSync(path.join(dir, 'reqs', 'pins.txt'), 'requests==2.31.0\n');
    writeFileSync(path.join(dir, 'proj', 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["click"]\n');
    const reqs = { requirements: [], requirementsFiles: [path.join(dir, 'requirements.txt')] };
    const key = async (extra: Partial<BuildInputs> = {}) => (await cacheKeys(inputs({ ...reqs, ...extra }), {})).primary;

    const before = await key();
    writeFileSync(path.join(dir, 'reqs', 'pins.txt'), 'requests==2.32.0\n');
    const nested = await key();
    expect(nested).not.toBe(before);

    const project = await key({ project: path.join(dir, 'proj') });
    expect(await key({ project: `${path.join(dir, 'proj')}[cli]` })).not.toBe(project);
    writeFileSync(path.join(dir, 'proj', 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["click>=8"]\n');
    expect(await key({ project: path.join(dir, 'proj') })).not.toBe(project);
    expect(await key({ project: `${path.join(dir, 'proj')}[cli]` })).not.toBe(project);

    // A token in a requirements file's index URL is left out, the index itself is not.
    const withIndex = (url: string) => writeFileSync(path.join(dir, 'reqs', 'base.txt'), `--index-url ${url}\n-c pins.txt\nrequests\n`);
    withIndex('https://bot:token-one@pypi.corp/simple');
    const one = await key();
    withIndex('https://bot:token-two@pypi.corp/simple');
    expect(await key()).toBe(one);
    withIndex('https://pypi.other/simple');
    expect(await key()).not.toBe(one);
    // Requirements given inline, too.
    expect(await key({ requirements: ['pkg @ https://u:p1@files.corp/pkg-1.0-py3-none-any.whl'] })).toBe(await key({ requirements: ['pkg @ https://u:p2@files.corp/pkg-1.0-py3-none-any.whl'] }));
    // An include cycle ends.
    writeFileSync(path.join(dir, 'reqs', 'pins.txt'), '-r base.txt\n');
    await expect(key()).resolves.toMatch(/^pexship-wheels-/);
  });

  it('follows the lock file content alone when there is one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-keys-'));
    const lock = path.join(dir, 'pylock.toml');
    writeFileSync(lock, 'lock-version = "1.0"\n');
    const one = await cacheKeys(inputs({ lockFile: lock }), {});
    const sameLockOtherReqs = await cacheKeys(inputs({ lockFile: lock, requirements: ['django'] }), {});
    writeFileSync(lock, 'lock-version = "1.0"\n# changed\n');
    const changed = await cacheKeys(inputs({ lockFile: lock }), {});
    expect(sameLockOtherReqs.primary).toBe(one.primary);
    expect(changed.primary).not.toBe(one.primary);
  });

  it('auto saves on the default branch only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-event-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    expect((await shouldSave('auto', { GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/trunk' })).save).toBe(true);
    expect((await shouldSave('auto', { GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/feature' })).save).toBe(false);
    expect((await shouldSave('auto', { GITHUB_REF: 'refs/heads/trunk' })).save).toBe(false);
    expect((await shouldSave('always', {})).save).toBe(true);
    expect((await shouldSave('never', { GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/trunk' })).save).toBe(false);
  });

  it('keeps the cache under the tool cache, else the runner temp folder', () => {
    expect(wheelCacheDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache', RUNNER_TEMP: '/tmp/r' })).toBe(path.join('/opt/hostedtoolcache', 'pexship', 'cache'));
    expect(wheelCacheDir({ RUNNER_TEMP: '/tmp/r' })).toBe(path.join('/tmp/r', 'pexship', 'cache'));
  });

  it('turns error annotations from the cache library into warnings', async () => {
    const out = await captureStdout(() => errorsAsWarnings(async () => core.error('Failed to save: 503 Service Unavailable')));
    expect(out).toContain('::warning::Failed to save: 503 Service Unavailable');
    expect(out).not.toContain('::error');
    // And only while the cache operation runs.
    expect(await captureStdout(() => core.error('later'))).toContain('::error::later');
  });
});

describe('failures', () => {
  let exitCode: typeof process.exitCode;
  beforeEach(() => {
    exitCode = process.exitCode;
  });
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it('points a requirements-file error at the file and line, in one annotation', async () => {
    const err = new RequirementsFileError(path.join(process.cwd(), 'requirements', 'prod.txt'), 7, 'flask>=>3', 'not a PEP 508 requirement');
    const out = await captureStdout(() => reportFailure(err));
    const annotations = out.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error title=pexship%3A requirements file,file=requirements\/prod.txt,line=7::/);
    expect(annotations[0]).toContain('not a PEP 508 requirement');
    expect(process.exitCode).toBe(1);
  });

  it('reports user errors by message alone, and keeps the stack of a bug for the debug log', async () => {
    const usage = await captureStdout(() => reportFailure(new JobError('2 hosts failed')));
    expect(usage).toBe('::error::2 hosts failed\n');
    const bug = await captureStdout(() => reportFailure(new TypeError('x is undefined')));
    expect(bug).toMatch(/^::debug::TypeError: x is undefined/);
    expect(bug).toContain('::error::x is undefined');
  });
});

describe('job summary', () => {
  it('has a row per target with size, distributions, cache hit, time and the artifact link, then the details', () => {
    const pex = (platform: string) => ({
      path: `dist/app-${platform}.pex`,
      size: 2_500_000,
      sha256: 'a'.repeat(64),
      pexHash: 'b'.repeat(40),
      codeHash: 'c'.repeat(40),
      entryPoint: 'app:main',
      script: null,
      distributions: [{ filename: 'flask-3.0.0-py3-none-any.whl', project: 'flask', version: '3.0.0', sha256: 'd'.repeat(64), wheelSize: 100 }],
      targets: [],
      pexInfo: {},
      platform,
      seconds: 1.234,
    });
    const artifacts = [{ platform: 'macos', pexPath: 'dist/app-macos.pex', name: 'app-macos.pex', id: 7, url: 'https://github.com/o/r/actions/runs/1/artifacts/7' }];
    const md = summaryMarkdown({ pexes: [pex('linux|x86'), pex('macos')], targets: [], requests: 3 }, { cacheHit: false, cacheNote: 'partial match', artifacts });
    // One row per target: size, distributions, cache hit, time, and the artifact's link.
    expect(md).toContain('| Target | Size | Distributions | Cache hit | Time | Artifact |');
    expect(md).toContain('| linux\\|x86 | 2.4 MiB (2500000 bytes) | 1 | no (partial match) | 1.23 s | not uploaded |');
    expect(md).toContain('| macos | 2.4 MiB (2500000 bytes) | 1 | no (partial match) | 1.23 s | [app-macos.pex](https://github.com/o/r/actions/runs/1/artifacts/7) |');
    // Then each PEX's file, sha256 and contents.
    expect(md.match(/^### /gm)).toHaveLength(2);
    expect(md).toContain(`- sha256: \`${'a'.repeat(64)}\``);
    expect(md).toContain('- Distributions: flask 3.0.0');
  });

  it('has one row per host for a deploy: before → after, the health result, and the artifact deployed', async () => {
    const log = new FleetLog();
    // web1 and web2 reached the health check; web3 never did.
    const logged = await captureStdout(() => {
      for (const host of ['web1', 'web2']) log.event({ type: 'host', host, phase: 'health' });
    });
    expect(logged).toBe('[web1] health\n[web2] health\n');
    const host = (name: string, extra: Partial<HostResult>): HostResult => ({ host: name, status: 'ok', release: 'r2', previous: 'r1', durationMs: 1500, ...extra });
    const result: FleetResult = {
      action: 'deploy',
      ok: false,
      release: 'r2',
      previousRelease: 'r1',
      sha256: 'e'.repeat(64),
      hosts: [
        host('web1', { uploadedBytes: 2048 }),
        host('web2', { status: 'failed', release: 'r1', error: 'health URL http://127.0.0.1:8000/ did not answer with success; --health-timeout 30' }),
        host('web3', { status: 'skipped', release: null, previous: null }),
      ],
      succeeded: ['web1'],
      failed: ['web2'],
      durationMs: 3000,
      exitCode: 1,
    };
    const md = fleetSummaryMarkdown(result, log, { healthUrl: 'http://127.0.0.1:8000/' }, { name: 'app.pex', url: 'https://github.com/o/r/actions/runs/1/artifacts/9' });
    expect(md).toContain('## pexship deploy: failed');
    expect(md).toContain(`PEX from the artifact [app.pex](https://github.com/o/r/actions/runs/1/artifacts/9) (sha256 \`${'e'.repeat(64)}\`).`);
    expect(md).toContain('| Host | Result | Release (before → after) | Health | Time | Note |');
    expect(md).toContain('| web1 | ok | r1 → r2 | passed: GET http://127.0.0.1:8000/ | 1.5 s | uploaded 2.0 KiB |');
    expect(md).toContain("| web2 | failed | r1 → r1 | failed: GET http://127.0.0.1:8000/ | 1.5 s | health URL http://127.0.0.1:8000/ did not answer with success; input 'health-timeout' 30 |");
    expect(md).toContain('| web3 | skipped | none → none | not reached |');
    expect(fleetSummaryMarkdown(result, log, {})).toContain('| web1 | ok | r1 → r2 | none configured |');
  });
});

describe('inputs in the action’s own words', () => {
  /** `--flag` → its help text, from the CLI's own --help. */
  async function cliHelp(run: (argv: string[]) => Promise<number>): Promise<Map<string, string>> {
    const out = await captureStdout(() => run(['--help']));
    const help = new Map<string, string>();
    for (const m of out.matchAll(/^ {2}(--[a-z-]+)(?:, -\w)?(?: \S+)?\s+(.*)$/gm)) help.set(m[1], m[2]);
    return help;
  }

  it("shows the CLI's default of every deploy and rollback option in action.yml", async () => {
    for (const [file, run] of [
      ['deploy/action.yml', runDeploy],
      ['rollback/action.yml', runRollback],
    ] as const) {
      const help = await cliHelp(run);
      const meta = readActionMetadata(file);
      let compared = 0;
      for (const input of meta.inputs) {
        const flag = /\((--[a-z-]+)\)/.exec(input.description)?.[1];
        const cliDefault = flag ? /\(default (\d+)\b/.exec(help.get(flag) ?? '')?.[1] : undefined;
        if (cliDefault === undefined) continue;
        expect(input.default, `${file}: input ${input.name} (${flag})`).toBe(cliDefault);
        compared++;
      }
      // keep (deploy), health-timeout, concurrency, lock-ttl, lock-wait, connect-timeout, command-timeout.
      expect(compared, file).toBeGreaterThanOrEqual(6);
      for (const name of ['command-timeout', 'lock-wait', 'lock-ttl', 'connect-timeout', 'health-timeout', 'concurrency']) {
        expect(meta.inputs.map((i) => i.name), `${file} exposes ${name}`).toContain(name);
      }
    }
  });

  it('maps every flag an action.yml input stands for back to that input', () => {
    for (const file of ['action.yml', 'deploy/action.yml', 'rollback/action.yml']) {
      for (const input of readActionMetadata(file).inputs) {
        for (const [, flag] of input.description.matchAll(/\((--[a-z-]+)\)/g)) {
          expect(INPUT_FOR_FLAG[flag], `${file}: ${input.name} says (${flag})`).toBe(input.name);
        }
      }
    }
    expect(inActionWords('invalid --platform "x"; or --complete-platform FILE. --lock builds …; drop the requirements, -r files and --project')).toBe(
      `invalid input 'platforms' "x"; or input 'complete-platforms' FILE. input 'lock-file' builds …; drop the requirements, 'requirements-file' files and input 'project'`,
    );
    // Flags the action has no input for, and words that merely contain dashes, are left alone.
    expect(inActionWords('--hash mode; pre-release --platforms-x')).toBe('--hash mode; pre-release --platforms-x');
    // The CLI's key variables are inputs in the deploy and rollback actions.
    expect(inActionWords('PEXSHIP_SSH_KEY: the key is encrypted; give its passphrase in PEXSHIP_SSH_PASSPHRASE.')).toBe(
      "input 'private-key': the key is encrypted; give its passphrase in input 'passphrase'.",
    );
    expect(inActionWords('PEXSHIP_SSH_CERTIFICATE needs the private key')).toBe("input 'ssh-certificate' needs the private key");
    // The CLI's two ways to give a key are one input in the action.
    expect(inActionWords('PEXSHIP_SSH_CERTIFICATE needs the private key it certifies: pass --identity FILE or put the key text in PEXSHIP_SSH_KEY.')).toBe(
      "input 'ssh-certificate' needs the private key it certifies: set input 'private-key'.",
    );
    expect(inActionWords('no SSH credentials: pass --identity FILE, put the key text in PEXSHIP_SSH_KEY, or start an SSH agent (SSH_AUTH_SOCK).')).toBe(
      "no SSH credentials: set input 'private-key', or start an SSH agent (SSH_AUTH_SOCK).",
    );
    for (const file of ['deploy/action.yml', 'rollback/action.yml']) {
      const names = readActionMetadata(file).inputs.map((i) => i.name);
      for (const input of Object.values(INPUT_FOR_VARIABLE)) expect(names, file).toContain(input);
    }
  });
});

describe('max-connections input', () => {
  const name = 'INPUT_MAX-CONNECTIONS';
  afterEach(() => {
    delete process.env[name];
  });

  it('reaches the build request, and is left to the default when empty', () => {
    process.env[name] = '2';
    expect(toBuildRequest(readBuildInputs(), '/cache').maxConnections).toBe(2);
    process.env[name] = '';
    expect(toBuildRequest(readBuildInputs(), '/cache').maxConnections).toBeUndefined();
  });

  it('names the input when it is not a whole number of at least 1', () => {
    process.env[name] = '0';
    expect(() => readBuildInputs()).toThrow("input 'max-connections' is '0'; use a whole number of at least 1.");
  });
});
