#!/usr/bin/env node
import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  PEXSHIP_VERSION,
  markNow,
  timePhase
} from "./chunks/chunk-7BMIS5AO.js";
import {
  PexshipError,
  redactCredentials
} from "./chunks/chunk-A2YORBZ4.js";
import "./chunks/chunk-DF3W7HDA.js";

// src/cli.ts
import nodeModule from "node:module";

// src/cli/main.ts
var VERBS = {
  build: () => import("./chunks/build-FC76W4DT.js"),
  inspect: () => import("./chunks/inspect-65BWXDVS.js"),
  lock: () => import("./chunks/lock-5F6FH2LS.js"),
  deploy: () => import("./chunks/deploy-FS22RSY4.js").then((m) => ({ run: m.runDeploy })),
  rollback: () => import("./chunks/deploy-FS22RSY4.js").then((m) => ({ run: m.runRollback })),
  releases: () => import("./chunks/deploy-FS22RSY4.js").then((m) => ({ run: m.runReleases })),
  unlock: () => import("./chunks/deploy-FS22RSY4.js").then((m) => ({ run: m.runUnlock }))
};
var USAGE = `pexship \u2014 build PEX files for any platform and ship them over SSH

Usage: pexship <command> [options]

Commands:
  build      resolve requirements and write one PEX per target
  lock       resolve for every target and write a PEP 751 pylock.toml
  inspect    show what a PEX holds
  deploy     copy a PEX to hosts over SSH and switch to it atomically
  rollback   switch hosts back to the previous release
  releases   list the releases on hosts
  unlock     free a deploy lock left on hosts, naming its owner

Run 'pexship <command> --help' for a command's options.`;
async function main(argv) {
  const [verb, ...rest] = argv;
  if (!verb || verb === "--help" || verb === "-h" || verb === "help") {
    process.stdout.write(USAGE + "\n");
    return verb ? 0 : 2;
  }
  if (verb === "--version" || verb === "-V") {
    process.stdout.write(`${PEXSHIP_VERSION}
`);
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    process.stderr.write(`pexship: unknown command '${verb}'. Commands: ${Object.keys(VERBS).join(", ")}. See 'pexship --help'.
`);
    return 2;
  }
  try {
    const mod = await timePhase("load", load);
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof PexshipError) {
      process.stderr.write(`pexship ${verb}: error: ${err.message}
`);
      return err.exitCode;
    }
    const detail = redactCredentials(err instanceof Error ? (process.env.PEXSHIP_DEBUG ? err.stack : err.message) ?? "" : String(err));
    process.stderr.write(`pexship ${verb}: internal error: ${detail}
Please report this; set PEXSHIP_DEBUG=1 for a stack trace.
`);
    return 1;
  }
}

// src/cli.ts
markNow("startup");
nodeModule.enableCompileCache?.();
main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (err) => {
    process.stderr.write(`pexship: ${err instanceof Error ? err.message : String(err)}
`);
    exitWhenFlushed(1);
  }
);
function exitWhenFlushed(code) {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
