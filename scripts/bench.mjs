// `npm run bench [name…]`: bundles each bench/<name>.ts with esbuild (same settings as dist/) and runs it with node.
// Each bench prints its own measurements and ratios against the reference it measures in the same run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleOptions, ENTRY_POINTS } from './bundle-options.mjs';

const wanted = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
if (benches.length === 0) {
  console.error(`bench: nothing to run (asked for ${wanted.join(', ') || 'all'}; have ${readdirSync('bench').join(', ')})`);
  process.exit(2);
}
const outdir = path.resolve('.bench/bundled');
mkdirSync(outdir, { recursive: true });
// The CLI as of this tree, bundled as dist/ is (dist/ itself is rebundled only for releases).
const cliDir = path.resolve('.bench/dist');
rmSync(cliDir, { recursive: true, force: true });
await build(bundleOptions({ cli: ENTRY_POINTS.cli }, cliDir));
process.env.PEXSHIP_BENCH_CLI ??= path.join(cliDir, 'cli.js');
let failed = 0;
for (const name of benches) {
  await build({
    entryPoints: [`bench/${name}.ts`],
    outfile: path.join(outdir, `${name}.mjs`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    loader: { '.py': 'text' },
    external: ['cpu-features', '*.node'],
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(process.execPath, [path.join(outdir, `${name}.mjs`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
