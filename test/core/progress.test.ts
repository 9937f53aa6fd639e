// Progress on long work: against a slow loopback index the CLI (stderr not a terminal) prints a status line
// with counts and bytes whenever it has been quiet for a second (so no gap between its lines reaches 2 s);
// -q prints nothing, -v shows each request and each wheel; on a terminal the status is one bar redrawn in place.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stderrProgress } from '../../src/core/progress.js';
import { runCli } from '../helpers/cli.js';
import { buildWheels, IndexServer } from '../helpers/index-server.js';

let work: string;
let server: IndexServer;
const SLOW_FILE = 'slow-1.0-py3-none-any.whl';

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'pexship-progress-'));
  // Incompressible content, so the wheel is as big as its data.
  const files = await buildWheels(path.join(work, 'wheels'), [{ name: 'slow', version: '1.0', files: { 'slow/__init__.py': '', 'slow/blob.bin': randomBytes(400_000) } }]);
  // The index page comes after 2.5 s and the wheel trickles in over about 4 s.
  server = await IndexServer.start(files, { pageDelayMs: 2500 });
  server.intercept = (req, res) => {
    // Range reads of the metadata are quick; the download of the whole wheel is slow.
    if (!req.url?.startsWith(`/files/${SLOW_FILE}`) || req.headers.range) return false;
    const data = files[0].data;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(data.length) });
    const pieces = 16;
    let i = 0;
    const timer = setInterval(() => {
      res.write(data.subarray(Math.ceil((i * data.length) / pieces), Math.ceil(((i + 1) * data.length) / pieces)));
      if (++i === pieces) {
        clearInterval(timer);
        res.end();
      }
    }, 250);
    return true;
  };
});

afterAll(async () => {
  await server?.close();
});

const args = (cache: string) => ['build', 'slow', '-i', server.url, '--platform', 'manylinux2014_x86_64-cp-311-cp311', '-o', path.join(work, `${cache}.pex`), '--cache-dir', path.join(work, cache)];

describe('progress in a log (stderr not a terminal)', () => {
  it('is never quiet for more than 2 s, and shows counts and bytes while downloading', async () => {
    const r = await runCli(args('plain'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    const stamps = lines.map((l) => /^\[(\d+\.\d+)s\]/.exec(l)?.[1]).filter((s): s is string => s !== undefined).map(Number);
    expect(stamps.length).toBe(lines.length);
    // The whole build takes over 5 s (the server's delays); while it waits, status lines keep coming (one a
    // quiet second, so no gap reaches 2 s; counted rather than timed, so a loaded machine cannot fail it).
    expect(stamps.at(-1)).toBeGreaterThan(5);
    expect(r.stderr.match(/\] … /g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    // While the index page is awaited: the resolve step, its requests and time; while the wheel trickles in:
    // the count of files and the bytes so far.
    expect(r.stderr).toMatch(/\] … resolve: 0 versions chosen, 1 request, 2 s/);
    expect(r.stderr).toMatch(/\] … fetch: 0\/1 files, 1 request, \d+(\.\d)? KB/);
  });

  it('-q prints nothing on stderr, -v each request and each wheel', async () => {
    const quiet = await runCli([...args('quiet'), '-q']);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = await runCli([...args('verbose'), '-v']);
    expect(verbose.status).toBe(0);
    expect(verbose.stderr).toContain(`GET ${server.origin}/simple/slow/`);
    expect(verbose.stderr).toContain(`GET ${server.origin}/files/${SLOW_FILE}`);
    expect(verbose.stderr).toMatch(new RegExp(`^ +${SLOW_FILE.replaceAll('.', '\\.')} \\(\\d+\\.\\d KB\\)$`, 'm'));
    expect(verbose.stderr).toMatch(/chose slow 1\.0/);
  });
});

describe('progress on a terminal', () => {
  it('redraws one status line with a bar in place, and clears it before other lines', async () => {
    const written: string[] = [];
    const tty = { isTTY: true, columns: 100, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
    const progress = stderrProgress(0, tty, 400);
    progress.step('fetch 2 files');
    const task = progress.task('fetch', 'files', 2);
    task.advance();
    progress.bytes(3 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 350));
    progress.warn('something to look at');
    progress.close();
    const text = written.join('');
    expect(text).toContain('\r\x1b[K[############............] fetch: 1/2 files, 3.0 MB');
    // The bar is wiped before the warning, and at the end; no newline ever follows a bar.
    expect(text).toMatch(/\r\x1b\[Kwarning: something to look at\n/);
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(text).not.toMatch(/files, 3\.0 MB\n/);
  });
});
