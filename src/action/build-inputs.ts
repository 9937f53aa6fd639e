// The build action's inputs (action.yml), read once into a plain object that the rest of the action uses.
import { UsageError } from '../errors.js';
import { booleanInput, choiceInput, integerInput, listInput, optionalInput } from './inputs.js';
import type { InheritPath, VenvBinPath } from '../pex/build.js';
import { LAYOUTS, type Layout } from '../pex/layout.js';

export type SaveCachePolicy = 'auto' | 'always' | 'never';

export interface BuildInputs {
  requirements: string[];
  requirementsFiles: string[];
  constraintsFiles: string[];
  project?: string;
  lockFile?: string;
  sources: string[];
  entryPoint?: string;
  script?: string;
  platforms: string[];
  completePlatforms: string[];
  pythonShebang?: string;
  interpreterConstraints: string[];
  indexUrl?: string;
  extraIndexUrls: string[];
  findLinks: string[];
  noIndex: boolean;
  pre: boolean;
  maxConnections?: number;
  refresh?: boolean;
  venv: boolean;
  inheritPath: InheritPath;
  compress: boolean;
  /** pex's flags (issue 9): optional so callers that predate them still type-check. */
  venvBinPath?: VenvBinPath;
  layout?: Layout;
  compile?: boolean;
  shBoot?: boolean;
  injectArgs?: string[];
  injectEnv?: string[];
  pexPath?: string[];
  excludes?: string[];
  overrides?: string[];
  noTransitive?: boolean;
  output?: string;
  cache: boolean;
  saveCache: SaveCachePolicy;
  uploadArtifact: boolean;
  artifactName?: string;
  retentionDays?: number;
  overwrite: boolean;
}

export function readBuildInputs(): BuildInputs {
  const venv = choiceInput('venv', ['false', 'true', 'prepend', 'append'] as const, 'false');
  const layout = choiceInput('layout', LAYOUTS, 'zipapp');
  const uploadArtifact = booleanInput('upload-artifact', true);
  if (layout !== 'zipapp' && uploadArtifact) {
    // Artifacts here are single bare files; a directory PEX would need a zip around it.
    throw new UsageError(`input 'layout' is '${layout}', a directory, and artifacts are uploaded as single .pex files; set upload-artifact: false (and archive or copy the directory yourself), or use layout: zipapp.`);
  }
  return {
    requirements: listInput('requirements'),
    requirementsFiles: listInput('requirements-file'),
    constraintsFiles: listInput('constraints-file'),
    project: optionalInput('project'),
    lockFile: optionalInput('lock-file'),
    sources: listInput('sources'),
    entryPoint: optionalInput('entry-point'),
    script: optionalInput('script'),
    platforms: listInput('platforms'),
    completePlatforms: listInput('complete-platforms'),
    pythonShebang: optionalInput('python-shebang'),
    interpreterConstraints: listInput('interpreter-constraints'),
    indexUrl: optionalInput('index-url'),
    extraIndexUrls: listInput('extra-index-urls'),
    findLinks: listInput('find-links'),
    noIndex: booleanInput('no-index', false),
    pre: booleanInput('pre', false),
    maxConnections: integerInput('max-connections', 1),
    refresh: booleanInput('refresh', false),
    venv: venv !== 'false',
    venvBinPath: venv === 'prepend' || venv === 'append' ? venv : undefined,
    layout,
    compile: booleanInput('compile', false),
    shBoot: booleanInput('sh-boot', false),
    injectArgs: listInput('inject-args'),
    injectEnv: listInput('inject-env'),
    pexPath: listInput('pex-path'),
    excludes: listInput('exclude'),
    overrides: listInput('override'),
    noTransitive: booleanInput('no-transitive', false),
    inheritPath: choiceInput('inherit-path', ['false', 'prefer', 'fallback'] as const, 'false'),
    compress: booleanInput('compress', true),
    output: optionalInput('output'),
    cache: booleanInput('cache', true),
    saveCache: choiceInput('save-cache', ['auto', 'always', 'never'] as const, 'auto'),
    uploadArtifact,
    artifactName: optionalInput('artifact-name'),
    retentionDays: integerInput('retention-days', 1),
    overwrite: booleanInput('overwrite', false),
  };
}
