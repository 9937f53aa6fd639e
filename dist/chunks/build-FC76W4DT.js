import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  formatSize
} from "./chunk-DSX57ZEM.js";
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
  build
} from "./chunk-ZKG4LLAB.js";
import "./chunk-7S5FWBVW.js";
import "./chunk-KJ5G7J34.js";
import {
  stderrProgress
} from "./chunk-PEOTYZC5.js";
import "./chunk-BQ32VOEA.js";
import "./chunk-7BMIS5AO.js";
import "./chunk-EV2EOPE5.js";
import "./chunk-Z5MTOKTQ.js";
import "./chunk-PDE73SRJ.js";
import "./chunk-JGUVN7JE.js";
import "./chunk-ZU7UPI3D.js";
import "./chunk-6J3BLQ7R.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/cli/build.ts
var USAGE = "Usage: pexship build [REQUIREMENT \u2026] [options]\n\nREQUIREMENT: a PEP 508 string (flask>=3), a wheel path or URL, name @ url, or a project folder (. or ./DIR[extra]),\nwhich is built into a wheel (natively for pure-Python hatchling, flit-core, setuptools, poetry-core, pdm-backend and uv_build projects, else by its backend).";
async function run(argv) {
  const args = parseArgs("build", argv, BUILD_FLAGS);
  if (flagBool(args, "help")) {
    process.stdout.write(formatHelp(USAGE, BUILD_FLAGS));
    return 0;
  }
  const inherit = flagString(args, "inherit-path") ?? "false";
  const venv = args.flags.get("venv");
  if (!["false", "prefer", "fallback"].includes(inherit)) {
    throw new UsageError(`--inherit-path takes false, prefer or fallback, got '${inherit}'.`);
  }
  const moduleFlag = flagString(args, "m");
  const entryFlag = flagString(args, "entry-point");
  if (moduleFlag && entryFlag) throw new UsageError("give -e or -m, not both.");
  const json = flagBool(args, "json");
  const verbosity = flagBool(args, "quiet") ? -1 : flagBool(args, "verbose") ? 1 : 0;
  const progress = stderrProgress(verbosity);
  const summary = await build(
    {
      requirements: args.positionals,
      requirementFiles: flagList(args, "requirement"),
      constraintFiles: flagList(args, "constraints"),
      project: flagString(args, "project"),
      lock: flagString(args, "lock"),
      sourcesDirs: flagList(args, "sources-directory"),
      entryPoint: entryFlag ?? moduleFlag,
      script: flagString(args, "script"),
      platforms: flagList(args, "platform"),
      completePlatforms: flagList(args, "complete-platform"),
      index: indexOptionsFrom(args),
      pre: flagBool(args, "pre"),
      requireHashes: flagBool(args, "require-hashes"),
      ...formatOptionsFrom(argv, args),
      output: flagString(args, "output-file"),
      shebang: flagString(args, "python-shebang"),
      interpreterConstraints: flagList(args, "interpreter-constraint"),
      inheritPath: inherit,
      venv: venv !== void 0 && venv !== false,
      venvBinPath: typeof venv === "string" ? venv : void 0,
      compress: !flagBool(args, "no-compress"),
      layout: flagString(args, "layout"),
      compile: flagBool(args, "compile"),
      shBoot: flagBool(args, "sh-boot"),
      injectArgs: flagList(args, "inject-args"),
      injectEnv: flagList(args, "inject-env"),
      pexPath: flagList(args, "pex-path"),
      ...dependencyOptionsFrom(args),
      cacheDir: flagString(args, "cache-dir"),
      python: flagString(args, "python"),
      ...networkOptionsFrom(args)
    },
    progress
  ).finally(() => progress.close());
  if (json) {
    const out = summary.pexes.map((p) => ({
      path: p.path,
      platform: p.platform,
      size: p.size,
      sha256: p.sha256,
      pex_hash: p.pexHash,
      entry_point: p.entryPoint,
      script: p.script,
      distributions: p.distributions.map((d) => ({ file: d.filename, project: d.project, version: d.version, sha256: d.sha256, size: d.wheelSize })),
      seconds: Number(p.seconds.toFixed(3))
    }));
    process.stdout.write(JSON.stringify({ pexes: out }, null, 2) + "\n");
  } else {
    for (const p of summary.pexes) {
      process.stdout.write(
        `${p.path}
  platform ${p.platform}, ${formatSize(p.size)}, ${p.distributions.length} distributions, sha256 ${p.sha256}, built in ${p.seconds.toFixed(2)} s
`
      );
    }
  }
  return 0;
}
export {
  run
};
