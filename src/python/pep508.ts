/**
 * PEP 508 dependency specifiers ("requests[socks]>=2.31; python_version >= '3.9'", "pkg @ https://…").
 *
 * Public API (what the resolver uses):
 * - `parseRequirement(text)` → `Requirement` {name, extras, specifier, url, marker}; throws
 *   `InvalidRequirementError` whose message shows the text and points at the column at fault.
 * - `canonicalName(name)`: PEP 503 normal form ("Foo.Bar_baz" → "foo-bar-baz").
 * - `Requirement.toString()`: normalised like packaging ("name[a,b]<3,>=2; marker", "name @ url ; marker").
 * - `declaredRequirement(text)` → `DeclaredRequirement` {name, marker, requirement}: the same, with the
 *   requirement itself parsed on first use (for dependency lists whose markers mostly rule lines out).
 * Markers live in ./markers.ts (`parseMarker`, `evaluateMarker`), re-exported here.
 */
import { UsageError } from '../errors.js';
import { canonicalExtra, formatSyntaxError, Marker, MarkerParser, parseMarker } from './markers.js';
import { InvalidSpecifierError, plainSpecifier, Specifier, SpecifierSet } from './pep440.js';

export { canonicalExtra, evaluateMarker, InvalidMarkerError, Marker, MarkerEvaluationError, parseMarker } from './markers.js';
export type { MarkerEnvironment } from './markers.js';

export class InvalidRequirementError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequirementError';
  }
}

/** PEP 503 normal form of a project name. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export class Requirement {
  constructor(
    /** The name as written. Compare with `canonicalName(req.name)`. */
    readonly name: string,
    /** Requested extras as written, sorted, without duplicates. */
    readonly extras: readonly string[],
    readonly specifier: SpecifierSet,
    readonly url: string | null,
    readonly marker: Marker | null,
  ) {}

  /** PEP 503 name. */
  get canonicalName(): string {
    return canonicalName(this.name);
  }

  toString(): string {
    let s = this.name;
    if (this.extras.length) s += `[${this.extras.join(',')}]`;
    const spec = this.specifier.toString();
    if (spec) s += spec;
    if (this.url !== null) {
      s += ` @ ${this.url}`;
      if (this.marker) s += ' ';
    }
    if (this.marker) s += `; ${this.marker}`;
    return s;
  }

  /** Same project, extras, specifier, URL and marker after normalisation. */
  equals(other: Requirement): boolean {
    return this.key() === other.key();
  }

  private key(): string {
    const extras = [...new Set(this.extras.map(canonicalExtra))].sort().join(',');
    return JSON.stringify([canonicalName(this.name), extras, this.specifier.canonicalKey, this.url, this.marker?.toString() ?? null]);
  }
}

// Sticky, matched at the parser's position (MarkerParser.match).
const NAME_RE = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const SPEC_ITEM_RE = /(?:===[ \t]*[^\s,;)]*|(?:~=|==|!=|<=|>=|<|>)[ \t]*[^\s,;)]*)/y;

class RequirementParser extends MarkerParser {
  constructor(source: string) {
    super(source, 0, (m) => new InvalidRequirementError(m));
  }

  parse(): Requirement {
    const src = this.source;
    this.ws();
    const nameMatch = this.match(NAME_RE);
    if (!nameMatch) this.fail('Expected package name at the start of dependency specifier');
    const name = nameMatch[0];
    this.pos += name.length;
    this.ws();
    const extras = this.parseExtras();
    this.ws();
    let url: string | null = null;
    let specifier = new SpecifierSet('');
    if (src[this.pos] === '@') {
      this.pos++;
      this.ws();
      const m = /^[^ \t]+/.exec(src.slice(this.pos));
      if (!m || /^[\r\n]/.test(m[0])) this.fail('Expected URL after @');
      url = m[0];
      if (/[\r\n]/.test(url)) this.fail('Expected end or semicolon (after URL and whitespace)', this.pos + url.search(/[\r\n]/));
      this.pos += url.length;
      const before = this.pos;
      this.ws();
      if (this.pos === src.length) return new Requirement(name, extras, specifier, url, null);
      if (this.pos === before || src[this.pos] !== ';') this.fail('Expected end or semicolon (after URL and whitespace)');
    } else {
      specifier = this.parseSpecifier();
      this.ws();
    }
    let marker: Marker | null = null;
    if (src[this.pos] === ';') {
      this.pos++;
      this.ws();
      marker = new Marker(this.parseList());
      this.ws();
      if (this.pos !== src.length) this.fail('Expected end or semicolon (after marker)');
    } else if (this.pos !== src.length) {
      this.fail(
        specifier.size
          ? 'Expected comma (within version specifier), semicolon (after version specifier) or end'
          : 'Expected end or semicolon (after name and no valid version specifier)',
      );
    }
    return new Requirement(name, extras, specifier, url, marker);
  }

  private parseExtras(): string[] {
    const src = this.source;
    if (src[this.pos] !== '[') return [];
    const open = this.pos;
    this.pos++;
    this.ws();
    const out: string[] = [];
    if (src[this.pos] !== ']') {
      for (;;) {
        const m = this.match(NAME_RE);
        if (!m) this.fail(out.length ? 'Expected extra name after comma' : 'Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', out.length ? this.pos : open, this.pos);
        out.push(m[0]);
        this.pos += m[0].length;
        this.ws();
        if (src[this.pos] !== ',') break;
        this.pos++;
        this.ws();
      }
    }
    if (src[this.pos] !== ']') this.fail('Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras', open, this.pos);
    this.pos++;
    return [...new Set(out)].sort();
  }

  private parseSpecifier(): SpecifierSet {
    const src = this.source;
    const paren = src[this.pos] === '(';
    const open = this.pos;
    if (paren) {
      this.pos++;
      this.ws();
    }
    const items: Specifier[] = [];
    for (;;) {
      const m = this.match(SPEC_ITEM_RE);
      if (!m) {
        if (items.length) this.fail('Expected a version specifier after comma');
        break;
      }
      const start = this.pos;
      try {
        items.push(new Specifier(m[0]));
      } catch (e) {
        if (!(e instanceof InvalidSpecifierError)) throw e;
        const detail = e.message.replace(/^Invalid specifier: "(?:[^"\\]|\\.)*": /, '').replace(/\.$/, '');
        this.fail(`Invalid specifier ${m[0]}: ${detail}`, start, start + m[0].length);
      }
      this.pos += m[0].length;
      this.ws();
      if (src[this.pos] !== ',') break;
      this.pos++;
      this.ws();
    }
    if (paren) {
      this.ws();
      if (src[this.pos] !== ')') this.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier', open, this.pos);
      this.pos++;
    }
    return new SpecifierSet(items);
  }
}

const cache = new Map<string, Requirement>();

/**
 * True when `text` starts like a PEP 508 direct reference, `name @ url` or `name[extra]@url`, so that a
 * requirement such as `name @ https://…/name-1.0-py3-none-any.whl` is not mistaken for a wheel path or URL.
 */
export function isDirectReference(text: string): boolean {
  return /^\s*[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\s*(?:\[[^\]]*\])?\s*@/.test(text);
}

/** Parse a PEP 508 requirement. Cached: the returned object is shared, treat it as read-only. */
export function parseRequirement(text: string): Requirement {
  let r = cache.get(text);
  if (!r) {
    r = new RequirementParser(text).parse();
    if (cache.size > 20_000) cache.clear();
    cache.set(text, r);
  }
  return r;
}

// The usual shape of a dependency with a marker: `name[extras] specifiers ;`, the specifiers optionally in
// parentheses, each a plain clause (pep440.ts plainSpecifier). Read by hand, step for step as
// RequirementParser reads it (a regex would cost more to compile than the whole list takes to read), so text
// accepted here up to the `;` is text RequirementParser accepts, with the same name.

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** End of the name NAME_RE matches at `i`, or -1. */
function nameEnd(s: string, i: number): number {
  if (!isAlnum(s.charCodeAt(i))) return -1;
  let end = i + 1;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (isAlnum(c)) end = j + 1;
    else if (c !== 46 && c !== 95 && c !== 45) break; // . _ -
  }
  return end;
}

function skipBlanks(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

/** Length of the operator ~= == != <= >= < > at `i`; 0 for none (and for ===, never plain). */
function operatorLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const equals = s.charCodeAt(i + 1) === 61;
  if (c === 60 || c === 62) return equals ? 2 : 1; // < <= > >=
  if ((c === 126 || c === 33) && equals) return 2; // ~= !=
  if (c === 61 && equals) return s.charCodeAt(i + 2) === 61 ? 0 : 2; // == (not ===)
  return 0;
}
/** Where SPEC_ITEM_RE's `[^\s,;)]*` would stop, for the ASCII stops (others make the clause not plain). */
function itemEnd(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 44 || c === 59 || c === 41) break;
  }
  return i;
}

/** The plain clauses at `i` (comma separated), as parseSpecifier reads them: the end, or -1 when not plain. */
function plainClausesEnd(s: string, i: number): number {
  for (;;) {
    const opLength = operatorLength(s, i);
    if (opLength === 0) return -1;
    const end = itemEnd(s, skipBlanks(s, i + opLength));
    if (!plainSpecifier(s.slice(i, end))) return -1;
    i = skipBlanks(s, end);
    if (s.charCodeAt(i) !== 44) return i;
    i = skipBlanks(s, i + 1);
  }
}

/** For `name[extras] specifiers ;marker` with plain specifiers: the name and where the marker starts. */
function plainHead(s: string): { name: string; markerStart: number } | undefined {
  const start = skipBlanks(s, 0);
  const end = nameEnd(s, start);
  if (end < 0) return undefined;
  let i = skipBlanks(s, end);
  if (s.charCodeAt(i) === 91 /* [ */) {
    i = skipBlanks(s, i + 1);
    if (s.charCodeAt(i) !== 93 /* ] */) {
      for (;;) {
        const e = nameEnd(s, i);
        if (e < 0) return undefined;
        i = skipBlanks(s, e);
        if (s.charCodeAt(i) !== 44) break;
        i = skipBlanks(s, i + 1);
      }
    }
    if (s.charCodeAt(i) !== 93) return undefined;
    i = skipBlanks(s, i + 1);
  }
  const c = s.charCodeAt(i);
  if (c === 40 /* ( */) {
    i = plainClausesEnd(s, skipBlanks(s, i + 1));
    if (i < 0) return undefined;
    i = skipBlanks(s, i);
    if (s.charCodeAt(i) !== 41 /* ) */) return undefined;
    i = skipBlanks(s, i + 1);
  } else if (c !== 59 /* ; */) {
    i = plainClausesEnd(s, i);
    if (i < 0) return undefined;
  }
  return s.charCodeAt(i) === 59 ? { name: s.slice(start, end), markerStart: i + 1 } : undefined;
}

/** A dependency line whose name and marker are known; the whole requirement is parsed when first asked for. */
export class DeclaredRequirement {
  private parsed: Requirement | undefined;

  constructor(
    /** The name as written (as `Requirement.name`). */
    readonly name: string,
    readonly marker: Marker | null,
    readonly text: string,
    parsed?: Requirement,
  ) {
    this.parsed = parsed;
  }

  /** The requirement; for a text `declaredRequirement` accepted this cannot fail. */
  get requirement(): Requirement {
    return (this.parsed ??= parseRequirement(this.text));
  }

  /** Whether the requirement is still unparsed (for tests). */
  get deferred(): boolean {
    return this.parsed === undefined;
  }
}

/**
 * `parseRequirement`, in two steps: a text of the usual `name[extras] specifiers ; marker` shape has only its
 * marker parsed now (a METADATA lists dozens of dependencies for extras nobody asks for, whose markers are
 * false), any other is parsed whole now. It throws exactly when `parseRequirement` would, with its error.
 */
export function declaredRequirement(text: string): DeclaredRequirement {
  const head = plainHead(text);
  if (head) {
    let marker: Marker | undefined;
    try {
      marker = parseMarker(text.slice(head.markerStart));
    } catch {
      // Invalid: parsed whole below, for the error parseRequirement gives.
    }
    if (marker) return new DeclaredRequirement(head.name, marker, text);
  }
  const parsed = parseRequirement(text);
  return new DeclaredRequirement(parsed.name, parsed.marker, text, parsed);
}
