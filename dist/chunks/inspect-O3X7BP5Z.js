import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  formatSize,
  formatTable
} from "./chunk-DSX57ZEM.js";
import {
  ZipArchive
} from "./chunk-J6UZUWTP.js";
import {
  flagBool,
  formatHelp,
  parseArgs
} from "./chunk-Y3NR5E7M.js";
import {
  UsageError
} from "./chunk-UOGXR73H.js";

// src/pex/inspect.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
async function inspectPex(file) {
  let data;
  try {
    data = await readFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}.`);
  }
  let zip;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    throw new UsageError(`${file} is not a PEX (${e.message}).`);
  }
  const infoEntry = zip.entries.find((e) => e.name === "PEX-INFO");
  if (!infoEntry) throw new UsageError(`${file} is a zip but has no PEX-INFO, so it is not a PEX.`);
  let pexInfo;
  try {
    pexInfo = JSON.parse(zip.read(infoEntry).toString("utf8"));
  } catch (e) {
    throw new UsageError(`${file}: PEX-INFO is not valid JSON (${e.message}).`);
  }
  const shebang = data.subarray(0, 2).toString() === "#!" ? data.subarray(2, data.indexOf(10)).toString("utf8") : null;
  const dists = /* @__PURE__ */ new Map();
  const runtime = { files: 0, compressedSize: 0 };
  const code = { files: 0, installedSize: 0 };
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    const m = /^\.deps\/([^/]+)\//.exec(e.name);
    if (m) {
      const d = dists.get(m[1]) ?? { files: 0, installedSize: 0, compressedSize: 0 };
      d.files++;
      d.installedSize += e.size;
      d.compressedSize += e.compressedSize;
      dists.set(m[1], d);
    } else if (e.name === "__main__.py" || e.name.startsWith(".bootstrap/")) {
      runtime.files++;
      runtime.compressedSize += e.compressedSize;
    } else if (e.name !== "PEX-INFO") {
      code.files++;
      code.installedSize += e.size;
    }
  }
  const hashes = pexInfo.distributions ?? {};
  return {
    path: file,
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    shebang,
    pexInfo,
    entryPoint: pexInfo.entry_point ?? null,
    script: pexInfo.script ?? null,
    distributions: [...dists].map(([filename, d]) => ({ filename, sha256: hashes[filename] ?? "", ...d })).sort((a, b) => a.filename < b.filename ? -1 : 1),
    runtime,
    code,
    targets: pexInfo.pexship?.targets ?? []
  };
}

// src/cli/inspect.ts
var FLAGS = [
  { names: ["--json"], kind: "boolean", help: "print JSON" },
  { names: ["--help", "-h"], kind: "boolean", help: "show this help" }
];
async function run(argv) {
  const args = parseArgs("inspect", argv, FLAGS);
  if (flagBool(args, "help")) {
    process.stdout.write(formatHelp("Usage: pexship inspect FILE.pex [--json]", FLAGS));
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError("inspect takes exactly one PEX file: pexship inspect FILE.pex");
  const info = await inspectPex(args.positionals[0]);
  if (flagBool(args, "json")) {
    const { pexInfo, ...rest } = info;
    process.stdout.write(JSON.stringify({ ...rest, pex_info: pexInfo }, null, 2) + "\n");
    return 0;
  }
  const lines = [
    `${info.path}: ${formatSize(info.size)}, sha256 ${info.sha256}`,
    `shebang: ${info.shebang ?? "(none)"}`,
    `entry point: ${info.entryPoint ?? (info.script ? `console script ${info.script}` : "(none: runs as a Python interpreter)")}`,
    `pex_hash: ${info.pexInfo.pex_hash ?? "?"}  code_hash: ${info.pexInfo.code_hash ?? "?"}`,
    `interpreter constraints: ${(info.pexInfo.interpreter_constraints ?? []).join(" or ") || "(none)"}`,
    `targets: ${info.targets.map((t) => t.platform).join(", ") || "(unknown)"}`,
    `runtime: ${info.runtime.files} files, ${formatSize(info.runtime.compressedSize)} compressed; your code: ${info.code.files} files, ${formatSize(info.code.installedSize)}`,
    ""
  ];
  process.stdout.write(lines.join("\n"));
  process.stdout.write(
    formatTable(
      ["distribution", "files", "installed", "in PEX", "sha256"],
      info.distributions.map((d) => [d.filename, String(d.files), formatSize(d.installedSize), formatSize(d.compressedSize), d.sha256.slice(0, 16)])
    )
  );
  return 0;
}
export {
  run
};
