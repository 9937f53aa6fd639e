import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

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
  let info;
  try {
    info = await stat(value);
  } catch {
    throw new UsageError(`input 'pex': ${value} does not exist; give the PEX file, or the folder actions/download-artifact wrote it to.`);
  }
  if (info.isFile()) return value;
  const found = await pexFilesIn(value);
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new UsageError(`input 'pex': the folder ${value} holds no .pex file; check the download step's 'path' and artifact name.`);
  throw new UsageError(`input 'pex': the folder ${value} holds several PEX files (${found.join(", ")}); name the one to deploy.`);
}

export {
  resolvePexInput
};
