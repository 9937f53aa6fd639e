// The packse corpus against pip 24.2: every single-target scenario of pip-outcomes.json is resolved through the
// real IndexClient, served over loopback HTTP as a PEP 691 JSON index, and compared with what pip did.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobError } from '../../src/errors.js';
import { IndexClient } from '../../src/index/index.js';
import { parseVersion } from '../../src/python/pep440.js';
import { parseRequirement } from '../../src/python/pep508.js';
import { parsePlatform } from '../../src/python/platform.js';
import { resolve } from '../../src/resolve/resolver.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'packse');

interface Outcome {
  name: string;
  requirements: string[];
  target: { platform: string; python_version: string; abi: string } | null;
  pip_rc?: number;
  pip?: Record<string, string>;
  pip_error?: string[];
  skipped?: unknown;
}

/**
 * Scenarios where we knowingly answer differently from pip, with the reason. The test fails when one of these
 * starts agreeing (remove it then) or when any other scenario disagrees.
 */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

function serve(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    try {
      if (parts[0] === 'simple' && parts.length === 1) {
        res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
        res.end(req.method === 'HEAD' ? undefined : await readFile(path.join(root, 'simple-json', 'index.json')));
        return;
      }
      if (parts[0] === 'simple' && parts.length === 2 && !parts[1].includes('..')) {
        const body = await readFile(path.join(root, 'simple-json', parts[1], 'index.json'));
        res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
        res.end(body);
        return;
      }
      if (parts[0] === 'files' && parts.length === 2 && !parts[1].includes('..')) {
        const body = await readFile(path.join(root, 'files', parts[1]));
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
        res.end(body);
        return;
      }
    } catch {
      // fall through to 404
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const outcomes: Outcome[] = JSON.parse(await readFile(path.join(FIXTURES, 'pip-outcomes.json'), 'utf8'));
const runnable = outcomes.filter((o) => o.target && o.pip_rc !== undefined);

describe('packse scenarios vs pip 24.2', () => {
  let server: Server;
  let cacheDir: string;
  let indexUrl: string;

  beforeAll(async () => {
    server = await serve(FIXTURES);
    cacheDir = await mkdtemp(path.join(tmpdir(), 'pexship-packse-'));
    indexUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple/`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('agrees with pip on at least 97% of the scenarios, and exactly where expected', async () => {
    const disagreements: Record<string, string> = {};
    for (const o of runnable) {
      const t = o.target!;
      const target = parsePlatform(`${t.platform}-cp-${t.python_version}-${t.abi}`);
      const client = new IndexClient({ indexUrl, cacheDir, env: {}, netrcFile: path.join(cacheDir, 'no-netrc') });
      const pre = o.requirements.includes('--pre');
      const requirements = o.requirements.filter((r) => r !== '--pre').map(parseRequirement);
      let got: Record<string, string> | undefined;
      let error: unknown;
      try {
        // pip ran with --platform, which implies --only-binary=:all:.
        const result = await resolve({ requirements, targets: [target], pre, source: client, allowSdists: false });
        got = Object.fromEntries(result.targets[0].distributions.map((d) => [d.name, d.version]));
      } catch (err) {
        error = err;
      } finally {
        await client.close();
      }
      if (error !== undefined && !(error instanceof JobError)) {
        disagreements[o.name] = `unexpected error ${String(error)}`;
        continue;
      }
      if (o.pip_rc === 0) {
        const want = o.pip!;
        if (!got) disagreements[o.name] = `pip resolved ${JSON.stringify(want)}, we failed: ${(error as Error).message}`;
        else if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(normalise(want)))) {
          disagreements[o.name] = `pip resolved ${JSON.stringify(want)}, we resolved ${JSON.stringify(got)}`;
        }
      } else if (got) {
        disagreements[o.name] = `pip failed (${o.pip_error?.join(' ')}), we resolved ${JSON.stringify(got)}`;
      }
    }
    const agree = runnable.length - Object.keys(disagreements).length;
    console.log(`packse: ${agree}/${runnable.length} scenarios agree with pip 24.2 (${((100 * agree) / runnable.length).toFixed(1)}%)`);
    for (const [name, why] of Object.entries(disagreements)) console.log(`  disagree: ${name}: ${why}`);
    const unexpected = Object.keys(disagreements).filter((n) => !(n in KNOWN_DISAGREEMENTS));
    const nowAgreeing = Object.keys(KNOWN_DISAGREEMENTS).filter((n) => !(n in disagreements));
    expect(unexpected.map((n) => `${n}: ${disagreements[n]}`)).toEqual([]);
    expect(nowAgreeing).toEqual([]);
    expect(agree / runnable.length).toBeGreaterThanOrEqual(0.97);
  });
});

function normalise(set: Record<string, string>): Record<string, string> {
  // pip prints versions as the wheel names them; compare in PEP 440 normal form like we report them.
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k.toLowerCase(), parseVersion(v).toString()]));
}

function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
