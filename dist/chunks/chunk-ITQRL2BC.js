import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  canonicalName,
  evaluateMarker,
  parseRequirement
} from "./chunk-W3RZJTLV.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/python/metadata.ts
var InvalidMetadata = class extends UsageError {
  constructor(source, reason) {
    super(`invalid metadata in ${source}: ${reason}`);
    this.name = "InvalidMetadata";
  }
};
var HeaderList = class {
  entries = [];
  add(name, value) {
    this.entries.push([name, value]);
  }
  /** Every value of a field, in order. */
  getAll(name) {
    const key = name.toLowerCase();
    return this.entries.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
  }
  /** The first value of a field. */
  get(name) {
    const key = name.toLowerCase();
    return this.entries.find(([n]) => n.toLowerCase() === key)?.[1];
  }
  has(name) {
    return this.get(name) !== void 0;
  }
};
function parseHeaders(text) {
  const headers = new HeaderList();
  const clean = text.replace(/^\uFEFF/, "");
  const blank = /^(?:\r\n|\n|\r)|(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/.exec(clean);
  const head = blank ? clean.slice(0, blank.index) : clean;
  let body;
  const bodyOf = () => body ??= blank ? clean.slice(blank.index + blank[0].length).replace(/\r\n?/g, "\n") : "";
  const lines = head.split(/\r\n|\n|\r/);
  let current;
  const flush = () => {
    if (current) headers.add(current.name, current.parts.join("\n"));
    current = void 0;
  };
  for (const line of lines) {
    if (line === "") break;
    if (/^[ \t]/.test(line)) {
      current?.parts.push(line);
      continue;
    }
    const colon = line.indexOf(":");
    flush();
    if (colon <= 0) continue;
    current = { name: line.slice(0, colon).trim(), parts: [line.slice(colon + 1).trim()] };
  }
  flush();
  return {
    headers,
    get body() {
      return bodyOf();
    }
  };
}
function unfold(value) {
  return value.split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ");
}
function unfoldDescription(value) {
  const [first, ...rest] = value.split("\n");
  return [first, ...rest.map((l) => /^ {7}\|/.test(l) ? l.slice(8) : l.replace(/^(?: {1,8}|\t)/, ""))].join("\n");
}
function parseCoreMetadata(text, source = "METADATA") {
  const parsed = parseHeaders(text);
  const headers = parsed.headers;
  const one = (field) => {
    const v = headers.get(field);
    return v === void 0 ? void 0 : unfold(v);
  };
  const all = (field) => headers.getAll(field).map(unfold).filter((v) => v !== "");
  const name = one("Name");
  const version = one("Version");
  if (!name) throw new InvalidMetadata(source, "no Name field");
  if (!version) throw new InvalidMetadata(source, "no Version field");
  const header = headers.get("Description");
  const descriptionOf = () => parsed.body.trim() !== "" ? parsed.body : header !== void 0 ? unfoldDescription(header) : void 0;
  const meta = {
    name,
    version,
    requiresDist: all("Requires-Dist"),
    providesExtra: all("Provides-Extra"),
    dynamic: all("Dynamic"),
    classifiers: all("Classifier"),
    projectUrls: all("Project-URL"),
    headers
  };
  const optional = [
    ["metadataVersion", "Metadata-Version"],
    ["summary", "Summary"],
    ["requiresPython", "Requires-Python"],
    ["descriptionContentType", "Description-Content-Type"]
  ];
  for (const [key, field] of optional) {
    const v = one(field);
    if (v !== void 0) meta[key] = v;
  }
  const license = headers.get("License");
  if (license !== void 0) meta.license = unfoldDescription(license);
  let description;
  let known = false;
  Object.defineProperty(meta, "description", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!known) [known, description] = [true, descriptionOf()];
      return description;
    },
    set: (value) => {
      [known, description] = [true, value];
    }
  });
  return meta;
}
function parseWheelInfo(text, source = "WHEEL") {
  const { headers } = parseHeaders(text);
  const raw = headers.get("Wheel-Version");
  if (raw === void 0) throw new InvalidMetadata(source, "no Wheel-Version field");
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(raw);
  if (!m) throw new InvalidMetadata(source, `Wheel-Version ${JSON.stringify(raw)} is not MAJOR.MINOR`);
  const purelib = (headers.get("Root-Is-Purelib") ?? "false").trim().toLowerCase();
  const info = {
    wheelVersion: [Number(m[1]), Number(m[2])],
    rootIsPurelib: purelib === "true",
    tags: headers.getAll("Tag").map((t) => t.trim().toLowerCase()).filter((t) => t !== ""),
    headers
  };
  const generator = headers.get("Generator");
  if (generator !== void 0) info.generator = unfold(generator);
  const build = headers.get("Build");
  if (build !== void 0) info.build = build.trim();
  return info;
}
function parseEntryPointValue(value) {
  const m = /^\s*([^\s:[\]]+)\s*(?::\s*([^\s[\]]+))?\s*(?:\[([^\]]*)\])?\s*$/.exec(value);
  if (!m) throw new InvalidMetadata("entry_points.txt", `entry point ${JSON.stringify(value)} is not MODULE[:ATTR] [EXTRAS]`);
  const extras = (m[3] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "");
  return { module: m[1], ...m[2] !== void 0 ? { attr: m[2] } : {}, extras };
}
function parseEntryPoints(text, source = "entry_points.txt") {
  const out = [];
  let group;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      group = section[1];
      return;
    }
    const where = `${source} line ${index + 1}`;
    if (group === void 0) throw new InvalidMetadata(where, `${JSON.stringify(line)} is outside any [section]`);
    const eq = line.indexOf("=");
    if (eq <= 0) throw new InvalidMetadata(where, `${JSON.stringify(line)} is not NAME = MODULE[:ATTR]`);
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    let parsed;
    try {
      parsed = parseEntryPointValue(value);
    } catch {
      throw new InvalidMetadata(where, `entry point ${JSON.stringify(value)} is not MODULE[:ATTR] [EXTRAS]`);
    }
    out.push({ group, name, value, ...parsed });
  });
  return out;
}
function entryPointGroup(entryPoints, group) {
  const byName = /* @__PURE__ */ new Map();
  for (const ep of entryPoints) if (ep.group === group) byName.set(ep.name, ep);
  return [...byName.values()];
}

// src/resolve/dependency-config.ts
var PROJECT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*=\s*([A-Za-z0-9].*)$/;
function parse(flag, text) {
  try {
    return parseRequirement(text.trim());
  } catch (e) {
    throw new UsageError(`${flag} '${text}' is not a requirement: ${e.message.split("\n")[0]}. Write it as PEP 508, e.g. ${flag} 'cowsay==5.0'.`);
  }
}
function parseOverride(text) {
  const m = PROJECT.exec(text);
  const requirement = parse("--override", m ? m[2] : text);
  if (requirement.url !== null) {
    throw new UsageError(`--override '${text}' names a URL; an override is a project name with a version specifier, extras or a marker.`);
  }
  return { project: canonicalName(m ? m[1] : requirement.name), requirement, text: text.trim() };
}
function parseExclude(text) {
  const requirement = parse("--exclude", text);
  if (requirement.url !== null) throw new UsageError(`--exclude '${text}' names a URL; give the project name (and a version specifier if needed).`);
  return requirement;
}
function parseDependencyConfig(excludes, overrides, transitive) {
  return { excludes: excludes.map(parseExclude), overrides: overrides.map(parseOverride), transitive };
}
function overrideFor(config, project, env) {
  if (!config?.overrides.length) return void 0;
  const applicable = config.overrides.filter((o) => o.project === project && (!o.requirement.marker || evaluateMarker(o.requirement.marker, env)));
  if (applicable.length > 1) {
    throw new UsageError(`more than one --override applies to ${project} on this target (${applicable.map((o) => `'${o.text}'`).join(", ")}); give each project one override per target (use markers to tell them apart).`);
  }
  return applicable[0]?.requirement;
}
function excludedByName(config, project, env) {
  return !!config?.excludes.some((e) => e.canonicalName === project && e.specifier.size === 0 && (!e.marker || evaluateMarker(e.marker, env)));
}

export {
  InvalidMetadata,
  parseCoreMetadata,
  parseWheelInfo,
  parseEntryPoints,
  entryPointGroup,
  parseDependencyConfig,
  overrideFor,
  excludedByName
};
