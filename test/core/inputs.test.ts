// How build and lock take their inputs, with pip's behaviour as the reference: `name @ url.whl` direct
// references, pip's hash-checking mode (every distribution installed pinned and hashed, a mismatch reported
// as one), a lock of an unhashed direct reference, --platform lists, and URL passwords kept out of messages.
// Everything runs against a loopback index of generated wheels.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildRequest } from '../../src/core/build.js';
import { gatherInputs } from '../../src/core/inputs.js';
import { lock } from '../../src/core/lock.js';
import { silentProgress } from '../../src/core/progress.js';
import { JobError, UsageError } from '../../src/errors.js';
import { inspectPex } from '../../src/pex/inspect.js';
import { runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer, type ServedFile } from '../helpers/index-server.js';
import { makeSdist } from '../helpers/make-sdist.js';
import { defaultPython } from '../helpers/pythons.js';

const LINUX311 = 'manylinux2014_x86_64-cp-311-cp311';

let work: string;
let files: ServedFile[];
let server: IndexServer;
let hashless: IndexServer;
const sha = (name: string) => files.find((f) => f.filename === name)!.sha256;
const APP = 'app-1.0-py3-none-any.whl';
const LIB = 'lib-2.0-py3-none-any.whl';
const SOLO = 'solo-1.0-py3-none-any.whl';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-inputs-'));
  files = await buildWheels(path.join(work, 'wheels'), [
    { name: 'app', version: '1.0', requiresDist: ['lib>=1'], files: { 'app/__init__.py': 'import lib\n' } },
    { name: 'lib', version: '1.0', files: { 'lib.py': 'V = 1\n' } },
    { name: 'lib', version: '2.0', files: { 'lib.py': 'V = 2\n' } },
    { name: 'solo', version: '1.0', files: { 'solo.py': 'def main():\n    print("solo")\n' } },
  ]);
  server = await IndexServer.start(files);
  // An HTML index that publishes no hashes: pip hashes such files after download; so must we.
  hashless = await IndexServer.start(files, { format: 'html', noHashes: true });
});

afterAll(async () => {
  await server?.close();
  await hashless?.close();
});

let n = 0;
function request(extra: Partial<BuildRequest>): BuildRequest {
  n += 1;
  return {
    requirements: [],
    requirementFiles: [],
    constraintFiles: [],
    sourcesDirs: [],
    platforms: [LINUX311],
    completePlatforms: [],
    index: { indexUrl: server.url },
    pre: false,
    interpreterConstraints: [],
    inheritPath: 'false',
    venv: false,
    compress: true,
    cwd: work,
    cacheDir: path.join(work, `cache-${n}`),
    output: path.join(work, `out-${n}.pex`),
    ...extra,
  };
}

function requirementsFile(name: string, text: string): string {
  writeFileSync(path.join(work, name), text);
  return name;
}

async function failure(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected a failure');
  return err;
}

describe('direct references to wheels', () => {
  it.each([`solo @ FILES/${SOLO}`, `solo@FILES/${SOLO}`, `solo [] @ FILES/${SOLO}`])('%s is a PEP 508 direct reference, not a path', async (text) => {
    const arg = text.replace('FILES', `${server.origin}/files`);
    const inputs = await gatherInputs({ requirements: [arg], requirementFiles: [], constraintFiles: [], index: {}, pre: false, cwd: work });
    expect(inputs.requirements.map((r) => [r.name, r.url])).toEqual([['solo', `${server.origin}/files/${SOLO}`]]);
    const summary = await build(request({ requirements: [arg] }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([SOLO]);
  });

  it('still takes a bare wheel path or URL as one', async () => {
    const summary = await build(request({ requirements: [`${server.origin}/files/${SOLO}`] }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([SOLO]);
  });
});

describe("pip's hash-checking mode", () => {
  it('builds when every distribution, dependencies included, is pinned and hashed', async () => {
    const file = requirementsFile('hashed-all.txt', `app==1.0 --hash=sha256:${sha(APP)}\nlib==2.0 \\\n    --hash=sha256:${sha(LIB)}\n`);
    const summary = await build(request({ requirementFiles: [file] }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([APP, LIB]);
  });

  it('fails naming each dependency that is not hashed, with the line to add (pip: hashes are required for all)', async () => {
    const file = requirementsFile('hashed-top.txt', `app==1.0 --hash=sha256:${sha(APP)}\n`);
    const out = request({ requirementFiles: [file] });
    const err = await failure(build(out, silentProgress));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/hash-checking mode is on \(because of the --hash at \S*hashed-top\.txt:1\)/);
    expect(err.message).toContain('every distribution installed, dependencies included, must be pinned with == and hashed');
    expect(err.message).toContain(`    lib==2.0 --hash=sha256:${sha(LIB)}    # needed by app`);
    expect(err.message).not.toMatch(/app==1\.0 --hash/);
    // lock applies the same rule.
    const lockErr = await failure(lock({ ...out, output: path.join(work, 'never.toml') }, silentProgress));
    expect(lockErr.message).toContain(`lib==2.0 --hash=sha256:${sha(LIB)}`);
  });

  it('--require-hashes on the command line turns it on for an unhashed file, naming the line', async () => {
    const file = requirementsFile('plain.txt', 'solo==1.0\n');
    const err = await failure(build(request({ requirementFiles: [file], requireHashes: true }), silentProgress));
    expect(err.message).toMatch(/plain\.txt:1: "solo==1\.0": hash-checking mode is on \(because of --require-hashes\), so every requirement needs --hash/);
    // And refuses command-line requirements it cannot check, but takes a direct reference with #sha256.
    const cli = await failure(build(request({ requirements: ['solo==1.0'], requireHashes: true }), silentProgress));
    expect(cli.message).toContain('requirements given on the command line (solo==1.0) cannot be checked');
    const direct = `solo @ ${server.origin}/files/${SOLO}#sha256=${sha(SOLO)}`;
    const summary = await build(request({ requirements: [direct], requireHashes: true }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([SOLO]);
  });

  it('reports a wrong hash as a mismatch with the file, line, expected and got, not as a missing version', async () => {
    const wrong = 'ab'.repeat(32);
    const file = requirementsFile('stale.txt', `# pinned\nsolo==1.0 --hash=sha256:${wrong}\n`);
    const err = await failure(build(request({ requirementFiles: [file] }), silentProgress));
    expect(err).toBeInstanceOf(JobError);
    expect(err.message).toMatch(/^hash mismatch/);
    expect(err.message).toContain(`stale.txt:2: solo==1.0 (${SOLO} from ${server.origin}/files/${SOLO})`);
    expect(err.message).toContain(`expected sha256 ${wrong}`);
    expect(err.message).toContain(`got      sha256 ${sha(SOLO)}`);
    expect(err.message).not.toMatch(/loosen|no version|not among/);
  });

  it('checks files the index gives no hash for after download', async () => {
    const wrong = 'cd'.repeat(32);
    const file = requirementsFile('hashless.txt', `solo==1.0 --hash=sha256:${wrong}\n`);
    const err = await failure(build(request({ requirementFiles: [file], index: { indexUrl: hashless.url } }), silentProgress));
    expect(err.message).toContain(`hashless.txt:1: solo==1.0 (${SOLO}`);
    expect(err.message).toContain(`got      sha256 ${sha(SOLO)}`);
    const good = requirementsFile('hashless-good.txt', `solo==1.0 --hash=sha256:${sha(SOLO)}\n`);
    const summary = await build(request({ requirementFiles: [good], index: { indexUrl: hashless.url } }), silentProgress);
    expect(summary.pexes[0].distributions[0].sha256).toBe(sha(SOLO));
  });

  it('prefers the version whose files have the hash, as pip filters candidates', async () => {
    // lib is unpinned here only through a constraint that pins it with a hash: pip picks the hashed 1.0.
    const file = requirementsFile('constrained.txt', `app==1.0 --hash=sha256:${sha(APP)}\n-c lib-constraint.txt\n`);
    requirementsFile('lib-constraint.txt', `lib==1.0 --hash=sha256:${sha('lib-1.0-py3-none-any.whl')}\n`);
    const summary = await build(request({ requirementFiles: [file] }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([APP, 'lib-1.0-py3-none-any.whl']);
  });
});

describe('lock', () => {
  it('says how to add a hash to a direct reference that has none, with the digest of the file', async () => {
    const local = path.join(work, 'wheels', SOLO);
    const err = await failure(lock({ ...request({ requirements: [`solo @ ${server.origin}/files/${SOLO}`] }), output: path.join(work, 'x.toml') }, silentProgress));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain(`solo @ ${server.origin}/files/${SOLO} has no hash, and a lock pins every file by hash; add it to the URL: 'solo @ ${server.origin}/files/${SOLO}#sha256=${createHash('sha256').update(readFileSync(local)).digest('hex')}'`);
    // With the hash it locks.
    const ok = await lock({ ...request({ requirements: [`solo @ ${server.origin}/files/${SOLO}#sha256=${sha(SOLO)}`] }), output: path.join(work, 'ok.toml') }, silentProgress);
    expect(ok.packages).toBe(1);
  });
});

describe('--platform', () => {
  it.each([
    [`${LINUX311},macosx_11_0_arm64-cp-312-cp312`, 'a comma'],
    [`${LINUX311} macosx_11_0_arm64-cp-312-cp312`, 'a space'],
  ])('refuses %j, showing one flag per platform', async (platform, what) => {
    const err = await failure(build(request({ requirements: ['solo'], platforms: [platform] }), silentProgress));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain(`the platform '${platform}' holds ${what}: give one platform per --platform flag (--platform ${LINUX311} --platform macosx_11_0_arm64-cp-312-cp312)`);
  });
});

describe('--only-binary, --no-binary, --prefer-binary (in requirements files and on the command line)', () => {
  // mixed 1.0 has a wheel, mixed 2.0 only an sdist: pip picks 2.0 by default (and builds it).
  let mixed: IndexServer;
  beforeAll(async () => {
    const wheels = await buildWheels(path.join(work, 'mixed'), [{ name: 'mixed', version: '1.0', files: { 'mixed.py': '' } }]);
    const sdist = makeSdist(path.join(work, 'mixed'), 'mixed', '2.0');
    const data = readFileSync(sdist);
    mixed = await IndexServer.start([...wheels, ...files.filter((f) => f.project === 'solo'), { project: 'mixed', filename: 'mixed-2.0.tar.gz', data, sha256: createHash('sha256').update(data).digest('hex'), metadata: '' }]);
  });
  afterAll(async () => {
    await mixed?.close();
  });

  const locked = async (lines: string, extra: Partial<BuildRequest> = {}) => {
    const file = requirementsFile(`formats-${++n}.txt`, lines);
    const summary = await lock({ ...request({ requirementFiles: [file], index: { indexUrl: mixed.url }, ...extra }), output: path.join(work, `formats-${n}.toml`) }, silentProgress);
    const text = readFileSync(summary.path, 'utf8');
    return text.includes('mixed-2.0.tar.gz') ? 'mixed 2.0 (sdist)' : text.includes('mixed-1.0-py3-none-any.whl') ? 'mixed 1.0 (wheel)' : text;
  };

  it.each([
    ['mixed\n', 'mixed 2.0 (sdist)'],
    ['--prefer-binary\nmixed\n', 'mixed 1.0 (wheel)'],
    ['--only-binary :all:\nmixed\n', 'mixed 1.0 (wheel)'],
    ['--only-binary=Mixed\nmixed\n', 'mixed 1.0 (wheel)'],
    ['--only-binary :all:\n--only-binary :none:\nmixed\n', 'mixed 2.0 (sdist)'],
    ['--only-binary :all:\n--no-binary mixed\nmixed\n', 'mixed 2.0 (sdist)'],
    ['--no-binary :all:\nmixed\n', 'mixed 2.0 (sdist)'],
  ])('%j picks %s, as pip does', async (lines, picked) => {
    expect(await locked(lines)).toBe(picked);
  });

  it('as command-line flags too, applied before the files', async () => {
    expect(await locked('mixed\n', { preferBinary: true })).toBe('mixed 1.0 (wheel)');
    expect(await locked('mixed\n', { formatOptions: [{ option: '--only-binary', value: ':all:' }] })).toBe('mixed 1.0 (wheel)');
    expect(await locked('--only-binary :none:\nmixed\n', { formatOptions: [{ option: '--only-binary', value: ':all:' }] })).toBe('mixed 2.0 (sdist)');
  });

  it('pexship lock applies the flags in the order given, as pip does', async () => {
    const run = async (flags: string[]) => {
      const out = path.join(work, `cli-formats-${++n}.toml`);
      const r = await runCli(['lock', 'mixed', '-i', mixed.url, '--platform', LINUX311, '-o', out, '--cache-dir', path.join(work, `cache-${n}`), '-q', ...flags]);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out, 'utf8').includes('mixed-2.0.tar.gz') ? 'sdist' : 'wheel';
    };
    expect(await run(['--only-binary', ':all:', '--no-binary', 'mixed'])).toBe('sdist');
    expect(await run(['--no-binary=mixed', '--only-binary=:all:'])).toBe('wheel');
    expect(await run(['--prefer-binary'])).toBe('wheel');
  });

  it('explains a version that --no-binary or --only-binary rules out', async () => {
    const noWheel = await failure(locked('--no-binary :all:\nsolo\n'));
    expect(noWheel.message).toContain('a wheel, and --no-binary asks for a build from source');
    const noSdist = await failure(locked('--only-binary :all:\nmixed==2.0\n'));
    expect(noSdist.message).toContain('a source distribution, and --only-binary allows wheels only');
  });

  it('--no-binary builds the project from its sdist into the PEX', async () => {
    const file = requirementsFile('no-binary-build.txt', '--no-binary mixed\nmixed==2.0\n');
    const summary = await build(request({ requirementFiles: [file], index: { indexUrl: mixed.url }, platforms: [], python: defaultPython().executable }), silentProgress);
    expect(summary.pexes[0].distributions.map((d) => `${d.project} ${d.version}`)).toEqual(['mixed 2.0']);
  });
});

describe('--trusted-host', () => {
  it('is needed for a plain-HTTP index that is not this machine, as pip wants', async () => {
    const err = await failure(build(request({ requirements: ['solo'], index: { indexUrl: 'http://pypi.corp.example/simple/' } }), silentProgress));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('http://pypi.corp.example/simple/ is plain HTTP');
    expect(err.message).toContain('--trusted-host pypi.corp.example');
    // Trusted (here from a requirements file), the index is used: the failure is now the network's.
    const file = requirementsFile('trusted.txt', '--trusted-host pypi.corp.example\n--index-url http://pypi.corp.example:9/simple/\nsolo\n');
    const reached = await failure(build(request({ requirementFiles: [file], index: {}, retries: 0, timeoutMs: 2000 }), silentProgress));
    expect(reached.message).not.toContain('plain HTTP');
  });

  it('accepts a self-signed certificate for that host only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pexship-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1', '-days', '1'], { stdio: 'ignore' });
    const tls = await IndexServer.start(files, { tls: { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') } });
    try {
      const untrusted = await failure(build(request({ requirements: ['solo'], index: { indexUrl: tls.url }, retries: 0 }), silentProgress));
      expect(untrusted.message).toMatch(/certificate/i);
      const summary = await build(request({ requirements: ['solo'], index: { indexUrl: tls.url, trustedHosts: ['127.0.0.1'] } }), silentProgress);
      expect(summary.pexes[0].distributions.map((d) => d.filename)).toEqual([SOLO]);
    } finally {
      await tls.close();
    }
  });
});

describe('URL passwords never reach a message', () => {
  it('in errors about a direct reference, on the command line and in a requirements file, and in PEX-INFO', async () => {
    const secretUrl = `http://deploy:hunter2-secret@127.0.0.1:9/files/${SOLO}`;
    const file = requirementsFile('secret.txt', `solo @ ${secretUrl} ; python_version >= "3" and bogus\n`);
    for (const args of [['build', `solo @ ${secretUrl}`, '--platform', LINUX311, '--retries', '0'], ['build', '-r', file, '--platform', LINUX311], ['lock', `solo@${secretUrl}`, '--retries', '0']]) {
      const r = await runCli([...args, '--cache-dir', path.join(work, 'cache-secret')], { cwd: work });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/http:\/\/(deploy:)?\*\*\*@127\.0\.0\.1:9\//);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
    }
    // A build that succeeds records the requirement without its password.
    const withAuth = await IndexServer.start(files, { auth: { username: 'deploy', password: 'hunter2-secret' } });
    try {
      const summary = await build(request({ requirements: [`solo @ http://deploy:hunter2-secret@127.0.0.1:${new URL(withAuth.origin).port}/files/${SOLO}`] }), silentProgress);
      const info = await inspectPex(summary.pexes[0].path);
      expect(JSON.stringify(info.pexInfo)).not.toContain('hunter2');
      expect(info.pexInfo.requirements).toEqual([`solo @ http://deploy:***@127.0.0.1:${new URL(withAuth.origin).port}/files/${SOLO}`]);
      // A lock keeps the URL but not the password.
      const secretDirect = `solo @ http://deploy:hunter2-secret@127.0.0.1:${new URL(withAuth.origin).port}/files/${SOLO}#sha256=${sha(SOLO)}`;
      const locked = await lock({ ...request({ requirements: [secretDirect] }), output: path.join(work, 'secret.toml') }, silentProgress);
      const text = readFileSync(locked.path, 'utf8');
      expect(text).toContain(`url = "http://127.0.0.1:${new URL(withAuth.origin).port}/files/${SOLO}"`);
      expect(text).not.toContain('hunter2');
    } finally {
      await withAuth.close();
    }
  });
});
