import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  canonicalName,
  evaluateMarker,
  parseRequirement
} from "./chunk-ZU7UPI3D.js";
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
  /** Values by lower-cased name, made on the first look-up (a METADATA is looked up a dozen times). */
  byName;
  add(name, value) {
    this.entries.push([name, value]);
    this.byName = void 0;
  }
  index() {
    if (!this.byName) {
      this.byName = /* @__PURE__ */ new Map();
      for (const [n, v] of this.entries) {
        const key = n.toLowerCase();
        const values = this.byName.get(key);
        if (values) values.push(v);
        else this.byName.set(key, [v]);
      }
    }
    return this.byName;
  }
  /** Every value of a field, in order. */
  getAll(name) {
    return [...this.index().get(name.toLowerCase()) ?? []];
  }
  /** The first value of a field. */
  get(name) {
    return this.index().get(name.toLowerCase())?.[0];
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
  const h = head.includes("\r") ? head.replace(/\r\n?/g, "\n") : head;
  let name;
  let value = "";
  let moreFrom = 0;
  let moreTo = 0;
  const flush = () => {
    if (name !== void 0) headers.add(name, moreTo > moreFrom ? value + h.slice(moreFrom, moreTo) : value);
    name = void 0;
  };
  for (let i = 0; ; ) {
    let eol = h.indexOf("\n", i);
    if (eol < 0) eol = h.length;
    if (eol === i) break;
    const first = h.charCodeAt(i);
    if (first === 32 || first === 9) {
      moreTo = eol;
    } else {
      flush();
      const colon = h.indexOf(":", i);
      if (colon > i && colon < eol) {
        name = h.slice(i, colon).trim();
        value = h.slice(colon + 1, eol).trim();
        moreFrom = moreTo = eol;
      }
    }
    if (eol === h.length) break;
    i = eol + 1;
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
  if (!value.includes("\n")) return value.trim();
  return value.split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ");
}
function unfoldDescription(value) {
  const [first, ...rest] = value.split("\n");
  return [first, ...rest.map((l) => /^ {7}\|/.test(l) ? l.slice(8) : l.replace(/^(?: {1,8}|\t)/, ""))].join("\n");
}
function parseCoreMetadata(text, source = "METADATA") {
  const parsed = parseHeaders(text);
  const name = oneField(parsed.headers, "Name");
  const version = oneField(parsed.headers, "Version");
  if (!name) throw new InvalidMetadata(source, "no Name field");
  if (!version) throw new InvalidMetadata(source, "no Version field");
  return new LazyCoreMetadata(parsed, name, version);
}
function oneField(headers, field) {
  const v = headers.get(field);
  return v === void 0 ? void 0 : unfold(v);
}
function allFields(headers, field) {
  return headers.getAll(field).map(unfold).filter((v) => v !== "");
}
var LazyCoreMetadata = class {
  constructor(parsed, name, version) {
    this.parsed = parsed;
    this.name = name;
    this.version = version;
    this.headers = parsed.headers;
    this.requiresDist = allFields(this.headers, "Requires-Dist");
    this.providesExtra = allFields(this.headers, "Provides-Extra");
    const requiresPython = oneField(this.headers, "Requires-Python");
    if (requiresPython !== void 0) this.requiresPython = requiresPython;
  }
  parsed;
  name;
  version;
  requiresDist;
  providesExtra;
  requiresPython;
  headers;
  later = /* @__PURE__ */ new Map();
  memo(key, compute) {
    if (!this.later.has(key)) this.later.set(key, compute());
    return this.later.get(key);
  }
  get metadataVersion() {
    return this.memo("metadataVersion", () => oneField(this.headers, "Metadata-Version"));
  }
  get summary() {
    return this.memo("summary", () => oneField(this.headers, "Summary"));
  }
  get descriptionContentType() {
    return this.memo("descriptionContentType", () => oneField(this.headers, "Description-Content-Type"));
  }
  get dynamic() {
    return this.memo("dynamic", () => allFields(this.headers, "Dynamic"));
  }
  get classifiers() {
    return this.memo("classifiers", () => allFields(this.headers, "Classifier"));
  }
  get projectUrls() {
    return this.memo("projectUrls", () => allFields(this.headers, "Project-URL"));
  }
  get license() {
    return this.memo("license", () => {
      const v = this.headers.get("License");
      return v === void 0 ? void 0 : unfoldDescription(v);
    });
  }
  get description() {
    return this.memo("description", () => {
      const body = this.parsed.body;
      if (body.trim() !== "") return body;
      const header = this.headers.get("Description");
      return header === void 0 ? void 0 : unfoldDescription(header);
    });
  }
};
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
