/**
 * Building a pure-Python pyproject project (hatchling, src layout, 40 modules plus package data) into a wheel:
 * pexship's native path, pexship's PEP 517 path (isolated venv; cold = the build environment made first,
 * warm = reused), and `pip wheel --no-deps` (pip's own build isolation), all in the same run, offline: the
 * backend comes from test/fixtures/build-backends.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IndexClient } from '../src/index/index.js';
import { currentTarget } from '../src/python/platform.js';
import { buildProjectWheel } from '../src/project/build.js';
import { readProject } from '../src/resolve/pyproject.js';

const BACKENDS = path.resolve('test/fixtures/build-backends');
const PYTHON = spawnSync(process.env.PEXSHIP_BENCH_PYTHON ?? 'python3.11', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim();
const RUNS = Number(process.env.PEXSHIP_BENCH_RUNS ?? 5);
if (!PYTHON) {
  console.log('project bench: no python3.11 (set PEXSHIP_BENCH_PYTHON to a CPython 3.10+). Skipped.');
  process.exit(0);
}

const work = mkdtempSync(path.join(tmpdir(), 'pexship-bench-project-'));
const dir = path.join(work, 'svc');
const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};
put(
  'pyproject.toml',
  '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "svc"\nversion = "1.0.0"\nreadme = "README.md"\nrequires-python = ">=3.9"\ndependencies = ["click>=8", "requests>=2"]\n\n[project.optional-dependencies]\nfast = ["orjson"]\n\n[project.scripts]\nsvc = "svc.cli:main"\n',
);
put('README.md', '# svc\n\nA service.\n');
put('LICENSE', 'MIT\n');
put('src/svc/__init__.py', '');
put('src/svc/cli.py', 'def main():\n    print("svc")\n');
for (let i = 0; i < 40; i++) put(`src/svc/mod${i}.py`, `# module ${i}\n` + 'def f(x):\n    return x * 2\n'.repeat(50));
put('src/svc/templates/index.html', '<html></html>\n');

const project = await readProject(dir);
const target = await currentTarget(PYTHON);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let edit = 0;
/** A change to one module, so the content hash differs and no earlier build is reused. */
const touch = () => put('src/svc/cli.py', `def main():\n    print("svc")\n# ${edit++}\n`);

async function pexship(forcePep517: boolean, cacheDir: string): Promise<number> {
  const client = new IndexClient({ noIndex: true, findLinks: [BACKENDS], extraIndexUrls: [], cacheDir });
  try {
    const t = performance.now();
    const built = await buildProjectWheel({ project, targets: [target], client, cacheDir, interpreters: [PYTHON], log: () => {}, forcePep517 });
    const ms = performance.now() - t;
    if (built.how !== (forcePep517 ? 'pep517' : 'native')) throw new Error(`expected ${forcePep517 ? 'pep517' : 'native'}, got ${built.how}: ${built.reason}`);
    return ms;
  } finally {
    await client.close();
  }
}

const native: number[] = [];
const pep517Warm: number[] = [];
const pip: number[] = [];
const envCache = path.join(work, 'cache-warm');
touch();
const pep517Cold = await pexship(true, path.join(work, 'cache-cold'));
for (let i = 0; i < RUNS; i++) {
  touch();
  native.push(await pexship(false, path.join(work, `cache-native-${i}`)));
  touch();
  pep517Warm.push(await pexship(true, envCache));
  touch();
  const out = path.join(work, `pip-${i}`);
  const t = performance.now();
  const r = spawnSync(PYTHON, ['-m', 'pip', 'wheel', '--no-deps', '--no-index', '-f', BACKENDS, '-w', out, '-q', dir], { encoding: 'utf8', env: { ...process.env, PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1' } });
  if (r.status !== 0) throw new Error(`pip wheel failed:\n${r.stderr}`);
  pip.push(performance.now() - t);
}
rmSync(work, { recursive: true, force: true });

const n = median(native);
const w = median(pep517Warm);
const p = median(pip);
const row = (label: string, ms: number) => console.log(`  ${label.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms   ${(p / ms).toFixed(1).padStart(7)}x pip`);
console.log(`project build (hatchling, src layout, 42 files; ${PYTHON}; median of ${RUNS})`);
row('pexship native', n);
row('pexship PEP 517, build environment reused', w);
row('pexship PEP 517, build environment made (1 run)', pep517Cold);
row('pip wheel --no-deps (its own build isolation)', p);
console.log(`  native vs PEP 517 (warm): ${(w / n).toFixed(0)}x faster`);
