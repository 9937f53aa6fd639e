// The one place where action inputs become the core's BuildRequest (DESIGN §2 names on both sides).
import { UsageError } from '../errors.js';
import type { BuildRequest } from '../core/build.js';
import type { BuildInputs } from './build-inputs.js';

/**
 * Inputs whose BuildRequest fields the core does not have yet. Using one is a usage error naming the input,
 * rather than a build that silently ignores it.
 */
function rejectUnsupported(inputs: BuildInputs): void {
  const unsupported: [string, boolean][] = [
    ['requirements-file', inputs.requirementsFiles.length > 0],
    ['constraints-file', inputs.constraintsFiles.length > 0],
    ['project', inputs.project !== undefined],
    ['lock-file', inputs.lockFile !== undefined],
    ['platforms', inputs.platforms.some((p) => p !== 'current')],
    ['complete-platforms', inputs.completePlatforms.length > 0],
    ['index-url', inputs.indexUrl !== undefined],
    ['extra-index-urls', inputs.extraIndexUrls.length > 0],
    ['find-links', inputs.findLinks.length > 0],
    ['pre', inputs.pre],
  ];
  for (const [name, used] of unsupported) {
    if (used) throw new UsageError(`input '${name}' needs the resolver, which this version of pexship does not have yet; give wheel files in 'requirements' instead.`);
  }
}

// `cacheDir` becomes the core's wheel cache directory once BuildRequest has the field; until then the action
// still restores and saves the directory so the cache key and paths stay stable across versions.
export function toBuildRequest(inputs: BuildInputs, _cacheDir: string): BuildRequest {
  rejectUnsupported(inputs);
  return {
    requirements: inputs.requirements,
    sourcesDirs: inputs.sources,
    entryPoint: inputs.entryPoint,
    script: inputs.script,
    output: inputs.output,
    shebang: inputs.pythonShebang,
    interpreterConstraints: inputs.interpreterConstraints,
    inheritPath: inputs.inheritPath,
    venv: inputs.venv,
    compress: inputs.compress,
    noIndex: inputs.noIndex,
  };
}
