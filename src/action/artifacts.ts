// One artifact per built PEX, uploaded as the bare file (no zip around it) so the deploy job gets a `.pex`.
import { copyFile, link, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactNotFoundError, DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import { JobError, UsageError } from '../errors.js';

export interface ArtifactPlan {
  platform: string;
  pexPath: string;
  /** The artifact's name, which is also the downloaded file's name. */
  name: string;
}

export interface UploadedArtifact extends ArtifactPlan {
  id: number;
  url?: string;
  size?: number;
}

// Characters the artifact service refuses in names (NTFS limits plus path separators).
const FORBIDDEN_IN_NAME = /[":<>|*?\r\n\\/]/;

/**
 * `artifact-name` with `{platform}` (the target) and `{file}` (the PEX file name) filled in; default the PEX
 * file name. A bare artifact is downloaded under its name, so the name keeps a `.pex` extension.
 */
export function artifactName(template: string | undefined, platform: string, pexPath: string): string {
  const file = path.basename(pexPath);
  let name = (template ?? '{file}').replaceAll('{platform}', platform).replaceAll('{file}', file);
  if (!name.endsWith('.pex')) name += '.pex';
  if (FORBIDDEN_IN_NAME.test(name)) {
    throw new UsageError(`artifact-name gives '${name}', which holds a character the artifact service refuses (" : < > | * ? \\ / or a line break); pick another name.`);
  }
  return name;
}

/** Names for every PEX of this step; two targets may not share a name. */
export function planArtifacts(template: string | undefined, pexes: { platform: string; path: string }[]): ArtifactPlan[] {
  const plans = pexes.map((pex) => ({ platform: pex.platform, pexPath: pex.path, name: artifactName(template, pex.platform, pex.path) }));
  const seen = new Map<string, string>();
  for (const plan of plans) {
    const other = seen.get(plan.name);
    if (other !== undefined) {
      throw new UsageError(
        `artifact-name '${template}' gives the same artifact name '${plan.name}' to targets ${other} and ${plan.platform}; put {platform} in it, e.g. 'app-{platform}.pex'.`,
      );
    }
    seen.set(plan.name, plan.platform);
  }
  return plans;
}

export function artifactServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

/** The run's artifact page, where the artifact can be downloaded by hand. */
export function artifactUrl(id: number, env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  return `${GITHUB_SERVER_URL || 'https://github.com'}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/artifacts/${id}`;
}

/** A bare artifact takes its file's name, so the PEX is staged under the artifact's name first. */
async function stage(plan: ArtifactPlan, root: string): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'artifact-'));
  const staged = path.join(dir, plan.name);
  try {
    await link(plan.pexPath, staged);
  } catch {
    await copyFile(plan.pexPath, staged);
  }
  return staged;
}

function explainUploadError(plan: ArtifactPlan, err: unknown): Error {
  const text = err instanceof Error ? err.message : String(err);
  if (/\(409\)|already exists/i.test(text)) {
    return new UsageError(
      `an artifact named '${plan.name}' already exists in this workflow run (an earlier attempt of this job, or another job or matrix entry, uploaded it). ` +
        `To replace it when a job is re-run, set 'overwrite: true'; to keep matrix entries apart, put {platform} or \${{ matrix.<key> }} in artifact-name, e.g. 'app-{platform}.pex'.`,
    );
  }
  return new JobError(`could not upload the artifact '${plan.name}': ${text}`);
}

/** `overwrite`: as upload-artifact does, delete the run's artifact of that name first (a re-run's, say). */
async function deleteExisting(client: DefaultArtifactClient, name: string): Promise<void> {
  try {
    const { id } = await client.deleteArtifact(name);
    core.info(`Deleted the artifact '${name}' (id ${id}) uploaded earlier in this run, to replace it.`);
  } catch (err) {
    if (err instanceof ArtifactNotFoundError) return;
    throw new JobError(`could not delete the existing artifact '${name}' to overwrite it: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface UploadOptions {
  retentionDays?: number;
  /** Replace an artifact of the same name in this run instead of failing. */
  overwrite?: boolean;
}

export async function uploadArtifacts(plans: ArtifactPlan[], options: UploadOptions, env: NodeJS.ProcessEnv = process.env): Promise<UploadedArtifact[]> {
  const client = new DefaultArtifactClient();
  const root = env.RUNNER_TEMP || os.tmpdir();
  await mkdir(root, { recursive: true });
  const uploaded: UploadedArtifact[] = [];
  for (const plan of plans) {
    const staged = await stage(plan, root);
    if (options.overwrite) await deleteExisting(client, plan.name);
    let result;
    try {
      result = await client.uploadArtifact(plan.name, [staged], path.dirname(staged), { skipArchive: true, retentionDays: options.retentionDays });
    } catch (err) {
      throw explainUploadError(plan, err);
    }
    if (result.id === undefined) throw new JobError(`the artifact service did not return an id for '${plan.name}'.`);
    const url = artifactUrl(result.id, env);
    core.info(`Uploaded ${plan.name} (artifact ${result.id}${url ? `, ${url}` : ''}).`);
    uploaded.push({ ...plan, id: result.id, url, size: result.size });
  }
  return uploaded;
}
