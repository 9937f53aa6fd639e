import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { FormatControl } from '../../src/resolve/format-control.js';
import { readRequirementsFile, RequirementsFileError } from '../../src/resolve/requirements-file.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/inputs');
const H1 = 'a'.repeat(64);
const H2 = 'B'.repeat(64);

/** Writes files (name → text) into a fresh directory and returns its path. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pexship-req-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function read(text: string, options: Parameters<typeof readRequirementsFile>[1] = {}) {
  const dir = tree({ 'requirements.txt': text });
  return { dir, input: await readRequirementsFile(path.join(dir, 'requirements.txt'), { env: {}, cwd: dir, ...options }) };
}

async function failure(text: string, options: Parameters<typeof readRequirementsFile>[1] = {}): Promise<RequirementsFileError> {
  const dir = tree({ 'requirements.txt': text });
  try {
    await readRequirementsFile(path.join(dir, 'requirements.txt'), { env: {}, cwd: dir, ...options });
  } catch (err) {
    expect(err).toBeInstanceOf(RequirementsFileError);
    expect(err).toBeInstanceOf(UsageError);
    return err as RequirementsFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('requirement lines', () => {
  it('reads PEP 508 lines with extras, markers, specifiers and URLs, with their line numbers', async () => {
    const { dir, input } = await read(
      [
        '# a comment',
        '',
        'flask>=3',
        'requests[socks,security] >=2.31, <3 ; python_version >= "3.9"',
        '   six==1.17.0   # trailing comment',
        'pkg @ https://example.com/pkg-1.0-py3-none-any.whl#sha256=' + H1,
      ].join('\n'),
    );
    const reqs = input.requirements;
    expect(reqs.map((r) => r.requirement.toString())).toEqual([
      'flask>=3',
      'requests[security,socks]<3,>=2.31; python_version >= "3.9"',
      'six==1.17.0',
      `pkg @ https://example.com/pkg-1.0-py3-none-any.whl#sha256=${H1}`,
    ]);
    expect(reqs.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(reqs[0].file).toBe(path.join(dir, 'requirements.txt'));
    expect(reqs[2].text).toBe('six==1.17.0   # trailing comment');
    expect(input.constraints).toEqual([]);
    expect(input.requireHashes).toBe(false);
  });

  it('keeps # inside a URL fragment but strips a comment after whitespace', async () => {
    const { input } = await read(`pkg @ https://h/pkg-1.0.tar.gz#egg=pkg # a comment\n`);
    expect(input.requirements[0].requirement.url).toBe('https://h/pkg-1.0.tar.gz#egg=pkg');
  });

  it('joins backslash continuations and reports the first line', async () => {
    const { input } = await read(`# header\nrequests\\\n  >=2 \\\n  ; python_version >= "3.8"\nsix\n`);
    expect(input.requirements.map((r) => [r.requirement.toString(), r.line])).toEqual([
      ['requests>=2; python_version >= "3.8"', 2],
      ['six', 5],
    ]);
  });

  it('reads bare wheel paths (next to the file) and wheel URLs, with markers', async () => {
    const dir = tree({
      'reqs/requirements.txt': 'wheels/demo_pkg-1.2.0-py3-none-any.whl\nhttps://files.example/x/other-2.0-cp311-cp311-manylinux2014_x86_64.whl ; sys_platform == "linux"\n',
      'reqs/wheels/demo_pkg-1.2.0-py3-none-any.whl': 'not really a wheel',
    });
    const input = await readRequirementsFile(path.join(dir, 'reqs/requirements.txt'), { env: {}, cwd: dir });
    const [local, remote] = input.requirements;
    const localPath = path.join(dir, 'reqs/wheels/demo_pkg-1.2.0-py3-none-any.whl');
    expect(local.requirement.name).toBe('demo_pkg');
    expect(local.requirement.url).toBe(pathToFileURL(localPath).toString());
    expect(local.wheel).toEqual({ filename: 'demo_pkg-1.2.0-py3-none-any.whl', url: pathToFileURL(localPath).toString(), path: localPath });
    expect(remote.requirement.name).toBe('other');
    expect(remote.requirement.marker?.toString()).toBe('sys_platform == "linux"');
    expect(remote.wheel?.url).toBe('https://files.example/x/other-2.0-cp311-cp311-manylinux2014_x86_64.whl');
  });

  it('expands ${VAR} from the environment, and refuses an unset one', async () => {
    const ok = await read('--extra-index-url https://${USER_1}:${TOKEN}@pypi.example/simple\nflask\n', { env: { USER_1: 'me', TOKEN: 's3cret' } });
    expect(ok.input.extraIndexUrls).toEqual(['https://me:s3cret@pypi.example/simple']);
    // Lower-case names are not variables for pip; they stay as text.
    const lower = await read('pkg @ https://h/${lower}/pkg-1.0-py3-none-any.whl\n');
    expect(lower.input.requirements[0].requirement.url).toBe('https://h/${lower}/pkg-1.0-py3-none-any.whl');
    const err = await failure('flask\n--index-url https://${MISSING}/simple\n');
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/requirements\.txt:2: .*MISSING is not set/);
  });
});

describe('options', () => {
  it('collects index options, find-links, --no-index and --pre', async () => {
    const { dir, input } = await read(
      [
        '-i https://pypi.example/simple',
        '--extra-index-url=https://extra.example/simple',
        '--extra-index-url https://extra.example/simple',
        '-f ./wheels',
        '--find-links https://links.example/',
        '--no-index',
        '--pre',
        '--trusted-host pypi.example',
        'flask',
      ].join('\n'),
    );
    expect(input.indexUrl).toBe('https://pypi.example/simple');
    expect(input.extraIndexUrls).toEqual(['https://extra.example/simple']);
    expect(input.findLinks).toEqual([path.join(dir, 'wheels'), 'https://links.example/']);
    expect(input.noIndex).toBe(true);
    expect(input.pre).toBe(true);
    expect(input.trustedHosts).toEqual(['pypi.example']);
    expect(input.warnings).toEqual([]);
  });

  it("collects --only-binary, --no-binary (in order) and --prefer-binary, with pip's rules for names", async () => {
    const { input } = await read(['--only-binary :all:', '--no-binary=Lxml,pyyaml', '--prefer-binary', 'flask'].join('\n'));
    expect(input.formatOptions).toEqual([
      { option: '--only-binary', value: ':all:' },
      { option: '--no-binary', value: 'Lxml,pyyaml' },
    ]);
    expect(input.preferBinary).toBe(true);
    const control = new FormatControl();
    for (const f of input.formatOptions) control.apply(f.option, f.value);
    // pip's get_allowed_formats: a name named outright beats :all:.
    expect(control.allowed('lxml')).toEqual({ wheel: false, sdist: true });
    expect(control.allowed('flask')).toEqual({ wheel: true, sdist: false });
    control.apply('--only-binary', 'lxml');
    expect(control.allowed('lxml')).toEqual({ wheel: true, sdist: false });
    control.apply('--only-binary', ':none:');
    expect(control.allowed('flask')).toEqual({ wheel: true, sdist: true });
    expect(control.allowed('pyyaml')).toEqual({ wheel: false, sdist: true });
    control.apply('--no-binary', ':all:');
    expect(control.allowed('lxml')).toEqual({ wheel: false, sdist: true });
  });

  it('refuses two different --index-url values, naming both places', async () => {
    const err = await failure('-i https://a.example/simple\nflask\n--index-url https://b.example/simple\n');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/already given at .*requirements\.txt:1/);
  });

  it('refuses -e with advice, unknown options, and options that need a value', async () => {
    const editable = await failure('flask\n-e ./mypkg\n');
    expect(editable.line).toBe(2);
    expect(editable.message).toMatch(/requirements\.txt:2: "-e \.\/mypkg": editable installs \(-e\) are not supported in a PEX; build a wheel/);
    const unknown = await failure('flask\n\n--frobnicate\n');
    expect(unknown.line).toBe(3);
    expect(unknown.message).toMatch(/:3: "--frobnicate": unknown option --frobnicate/);
    const noValue = await failure('--index-url\n');
    expect(noValue.message).toMatch(/:1: .*--index-url needs a value/);
    const perLine = await failure('flask --install-option=x\n');
    expect(perLine.message).toMatch(/unknown option --install-option/);
    const vcs = await failure('git+https://github.com/x/y.git#egg=y\n');
    expect(vcs.message).toMatch(/version-control requirements are not supported/);
    const directory = await failure('./src/mypkg\n');
    expect(directory.message).toMatch(/must name a \.whl file/);
  });

  it('reports a bad PEP 508 line with its location', async () => {
    const err = await failure('flask\nrequests >= \n');
    expect(err.file).toMatch(/requirements\.txt$/);
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^.*requirements\.txt:2: "requests >=": /);
    expect(err.message).toMatch(/PEP 508/);
  });
});

describe('includes', () => {
  it('follows -r and -c relative to the including file, marking constraints', async () => {
    const dir = tree({
      'requirements.txt': '-r sub/base.txt\n-c constraints.txt\nflask\n',
      'sub/base.txt': '--requirement ../common.txt\nrequests\n',
      'common.txt': 'six\n',
      'constraints.txt': 'urllib3<2\n-r more-constraints.txt\n',
      'more-constraints.txt': 'idna==3.7\n',
    });
    const input = await readRequirementsFile(path.join(dir, 'requirements.txt'), { env: {} });
    expect(input.requirements.map((r) => [r.requirement.name, path.relative(dir, r.file), r.line])).toEqual([
      ['six', 'common.txt', 1],
      ['requests', path.join('sub', 'base.txt'), 2],
      ['flask', 'requirements.txt', 3],
    ]);
    expect(input.constraints.map((r) => r.requirement.toString())).toEqual(['urllib3<2', 'idna==3.7']);
  });

  it('reads a whole file as constraints with {constraint: true}', async () => {
    const { input } = await read('flask<4\n', { constraint: true });
    expect(input.requirements).toEqual([]);
    expect(input.constraints[0].requirement.toString()).toBe('flask<4');
    const err = await failure('requests[socks]<3\n', { constraint: true });
    expect(err.message).toMatch(/constraint cannot name extras/);
  });

  it('detects include cycles and names the chain', async () => {
    const dir = tree({
      'a.txt': 'flask\n-r b.txt\n',
      'b.txt': '-r c.txt\n',
      'c.txt': '\n-r a.txt\n',
    });
    const err = await readRequirementsFile(path.join(dir, 'a.txt'), { env: {} }).then(
      () => undefined,
      (e: unknown) => e as RequirementsFileError,
    );
    if (!err) throw new Error('expected a refusal');
    expect(err).toBeInstanceOf(RequirementsFileError);
    expect(err.file).toBe(path.join(dir, 'c.txt'));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/include cycle: .*a\.txt -> .*b\.txt -> .*c\.txt -> .*a\.txt/);
  });

  it('allows the same file included twice without a cycle', async () => {
    const dir = tree({ 'top.txt': '-r x.txt\n-r y.txt\n', 'x.txt': '-r common.txt\n', 'y.txt': '-r common.txt\n', 'common.txt': 'six\n' });
    const input = await readRequirementsFile(path.join(dir, 'top.txt'), { env: {} });
    expect(input.requirements.map((r) => r.requirement.name)).toEqual(['six', 'six']);
  });

  it('names the including line when an included file is missing', async () => {
    const err = await failure('flask\n-r nope.txt\n');
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/requirements\.txt:2: "-r nope\.txt": cannot read the included requirements file .*nope\.txt: no such file/);
  });

  it('reads the checked-in fixture tree', async () => {
    const input = await readRequirementsFile(path.join(FIXTURES, 'requirements/main.txt'), { env: { PRIVATE_TOKEN: 't0k' } });
    expect(input.indexUrl).toBe('https://__token__:t0k@pypi.example/simple');
    expect(input.requirements.map((r) => r.requirement.canonicalName)).toEqual(['attrs', 'cattrs', 'numpy']);
    expect(input.constraints.map((r) => r.requirement.canonicalName)).toEqual(['attrs']);
    expect(input.requireHashes).toBe(true);
  });
});

describe('hash-checking mode', () => {
  it('collects --hash values per line, normalised and de-duplicated', async () => {
    const { input } = await read(`six==1.17.0 --hash=sha256:${H1} \\\n    --hash sha256:${H2} --hash=SHA256:${H1}\n`);
    expect(input.requireHashes).toBe(true);
    expect(input.requirements[0].hashes).toEqual([`sha256:${H1}`, `sha256:${H2.toLowerCase()}`]);
  });

  it('turns on when any line has a hash, and names the line that is not pinned', async () => {
    const err = await failure(`six==1.17.0 --hash=sha256:${H1}\nflask>=3\n`);
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/requirements\.txt:2: "flask>=3": hash-checking mode is on \(because of the --hash at .*requirements\.txt:1\), so every requirement must be pinned with ==/);
  });

  it('names a pinned line without a hash', async () => {
    const err = await failure(`six==1.17.0 --hash=sha256:${H1}\nflask==3.0.0\n`);
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/needs --hash=sha256/);
  });

  it('applies hashes found in an included file to the whole set', async () => {
    const dir = tree({ 'requirements.txt': 'flask==3.0.0\n-r hashed.txt\n', 'hashed.txt': `six==1.17.0 --hash=sha256:${H1}\n` });
    const err = await readRequirementsFile(path.join(dir, 'requirements.txt'), { env: {} }).then(
      () => undefined,
      (e: unknown) => e as RequirementsFileError,
    );
    if (!err) throw new Error('expected a refusal');
    expect(err.file).toBe(path.join(dir, 'requirements.txt'));
    expect(err.line).toBe(1);
    expect(err.message).toMatch(/because of the --hash at .*hashed\.txt:1/);
  });

  it('--require-hashes alone requires hashes; a wildcard == is not pinned', async () => {
    const err = await failure('--require-hashes\nflask==3.*\n');
    expect(err.message).toMatch(/hash-checking mode is on \(--require-hashes at .*:1\).*pinned/);
  });

  it('accepts pins and hashes given by constraints', async () => {
    const dir = tree({ 'requirements.txt': `-c c.txt\nflask\n`, 'c.txt': `flask==3.0.0 --hash=sha256:${H1}\n` });
    const input = await readRequirementsFile(path.join(dir, 'requirements.txt'), { env: {} });
    expect(input.requireHashes).toBe(true);
  });

  it('refuses malformed hashes', async () => {
    expect((await failure(`six==1 --hash=sha256:abc\n`)).message).toMatch(/has 3 hex digits, sha256 has 64/);
    expect((await failure(`six==1 --hash=md5:${H1}\n`)).message).toMatch(/md5 is not supported/);
    expect((await failure(`six==1 --hash=${H1}\n`)).message).toMatch(/not ALGORITHM:HEXDIGEST/);
    expect((await failure(`--hash=sha256:${H1}\n`)).message).toMatch(/must follow a requirement/);
  });
});
