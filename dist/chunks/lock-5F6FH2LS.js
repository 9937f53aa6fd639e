import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  BUILD_FLAGS,
  dependencyOptionsFrom,
  formatOptionsFrom,
  indexOptionsFrom,
  networkOptionsFrom
} from "./chunk-7QMUEDJW.js";
import {
  flagBool,
  flagList,
  flagString,
  formatHelp,
  parseArgs
} from "./chunk-R772ELZX.js";
import {
  hashLocalFile,
  resolveInputs,
  resolveTargets,
  stderrProgress,
  stripCredentials,
  writePylock
} from "./chunk-PEOTYZC5.js";
import {
  defaultCacheDir
} from "./chunk-BQ32VOEA.js";
import {
  busyStart,
  timePhase
} from "./chunk-7BMIS5AO.js";
import "./chunk-EV2EOPE5.js";
import "./chunk-Z5MTOKTQ.js";
import "./chunk-JGUVN7JE.js";
import {
  canonicalName
} from "./chunk-ZU7UPI3D.js";
import "./chunk-6J3BLQ7R.js";
import {
  UsageError,
  redactUrl
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/core/lock.ts
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
async function directReferenceWithoutHash(name, file, client) {
  const url = redactUrl(file.url);
  let digest = "<the file's sha256; pip hash FILE prints it>";
  try {
    digest = (await hashLocalFile(await client.fetchFile(file))).sha256;
  } catch {
  }
  return new UsageError(
    `${name} @ ${url} has no hash, and a lock pins every file by hash; add it to the URL: '${name} @ ${url}#sha256=${digest}'` + (digest.startsWith("<") ? "." : " (the sha256 of the file there now: check it against a source you trust).")
  );
}
async function lock(req, progress) {
  const cwd = req.cwd ?? process.cwd();
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const { inputs, client, resolution, targets } = await timePhase("resolve", () => resolveInputs({ ...req, cacheDir, cwd }, resolveTargets(req, cacheDir), progress));
  try {
    const project = inputs.project ? canonicalName(inputs.project.name) : void 0;
    const locked = resolution.targets.map((t) => t.distributions.filter((d) => !(project && d.name === project && d.url)));
    for (const distributions of locked) {
      const sha = distributions.find((d) => !d.file.hashes.sha256);
      if (sha?.url) throw await directReferenceWithoutHash(sha.name, sha.file, client);
      if (sha) {
        throw new UsageError(`${sha.name} ${sha.version} (${sha.file.filename}) comes from ${sha.file.index} without a sha256, and a lock must pin every file by hash; use an index that publishes hashes.`);
      }
    }
    const indexes = new Set(client.indexLabels);
    const written = busyStart("write");
    const text = writePylock(
      locked.map(
        (distributions) => distributions.map((d) => ({
          name: d.name,
          version: d.version,
          // A lock is committed and shared: a password in a URL stays out (builds take it from netrc or PEXSHIP_INDEX_*).
          file: { filename: d.file.filename, url: /^https?:/i.test(d.file.url) ? stripCredentials(d.file.url) : d.file.url, hashes: d.file.hashes, size: d.file.size, requiresPython: d.file.requiresPython },
          needsBuild: d.needsBuild,
          index: !d.url && indexes.has(d.file.index) ? d.file.index : void 0,
          extras: d.extras
        }))
      ),
      { targets, requirements: inputs.requested }
    );
    const output = path.resolve(cwd, req.output);
    const temp = path.join(path.dirname(output), `.${path.basename(output)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      await writeFile(temp, text);
      await rename(temp, output);
    } catch (e) {
      await unlink(temp).catch(() => {
      });
      throw new UsageError(`could not write ${req.output}: ${e.message}; check that its folder exists and is writable.`);
    }
    written();
    const names = new Set(locked.flatMap((list) => list.map((d) => `${d.name}==${d.version}`)));
    return { path: output, targets, packages: names.size, requests: client.requestCount };
  } finally {
    await timePhase("close", () => client.close());
  }
}

// src/cli/lock.ts
var SHARED = /* @__PURE__ */ new Set(["--requirement", "--constraints", "--project", "--platform", "--complete-platform", "--index-url", "--extra-index-url", "--find-links", "--no-index", "--pre", "--exclude", "--override", "--no-transitive", "--only-binary", "--no-binary", "--prefer-binary", "--trusted-host", "--require-hashes", "--timeout", "--retries", "--max-connections", "--refresh", "--cache-dir", "--python", "--json", "--quiet", "--verbose", "--help"]);
var FLAGS = [
  ...BUILD_FLAGS.filter((f) => SHARED.has(f.names[0])),
  { names: ["--output-file", "-o"], kind: "string", value: "PATH", help: "where to write the lock (default pylock.toml)" }
];
async function run(argv) {
  const args = parseArgs("lock", argv, FLAGS);
  if (flagBool(args, "help")) {
    process.stdout.write(formatHelp("Usage: pexship lock [REQUIREMENT \u2026] [-r FILE] [--platform PLAT \u2026] -o pylock.toml\n\nREQUIREMENT as for build; a project folder (. or ./DIR) is built to read its dependencies, which the lock pins.", FLAGS));
    return 0;
  }
  const verbosity = flagBool(args, "quiet") ? -1 : flagBool(args, "verbose") ? 1 : 0;
  const progress = stderrProgress(verbosity);
  const summary = await lock(
    {
      requirements: args.positionals,
      requirementFiles: flagList(args, "requirement"),
      constraintFiles: flagList(args, "constraints"),
      project: flagString(args, "project"),
      platforms: flagList(args, "platform"),
      completePlatforms: flagList(args, "complete-platform"),
      index: indexOptionsFrom(args),
      pre: flagBool(args, "pre"),
      requireHashes: flagBool(args, "require-hashes"),
      ...formatOptionsFrom(argv, args),
      cacheDir: flagString(args, "cache-dir"),
      python: flagString(args, "python"),
      output: flagString(args, "output-file") ?? "pylock.toml",
      ...networkOptionsFrom(args),
      ...dependencyOptionsFrom(args)
    },
    progress
  ).finally(() => progress.close());
  if (flagBool(args, "json")) {
    process.stdout.write(JSON.stringify({ path: summary.path, targets: summary.targets.map((t) => t.label), packages: summary.packages, requests: summary.requests }, null, 2) + "\n");
  } else {
    process.stdout.write(`${summary.path}
  ${summary.packages} packages for ${summary.targets.map((t) => t.label).join(", ")}
`);
  }
  return 0;
}
export {
  run
};
