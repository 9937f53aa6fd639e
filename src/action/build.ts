// Entry point of the build action (action.yml → dist/action-build.js): inputs → core build → outputs,
// with the wheel cache restored before and saved after, one artifact per PEX, and a job summary.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { build, type BuildSummary } from '../core/build.js';
import { secretsOf } from '../index/auth.js';
import { artifactServiceAvailable, planArtifacts, uploadArtifacts, type UploadedArtifact } from './artifacts.js';
import { readBuildInputs, type BuildInputs } from './build-inputs.js';
import { toBuildRequest } from './build-request.js';
import { runAction } from './failure.js';
import { actionsProgress } from './progress.js';
import { maskIndexEnvironment, maskSecret, maskUrlCredentials } from './secrets.js';
import { summaryMarkdown } from './summary.js';
import { cacheKeys, cacheServiceAvailable, restoreWheelCache, saveWheelCache, shouldSave, wheelCacheDir } from './wheel-cache.js';

/** Masks every credential the inputs can carry, before anything is logged. */
async function maskBuildSecrets(inputs: BuildInputs): Promise<void> {
  const urls = [inputs.indexUrl, ...inputs.extraIndexUrls, ...inputs.findLinks].filter((u): u is string => u !== undefined);
  maskUrlCredentials([...urls, ...inputs.requirements]);
  maskIndexEnvironment();
  for (const secret of secretsOf(urls)) maskSecret(secret);
  // Requirements files may carry `--index-url https://user:token@…` lines.
  for (const file of [...inputs.requirementsFiles, ...inputs.constraintsFiles]) {
    try {
      maskUrlCredentials([await readFile(file, 'utf8')]);
    } catch {
      // A missing file is reported by the build with its name.
    }
  }
}

function setBuildOutputs(result: BuildSummary): void {
  const paths = result.pexes.map((pex) => path.resolve(pex.path));
  const first = result.pexes[0];
  core.setOutput('pex-path', paths[0] ?? '');
  core.setOutput('pex-paths', JSON.stringify(paths));
  core.setOutput('sha256', first?.sha256 ?? '');
  core.setOutput('pex-hash', first?.pexHash ?? '');
}

function setArtifactOutputs(artifacts: UploadedArtifact[]): void {
  core.setOutput('artifact-name', artifacts[0]?.name ?? '');
  core.setOutput('artifact-id', artifacts[0] ? String(artifacts[0].id) : '');
  core.setOutput('artifact-url', artifacts[0]?.url ?? '');
  core.setOutput('artifacts', JSON.stringify(artifacts.map((a) => ({ platform: a.platform, name: a.name, id: a.id, url: a.url ?? null }))));
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function main(): Promise<void> {
  const inputs = readBuildInputs();
  await maskBuildSecrets(inputs);

  const cacheDir = wheelCacheDir();
  await mkdir(cacheDir, { recursive: true });
  const keys = await cacheKeys(inputs);
  let cacheHit: boolean | undefined;
  let cacheNote = "the 'cache' input is false";
  let exactHit = false;
  if (inputs.cache) {
    await core.group('Restore the wheel cache', async () => {
      core.info(`Wheel cache: ${cacheDir}; key ${keys.primary}`);
      if (!cacheServiceAvailable()) {
        cacheNote = 'no cache service in this job';
      }
      const restored = await restoreWheelCache(cacheDir, keys);
      exactHit = restored.exactHit;
      if (cacheServiceAvailable()) {
        cacheHit = restored.exactHit;
        cacheNote = restored.matchedKey ? 'partial match' : 'first run for this key';
      }
    });
  }
  core.setOutput('cache-hit', String(exactHit));

  const request = toBuildRequest(inputs, cacheDir);
  const progress = actionsProgress();
  const result = await core.group('Build', () => build(request, progress)).finally(() => progress.close());
  setBuildOutputs(result);
  for (const pex of result.pexes) core.info(`${pex.platform}: ${pex.path} (${pex.size} bytes, sha256 ${pex.sha256})`);

  if (inputs.cache && !exactHit) {
    await core.group('Save the wheel cache', async () => {
      const decision = await shouldSave(inputs.saveCache);
      if (!decision.save) core.info(`Not saving the wheel cache: ${decision.reason}.`);
      else if (cacheServiceAvailable()) await saveWheelCache(cacheDir, keys);
    });
  }

  let artifacts: UploadedArtifact[] = [];
  try {
    if (inputs.uploadArtifact) {
      const plans = planArtifacts(inputs.artifactName, result.pexes);
      if (!artifactServiceAvailable()) {
        core.warning('The GitHub artifact service is not available to this job (ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set), so no artifact was uploaded.');
      } else {
        artifacts = await core.group('Upload artifacts', () => uploadArtifacts(plans, { retentionDays: inputs.retentionDays, overwrite: inputs.overwrite }));
      }
    }
  } finally {
    setArtifactOutputs(artifacts);
    await writeSummary(summaryMarkdown(result, { cacheHit, cacheNote, artifacts }));
  }
}

await runAction(main);
