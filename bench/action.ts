// What each dependency costs the actions: the bytes it puts in each entry point's bundle (as `npm run bundle`
// makes them, one file per entry here so nothing is shared), and each entry point's start-up time (to the
// exit on a bad input, so every module is loaded and nothing runs), against a bare `node -e 0` in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, ENTRY_POINTS } from '../scripts/bundle-options.mjs';

const RUNS = 15;

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
const direct = Object.keys(lock.packages[''].dependencies ?? {});

/** A direct dependency and every package it pulls in (by name, as the lock file's top level holds them). */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const p = lock.packages[`node_modules/${name}`];
  for (const d of Object.keys({ ...p?.dependencies, ...p?.optionalDependencies })) closure(d, seen);
  return seen;
}
const closures = new Map(direct.map((d) => [d, closure(d)]));

function medianMs(args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const out = mkdtempSync(path.join(tmpdir(), 'pexship-bench-action-'));
const bare = medianMs(['-e', '0']);
console.log(`node -e 0: ${bare.toFixed(0)} ms (median of ${RUNS})`);
console.log('entry point: bundle size; start-up (to a bad-input exit); size by direct dependency (all it pulls in / only it pulls in)');
for (const [entry, source] of Object.entries(ENTRY_POINTS as Record<string, string>)) {
  const result = await build({ ...bundleOptions({ [entry]: source }, out), splitting: false, metafile: true, logLevel: 'error' });
  const bytes = new Map<string, number>();
  let total = 0;
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'pexship';
      bytes.set(pkg, (bytes.get(pkg) ?? 0) + bytesInOutput);
      total += bytesInOutput;
    }
  }
  const args = entry === 'cli' ? [path.join(out, 'cli.js'), '--version'] : [path.join(out, `${entry}.js`)];
  const ms = medianMs(args, { 'INPUT_SAVE-CACHE': 'bad', INPUT_HOSTS: '' });
  const parts = direct
    .map((d) => {
      const all = [...closures.get(d)!].reduce((s, p) => s + (bytes.get(p) ?? 0), 0);
      const only = [...closures.get(d)!].filter((p) => direct.every((o) => o === d || !closures.get(o)!.has(p))).reduce((s, p) => s + (bytes.get(p) ?? 0), 0);
      return all ? `${d} ${kib(all)}/${kib(only)}` : '';
    })
    .filter(Boolean);
  console.log(`${entry}: ${kib(total)}; ${ms.toFixed(0)} ms (${(ms / bare).toFixed(1)}× node -e 0); pexship ${kib(bytes.get('pexship') ?? 0)}, ${parts.join(', ')}`);
}
