/**
 * Build and start-up of a Flask + requests app (12 real wheels) against plain Python in the same run.
 *
 * Wheels come from the machine's local mirror (PEXSHIP_BENCH_WHEELS, default /opt/pypi/files). Prints:
 * build time (in-process and as a CLI process), warm and cold start against `python` importing the same
 * wheels from a directory on PYTHONPATH, runtime size, and PEX size against the wheels' total. Then the same
 * app with setuptools added (its distutils-precedence.pth runs at every start) against plain Python with the
 * same wheels in a site directory whose .pth files site runs (`site.addsitedir`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPex } from '../src/pex/build.js';
import { installWheel } from '../src/pex/install.js';
import { memberContent } from '../src/pex/zip.js';
import { inspectPex } from '../src/pex/inspect.js';

const WHEELS_DIR = process.env.PEXSHIP_BENCH_WHEELS ?? '/opt/pypi/files';
const PROJECTS = ['flask', 'werkzeug', 'jinja2', 'markupsafe', 'itsdangerous', 'click', 'blinker', 'requests', 'urllib3', 'idna', 'certifi', 'charset_normalizer'];
// Debian's python3.11 by default: pyenv's 3.11 here has a .pth file that imports zipfile, re and pathlib at every start.
const PYTHON = process.env.PEXSHIP_BENCH_PYTHON ?? (existsSync('/usr/bin/python3.11') ? '/usr/bin/python3.11' : 'python3.11');
const RUNS = Number(process.env.PEXSHIP_BENCH_RUNS ?? 15);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function ms(x: number): string {
  return `${x.toFixed(1)} ms`;
}

const available = existsSync(WHEELS_DIR) ? readdirSync(WHEELS_DIR) : [];
const wheels = PROJECTS.map((p) => {
  const matches = available.filter((f) => f.toLowerCase().startsWith(`${p}-`) && f.endsWith('.whl') && (/py3-none-any|cp311/.test(f)));
  if (!matches.length) throw new Error(`bench: no wheel for ${p} in ${WHEELS_DIR}; set PEXSHIP_BENCH_WHEELS to a folder with the 12 wheels`);
  return path.join(WHEELS_DIR, matches.sort().at(-1)!);
});
const work = mkdtempSync(path.join(tmpdir(), 'pexship-bench-'));
const src = path.join(work, 'src');
mkdirSync(src);
writeFileSync(path.join(src, 'benchapp.py'), 'import flask, requests\n\ndef main():\n    return 0\n');

// An environment like a user's: bytecode caching on (this machine sets PYTHONDONTWRITEBYTECODE).
const env = { ...process.env };
delete env.PYTHONDONTWRITEBYTECODE;
delete env.PYTHONPATH;

function time(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return elapsed;
}

// --- build ---------------------------------------------------------------------------------------
const wheelBytes = wheels.reduce((n, w) => n + statSync(w).size, 0);
const pex = path.join(work, 'app.pex');
const buildOpts = { wheels, sourcesDirs: [src], entryPoint: 'benchapp:main', output: pex };
await buildPex(buildOpts); // warm the file cache and the JIT once
const inProcess: number[] = [];
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  await buildPex(buildOpts);
  inProcess.push(performance.now() - t);
}
const cli = path.resolve(process.env.PEXSHIP_BENCH_CLI ?? 'dist/cli.js');
const cliRuns: number[] = [];
if (existsSync(cli)) {
  for (let i = 0; i < 5; i++) cliRuns.push(time(process.execPath, [cli, 'build', ...wheels, '--no-index', '--python', PYTHON, '-D', src, '-e', 'benchapp:main', '-o', pex, '-q']));
}

// --- plain Python reference: the same wheels installed in a directory on PYTHONPATH ---------------
/** Installs the wheels' files into one folder, as pip into a site-packages. */
async function installInto(folder: string, wheelFiles: string[]): Promise<void> {
  for (const w of wheelFiles) {
    for (const m of (await installWheel(w)).members) {
      const out = path.join(folder, m.name);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, memberContent(m));
    }
  }
}
const site = path.join(work, 'site');
await installInto(site, wheels);
const plainEnv = { PYTHONPATH: `${site}:${src}` };
const root = path.join(work, 'pex_root');
time(PYTHON, ['-c', 'import benchapp; benchapp.main()'], plainEnv); // compile once
time(PYTHON, [pex], { PEX_ROOT: root }); // extract once
// Interleaved, so a change in the machine's load affects both sides alike.
const plain: number[] = [];
const warm: number[] = [];
const bare: number[] = [];
for (let i = 0; i < RUNS; i++) {
  plain.push(time(PYTHON, ['-c', 'import benchapp; benchapp.main()'], plainEnv));
  warm.push(time(PYTHON, [pex], { PEX_ROOT: root }));
  bare.push(time(PYTHON, ['-c', 'pass']));
}

// --- PEX cold -----------------------------------------------------------------------------------------
const cold: number[] = [];
for (let i = 0; i < 5; i++) {
  const fresh = path.join(work, `cold-${i}`);
  cold.push(time(PYTHON, [pex], { PEX_ROOT: fresh }));
  rmSync(fresh, { recursive: true, force: true });
}

// --- a .pth-carrying distribution (setuptools): warm start against plain python processing the same .pth --
const setuptools = available.filter((f) => /^setuptools-[\d.]+-py3-none-any\.whl$/.test(f)).sort().at(-1);
let pthLine = `setuptools .pth start-up: skipped (no setuptools wheel in ${WHEELS_DIR})`;
if (setuptools) {
  const pthWheels = [...wheels, path.join(WHEELS_DIR, setuptools)];
  const pthPex = path.join(work, 'pth.pex');
  await buildPex({ ...buildOpts, wheels: pthWheels, output: pthPex });
  const pthSite = path.join(work, 'pth-site');
  await installInto(pthSite, pthWheels);
  const plainPth = ['-c', `import site; site.addsitedir(${JSON.stringify(pthSite)}); import sys; sys.path.insert(0, ${JSON.stringify(src)}); import benchapp; benchapp.main()`];
  time(PYTHON, plainPth); // compile once
  time(PYTHON, [pthPex], { PEX_ROOT: root }); // extract once
  const plainP: number[] = [];
  const warmP: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    plainP.push(time(PYTHON, plainPth));
    warmP.push(time(PYTHON, [pthPex], { PEX_ROOT: root }));
  }
  pthLine =
    `setuptools .pth: plain python (site.addsitedir) ${ms(median(plainP))}, PEX warm ${ms(median(warmP))}  ` +
    `ratio ${(median(warmP) / median(plainP)).toFixed(2)}x plain  target <= 1.10x`;
}

const info = await inspectPex(pex);
const plainMs = median(plain);
console.log(`wheels: ${wheels.length} (${(wheelBytes / 1e6).toFixed(2)} MB) from ${WHEELS_DIR}; interpreter ${PYTHON}`);
console.log(`build (in-process, median of 10): ${ms(median(inProcess))}  target <= 300 ms`);
if (cliRuns.length) console.log(`build (pexship build CLI process, median of 5): ${ms(median(cliRuns))}`);
console.log(`python -c pass: ${ms(median(bare))}`);
console.log(`plain python importing flask+requests from PYTHONPATH (warm): ${ms(plainMs)}`);
console.log(`PEX warm start: ${ms(median(warm))}  ratio ${(median(warm) / plainMs).toFixed(2)}x plain  target <= 1.10x`);
console.log(`PEX cold start (empty PEX_ROOT): ${ms(median(cold))}  ratio ${(median(cold) / plainMs).toFixed(2)}x plain  target <= 3x`);
console.log(pthLine);
console.log(`runtime in the PEX: ${(info.runtime.compressedSize / 1024).toFixed(1)} KiB compressed  target <= 50 KiB`);
console.log(`PEX size: ${(info.size / 1e6).toFixed(2)} MB = ${((info.size / wheelBytes) * 100).toFixed(1)}% of the wheels  target <= 105%`);
rmSync(work, { recursive: true, force: true });
