/**
 * `pexship lock` against pip on the same local HTTP index (the machine's mirror under /opt/pypi served on
 * 127.0.0.1 with Range support), for a real set: flask, requests, fastapi, uvicorn[standard], pandas,
 * pydantic-settings, boto3. Cold (empty caches) and warm, plus building the PEX from the lock with a warm cache.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MIRROR = process.env.PEXSHIP_BENCH_MIRROR ?? '/opt';
const ROOTS = ['pypi', 'pypi-more'].filter((r) => existsSync(path.join(MIRROR, r, 'simple')));
const REQUIREMENTS = ['flask', 'requests', 'fastapi', 'uvicorn[standard]', 'pandas', 'pydantic-settings', 'boto3'];
// The interpreter itself, not a pyenv shim (a shell script that costs ~100 ms a start): pip and pexship both
// run it directly.
const PYTHON = spawnSync(process.env.PEXSHIP_BENCH_PYTHON ?? 'python3.11', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
const RUNS = Number(process.env.PEXSHIP_BENCH_RUNS ?? 3);

if (!ROOTS.length) {
  console.log(`lock bench: no mirror at ${MIRROR}/pypi/simple; set PEXSHIP_BENCH_MIRROR. Skipped.`);
  process.exit(0);
}

// A static server for the mirror that answers as PyPI does: index.html for folders, byte ranges for files,
// ETag/Last-Modified with 304s, and PyPI's Cache-Control (pages 10 minutes, files immutable).
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let file = path.join(MIRROR, decodeURIComponent(url.pathname));
  if (!file.startsWith(MIRROR + '/')) return void res.writeHead(403).end();
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  let size: number;
  let mtime: Date;
  try {
    ({ size, mtime } = statSync(file));
  } catch {
    return void res.writeHead(404).end();
  }
  const type = file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
  const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
  res.setHeader('etag', etag);
  res.setHeader('last-modified', mtime.toUTCString());
  res.setHeader('cache-control', file.endsWith('.html') ? 'max-age=600, public' : 'max-age=365000000, immutable, public');
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (m) {
    const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
    const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}`, 'accept-ranges': 'bytes' });
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const indexArgs = ['--index-url', `${base}/${ROOTS[0]}/simple/`, ...ROOTS.slice(1).flatMap((r) => ['--extra-index-url', `${base}/${r}/simple/`])];

const work = mkdtempSync(path.join(tmpdir(), 'pexship-bench-lock-'));
const env = { ...process.env, PIP_CONFIG_FILE: '/dev/null', PIP_FIND_LINKS: '', PIP_EXTRA_INDEX_URL: '' };

async function timed(cmd: string, args: string[]): Promise<{ ms: number; out: string }> {
  // Async spawn: the index server runs in this process and must keep answering.
  const { spawn } = await import('node:child_process');
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t, out }) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err.slice(-3000)}`))));
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// pip: a dry-run install that resolves and reports, no install; its own cache dir (cold: a new one each run).
const pipCold: number[] = [];
const pipWarm: number[] = [];
let pipSet = new Set<string>();
for (let i = 0; i < RUNS; i++) {
  const cache = path.join(work, `pip-cache-${i}`);
  const report = path.join(work, `pip-report-${i}.json`);
  const args = ['-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet', '--disable-pip-version-check', '--cache-dir', cache, '--report', report, ...indexArgs, ...REQUIREMENTS];
  pipCold.push((await timed(PYTHON, args)).ms);
  pipWarm.push((await timed(PYTHON, args)).ms);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  pipSet = new Set(r.install.map((x: { metadata: { name: string; version: string } }) => `${x.metadata.name.toLowerCase().replace(/[-_.]+/g, '-')}==${x.metadata.version}`));
}

const cli = path.resolve('dist/cli.js');
const oursCold: number[] = [];
const oursWarm: number[] = [];
const fromLock: number[] = [];
let ourSet = new Set<string>();
for (let i = 0; i < RUNS; i++) {
  const cache = path.join(work, `pexship-cache-${i}`);
  const lockFile = path.join(work, `pylock-${i}.toml`);
  const args = [cli, 'lock', ...indexArgs, '--python', PYTHON, '--cache-dir', cache, '-o', lockFile, '-q', ...REQUIREMENTS];
  oursCold.push((await timed(process.execPath, args)).ms);
  oursWarm.push((await timed(process.execPath, args)).ms);
  const lock = readFileSync(lockFile, 'utf8');
  ourSet = new Set([...lock.matchAll(/^name = "([^"]+)"\nversion = "([^"]+)"/gm)].map((m) => `${m[1]}==${m[2]}`));
  const build = [cli, 'build', '--lock', lockFile, '--python', PYTHON, '--cache-dir', cache, '-o', path.join(work, 'app.pex'), '-q'];
  await timed(process.execPath, build); // downloads the wheels: the lock only read metadata
  fromLock.push((await timed(process.execPath, build)).ms);
}
server.close();

const same = pipSet.size === ourSet.size && [...pipSet].every((x) => ourSet.has(x));
console.log(`set: ${REQUIREMENTS.join(' ')} → pip ${pipSet.size} packages, pexship ${ourSet.size}; ${same ? 'identical' : 'DIFFERENT'}`);
if (!same) {
  console.log(`  only pip: ${[...pipSet].filter((x) => !ourSet.has(x)).join(' ')}`);
  console.log(`  only pexship: ${[...ourSet].filter((x) => !pipSet.has(x)).join(' ')}`);
}
console.log(`pip resolve, empty cache: ${median(pipCold).toFixed(0)} ms; warm cache: ${median(pipWarm).toFixed(0)} ms (median of ${RUNS})`);
console.log(`pexship lock, empty cache: ${median(oursCold).toFixed(0)} ms = ${(median(oursCold) / median(pipCold)).toFixed(2)}x pip cold  target <= 0.25x`);
console.log(`pexship lock, warm cache: ${median(oursWarm).toFixed(0)} ms = ${(median(oursWarm) / median(pipCold)).toFixed(2)}x pip cold  target <= 0.10x`);
console.log(`pexship build --lock, warm cache: ${median(fromLock).toFixed(0)} ms  target <= 500 ms`);
rmSync(work, { recursive: true, force: true });
