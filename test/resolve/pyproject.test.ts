import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseProjectSpec, readProject } from '../../src/resolve/pyproject.js';

const PROJECT = path.join(import.meta.dirname, '../fixtures/inputs/project');

function project(toml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pexship-proj-'));
  writeFileSync(path.join(dir, 'pyproject.toml'), toml);
  return dir;
}

async function refusal(spec: string): Promise<string> {
  const err = await readProject(spec).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UsageError);
  return (err as Error).message;
}

describe('parseProjectSpec', () => {
  it('splits DIR[extras] and normalises extra names', () => {
    expect(parseProjectSpec('.')).toEqual({ dir: '.', extras: [] });
    expect(parseProjectSpec('app[Postgres, metrics]')).toEqual({ dir: 'app', extras: ['postgres', 'metrics'] });
    expect(parseProjectSpec('weird[dir]/app')).toEqual({ dir: 'weird[dir]/app', extras: [] });
    expect(() => parseProjectSpec('app[bad extra!]')).toThrow(/not a valid extra name/);
  });
});

describe('readProject', () => {
  it('reads name, version, dependencies, requires-python, scripts and dependency groups', async () => {
    const p = await readProject(PROJECT);
    expect(p.name).toBe('Demo_App');
    expect(p.version).toBe('0.3.1');
    expect(p.requiresPython).toBe('>=3.9');
    expect(p.dependencies.map(String)).toEqual(['flask>=3', 'requests[socks]>=2.31; python_version >= "3.9"']);
    expect(p.scripts).toEqual({ demo: 'demo_app.cli:main', 'demo-worker': 'demo_app.worker:run' });
    expect(p.dir).toBe(PROJECT);
    expect(p.file).toBe(path.join(PROJECT, 'pyproject.toml'));
    expect(Object.fromEntries(Object.entries(p.dependencyGroups).map(([k, v]) => [k, v.map(String)]))).toEqual({
      test: ['pytest>=8', 'ruff'],
      lint: ['ruff'],
    });
  });

  it('adds the optional dependencies of requested extras, expanding self-references', async () => {
    const one = await readProject(`${PROJECT}[postgres]`);
    expect(one.extras).toEqual(['postgres']);
    expect(one.dependencies.map(String)).toEqual(['flask>=3', 'requests[socks]>=2.31; python_version >= "3.9"', 'psycopg[binary]>=3.1']);
    const all = await readProject(`${PROJECT}[all]`);
    expect(all.dependencies.map((r) => r.name)).toEqual(['flask', 'requests', 'prometheus-client', 'psycopg']);
  });

  it('accepts the pyproject.toml path itself', async () => {
    expect((await readProject(path.join(PROJECT, 'pyproject.toml'))).name).toBe('Demo_App');
  });

  it('refuses an unknown extra, listing the defined ones', async () => {
    expect(await refusal(`${PROJECT}[gpu]`)).toMatch(/extra "gpu" is not defined in \[project.optional-dependencies\] \(it defines: Postgres, metrics, all\)/);
  });

  it('refuses a missing file, a missing [project], and bad requirements', async () => {
    expect(await refusal(path.join(PROJECT, 'nope'))).toMatch(/cannot read .*nope.pyproject\.toml: there is no such file; point --project at the directory/);
    expect(await refusal(project('[tool.black]\nline-length = 100\n'))).toMatch(/pyproject\.toml: there is no \[project\] table/);
    expect(await refusal(project('[project]\nversion = "1"\n'))).toMatch(/\[project\]\.name is missing/);
    expect(await refusal(project('[project]\nname = "x"\ndependencies = ["ok", "not valid ]["]\n'))).toMatch(/\[project\]\.dependencies\[1\] "not valid \]\[" is not a valid requirement/);
    expect(await refusal(project('[project\nname = "x"\n'))).toMatch(/is not valid TOML/);
  });

  it('accepts dynamic dependencies: the built wheel metadata names them', async () => {
    const p = await readProject(project('[project]\nname = "x"\ndynamic = ["dependencies", "version"]\n'));
    expect(p.dependencies).toEqual([]);
    expect(p.doc.project).toMatchObject({ name: 'x' });
  });

  it('leaves version undefined when it is dynamic', async () => {
    const p = await readProject(project('[project]\nname = "x"\ndynamic = ["version"]\ndependencies = ["six"]\n'));
    expect(p.version).toBeUndefined();
    expect(p.dependencies.map(String)).toEqual(['six']);
    expect(p.scripts).toEqual({});
  });
});
