import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  resolvePexInput
} from "./chunks/chunk-2FTNYXF6.js";
import {
  FleetLog,
  readConnectionInputs,
  readHostCommands,
  reportFleet
} from "./chunks/chunk-SMVKFFQP.js";
import {
  deploy
} from "./chunks/chunk-EP4CYOCE.js";
import {
  booleanInput,
  integerInput,
  maskSecret,
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
import {
  UsageError
} from "./chunks/chunk-A2YORBZ4.js";
import "./chunks/chunk-DF3W7HDA.js";

// src/action/deploy.ts
async function pexToDeploy() {
  const token = optionalInput("github-token");
  maskSecret(token);
  const pex = optionalInput("pex");
  const artifact = optionalInput("artifact");
  const source = { runId: integerInput("run-id", 1), token, repository: optionalInput("repository") };
  if (pex && artifact) throw new UsageError("inputs 'pex' and 'artifact' both name a PEX; give one of them.");
  if (artifact) {
    const { downloadPexArtifact } = await import("./chunks/artifact-download-EBPN6WWE.js");
    const downloaded = await group("Download the artifact", () => downloadPexArtifact(artifact, source));
    return { pexFile: downloaded.pex, artifact: { name: artifact, url: downloaded.url } };
  }
  if (!pex) throw new UsageError("give the PEX to deploy: 'pex' (a path) or 'artifact' (the name of an artifact of this run, or of 'run-id').");
  if (source.runId !== void 0) throw new UsageError("input 'run-id' says which run's artifact to deploy; use it with 'artifact', not 'pex'.");
  return { pexFile: await resolvePexInput(pex) };
}
async function main() {
  const connection = readConnectionInputs();
  const commands = readHostCommands();
  const { pexFile, artifact } = await pexToDeploy();
  const options = {
    ...connection,
    ...commands,
    pexFile,
    name: optionalInput("name"),
    keep: integerInput("keep", 1),
    preWarm: booleanInput("pre-warm", true),
    batch: integerInput("batch", 1),
    canary: booleanInput("canary", false),
    rollbackOnFailure: booleanInput("rollback-on-failure", true),
    maxFail: optionalInput("max-fail"),
    dryRun: booleanInput("dry-run", false),
    gitSha: process.env.GITHUB_SHA
  };
  info(`Deploying ${pexFile} to ${connection.hosts.join(", ")} under ${connection.path}`);
  const log = new FleetLog();
  const result = await group("Deploy", () => deploy(options, log.event));
  await reportFleet(result, log, commands, artifact);
}
await runAction(main);
