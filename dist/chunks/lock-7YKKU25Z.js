import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  BUILD_FLAGS,
  indexOptionsFrom,
  networkOptionsFrom,
  stderrProgress
} from "./chunk-ZVU4VJ5T.js";
import {
  defaultCacheDir,
  resolveInputs,
  resolveTargets,
  writePylock
} from "./chunk-HFXETQAA.js";
import "./chunk-QQ4KNCAK.js";
import "./chunk-3SVUBWAM.js";
import "./chunk-DSX57ZEM.js";
import "./chunk-J6UZUWTP.js";
import {
  flagBool,
  flagList,
  flagString,
  formatHelp,
  parseArgs
} from "./chunk-Y3NR5E7M.js";
import {
  UsageError
} from "./chunk-UOGXR73H.js";

// src/core/lock.ts
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
async function lock(req, progress) {
  const cwd = req.cwd ?? process.cwd();
  const { inputs, client, resolution, targets } = await resolveInputs({ ...req, cacheDir: req.cacheDir ?? defaultCacheDir(), cwd }, resolveTargets(req), progress);
  try {
    for (const t of resolution.targets) {
      const sha = t.distributions.find((d) => !d.file.hashes.sha256);
      if (sha) {
        throw new UsageError(`${sha.name} ${sha.version} (${sha.file.filename}) comes from ${sha.file.index} without a sha256, and a lock must pin every file by hash; use an index that publishes hashes.`);
      }
    }
    const indexes = new Set(client.indexLabels);
    const text = writePylock(
      resolution.targets.map(
        (t) => t.distributions.map((d) => ({
          name: d.name,
          version: d.version,
          file: { filename: d.file.filename, url: d.file.url, hashes: d.file.hashes, size: d.file.size, requiresPython: d.file.requiresPython },
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
    const names = new Set(resolution.targets.flatMap((t) => t.distributions.map((d) => `${d.name}==${d.version}`)));
    return { path: output, targets, packages: names.size, requests: client.requestCount };
  } finally {
    await client.close();
  }
}

// src/cli/lock.ts
var SHARED = /* @__PURE__ */ new Set(["--requirement", "--constraints", "--project", "--platform", "--complete-platform", "--index-url", "--extra-index-url", "--find-links", "--no-index", "--pre", "--timeout", "--retries", "--cache-dir", "--python", "--json", "--quiet", "--verbose", "--help"]);
var FLAGS = [
  ...BUILD_FLAGS.filter((f) => SHARED.has(f.names[0])),
  { names: ["--output-file", "-o"], kind: "string", value: "PATH", help: "where to write the lock (default pylock.toml)" }
];
async function run(argv) {
  const args = parseArgs("lock", argv, FLAGS);
  if (flagBool(args, "help")) {
    process.stdout.write(formatHelp("Usage: pexship lock [REQUIREMENT \u2026] [-r FILE] [--platform PLAT \u2026] -o pylock.toml", FLAGS));
    return 0;
  }
  const verbosity = flagBool(args, "quiet") ? -1 : flagBool(args, "verbose") ? 1 : 0;
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
      cacheDir: flagString(args, "cache-dir"),
      python: flagString(args, "python"),
      output: flagString(args, "output-file") ?? "pylock.toml",
      ...networkOptionsFrom(args)
    },
    stderrProgress(verbosity)
  );
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
