import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  memberContent,
  writeZip
} from "./chunk-Z5MTOKTQ.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/pex/layout.ts
import { createHash, randomBytes } from "node:crypto";
import { chmod, lstat, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
var LAYOUTS = ["zipapp", "packed", "loose"];
function dirFiles(layout, parts, compress) {
  const files = parts.head.map((m) => ({ name: m.name, mode: m.mode, content: memberContent(m) }));
  for (const w of parts.wheels) {
    if (layout === "packed") {
      files.push({ name: `.deps/${w.filename}`, mode: 33188, content: Buffer.concat(writeZip(Buffer.alloc(0), w.members, compress)) });
    } else {
      for (const m of w.members) files.push({ name: `.deps/${w.filename}/${m.name}`, mode: m.mode, content: memberContent(m) });
    }
  }
  for (const m of parts.sources) files.push({ name: m.name, mode: m.mode, content: memberContent(m) });
  return files.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
async function checkReplaceable(output) {
  let st;
  try {
    st = await lstat(output);
  } catch {
    return "missing";
  }
  if (!st.isDirectory()) return "file";
  const names = await readdir(output);
  if (names.length && !(names.includes("PEX-INFO") && names.includes("__main__.py"))) {
    throw new UsageError(`-o ${output} is a folder that is not a directory PEX; give a new path (pexship replaces only a PEX it built there).`);
  }
  return "dir";
}
function treeLine(name, mode, content) {
  return `${name}\0${(mode & 73 ? 493 : 420).toString(8)}\0${createHash("sha256").update(content).digest("hex")}
`;
}
async function writeDirPex(output, files) {
  const full = path.resolve(output);
  const existing = await checkReplaceable(full);
  const parent = path.dirname(full);
  await mkdir(parent, { recursive: true });
  const temp = path.join(parent, `.${path.basename(full)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const tree = createHash("sha256");
  let size = 0;
  try {
    await mkdir(temp);
    const made = /* @__PURE__ */ new Set();
    for (const f of files) {
      const file = path.join(temp, ...f.name.split("/"));
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await writeFile(file, f.content);
      if (f.mode & 73) await chmod(file, 493);
      tree.update(treeLine(f.name, f.mode, f.content));
      size += f.content.length;
    }
    if (existing !== "missing") {
      const old = `${temp}.old`;
      await rename(full, old);
      await rename(temp, full);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, full);
    }
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(`could not write ${output}: ${e.message}; check that its folder is writable.`);
  }
  return { size, sha256: tree.digest("hex") };
}

export {
  LAYOUTS,
  dirFiles,
  treeLine,
  writeDirPex
};
