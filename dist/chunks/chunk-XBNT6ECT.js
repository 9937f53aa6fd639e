import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  InvalidMetadata,
  excludedByName,
  overrideFor,
  parseCoreMetadata
} from "./chunk-JGUVN7JE.js";
import {
  canonicalExtra,
  declaredRequirement,
  evaluateMarker
} from "./chunk-ZU7UPI3D.js";
import {
  SpecifierSet,
  canonicalizeName,
  parseSdistFilename,
  parseSpecifierSet,
  parseWheelFilename,
  tagPriority,
  tryParseVersion
} from "./chunk-6J3BLQ7R.js";
import {
  JobError,
  UsageError,
  redactUrl
} from "./chunk-A2YORBZ4.js";

// src/resolve/provider.ts
import { pathToFileURL } from "node:url";
var PYTHON_IDENTIFIER = "<python>";
function identifierOf(name, extras) {
  return extras.length ? `${name}[${extras.join(",")}]` : name;
}
function canonicalExtras(extras) {
  return [...new Set([...extras].map(canonicalExtra))].sort();
}
var MetadataStore = class {
  constructor(source) {
    this.source = source;
  }
  source;
  byKey = /* @__PURE__ */ new Map();
  listings = /* @__PURE__ */ new Map();
  /** The project's files with their names parsed (once for all targets). */
  parsedFiles(name) {
    let pending = this.listings.get(name);
    if (!pending) {
      pending = this.source.listFiles(name).then((files) => files.map((f) => parseFile(f, name)));
      this.listings.set(name, pending);
    }
    return pending;
  }
  /** Wheels of one (name, version) share metadata; sdists and direct URLs are keyed by URL. */
  load(file, name, version, isWheel) {
    const key = isWheel ? `${name}==${version.toString()}` : `url:${file.url}`;
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = this.source.fetchMetadata(file).then((text) => parseDist(text, file.filename));
      this.byKey.set(key, pending);
      pending.catch(() => this.byKey.delete(key));
    }
    return pending;
  }
};
function parseDist(text, where) {
  const meta = parseCoreMetadata(text, `the metadata of ${where}`);
  const version = tryParseVersion(meta.version);
  if (!version) throw new MetadataProblem(`its metadata has the invalid version ${JSON.stringify(meta.version)}`);
  let requiresPython = null;
  if (meta.requiresPython && meta.requiresPython.trim() !== "") {
    try {
      requiresPython = parseSpecifierSet(meta.requiresPython.trim());
    } catch {
      requiresPython = null;
    }
  }
  const requiresDist = [];
  for (const line of meta.requiresDist) {
    try {
      requiresDist.push(declaredRequirement(line));
    } catch (err) {
      throw new MetadataProblem(`its metadata has an invalid Requires-Dist ${JSON.stringify(line)} (${err.message})`);
    }
  }
  return {
    name: canonicalizeName(meta.name),
    version,
    requiresPython,
    ...requiresPython ? { requiresPythonText: meta.requiresPython.trim() } : {},
    requiresDist,
    providesExtra: new Set(meta.providesExtra.map(canonicalExtra))
  };
}
function parseFile(file, name) {
  const out = { file, isWheel: false, versionText: "", tags: [], tagText: "", build: -1, buildSuffix: "" };
  if (file.filename.toLowerCase().endsWith(".whl")) {
    out.isWheel = true;
    let wheel;
    try {
      wheel = parseWheelFilename(file.filename);
    } catch {
      out.problem = "invalid wheel file name";
      return out;
    }
    out.versionText = wheel.version;
    out.tags = wheel.tags.map((t) => t.toLowerCase());
    out.tagText = [wheel.pythonTags.join("."), wheel.abiTags.join("."), wheel.platformTags.join(".")].join("-");
    out.build = wheel.build?.number ?? -1;
    out.buildSuffix = wheel.build?.suffix ?? "";
    if (wheel.name !== name) out.problem = `belongs to ${wheel.name}`;
  } else if (isSdistName(file.filename)) {
    let sdist;
    try {
      sdist = parseSdistFilename(file.filename, name);
    } catch {
      out.problem = "unrecognised source distribution file name";
      return out;
    }
    out.versionText = sdist.version;
    if (sdist.name !== name) out.problem = `belongs to ${sdist.name}`;
  } else {
    out.problem = "not a wheel or source distribution";
    return out;
  }
  const version = tryParseVersion(out.versionText);
  if (version) out.version = version;
  else out.problem ??= `invalid version ${JSON.stringify(out.versionText)}`;
  return out;
}
var MetadataProblem = class extends Error {
};
var SDIST_SUFFIXES = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".txz", ".tar", ".zip"];
function isSdistName(filename) {
  const lower = filename.toLowerCase();
  return SDIST_SUFFIXES.some((s) => lower.endsWith(s));
}
function isPinned(spec) {
  return spec.specifiers.some((s) => s.operator === "===" || s.operator === "==" && !s.version.endsWith(".*"));
}
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var Provider = class {
  constructor(options) {
    this.options = options;
    this.target = options.target;
    const full = options.target.pythonFullVersion ?? options.target.markerEnvironment.python_full_version;
    const version = tryParseVersion(full) ?? tryParseVersion(options.target.pythonVersion.join("."));
    if (!version) throw new UsageError(`The target ${options.target.label} has no usable Python version (${JSON.stringify(full)}).`);
    this.pythonVersion = version;
    this.pythonCandidate = {
      id: PYTHON_IDENTIFIER,
      identifier: PYTHON_IDENTIFIER,
      name: PYTHON_IDENTIFIER,
      extras: [],
      version,
      kind: "python",
      files: [],
      deps: []
    };
    this.priority = tagPriority(options.target.tags);
  }
  options;
  target;
  pythonVersion;
  pythonCandidate;
  views = /* @__PURE__ */ new Map();
  requiresPythonCache = /* @__PURE__ */ new Map();
  candidates = /* @__PURE__ */ new Map();
  /** Projects whose dependencies a prefetch has already followed. */
  followed = /* @__PURE__ */ new Set();
  priority;
  get label() {
    return this.target.label;
  }
  // ---- files ----
  /**
   * Starts listing a project and loading the metadata of the newest version `spec` admits, so that the
   * engine, which visits requirements one at a time, finds them ready. Failures surface later, when awaited.
   */
  prefetch(name, spec) {
    void this.view(name).then(async (view) => {
      const constraint = this.options.constraints.get(name);
      const merged = constraint ? new SpecifierSet([...spec.specifiers, ...constraint.specifiers]) : spec;
      const best = this.indexCandidates(name, view, merged)[0];
      if (!best || !await this.load(best)) return;
      for (const dep of best.deps ?? []) {
        if (dep.kind !== "spec" || this.followed.has(dep.name)) continue;
        this.followed.add(dep.name);
        this.prefetch(dep.name, dep.specifier);
      }
    }).catch(() => void 0);
  }
  /** Every file of the project with its verdict for this target, best first (newest version, best tag). */
  async files(name) {
    return (await this.view(name)).verdicts;
  }
  /** The project as this target sees it: judged files and the usable files grouped by version. */
  view(name) {
    let pending = this.views.get(name);
    if (!pending) {
      pending = this.options.metadata.parsedFiles(name).then((parsed) => {
        const verdicts = parsed.map((f) => this.judge(f, name)).sort((a, b) => this.compareFiles(a, b));
        this.preferHashedFiles(name, verdicts);
        const versions = [];
        for (const v of verdicts) {
          if (v.rejected !== void 0) continue;
          const key = v.version.toString();
          const last = versions[versions.length - 1];
          if (last && last.key === key) last.files.push(v);
          else versions.push({ key, version: v.version, files: [v] });
        }
        if (this.options.preferBinary) {
          const withWheel = versions.filter((g) => g.files.some((f) => f.isWheel));
          versions.splice(0, versions.length, ...withWheel, ...versions.filter((g) => !withWheel.includes(g)));
        }
        return { verdicts, versions };
      });
      this.views.set(name, pending);
    }
    return pending;
  }
  /**
   * pip's hash-checking mode: when some usable file of a version has one of the required hashes, the others of
   * that version are set aside (and `indexCandidates` prefers such versions); when none has, all stay, so the
   * chosen file is reported as a hash mismatch (expected, got) after resolution, not as a missing version.
   */
  preferHashedFiles(name, verdicts) {
    const allowed = this.options.hashes?.get(name);
    if (!allowed) return;
    const matches = (v) => allowed.has(v.file.hashes.sha256?.toLowerCase() ?? "");
    const versionsWithMatch = new Set(verdicts.filter((v) => v.rejected === void 0 && matches(v)).map((v) => v.version.toString()));
    for (const v of verdicts) {
      if (v.rejected === void 0 && versionsWithMatch.has(v.version.toString()) && !matches(v)) v.rejected = "its sha256 is not among the required hashes";
    }
  }
  requiresPythonFits(text) {
    let fits = this.requiresPythonCache.get(text);
    if (fits === void 0) {
      let spec;
      try {
        spec = parseSpecifierSet(text);
      } catch {
        spec = void 0;
      }
      fits = !spec || spec.contains(this.pythonVersion, { prereleases: true });
      this.requiresPythonCache.set(text, fits);
    }
    return fits;
  }
  judge(f, name) {
    const verdict = {
      file: f.file,
      versionText: f.versionText,
      isWheel: f.isWheel,
      rank: Number.POSITIVE_INFINITY,
      build: f.build,
      buildSuffix: f.buildSuffix
    };
    if (f.version) verdict.version = f.version;
    if (f.problem !== void 0) {
      verdict.rejected = f.problem;
      return verdict;
    }
    const formats = this.options.formatControl?.allowed(name);
    if (formats && !formats[f.isWheel ? "wheel" : "sdist"]) {
      verdict.rejected = f.isWheel ? "a wheel, and --no-binary asks for a build from source" : "a source distribution, and --only-binary allows wheels only";
      return verdict;
    }
    if (f.isWheel) {
      let rank;
      for (const tag of f.tags) {
        const r = this.priority.get(tag);
        if (r !== void 0 && (rank === void 0 || r < rank)) rank = r;
      }
      if (rank === void 0) {
        verdict.rejected = `wheel tags ${f.tagText} do not fit ${this.label}`;
        return verdict;
      }
      verdict.rank = rank;
    } else if (!this.options.allowSdists) {
      verdict.rejected = "source distribution (only wheels are used)";
      return verdict;
    }
    const rp = f.file.requiresPython;
    if (rp && !this.requiresPythonFits(rp)) {
      verdict.rejected = `requires Python ${rp} (target has ${this.pythonVersion})`;
      return verdict;
    }
    return verdict;
  }
  /** Newest version first; within a version the best wheel tag, higher build, then sdists. */
  compareFiles(a, b) {
    if (a.version && b.version) {
      const c = b.version.compare(a.version);
      if (c) return c;
    } else if (a.version || b.version) return a.version ? -1 : 1;
    if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
    if (a.build !== b.build) return b.build - a.build;
    if (a.buildSuffix !== b.buildSuffix) return -cmpStr(a.buildSuffix, b.buildSuffix);
    return cmpStr(a.file.filename, b.file.filename);
  }
  // ---- candidates ----
  indexCandidate(name, version, verdicts, yanked) {
    const id = `${name}==${version.toString()}${yanked && verdicts.some((v) => v.file.yanked !== false) ? " (yanked)" : ""}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version, kind: "index", files: verdicts.map((v) => v.file) };
      this.candidates.set(id, c);
    }
    return c;
  }
  extrasCandidate(base, extras) {
    const identifier = identifierOf(base.name, extras);
    const id = `${identifier}==${base.id}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier, name: base.name, extras, version: base.version, kind: "extras", files: base.files, base };
      this.candidates.set(id, c);
    }
    return c;
  }
  /** The candidate of a `name @ url` requirement (a wheel or sdist file, local path or URL). */
  urlCandidate(req) {
    const name = canonicalizeName(req.name);
    const file = fileForUrl(req.url, name);
    const id = `${name}@${file.url}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version: file.version, kind: "url", files: [file.file] };
      this.candidates.set(id, c);
    }
    return c;
  }
  /** Loads the metadata of a candidate (once); false when it is unusable (see `problem`). */
  load(c) {
    if (c.deps) return Promise.resolve(true);
    if (c.problem !== void 0) return Promise.resolve(false);
    if (!c.loading) c.loading = this.doLoad(c);
    return c.loading;
  }
  async doLoad(c) {
    if (c.kind === "extras") {
      const base = c.base;
      if (!await this.load(base)) {
        c.problem = base.problem;
        return false;
      }
      c.file = base.file;
      c.dist = base.dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    const problems = [];
    for (const file of c.files) {
      const isWheel = file.filename.toLowerCase().endsWith(".whl");
      let dist;
      try {
        dist = await this.options.metadata.load(file, c.name, c.version, isWheel && c.kind === "index");
      } catch (err) {
        if (err instanceof MetadataProblem || err instanceof InvalidMetadata || !isWheel) {
          problems.push(`${file.filename}: ${err.message}`);
          continue;
        }
        throw err;
      }
      if (dist.name !== c.name || !dist.version.equals(c.version)) {
        problems.push(`${file.filename}: its metadata says ${dist.name} ${dist.version}`);
        continue;
      }
      c.file = file;
      c.dist = dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    c.problem = problems.join("; ") || "no usable file";
    return false;
  }
  /** pip's iter_dependencies: Requires-Python first… then Requires-Dist filtered by markers and extras. */
  computeDeps(c) {
    const dist = c.dist;
    const deps = [];
    const env = this.target.markerEnvironment;
    let contexts = [];
    if (c.kind === "extras") {
      deps.push({ kind: "explicit", identifier: c.base.identifier, name: c.name, candidate: c.base });
      contexts = c.extras.filter((e) => dist.providesExtra.has(e));
    }
    const config = this.options.dependencies;
    for (const declared of config?.transitive === false ? [] : dist.requiresDist) {
      const override = overrideFor(config, canonicalizeName(declared.name), env);
      if (!override && declared.marker && !evaluateMarker(declared.marker, env, contexts.length ? contexts : void 0)) continue;
      const r = override ?? declared.requirement;
      if (excludedByName(config, canonicalizeName(r.name), env)) continue;
      deps.push(...this.requirementsFrom(r));
    }
    if (dist.requiresPython && dist.requiresPython.size > 0) {
      deps.push({ kind: "python", identifier: PYTHON_IDENTIFIER, name: PYTHON_IDENTIFIER, specifier: dist.requiresPython, text: dist.requiresPythonText ?? dist.requiresPython.toString() });
    }
    return deps;
  }
  /**
   * The engine requirements of a PEP 508 requirement (markers already checked). Like pip ≥ 23.3, `b[x]>=1`
   * also constrains `b` itself, so the base project sees the specifier directly.
   */
  requirementsFrom(r) {
    const name = canonicalizeName(r.name);
    const extras = canonicalExtras(r.extras);
    const identifier = identifierOf(name, extras);
    if (r.url !== null) {
      const base = this.urlCandidate(r);
      const candidate = extras.length ? this.extrasCandidate(base, extras) : base;
      return [{ kind: "explicit", identifier, name, candidate, source: r }];
    }
    const out = [];
    if (extras.length && r.specifier.size > 0) out.push({ kind: "spec", identifier: name, name, extras: [], specifier: r.specifier, source: r });
    out.push({ kind: "spec", identifier, name, extras, specifier: r.specifier, source: r });
    return out;
  }
  identifyCandidate(c) {
    return c.identifier;
  }
  isSatisfiedBy(req, c) {
    switch (req.kind) {
      case "spec":
        return req.specifier.contains(c.version, { prereleases: true });
      case "explicit":
        return req.candidate.id === c.id;
      case "python":
        return req.specifier.contains(c.version, { prereleases: true });
    }
  }
  /**
   * pip's find_matches: explicit candidates (URLs, the base of an extras candidate) when any requirement
   * names one; otherwise index versions admitted by every specifier and the constraint, newest first.
   * Candidates come unloaded: the engine loads them in order and skips unusable ones.
   */
  async findMatches(identifier, requirements, incompatible) {
    const reqs = requirements(identifier);
    const incompat = new Set(incompatible(identifier).map((c) => c.id));
    if (identifier === PYTHON_IDENTIFIER) {
      const ok = reqs.every((r) => this.isSatisfiedBy(r, this.pythonCandidate));
      return ok && !incompat.has(this.pythonCandidate.id) ? [this.pythonCandidate] : [];
    }
    const bracket = identifier.indexOf("[");
    const name = bracket === -1 ? identifier : identifier.slice(0, bracket);
    const extras = bracket === -1 ? [] : identifier.slice(bracket + 1, -1).split(",");
    const explicit = /* @__PURE__ */ new Map();
    const specs = [];
    let hasSpecReq = false;
    for (const r of reqs) {
      if (r.kind === "explicit") explicit.set(r.candidate.id, r.candidate);
      else if (r.kind === "spec") {
        hasSpecReq = true;
        specs.push(r.specifier);
      }
    }
    if (extras.length) {
      for (const r of requirements(name)) {
        if (r.kind === "explicit") {
          const c = this.extrasCandidate(r.candidate, extras);
          explicit.set(c.id, c);
        } else if (r.kind === "spec") {
          hasSpecReq = true;
          specs.push(r.specifier);
        }
      }
    }
    const constraint = this.options.constraints.get(name);
    if (explicit.size > 0) {
      return [...explicit.values()].filter(
        (c) => !incompat.has(c.id) && (!constraint || constraint.contains(c.version, { prereleases: true })) && reqs.every((r) => this.isSatisfiedBy(r, c))
      );
    }
    if (!hasSpecReq) return [];
    if (constraint) specs.push(constraint);
    const merged = specs.length === 1 ? specs[0] : new SpecifierSet(specs.flatMap((s) => [...s.specifiers]));
    const found = this.indexCandidates(name, await this.view(name), merged);
    const out = [];
    for (const base of found) {
      const c = extras.length ? this.extrasCandidate(base, extras) : base;
      if (!incompat.has(c.id)) out.push(c);
    }
    return out;
  }
  /** Versions of the project that `spec` admits, one candidate per version, with yanked files per PEP 592. */
  indexCandidates(name, view, spec) {
    let admitted = spec.filter(view.versions, { prereleases: this.options.pre ? true : null, key: (g) => g.version });
    const allowed = this.options.hashes?.get(name);
    const hashed = (g) => g.files.some((f) => allowed.has(f.file.hashes.sha256?.toLowerCase() ?? ""));
    if (allowed && admitted.some(hashed)) admitted = admitted.filter(hashed);
    const allYanked = admitted.every((g) => g.files.every((f) => f.file.yanked !== false));
    const useYanked = allYanked && isPinned(spec);
    const out = [];
    for (const g of admitted) {
      if (useYanked) {
        g.withYanked ??= this.indexCandidate(name, g.version, g.files, true);
        out.push(g.withYanked);
      } else if (g.candidate !== null) {
        if (g.candidate === void 0) {
          const files = g.files.filter((f) => f.file.yanked === false);
          g.candidate = files.length ? this.indexCandidate(name, g.version, files, false) : null;
        }
        if (g.candidate) out.push(g.candidate);
      }
    }
    return out;
  }
  /** Why no version of `name` satisfies `spec` (for error messages): one line per version, newest first. */
  async explainVersions(name, spec, excluded = /* @__PURE__ */ new Set()) {
    const verdicts = await this.files(name);
    const byVersion = /* @__PURE__ */ new Map();
    for (const v of verdicts) {
      const key = v.version ? v.version.toString() : v.versionText || v.file.filename;
      let list = byVersion.get(key);
      if (!list) byVersion.set(key, list = []);
      list.push(v);
    }
    const admitted = spec ? new Set(spec.filter([...byVersion.keys()].filter((k) => tryParseVersion(k)), { prereleases: this.options.pre ? true : null })) : null;
    const lines = [];
    for (const [version, files] of byVersion) {
      const usable = files.filter((f) => f.rejected === void 0);
      let why;
      if (usable.length === 0) {
        why = [...new Set(files.map((f) => f.rejected))].join("; ");
      } else if (usable.every((f) => f.file.yanked !== false)) {
        const reason = usable[0].file.yanked;
        why = `yanked${reason && reason !== "no reason given" ? ` (${reason})` : ""}; only an == pin selects it`;
      } else if (admitted && !admitted.has(version)) {
        const v = tryParseVersion(version);
        why = v?.isPrerelease && spec.contains(v, { prereleases: true }) ? "a pre-release (use --pre or ask for it explicitly)" : `excluded by ${spec.toString() || "the requirement"}`;
      } else if (excluded.has(version)) {
        why = "conflicts with other requirements";
      } else {
        const c = this.candidates.get(`${name}==${version}`);
        why = c?.problem ?? "usable";
      }
      lines.push(`${version}: ${why}`);
    }
    return { lines, versions: [...byVersion.keys()] };
  }
};
function fileForUrl(url, name) {
  const shown = redactUrl(url);
  let href = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) || /^[a-z]:[\\/]/i.test(href)) href = pathToFileURL(href).toString();
  let parsed;
  try {
    parsed = new URL(href);
  } catch {
    throw new UsageError(`The requirement ${name} @ ${shown} has an invalid URL.`);
  }
  if (!["http:", "https:", "file:"].includes(parsed.protocol)) {
    throw new UsageError(`The requirement ${name} @ ${shown}: only http(s) and file URLs of wheels or sdists are supported (not ${parsed.protocol} VCS or other schemes).`);
  }
  const hashes = {};
  const fragment = parsed.hash.replace(/^#/, "");
  for (const part of fragment.split("&")) {
    const m = /^(sha256|sha384|sha512|md5|sha1|sha224)=([0-9a-f]+)$/i.exec(part);
    if (m) hashes[m[1].toLowerCase()] = m[2].toLowerCase();
  }
  parsed.hash = "";
  const filename = decodeURIComponent(parsed.pathname.split("/").pop() ?? "");
  let versionText;
  let fileName;
  if (filename.toLowerCase().endsWith(".whl")) {
    const wheel = parseWheelFilename(filename);
    versionText = wheel.version;
    fileName = wheel.name;
  } else if (isSdistName(filename)) {
    const sdist = parseSdistFilename(filename, name);
    versionText = sdist.version;
    fileName = sdist.name;
  } else {
    throw new UsageError(`The requirement ${name} @ ${shown} does not point at a wheel (.whl) or source archive; pexship cannot use project directories or VCS URLs.`);
  }
  if (fileName !== name) throw new UsageError(`The requirement ${name} @ ${shown} names ${name}, but the file is a distribution of ${fileName}.`);
  const version = tryParseVersion(versionText);
  if (!version) throw new JobError(`The file ${filename} (from ${name} @ ${shown}) has the invalid version ${JSON.stringify(versionText)}.`);
  const file = { filename, url: parsed.toString(), hashes, yanked: false, coreMetadata: false, index: "direct reference" };
  return { file, version, url: file.url };
}

export {
  PYTHON_IDENTIFIER,
  identifierOf,
  canonicalExtras,
  MetadataStore,
  MetadataProblem,
  Provider,
  fileForUrl
};
