/**
 * PEP 508 environment markers.
 *
 * Public API (what the resolver uses):
 * - `parseMarker(text)` → `Marker` (throws `InvalidMarkerError` showing the text and pointing at the column).
 * - `evaluateMarker(marker, env, extras?)` → boolean, for the *target* environment `env` (a plain object of marker
 *   variables: python_version, python_full_version, sys_platform, platform_machine, implementation_name, …).
 *   `extras` are the extras requested of the distribution whose requirement carries the marker: a marker using
 *   `extra == "socks"` is true when "socks" is one of them (names compared after PEP 685 normalisation).
 * - `Marker.toString()`: normalised like packaging (double quotes, PEP 345 names renamed, extra names normalised).
 *
 * Comparisons are PEP 440 version comparisons when both sides parse as such (python_version >= "3.9"), string
 * comparisons otherwise; `in` / `not in` test substrings (or membership for the PEP 751 `extras` and
 * `dependency_groups` sets).
 */
import { UsageError } from '../errors.js';
import { Specifier, tryParseVersion } from './pep440.js';

export class InvalidMarkerError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMarkerError';
  }
}

/** A marker that cannot be evaluated: an unknown variable in `env`, or an operator that means nothing there. */
export class MarkerEvaluationError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'MarkerEvaluationError';
  }
}

/** Formats a parse error like packaging: the message, the text, and a ~~~^ line under the offending span. */
export function formatSyntaxError(message: string, source: string, start: number, end: number): string {
  return `${message}\n    ${source}\n    ${' '.repeat(start)}${'~'.repeat(Math.max(0, end - start))}^`;
}

export const MARKER_VARIABLES = [
  'implementation_name',
  'implementation_version',
  'os_name',
  'platform_machine',
  'platform_release',
  'platform_system',
  'platform_version',
  'python_full_version',
  'python_version',
  'platform_python_implementation',
  'sys_platform',
  'extra',
  'extras',
  'dependency_groups',
] as const;

// PEP 345 and old setuptools spellings, renamed when parsed.
const ALIASES: Record<string, string> = {
  'os.name': 'os_name',
  'sys.platform': 'sys_platform',
  'platform.version': 'platform_version',
  'platform.machine': 'platform_machine',
  'platform.python_implementation': 'platform_python_implementation',
  python_implementation: 'platform_python_implementation',
};
// Sticky: each matches exactly at `lastIndex`, so the parser needs no copy of the rest of the text.
const VARIABLE_RE = new RegExp(
  `(?:${[...Object.keys(ALIASES), ...MARKER_VARIABLES]
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace('.', '\\.'))
    .join('|')})(?![A-Za-z0-9_.])`,
  'y',
);
const OP_RE = /(?:===|==|~=|!=|<=|>=|<|>|not[ \t]+in(?![A-Za-z0-9_])|in(?![A-Za-z0-9_]))/y;
const BOOL_RE = /(?:and|or)(?![A-Za-z0-9_])/y;

export type Operand = { variable: string } | { value: string };
export interface MarkerAtom {
  left: Operand;
  op: string;
  right: Operand;
}
/** packaging's flat shape: atoms and nested groups separated by "and" / "or". */
export type MarkerList = (MarkerAtom | MarkerList | 'and' | 'or')[];

/** A PEP 685 extra name in normal form ("Foo_Bar" → "foo-bar"). */
export function canonicalExtra(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Quote a marker value as packaging prints it: double quotes unless the value holds one. */
export function quoteMarkerValue(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new InvalidMarkerError(`Marker value ${value} holds both quote characters and cannot be written.`);
}

export class Marker {
  constructor(readonly tree: MarkerList) {}

  toString(): string {
    return formatList(this.tree, true);
  }

  equals(other: Marker): boolean {
    return this.toString() === other.toString();
  }

  /** Variables the marker reads. */
  variables(): Set<string> {
    const out = new Set<string>();
    const walk = (list: MarkerList) => {
      for (const item of list) {
        if (Array.isArray(item)) walk(item);
        else if (typeof item === 'object') {
          for (const side of [item.left, item.right]) if ('variable' in side) out.add(side.variable);
        }
      }
    };
    walk(this.tree);
    return out;
  }
}

function formatList(list: MarkerList, top: boolean): string {
  if (list.length === 1 && typeof list[0] === 'object') {
    const only = list[0];
    return Array.isArray(only) ? formatList(only, top) : formatAtom(only);
  }
  const inner = list.map((item) => (typeof item === 'string' ? item : Array.isArray(item) ? formatList(item, false) : formatAtom(item))).join(' ');
  return top ? inner : `(${inner})`;
}

function formatOperand(o: Operand): string {
  return 'variable' in o ? o.variable : quoteMarkerValue(o.value);
}
function formatAtom(a: MarkerAtom): string {
  return `${formatOperand(a.left)} ${a.op} ${formatOperand(a.right)}`;
}

/** Parses markers from `source` starting at `pos`; used alone and inside requirements. */
export class MarkerParser {
  pos: number;
  constructor(
    readonly source: string,
    start = 0,
    readonly errorFor: (message: string) => Error = (m) => new InvalidMarkerError(m),
  ) {
    this.pos = start;
  }

  fail(message: string, start = this.pos, end = this.pos): never {
    throw this.errorFor(formatSyntaxError(message, this.source, start, end));
  }

  ws(): void {
    while (this.source[this.pos] === ' ' || this.source[this.pos] === '\t') this.pos++;
  }

  /** `re` (sticky) matched at the current position, or null. */
  match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.source);
  }

  /** marker := atom (("and" | "or") atom)* */
  parseList(): MarkerList {
    const out: MarkerList = [this.parseAtom()];
    for (;;) {
      this.ws();
      const m = this.match(BOOL_RE);
      if (!m) return out;
      this.pos += m[0].length;
      out.push(m[0] as 'and' | 'or', this.parseAtom());
    }
  }

  private parseAtom(): MarkerAtom | MarkerList {
    this.ws();
    if (this.source[this.pos] === '(') {
      const open = this.pos;
      this.pos++;
      this.ws();
      const inner = this.parseList();
      this.ws();
      if (this.source[this.pos] !== ')') this.fail('Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression', open, this.pos);
      this.pos++;
      return inner;
    }
    const left = this.parseOperand();
    this.ws();
    const m = this.match(OP_RE);
    if (!m) this.fail('Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in');
    this.pos += m[0].length;
    const op = m[0].startsWith('not') ? 'not in' : m[0];
    this.ws();
    const right = this.parseOperand();
    return normaliseExtraAtom({ left, op, right });
  }

  private parseOperand(): Operand {
    const c = this.source[this.pos];
    if (c === '"' || c === "'") {
      const start = this.pos;
      const end = this.source.indexOf(c, start + 1);
      if (end === -1) this.fail('Invalid quoted string: missing the closing quote', start, this.source.length);
      const value = this.source.slice(start + 1, end);
      // No escapes exist in PEP 508 strings: a backslash is almost always a mistake (a Windows path, "\x").
      if (value.includes('\\')) this.fail('Invalid quoted string', start, end + 1);
      this.pos = end + 1;
      return { value };
    }
    const m = this.match(VARIABLE_RE);
    if (!m) this.fail('Expected a marker variable or quoted string');
    this.pos += m[0].length;
    return { variable: ALIASES[m[0]] ?? m[0] };
  }
}

// packaging prints extra names compared with `extra` (or tested against `extras`) in normal form.
function normaliseExtraAtom(atom: MarkerAtom): MarkerAtom {
  const { left, right, op } = atom;
  const isExtra = (o: Operand) => 'variable' in o && o.variable === 'extra';
  const isSet = (o: Operand) => 'variable' in o && (o.variable === 'extras' || o.variable === 'dependency_groups');
  if (isExtra(left) && 'value' in right) return { left, op, right: { value: canonicalExtra(right.value) } };
  if (isExtra(right) && 'value' in left) return { left: { value: canonicalExtra(left.value) }, op, right };
  if (isSet(right) && 'value' in left && (op === 'in' || op === 'not in')) return { left: { value: canonicalExtra(left.value) }, op, right };
  return atom;
}

const markerCache = new Map<string, Marker>();

/** Parse a marker expression ("python_version >= '3.9' and sys_platform == 'linux'"). */
export function parseMarker(text: string): Marker {
  let m = markerCache.get(text);
  if (m) return m;
  const p = new MarkerParser(text, 0);
  p.ws();
  const tree = p.parseList();
  p.ws();
  if (p.pos !== text.length) p.fail('Expected end of marker or "and" / "or"');
  m = new Marker(tree);
  if (markerCache.size > 20_000) markerCache.clear();
  markerCache.set(text, m);
  return m;
}

/** Marker variables of a target: strings, plus the PEP 751 sets `extras` and `dependency_groups`. */
export type MarkerEnvironment = { [name: string]: string | readonly string[] | ReadonlySet<string> | null | undefined };

type Resolved = string | Set<string>;

function lookup(o: Operand, env: MarkerEnvironment): Resolved {
  if ('value' in o) return o.value;
  const raw = env[o.variable];
  if (o.variable === 'extra') return typeof raw === 'string' ? canonicalExtra(raw) : '';
  if (raw === undefined || raw === null) {
    throw new MarkerEvaluationError(`The marker needs "${o.variable}", which the target environment does not define.`);
  }
  if (typeof raw === 'string') {
    // Some builds report "3.11.1+"; the "+" is not part of any version.
    return o.variable === 'python_full_version' && raw.endsWith('+') ? raw.slice(0, -1) : raw;
  }
  return new Set([...raw].map(canonicalExtra));
}

const markerSpecifiers = new Map<string, Specifier | null>();
/** The specifier a comparison makes ("python_version >= '3.9'" → >=3.9), or null; made once per text. */
function markerSpecifier(text: string): Specifier | null {
  let spec = markerSpecifiers.get(text);
  if (spec === undefined) {
    try {
      spec = new Specifier(text, true);
    } catch {
      spec = null;
    }
    if (markerSpecifiers.size > 20_000) markerSpecifiers.clear();
    markerSpecifiers.set(text, spec);
  }
  return spec;
}

function compare(atom: MarkerAtom, env: MarkerEnvironment): boolean {
  const l = lookup(atom.left, env);
  const r = lookup(atom.right, env);
  const { op } = atom;
  if (op === 'in' || op === 'not in') {
    if (typeof l !== 'string') throw new MarkerEvaluationError(`Cannot test whether a set is "${op}" something: ${formatAtom(atom)}`);
    const found = typeof r === 'string' ? r.includes(l) : r.has(canonicalExtra(l));
    return op === 'in' ? found : !found;
  }
  if (typeof l !== 'string' || typeof r !== 'string') throw new MarkerEvaluationError(`Cannot compare a set with "${op}": ${formatAtom(atom)}`);
  const names = (o: Operand) => 'variable' in o && o.variable === 'extra';
  if (!names(atom.left) && !names(atom.right)) {
    // PEP 508: compare as versions when the right side makes a valid specifier and the left side a version.
    const lv = tryParseVersion(l);
    if (lv) {
      const spec = markerSpecifier(`${op}${r}`);
      if (spec) return spec.contains(lv, { prereleases: true });
    }
  }
  switch (op) {
    case '==':
    case '===':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
    case '<=':
    case '>':
    case '>=':
      // Ordering between strings that are not versions means nothing: such a comparison is false.
      return false;
    default:
      throw new MarkerEvaluationError(`Cannot evaluate ${formatAtom(atom)}: "${op}" needs versions on both sides.`);
  }
}

function evaluateList(list: MarkerList, env: MarkerEnvironment): boolean {
  // "and" binds tighter than "or": the list is an "or" of runs joined by "and".
  let any = false;
  let run = true;
  for (const item of list) {
    if (item === 'or') {
      any ||= run;
      run = true;
    } else if (item !== 'and') {
      if (run) run = Array.isArray(item) ? evaluateList(item, env) : compare(item as MarkerAtom, env);
    }
  }
  return any || run;
}

/**
 * Evaluate `marker` for the target environment `env`. With `extras` (the extras requested of the distribution
 * whose requirement has this marker), `extra == "x"` holds when x is one of them; without, `extra` is "".
 */
export function evaluateMarker(marker: Marker | string, env: MarkerEnvironment, extras?: Iterable<string>): boolean {
  const m = typeof marker === 'string' ? parseMarker(marker) : marker;
  const wanted = extras ? [...extras] : [];
  if (wanted.length === 0 || !m.variables().has('extra')) return evaluateList(m.tree, env);
  return wanted.some((extra) => evaluateList(m.tree, { ...env, extra }));
}
