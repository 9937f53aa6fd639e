import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  FleetLog,
  readConnectionInputs,
  readHostCommands,
  reportFleet
} from "./chunks/chunk-SMVKFFQP.js";
import {
  rollback
} from "./chunks/chunk-EP4CYOCE.js";
import {
  booleanInput,
  optionalInput,
  runAction
} from "./chunks/chunk-E2YOA3W3.js";
import "./chunks/chunk-EV2EOPE5.js";
import "./chunks/chunk-Z5MTOKTQ.js";
import {
  group,
  info
} from "./chunks/chunk-TM6NIW73.js";
import "./chunks/chunk-ZU7UPI3D.js";
import "./chunks/chunk-6J3BLQ7R.js";
import "./chunks/chunk-A2YORBZ4.js";
import "./chunks/chunk-DF3W7HDA.js";

// src/action/rollback.ts
async function main() {
  const connection = readConnectionInputs();
  const commands = readHostCommands();
  const to = optionalInput("to");
  const options = { ...connection, ...commands, to, verify: booleanInput("verify", true), dryRun: booleanInput("dry-run", false) };
  info(`Rolling back ${connection.hosts.join(", ")} under ${connection.path} to ${to ?? "the release before current"}`);
  const log = new FleetLog();
  const result = await group("Roll back", () => rollback(options, log.event));
  await reportFleet(result, log, commands);
}
await runAction(main);
