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

// src/python/tags.ts
var priorityCache = /* @__PURE__ */ new WeakMap();
function tagPriority(tags) {
  let map = priorityCache.get(tags);
  if (!map) {
    const built = /* @__PURE__ */ new Map();
    tags.forEach((tag, index) => {
      const key = tag.toLowerCase();
      if (!built.has(key)) built.set(key, index);
    });
    priorityCache.set(tags, built);
    map = built;
  }
  return map;
}
function expandTagSet(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) return tag.split(".");
  const [pys, abis, plats] = parts.map((p) => p.split("."));
  const out = [];
  for (const py of pys) for (const abi of abis) for (const plat of plats) out.push(`${py}-${abi}-${plat}`);
  return out;
}
function parseTag(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) throw new Error(`invalid tag ${JSON.stringify(tag)}: expected PYTHON-ABI-PLATFORM`);
  const [pys, abis, plats] = parts.map((p) => p.toLowerCase().split("."));
  for (const component of [...pys, ...abis, ...plats]) {
    if (component === "") throw new Error(`invalid tag ${JSON.stringify(tag)}: empty component`);
  }
  for (const py of pys) {
    if (!/^[a-z_][a-z0-9_]*$/.test(py)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad interpreter ${JSON.stringify(py)}`);
  }
  for (const part of [...abis, ...plats]) {
    if (!/^[a-z0-9_]+$/.test(part)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad component ${JSON.stringify(part)}`);
  }
  return expandTagSet(parts.map((_, i) => [pys, abis, plats][i].join(".")).join("-"));
}
var LEGACY_MANYLINUX = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17]
};
var LEGACY_ALIAS_ARCHES = [
  { glibc: [2, 17], name: "manylinux2014", arches: /* @__PURE__ */ new Set(["x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x"]) },
  { glibc: [2, 12], name: "manylinux2010", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) },
  { glibc: [2, 5], name: "manylinux1", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) }
];
var DEFAULT_LINUX_GLIBC = [2, 17];
function parsePlatformTag(platform) {
  const tag = platform.trim().toLowerCase().replace(/[-.]/g, "_");
  let m;
  if (m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[3], glibc: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[2], glibc: LEGACY_MANYLINUX[m[1]] };
  }
  if (m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "musllinux", arch: m[3], musl: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^linux_(.+)$/.exec(tag)) return { tag, family: "linux", arch: m[1], glibc: DEFAULT_LINUX_GLIBC };
  if (m = /^macosx_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "macos", arch: m[3], macos: [Number(m[1]), Number(m[2])] };
  }
  if (tag === "win32") return { tag, family: "windows", arch: "win32" };
  if (m = /^win_(.+)$/.exec(tag)) return { tag, family: "windows", arch: m[1] };
  return { tag, family: "other", arch: tag };
}
function manylinuxPlatforms(glibc, arch) {
  const [major, minor] = glibc;
  const oldest = arch === "x86_64" || arch === "i686" ? 5 : 17;
  const out = [];
  if (major === 2) {
    for (let m = minor; m >= oldest; m--) {
      out.push(`manylinux_2_${m}_${arch}`);
      const alias = LEGACY_ALIAS_ARCHES.find((a) => a.glibc[1] === m && a.arches.has(arch));
      if (alias) out.push(`${alias.name}_${arch}`);
    }
  }
  out.push(`linux_${arch}`);
  return out;
}
function musllinuxPlatforms(musl, arch) {
  const out = [];
  for (let m = musl[1]; m >= 0; m--) out.push(`musllinux_${musl[0]}_${m}_${arch}`);
  out.push(`linux_${arch}`);
  return out;
}
function macBinaryFormats(version, arch) {
  const atLeast = (major, minor) => version[0] > major || version[0] === major && version[1] >= minor;
  switch (arch) {
    case "x86_64":
      return atLeast(10, 4) ? ["x86_64", "intel", "fat64", "fat3", "universal2", "universal"] : [];
    case "i386":
      return atLeast(10, 4) ? ["i386", "intel", "fat3", "fat", "universal"] : [];
    case "ppc64":
      return atLeast(10, 4) && !atLeast(10, 6) ? ["ppc64", "fat64", "universal"] : [];
    case "ppc":
      return !atLeast(10, 7) ? ["ppc", "fat3", "fat", "universal"] : [];
    case "intel":
      return ["intel", "universal"];
    case "arm64":
      return ["arm64", "universal2"];
    default:
      return [arch];
  }
}
function macPlatforms(version, arch) {
  const out = [];
  const add = (major, minor, formats) => {
    for (const f of formats) out.push(`macosx_${major}_${minor}_${f}`);
  };
  let tenMinor = version[1];
  if (version[0] >= 11) {
    for (let major = version[0]; major >= 11; major--) add(major, 0, macBinaryFormats([major, 0], arch));
    tenMinor = 16;
  } else if (version[0] !== 10) {
    return out;
  }
  for (let minor = tenMinor; minor >= 0; minor--) {
    const formats = arch === "arm64" ? macBinaryFormats([10, minor], "x86_64").filter((f) => f === "universal2") : macBinaryFormats([10, minor], arch);
    add(10, minor, formats);
  }
  return out;
}
function platformTags(platform) {
  const info = parsePlatformTag(platform);
  switch (info.family) {
    case "manylinux":
    case "linux":
      return manylinuxPlatforms(info.glibc, info.arch);
    case "musllinux":
      return musllinuxPlatforms(info.musl, info.arch);
    case "macos":
      return macPlatforms(info.macos, info.arch);
    default:
      return [info.tag];
  }
}
var pyVersion = (major, minor) => minor === void 0 ? `${major}` : `${major}${minor}`;
function abi3Applies(version, abis) {
  const freeThreaded = abis.some((a) => /^cp\d+t$/.test(a));
  return version[0] === 3 && version[1] >= 2 && !freeThreaded;
}
function cpythonTags(version, abis, platforms) {
  const interpreter = `cp${pyVersion(version[0], version[1])}`;
  const ownAbis = abis.map((a) => a.toLowerCase()).filter((a) => a !== "abi3" && a !== "none");
  const withAbi3 = abi3Applies(version, ownAbis);
  const out = [];
  for (const abi of ownAbis) for (const p of platforms) out.push(`${interpreter}-${abi}-${p}`);
  if (withAbi3) for (const p of platforms) out.push(`${interpreter}-abi3-${p}`);
  for (const p of platforms) out.push(`${interpreter}-none-${p}`);
  if (withAbi3) {
    for (let minor = version[1] - 1; minor >= 2; minor--) {
      for (const p of platforms) out.push(`cp${pyVersion(version[0], minor)}-abi3-${p}`);
    }
  }
  return out;
}
function pyInterpreterRange(version) {
  const out = [`py${pyVersion(version[0], version[1])}`, `py${version[0]}`];
  for (let minor = version[1] - 1; minor >= 0; minor--) out.push(`py${pyVersion(version[0], minor)}`);
  return out;
}
function compatibleTags(version, interpreter, platforms) {
  const range = pyInterpreterRange(version);
  const out = [];
  for (const py of range) for (const p of platforms) out.push(`${py}-none-${p}`);
  if (interpreter) out.push(`${interpreter}-none-any`);
  for (const py of range) out.push(`${py}-none-any`);
  return out;
}
function supportedTags(target) {
  const [major, minor] = target.pythonVersion;
  const platforms = typeof target.platform === "string" ? platformTags(target.platform) : [...target.platform];
  const abis = target.abis ?? [target.abi ?? `cp${major}${minor}`];
  const interpreter = `cp${major}${minor}`;
  const tags = [...cpythonTags(target.pythonVersion, abis, platforms), ...compatibleTags(target.pythonVersion, interpreter, platforms)];
  return [...new Set(tags)];
}

// src/python/wheel.ts
var InvalidWheelFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid wheel file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION[-BUILD]-PYTHON-ABI-PLATFORM.whl, e.g. requests-2.32.3-py3-none-any.whl)`);
    this.filename = filename;
    this.name = "InvalidWheelFilename";
  }
  filename;
};
var InvalidSdistFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid source distribution file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION.tar.gz or NAME-VERSION.zip)`);
    this.filename = filename;
    this.name = "InvalidSdistFilename";
  }
  filename;
};
function canonicalizeName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
var PROJECT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
function isValidProjectName(name) {
  return PROJECT_NAME.test(name);
}
var PEP440_VERSION = /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
function looksLikeVersion(version) {
  return PEP440_VERSION.test(version.trim());
}
var TAG_PART = /^[A-Za-z0-9_]+$/;
function basename(filename) {
  const cut = Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\"));
  return cut >= 0 ? filename.slice(cut + 1) : filename;
}
function parseWheelFilename(filename) {
  const base = basename(filename);
  if (!base.toLowerCase().endsWith(".whl")) throw new InvalidWheelFilename(base, "it does not end in .whl");
  const parts = base.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) {
    throw new InvalidWheelFilename(base, `it has ${parts.length} dash-separated parts, a wheel name has 5 or 6`);
  }
  const [distName, version] = parts;
  if (!distName || !/^[A-Za-z0-9._]+$/.test(distName) || distName.includes("__") || !isValidProjectName(distName)) {
    throw new InvalidWheelFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  }
  if (!looksLikeVersion(version)) throw new InvalidWheelFilename(base, `${JSON.stringify(version)} is not a valid version`);
  let build;
  if (parts.length === 6) {
    const text = parts[2];
    const m = /^(\d+)(.*)$/.exec(text);
    if (!m) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} must start with a digit`);
    if (!/^[A-Za-z0-9_.]*$/.test(m[2])) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} has invalid characters`);
    build = { number: Number(m[1]), suffix: m[2], text };
  }
  const [pyPart, abiPart, platPart] = parts.slice(-3);
  const split = (what, value) => {
    const items = value.split(".");
    if (items.some((t) => !TAG_PART.test(t))) throw new InvalidWheelFilename(base, `${what} tag ${JSON.stringify(value)} is malformed`);
    return items;
  };
  const pythonTags = split("python", pyPart);
  const abiTags = split("abi", abiPart);
  const platformTags2 = split("platform", platPart);
  const tags = [];
  const seen = /* @__PURE__ */ new Set();
  for (const py of pythonTags)
    for (const abi of abiTags)
      for (const plat of platformTags2) {
        const tag = `${py}-${abi}-${plat}`.toLowerCase();
        if (!seen.has(tag)) {
          seen.add(tag);
          tags.push(tag);
        }
      }
  return {
    filename: base,
    name: canonicalizeName(distName),
    distName,
    version,
    ...build ? { build } : {},
    tags,
    pythonTags,
    abiTags,
    platformTags: platformTags2
  };
}
var SDIST_EXTENSIONS = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".tar"];
function sdistExtension(filename) {
  const lower = filename.toLowerCase();
  return SDIST_EXTENSIONS.find((ext) => lower.endsWith(ext));
}
function parseSdistFilename(filename, projectName) {
  const base = basename(filename);
  const extension = sdistExtension(base);
  if (!extension) throw new InvalidSdistFilename(base, `unknown archive extension (known: ${SDIST_EXTENSIONS.join(", ")})`);
  const stem = base.slice(0, -extension.length);
  let cut = -1;
  if (projectName !== void 0) {
    const want = canonicalizeName(projectName);
    for (let i = stem.indexOf("-"); i >= 0; i = stem.indexOf("-", i + 1)) {
      if (canonicalizeName(stem.slice(0, i)) === want) {
        cut = i;
        break;
      }
    }
    if (cut < 0) throw new InvalidSdistFilename(base, `it does not start with the project name ${JSON.stringify(projectName)}`);
  } else {
    cut = stem.lastIndexOf("-");
    if (cut <= 0) throw new InvalidSdistFilename(base, "there is no dash between name and version");
  }
  const distName = stem.slice(0, cut);
  const version = stem.slice(cut + 1);
  if (!isValidProjectName(distName)) throw new InvalidSdistFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  if (!looksLikeVersion(version)) throw new InvalidSdistFilename(base, `${JSON.stringify(version)} is not a valid version`);
  return { filename: base, name: canonicalizeName(distName), distName, version, extension };
}
function asWheel(wheel) {
  return typeof wheel === "string" ? parseWheelFilename(wheel) : wheel;
}
function wheelRank(wheel, target) {
  const priority = tagPriority(target.tags);
  let best;
  for (const tag of asWheel(wheel).tags) {
    const rank = priority.get(tag);
    if (rank !== void 0 && (best === void 0 || rank < best)) best = rank;
  }
  return best;
}
function wheelSupported(wheel, target) {
  return wheelRank(wheel, target) !== void 0;
}
function compareWheelsForTarget(a, b, target) {
  const wa = asWheel(a);
  const wb = asWheel(b);
  const ra = wheelRank(wa, target) ?? Number.POSITIVE_INFINITY;
  const rb = wheelRank(wb, target) ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const ba = wa.build?.number ?? -1;
  const bb = wb.build?.number ?? -1;
  if (ba !== bb) return bb - ba;
  const sa = wa.build?.suffix ?? "";
  const sb = wb.build?.suffix ?? "";
  if (sa !== sb) return sa < sb ? 1 : -1;
  return wa.filename < wb.filename ? -1 : wa.filename > wb.filename ? 1 : 0;
}

// src/resolve/requirements-file.ts
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
  tagPriority,
  parseTag,
  parsePlatformTag,
  platformTags,
  supportedTags,
  canonicalizeName,
  parseWheelFilename,
  parseSdistFilename,
  wheelSupported,
  compareWheelsForTarget,
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
  parseRequirement,
  shellWords,
  RequirementsFileError,
  readRequirementsFile,
  checkHashMode
};
