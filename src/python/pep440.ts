/**
 * PEP 440 versions and version specifiers.
 *
 * Public API (what the resolver uses):
 * - `parseVersion(s)` → `Version` (throws `InvalidVersionError` naming `s`); `tryParseVersion(s)` → `Version | null`.
 *   Parsed versions are cached and immutable, so parsing the same string twice is a map lookup.
 * - `compareVersions(a, b)` → negative / 0 / positive (PEP 440 ordering; accepts strings or `Version`s).
 * - `Version`: `epoch`, `release`, `pre`, `post`, `dev`, `local`, `isPrerelease`, `isPostrelease`,
 *   `isDevrelease`, `public`, `baseVersion`, `major`/`minor`/`micro`, `toString()` (normalised form).
 * - `new SpecifierSet(text, {prereleases?})`: `contains(version, {prereleases?, installed?})`,
 *   `filter(items, {prereleases?, key?})`, `toString()` (sorted, de-duplicated, like packaging).
 *
 * Pre-release policy: pip 24 (packaging 24.1). With `prereleases` left unset, a pre-release is only accepted when
 * some specifier in the set names a pre-release itself (`>=2.0b1`); an empty set accepts pre-releases in `filter`
 * only when nothing else is available. `<V` and `>V` use the 24.1 rules: `<V` rejects pre-releases of V's base
 * release, `>V` rejects post-releases and local versions of V's base release. Pass `{prereleases: true}` for
 * `--pre`. Unparsable version strings never match (except `===`, which compares strings), and never throw.
 */
import { UsageError } from '../errors.js';

/** A version string that is not PEP 440. */
export class InvalidVersionError extends UsageError {
  constructor(readonly input: string) {
    super(`Invalid version: ${JSON.stringify(input)} is not a PEP 440 version (like 1.2, 2.0b1, 1!3.0.post2+local).`);
    this.name = 'InvalidVersionError';
  }
}

/** A version specifier string that is not PEP 440. */
export class InvalidSpecifierError extends UsageError {
  constructor(
    readonly input: string,
    detail = 'expected an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version, e.g. ">=1.2,<2"',
  ) {
    super(`Invalid specifier: ${JSON.stringify(input)}: ${detail}.`);
    this.name = 'InvalidSpecifierError';
  }
}

export type PreLetter = 'a' | 'b' | 'rc';

// Written from PEP 440's "Appendix B" description of the permissive form. Groups: epoch, release, pre letter,
// pre number, implicit post number ("1.0-1"), post letter, post number, dev letter, dev number, local.
const SUFFIX_NO_LOCAL =
  '(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?' +
  '(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?' +
  '(?:[-_.]?(dev)[-_.]?(\\d+)?)?';
const LOCAL = '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?';
const VERSION_BODY = 'v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)' + SUFFIX_NO_LOCAL + LOCAL;
const VERSION_RE = new RegExp(`^\\s*${VERSION_BODY}\\s*$`, 'i');

const PRE_LETTERS: Record<string, PreLetter> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  c: 'rc',
  rc: 'rc',
  pre: 'rc',
  preview: 'rc',
};
const PRE_RANK: Record<PreLetter, number> = { a: 0, b: 1, rc: 2 };

function toInt(digits: string, input: string): number {
  const n = Number(digits);
  // Beyond 2^53 we would compare wrongly; no real release uses such numbers.
  if (!Number.isSafeInteger(n)) throw new InvalidVersionError(input);
  return n;
}

type LocalSegment = number | string;

/** An immutable, normalised PEP 440 version. Build it with `parseVersion`. */
export class Version {
  readonly epoch: number;
  readonly release: readonly number[];
  readonly pre: readonly [PreLetter, number] | null;
  readonly post: number | null;
  readonly dev: number | null;
  /** Normalised local label (lower case, "." separators), or null. */
  readonly local: string | null;
  private readonly localSegments: readonly LocalSegment[] | null;
  private normalised: string | undefined;

  /** @internal use parseVersion */
  constructor(parts: {
    epoch: number;
    release: readonly number[];
    pre: readonly [PreLetter, number] | null;
    post: number | null;
    dev: number | null;
    local: string | null;
  }) {
    this.epoch = parts.epoch;
    this.release = Object.freeze([...parts.release]);
    this.pre = parts.pre ? (Object.freeze([parts.pre[0], parts.pre[1]]) as readonly [PreLetter, number]) : null;
    this.post = parts.post;
    this.dev = parts.dev;
    this.local = parts.local;
    this.localSegments = parts.local === null ? null : parts.local.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  }

  get isPrerelease(): boolean {
    return this.pre !== null || this.dev !== null;
  }
  get isPostrelease(): boolean {
    return this.post !== null;
  }
  get isDevrelease(): boolean {
    return this.dev !== null;
  }
  get major(): number {
    return this.release[0] ?? 0;
  }
  get minor(): number {
    return this.release[1] ?? 0;
  }
  get micro(): number {
    return this.release[2] ?? 0;
  }

  /** The version without its local label. */
  get public(): string {
    const s = this.toString();
    const plus = s.indexOf('+');
    return plus === -1 ? s : s.slice(0, plus);
  }

  /** Epoch and release only ("1!2.0" for "1!2.0rc1.post3+x"). */
  get baseVersion(): string {
    return (this.epoch ? `${this.epoch}!` : '') + this.release.join('.');
  }

  toString(): string {
    if (this.normalised === undefined) {
      let s = this.epoch ? `${this.epoch}!` : '';
      s += this.release.join('.');
      if (this.pre) s += `${this.pre[0]}${this.pre[1]}`;
      if (this.post !== null) s += `.post${this.post}`;
      if (this.dev !== null) s += `.dev${this.dev}`;
      if (this.local !== null) s += `+${this.local}`;
      this.normalised = s;
    }
    return this.normalised;
  }

  /** PEP 440 ordering against another version. */
  compare(other: Version): number {
    return compareParsed(this, other);
  }

  equals(other: Version): boolean {
    return compareParsed(this, other) === 0;
  }

  /** @internal: the local label split for comparison */
  get _localSegments(): readonly LocalSegment[] | null {
    return this.localSegments;
  }
}

function cmpNum(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Pre-release position relative to other versions of the same release: a bare dev release sorts before any
// alpha, and a version with no pre-release sorts after every pre-release. (Two numbers, not a pair: this runs
// for every comparison of a resolution.)
function preRank(v: Version): number {
  if (v.pre) return PRE_RANK[v.pre[0]];
  return v.post === null && v.dev !== null ? -1 : 3;
}
function preNumber(v: Version): number {
  return v.pre ? v.pre[1] : 0;
}

function compareParsed(a: Version, b: Version): number {
  if (a === b) return 0;
  let c = cmpNum(a.epoch, b.epoch);
  if (c) return c;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    c = cmpNum(a.release[i] ?? 0, b.release[i] ?? 0);
    if (c) return c;
  }
  c = cmpNum(preRank(a), preRank(b)) || cmpNum(preNumber(a), preNumber(b));
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
    // Numeric segments sort after alphanumeric ones.
    if (typeof x === 'number' && typeof y === 'number') c = cmpNum(x, y);
    else if (typeof x === 'number') c = 1;
    else if (typeof y === 'number') c = -1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return cmpNum(la.length, lb.length);
}

const cache = new Map<string, Version | null>();
const CACHE_LIMIT = 200_000;

// ---- The plain spellings, read without the regexes ----
// Nearly every version and specifier an index or a METADATA file holds is in normal form ("1.2.3", "2.0rc1",
// ">=1.4", "==2.*"). Reading those by hand skips the big case-insensitive regexes, which a short run pays for
// by compiling them first; anything else goes to the regexes, which stay the definition.

interface PlainVersion {
  release: number[];
  pre: [PreLetter, number] | null;
  post: number | null;
  dev: number | null;
  /** The release was followed by ".*" (only when asked for). */
  wildcard: boolean;
}

let scanEnd = 0;
/** The number written at `at` (set `scanEnd` past it), or -1 when there is none or too long to be exact. */
function scanNumber(s: string, at: number): number {
  let i = at;
  let value = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  scanEnd = i;
  return i === at || i - at > 15 ? -1 : value;
}

/**
 * @internal `s` read as N(.N)* [aN|bN|rcN] [.postN] [.devN], lower case, every part with its number, nothing
 * around it; with `wildcard`, N(.N)*.* too. Undefined for any other spelling (left to the regexes).
 */
export function scanPlainVersion(s: string, wildcard: boolean): PlainVersion | undefined {
  const release: number[] = [];
  let i = 0;
  for (;;) {
    const n = scanNumber(s, i);
    if (n < 0) return undefined;
    release.push(n);
    i = scanEnd;
    if (s.charCodeAt(i) !== 46 /* . */) break;
    const next = s.charCodeAt(i + 1);
    if (next < 48 || next > 57) break;
    i++;
  }
  const out: PlainVersion = { release, pre: null, post: null, dev: null, wildcard: false };
  if (wildcard && i === s.length - 2 && s.charCodeAt(i) === 46 && s.charCodeAt(i + 1) === 42 /* * */) {
    out.wildcard = true;
    return out;
  }
  const c = s.charCodeAt(i);
  const letter: PreLetter | undefined = c === 97 ? 'a' : c === 98 ? 'b' : c === 114 && s.charCodeAt(i + 1) === 99 ? 'rc' : undefined;
  if (letter) {
    const n = scanNumber(s, i + letter.length);
    if (n < 0) return undefined;
    out.pre = [letter, n];
    i = scanEnd;
  }
  if (s.startsWith('.post', i)) {
    out.post = scanNumber(s, i + 5);
    if (out.post < 0) return undefined;
    i = scanEnd;
  }
  if (s.startsWith('.dev', i)) {
    out.dev = scanNumber(s, i + 4);
    if (out.dev < 0) return undefined;
    i = scanEnd;
  }
  return i === s.length ? out : undefined;
}

/** @internal The regex reading of a version (the definition; `parseUncached` takes a short cut for plain ones). */
export function parseVersionByRegex(input: string): Version | null {
  const m = VERSION_RE.exec(input);
  if (!m) return null;
  const [, epoch, release, preL, preN, postImplicit, postL, postN, devL, devN, local] = m;
  return new Version({
    epoch: epoch ? toInt(epoch, input) : 0,
    release: release.split('.').map((d) => toInt(d, input)),
    pre: preL ? [PRE_LETTERS[preL.toLowerCase()], preN ? toInt(preN, input) : 0] : null,
    post: postImplicit !== undefined ? toInt(postImplicit, input) : postL ? (postN ? toInt(postN, input) : 0) : null,
    dev: devL ? (devN ? toInt(devN, input) : 0) : null,
    local: local ? local.toLowerCase().replace(/[-_]/g, '.') : null,
  });
}

/** False when `s` starts with a letter other than v ("linux", "CPython"), which no version does. */
function startsLikeVersion(s: string): boolean {
  const c = s.charCodeAt(0) | 0x20; // lower case, for letters
  return !(c >= 97 && c <= 122) || c === 118;
}

function parseUncached(input: string): Version | null {
  const plain = scanPlainVersion(input, false);
  if (!plain) return startsLikeVersion(input) ? parseVersionByRegex(input) : null;
  return new Version({ epoch: 0, release: plain.release, pre: plain.pre, post: plain.post, dev: plain.dev, local: null });
}

/** Parse a version, or return null when it is not PEP 440. */
export function tryParseVersion(input: string): Version | null {
  let v = cache.get(input);
  if (v === undefined) {
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

/** Parse a PEP 440 version; throws `InvalidVersionError` naming the input. */
export function parseVersion(input: string): Version {
  if (typeof input !== 'string') throw new InvalidVersionError(String(input));
  const v = tryParseVersion(input);
  if (!v) throw new InvalidVersionError(input);
  return v;
}

function asVersion(v: string | Version): Version {
  return typeof v === 'string' ? parseVersion(v) : v;
}

/** PEP 440 ordering: negative when a < b, 0 when equal (1.0 == 1.0.0), positive when a > b. */
export function compareVersions(a: string | Version, b: string | Version): number {
  return compareParsed(asVersion(a), asVersion(b));
}

/** Normalised form with trailing ".0"s of the release dropped (used to compare specifiers). */
export function canonicalizeVersion(v: string | Version, stripTrailingZero = true): string {
  const parsed = typeof v === 'string' ? tryParseVersion(v) : v;
  if (!parsed) return String(v);
  if (!stripTrailingZero) return parsed.toString();
  const release = [...parsed.release];
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return new Version({ ...parsed, release }).toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Specifiers

export type Operator = '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>' | '===';

// Which version shapes each operator admits (PEP 440 "Version specifiers"). Wildcards only after a release with
// == and !=; local labels only with == and != (not together with a wildcard); ~= needs two release components.
const RELEASE = 'v?(?:\\d+!)?\\d+(?:\\.\\d+)*';
const FULL_NO_LOCAL = RELEASE + SUFFIX_NO_LOCAL;
const SPEC_VERSION_RE: Record<Operator, RegExp> = {
  '==': new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, 'i'),
  '!=': new RegExp(`^(?:${RELEASE}\\.\\*|${VERSION_BODY})$`, 'i'),
  '~=': new RegExp(`^v?(?:\\d+!)?\\d+(?:\\.\\d+)+${SUFFIX_NO_LOCAL}$`, 'i'),
  '<=': new RegExp(`^${FULL_NO_LOCAL}$`, 'i'),
  '>=': new RegExp(`^${FULL_NO_LOCAL}$`, 'i'),
  '<': new RegExp(`^${FULL_NO_LOCAL}$`, 'i'),
  '>': new RegExp(`^${FULL_NO_LOCAL}$`, 'i'),
  '===': /^[^\s;)]+$/,
};
const SPEC_RE = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(.*?)\s*$/s;

export interface ContainsOptions {
  /** true: accept pre-releases; false: reject them; unset: the specifier's own default (see module doc). */
  prereleases?: boolean | null;
}

/** One clause such as ">=1.2" or "==2.*". */
export class Specifier {
  readonly operator: Operator;
  /** The version text as written (e.g. "2.1.*", "lolwat" for ===). */
  readonly version: string;
  private explicitPrereleases: boolean | null;
  private namesPrerelease: boolean | undefined;
  private parsed: Version | null | undefined;
  private wildcard: Version | undefined;

  constructor(text: string, prereleases: boolean | null = null) {
    const [op, version] = plainSpecifier(text) ?? splitSpecifierByRegex(text);
    this.operator = op;
    this.version = version;
    this.explicitPrereleases = prereleases;
  }

  /** Whether pre-releases are accepted by default: explicit setting, else whether the clause names one. */
  get prereleases(): boolean {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    // Asked for every candidate of every check in a resolution: worked out once per specifier.
    this.namesPrerelease ??= this.computeNamesPrerelease();
    return this.namesPrerelease;
  }

  private computeNamesPrerelease(): boolean {
    // packaging 24.1 (pip 24): only the inclusive operators opt in to pre-releases.
    if (this.operator === '==' || this.operator === '>=' || this.operator === '<=' || this.operator === '~=' || this.operator === '===') {
      const base = this.version.endsWith('.*') ? this.version.slice(0, -2) : this.version;
      return tryParseVersion(base)?.isPrerelease ?? false;
    }
    return false;
  }
  set prereleases(value: boolean | null) {
    this.explicitPrereleases = value;
  }

  toString(): string {
    return `${this.operator}${this.version}`;
  }

  /** Key under which two specifiers are the same clause (==2.8.0 and ==2.8). */
  get canonicalKey(): string {
    if (this.operator === '===') return `===${this.version.toLowerCase()}`;
    if (this.version.endsWith('.*')) return `${this.operator}${canonicalizeVersion(this.version.slice(0, -2), false)}.*`;
    return `${this.operator}${canonicalizeVersion(this.version, this.operator !== '~=')}`;
  }

  equals(other: Specifier | string): boolean {
    const o = typeof other === 'string' ? tryNewSpecifier(other) : other;
    return o !== null && o.canonicalKey === this.canonicalKey;
  }

  private spec(): Version {
    if (this.parsed === undefined) this.parsed = parseVersion(this.version);
    return this.parsed as Version;
  }

  /** Whether `item` satisfies this clause. Unparsable strings only ever match `===`. */
  contains(item: string | Version, options: ContainsOptions = {}): boolean {
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.operator === '===') {
      const text = typeof item === 'string' ? item : item.toString();
      if (text.toLowerCase() !== this.version.toLowerCase()) return false;
      const v = typeof item === 'string' ? tryParseVersion(item) : item;
      return !(v?.isPrerelease && !prereleases);
    }
    const v = typeof item === 'string' ? tryParseVersion(item) : item;
    if (!v) return false;
    if (v.isPrerelease && !prereleases) return false;
    return this.matches(v);
  }

  /** The operator's comparison alone, ignoring the pre-release policy. */
  matches(v: Version): boolean {
    switch (this.operator) {
      case '==':
        return this.equalTo(v);
      case '!=':
        return !this.equalTo(v);
      case '<=':
        return compareParsed(withoutLocal(v), this.spec()) <= 0;
      case '>=':
        return compareParsed(withoutLocal(v), this.spec()) >= 0;
      case '<': {
        const spec = this.spec();
        if (compareParsed(v, spec) >= 0) return false;
        // "<3.0" must not admit 3.0rc1 unless the bound is itself a pre-release.
        return !(!spec.isPrerelease && v.isPrerelease && sameBase(v, spec));
      }
      case '>': {
        const spec = this.spec();
        if (compareParsed(v, spec) <= 0) return false;
        // ">3.0" must not admit 3.0.post1 (unless the bound is a post-release) nor 3.0+local.
        if (!spec.isPostrelease && v.isPostrelease && sameBase(v, spec)) return false;
        return !(v.local !== null && sameBase(v, spec));
      }
      case '~=': {
        const spec = this.spec();
        if (compareParsed(withoutLocal(v), spec) < 0) return false;
        // Same prefix: all release components of the bound but the last.
        const prefix = spec.release.slice(0, -1);
        return v.epoch === spec.epoch && prefix.every((n, i) => (v.release[i] ?? 0) === n);
      }
      case '===':
        return v.toString().toLowerCase() === this.version.toLowerCase();
    }
  }

  private equalTo(v: Version): boolean {
    if (this.version.endsWith('.*')) {
      if (!this.wildcard) this.wildcard = parseVersion(this.version.slice(0, -2));
      const prefix = this.wildcard;
      return v.epoch === prefix.epoch && prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
    }
    const spec = this.spec();
    // A local label in the candidate is ignored unless the specifier names one.
    return compareParsed(spec.local === null ? withoutLocal(v) : v, spec) === 0;
  }

  /** Items that satisfy the clause, with the pre-release fallback of packaging 24.1's Specifier.filter. */
  filter<T>(items: Iterable<T>, options: FilterOptions<T> = {}): T[] {
    const prereleases = options.prereleases ?? null;
    const key = options.key ?? ((x: T) => x as unknown as string | Version);
    const out: T[] = [];
    const heldBack: T[] = [];
    for (const item of items) {
      const k = key(item);
      const v = typeof k === 'string' ? tryParseVersion(k) : k;
      if (!this.contains(k, { prereleases: prereleases ?? true })) continue;
      if (v?.isPrerelease && !(prereleases || this.prereleases)) heldBack.push(item);
      else out.push(item);
    }
    return out.length === 0 ? heldBack : out;
  }
}

/** @internal The regex reading of a specifier clause: [operator, version], or InvalidSpecifierError saying why. */
export function splitSpecifierByRegex(text: string): [Operator, string] {
  const m = SPEC_RE.exec(text);
  if (!m || !m[2]) throw new InvalidSpecifierError(text);
  const op = m[1] as Operator;
  const version = m[2];
  if (!SPEC_VERSION_RE[op].test(version)) throw new InvalidSpecifierError(text, specifierProblem(op, version));
  return [op, version];
}

const PLAIN_OPERATORS: Operator[] = ['~=', '==', '!=', '<=', '>=', '<', '>'];

/**
 * @internal A clause written plainly (an operator, then a plain version, no spaces): [operator, version];
 * undefined for anything else, which `splitSpecifierByRegex` reads (or rejects).
 */
export function plainSpecifier(text: string): [Operator, string] | undefined {
  if (text.startsWith('===')) return undefined;
  const op = PLAIN_OPERATORS.find((o) => text.startsWith(o));
  if (!op) return undefined;
  let start = op.length;
  while (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9) start++; // ">= 1.0", as pip writes them
  const version = text.slice(start);
  const plain = scanPlainVersion(version, op === '==' || op === '!=');
  // ~= needs two release numbers; anything else plain is a valid clause for every operator.
  if (!plain || (op === '~=' && plain.release.length < 2)) return undefined;
  return [op, version];
}

function specifierProblem(op: Operator, version: string): string {
  if (/\.\*/.test(version) && op !== '==' && op !== '!=') return `the wildcard ".*" can only be used with == and !=`;
  if (/\.\*./.test(version) || (/\.\*$/.test(version) && !new RegExp(`^${RELEASE}\\.\\*$`, 'i').test(version))) {
    return 'the wildcard ".*" must directly follow the release numbers (not a pre, post, dev or local part)';
  }
  if (version.includes('+') && op !== '==' && op !== '!=') return 'a local version label (+...) can only be used with == and !=';
  if (op === '~=' && /^v?(?:\d+!)?\d+$/i.test(version)) return '~= needs at least two release numbers (like ~=1.4)';
  return `${JSON.stringify(version)} is not a valid PEP 440 version`;
}

function tryNewSpecifier(text: string): Specifier | null {
  try {
    return new Specifier(text);
  } catch {
    return null;
  }
}

const publicCache = new WeakMap<Version, Version>();
function withoutLocal(v: Version): Version {
  if (v.local === null) return v;
  let p = publicCache.get(v);
  if (!p) {
    p = new Version({ ...v, local: null });
    publicCache.set(v, p);
  }
  return p;
}

function sameBase(a: Version, b: Version): boolean {
  if (a.epoch !== b.epoch) return false;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) if ((a.release[i] ?? 0) !== (b.release[i] ?? 0)) return false;
  return true;
}

export interface FilterOptions<T> {
  /** true: keep pre-releases; false: drop them; unset: the set's default (see module doc). */
  prereleases?: boolean | null;
  /** How to read a version from an item (default: the item itself, a string or a Version). */
  key?: (item: T) => string | Version;
}

export interface SetContainsOptions extends ContainsOptions {
  /** Treat a pre-release as its base release (an already-installed pre-release satisfies ">=1.0"). */
  installed?: boolean;
}

/** A comma-separated set of specifiers (">=1.2,<2,!=1.5.*"), all of which must hold. */
export class SpecifierSet {
  readonly specifiers: readonly Specifier[];
  private explicitPrereleases: boolean | null;

  constructor(text: string | Iterable<Specifier> = '', prereleases: boolean | null = null) {
    if (typeof text === 'string') {
      this.specifiers = text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .map((s) => {
          try {
            return new Specifier(s);
          } catch (e) {
            if (e instanceof InvalidSpecifierError && text.includes(',')) {
              throw new InvalidSpecifierError(text, `in ${JSON.stringify(s)}: ${e.message.replace(/^Invalid specifier: "[^"]*": /, '').replace(/\.$/, '')}`);
            }
            throw e;
          }
        });
    } else {
      this.specifiers = [...text];
    }
    this.explicitPrereleases = prereleases;
  }

  get size(): number {
    return this.specifiers.length;
  }

  [Symbol.iterator](): Iterator<Specifier> {
    return this.specifiers[Symbol.iterator]();
  }

  /** Explicit setting, else null for an empty set, else whether any clause names a pre-release. */
  get prereleases(): boolean | null {
    if (this.explicitPrereleases !== null) return this.explicitPrereleases;
    if (this.specifiers.length === 0) return null;
    return this.specifiers.some((s) => s.prereleases);
  }
  set prereleases(value: boolean | null) {
    this.explicitPrereleases = value;
  }

  /** Sorted and de-duplicated, like packaging's str(SpecifierSet). */
  toString(): string {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const s of [...this.specifiers].sort((a, b) => cmpStr(a.toString(), b.toString()))) {
      if (seen.has(s.canonicalKey)) continue;
      seen.add(s.canonicalKey);
      out.push(s.toString());
    }
    return out.join(',');
  }

  /** Order-independent key: equal for sets that are the same clauses (">=1.0,<2" and "<2.0,>=1"). */
  get canonicalKey(): string {
    return [...new Set(this.specifiers.map((s) => s.canonicalKey))].sort().join(',');
  }

  equals(other: SpecifierSet | Specifier | string): boolean {
    let o: SpecifierSet | null;
    if (typeof other === 'string') {
      try {
        o = new SpecifierSet(other);
      } catch {
        return false;
      }
    } else o = other instanceof Specifier ? new SpecifierSet([other]) : other;
    return o.canonicalKey === this.canonicalKey;
  }

  /** Intersection; the pre-release overrides must not contradict. */
  and(other: SpecifierSet | string): SpecifierSet {
    const o = typeof other === 'string' ? new SpecifierSet(other) : other;
    const a = this.explicitPrereleases;
    const b = o.explicitPrereleases;
    if (a !== null && b !== null && a !== b) {
      throw new UsageError('Cannot combine specifier sets with contradicting pre-release settings (true and false).');
    }
    return new SpecifierSet([...this.specifiers, ...o.specifiers], a ?? b);
  }

  /** Whether `item` satisfies every clause (pip 24's pre-release rules, see module doc). */
  contains(item: string | Version, options: SetContainsOptions = {}): boolean {
    let v = typeof item === 'string' ? tryParseVersion(item) : item;
    if (!v) {
      // Not PEP 440: an empty set admits anything, otherwise only === clauses can match it.
      return this.specifiers.every((s) => s.operator === '===' && s.contains(item));
    }
    const prereleases = options.prereleases ?? this.prereleases;
    if (!prereleases && v.isPrerelease) {
      if (!options.installed) return false;
    }
    if (options.installed && v.isPrerelease) v = parseVersion(v.baseVersion);
    const parsed = v;
    return this.specifiers.every((s) => s.contains(s.operator === '===' && !options.installed ? item : parsed, { prereleases: !!prereleases }));
  }

  /**
   * The items whose version satisfies the set, in input order. With `prereleases` unset: clauses apply with
   * pre-releases off unless one names a pre-release; an empty set keeps pre-releases only when no final release
   * (or non-PEP 440 string) is present.
   */
  filter<T>(items: Iterable<T>, options: FilterOptions<T> = {}): T[] {
    const key = options.key ?? ((x: T) => x as unknown as string | Version);
    const prereleases = options.prereleases ?? this.prereleases;
    if (this.specifiers.length > 0) {
      let current: T[] = [...items];
      for (const spec of this.specifiers) current = spec.filter(current, { prereleases: !!prereleases, key });
      return current;
    }
    // Empty set: pre-releases only when asked for, or (prereleases unset) when no final release is offered.
    // Strings that are not PEP 440 always pass, in their place.
    const all = [...items];
    const isPre = all.map((item) => {
      const k = key(item);
      return (typeof k === 'string' ? tryParseVersion(k) : k)?.isPrerelease ?? null;
    });
    const keepPre = prereleases === true || (prereleases === null && !isPre.includes(false));
    return all.filter((_, i) => isPre[i] !== true || keepPre);
  }
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const setCache = new Map<string, SpecifierSet>();
/**
 * A cached, shared SpecifierSet for `text` (no explicit pre-release setting). Do not change its `prereleases`.
 */
export function parseSpecifierSet(text: string): SpecifierSet {
  let s = setCache.get(text);
  if (!s) {
    s = new SpecifierSet(text);
    if (setCache.size >= 50_000) setCache.clear();
    setCache.set(text, s);
  }
  return s;
}

/** Build a version from its parts (pre letters like "beta" or "B" are normalised). */
export function versionFromParts(parts: {
  release: readonly number[];
  epoch?: number | null;
  pre?: readonly [string, number] | null;
  post?: number | null;
  dev?: number | null;
  local?: string | null;
}): Version {
  const letter = parts.pre ? PRE_LETTERS[parts.pre[0].toLowerCase()] : undefined;
  if (parts.pre && !letter) throw new UsageError(`Invalid pre-release letter ${JSON.stringify(parts.pre[0])}: use a, b or rc.`);
  if (parts.local != null && !/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i.test(parts.local)) {
    throw new UsageError(`Invalid local version label ${JSON.stringify(parts.local)}.`);
  }
  return new Version({
    epoch: parts.epoch ?? 0,
    release: parts.release,
    pre: parts.pre && letter ? [letter, parts.pre[1]] : null,
    post: parts.post ?? null,
    dev: parts.dev ?? null,
    local: parts.local != null ? parts.local.toLowerCase().replace(/[-_]/g, '.') : null,
  });
}
