import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  DefaultArtifactClient,
  artifactServiceAvailable
} from "./chunks/chunk-LOBQMWWX.js";
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
  integerInput,
  optionalInput,
  runAction
} from "./chunks/chunk-NE62MCWS.js";
import "./chunks/chunk-3SVUBWAM.js";
import {
  deploy
} from "./chunks/chunk-T7F5BGEW.js";
import {
  JobError,
  UsageError
} from "./chunks/chunk-UOGXR73H.js";

// src/action/artifact-download.ts
import { mkdir, mkdtemp, readdir as readdir2, rename } from "node:fs/promises";
import os from "node:os";
import path2 from "node:path";

// src/action/pex-input.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
async function pexFilesIn(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith(".pex")) found.push(full);
    else if (entry.isDirectory()) {
      for (const inner of await readdir(full, { withFileTypes: true })) {
        if (inner.isFile() && inner.name.endsWith(".pex")) found.push(path.join(full, inner.name));
      }
    }
  }
  return found.sort();
}
async function resolvePexInput(value) {
  let info2;
  try {
    info2 = await stat(value);
  } catch {
    throw new UsageError(`input 'pex': ${value} does not exist; give the PEX file, or the folder actions/download-artifact wrote it to.`);
  }
  if (info2.isFile()) return value;
  const found = await pexFilesIn(value);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UsageError(`input 'pex': the folder ${value} holds no .pex file; check the download step's 'path' and artifact name.`);
  throw new UsageError(`input 'pex': the folder ${value} holds several PEX files (${found.join(", ")}); name the one to deploy.`);
}

// src/action/artifact-download.ts
async function downloadPexArtifact(name, env = process.env) {
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
  const dir = await mkdtemp(path2.join(root, "pexship-download-"));
  const result = await client.downloadArtifact(found.artifact.id, { path: dir, expectedHash: found.artifact.digest });
  if (result.digestMismatch) throw new JobError(`the artifact '${name}' downloaded with another sha256 than it was uploaded with; run the job again.`);
  const entries = await readdir2(dir);
  if (entries.length === 1 && !entries[0].endsWith(".pex") && name.endsWith(".pex")) {
    await rename(path2.join(dir, entries[0]), path2.join(dir, name));
  }
  const pex = await resolvePexInput(dir);
  info(`Downloaded the artifact '${name}' (id ${found.artifact.id}) to ${pex}`);
  return pex;
}

// src/action/deploy.ts
async function pexToDeploy() {
  const pex = optionalInput("pex");
  const artifact = optionalInput("artifact");
  if (pex && artifact) throw new UsageError("inputs 'pex' and 'artifact' both name a PEX; give one of them.");
  if (artifact) return group("Download the artifact", () => downloadPexArtifact(artifact));
  if (!pex) throw new UsageError("give the PEX to deploy: 'pex' (a path) or 'artifact' (the name of an artifact of this run).");
  return resolvePexInput(pex);
}
async function main() {
  const connection = readConnectionInputs();
  const pexFile = await pexToDeploy();
  const options = {
    ...connection,
    ...readHostCommands(),
    pexFile,
    name: optionalInput("name"),
    keep: integerInput("keep", 1),
    preWarm: booleanInput("pre-warm", true),
    batch: integerInput("batch", 1),
    canary: booleanInput("canary", false),
    rollbackOnFailure: booleanInput("rollback-on-failure", true),
    dryRun: booleanInput("dry-run", false),
    gitSha: process.env.GITHUB_SHA
  };
  info(`Deploying ${pexFile} to ${connection.hosts.join(", ")} under ${connection.path}`);
  const result = await group("Deploy", () => deploy(options, logEvent));
  await reportFleet(result);
}
await runAction(main);
