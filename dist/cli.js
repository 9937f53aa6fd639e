#!/usr/bin/env node
import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  PEXSHIP_VERSION
} from "./chunks/chunk-QQ4KNCAK.js";
import {
  PexshipError
} from "./chunks/chunk-UOGXR73H.js";

// src/cli/main.ts
var VERBS = {
  build: () => import("./chunks/build-75H7JSJE.js"),
  inspect: () => import("./chunks/inspect-O3X7BP5Z.js"),
  lock: () => import("./chunks/lock-7YKKU25Z.js"),
  deploy: () => import("./chunks/deploy-TPKWKC3O.js").then((m) => ({ run: m.runDeploy })),
  rollback: () => import("./chunks/deploy-TPKWKC3O.js").then((m) => ({ run: m.runRollback })),
  releases: () => import("./chunks/deploy-TPKWKC3O.js").then((m) => ({ run: m.runReleases }))
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
    const mod = await load();
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof PexshipError) {
      process.stderr.write(`pexship ${verb}: error: ${err.message}
`);
      return err.exitCode;
    }
    const detail = err instanceof Error ? process.env.PEXSHIP_DEBUG ? err.stack : err.message : String(err);
    process.stderr.write(`pexship ${verb}: internal error: ${detail}
Please report this; set PEXSHIP_DEBUG=1 for a stack trace.
`);
    return 1;
  }
}

// src/cli.ts
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`pexship: ${err instanceof Error ? err.message : String(err)}
`);
    process.exitCode = 1;
  }
);
