// The one place where action inputs become the core's BuildRequest (DESIGN §2 names on both sides).
import type { BuildRequest } from '../core/build.js';
import type { IndexOptions } from '../core/inputs.js';
import type { BuildInputs } from './build-inputs.js';

export function toBuildRequest(inputs: BuildInputs, cacheDir: string): BuildRequest {
  const index: Partial<IndexOptions> = {
    extraIndexUrls: inputs.extraIndexUrls,
    findLinks: inputs.findLinks,
    noIndex: inputs.noIndex,
  };
  // Only when given: an explicit undefined would override the core's default index.
  if (inputs.indexUrl !== undefined) index.indexUrl = inputs.indexUrl;
  return {
    requirements: inputs.requirements,
    requirementFiles: inputs.requirementsFiles,
    constraintFiles: inputs.constraintsFiles,
    project: inputs.project,
    lock: inputs.lockFile,
    sourcesDirs: inputs.sources,
    entryPoint: inputs.entryPoint,
    script: inputs.script,
    platforms: inputs.platforms,
    completePlatforms: inputs.completePlatforms,
    index,
    pre: inputs.pre,
    maxConnections: inputs.maxConnections,
    refresh: inputs.refresh,
    output: inputs.output,
    shebang: inputs.pythonShebang,
    interpreterConstraints: inputs.interpreterConstraints,
    inheritPath: inputs.inheritPath,
    venv: inputs.venv,
    venvBinPath: inputs.venvBinPath,
    compress: inputs.compress,
    layout: inputs.layout,
    compile: inputs.compile,
    shBoot: inputs.shBoot,
    injectArgs: inputs.injectArgs,
    injectEnv: inputs.injectEnv,
    pexPath: inputs.pexPath,
    excludes: inputs.excludes,
    overrides: inputs.overrides,
    transitive: !inputs.noTransitive,
    // The wheel cache the action restores and saves: the core downloads into it and reads from it.
    cacheDir,
  };
}
