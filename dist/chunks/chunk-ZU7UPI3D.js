import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  InvalidSpecifierError,
  Specifier,
  SpecifierSet,
  plainSpecifier,
  tryParseVersion
} from "./chunk-6J3BLQ7R.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

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
  `(?:${[...Object.keys(ALIASES), ...MARKER_VARIABLES].sort((a, b) => b.length - a.length).map((v) => v.replace(".", "\\.")).join("|")})(?![A-Za-z0-9_.])`,
  "y"
);
var OP_RE = /(?:===|==|~=|!=|<=|>=|<|>|not[ \t]+in(?![A-Za-z0-9_])|in(?![A-Za-z0-9_]))/y;
var BOOL_RE = /(?:and|or)(?![A-Za-z0-9_])/y;
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
  /** `re` (sticky) matched at the current position, or null. */
  match(re) {
    re.lastIndex = this.pos;
    return re.exec(this.source);
  }
  /** marker := atom (("and" | "or") atom)* */
  parseList() {
    const out = [this.parseAtom()];
    for (; ; ) {
      this.ws();
      const m = this.match(BOOL_RE);
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
    const m = this.match(OP_RE);
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
    const m = this.match(VARIABLE_RE);
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
var markerSpecifiers = /* @__PURE__ */ new Map();
function markerSpecifier(text) {
  let spec = markerSpecifiers.get(text);
  if (spec === void 0) {
    try {
      spec = new Specifier(text, true);
    } catch {
      spec = null;
    }
    if (markerSpecifiers.size > 2e4) markerSpecifiers.clear();
    markerSpecifiers.set(text, spec);
  }
  return spec;
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
      const spec = markerSpecifier(`${op}${r}`);
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
var NAME_RE = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
var SPEC_ITEM_RE = /(?:===[ \t]*[^\s,;)]*|(?:~=|==|!=|<=|>=|<|>)[ \t]*[^\s,;)]*)/y;
var RequirementParser = class extends MarkerParser {
  constructor(source) {
    super(source, 0, (m) => new InvalidRequirementError(m));
  }
  parse() {
    const src = this.source;
    this.ws();
    const nameMatch = this.match(NAME_RE);
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
        const m = this.match(NAME_RE);
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
      const m = this.match(SPEC_ITEM_RE);
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
var cache = /* @__PURE__ */ new Map();
function isDirectReference(text) {
  return /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\])?\s*@/.test(text);
}
function parseRequirement(text) {
  let r = cache.get(text);
  if (!r) {
    r = new RequirementParser(text).parse();
    if (cache.size > 2e4) cache.clear();
    cache.set(text, r);
  }
  return r;
}
function isAlnum(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function nameEnd(s, i) {
  if (!isAlnum(s.charCodeAt(i))) return -1;
  let end = i + 1;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (isAlnum(c)) end = j + 1;
    else if (c !== 46 && c !== 95 && c !== 45) break;
  }
  return end;
}
function skipBlanks(s, i) {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}
function operatorLength(s, i) {
  const c = s.charCodeAt(i);
  const equals = s.charCodeAt(i + 1) === 61;
  if (c === 60 || c === 62) return equals ? 2 : 1;
  if ((c === 126 || c === 33) && equals) return 2;
  if (c === 61 && equals) return s.charCodeAt(i + 2) === 61 ? 0 : 2;
  return 0;
}
function itemEnd(s, i) {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c >= 9 && c <= 13 || c === 44 || c === 59 || c === 41) break;
  }
  return i;
}
function plainClausesEnd(s, i) {
  for (; ; ) {
    const opLength = operatorLength(s, i);
    if (opLength === 0) return -1;
    const end = itemEnd(s, skipBlanks(s, i + opLength));
    if (!plainSpecifier(s.slice(i, end))) return -1;
    i = skipBlanks(s, end);
    if (s.charCodeAt(i) !== 44) return i;
    i = skipBlanks(s, i + 1);
  }
}
function plainHead(s) {
  const start = skipBlanks(s, 0);
  const end = nameEnd(s, start);
  if (end < 0) return void 0;
  let i = skipBlanks(s, end);
  if (s.charCodeAt(i) === 91) {
    i = skipBlanks(s, i + 1);
    if (s.charCodeAt(i) !== 93) {
      for (; ; ) {
        const e = nameEnd(s, i);
        if (e < 0) return void 0;
        i = skipBlanks(s, e);
        if (s.charCodeAt(i) !== 44) break;
        i = skipBlanks(s, i + 1);
      }
    }
    if (s.charCodeAt(i) !== 93) return void 0;
    i = skipBlanks(s, i + 1);
  }
  const c = s.charCodeAt(i);
  if (c === 40) {
    i = plainClausesEnd(s, skipBlanks(s, i + 1));
    if (i < 0) return void 0;
    i = skipBlanks(s, i);
    if (s.charCodeAt(i) !== 41) return void 0;
    i = skipBlanks(s, i + 1);
  } else if (c !== 59) {
    i = plainClausesEnd(s, i);
    if (i < 0) return void 0;
  }
  return s.charCodeAt(i) === 59 ? { name: s.slice(start, end), markerStart: i + 1 } : void 0;
}
var DeclaredRequirement = class {
  constructor(name, marker, text, parsed) {
    this.name = name;
    this.marker = marker;
    this.text = text;
    this.parsed = parsed;
  }
  name;
  marker;
  text;
  parsed;
  /** The requirement; for a text `declaredRequirement` accepted this cannot fail. */
  get requirement() {
    return this.parsed ??= parseRequirement(this.text);
  }
  /** Whether the requirement is still unparsed (for tests). */
  get deferred() {
    return this.parsed === void 0;
  }
};
function declaredRequirement(text) {
  const head = plainHead(text);
  if (head) {
    let marker;
    try {
      marker = parseMarker(text.slice(head.markerStart));
    } catch {
    }
    if (marker) return new DeclaredRequirement(head.name, marker, text);
  }
  const parsed = parseRequirement(text);
  return new DeclaredRequirement(parsed.name, parsed.marker, text, parsed);
}

export {
  canonicalExtra,
  parseMarker,
  evaluateMarker,
  canonicalName,
  isDirectReference,
  parseRequirement,
  declaredRequirement
};
