import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  isDirectReference,
  parseRequirement
} from "./chunk-ZU7UPI3D.js";
import {
  parseSdistFilename,
  parseWheelFilename,
  sdistExtension
} from "./chunk-6J3BLQ7R.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/shell-words.ts
function shellWords(text, fail) {
  const words = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) fail("has an unclosed ' quote");
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\" && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) j++;
        word += text[j];
      }
      if (j >= text.length) fail('has an unclosed " quote');
      i = j;
    } else if (c === "\\") {
      if (i + 1 >= text.length) fail("ends with a lone backslash");
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

// src/resolve/requirements-file.ts
import { existsSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
var RequirementsFileError = class extends UsageError {
  constructor(file, line, text, problem) {
    const where = line > 0 ? `${file}:${line}` : file;
    const shown = text.trim() ? `: ${JSON.stringify(text.trim().length > 200 ? `${text.trim().slice(0, 200)}\u2026` : text.trim())}` : "";
    super(`${where}${shown}: ${problem}`);
    this.file = file;
    this.line = line;
    this.text = text;
    this.name = "RequirementsFileError";
  }
  file;
  line;
  text;
};
var HASH_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
var OPTIONS = {};
function defineOption(spellings, takesValue, scope = "file") {
  for (const s of spellings) OPTIONS[s] = { canonical: spellings[spellings.length - 1], takesValue, scope };
}
defineOption(["-r", "--requirement"], true);
defineOption(["-c", "--constraint"], true);
defineOption(["-e", "--editable"], true);
defineOption(["-i", "--index-url"], true);
defineOption(["--extra-index-url"], true);
defineOption(["-f", "--find-links"], true);
defineOption(["--no-index"], false);
defineOption(["--pre"], false);
defineOption(["--require-hashes"], false);
defineOption(["--trusted-host"], true);
defineOption(["--prefer-binary"], false);
defineOption(["--only-binary"], true);
defineOption(["--no-binary"], true);
defineOption(["--use-feature"], true);
defineOption(["--hash"], true, "requirement");
defineOption(["--config-settings"], true, "requirement");
defineOption(["--global-option"], true, "requirement");
async function readRequirementsFile(file, options = {}) {
  const state = {
    result: {
      requirements: [],
      constraints: [],
      extraIndexUrls: [],
      findLinks: [],
      noIndex: false,
      pre: false,
      requireHashes: false,
      formatOptions: [],
      preferBinary: false,
      trustedHosts: [],
      warnings: []
    },
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    stack: []
  };
  await readInto(state, path.resolve(state.cwd, file), options.constraint ?? false, void 0);
  checkHashMode(state.result, state.requireHashesAt);
  return state.result;
}
async function readInto(state, file, constraint, includedFrom) {
  let text;
  let real;
  try {
    text = await readFile(file, "utf8");
    real = await realpath(file);
  } catch (err) {
    const code = err.code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(err.message);
    const what = constraint ? "constraints file" : "requirements file";
    if (includedFrom) {
      throw new RequirementsFileError(includedFrom.file, includedFrom.line, includedFrom.text, `cannot read the included ${what} ${file}: ${why}; fix the path (it is relative to the including file)`);
    }
    throw new RequirementsFileError(file, 0, "", `cannot read the ${what}: ${why}; check the path`);
  }
  if (state.stack.includes(real)) {
    const chain = [...state.stack.slice(state.stack.indexOf(real)), real].join(" -> ");
    throw new RequirementsFileError(includedFrom.file, includedFrom.line, includedFrom.text, `include cycle: ${chain}; remove one of these includes`);
  }
  state.stack.push(real);
  try {
    for (const logical of logicalLines(text, file, state.env)) {
      if (logical.text === "") continue;
      await handleLine(state, file, constraint, logical);
    }
  } finally {
    state.stack.pop();
  }
}
function logicalLines(text, file, env) {
  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const out = [];
  let pending;
  physical.forEach((content, index) => {
    const isComment = /^\s*#/.test(content);
    if (content.endsWith("\\") && !isComment) {
      pending ??= { line: index + 1, parts: [] };
      pending.parts.push(content.slice(0, -1));
      return;
    }
    if (pending) {
      pending.parts.push(isComment ? "" : content);
      out.push(finish(pending.line, pending.parts.join("")));
      pending = void 0;
    } else {
      out.push(finish(index + 1, content));
    }
  });
  if (pending) out.push(finish(pending.line, pending.parts.join("")));
  return out;
  function finish(line, raw) {
    const stripped = raw.replace(/(^|\s+)#.*$/, "").trim();
    const expanded = stripped.replace(/\$\{([A-Z0-9_]+)\}/g, (_whole, name) => {
      const value = env[name];
      if (value === void 0) {
        throw new RequirementsFileError(file, line, raw, `environment variable ${name} is not set; set it, or write the value in place of \${${name}}`);
      }
      return value;
    });
    return { line, raw, text: expanded };
  }
}
function parseOptions(words, fail) {
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith("-")) fail(`unexpected ${JSON.stringify(word)}; put one requirement or option per line`);
    let name = word;
    let value;
    const eq = word.indexOf("=");
    if (word.startsWith("--") && eq > 0) {
      name = word.slice(0, eq);
      value = word.slice(eq + 1);
    } else if (!word.startsWith("--") && word.length > 2) {
      name = word.slice(0, 2);
      value = word.slice(2);
    }
    const spec = OPTIONS[name];
    if (!spec) fail(`unknown option ${name}; pexship understands -r, -c, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --require-hashes, --hash, --only-binary, --no-binary, --prefer-binary and --trusted-host`);
    if (spec.takesValue && value === void 0) {
      if (i + 1 >= words.length) fail(`${name} needs a value`);
      value = words[++i];
    } else if (!spec.takesValue && value !== void 0) {
      fail(`${name} takes no value`);
    }
    out.push({ name: spec.canonical, value });
  }
  return out;
}
async function handleLine(state, file, constraint, logical) {
  const fail = (why) => {
    throw new RequirementsFileError(file, logical.line, logical.raw, why);
  };
  const { text } = logical;
  if (text.startsWith("-")) {
    const opts = parseOptions(shellWords(text, fail), fail);
    for (const opt of opts) await applyFileOption(state, file, constraint, logical, opt, fail);
    return;
  }
  const words = text.split(/\s+/);
  const firstOption = words.findIndex((w) => w.startsWith("-"));
  const requirementText = (firstOption < 0 ? words : words.slice(0, firstOption)).join(" ");
  const lineOptions = firstOption < 0 ? [] : parseOptions(shellWords(words.slice(firstOption).join(" "), fail), fail);
  const hashes = [];
  for (const opt of lineOptions) {
    if (opt.name === "--hash") {
      const hash = normaliseHash(opt.value, fail);
      if (!hashes.includes(hash)) hashes.push(hash);
    } else if (OPTIONS[opt.name].scope === "requirement") {
      fail(`${opt.name} is not supported by pexship (it installs prebuilt wheels); remove it`);
    } else {
      fail(`${opt.name} must be on a line of its own`);
    }
  }
  const entry = parseRequirementLine(state, file, requirementText, logical, hashes, fail);
  if (constraint) {
    if (entry.requirement.extras.length > 0) fail("a constraint cannot name extras; drop the [extras] (constraints only limit versions)");
    if (entry.wheel) fail("a constraint must name a project (name==version or name @ url), not a bare wheel; use name @ URL");
    state.result.constraints.push(entry);
  } else {
    state.result.requirements.push(entry);
  }
}
async function applyFileOption(state, file, constraint, logical, opt, fail) {
  const r = state.result;
  const here = `${file}:${logical.line}`;
  const value = opt.value ?? "";
  switch (opt.name) {
    case "--requirement":
    case "--constraint": {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) fail(`including a file by URL is not supported; download it and include the local copy`);
      const target = path.resolve(path.dirname(file), value);
      await readInto(state, target, opt.name === "--constraint" || constraint, { file, line: logical.line, text: logical.raw });
      return;
    }
    case "--editable":
      return fail("editable installs (-e) are not supported in a PEX; build a wheel (pip wheel --no-deps DIR -w wheels/) and list the .whl file, or use --project DIR");
    case "--index-url":
      if (r.indexUrl !== void 0 && r.indexUrl !== value) fail(`a different --index-url was already given at ${state.indexUrlAt} (${r.indexUrl}); keep one, add others with --extra-index-url`);
      r.indexUrl = value;
      state.indexUrlAt = here;
      return;
    case "--extra-index-url":
      if (!r.extraIndexUrls.includes(value)) r.extraIndexUrls.push(value);
      return;
    case "--find-links": {
      let where = value;
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        const nextToFile = path.resolve(path.dirname(file), value);
        where = existsSync(nextToFile) ? nextToFile : path.resolve(state.cwd, value);
      }
      if (!r.findLinks.includes(where)) r.findLinks.push(where);
      return;
    }
    case "--no-index":
      r.noIndex = true;
      return;
    case "--pre":
      r.pre = true;
      return;
    case "--require-hashes":
      r.requireHashes = true;
      state.requireHashesAt ??= `--require-hashes at ${here}`;
      return;
    case "--only-binary":
    case "--no-binary":
      r.formatOptions.push({ option: opt.name, value });
      return;
    case "--prefer-binary":
      r.preferBinary = true;
      return;
    case "--trusted-host":
      if (!r.trustedHosts.includes(value)) r.trustedHosts.push(value);
      return;
    case "--use-feature":
      r.warnings.push(`${here}: ${opt.name} has no effect in pexship and was ignored`);
      return;
    default:
      return fail(`${opt.name} must follow a requirement on the same line (e.g. "name==1.0 ${opt.name}=\u2026")`);
  }
}
function normaliseHash(value, fail) {
  const m = /^([A-Za-z0-9]+):([0-9A-Fa-f]+)$/.exec(value);
  if (!m) return fail(`--hash=${value} is not ALGORITHM:HEXDIGEST; write --hash=sha256:<64 hex digits>`);
  const alg = m[1].toLowerCase();
  const want = HASH_LENGTHS[alg];
  if (!want) return fail(`hash algorithm ${m[1]} is not supported; use sha256 (or sha384, sha512)`);
  if (m[2].length !== want) return fail(`the ${alg} digest has ${m[2].length} hex digits, ${alg} has ${want}; copy the whole digest`);
  return `${alg}:${m[2].toLowerCase()}`;
}
var URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
var VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;
function parseRequirementLine(state, file, text, logical, hashes, fail) {
  const base = { hashes, file, line: logical.line, text: logical.raw.trim() };
  if (VCS_SCHEME.test(text)) fail("version-control requirements are not supported; build a wheel of it and list the .whl file");
  const markerCut = text.search(/\s;|;\s/);
  const location = (markerCut >= 0 ? text.slice(0, markerCut) : text).trim();
  const markerText = markerCut >= 0 ? text.slice(markerCut).replace(/^\s*;\s*/, "") : "";
  const looksLikeLocation = URL_SCHEME.test(location) || /[\\/]/.test(location) || location === "." || location.toLowerCase().endsWith(".whl");
  if (looksLikeLocation && !isDirectReference(location)) {
    const resolved = resolveLocation(state, file, location);
    const filename = decodeURIComponent(new URL(resolved.url).pathname.split("/").pop() ?? "");
    let name;
    let version;
    if (filename.toLowerCase().endsWith(".whl")) {
      try {
        ({ distName: name, version } = parseWheelFilename(filename));
      } catch (err) {
        return fail(`${err.message}`);
      }
    } else if (sdistExtension(filename)) {
      try {
        ({ distName: name, version } = parseSdistFilename(filename));
      } catch (err) {
        return fail(`${err.message}`);
      }
    } else {
      return fail("a path or URL must name a .whl file (or a source archive); for a project directory use --project DIR, or build a wheel first");
    }
    const requirement = parse(`${name} @ ${resolved.url}${markerText ? ` ; ${markerText}` : ""}`, fail);
    const wheel = filename.toLowerCase().endsWith(".whl") ? { filename, url: resolved.url, ...resolved.path ? { path: resolved.path } : {} } : void 0;
    return { requirement, ...base, ...wheel ? { wheel } : {} };
  }
  return { requirement: parse(text, fail), ...base };
}
function resolveLocation(state, file, location) {
  if (URL_SCHEME.test(location)) {
    if (location.toLowerCase().startsWith("file:")) {
      return { url: location, path: decodeURIComponent(new URL(location).pathname) };
    }
    return { url: location };
  }
  const nextToFile = path.resolve(path.dirname(file), location);
  const local = existsSync(nextToFile) ? nextToFile : path.resolve(state.cwd, location);
  return { url: pathToFileURL(local).toString(), path: local };
}
function parse(text, fail) {
  try {
    return parseRequirement(text);
  } catch (err) {
    return fail(`${err.message.replace(/\.$/, "")}; write a PEP 508 requirement like "name[extra]>=1.0; python_version >= '3.9'"`);
  }
}
function isPinned(req) {
  return [...req.specifier].some((s) => s.operator === "==" && !s.version.endsWith(".*") || s.operator === "===");
}
function checkHashMode(input, reason) {
  const firstHashed = [...input.requirements, ...input.constraints].find((e) => e.hashes.length > 0);
  if (!input.requireHashes && !firstHashed) return;
  input.requireHashes = true;
  const why = reason ?? input.hashModeReason ?? `because of the --hash at ${firstHashed.file}:${firstHashed.line}`;
  input.hashModeReason = why;
  const constraintsByName = /* @__PURE__ */ new Map();
  for (const c of input.constraints) {
    const key = c.requirement.canonicalName;
    constraintsByName.set(key, [...constraintsByName.get(key) ?? [], c]);
  }
  for (const entry of [...input.requirements, ...input.constraints]) {
    const isConstraint = input.constraints.includes(entry);
    const related = isConstraint ? [] : constraintsByName.get(entry.requirement.canonicalName) ?? [];
    const pinned = entry.requirement.url !== null || isPinned(entry.requirement) || related.some((c) => c.requirement.url !== null || isPinned(c.requirement));
    const hashed = entry.hashes.length > 0 || related.some((c) => c.hashes.length > 0);
    if (isConstraint && entry.hashes.length === 0) continue;
    if (!pinned) {
      throw new RequirementsFileError(entry.file, entry.line, entry.text, `hash-checking mode is on (${why}), so every requirement must be pinned with ==; pin it (e.g. ${entry.requirement.name}==VERSION) and add --hash=sha256:\u2026, or remove every --hash`);
    }
    if (!hashed) {
      throw new RequirementsFileError(entry.file, entry.line, entry.text, `hash-checking mode is on (${why}), so every requirement needs --hash=sha256:\u2026; add the hash of each file you accept (pip hash FILE prints it), or remove every --hash`);
    }
  }
}

export {
  shellWords,
  RequirementsFileError,
  readRequirementsFile,
  checkHashMode
};
