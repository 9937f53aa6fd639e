// Entry point of the rollback action (rollback/action.yml → dist/action-rollback.js).
import * as core from '@actions/core';
import { rollback } from '../deploy/index.js';
import { readConnectionInputs, readHostCommands } from './connection-inputs.js';
import { runAction } from './failure.js';
import { FleetLog, reportFleet } from './fleet-report.js';
import { booleanInput, optionalInput } from './inputs.js';

async function main(): Promise<void> {
  const connection = readConnectionInputs();
  const commands = readHostCommands();
  const to = optionalInput('to');
  const options = { ...connection, ...commands, to, verify: booleanInput('verify', true), dryRun: booleanInput('dry-run', false) };
  core.info(`Rolling back ${connection.hosts.join(', ')} under ${connection.path} to ${to ?? 'the release before current'}`);
  const log = new FleetLog();
  const result = await core.group('Roll back', () => rollback(options, log.event));
  await reportFleet(result, log, commands);
}

await runAction(main);
