import { describe, expect, it } from 'vitest';
import { Auth, envNameForHost, secretsOf } from '../../src/index/auth.js';
import { fileBelongsTo, normalizeProjectName } from '../../src/index/names.js';
import { parseNetrc } from '../../src/index/netrc.js';
import { redactSecrets, redactUrl } from '../../src/index/redact.js';
import { parseSimpleHtml } from '../../src/index/simple-html.js';
import { parseSimpleJson } from '../../src/index/simple-json.js';
import { retryAfterMs } from '../../src/index/http.js';

const SHA = 'ab'.repeat(32);

describe('PEP 503 HTML', () => {
  it('reads attributes in any order, quoting and entity escapes, and resolves relative hrefs', () => {
    const html = `<!DOCTYPE html><html><head><meta name="pypi:repository-version" content="1.1"></head><body>
      <!-- <a href="old-0.1.tar.gz">old</a> -->
      <A data-requires-python="&gt;=3.8,&lt;4" HREF="../../packages/foo-1.0-py3-none-any.whl#sha256=${SHA.toUpperCase()}" data-dist-info-metadata="sha256=${SHA}">foo-1.0-py3-none-any.whl</A><br/>
      <a href='https://files.example/foo-1.1.tar.gz#md5=0123abcd' data-yanked>foo-1.1.tar.gz</a>
      <a data-yanked="broken &amp; bad" href=foo-1.2-py3-none-any.whl data-core-metadata=true data-dist-info-metadata="sha256=${SHA}">x</a>
      <a href="foo%2B-1.3-py3-none-any.whl" data-requires-python='&#62;=3.9'>y</a>
      <a href="/not-a-distribution/">nav</a>
    </body></html>`;
    const files = parseSimpleHtml(html, 'https://idx.example/simple/foo/', 'idx');
    expect(files.map((f) => f.filename)).toEqual(['foo-1.0-py3-none-any.whl', 'foo-1.1.tar.gz', 'foo-1.2-py3-none-any.whl', 'foo+-1.3-py3-none-any.whl']);
    expect(files[0]).toMatchObject({
      url: 'https://idx.example/packages/foo-1.0-py3-none-any.whl',
      hashes: { sha256: SHA },
      requiresPython: '>=3.8,<4',
      yanked: false,
      coreMetadata: { sha256: SHA },
      index: 'idx',
    });
    expect(files[1]).toMatchObject({ url: 'https://files.example/foo-1.1.tar.gz', hashes: { md5: '0123abcd' }, yanked: 'no reason given', coreMetadata: false });
    expect(files[1].requiresPython).toBeUndefined();
    // data-core-metadata (PEP 714) wins over the old name.
    expect(files[2]).toMatchObject({ url: 'https://idx.example/simple/foo/foo-1.2-py3-none-any.whl', yanked: 'broken & bad', coreMetadata: true });
    expect(files[3].requiresPython).toBe('>=3.9');
  });

  it('honours <base href>', () => {
    const files = parseSimpleHtml('<base href="https://cdn.example/dl/"><a href="a-1.0.tar.gz">a</a>', 'https://idx.example/simple/a/', 'i');
    expect(files[0].url).toBe('https://cdn.example/dl/a-1.0.tar.gz');
  });
});

describe('PEP 691 JSON', () => {
  it('reads files with relative URLs, yanked forms and core-metadata', () => {
    const body = JSON.stringify({
      meta: { 'api-version': '1.1' },
      name: 'foo',
      files: [
        { filename: 'foo-1.0-py3-none-any.whl', url: '../../f/foo-1.0-py3-none-any.whl', hashes: { sha256: SHA }, 'requires-python': '>=3.8', yanked: false, 'core-metadata': { sha256: SHA }, size: 12, 'upload-time': '2024-01-01T00:00:00Z' },
        { filename: 'foo-0.9.tar.gz', url: 'https://x.example/foo-0.9.tar.gz', hashes: {}, yanked: 'bad build', 'dist-info-metadata': true },
        { filename: 'foo-0.8.tar.gz', url: 'https://x.example/foo-0.8.tar.gz', hashes: {}, yanked: true },
      ],
    });
    const files = parseSimpleJson(body, 'https://idx.example/simple/foo/', 'idx');
    expect(files[0]).toEqual({
      filename: 'foo-1.0-py3-none-any.whl',
      url: 'https://idx.example/f/foo-1.0-py3-none-any.whl',
      hashes: { sha256: SHA },
      requiresPython: '>=3.8',
      yanked: false,
      coreMetadata: { sha256: SHA },
      size: 12,
      uploadTime: '2024-01-01T00:00:00Z',
      index: 'idx',
    });
    expect(files[1]).toMatchObject({ yanked: 'bad build', coreMetadata: true });
    expect(files[2]).toMatchObject({ yanked: 'no reason given', coreMetadata: false });
  });

  it('refuses other major API versions and non-JSON with the URL named', () => {
    expect(() => parseSimpleJson('{"meta":{"api-version":"2.0"},"files":[]}', 'https://i/simple/x/', 'i')).toThrow(/simple API version 2\.0/);
    expect(() => parseSimpleJson('<html>', 'https://i/simple/x/', 'i')).toThrow(/https:\/\/i\/simple\/x\/ is not valid JSON/);
  });
});

describe('names', () => {
  it('normalises per PEP 503 and matches files to projects', () => {
    expect(normalizeProjectName('Foo.Bar__baz')).toBe('foo-bar-baz');
    expect(fileBelongsTo('Foo_Bar-1.0-py3-none-any.whl', 'foo-bar')).toBe(true);
    expect(fileBelongsTo('foo-bar-1.0.tar.gz', 'foo-bar')).toBe(true);
    expect(fileBelongsTo('foo-bar-1.0.tar.gz', 'foo')).toBe(false);
    expect(fileBelongsTo('foo-1.0.tar.gz', 'foo')).toBe(true);
    expect(fileBelongsTo('foobar-1.0-py3-none-any.whl', 'foo')).toBe(false);
  });
});

describe('netrc and credentials', () => {
  it('parses machines, default, quotes, comments and macdefs', () => {
    const n = parseNetrc(`# comment
machine Idx.Example login alice password "p a\\"ss"
macdef init
  cd /tmp

machine other.example
  login bob
  password secret2
default login anon password guest
`);
    expect(n.machines.get('idx.example')).toEqual({ login: 'alice', password: 'p a"ss' });
    expect(n.machines.get('other.example')).toEqual({ login: 'bob', password: 'secret2' });
    expect(n.default).toEqual({ login: 'anon', password: 'guest' });
  });

  it('prefers URL credentials, then environment (with port first), then netrc, and only for the same origin', () => {
    const env = {
      PEXSHIP_INDEX_ENV_EXAMPLE_8443_USERNAME: 'portuser',
      PEXSHIP_INDEX_ENV_EXAMPLE_8443_PASSWORD: 'portpass',
      PEXSHIP_INDEX_ENV_EXAMPLE_PASSWORD: 'tok',
    };
    const auth = new Auth(['https://u%40x:p%2Fw@url.example/simple/'], env, '/nonexistent/netrc');
    expect(auth.credentialsFor(new URL('https://url.example/files/a.whl'))).toEqual({ username: 'u@x', password: 'p/w' });
    expect(auth.credentialsFor(new URL('http://url.example/files/a.whl'))).toBeUndefined();
    expect(auth.credentialsFor(new URL('https://env.example:8443/x'))).toEqual({ username: 'portuser', password: 'portpass' });
    expect(auth.credentialsFor(new URL('https://env.example/x'))).toEqual({ username: '', password: 'tok' });
    expect(auth.credentialsFor(new URL('https://elsewhere.example/x'))).toBeUndefined();
    expect(envNameForHost('my-pypi.corp.example')).toBe('PEXSHIP_INDEX_MY_PYPI_CORP_EXAMPLE');
  });

  it('lists secrets for masking and redacts them from text', () => {
    const env = { PEXSHIP_INDEX_A_EXAMPLE_PASSWORD: 'envsecret', UNRELATED: 'x' };
    const secrets = secretsOf(['https://user:urlsecret@a.example/simple', 'https://__token__only@b.example/'], env, '/nonexistent');
    expect(secrets.sort()).toEqual(['__token__only', 'envsecret', 'urlsecret']);
    expect(redactUrl('https://user:urlsecret@a.example/simple')).toBe('https://***@a.example/simple');
    expect(redactSecrets('failed https://user:urlsecret@a.example/ with envsecret', secrets)).toBe('failed https://***@a.example/ with ***');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
