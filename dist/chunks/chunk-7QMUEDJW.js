import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  flagBool,
  flagInt,
  flagList,
  flagString
} from "./chunk-R772ELZX.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/cli/build-flags.ts
var BUILD_FLAGS = [
  { names: ["--requirement", "-r"], kind: "list", value: "FILE", help: "pip requirements file" },
  { names: ["--constraints"], kind: "list", value: "FILE", help: "pip constraints file" },
  { names: ["--project"], kind: "string", value: "DIR[extra,\u2026]", help: "a pyproject.toml project, built into a wheel and included (same as . or ./DIR)" },
  { names: ["--lock"], kind: "string", value: "FILE", help: "build exactly this PEP 751 pylock.toml, no resolving" },
  { names: ["--sources-directory", "-D"], kind: "list", value: "DIR", help: "add your code from this folder" },
  { names: ["--entry-point", "-e"], kind: "string", value: "MODULE[:FUNC]", help: "what the PEX runs" },
  { names: ["-m"], kind: "string", value: "MODULE", help: "run a module, like python -m" },
  { names: ["--script", "--console-script", "-c"], kind: "string", value: "NAME", help: "run a console script of a distribution in the PEX" },
  { names: ["--platform"], kind: "list", value: "PLAT", help: "target, e.g. manylinux2014_x86_64-cp-311-cp311 or 'current'" },
  { names: ["--complete-platform"], kind: "list", value: "FILE", help: "target from pex's complete-platform JSON" },
  { names: ["--index-url", "-i"], kind: "string", value: "URL", help: "package index (default https://pypi.org/simple/)" },
  { names: ["--extra-index-url"], kind: "list", value: "URL", help: "another package index" },
  { names: ["--find-links", "-f"], kind: "list", value: "DIR|URL", help: "folder or page of wheel links" },
  { names: ["--no-index"], kind: "boolean", help: "use no package index (only wheel files and --find-links)" },
  { names: ["--pre"], kind: "boolean", help: "allow pre-releases" },
  { names: ["--exclude"], kind: "list", value: "REQ", help: "leave this project, and what only it needs, out of the resolve and the PEX" },
  { names: ["--override"], kind: "list", value: "REQ|NAME=REQ", help: "replace every dependency on a project with this requirement" },
  { names: ["--no-transitive"], kind: "boolean", help: "install only the requirements given, not their dependencies" },
  { names: ["--only-binary"], kind: "list", value: ":all:|:none:|NAMES", help: "pip's: use only wheels for these projects (comma-separated)" },
  { names: ["--no-binary"], kind: "list", value: ":all:|:none:|NAMES", help: "pip's: build these projects from their sdists" },
  { names: ["--prefer-binary"], kind: "boolean", help: "pip's: an older wheel beats a newer sdist" },
  { names: ["--trusted-host"], kind: "list", value: "HOST[:PORT]", help: "allow plain HTTP and unverified TLS for this index host" },
  { names: ["--require-hashes"], kind: "boolean", help: "pip's hash-checking mode: every distribution pinned and hashed in -r files" },
  { names: ["--timeout"], kind: "string", value: "SECONDS", help: "give up on an index request after this long (default 30)" },
  { names: ["--retries"], kind: "string", value: "N", help: "retries of a failed index request (default 3)" },
  { names: ["--max-connections"], kind: "string", value: "N", help: "connections to one index host at once (default 6; fewer after stalls)" },
  { names: ["--refresh"], kind: "boolean", help: "ask the indexes again for every page, even one their Cache-Control (or a 404's 5 minutes) still allows reusing" },
  { names: ["--output-file", "-o"], kind: "string", value: "PATH", help: "where to write the PEX; may hold {platform} (default dist/{name}-{platform}.pex)" },
  { names: ["--python-shebang"], kind: "string", value: "STR", help: "the interpreter line (default /usr/bin/env python3)" },
  { names: ["--interpreter-constraint"], kind: "list", value: "SPEC", help: "e.g. CPython>=3.9,<3.14" },
  { names: ["--venv"], kind: "boolean", optionalValues: ["prepend", "append"], help: "run from a virtualenv made on first run; prepend/append also put its bin/ on PATH" },
  { names: ["--inherit-path"], kind: "string", value: "false|prefer|fallback", help: "let site-packages in (default false)" },
  { names: ["--no-compress"], kind: "boolean", help: "store entries uncompressed" },
  { names: ["--layout"], kind: "string", value: "zipapp|packed|loose", help: "one file (default), or a directory run with python DIR: packed = one zip per distribution (cache-friendly), loose = plain files" },
  { names: ["--compile"], kind: "boolean", help: "include .pyc files (deterministic, made by a local CPython of each target version) for faster cold starts" },
  { names: ["--sh-boot"], kind: "boolean", help: "start through a /bin/sh preamble that finds a Python quickly (zipapp only)" },
  { names: ["--inject-args"], kind: "list", value: "ARGS", help: "arguments the PEX always passes before yours, split like a shell command line (--inject-args='-x \u2026' when they start with -)" },
  { names: ["--inject-env"], kind: "list", value: "NAME=VALUE", help: "environment variable the PEX sets unless already set" },
  { names: ["--pex-path"], kind: "list", value: "PEX[:PEX\u2026]", help: "other PEXes to merge in at run time (relative to this PEX's folder)" },
  { names: ["--cache-dir"], kind: "string", value: "DIR", help: "build cache: wheels, metadata, built projects (default ~/.cache/pexship/build)" },
  { names: ["--python"], kind: "string", value: "PATH", help: "interpreter for the 'current' target and for building sdists" },
  { names: ["--json"], kind: "boolean", help: "print a machine-readable summary on stdout" },
  { names: ["--quiet", "-q"], kind: "boolean", help: "print only errors and warnings on stderr" },
  { names: ["--verbose", "-v"], kind: "boolean", help: "print more detail on stderr" },
  { names: ["--help", "-h"], kind: "boolean", help: "show this help" }
];
function networkOptionsFrom(args) {
  const timeout = flagString(args, "timeout");
  if (timeout !== void 0 && !(Number(timeout) > 0)) throw new UsageError(`--timeout takes a number of seconds above 0, got '${timeout}'.`);
  return {
    timeoutMs: timeout === void 0 ? void 0 : Number(timeout) * 1e3,
    retries: args.flags.has("retries") ? flagInt(args, "retries", 3, 0) : void 0,
    maxConnections: args.flags.has("max-connections") ? flagInt(args, "max-connections", 6, 1) : void 0,
    refresh: flagBool(args, "refresh")
  };
}
function dependencyOptionsFrom(args) {
  return { excludes: flagList(args, "exclude"), overrides: flagList(args, "override"), transitive: !flagBool(args, "no-transitive") };
}
function formatOptionsFrom(argv, args) {
  const formatOptions = [];
  const values = { "--only-binary": [...flagList(args, "only-binary")], "--no-binary": [...flagList(args, "no-binary")] };
  for (const arg of argv) {
    if (arg === "--") break;
    const option = ["--only-binary", "--no-binary"].find((o) => arg === o || arg.startsWith(`${o}=`));
    if (option) formatOptions.push({ option, value: values[option].shift() });
  }
  return { formatOptions, preferBinary: flagBool(args, "prefer-binary") };
}
function indexOptionsFrom(args) {
  return {
    trustedHosts: flagList(args, "trusted-host"),
    indexUrl: flagString(args, "index-url"),
    extraIndexUrls: flagList(args, "extra-index-url"),
    findLinks: flagList(args, "find-links"),
    noIndex: flagBool(args, "no-index")
  };
}

export {
  BUILD_FLAGS,
  networkOptionsFrom,
  dependencyOptionsFrom,
  formatOptionsFrom,
  indexOptionsFrom
};
