/**
 * Text formats found inside distributions: core metadata (`METADATA` / `PKG-INFO`, RFC 822 style headers with
 * an optional body), the wheel's `WHEEL` file, and `entry_points.txt` (INI).
 *
 * Public API:
 * - `parseHeaders(text): {headers: HeaderList, body: string}` — the raw RFC 822 reading: folded lines joined,
 *   repeated fields kept in order, everything after the first blank line is the body.
 * - `parseCoreMetadata(text, source?): CoreMetadata` — typed fields (`name`, `version`, `requiresDist`,
 *   `providesExtra`, `requiresPython`, `description`, …) plus every raw header. Throws `InvalidMetadata`
 *   (a `UsageError`) when `Name` or `Version` is missing; `source` names the file in the message.
 * - `parseWheelInfo(text, source?): WheelInfo` — `WHEEL`: `wheelVersion`, `rootIsPurelib`, `tags`, `build`.
 * - `parseEntryPoints(text): EntryPoint[]` — every `name = module:attr [extras]` line with its `group`, in file
 *   order; `entryPointGroup(entryPoints, 'console_scripts')` picks one group.
 * - `parseEntryPointValue(value)` — `module.sub:attr.sub [a, b]` → `{module, attr?, extras}`.
 */
import { UsageError } from '../errors.js';

export class InvalidMetadata extends UsageError {
  constructor(source: string, reason: string) {
    super(`invalid metadata in ${source}: ${reason}`);
    this.name = 'InvalidMetadata';
  }
}

/** Headers in file order; names keep their spelling, look-ups ignore case. */
export class HeaderList {
  readonly entries: [name: string, value: string][] = [];
  /** Values by lower-cased name, made on the first look-up (a METADATA is looked up a dozen times). */
  private byName: Map<string, string[]> | undefined;

  add(name: string, value: string): void {
    this.entries.push([name, value]);
    this.byName = undefined;
  }

  private index(): Map<string, string[]> {
    if (!this.byName) {
      this.byName = new Map();
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
  getAll(name: string): string[] {
    return [...(this.index().get(name.toLowerCase()) ?? [])];
  }

  /** The first value of a field. */
  get(name: string): string | undefined {
    return this.index().get(name.toLowerCase())?.[0];
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
}

/**
 * Reads RFC 822 style headers. A line starting with space or tab continues the previous field (kept as a new
 * line of its value, so multi-line fields such as Description or License survive); the first empty line ends
 * the headers and the rest is the body.
 */
export function parseHeaders(text: string): { headers: HeaderList; body: string } {
  const headers = new HeaderList();
  const clean = text.replace(/^\uFEFF/, '');
  // Only the headers are split into lines: the body (the description, often a whole README) is cut off at the
  // first empty line and only has its line ends made \n.
  const blank = /^(?:\r\n|\n|\r)|(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/.exec(clean);
  const head = blank ? clean.slice(0, blank.index) : clean;
  // Worked out only when asked for: the resolver reads thousands of these and never their descriptions.
  let body: string | undefined;
  const bodyOf = () => (body ??= blank ? clean.slice(blank.index + blank[0].length).replace(/\r\n?/g, '\n') : '');
  // Read line by line without splitting: a License field can hold a whole license text, a thousand lines
  // that only need to stay together (continuation lines are kept as they are, each after a \n).
  const h = head.includes('\r') ? head.replace(/\r\n?/g, '\n') : head;
  // The field being read: its name, its first line's value, and the continuation lines after it.
  let name: string | undefined;
  let value = '';
  let moreFrom = 0;
  let moreTo = 0;
  const flush = () => {
    if (name !== undefined) headers.add(name, moreTo > moreFrom ? value + h.slice(moreFrom, moreTo) : value);
    name = undefined;
  };
  for (let i = 0; ; ) {
    let eol = h.indexOf('\n', i);
    if (eol < 0) eol = h.length;
    if (eol === i) break; // a trailing line end
    const first = h.charCodeAt(i);
    if (first === 32 || first === 9) {
      // A continuation before any field is tolerated and dropped rather than failing the whole file.
      moreTo = eol;
    } else {
      flush();
      const colon = h.indexOf(':', i);
      // Not a header line (no colon, or nothing before it): email parsers skip these too.
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
    },
  };
}

/** Joins a folded field into one line (RFC 822 unfolding, whitespace squeezed). */
function unfold(value: string): string {
  // Most fields are one line, already trimmed by parseHeaders.
  if (!value.includes('\n')) return value.trim();
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * Undoes the core metadata convention for a Description header: each continuation line carries 7 spaces and
 * a `|` (or, from older tools, 8 spaces) before its text.
 */
function unfoldDescription(value: string): string {
  const [first, ...rest] = value.split('\n');
  return [first, ...rest.map((l) => (/^ {7}\|/.test(l) ? l.slice(8) : l.replace(/^(?: {1,8}|\t)/, '')))].join('\n');
}

export interface CoreMetadata {
  metadataVersion?: string;
  /** As written; use `canonicalizeName` from wheel.ts to compare. */
  name: string;
  version: string;
  summary?: string;
  requiresPython?: string;
  /** Each `Requires-Dist` value (a PEP 508 requirement string), in order. */
  requiresDist: string[];
  /** Extra names as written (normalise before comparing). */
  providesExtra: string[];
  dynamic: string[];
  license?: string;
  classifiers: string[];
  projectUrls: string[];
  /** `Description` header or, when present, the body after the headers. */
  description?: string;
  descriptionContentType?: string;
  /** Every header as read, for fields not typed above. */
  headers: HeaderList;
}

export function parseCoreMetadata(text: string, source = 'METADATA'): CoreMetadata {
  const parsed = parseHeaders(text);
  const name = oneField(parsed.headers, 'Name');
  const version = oneField(parsed.headers, 'Version');
  if (!name) throw new InvalidMetadata(source, 'no Name field');
  if (!version) throw new InvalidMetadata(source, 'no Version field');
  return new LazyCoreMetadata(parsed, name, version);
}

function oneField(headers: HeaderList, field: string): string | undefined {
  const v = headers.get(field);
  return v === undefined ? undefined : unfold(v);
}

function allFields(headers: HeaderList, field: string): string[] {
  return headers.getAll(field).map(unfold).filter((v) => v !== '');
}

/**
 * Core metadata whose fields the resolver reads are read at once; the others on first use: the resolver reads
 * thousands of METADATA files and none of them (a License can be a whole license text, the body a README).
 */
class LazyCoreMetadata implements CoreMetadata {
  readonly requiresDist: string[];
  readonly providesExtra: string[];
  readonly requiresPython?: string;
  readonly headers: HeaderList;
  private readonly later = new Map<string, unknown>();

  constructor(
    private readonly parsed: { headers: HeaderList; body: string },
    readonly name: string,
    readonly version: string,
  ) {
    this.headers = parsed.headers;
    this.requiresDist = allFields(this.headers, 'Requires-Dist');
    this.providesExtra = allFields(this.headers, 'Provides-Extra');
    const requiresPython = oneField(this.headers, 'Requires-Python');
    if (requiresPython !== undefined) this.requiresPython = requiresPython;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (!this.later.has(key)) this.later.set(key, compute());
    return this.later.get(key) as T;
  }

  get metadataVersion(): string | undefined {
    return this.memo('metadataVersion', () => oneField(this.headers, 'Metadata-Version'));
  }
  get summary(): string | undefined {
    return this.memo('summary', () => oneField(this.headers, 'Summary'));
  }
  get descriptionContentType(): string | undefined {
    return this.memo('descriptionContentType', () => oneField(this.headers, 'Description-Content-Type'));
  }
  get dynamic(): string[] {
    return this.memo('dynamic', () => allFields(this.headers, 'Dynamic'));
  }
  get classifiers(): string[] {
    return this.memo('classifiers', () => allFields(this.headers, 'Classifier'));
  }
  get projectUrls(): string[] {
    return this.memo('projectUrls', () => allFields(this.headers, 'Project-URL'));
  }
  get license(): string | undefined {
    return this.memo('license', () => {
      const v = this.headers.get('License');
      return v === undefined ? undefined : unfoldDescription(v);
    });
  }
  get description(): string | undefined {
    return this.memo('description', () => {
      const body = this.parsed.body;
      if (body.trim() !== '') return body;
      const header = this.headers.get('Description');
      return header === undefined ? undefined : unfoldDescription(header);
    });
  }
}

export interface WheelInfo {
  /** `Wheel-Version` as numbers, e.g. [1, 0]. */
  wheelVersion: [number, number];
  generator?: string;
  rootIsPurelib: boolean;
  /** Expanded tags, one per `Tag` line, lower case. */
  tags: string[];
  build?: string;
  headers: HeaderList;
}

/** Reads a wheel's `WHEEL` file. A missing or malformed `Wheel-Version` is an error (PEP 427 requires it). */
export function parseWheelInfo(text: string, source = 'WHEEL'): WheelInfo {
  const { headers } = parseHeaders(text);
  const raw = headers.get('Wheel-Version');
  if (raw === undefined) throw new InvalidMetadata(source, 'no Wheel-Version field');
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(raw);
  if (!m) throw new InvalidMetadata(source, `Wheel-Version ${JSON.stringify(raw)} is not MAJOR.MINOR`);
  const purelib = (headers.get('Root-Is-Purelib') ?? 'false').trim().toLowerCase();
  const info: WheelInfo = {
    wheelVersion: [Number(m[1]), Number(m[2])],
    rootIsPurelib: purelib === 'true',
    tags: headers.getAll('Tag').map((t) => t.trim().toLowerCase()).filter((t) => t !== ''),
    headers,
  };
  const generator = headers.get('Generator');
  if (generator !== undefined) info.generator = unfold(generator);
  const build = headers.get('Build');
  if (build !== undefined) info.build = build.trim();
  return info;
}

export interface EntryPoint {
  group: string;
  name: string;
  /** The reference as written, e.g. `pkg.cli:main [extra]`. */
  value: string;
  module: string;
  /** The attribute path after `:`, if any (`main`, `Cls.method`). */
  attr?: string;
  extras: string[];
}

/** Splits an entry point reference `module.sub:attr.sub [extra1, extra2]`. */
export function parseEntryPointValue(value: string): { module: string; attr?: string; extras: string[] } {
  const m = /^\s*([^\s:[\]]+)\s*(?::\s*([^\s[\]]+))?\s*(?:\[([^\]]*)\])?\s*$/.exec(value);
  if (!m) throw new InvalidMetadata('entry_points.txt', `entry point ${JSON.stringify(value)} is not MODULE[:ATTR] [EXTRAS]`);
  const extras = (m[3] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  return { module: m[1], ...(m[2] !== undefined ? { attr: m[2] } : {}), extras };
}

/**
 * Reads `entry_points.txt`. Comments (`#`, `;`) and blank lines are skipped; lines outside a section are an
 * error, as are lines without `=`. Duplicate names are kept (the later one wins when a caller builds a map).
 */
export function parseEntryPoints(text: string, source = 'entry_points.txt'): EntryPoint[] {
  const out: EntryPoint[] = [];
  let group: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (section) {
      group = section[1];
      return;
    }
    const where = `${source} line ${index + 1}`;
    if (group === undefined) throw new InvalidMetadata(where, `${JSON.stringify(line)} is outside any [section]`);
    const eq = line.indexOf('=');
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

/** The entry points of one group, later duplicates replacing earlier ones, in first-seen order. */
export function entryPointGroup(entryPoints: readonly EntryPoint[], group: string): EntryPoint[] {
  const byName = new Map<string, EntryPoint>();
  for (const ep of entryPoints) if (ep.group === group) byName.set(ep.name, ep);
  return [...byName.values()];
}
