import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  resolve
} from "./chunk-4LR2U5GY.js";
import {
  installWheel
} from "./chunk-7S5FWBVW.js";
import {
  currentTarget
} from "./chunk-BQ32VOEA.js";
import {
  PEXSHIP_VERSION
} from "./chunk-7BMIS5AO.js";
import {
  memberContent,
  writeZip
} from "./chunk-Z5MTOKTQ.js";
import {
  findInterpreterFor
} from "./chunk-PDE73SRJ.js";
import "./chunk-XBNT6ECT.js";
import "./chunk-JGUVN7JE.js";
import {
  canonicalExtra,
  canonicalName,
  parseRequirement
} from "./chunk-ZU7UPI3D.js";
import {
  parseSpecifierSet,
  parseVersion,
  wheelSupported
} from "./chunk-6J3BLQ7R.js";
import {
  JobError,
  UsageError
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/project/build.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { existsSync as existsSync4 } from "node:fs";
import { mkdir as mkdir2, readdir as readdir4, rename as rename2, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import path5 from "node:path";

// src/project/files.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", ".hg", ".svn", "__pycache__", ".venv", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pixi", ".hatch"]);
var SKIPPED_TOP_DIRS = /* @__PURE__ */ new Set(["venv", "node_modules", "build", "dist"]);
async function listProjectFiles(root) {
  const files = [];
  const dirs = [];
  const walk = async (rel) => {
    const entries = await readdir(rel ? path.join(root, rel) : root, { withFileTypes: true });
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink() && !await stat(path.join(root, name)).then((st) => st.isFile(), () => false)) continue;
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || !rel && SKIPPED_TOP_DIRS.has(e.name) || e.name.endsWith(".egg-info")) continue;
        dirs.push(name);
        await walk(name);
      } else if ((e.isFile() || e.isSymbolicLink()) && !/\.py[cod]$/.test(e.name) && e.name !== ".DS_Store") {
        files.push(name);
      }
    }
  };
  await walk("");
  return { files: files.sort(), dirs: dirs.sort() };
}
async function projectContentHash(root, files, extra) {
  const h = createHash("sha256");
  h.update(`${extra}\0`);
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(await readFile(path.join(root, f)));
    h.update("\0");
  }
  const head = path.join(root, ".git", "HEAD");
  if (existsSync(head)) {
    const text = (await readFile(head, "utf8")).trim();
    h.update(text);
    const ref = /^ref: (.+)$/.exec(text)?.[1];
    if (ref && existsSync(path.join(root, ".git", ref))) h.update(await readFile(path.join(root, ".git", ref)));
  }
  return h.digest("hex");
}
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}
function parseGitignore(text) {
  const patterns = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    if (/^!|[[\]\\]/.test(line)) return `.gitignore line ${JSON.stringify(line)} uses syntax the native builder does not model`;
    let p = line;
    const dirOnly = p.endsWith("/");
    if (dirOnly) p = p.slice(0, -1);
    const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
    if (p.startsWith("/")) p = p.slice(1);
    const body = globToRegExp(p);
    const prefix = anchored ? "^" : "^(?:.*/)?";
    patterns.push(new RegExp(`${prefix}${body}${dirOnly ? "/" : "(?:/|$)"}`));
  }
  return { ignores: (file) => patterns.some((re) => re.test(file)) };
}
async function readIgnoreRules(root, files) {
  if (files.some((f) => f.includes("/") && f.endsWith("/.gitignore"))) return "a nested .gitignore is not modelled by the native builder";
  if (!files.includes(".gitignore")) return void 0;
  return parseGitignore(await readFile(path.join(root, ".gitignore"), "utf8"));
}

// src/project/metadata.ts
import { readFile as readFile2 } from "node:fs/promises";
import path2 from "node:path";
var NotNative = class extends Error {
};
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function strings(v, where) {
  if (v === void 0) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw new NotNative(`${where} is not an array of strings`);
  return v;
}
var LICENSE_GLOB = /^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)/;
var README_TYPES = { ".md": "text/markdown", ".rst": "text/x-rst", ".txt": "text/plain" };
async function readme(value, root) {
  if (value === void 0) return void 0;
  const fromFile = async (file, type) => {
    const t = type ?? README_TYPES[path2.extname(file).toLowerCase()];
    if (!t) throw new NotNative(`the readme ${file} has no known content type`);
    return { text: await readFile2(path2.join(root, file), "utf8"), type: t };
  };
  if (typeof value === "string") return fromFile(value);
  if (isTable(value)) {
    const type = typeof value["content-type"] === "string" ? value["content-type"] : void 0;
    if (typeof value.file === "string") return fromFile(value.file, type);
    if (typeof value.text === "string" && type) return { text: value.text, type };
  }
  throw new NotNative("[project].readme has a form the native builder does not model");
}
function people(value, style) {
  if (value === void 0) return [];
  if (!Array.isArray(value)) throw new NotNative("[project].authors/maintainers is not an array");
  const names = [];
  const emails = [];
  for (const p of style === "first" ? value.slice(0, 1) : value) {
    if (!isTable(p)) throw new NotNative("an author is not a table");
    const name = typeof p.name === "string" ? p.name : void 0;
    const email = typeof p.email === "string" ? p.email : void 0;
    if (style === "first") {
      if (name) names.push(name);
      if (email) emails.push(email);
    } else if (style === "uv") {
      if (name) names.push(name);
      if (email) emails.push(name ? `${name} <${email}>` : email);
    } else if (name && email) emails.push(`${name} <${email}>`);
    else if (email) emails.push(email);
    else if (name) names.push(name);
  }
  const out = [];
  if (names.length) out.push({ field: "", value: names.join(", ") });
  if (emails.length) out.push({ field: "-email", value: emails.join(", ") });
  return out;
}
function requirement(text, where) {
  try {
    return parseRequirement(text);
  } catch {
    throw new NotNative(`${where} holds the invalid requirement ${JSON.stringify(text)}`);
  }
}
function withExtra(r, extra, extraFirst) {
  const base = r.toString().split(";")[0].trim();
  const own = r.marker ? `(${r.marker.toString()})` : void 0;
  const marker = own ? extraFirst ? `extra == "${extra}" and ${own}` : `${own} and extra == "${extra}"` : `extra == "${extra}"`;
  return `${base}; ${marker}`;
}
function entryPointsText(project, style) {
  const separator = style.entryPointSeparator;
  let groups = [];
  if (isTable(project.scripts)) groups.push(["console_scripts", project.scripts]);
  if (isTable(project["gui-scripts"])) groups.push(["gui_scripts", project["gui-scripts"]]);
  if (project["entry-points"] !== void 0) {
    if (!isTable(project["entry-points"])) throw new NotNative("[project.entry-points] is not a table");
    for (const [group, table2] of Object.entries(project["entry-points"])) {
      if (!isTable(table2)) throw new NotNative(`[project.entry-points.${group}] is not a table`);
      groups.push([group, table2]);
    }
  }
  if (style.entryPointsSortedAlways) {
    const all = new Map([["console_scripts", {}], ["gui_scripts", {}], ...groups]);
    groups = [...all].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([g, t]) => [g, Object.fromEntries(Object.entries(t).sort((a, b) => a[0] < b[0] ? -1 : 1))]);
  }
  const sections = groups.filter(([, table2]) => style.entryPointsSortedAlways || Object.keys(table2).length > 0).map(([group, table2]) => {
    const lines = Object.entries(table2).map(([name, value]) => {
      if (typeof value !== "string") throw new NotNative(`entry point ${group}.${name} is not a string`);
      return `${name}${separator}${value}`;
    });
    return `[${group}]
${lines.map((l) => `${l}
`).join("")}`;
  });
  if (!sections.length) return void 0;
  if (style.entryPointsSortedAlways) return sections.map((x) => `${x}
`).join("");
  return sections.join("\n") + (style.entryPointsEndBlank ? "\n" : "");
}
async function projectMetadata(project, root, rootFiles, style, version) {
  const dynamic = strings(project.dynamic, "[project].dynamic").filter((d) => !(d === "version" && version !== void 0));
  if (dynamic.length) throw new NotNative(`[project].dynamic lists ${dynamic.join(", ")}, which only the backend can compute`);
  const name = project.name;
  if (typeof name !== "string") throw new NotNative("[project].name is missing");
  const rawVersion = version ?? project.version;
  if (typeof rawVersion !== "string") throw new NotNative("[project].version is missing");
  let normalVersion;
  try {
    normalVersion = parseVersion(rawVersion).toString();
  } catch {
    throw new NotNative(`the version ${JSON.stringify(rawVersion)} is not PEP 440`);
  }
  const h = [];
  const add = (field, value) => {
    if (value !== void 0 && value !== "") h.push([field, value]);
  };
  add("Metadata-Version", style.metadataVersion);
  add("Name", name);
  add("Version", normalVersion);
  if (project.description !== void 0 && typeof project.description !== "string") throw new NotNative("[project].description is not a string");
  add("Summary", project.description);
  if (project.urls !== void 0) {
    if (!isTable(project.urls)) throw new NotNative("[project.urls] is not a table");
    for (const [label, url] of Object.entries(project.urls)) add("Project-URL", `${label}, ${String(url)}`);
  }
  for (const p of people(project.authors, style.authors)) add(`Author${p.field}`, p.value);
  for (const p of people(project.maintainers, style.authors)) add(`Maintainer${p.field}`, p.value);
  const license = project.license;
  if (typeof license === "string") add("License-Expression", license);
  else if (isTable(license) && typeof license.text === "string" && license.file === void 0) add("License", license.text);
  else if (license !== void 0) throw new NotNative("[project].license = {file = \u2026} is read differently by each backend");
  if (project["license-files"] !== void 0) throw new NotNative("[project].license-files globs are left to the backend");
  const licenseFiles = style.noDefaultLicenseFiles ? [] : rootFiles.filter((f) => (style.licenseGlob ?? LICENSE_GLOB).test(f)).sort();
  if (!style.undeclaredLicenseFiles) for (const f of licenseFiles) add("License-File", f);
  const keywords = strings(project.keywords, "[project].keywords");
  if (keywords.length) add("Keywords", keywords.join(","));
  const classifiers = strings(project.classifiers, "[project].classifiers");
  for (const c of style.sortClassifiers ? [...classifiers].sort() : classifiers) add("Classifier", c);
  if (project["requires-python"] !== void 0) add("Requires-Python", String(project["requires-python"]));
  for (const text2 of strings(project.dependencies, "[project].dependencies")) add("Requires-Dist", requirement(text2, "[project].dependencies").toString());
  if (project["optional-dependencies"] !== void 0) {
    if (!isTable(project["optional-dependencies"])) throw new NotNative("[project.optional-dependencies] is not a table");
    const extras = Object.entries(project["optional-dependencies"]).map(([extra, list]) => [canonicalExtra(extra), list]);
    for (const [extra, list] of extras.sort((a, b) => a[0] < b[0] ? -1 : 1)) {
      add("Provides-Extra", extra);
      for (const text2 of strings(list, `[project.optional-dependencies].${extra}`)) add("Requires-Dist", withExtra(requirement(text2, `extra ${extra}`), extra, style.extraMarkerFirst ?? false));
    }
  }
  for (const n of style.importNames ?? []) add("Import-Name", n);
  const description = await readme(project.readme, root);
  add("Description-Content-Type", description?.type);
  let text = h.map(([f, v]) => `${f}: ${v.replace(/\r?\n/g, " ")}
`).join("");
  if (description) text += `
${description.text}`;
  return { name, version: normalVersion, metadata: text, entryPoints: entryPointsText(project, style), licenseFiles };
}

// src/project/native.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import path3 from "node:path";
function isTable2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function table(v, where) {
  if (v === void 0) return {};
  if (!isTable2(v)) throw new NotNative(`${where} is not a table`);
  return v;
}
function onlyKeys(t, allowed, where) {
  const other = Object.keys(t).filter((k) => !allowed.includes(k));
  if (other.length) throw new NotNative(`${where} sets ${other.join(", ")}, which the native builder does not model`);
}
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
function filesUnder(files, dir, into, out) {
  const prefix = dir ? `${dir}/` : "";
  for (const f of files) if (f.startsWith(prefix)) out.set(`${into}/${f.slice(prefix.length)}`, f);
}
function dropIgnored(out, rules) {
  if (!rules) return;
  for (const [wheelPath, src] of out) if (rules.ignores(src)) out.delete(wheelPath);
}
async function ignoreRules(p) {
  const rules = await readIgnoreRules(p.dir, p.files.files);
  if (typeof rules === "string") throw new NotNative(rules);
  return rules;
}
async function versionFromFile(file) {
  let text;
  try {
    text = await readFile3(file, "utf8");
  } catch {
    throw new NotNative(`cannot read ${file} for the version`);
  }
  const m = /^(?:__version__|VERSION) *= *(['"])v?(.+?)\1/im.exec(text);
  if (!m) throw new NotNative(`${file} has no plain __version__ = "\u2026" line`);
  return m[2];
}
var BASE_STYLE = { authors: "pep621", sortClassifiers: false };
async function hatchling(p, project) {
  const hatch = table(table(p.doc.tool, "[tool]").hatch, "[tool.hatch]");
  onlyKeys(hatch, ["build", "version", "metadata", "envs", "publish"], "[tool.hatch]");
  const metadataConfig = table(hatch.metadata, "[tool.hatch.metadata]");
  onlyKeys(metadataConfig, ["allow-direct-references"], "[tool.hatch.metadata]");
  const build = table(hatch.build, "[tool.hatch.build]");
  onlyKeys(build, ["targets"], "[tool.hatch.build]");
  const targets = table(build.targets, "[tool.hatch.build.targets]");
  onlyKeys(targets, ["wheel", "sdist"], "[tool.hatch.build.targets]");
  const wheel = table(targets.wheel, "[tool.hatch.build.targets.wheel]");
  onlyKeys(wheel, ["packages"], "[tool.hatch.build.targets.wheel]");
  let version;
  if (hatch.version !== void 0) {
    const v = table(hatch.version, "[tool.hatch.version]");
    onlyKeys(v, ["path"], "[tool.hatch.version]");
    if (typeof v.path !== "string") throw new NotNative("[tool.hatch.version] has no path");
    version = await versionFromFile(path3.join(p.dir, v.path));
  }
  const files = p.files.files;
  const shipped = /* @__PURE__ */ new Map();
  if (wheel.packages !== void 0) {
    if (!Array.isArray(wheel.packages) || wheel.packages.some((x) => typeof x !== "string")) throw new NotNative("packages is not a list of folders");
    for (const pkg of wheel.packages) {
      const dir = pkg.replace(/^\.\//, "").replace(/\/+$/, "");
      if (/[*?[]/.test(dir)) throw new NotNative(`the package ${pkg} is a glob`);
      filesUnder(files, dir, path3.posix.basename(dir), shipped);
    }
  } else {
    const component = (n) => n.replace(/[^\w.]+/gu, "_");
    const raw = String(project.name);
    let found = false;
    for (const n of [component(raw), component(canonicalName(raw))]) {
      if (files.includes(`${n}/__init__.py`)) filesUnder(files, n, n, shipped);
      else if (files.includes(`src/${n}/__init__.py`)) filesUnder(files, `src/${n}`, n, shipped);
      else if (files.includes(`${n}.py`)) shipped.set(`${n}.py`, `${n}.py`);
      else continue;
      found = true;
      break;
    }
    if (!found) throw new NotNative("hatchling would look further (namespace packages) or fail: no package named after the project");
  }
  dropIgnored(shipped, await ignoreRules(p));
  return { backend: "hatchling", style: { ...BASE_STYLE, metadataVersion: "2.5", sortClassifiers: true, entryPointSeparator: " = " }, shipped, version };
}
async function flit(p, project) {
  const flitTool = table(table(p.doc.tool, "[tool]").flit, "[tool.flit]");
  onlyKeys(flitTool, ["module", "sdist"], "[tool.flit]");
  const moduleTable = table(flitTool.module, "[tool.flit.module]");
  onlyKeys(moduleTable, ["name"], "[tool.flit.module]");
  const module = typeof moduleTable.name === "string" ? moduleTable.name : String(project.name).replace(/-/g, "_");
  if (module.includes(".")) throw new NotNative("a namespace module (dotted [tool.flit.module] name) is left to flit");
  const files = p.files.files;
  const candidates = [`${module}/__init__.py`, `${module}.py`, `src/${module}/__init__.py`, `src/${module}.py`].filter((c) => files.includes(c));
  if (candidates.length !== 1) throw new NotNative(`flit would find ${candidates.length} places for the module ${module}`);
  const shipped = /* @__PURE__ */ new Map();
  const found = candidates[0];
  if (found.endsWith("/__init__.py")) filesUnder(files, path3.posix.dirname(found), module, shipped);
  else shipped.set(`${module}.py`, found);
  let version;
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
  if (dynamic.includes("version")) version = await versionFromFile(path3.join(p.dir, found));
  return { backend: "flit-core", style: { ...BASE_STYLE, metadataVersion: "2.5", entryPointSeparator: "=", entryPointsEndBlank: true, extraMarkerFirst: true, importNames: [module] }, shipped, version };
}
function packageFolder(base, pkg) {
  return [base, ...pkg.split(".")].filter((x) => x && x !== ".").join("/");
}
function findPackages(dirs, where, include, exclude, flat) {
  const prefix = where === "." || where === "" ? "" : `${where}/`;
  const glob = (pattern) => new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  const inc = include.map(glob);
  const exc = exclude.map(glob);
  const out = [];
  for (const d of dirs) {
    if (!d.startsWith(prefix)) continue;
    const parts = d.slice(prefix.length).split("/");
    if (!parts.every((x, i) => IDENTIFIER.test(x) || i === 0 && flat && x.endsWith("-stubs"))) continue;
    const name = parts.join(".");
    if (parts.slice(0, -1).some((_, i) => exclude.includes(`${parts.slice(0, i + 1).join(".")}.*`) || exclude.includes(`${parts.slice(0, i + 1).join(".")}*`))) continue;
    if (inc.some((r) => r.test(name)) && !exc.some((r) => r.test(name))) out.push(name);
  }
  return out;
}
var FLAT_EXCLUDE = ["ci", "bin", "debian", "doc", "docs", "documentation", "manpages", "news", "newsfragments", "changelog", "test", "tests", "unit_test", "unit_tests", "example", "examples", "scripts", "tools", "util", "utils", "python", "build", "dist", "venv", "env", "requirements", "tasks", "fabfile", "site_scons", "benchmark", "benchmarks", "exercise", "exercises", "htmlcov", "[._]*"];
async function setuptools(p) {
  const files = p.files.files;
  for (const f of ["setup.py", "setup.cfg", "MANIFEST.in"]) if (files.includes(f)) throw new NotNative(`${f} configures setuptools in ways only setuptools reads`);
  const requires = Array.isArray(table(p.doc["build-system"], "[build-system]").requires) ? table(p.doc["build-system"], "[build-system]").requires : [];
  if (requires.some((r) => /^setuptools[-_.]?scm/i.test(r))) throw new NotNative("setuptools-scm decides the version and the files");
  const st = table(table(p.doc.tool, "[tool]").setuptools, "[tool.setuptools]");
  onlyKeys(st, ["packages", "package-dir", "package-data", "include-package-data", "py-modules", "zip-safe", "platforms"], "[tool.setuptools]");
  const packageDir = table(st["package-dir"], "[tool.setuptools.package-dir]");
  onlyKeys(packageDir, [""], "[tool.setuptools.package-dir]");
  let base = typeof packageDir[""] === "string" ? packageDir[""].replace(/\/+$/, "") : "";
  let packages = [];
  let modules = [];
  if (Array.isArray(st["py-modules"])) modules = st["py-modules"];
  if (Array.isArray(st.packages)) packages = st.packages;
  else if (isTable2(st.packages)) {
    const find = table(st.packages.find, "[tool.setuptools.packages.find]");
    onlyKeys(find, ["where", "include", "exclude", "namespaces"], "[tool.setuptools.packages.find]");
    const where = Array.isArray(find.where) ? find.where : ["."];
    if (where.length !== 1) throw new NotNative("several find.where folders");
    const w = where[0].replace(/^\.\//, "").replace(/\/+$/, "");
    if (find.namespaces === false) throw new NotNative("find with namespaces = false is left to setuptools");
    packages = findPackages(p.files.dirs, w, Array.isArray(find.include) ? find.include : ["*"], Array.isArray(find.exclude) ? find.exclude : [], false);
    if (w !== "." && w !== "") base = w;
  } else if (st.packages !== void 0) throw new NotNative("[tool.setuptools].packages has an unknown form");
  else if (st["py-modules"] === void 0) {
    const src = base || "src";
    if (p.files.dirs.includes(src)) {
      base = src;
      packages = findPackages(p.files.dirs, src, ["*"], [], false);
      modules = files.filter((f) => f.startsWith(`${src}/`) && !f.slice(src.length + 1).includes("/") && f.endsWith(".py")).map((f) => f.slice(src.length + 1, -3));
    } else {
      const top = (await readdir2(p.dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
      const flatDirs = [.../* @__PURE__ */ new Set([...top, ...p.files.dirs])].sort();
      const excluded = FLAT_EXCLUDE.flatMap((x) => [x, `${x}.*`]);
      packages = findPackages(flatDirs, "", ["*"], excluded, true);
      const topLevel2 = packages.filter((x) => !x.includes("."));
      if (topLevel2.length > 1) throw new NotNative(`setuptools refuses a flat layout with several top-level packages (${topLevel2.join(", ")})`);
      if (topLevel2.length === 0) throw new NotNative("flat-layout modules are left to setuptools");
    }
  }
  for (const m of modules) if (!IDENTIFIER.test(m)) throw new NotNative(`the module name ${m} is not modelled`);
  const shipped = /* @__PURE__ */ new Map();
  const has = new Set(files);
  for (const pkg of packages) {
    const folder = packageFolder(base, pkg);
    const into = pkg.split(".").join("/");
    for (const f of files) {
      if (path3.posix.dirname(f) === folder && f.endsWith(".py")) shipped.set(`${into}/${path3.posix.basename(f)}`, f);
    }
  }
  for (const m of modules) {
    const f = packageFolder(base, m) + ".py";
    if (has.has(f)) shipped.set(`${m}.py`, f);
  }
  const data = table(st["package-data"], "[tool.setuptools.package-data]");
  for (const [key, globs] of Object.entries(data)) {
    if (!Array.isArray(globs)) throw new NotNative(`package-data.${key} is not a list`);
    const targets = key === "*" ? packages : packages.filter((x) => x === key);
    for (const pkg of targets) {
      const folder = packageFolder(base, pkg);
      for (const g of globs) {
        if (/[[\]]/.test(g)) throw new NotNative(`the package-data glob ${g} is not modelled`);
        const re = new RegExp(`^${g.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*\*\//g, "(?:.*/)?").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
        for (const f of files) {
          if (!f.startsWith(`${folder}/`)) continue;
          const rel = f.slice(folder.length + 1);
          if (re.test(rel)) shipped.set(`${pkg.split(".").join("/")}/${rel}`, f);
        }
      }
    }
  }
  const topLevel = [.../* @__PURE__ */ new Set([...packages.map((x) => x.split(".")[0]), ...modules])].sort();
  return {
    backend: "setuptools",
    style: { ...BASE_STYLE, metadataVersion: "2.4", entryPointSeparator: " = " },
    shipped,
    distInfo: { "top_level.txt": topLevel.map((t) => `${t}
`).join("") },
    dynamicLicenseFile: true
  };
}
async function poetry(p, project) {
  const tool = table(table(p.doc.tool, "[tool]").poetry, "[tool.poetry]");
  onlyKeys(tool, ["packages", "group", "requires-poetry"], "[tool.poetry]");
  const files = p.files.files;
  const shipped = /* @__PURE__ */ new Map();
  if (tool.packages !== void 0) {
    if (!Array.isArray(tool.packages)) throw new NotNative("[tool.poetry].packages is not a list");
    for (const entry of tool.packages) {
      const e = table(entry, "a [tool.poetry].packages entry");
      onlyKeys(e, ["include", "from", "format"], "a [tool.poetry].packages entry");
      if (typeof e.include !== "string" || /[*?[]/.test(e.include)) throw new NotNative("a package include that is a glob is left to poetry-core");
      if (e.format !== void 0) {
        const formats = Array.isArray(e.format) ? e.format : [e.format];
        if (!formats.includes("wheel")) continue;
      }
      const from = typeof e.from === "string" ? e.from.replace(/^\.\//, "").replace(/\/+$/, "") : "";
      const dir = from ? `${from}/${e.include}` : e.include;
      if (files.includes(`${dir}.py`)) shipped.set(`${e.include}.py`, `${dir}.py`);
      else filesUnder(files, dir, e.include, shipped);
    }
  } else {
    const module = canonicalName(String(project.name)).replace(/-/g, "_");
    if (files.includes(`${module}/__init__.py`)) filesUnder(files, module, module, shipped);
    else if (files.includes(`src/${module}/__init__.py`)) filesUnder(files, `src/${module}`, module, shipped);
    else if (files.includes(`${module}.py`)) shipped.set(`${module}.py`, `${module}.py`);
    else throw new NotNative(`poetry-core would not find a package named ${module}`);
  }
  if (inGitCheckout(p.dir)) dropIgnored(shipped, await ignoreRules(p));
  return { backend: "poetry-core", style: { metadataVersion: "2.4", authors: "first", sortClassifiers: false, entryPointSeparator: "=", entryPointsEndBlank: true }, shipped };
}
async function uvBuild(p, project) {
  const settings = table(table(table(p.doc.tool, "[tool]").uv, "[tool.uv]")["build-backend"], "[tool.uv.build-backend]");
  onlyKeys(settings, ["module-root", "module-name", "source-include"], "[tool.uv.build-backend]");
  const root = typeof settings["module-root"] === "string" ? settings["module-root"].replace(/^\.\/?/, "").replace(/\/+$/, "") : "src";
  const name = settings["module-name"] ?? canonicalName(String(project.name)).replace(/-/g, "_");
  if (typeof name !== "string" || !IDENTIFIER.test(name)) throw new NotNative("a dotted, list or stubs module-name is left to uv_build");
  const dir = root ? `${root}/${name}` : name;
  if (!p.files.files.includes(`${dir}/__init__.py`)) throw new NotNative(`uv_build would fail: ${dir}/__init__.py is missing`);
  const shipped = /* @__PURE__ */ new Map();
  filesUnder(p.files.files, dir, name, shipped);
  const metadataVersion = typeof project.license === "string" ? "2.4" : "2.3";
  return { backend: "uv_build", style: { ...BASE_STYLE, authors: "uv", metadataVersion, entryPointSeparator: " = ", entryPointsEndBlank: true, noDefaultLicenseFiles: true }, shipped };
}
async function pdmBackend(p, project) {
  const pdmTool = table(table(p.doc.tool, "[tool]").pdm, "[tool.pdm]");
  if (pdmTool.version !== void 0) throw new NotNative("[tool.pdm.version] computes the version");
  const build = table(pdmTool.build, "[tool.pdm.build]");
  onlyKeys(build, ["package-dir"], "[tool.pdm.build]");
  const files = p.files.files;
  if (files.includes("pdm_build.py")) throw new NotNative("pdm_build.py is a build hook");
  const base = typeof build["package-dir"] === "string" ? build["package-dir"].replace(/\/+$/, "") : p.files.dirs.includes("src") ? "src" : "";
  const prefix = base ? `${base}/` : "";
  const packages = p.files.dirs.filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes("/")).map((d) => d.slice(prefix.length)).filter((d) => d !== "__pypackages__" && files.includes(`${prefix}${d}/__init__.py`) && !(base === "" && d === "tests"));
  const shipped = /* @__PURE__ */ new Map();
  for (const pkg of packages) filesUnder(files, `${prefix}${pkg}`, pkg, shipped);
  if (packages.length === 0) {
    for (const f of files) if (f.startsWith(prefix) && !f.slice(prefix.length).includes("/") && f.endsWith(".py")) shipped.set(f.slice(prefix.length), f);
  }
  const metadataVersion = typeof project.license === "string" || project["license-files"] !== void 0 ? "2.4" : "2.3";
  return {
    backend: "pdm-backend",
    style: { ...BASE_STYLE, metadataVersion, entryPointSeparator: " = ", entryPointsSortedAlways: true, licenseGlob: /^(LICEN[CS]E|COPYING|NOTICE)/, undeclaredLicenseFiles: true },
    shipped
  };
}
function inGitCheckout(dir) {
  for (let d = path3.resolve(dir); ; d = path3.dirname(d)) {
    if (existsSync2(path3.join(d, ".git"))) return true;
    if (path3.dirname(d) === d) return false;
  }
}
var PEP621_KEYS = /* @__PURE__ */ new Set(["name", "version", "description", "readme", "requires-python", "license", "license-files", "authors", "maintainers", "keywords", "classifiers", "urls", "scripts", "gui-scripts", "entry-points", "dependencies", "optional-dependencies", "dynamic"]);
var BACKENDS = {
  "hatchling.build": hatchling,
  "flit_core.buildapi": flit,
  "setuptools.build_meta": setuptools,
  "poetry.core.masonry.api": poetry,
  uv_build: uvBuild,
  "pdm.backend": pdmBackend
};
function recordHash(data) {
  return createHash2("sha256").update(data).digest("base64url");
}
async function buildNative(p) {
  const buildSystem = table(p.doc["build-system"], "[build-system]");
  if (buildSystem["backend-path"] !== void 0) throw new NotNative("an in-tree backend (backend-path) is custom code");
  const backendName = typeof buildSystem["build-backend"] === "string" ? buildSystem["build-backend"] : void 0;
  const rule = backendName ? BACKENDS[backendName] : void 0;
  if (!rule) throw new NotNative(backendName ? `the backend ${backendName} is not one the native builder models` : "no [build-system].build-backend (legacy setuptools)");
  const project = table(p.doc.project, "[project]");
  if (Object.keys(project).length === 0) throw new NotNative("there is no [project] table");
  const unknown = Object.keys(project).filter((k) => !PEP621_KEYS.has(k));
  if (unknown.length) throw new NotNative(`[project] sets ${unknown.join(", ")}, which the native builder does not model`);
  if (p.files.files.some((f) => /\.(c|cc|cpp|cxx|pyx|rs|f90)$/i.test(f) && !f.includes("/tests/"))) throw new NotNative("the project holds native sources");
  const plan = await rule(p, project);
  if (plan.shipped.size === 0) throw new NotNative(`${plan.backend} would ship no files`);
  const rootFiles = p.files.files.filter((f) => !f.includes("/"));
  const meta = await projectMetadata(project, p.dir, rootFiles, plan.style, plan.version);
  const dist = `${canonicalName(meta.name).replace(/-/g, "_")}-${meta.version.replace(/-/g, "_")}`;
  const distInfo = `${dist}.dist-info`;
  const entries = [];
  for (const wheelPath of [...plan.shipped.keys()].sort()) {
    if (wheelPath.startsWith(`${distInfo}/`)) throw new NotNative(`the project ships its own ${wheelPath}`);
    entries.push([wheelPath, await readFile3(path3.join(p.dir, plan.shipped.get(wheelPath)))]);
  }
  let metadata = meta.metadata;
  if (plan.dynamicLicenseFile && meta.licenseFiles.length) {
    const split = metadata.indexOf("\n\n");
    const head = split < 0 ? metadata : metadata.slice(0, split + 1);
    metadata = `${head}Dynamic: license-file
${split < 0 ? "" : metadata.slice(split + 1)}`;
  }
  entries.push([`${distInfo}/METADATA`, Buffer.from(metadata)]);
  entries.push([`${distInfo}/WHEEL`, Buffer.from(`Wheel-Version: 1.0
Generator: pexship ${PEXSHIP_VERSION} (as ${plan.backend})
Root-Is-Purelib: true
Tag: py3-none-any
`)]);
  if (meta.entryPoints) entries.push([`${distInfo}/entry_points.txt`, Buffer.from(meta.entryPoints)]);
  for (const f of meta.licenseFiles) entries.push([`${distInfo}/licenses/${f}`, await readFile3(path3.join(p.dir, f))]);
  for (const [name, text] of Object.entries(plan.distInfo ?? {})) entries.push([`${distInfo}/${name}`, Buffer.from(text)]);
  const record = entries.map(([name, data]) => `${name},sha256=${recordHash(data)},${data.length}
`).join("") + `${distInfo}/RECORD,,
`;
  entries.push([`${distInfo}/RECORD`, Buffer.from(record)]);
  const members = entries.map(([name, content]) => ({ name, mode: 33188, content }));
  return { filename: `${dist}-py3-none-any.whl`, backend: plan.backend, chunks: writeZip(Buffer.alloc(0), members, true), shipped: plan.shipped };
}

// src/project/pep517.ts
import { execFile } from "node:child_process";
import { createHash as createHash3, randomBytes } from "node:crypto";
import { existsSync as existsSync3 } from "node:fs";
import { copyFile, mkdir, readdir as readdir3, rename, rm, symlink, writeFile } from "node:fs/promises";
import path4 from "node:path";

// src/project/pep517-driver.py
var pep517_driver_default = `"""Calls one PEP 517 hook of a build backend; run by pexship inside an isolated build environment.

usage: driver.py requires|build BACKEND BACKEND_PATH_JSON OUT_DIR
The backend's own output goes to stderr; the hook's result is the last line on stdout, as JSON.
"""
import importlib
import json
import os
import sys


def main():
    command, backend, backend_path, out_dir = sys.argv[1:5]
    for entry in reversed(json.loads(backend_path)):
        sys.path.insert(0, os.path.abspath(entry))
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # backends print freely; keep stdout for the result
    module_name, _, attrs = backend.partition(':')
    hooks = importlib.import_module(module_name)
    for attr in attrs.split('.') if attrs else []:
        hooks = getattr(hooks, attr)
    if command == 'requires':
        hook = getattr(hooks, 'get_requires_for_build_wheel', None)
        result = list(hook({})) if hook else []
    else:
        result = hooks.build_wheel(out_dir, {})
    sys.stdout.flush()
    os.write(real_stdout, (json.dumps(result) + '\\n').encode('utf-8'))


if __name__ == '__main__':
    main()
`;

// src/project/pep517.ts
function run(cmd, args, cwd, timeoutMs) {
  const env = { ...process.env, PYTHONNOUSERSITE: "1", PIP_DISABLE_PIP_VERSION_CHECK: "1" };
  delete env.PYTHONPATH;
  delete env.PYTHONHOME;
  return new Promise((done) => {
    execFile(cmd, args, { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      done({ code: err ? typeof err.code === "number" ? Number(err.code) : 1 : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
function tail(r) {
  return (r.stderr || r.stdout).trim().split("\n").slice(-15).join("\n");
}
function buildSystemOf(doc) {
  const bs = doc["build-system"] ?? {};
  const requires = Array.isArray(bs.requires) ? bs.requires : ["setuptools>=40.8.0"];
  const backend = typeof bs["build-backend"] === "string" ? bs["build-backend"] : "setuptools.build_meta:__legacy__";
  const backendPath = Array.isArray(bs["backend-path"]) ? bs["backend-path"] : [];
  return { requires, backend, backendPath };
}
async function buildEnv(python, pyTarget, requirements, req) {
  const resolution = await resolve({ requirements, constraints: [], targets: [pyTarget], pre: false, source: req.client });
  const dists = resolution.targets[0].distributions;
  const needsBuild = dists.filter((d) => d.needsBuild);
  if (needsBuild.length) {
    throw new JobError(`the build requirements of ${req.dir} include ${needsBuild.map((d) => `${d.name} ${d.version}`).join(", ")}, which the index has only as source; put a wheel of it in a --find-links folder.`);
  }
  const wheels = await Promise.all(dists.map((d) => req.client.fetchFile(d.file)));
  const key = createHash3("sha256").update(`${python}\0${wheels.map((w) => path4.basename(w)).sort().join("\0")}`).digest("hex").slice(0, 32);
  const envDir = path4.join(req.cacheDir, "build-envs", key);
  if (existsSync3(path4.join(envDir, ".complete"))) {
    if (existsSync3(path4.join(envDir, "bin", "python"))) return envDir;
    await rm(envDir, { recursive: true, force: true });
  }
  req.log(`build environment: ${dists.map((d) => `${d.name} ${d.version}`).join(", ") || "empty"}`);
  const temp = `${envDir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(path4.dirname(envDir), { recursive: true });
  try {
    const made = await run(python, ["-m", "venv", "--without-pip", temp], req.cacheDir, 12e4);
    if (made.code !== 0) throw new JobError(`could not make a build environment with ${python} -m venv: ${tail(made)}`);
    const purelib = (await run(path4.join(temp, "bin", "python"), ["-c", 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], req.cacheDir, 6e4)).stdout.trim();
    if (!purelib) throw new JobError(`the build environment made by ${python} has no site-packages folder`);
    for (const w of wheels) {
      const installed = await installWheel(w, { cacheDir: req.cacheDir });
      for (const m of installed.members) {
        if (m.name.includes(".data/")) continue;
        const target = path4.join(purelib, m.name);
        await mkdir(path4.dirname(target), { recursive: true });
        await writeFile(target, memberContent(m));
      }
    }
    await writeFile(path4.join(temp, ".complete"), "");
    try {
      await rename(temp, envDir);
    } catch {
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return envDir;
}
async function cleanCopy(req, into) {
  for (const f of req.files) {
    const target = path4.join(into, f);
    await mkdir(path4.dirname(target), { recursive: true });
    await copyFile(path4.join(req.dir, f), target);
  }
  if (existsSync3(path4.join(req.dir, ".git"))) await symlink(path4.join(req.dir, ".git"), path4.join(into, ".git"));
}
async function hook(envDir, command, backend, backendPath, cwd, outDir) {
  const driver = path4.join(envDir, "pexship_pep517_driver.py");
  if (!existsSync3(driver)) await writeFile(driver, pep517_driver_default);
  const r = await run(path4.join(envDir, "bin", "python"), [driver, command, backend, JSON.stringify(backendPath), outDir], cwd, 15 * 6e4);
  if (r.code !== 0) return r;
  try {
    return { ...r, result: JSON.parse(r.stdout.trim().split("\n").pop() ?? "") };
  } catch {
    return { ...r, code: 1 };
  }
}
async function buildWithBackend(req) {
  const [major, minor] = req.target.pythonVersion;
  const python = await findInterpreterFor([major, minor], req.interpreters);
  if (!python) {
    throw new JobError(
      `building the project ${req.dir} for ${req.target.label} needs its build backend, run by CPython ${major}.${minor} (python${major}.${minor} on PATH, or --python), which was not found. Install that Python, or use a backend and layout pexship builds natively (see the README).`
    );
  }
  const system = buildSystemOf(req.doc);
  const pyTarget = await currentTarget(python);
  let requirements = system.requires.map((r) => parseRequirement(r));
  const work = path4.join(req.cacheDir, "project-builds", `tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const src = path4.join(work, "src");
    await mkdir(src, { recursive: true });
    await cleanCopy(req, src);
    let envDir = await buildEnv(python, pyTarget, requirements, req);
    const asked = await hook(envDir, "requires", system.backend, system.backendPath, src, req.outDir);
    if (asked.code !== 0) throw new JobError(`the build backend ${system.backend} of ${req.dir} failed to start (get_requires_for_build_wheel):
${tail(asked)}`);
    const more = asked.result.map((r) => parseRequirement(r)).filter((r) => !requirements.some((have) => have.canonicalName === r.canonicalName));
    if (more.length) {
      requirements = [...requirements, ...more];
      envDir = await buildEnv(python, pyTarget, requirements, req);
    }
    await mkdir(req.outDir, { recursive: true });
    const built = await hook(envDir, "build", system.backend, system.backendPath, src, req.outDir);
    if (built.code !== 0) throw new JobError(`building ${req.dir} with ${system.backend} (CPython ${major}.${minor}) failed:
${tail(built)}`);
    const name = String(built.result);
    if (path4.basename(name) !== name || !name.endsWith(".whl") || !(await readdir3(req.outDir)).includes(name)) {
      throw new JobError(`the build backend ${system.backend} of ${req.dir} reported ${JSON.stringify(name)}, which is not a wheel it wrote.`);
    }
    return path4.join(req.outDir, name);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// src/project/build.ts
function checkRequiresPython(project, targets) {
  if (!project.requiresPython) return;
  let spec;
  try {
    spec = parseSpecifierSet(project.requiresPython);
  } catch {
    throw new UsageError(`${project.file}: requires-python ${JSON.stringify(project.requiresPython)} is not a valid version specifier; fix it (e.g. ">=3.9").`);
  }
  for (const t of targets) {
    const version = t.markerEnvironment.python_full_version;
    if (!spec.contains(version, { prereleases: true })) {
      throw new UsageError(
        `the project ${project.name} requires Python ${project.requiresPython} (requires-python in ${project.file}), but the target ${t.label} (${t.platform}) is Python ${version}; build for a Python it supports, or change requires-python.`
      );
    }
  }
}
async function writeOnce(dir, filename, chunks) {
  const final = path5.join(dir, filename);
  if (existsSync4(final)) return final;
  await mkdir2(dir, { recursive: true });
  const temp = `${final}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  await writeFile2(temp, Buffer.concat(chunks));
  await rename2(temp, final);
  return final;
}
function fitsAll(wheel, targets, project) {
  const bad = targets.find((t) => !wheelSupported(path5.basename(wheel), t));
  if (bad) {
    throw new JobError(`the project ${project.name} was built here as ${path5.basename(wheel)}, which does not fit the target ${bad.label} (it holds compiled code for this machine); build it on a machine that matches ${bad.label}.`);
  }
}
async function buildProjectWheel(req) {
  const { project, targets } = req;
  checkRequiresPython(project, targets);
  const files = await listProjectFiles(project.dir);
  const system = buildSystemOf(project.doc);
  const hash = await projectContentHash(project.dir, files.files, JSON.stringify([PEXSHIP_VERSION, system]));
  const cacheRoot = path5.join(req.cacheDir, "projects", hash.slice(0, 2), hash);
  let reason;
  if (!req.forcePep517) {
    try {
      const native = await buildNative({ dir: project.dir, doc: project.doc, files });
      return { wheel: await writeOnce(path5.join(cacheRoot, "native"), native.filename, native.chunks), how: "native", backend: native.backend };
    } catch (e) {
      if (!(e instanceof NotNative)) throw e;
      reason = e.message;
      req.log(`${project.name}: built by its backend (${system.backend}): ${reason}`);
    }
  }
  const outDir = path5.join(cacheRoot, `cp${targets[0].pythonVersion.join("")}`);
  const cached = existsSync4(outDir) ? (await readdir4(outDir)).filter((f) => f.endsWith(".whl")) : [];
  if (cached.length === 1) {
    const wheel = path5.join(outDir, cached[0]);
    fitsAll(wheel, targets, project);
    return { wheel, how: "pep517", backend: system.backend, reason };
  }
  const temp = `${outDir}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`;
  try {
    const built = await buildWithBackend({ dir: project.dir, doc: project.doc, files: files.files, target: targets[0], client: req.client, cacheDir: req.cacheDir, interpreters: req.interpreters, outDir: temp, log: req.log });
    await rm2(outDir, { recursive: true, force: true });
    await rename2(temp, outDir);
    const wheel = path5.join(outDir, path5.basename(built));
    fitsAll(wheel, targets, project);
    return { wheel, how: "pep517", backend: system.backend, reason };
  } finally {
    await rm2(temp, { recursive: true, force: true });
  }
}
export {
  buildProjectWheel,
  checkRequiresPython
};
