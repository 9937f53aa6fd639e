// Entry point of the deploy action (deploy/action.yml → dist/action-deploy.js).
import * as core from '@actions/core';
import { deploy } from '../deploy/index.js';
import { readConnectionInputs, readHostCommands } from './connection-inputs.js';
import { runAction } from './failure.js';
import { logEvent, reportFleet } from './fleet-report.js';
import { booleanInput, integerInput, optionalInput, requiredInput } from './inputs.js';
import { resolvePexInput } from './pex-input.js';

async function main(): Promise<void> {
  const connection = readConnectionInputs();
  const pexFile = await resolvePexInput(requiredInput('pex'));
  const options = {
    ...connection,
    ...readHostCommands(),
    pexFile,
    name: optionalInput('name'),
    keep: integerInput('keep', 1),
    preWarm: booleanInput('pre-warm', true),
    batch: integerInput('batch', 1),
    canary: booleanInput('canary', false),
    rollbackOnFailure: booleanInput('rollback-on-failure', true),
    dryRun: booleanInput('dry-run', false),
    gitSha: process.env.GITHUB_SHA,
  };
  core.info(`Deploying ${pexFile} to ${connection.hosts.join(', ')} under ${connection.path}`);
  const result = await core.group('Deploy', () => deploy(options, logEvent));
  await reportFleet(result);
}

await runAction(main);
