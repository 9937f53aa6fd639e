// The deploy action's `artifact` input: fetch a PEX uploaded earlier in this workflow run (by the build
// action, or upload-artifact) straight from the artifact service, without a download-artifact step.
import { mkdir, mkdtemp, readdir, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import { JobError, UsageError } from '../errors.js';
import { artifactServiceAvailable } from './artifacts.js';
import { resolvePexInput } from './pex-input.js';

export async function downloadPexArtifact(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!artifactServiceAvailable(env)) {
    throw new UsageError("input 'artifact' needs the artifact service of a GitHub Actions job, which this job does not have; give the PEX file in 'pex' instead.");
  }
  const client = new DefaultArtifactClient();
  let found;
  try {
    found = await client.getArtifact(name);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (/not found/i.test(text)) {
      throw new UsageError(`input 'artifact': no artifact named '${name}' in this workflow run; the build step's 'artifacts' output lists the names it uploaded.`);
    }
    throw new JobError(`could not look up the artifact '${name}': ${text}`);
  }
  const root = env.RUNNER_TEMP || os.tmpdir();
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, 'pexship-download-'));
  const result = await client.downloadArtifact(found.artifact.id, { path: dir, expectedHash: found.artifact.digest });
  if (result.digestMismatch) throw new JobError(`the artifact '${name}' downloaded with another sha256 than it was uploaded with; run the job again.`);
  // A bare artifact lands under the name the service announces; without one, give it the artifact's name.
  const entries = await readdir(dir);
  if (entries.length === 1 && !entries[0].endsWith('.pex') && name.endsWith('.pex')) {
    await rename(path.join(dir, entries[0]), path.join(dir, name));
  }
  const pex = await resolvePexInput(dir);
  core.info(`Downloaded the artifact '${name}' (id ${found.artifact.id}) to ${pex}`);
  return pex;
}
