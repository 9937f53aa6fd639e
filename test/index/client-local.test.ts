import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JobError, UsageError } from '../../src/errors.js';
import { IndexClient, type IndexClientOptions } from '../../src/index/index.js';
import { makeWheel } from '../helpers/make-wheel.js';
import { IndexServer } from '../helpers/index-server.js';

let tmp: string;
let wheelsDir: string;
const clients: IndexClient[] = [];
const servers: IndexServer[] = [];

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pexship-local-'));
  wheelsDir = path.join(tmp, 'links');
  await makeWheel(wheelsDir, { name: 'zeta.pkg', version: '1.0', requiresDist: ['eta'] });
  await makeWheel(wheelsDir, { name: 'zeta.pkg', version: '1.1' });
  await makeWheel(wheelsDir, { name: 'zeta-pkg-extra', version: '3.0' });
  await writeFile(path.join(wheelsDir, 'zeta-pkg-0.9.tar.gz'), 'not really an sdist');
  await writeFile(path.join(wheelsDir, 'README.txt'), 'ignored');
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function client(options: IndexClientOptions): IndexClient {
  const c = new IndexClient({ cacheDir: path.join(tmp, 'cache'), env: {}, netrcFile: '/nonexistent/netrc', retries: 0, ...options });
  clients.push(c);
  return c;
}

describe('find-links', () => {
  it('lists a local directory by project, hashes files and reads metadata directly', async () => {
    const c = client({ noIndex: true, findLinks: [wheelsDir] });
    const files = await c.listFiles('Zeta_Pkg');
    expect(files.map((f) => f.filename)).toEqual(['zeta-pkg-0.9.tar.gz', 'zeta_pkg-1.0-py3-none-any.whl', 'zeta_pkg-1.1-py3-none-any.whl']);
    const w = files[1];
    const bytes = await readFile(path.join(wheelsDir, w.filename));
    expect(w).toMatchObject({ url: pathToFileURL(path.join(wheelsDir, w.filename)).toString(), hashes: { sha256: sha256(bytes) }, size: bytes.length, yanked: false });
    expect(await c.fetchMetadata(w)).toContain('Requires-Dist: eta');
    expect(await c.fetchFile(w)).toBe(path.join(wheelsDir, w.filename));
    await expect(c.fetchMetadata(files[0])).rejects.toThrow(/zeta-pkg-0\.9\.tar\.gz cannot be read as an archive.*Build a wheel for it/);
    expect(c.requestCount).toBe(0);
  });

  it('reads an HTML page of links over HTTP and filters it by project', async () => {
    const server = await IndexServer.start([]);
    servers.push(server);
    const a = await readFile(path.join(wheelsDir, 'zeta_pkg-1.0-py3-none-any.whl'));
    server.intercept = (req, res) => {
      if (req.url === '/links.html') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(
          `<a href="dl/zeta_pkg-1.0-py3-none-any.whl#sha256=${sha256(a)}">z</a> <a href="dl/other-1.0-py3-none-any.whl">o</a>` +
            `<a href="file:///etc/zeta_pkg-0.1-py3-none-any.whl">a remote page may not point at local files</a>`,
        );
        return true;
      }
      if (req.url === '/dl/zeta_pkg-1.0-py3-none-any.whl') {
        res.writeHead(200).end(a);
        return true;
      }
      return false;
    };
    const c = client({ noIndex: true, findLinks: [`${server.origin}/links.html`], cacheDir: path.join(tmp, 'cache-links') });
    const files = await c.listFiles('zeta-pkg');
    expect(files.map((f) => f.url)).toEqual([`${server.origin}/dl/zeta_pkg-1.0-py3-none-any.whl`]);
    expect(await c.listFiles('other')).toHaveLength(1);
    expect(server.count((r) => r.path === '/links.html')).toBe(1); // one page serves every project
    expect(sha256(await readFile(await c.fetchFile(files[0])))).toBe(sha256(a));
  });

  it('rejects a find-links directory that does not exist', async () => {
    const c = client({ noIndex: true, findLinks: [path.join(tmp, 'nope')] });
    await expect(c.listFiles('x')).rejects.toBeInstanceOf(UsageError);
  });
});

describe('file:// index', () => {
  it('reads PEP 503 HTML and PEP 691 JSON project pages from a directory, names normalised', async () => {
    const root = path.join(tmp, 'mirror');
    await mkdir(path.join(root, 'files'), { recursive: true });
    for (const name of ['zeta_pkg-1.0-py3-none-any.whl', 'zeta_pkg_extra-3.0-py3-none-any.whl']) await copyFile(path.join(wheelsDir, name), path.join(root, 'files', name));
    const zeta = await readFile(path.join(root, 'files', 'zeta_pkg-1.0-py3-none-any.whl'));
    // HTML, in a directory whose name is not normalised.
    await mkdir(path.join(root, 'simple', 'Zeta.Pkg'), { recursive: true });
    await writeFile(
      path.join(root, 'simple', 'Zeta.Pkg', 'index.html'),
      `<a href="../../files/zeta_pkg-1.0-py3-none-any.whl#sha256=${sha256(zeta)}" data-requires-python="&gt;=3.7">zeta</a>`,
    );
    // JSON wins when present.
    await mkdir(path.join(root, 'simple', 'zeta-pkg-extra'), { recursive: true });
    await writeFile(path.join(root, 'simple', 'zeta-pkg-extra', 'index.html'), '');
    await writeFile(
      path.join(root, 'simple', 'zeta-pkg-extra', 'index.json'),
      JSON.stringify({ meta: { 'api-version': '1.0' }, name: 'zeta-pkg-extra', files: [{ filename: 'zeta_pkg_extra-3.0-py3-none-any.whl', url: '../../files/zeta_pkg_extra-3.0-py3-none-any.whl', hashes: {} }] }),
    );
    const c = client({ indexUrl: pathToFileURL(path.join(root, 'simple')).toString() });
    const [z] = await c.listFiles('zeta-pkg');
    expect(z).toMatchObject({ url: pathToFileURL(path.join(root, 'files', 'zeta_pkg-1.0-py3-none-any.whl')).toString(), requiresPython: '>=3.7', hashes: { sha256: sha256(zeta) } });
    expect(await c.fetchFile(z)).toBe(path.join(root, 'files', 'zeta_pkg-1.0-py3-none-any.whl'));
    const [e] = await c.listFiles('ZETA_PKG_EXTRA');
    expect(e.filename).toBe('zeta_pkg_extra-3.0-py3-none-any.whl');
    expect(await c.fetchMetadata(e)).toContain('Name: zeta-pkg-extra');
    expect(await c.listFiles('missing')).toEqual([]);

    // A local file whose bytes differ from the page's hash is refused.
    await writeFile(
      path.join(root, 'simple', 'Zeta.Pkg', 'index.html'),
      `<a href="../../files/zeta_pkg-1.0-py3-none-any.whl#sha256=${'1'.repeat(64)}">zeta</a>`,
    );
    const fresh = client({ indexUrl: path.join(root, 'simple') });
    const [bad] = await fresh.listFiles('zeta-pkg');
    await expect(fresh.fetchFile(bad)).rejects.toThrow(JobError);
    await expect(fresh.fetchFile(bad)).rejects.toThrow(/Hash mismatch for zeta_pkg-1\.0-py3-none-any\.whl/);
  });

  it('refuses index URLs of other schemes', () => {
    expect(() => new IndexClient({ indexUrl: 'ftp://example.com/simple' })).toThrow(UsageError);
  });
});
