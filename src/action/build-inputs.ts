// The build action's inputs (action.yml), read once into a plain object that the rest of the action uses.
import { booleanInput, choiceInput, integerInput, listInput, optionalInput } from './inputs.js';
import type { InheritPath } from '../pex/build.js';

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
  venv: boolean;
  inheritPath: InheritPath;
  compress: boolean;
  output?: string;
  cache: boolean;
  saveCache: SaveCachePolicy;
  uploadArtifact: boolean;
  artifactName?: string;
  retentionDays?: number;
  overwrite: boolean;
}

export function readBuildInputs(): BuildInputs {
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
    venv: booleanInput('venv', false),
    inheritPath: choiceInput('inherit-path', ['false', 'prefer', 'fallback'] as const, 'false'),
    compress: booleanInput('compress', true),
    output: optionalInput('output'),
    cache: booleanInput('cache', true),
    saveCache: choiceInput('save-cache', ['auto', 'always', 'never'] as const, 'auto'),
    uploadArtifact: booleanInput('upload-artifact', true),
    artifactName: optionalInput('artifact-name'),
    retentionDays: integerInput('retention-days', 1),
    overwrite: booleanInput('overwrite', false),
  };
}
