// The deploy action's `artifact` input: fetch a PEX uploaded by the build action (or upload-artifact) straight
// from the artifact service, without a download-artifact step: from this workflow run, or, with `run-id`,
// from another run (of this or another repository) through the REST API, as download-artifact v4+ does.
import { mkdir, mkdtemp, readdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactNotFoundError, DefaultArtifactClient, type FindOptions } from '@actions/artifact';
import * as core from '@actions/core';
import { JobError, UsageError } from '../errors.js';
import { artifactServiceAvailable, artifactUrl } from './artifacts.js';
import { resolvePexInput } from './pex-input.js';

/** Where to look for the artifact: this run (no `findBy`), or another run through the REST API. */
export interface ArtifactSource {
  runId?: number;
  token?: string;
  /** `owner/name`; default this repository. */
  repository?: string;
}

/** The library's `findBy` for another run; undefined for this run. Names the input at fault. */
export function findOptions(source: ArtifactSource, env: NodeJS.ProcessEnv = process.env): FindOptions['findBy'] {
  if (source.runId === undefined) {
    if (source.repository) throw new UsageError("input 'repository' names another repository's run; give that run's id in 'run-id' (and a token in 'github-token').");
    return undefined;
  }
  if (!source.token) {
    throw new UsageError(
      "input 'run-id' fetches the artifact of another run through the GitHub API, which needs 'github-token': ${{ github.token }} with 'permissions: actions: read' for this repository, or a token with actions:read on the other one.",
    );
  }
  const repository = source.repository ?? env.GITHUB_REPOSITORY;
  const [owner, name, ...rest] = (repository ?? '').split('/');
  if (!owner || !name || rest.length > 0) {
    throw new UsageError(`input 'repository' is '${repository ?? ''}'; use owner/name, e.g. octo-org/app.`);
  }
  return { token: source.token, workflowRunId: source.runId, repositoryOwner: owner, repositoryName: name };
}

export interface DownloadedPex {
  pex: string;
  /** The artifact's page, for the job summary. */
  url?: string;
}

export async function downloadPexArtifact(name: string, source: ArtifactSource = {}, env: NodeJS.ProcessEnv = process.env): Promise<DownloadedPex> {
  const findBy = findOptions(source, env);
  if (!findBy && !artifactServiceAvailable(env)) {
    throw new UsageError("input 'artifact' needs the artifact service of a GitHub Actions job, which this job does not have; give the PEX file in 'pex' instead.");
  }
  const where = findBy ? `run ${findBy.workflowRunId} of ${findBy.repositoryOwner}/${findBy.repositoryName}` : 'this workflow run';
  const client = new DefaultArtifactClient();
  let found;
  try {
    found = await client.getArtifact(name, { findBy });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (err instanceof ArtifactNotFoundError || /not found/i.test(text)) {
      throw new UsageError(`input 'artifact': no artifact named '${name}' in ${where} (or it expired); the build step's 'artifact-name' output says the name it uploaded.`);
    }
    if (findBy && /\b(401|403)\b|Bad credentials|Resource not accessible/i.test(text)) {
      throw new UsageError(`input 'github-token' may not read the artifacts of ${where} (${text}); it needs actions:read there ('permissions: actions: read' for github.token).`);
    }
    throw new JobError(`could not look up the artifact '${name}' in ${where}: ${text}`);
  }
  const root = env.RUNNER_TEMP || os.tmpdir();
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, 'pexship-download-'));
  let result;
  try {
    result = await client.downloadArtifact(found.artifact.id, { path: dir, expectedHash: found.artifact.digest, findBy });
  } catch (err) {
    throw new JobError(`could not download the artifact '${name}' from ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (result.digestMismatch) throw new JobError(`the artifact '${name}' downloaded with another sha256 than it was uploaded with; run the job again.`);
  // A bare artifact lands under the name the service announces; without one, give it the artifact's name.
  const entries = await readdir(dir);
  if (entries.length === 1 && !entries[0].endsWith('.pex') && name.endsWith('.pex')) {
    await rename(path.join(dir, entries[0]), path.join(dir, name));
  }
  const pex = await resolvePexInput(dir);
  core.info(`Downloaded the artifact '${name}' (id ${found.artifact.id}) from ${where} to ${pex}`);
  const repository = findBy ? `${findBy.repositoryOwner}/${findBy.repositoryName}` : env.GITHUB_REPOSITORY;
  const runId = findBy ? String(findBy.workflowRunId) : env.GITHUB_RUN_ID;
  return { pex, url: artifactUrl(found.artifact.id, { ...env, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId }) };
}
