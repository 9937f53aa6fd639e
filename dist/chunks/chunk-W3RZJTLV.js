import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/python/pep440.ts
var InvalidVersionError = class extends UsageError {
  constructor(input) {
    super(`Invalid version: ${JSON.stringify(input)} is not a PEP 440 version (like 1.2, 2.0b1, 1!3.0.post2+local).`);
    this.input = input;
    this.name = "InvalidVersionError";
  }
  input;
};
var InvalidSpecifierError = class extends UsageError {
  constructor(input, detail = 'expected an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version, e.g. ">=1.2,<2"') {
    super(`Invalid specifier: ${JSON.stringify(input)}: ${detail}.`);
    this.input = input;
    this.name = "InvalidSpecifierError";
  }
  input;
};
var SUFFIX_NO_LOCAL = "(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?(?:[-_.]?(dev)[-_.]?(\\d+)?)?";
var LOCAL = "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?";
var VERSION_BODY = "v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)" + SUFFIX_NO_LOCAL + LOCAL;
var VERSION_RE = new RegExp(`^\\s*${VERSION_BODY}\\s*$`, "i");
var PRE_LETTERS = {
  a: "a",
  alpha: "a",
  b: "b",
  beta: "b",
  c: "rc",
  rc: "rc",
  pre: "rc",
  preview: "rc"
};
var PRE_RANK = { a: 0, b: 1, rc: 2 };
function toInt(digits, input) {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new InvalidVersionError(input);
  return n;
}
var Version = class {
  epoch;
  release;
  pre;
  post;
  dev;
  /** Normalised local label (lower case, "." separators), or null. */
  local;
  localSegments;
  normalised;
  /** @internal use parseVersion */
  constructor(parts) {
    this.epoch = parts.epoch;
    this.release = Object.freeze([...parts.release]);
    this.pre = parts.pre ? Object.freeze([parts.pre[0], parts.pre[1]]) : null;
    this.post = parts.post;
    this.dev = parts.dev;
    this.local = parts.local;
    this.localSegments = parts.local === null ? null : parts.local.split(".").map((s) => /^\d+$/.test(s) ? Number(s) : s);
  }
  get isPrerelease() {
    return this.pre !== null || this.dev !== null;
  }
  get isPostrelease() {
    return this.post !== null;
  }
  get isDevrelease() {
    return this.dev !== null;
  }
  get major() {
    return this.release[0] ?? 0;
  }
  get minor() {
    return this.release[1] ?? 0;
  }
  get micro() {
    return this.release[2] ?? 0;
  }
  /** The version without its local label. */
  get public() {
    const s = this.toString();
    const plus = s.indexOf("+");
    return plus === -1 ? s : s.slice(0, plus);
  }
  /** Epoch and release only ("1!2.0" for "1!2.0rc1.post3+x"). */
  get baseVersion() {
    return (this.epoch ? `${this.epoch}!` : "") + this.release.join(".");
  }
  toString() {
    if (this.normalised === void 0) {
      let s = this.epoch ? `${this.epoch}!` : "";
      s += this.release.join(".");
      if (this.pre) s += `${this.pre[0]}${this.pre[1]}`;
      if (this.post !== null) s += `.post${this.post}`;
      if (this.dev !== null) s += `.dev${this.dev}`;
      if (this.local !== null) s += `+${this.local}`;
      this.normalised = s;
    }
    return this.normalised;
  }
  /** PEP 440 ordering against another version. */
  compare(other) {
    return compareParsed(this, other);
  }
  equals(other) {
    return compareParsed(this, other) === 0;
  }
  /** @internal: the local label split for comparison */
  get _localSegments() {
    return this.localSegments;
  }
};
function cmpNum(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function preKey(v) {
  if (v.pre) return [PRE_RANK[v.pre[0]], v.pre[1]];
  if (v.post === null && v.dev !== null) return [-1, 0];
  return [3, 0];
}
function compareParsed(a, b) {
  if (a === b) return 0;
  let c = cmpNum(a.epoch, b.epoch);
  if (c) return c;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    c = cmpNum(a.release[i] ?? 0, b.release[i] ?? 0);
    if (c) return c;
  }
  const pa = preKey(a);
  const pb = preKey(b);
  c = cmpNum(pa[0], pb[0]) || cmpNum(pa[1], pb[1]);
  if (c) return c;
  c = cmpNum(a.post ?? -1, b.post ?? -1);
  if (c) return c;
  c = cmpNum(a.dev ?? Infinity, b.dev ?? Infinity);
  if (c) return c;
  const la = a._localSegments;
  const lb = b._localSegments;
  if (la === null || lb === null) return la === lb ? 0 : la === null ? -1 : 1;
  const m = Math.min(la.length, lb.length);
  for (let i = 0; i < m; i++) {
    const x = la[i];
    const y = lb[i];
    if (typeof x === "number" && typeof y === "number") c = cmpNum(x, y);
    else if (typeof x === "number") c = 1;
    else if (typeof y === "number") c = -1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return cmpNum(la.length, lb.length);
}
var cache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 2e5;
function parseUncached(input) {
  const m = VERSION_RE.exec(input);
  if (!m) return null;
  const [, epoch, release, preL, preN, postImplicit, postL, postN, devL, devN, local] = m;
  return new Version({
    epoch: epoch ? toInt(epoch, input) : 0,
    release: release.split(".").map((d) => toInt(d, input)),
    pre: preL ? [PRE_LETTERS[preL.toLowerCase()], preN ? toInt(preN, input) : 0] : null,
    post: postImplicit !== void 0 ? toInt(postImplicit, input) : postL ? postN ? toInt(postN, input) : 0 : null,
    dev: devL ? devN ? toInt(devN, input) : 0 : null,
    local: local ? local.toLowerCase().replace(/[-_]/g, ".") : null
  });
}
function tryParseVersion(input) {
  let v = cache.get(input);
  if (v === void 0) {
    try {
      v = parseUncached(input);
    } catch {
      v = null;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(input, v);
  }
  return v;
}
function parseVersion(input) {
  if (typeof input !== "string") throw new InvalidVersionError(String(input));
  const v = tryParseVersion(input);
  if (!v) throw new InvalidVersionError(input);
  return v;
}
function asVersion(v) {
  return typeof v === "string" ? parseVersion(v) : v;
}
function compareVersions(a, b) {
  return compareParsed(asVersion(a), asVersion(b));
}
function canonicalizeVersion(v, stripTrailingZero = true) {
  const parsed = typeof v === "string" ? tryParseVersion(v) : v;
  if (!parsed) return String(v);
  if (!stripTrailingZero) return parsed.toString();
  const release = [...parsed.release];
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return new Version({ ...parsed, release }).toString();
}
var RELEASE = "v?(?:\\d+!)?\\d+(?:\\.\\d+)*";
var FULL_NO_LOCAL = RELEASE + SUFFIX_NO_LOCAL;
var SPEC_VERSION_RE = {
  "==": new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, "i"),
  "!=": new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, "i"),
  "~=": new RegExp(`^v?(?:\\d+!)?\\d+(?:\\.\\d+)+${SUFFIX_NO_LOCAL}$`, "i"),
  "<=": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  ">=": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  "<": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  ">": new RegExp(`^${FULL_NO_LOCAL}$`, "i"),
  "===": /^[^\s;)]+$/
};
var SPEC_RE = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(.*?)\s*$/s;
var Specifier = class {
  operator;
  /** The version text as written (e.g. "2.1.*", "lolwat" for ===). */
  version;
  explicitPrereleases;
  namesPrerelease;
  parsed;
  wildcard;
  constructor(text, prereleases = null) {
    const m = SPEC_RE.exec(text);
    if (!m || !m[2]) throw new InvalidSpecifierError(text);
    const op = m[1];
    const version = m[2];
    if (!SPEC_VERSION_RE[op].test(version)) {
      throw new InvalidSpecifierError(text, specifierProblem(op, version));
    }
    this.operator = op;
    this.version = version;
    this.explicitPrereleases = prereleases;
  }
  /** Whether pre-releases are accepted by default: explicit setting, else whether the clause names one. */
  get prereleases() {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    this.namesPrerelease ??= this.computeNamesPrerelease();
    return this.namesPrerelease;
  }
  computeNamesPrerelease() {
    if (this.operator === "==" || this.operator === ">=" || this.operator === "<=" || this.operator === "~=" || this.operator === "===") {
      const base = this.version.endsWith(".*") ? this.version.slice(0, -2) : this.version;
      return tryParseVersion(base)?.isPrerelease ?? false;
    }
    return false;
  }
  set prereleases(value) {
    this.explicitPrereleases = value;
  }
  toString() {
    return `${this.operator}${this.version}`;
  }
  /** Key under which two specifiers are the same clause (==2.8.0 and ==2.8). */
  get canonicalKey() {
    if (this.operator === "===") return `===${this.version.toLowerCase()}`;
    if (this.version.endsWith(".*")) return `${this.operator}${canonicalizeVersion(this.version.slice(0, -2), false)}.*`;
    return `${this.operator}${canonicalizeVersion(this.version, this.operator !== "~=")}`;
  }
  equals(other) {
    const o = typeof other === "string" ? tryNewSpecifier(other) : other;
    return o !== null && o.canonicalKey === this.canonicalKey;
  }
  spec() {
    if (this.parsed === void 0) this.parsed = parseVersion(this.version);
    return this.parsed;
  }
  /** Whether `item` satisfies this clause. Unparsable strings only ever match `===`. */
  contains(item, options = {}) {
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.operator === "===") {
      const text = typeof item === "string" ? item : item.toString();
      if (text.toLowerCase() !== this.version.toLowerCase()) return false;
      const v2 = typeof item === "string" ? tryParseVersion(item) : item;
      return !(v2?.isPrerelease && !prereleases);
    }
    const v = typeof item === "string" ? tryParseVersion(item) : item;
    if (!v) return false;
    if (v.isPrerelease && !prereleases) return false;
    return this.matches(v);
  }
  /** The operator's comparison alone, ignoring the pre-release policy. */
  matches(v) {
    switch (this.operator) {
      case "==":
        return this.equalTo(v);
      case "!=":
        return !this.equalTo(v);
      case "<=":
        return compareParsed(withoutLocal(v), this.spec()) <= 0;
      case ">=":
        return compareParsed(withoutLocal(v), this.spec()) >= 0;
      case "<": {
        const spec = this.spec();
        if (compareParsed(v, spec) >= 0) return false;
        return !(!spec.isPrerelease && v.isPrerelease && sameBase(v, spec));
      }
      case ">": {
        const spec = this.spec();
        if (compareParsed(v, spec) <= 0) return false;
        if (!spec.isPostrelease && v.isPostrelease && sameBase(v, spec)) return false;
        return !(v.local !== null && sameBase(v, spec));
      }
      case "~=": {
        const spec = this.spec();
        if (compareParsed(withoutLocal(v), spec) < 0) return false;
        const prefix = spec.release.slice(0, -1);
        return v.epoch === spec.epoch && prefix.every((n, i) => (v.release[i] ?? 0) === n);
      }
      case "===":
        return v.toString().toLowerCase() === this.version.toLowerCase();
    }
  }
  equalTo(v) {
    if (this.version.endsWith(".*")) {
      if (!this.wildcard) this.wildcard = parseVersion(this.version.slice(0, -2));
      const prefix = this.wildcard;
      return v.epoch === prefix.epoch && prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
    }
    const spec = this.spec();
    return compareParsed(spec.local === null ? withoutLocal(v) : v, spec) === 0;
  }
  /** Items that satisfy the clause, with the pre-release fallback of packaging 24.1's Specifier.filter. */
  filter(items, options = {}) {
    const prereleases = options.prereleases ?? null;
    const key = options.key ?? ((x) => x);
    const out = [];
    const heldBack = [];
    for (const item of items) {
      const k = key(item);
      const v = typeof k === "string" ? tryParseVersion(k) : k;
      if (!this.contains(k, { prereleases: prereleases ?? true })) continue;
      if (v?.isPrerelease && !(prereleases || this.prereleases)) heldBack.push(item);
      else out.push(item);
    }
    return out.length === 0 ? heldBack : out;
  }
};
function specifierProblem(op, version) {
  if (/\.\*/.test(version) && op !== "==" && op !== "!=") return `the wildcard ".*" can only be used with == and !=`;
  if (/\.\*./.test(version) || /\.\*$/.test(version) && !new RegExp(`^${RELEASE}\\.\\*$`, "i").test(version)) {
    return 'the wildcard ".*" must directly follow the release numbers (not a pre, post, dev or local part)';
  }
  if (version.includes("+") && op !== "==" && op !== "!=") return "a local version label (+...) can only be used with == and !=";
  if (op === "~=" && /^v?(?:\d+!)?\d+$/i.test(version)) return "~= needs at least two release numbers (like ~=1.4)";
  return `${JSON.stringify(version)} is not a valid PEP 440 version`;
}
function tryNewSpecifier(text) {
  try {
    return new Specifier(text);
  } catch {
    return null;
  }
}
var publicCache = /* @__PURE__ */ new WeakMap();
function withoutLocal(v) {
  if (v.local === null) return v;
  let p = publicCache.get(v);
  if (!p) {
    p = new Version({ ...v, local: null });
    publicCache.set(v, p);
  }
  return p;
}
function sameBase(a, b) {
  if (a.epoch !== b.epoch) return false;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) if ((a.release[i] ?? 0) !== (b.release[i] ?? 0)) return false;
  return true;
}
var SpecifierSet = class _SpecifierSet {
  specifiers;
  explicitPrereleases;
  constructor(text = "", prereleases = null) {
    if (typeof text === "string") {
      this.specifiers = text.split(",").map((s) => s.trim()).filter((s) => s !== "").map((s) => {
        try {
          return new Specifier(s);
        } catch (e) {
          if (e instanceof InvalidSpecifierError && text.includes(",")) {
            throw new InvalidSpecifierError(text, `in ${JSON.stringify(s)}: ${e.message.replace(/^Invalid specifier: "[^"]*": /, "").replace(/\.$/, "")}`);
          }
          throw e;
        }
      });
    } else {
      this.specifiers = [...text];
    }
    this.explicitPrereleases = prereleases;
  }
  get size() {
    return this.specifiers.length;
  }
  [Symbol.iterator]() {
    return this.specifiers[Symbol.iterator]();
  }
  /** Explicit setting, else null for an empty set, else whether any clause names a pre-release. */
  get prereleases() {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    if (this.specifiers.length === 0) return null;
    return this.specifiers.some((s) => s.prereleases);
  }
  set prereleases(value) {
    this.explicitPrereleases = value;
  }
  /** Sorted and de-duplicated, like packaging's str(SpecifierSet). */
  toString() {
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const s of [...this.specifiers].sort((a, b) => cmpStr(a.toString(), b.toString()))) {
      if (seen.has(s.canonicalKey)) continue;
      seen.add(s.canonicalKey);
      out.push(s.toString());
    }
    return out.join(",");
  }
  /** Order-independent key: equal for sets that are the same clauses (">=1.0,<2" and "<2.0,>=1"). */
  get canonicalKey() {
    return [...new Set(this.specifiers.map((s) => s.canonicalKey))].sort().join(",");
  }
  equals(other) {
    let o;
    if (typeof other === "string") {
      try {
        o = new _SpecifierSet(other);
      } catch {
        return false;
      }
    } else o = other instanceof Specifier ? new _SpecifierSet([other]) : other;
    return o.canonicalKey === this.canonicalKey;
  }
  /** Intersection; the pre-release overrides must not contradict. */
  and(other) {
    const o = typeof other === "string" ? new _SpecifierSet(other) : other;
    const a = this.explicitPrereleases;
    const b = o.explicitPrereleases;
    if (a !== null && b !== null && a !== b) {
      throw new UsageError("Cannot combine specifier sets with contradicting pre-release settings (true and false).");
    }
    return new _SpecifierSet([...this.specifiers, ...o.specifiers], a ?? b);
  }
  /** Whether `item` satisfies every clause (pip 24's pre-release rules, see module doc). */
  contains(item, options = {}) {
    let v = typeof item === "string" ? tryParseVersion(item) : item;
    if (!v) {
      return this.specifiers.every((s) => s.operator === "===" && s.contains(item));
    }
    const prereleases = options.prereleases ?? this.prereleases;
    if (!prereleases && v.isPrerelease) {
      if (!options.installed) return false;
    }
    if (options.installed && v.isPrerelease) v = parseVersion(v.baseVersion);
    const parsed = v;
    return this.specifiers.every((s) => s.contains(s.operator === "===" && !options.installed ? item : parsed, { prereleases: !!prereleases }));
  }
  /**
   * The items whose version satisfies the set, in input order. With `prereleases` unset: clauses apply with
   * pre-releases off unless one names a pre-release; an empty set keeps pre-releases only when no final release
   * (or non-PEP 440 string) is present.
   */
  filter(items, options = {}) {
    const key = options.key ?? ((x) => x);
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.specifiers.length > 0) {
      let current = [...items];
      for (const spec of this.specifiers) current = spec.filter(current, { prereleases: !!prereleases, key });
      return current;
    }
    const all = [...items];
    const isPre = all.map((item) => {
      const k = key(item);
      return (typeof k === "string" ? tryParseVersion(k) : k)?.isPrerelease ?? null;
    });
    const keepPre = prereleases === true || prereleases === null && !isPre.includes(false);
    return all.filter((_, i) => isPre[i] !== true || keepPre);
  }
};
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var setCache = /* @__PURE__ */ new Map();
function parseSpecifierSet(text) {
  let s = setCache.get(text);
  if (!s) {
    s = new SpecifierSet(text);
    if (setCache.size >= 5e4) setCache.clear();
    setCache.set(text, s);
  }
  return s;
}

// src/python/markers.ts
var InvalidMarkerError = class extends UsageError {
  constructor(message) {
    super(message);
    this.name = "InvalidMarkerError";
  }
};
var MarkerEvaluationError = class extends UsageError {
  constructor(message) {
    super(message);
    this.name = "MarkerEvaluationError";
  }
};
function formatSyntaxError(message, source, start, end) {
  return `${message}
    ${source}
    ${" ".repeat(start)}${"~".repeat(Math.max(0, end - start))}^`;
}
var MARKER_VARIABLES = [
  "implementation_name",
  "implementation_version",
  "os_name",
  "platform_machine",
  "platform_release",
  "platform_system",
  "platform_version",
  "python_full_version",
  "python_version",
  "platform_python_implementation",
  "sys_platform",
  "extra",
  "extras",
  "dependency_groups"
];
var ALIASES = {
  "os.name": "os_name",
  "sys.platform": "sys_platform",
  "platform.version": "platform_version",
  "platform.machine": "platform_machine",
  "platform.python_implementation": "platform_python_implementation",
  python_implementation: "platform_python_implementation"
};
var VARIABLE_RE = new RegExp(
  `^(?:${[...Object.keys(ALIASES), ...MARKER_VARIABLES].sort((a, b) => b.length - a.length).map((v) => v.replace(".", "\\.")).join("|")})(?![A-Za-z0-9_.])`
);
var OP_RE = /^(?:===|==|~=|!=|<=|>=|<|>|not[ \t]+in(?![A-Za-z0-9_])|in(?![A-Za-z0-9_]))/;
var BOOL_RE = /^(?:and|or)(?![A-Za-z0-9_])/;
function canonicalExtra(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
function quoteMarkerValue(value) {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new InvalidMarkerError(`Marker value ${value} holds both quote characters and cannot be written.`);
}
var Marker = class {
  constructor(tree) {
    this.tree = tree;
  }
  tree;
  toString() {
    return formatList(this.tree, true);
  }
  equals(other) {
    return this.toString() === other.toString();
  }
  /** Variables the marker reads. */
  variables() {
    const out = /* @__PURE__ */ new Set();
    const walk = (list) => {
      for (const item of list) {
        if (Array.isArray(item)) walk(item);
        else if (typeof item === "object") {
          for (const side of [item.left, item.right]) if ("variable" in side) out.add(side.variable);
        }
      }
    };
    walk(this.tree);
    return out;
  }
};
function formatList(list, top) {
  if (list.length === 1 && typeof list[0] === "object") {
    const only = list[0];
    return Array.isArray(only) ? formatList(only, top) : formatAtom(only);
  }
  const inner = list.map((item) => typeof item === "string" ? item : Array.isArray(item) ? formatList(item, false) : formatAtom(item)).join(" ");
  return top ? inner : `(${inner})`;
}
function formatOperand(o) {
  return "variable" in o ? o.variable : quoteMarkerValue(o.value);
}
function formatAtom(a) {
  return `${formatOperand(a.left)} ${a.op} ${formatOperand(a.right)}`;
}
var MarkerParser = class {
  constructor(source, start = 0, errorFor = (m) => new InvalidMarkerError(m)) {
    this.source = source;
    this.errorFor = errorFor;
    this.pos = start;
  }
  source;
  errorFor;
  pos;
  fail(message, start = this.pos, end = this.pos) {
    throw this.errorFor(formatSyntaxError(message, this.source, start, end));
  }
  ws() {
    while (this.source[this.pos] === " " || this.source[this.pos] === "	") this.pos++;
  }
  rest() {
    return this.source.slice(this.pos);
  }
  /** marker := atom (("and" | "or") atom)* */
  parseList() {
    const out = [this.parseAtom()];
    for (; ; ) {
      this.ws();
      const m = BOOL_RE.exec(this.rest());
      if (!m) return out;
      this.pos += m[0].length;
      out.push(m[0], this.parseAtom());
    }
  }
  parseAtom() {
    this.ws();
    if (this.source[this.pos] === "(") {
      const open = this.pos;
      this.pos++;
      this.ws();
      const inner = this.parseList();
      this.ws();
      if (this.source[this.pos] !== ")") this.fail("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression", open, this.pos);
      this.pos++;
      return inner;
    }
    const left = this.parseOperand();
    this.ws();
    const m = OP_RE.exec(this.rest());
    if (!m) this.fail("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    this.pos += m[0].length;
    const op = m[0].startsWith("not") ? "not in" : m[0];
    this.ws();
    const right = this.parseOperand();
    return normaliseExtraAtom({ left, op, right });
  }
  parseOperand() {
    const c = this.source[this.pos];
    if (c === '"' || c === "'") {
      const start = this.pos;
      const end = this.source.indexOf(c, start + 1);
      if (end === -1) this.fail("Invalid quoted string: missing the closing quote", start, this.source.length);
      const value = this.source.slice(start + 1, end);
      if (value.includes("\\")) this.fail("Invalid quoted string", start, end + 1);
      this.pos = end + 1;
      return { value };
    }
    const m = VARIABLE_RE.exec(this.rest());
    if (!m) this.fail("Expected a marker variable or quoted string");
    this.pos += m[0].length;
    return { variable: ALIASES[m[0]] ?? m[0] };
  }
};
function normaliseExtraAtom(atom) {
  const { left, right, op } = atom;
  const isExtra = (o) => "variable" in o && o.variable === "extra";
  const isSet = (o) => "variable" in o && (o.variable === "extras" || o.variable === "dependency_groups");
  if (isExtra(left) && "value" in right) return { left, op, right: { value: canonicalExtra(right.value) } };
  if (isExtra(right) && "value" in left) return { left: { value: canonicalExtra(left.value) }, op, right };
  if (isSet(right) && "value" in left && (op === "in" || op === "not in")) return { left: { value: canonicalExtra(left.value) }, op, right };
  return atom;
}
var markerCache = /* @__PURE__ */ new Map();
function parseMarker(text) {
  let m = markerCache.get(text);
  if (m) return m;
  const p = new MarkerParser(text, 0);
  p.ws();
  const tree = p.parseList();
  p.ws();
  if (p.pos !== text.length) p.fail('Expected end of marker or "and" / "or"');
  m = new Marker(tree);
  if (markerCache.size > 2e4) markerCache.clear();
  markerCache.set(text, m);
  return m;
}
function lookup(o, env) {
  if ("value" in o) return o.value;
  const raw = env[o.variable];
  if (o.variable === "extra") return typeof raw === "string" ? canonicalExtra(raw) : "";
  if (raw === void 0 || raw === null) {
    throw new MarkerEvaluationError(`The marker needs "${o.variable}", which the target environment does not define.`);
  }
  if (typeof raw === "string") {
    return o.variable === "python_full_version" && raw.endsWith("+") ? raw.slice(0, -1) : raw;
  }
  return new Set([...raw].map(canonicalExtra));
}
function compare(atom, env) {
  const l = lookup(atom.left, env);
  const r = lookup(atom.right, env);
  const { op } = atom;
  if (op === "in" || op === "not in") {
    if (typeof l !== "string") throw new MarkerEvaluationError(`Cannot test whether a set is "${op}" something: ${formatAtom(atom)}`);
    const found = typeof r === "string" ? r.includes(l) : r.has(canonicalExtra(l));
    return op === "in" ? found : !found;
  }
  if (typeof l !== "string" || typeof r !== "string") throw new MarkerEvaluationError(`Cannot compare a set with "${op}": ${formatAtom(atom)}`);
  const names = (o) => "variable" in o && o.variable === "extra";
  if (!names(atom.left) && !names(atom.right)) {
    const lv = tryParseVersion(l);
    if (lv) {
      let spec = null;
      try {
        spec = new Specifier(`${op}${r}`, true);
      } catch {
        spec = null;
      }
      if (spec) return spec.contains(lv, { prereleases: true });
    }
  }
  switch (op) {
    case "==":
    case "===":
      return l === r;
    case "!=":
      return l !== r;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return false;
    default:
      throw new MarkerEvaluationError(`Cannot evaluate ${formatAtom(atom)}: "${op}" needs versions on both sides.`);
  }
}
function evaluateList(list, env) {
  let any = false;
  let run = true;
  for (const item of list) {
    if (item === "or") {
      any ||= run;
      run = true;
    } else if (item !== "and") {
      if (run) run = Array.isArray(item) ? evaluateList(item, env) : compare(item, env);
    }
  }
  return any || run;
}
function evaluateMarker(marker, env, extras) {
  const m = typeof marker === "string" ? parseMarker(marker) : marker;
  const wanted = extras ? [...extras] : [];
  if (wanted.length === 0 || !m.variables().has("extra")) return evaluateList(m.tree, env);
  return wanted.some((extra) => evaluateList(m.tree, { ...env, extra }));
}

// src/python/pep508.ts
var InvalidRequirementError = class extends UsageError {
  constructor(message) {
    super(message);
    this.name = "InvalidRequirementError";
  }
};
function canonicalName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
var Requirement = class {
  constructor(name, extras, specifier, url, marker) {
    this.name = name;
    this.extras = extras;
    this.specifier = specifier;
    this.url = url;
    this.marker = marker;
  }
  name;
  extras;
  specifier;
  url;
  marker;
  /** PEP 503 name. */
  get canonicalName() {
    return canonicalName(this.name);
  }
  toString() {
    let s = this.name;
    if (this.extras.length) s += `[${this.extras.join(",")}]`;
    const spec = this.specifier.toString();
    if (spec) s += spec;
    if (this.url !== null) {
      s += ` @ ${this.url}`;
      if (this.marker) s += " ";
    }
    if (this.marker) s += `; ${this.marker}`;
    return s;
  }
  /** Same project, extras, specifier, URL and marker after normalisation. */
  equals(other) {
    return this.key() === other.key();
  }
  key() {
    const extras = [...new Set(this.extras.map(canonicalExtra))].sort().join(",");
    return JSON.stringify([canonicalName(this.name), extras, this.specifier.canonicalKey, this.url, this.marker?.toString() ?? null]);
  }
};
var NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
var SPEC_ITEM_RE = /^(?:===[ \t]*[^\s,;)]*|(?:~=|==|!=|<=|>=|<|>)[ \t]*[^\s,;)]*)/;
var RequirementParser = class extends MarkerParser {
  constructor(source) {
    super(source, 0, (m) => new InvalidRequirementError(m));
  }
  parse() {
    const src = this.source;
    this.ws();
    const nameMatch = NAME_RE.exec(src.slice(this.pos));
    if (!nameMatch) this.fail("Expected package name at the start of dependency specifier");
    const name = nameMatch[0];
    this.pos += name.length;
    this.ws();
    const extras = this.parseExtras();
    this.ws();
    let url = null;
    let specifier = new SpecifierSet("");
    if (src[this.pos] === "@") {
      this.pos++;
      this.ws();
      const m = /^[^ \t]+/.exec(src.slice(this.pos));
      if (!m || /^[\r\n]/.test(m[0])) this.fail("Expected URL after @");
      url = m[0];
      if (/[\r\n]/.test(url)) this.fail("Expected end or semicolon (after URL and whitespace)", this.pos + url.search(/[\r\n]/));
      this.pos += url.length;
      const before = this.pos;
      this.ws();
      if (this.pos === src.length) return new Requirement(name, extras, specifier, url, null);
      if (this.pos === before || src[this.pos] !== ";") this.fail("Expected end or semicolon (after URL and whitespace)");
    } else {
      specifier = this.parseSpecifier();
      this.ws();
    }
    let marker = null;
    if (src[this.pos] === ";") {
      this.pos++;
      this.ws();
      marker = new Marker(this.parseList());
      this.ws();
      if (this.pos !== src.length) this.fail("Expected end or semicolon (after marker)");
    } else if (this.pos !== src.length) {
      this.fail(
        specifier.size ? "Expected comma (within version specifier), semicolon (after version specifier) or end" : "Expected end or semicolon (after name and no valid version specifier)"
      );
    }
    return new Requirement(name, extras, specifier, url, marker);
  }
  parseExtras() {
    const src = this.source;
    if (src[this.pos] !== "[") return [];
    const open = this.pos;
    this.pos++;
    this.ws();
    const out = [];
    if (src[this.pos] !== "]") {
      for (; ; ) {
        const m = NAME_RE.exec(src.slice(this.pos));
        if (!m) this.fail(out.length ? "Expected extra name after comma" : "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", out.length ? this.pos : open, this.pos);
        out.push(m[0]);
        this.pos += m[0].length;
        this.ws();
        if (src[this.pos] !== ",") break;
        this.pos++;
        this.ws();
      }
    }
    if (src[this.pos] !== "]") this.fail("Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", open, this.pos);
    this.pos++;
    return [...new Set(out)].sort();
  }
  parseSpecifier() {
    const src = this.source;
    const paren = src[this.pos] === "(";
    const open = this.pos;
    if (paren) {
      this.pos++;
      this.ws();
    }
    const items = [];
    for (; ; ) {
      const m = SPEC_ITEM_RE.exec(src.slice(this.pos));
      if (!m) {
        if (items.length) this.fail("Expected a version specifier after comma");
        break;
      }
      const start = this.pos;
      try {
        items.push(new Specifier(m[0]));
      } catch (e) {
        if (!(e instanceof InvalidSpecifierError)) throw e;
        const detail = e.message.replace(/^Invalid specifier: "(?:[^"\\]|\\.)*": /, "").replace(/\.$/, "");
        this.fail(`Invalid specifier ${m[0]}: ${detail}`, start, start + m[0].length);
      }
      this.pos += m[0].length;
      this.ws();
      if (src[this.pos] !== ",") break;
      this.pos++;
      this.ws();
    }
    if (paren) {
      this.ws();
      if (src[this.pos] !== ")") this.fail("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", open, this.pos);
      this.pos++;
    }
    return new SpecifierSet(items);
  }
};
var cache2 = /* @__PURE__ */ new Map();
function isDirectReference(text) {
  return /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\])?\s*@/.test(text);
}
function parseRequirement(text) {
  let r = cache2.get(text);
  if (!r) {
    r = new RequirementParser(text).parse();
    if (cache2.size > 2e4) cache2.clear();
    cache2.set(text, r);
  }
  return r;
}

export {
  tryParseVersion,
  parseVersion,
  compareVersions,
  SpecifierSet,
  parseSpecifierSet,
  canonicalExtra,
  parseMarker,
  evaluateMarker,
  canonicalName,
  isDirectReference,
  parseRequirement
};
