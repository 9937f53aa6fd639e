// Entry point of the rollback action (rollback/action.yml → dist/action-rollback.js).
import * as core from '@actions/core';
import { rollback } from '../deploy/index.js';
import { readConnectionInputs, readHostCommands } from './connection-inputs.js';
import { runAction } from './failure.js';
import { logEvent, reportFleet } from './fleet-report.js';
import { booleanInput, optionalInput } from './inputs.js';

async function main(): Promise<void> {
  const connection = readConnectionInputs();
  const to = optionalInput('to');
  const options = { ...connection, ...readHostCommands(), to, verify: booleanInput('verify', true), dryRun: booleanInput('dry-run', false) };
  core.info(`Rolling back ${connection.hosts.join(', ')} under ${connection.path} to ${to ?? 'the release before current'}`);
  const result = await core.group('Roll back', () => rollback(options, logEvent));
  await reportFleet(result);
}

await runAction(main);
