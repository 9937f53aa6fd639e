import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  artifactServiceAvailable,
  artifactUrl
} from "./chunk-DHMSRDLA.js";
import {
  resolvePexInput
} from "./chunk-2FTNYXF6.js";
import {
  info
} from "./chunk-TM6NIW73.js";
import {
  JobError,
  UsageError
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/action/artifact-download.ts
import { mkdir, mkdtemp, readdir, rename } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
function findOptions(source, env = process.env) {
  if (source.runId === void 0) {
    if (source.repository) throw new UsageError("input 'repository' names another repository's run; give that run's id in 'run-id' (and a token in 'github-token').");
    return void 0;
  }
  if (!source.token) {
    throw new UsageError(
      "input 'run-id' fetches the artifact of another run through the GitHub API, which needs 'github-token': ${{ github.token }} with 'permissions: actions: read' for this repository, or a token with actions:read on the other one."
    );
  }
  const repository = source.repository ?? env.GITHUB_REPOSITORY;
  const [owner, name, ...rest] = (repository ?? "").split("/");
  if (!owner || !name || rest.length > 0) {
    throw new UsageError(`input 'repository' is '${repository ?? ""}'; use owner/name, e.g. octo-org/app.`);
  }
  return { token: source.token, workflowRunId: source.runId, repositoryOwner: owner, repositoryName: name };
}
async function downloadPexArtifact(name, source = {}, env = process.env) {
  const findBy = findOptions(source, env);
  if (!findBy && !artifactServiceAvailable(env)) {
    throw new UsageError("input 'artifact' needs the artifact service of a GitHub Actions job, which this job does not have; give the PEX file in 'pex' instead.");
  }
  const where = findBy ? `run ${findBy.workflowRunId} of ${findBy.repositoryOwner}/${findBy.repositoryName}` : "this workflow run";
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
  const dir = await mkdtemp(path.join(root, "pexship-download-"));
  let result;
  try {
    result = await client.downloadArtifact(found.artifact.id, { path: dir, expectedHash: found.artifact.digest, findBy });
  } catch (err) {
    throw new JobError(`could not download the artifact '${name}' from ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (result.digestMismatch) throw new JobError(`the artifact '${name}' downloaded with another sha256 than it was uploaded with; run the job again.`);
  const entries = await readdir(dir);
  if (entries.length === 1 && !entries[0].endsWith(".pex") && name.endsWith(".pex")) {
    await rename(path.join(dir, entries[0]), path.join(dir, name));
  }
  const pex = await resolvePexInput(dir);
  info(`Downloaded the artifact '${name}' (id ${found.artifact.id}) from ${where} to ${pex}`);
  const repository = findBy ? `${findBy.repositoryOwner}/${findBy.repositoryName}` : env.GITHUB_REPOSITORY;
  const runId = findBy ? String(findBy.workflowRunId) : env.GITHUB_RUN_ID;
  return { pex, url: artifactUrl(found.artifact.id, { ...env, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId }) };
}
export {
  downloadPexArtifact,
  findOptions
};
