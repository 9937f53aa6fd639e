import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  formatSize,
  formatTable
} from "./chunk-DSX57ZEM.js";
import {
  flagBool,
  formatHelp,
  parseArgs
} from "./chunk-R772ELZX.js";
import {
  treeLine
} from "./chunk-KJ5G7J34.js";
import {
  ZipArchive
} from "./chunk-Z5MTOKTQ.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/pex/inspect.ts
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
function openZipapp(file, data) {
  let zip;
  try {
    zip = new ZipArchive(data);
  } catch (e) {
    throw new UsageError(`${file} is not a PEX (${e.message}).`);
  }
  const infoEntry = zip.entries.find((e) => e.name === "PEX-INFO");
  if (!infoEntry) throw new UsageError(`${file} is a zip but has no PEX-INFO, so it is not a PEX.`);
  return {
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
    shebang: data.subarray(0, 2).toString() === "#!" ? data.subarray(2, data.indexOf(10)).toString("utf8") : null,
    pexInfoText: zip.read(infoEntry).toString("utf8"),
    entries: zip.entries.filter((e) => !e.isDirectory)
  };
}
async function openDirectory(dir) {
  const files = [];
  const walk = async (rel) => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) files.push(name);
    }
  };
  await walk("");
  files.sort();
  if (!files.includes("PEX-INFO")) throw new UsageError(`${dir} is a folder without PEX-INFO, so it is not a directory PEX.`);
  const tree = createHash("sha256");
  const entries = [];
  let size = 0;
  let shebang = null;
  for (const name of files) {
    const full = path.join(dir, name);
    const content = await readFile(full);
    tree.update(treeLine(name, (await stat(full)).mode, content));
    size += content.length;
    if (name === "__main__.py" && content.subarray(0, 2).toString() === "#!") shebang = content.subarray(2, content.indexOf(10)).toString("utf8");
    if (/^\.deps\/[^/]+$/.test(name)) {
      for (const e of new ZipArchive(content).entries) if (!e.isDirectory) entries.push({ name: `${name}/${e.name}`, size: e.size, compressedSize: e.compressedSize });
    } else entries.push({ name, size: content.length, compressedSize: content.length });
  }
  return { size, sha256: tree.digest("hex"), shebang, pexInfoText: await readFile(path.join(dir, "PEX-INFO"), "utf8"), entries };
}
async function inspectPex(file) {
  let opened;
  try {
    opened = (await stat(file)).isDirectory() ? await openDirectory(file) : openZipapp(file, await readFile(file));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}.`);
  }
  let pexInfo;
  try {
    pexInfo = JSON.parse(opened.pexInfoText);
  } catch (e) {
    throw new UsageError(`${file}: PEX-INFO is not valid JSON (${e.message}).`);
  }
  const shebang = opened.shebang;
  const dists = /* @__PURE__ */ new Map();
  const runtime = { files: 0, compressedSize: 0 };
  const code = { files: 0, installedSize: 0 };
  for (const e of opened.entries) {
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
    size: opened.size,
    sha256: opened.sha256,
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
