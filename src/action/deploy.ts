// Entry point of the deploy action (deploy/action.yml → dist/action-deploy.js).
import * as core from '@actions/core';
import { deploy } from '../deploy/index.js';
import { readConnectionInputs, readHostCommands } from './connection-inputs.js';
import { runAction } from './failure.js';
import { FleetLog, reportFleet, type DeployedArtifact } from './fleet-report.js';
import { UsageError } from '../errors.js';
import { booleanInput, integerInput, optionalInput } from './inputs.js';
import { resolvePexInput } from './pex-input.js';
import { maskSecret } from './secrets.js';

/** Exactly one of `pex` (a path) and `artifact` (a name in this or another run) says what to deploy. */
async function pexToDeploy(): Promise<{ pexFile: string; artifact?: DeployedArtifact }> {
  const token = optionalInput('github-token');
  maskSecret(token);
  const pex = optionalInput('pex');
  const artifact = optionalInput('artifact');
  const source = { runId: integerInput('run-id', 1), token, repository: optionalInput('repository') };
  if (pex && artifact) throw new UsageError("inputs 'pex' and 'artifact' both name a PEX; give one of them.");
  if (artifact) {
    // Loaded only here: the artifact client is most of the bundle and of its start-up time.
    const { downloadPexArtifact } = await import('./artifact-download.js');
    const downloaded = await core.group('Download the artifact', () => downloadPexArtifact(artifact, source));
    return { pexFile: downloaded.pex, artifact: { name: artifact, url: downloaded.url } };
  }
  if (!pex) throw new UsageError("give the PEX to deploy: 'pex' (a path) or 'artifact' (the name of an artifact of this run, or of 'run-id').");
  if (source.runId !== undefined) throw new UsageError("input 'run-id' says which run's artifact to deploy; use it with 'artifact', not 'pex'.");
  return { pexFile: await resolvePexInput(pex) };
}

async function main(): Promise<void> {
  const connection = readConnectionInputs();
  const commands = readHostCommands();
  const { pexFile, artifact } = await pexToDeploy();
  const options = {
    ...connection,
    ...commands,
    pexFile,
    name: optionalInput('name'),
    keep: integerInput('keep', 1),
    preWarm: booleanInput('pre-warm', true),
    batch: integerInput('batch', 1),
    canary: booleanInput('canary', false),
    rollbackOnFailure: booleanInput('rollback-on-failure', true),
    maxFail: optionalInput('max-fail'),
    dryRun: booleanInput('dry-run', false),
    gitSha: process.env.GITHUB_SHA,
  };
  core.info(`Deploying ${pexFile} to ${connection.hosts.join(', ')} under ${connection.path}`);
  const log = new FleetLog();
  const result = await core.group('Deploy', () => deploy(options, log.event));
  await reportFleet(result, log, commands, artifact);
}

await runAction(main);
