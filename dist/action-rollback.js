import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  logEvent,
  readConnectionInputs,
  readHostCommands,
  reportFleet
} from "./chunks/chunk-4JQDWHMI.js";
import {
  booleanInput,
  group,
  info,
  optionalInput,
  runAction
} from "./chunks/chunk-NE62MCWS.js";
import "./chunks/chunk-3SVUBWAM.js";
import {
  rollback
} from "./chunks/chunk-T7F5BGEW.js";
import "./chunks/chunk-UOGXR73H.js";

// src/action/rollback.ts
async function main() {
  const connection = readConnectionInputs();
  const to = optionalInput("to");
  const options = { ...connection, ...readHostCommands(), to, dryRun: booleanInput("dry-run", false) };
  info(`Rolling back ${connection.hosts.join(", ")} under ${connection.path} to ${to ?? "the release before current"}`);
  const result = await group("Roll back", () => rollback(options, logEvent));
  await reportFleet(result);
}
await runAction(main);
