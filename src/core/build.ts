/**
 * `build`: inputs → one PEX per target. Shared by the CLI and the GitHub Action.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { buildPex, type BuildPexResult, type InheritPath } from '../pex/build.js';
import type { Progress } from './progress.js';

export interface BuildRequest {
  /** Positional requirements: wheel paths for now (PEP 508 strings arrive with the resolver). */
  requirements: string[];
  sourcesDirs: string[];
  entryPoint?: string;
  script?: string;
  /** `-o`; may hold `{platform}` and `{name}`. */
  output?: string;
  shebang?: string;
  interpreterConstraints: string[];
  inheritPath: InheritPath;
  venv: boolean;
  compress: boolean;
  noIndex: boolean;
}

export interface BuildSummary {
  pexes: (BuildPexResult & { platform: string; seconds: number })[];
}

const INTERPRETER_CONSTRAINT = /^(CPython|PyPy)?\s*((?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*(?:,\s*(?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*)*)?$/;

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Name for `{name}` in the output path: the entry point's top module, the script, or `app`. */
function pexName(req: BuildRequest): string {
  if (req.script) return req.script;
  if (req.entryPoint) return req.entryPoint.split(/[.:]/)[0];
  return 'app';
}

export async function build(req: BuildRequest, progress: Progress): Promise<BuildSummary> {
  for (const ic of req.interpreterConstraints) {
    if (!INTERPRETER_CONSTRAINT.test(ic.trim()) || ic.trim() === '') {
      throw new UsageError(`--interpreter-constraint '${ic}' is not of the form CPython>=3.9,<3.14 (an implementation name and/or PEP 440 specifiers).`);
    }
  }
  const wheels: string[] = [];
  for (const r of req.requirements) {
    if (r.endsWith('.whl')) {
      if (!(await isFile(r))) throw new UsageError(`wheel ${r} does not exist; check the path.`);
      wheels.push(r);
    } else {
      throw new UsageError(`requirement '${r}' needs the resolver, which is not available yet; give wheel files (.whl) instead.`);
    }
  }
  const platform = 'current';
  const output = (req.output ?? path.join('dist', '{name}-{platform}.pex')).replaceAll('{platform}', platform).replaceAll('{name}', pexName(req));
  progress.step(`build ${output} from ${wheels.length} wheel${wheels.length === 1 ? '' : 's'}`);
  const started = performance.now();
  const result = await buildPex({
    wheels,
    sourcesDirs: req.sourcesDirs,
    entryPoint: req.entryPoint,
    script: req.script,
    output,
    shebang: req.shebang,
    interpreterConstraints: req.interpreterConstraints,
    inheritPath: req.inheritPath,
    venv: req.venv,
    compress: req.compress,
    requirements: req.requirements,
  });
  return { pexes: [{ ...result, platform, seconds: (performance.now() - started) / 1000 }] };
}
