import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  wheelSupported
} from "./chunk-6J3BLQ7R.js";
import {
  JobError
} from "./chunk-A2YORBZ4.js";

// src/resolve/sdist-build.ts
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: "1" } }, (err, stdout, stderr) => {
      const code = err ? typeof err.code === "number" ? Number(err.code) : 1 : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
async function findInterpreterFor(version, given = []) {
  const want = `${version[0]}.${version[1]}`;
  const candidates = [...given, `python${want}`];
  const pyenvVersions = path.join(process.env.PYENV_ROOT ?? path.join(process.env.HOME ?? "/root", ".pyenv"), "versions");
  if (existsSync(pyenvVersions)) {
    for (const v of (await readdir(pyenvVersions)).sort().reverse()) {
      if (v === want || v.startsWith(`${want}.`)) candidates.push(path.join(pyenvVersions, v, "bin", `python${want}`));
    }
  }
  for (const c of candidates) {
    const r = await run(c, ["-c", 'import sys; print("%d.%d" % sys.version_info[:2])'], 2e4);
    if (r.code === 0 && r.stdout.trim() === want) return c;
  }
  return void 0;
}
function waysOut(req) {
  return `Ways out: pick a version of ${req.project} that has a wheel for ${req.target.label} (pin it), put a wheel for it in a --find-links folder, or build on a machine that matches the target.`;
}
async function buildWheelFromSdist(req) {
  const [major, minor] = req.target.pythonVersion;
  const python = await findInterpreterFor([major, minor], req.interpreters);
  if (!python) {
    throw new JobError(
      `${req.project} ${req.version} has only a source distribution for ${req.target.label}, and building it needs CPython ${major}.${minor} on this machine (python${major}.${minor} on PATH), which was not found. ${waysOut(req)}`
    );
  }
  const sdistHash = createHash("sha256").update(await readFile(req.sdist)).digest("hex");
  const cacheKey = createHash("sha256").update(`${sdistHash}\0${python}\0${req.target.label}`).digest("hex").slice(0, 32);
  const outDir = path.join(req.cacheDir, "built-wheels", cacheKey);
  const cached = existsSync(outDir) ? (await readdir(outDir)).filter((f) => f.endsWith(".whl")) : [];
  if (cached.length === 1) return checkFits(path.join(outDir, cached[0]), req);
  const temp = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(temp, { recursive: true });
  try {
    const r = await run(python, ["-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "--wheel-dir", temp, ...req.pipIndexArgs, req.sdist], 15 * 6e4);
    if (r.code !== 0) {
      const tail = (r.stderr || r.stdout).trim().split("\n").slice(-12).join("\n");
      throw new JobError(`building ${req.project} ${req.version} from ${path.basename(req.sdist)} with ${python} failed:
${tail}
${waysOut(req)}`);
    }
    const built = (await readdir(temp)).filter((f) => f.endsWith(".whl"));
    if (built.length !== 1) throw new JobError(`building ${path.basename(req.sdist)} made ${built.length} wheels instead of one.`);
    await mkdir(path.dirname(outDir), { recursive: true });
    try {
      await rename(temp, outDir);
    } catch {
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  const files = (await readdir(outDir)).filter((f) => f.endsWith(".whl"));
  return checkFits(path.join(outDir, files[0]), req);
}
function checkFits(wheel, req) {
  const name = path.basename(wheel);
  if (!wheelSupported(name, req.target)) {
    throw new JobError(`${req.project} ${req.version} was built here as ${name}, which does not fit ${req.target.label} (this machine is not that platform). ${waysOut(req)}`);
  }
  return wheel;
}

export {
  findInterpreterFor,
  buildWheelFromSdist
};
