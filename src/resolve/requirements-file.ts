/**
 * pip's requirements file syntax (`-r FILE`, `-c FILE`, `--constraints FILE`).
 *
 * Public API:
 * - `readRequirementsFile(path, {constraint?, env?, cwd?}) → Promise<RequirementsInput>` — reads a file and its
 *   `-r`/`-c` includes; every requirement and constraint comes back with its hashes and where it was written.
 * - `RequirementsFileError` (a `UsageError` with `file`, `line` and `text`) — every error names the file, the
 *   line number and the line, and says what to do; the GitHub Action annotates `file:line` with it.
 * - `checkHashMode(input)` — the require-hashes rule alone (readRequirementsFile already applies it).
 *
 * What is understood, as pip documents it: PEP 508 lines (extras, markers, `name @ url`), bare `.whl` paths and
 * URLs, `-r/--requirement` and `-c/--constraint` (relative to the including file, cycles refused),
 * `--hash=ALG:HEX` per line, `-i/--index-url`, `--extra-index-url`, `-f/--find-links`, `--no-index`, `--pre`,
 * `--require-hashes`, `--only-binary`/`--no-binary` (`:all:`, `:none:`, names), `--prefer-binary`, `--trusted-host`, `\` line continuations, `#` comments (at line start or after whitespace, so URL fragments
 * like `#sha256=…` survive), and `${VAR}` environment variables (upper case, digits and `_`, as pip does).
 *
 * Where we differ from pip, on purpose: an unset `${VAR}` is an error (pip leaves the text, which fails later and
 * obscurely); `-r` inside a constraints file includes more constraints (pip turns them into requirements);
 * two different `--index-url` values are an error (pip keeps the last). `-e` is refused: a PEX holds wheels.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { shellWords } from '../shell-words.js';
import { isDirectReference, parseRequirement, type Requirement } from '../python/pep508.js';
import type { FormatOption } from './format-control.js';
import { parseSdistFilename, parseWheelFilename, sdistExtension } from '../python/wheel.js';

/** A requirements-file problem at a known line (line 0: the file as a whole). */
export class RequirementsFileError extends UsageError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly text: string,
    problem: string,
  ) {
    const where = line > 0 ? `${file}:${line}` : file;
    const shown = text.trim() ? `: ${JSON.stringify(text.trim().length > 200 ? `${text.trim().slice(0, 200)}…` : text.trim())}` : '';
    super(`${where}${shown}: ${problem}`);
    this.name = 'RequirementsFileError';
  }
}

export interface RequirementEntry {
  requirement: Requirement;
  /** `ALG:HEX` (lower-case hex), e.g. `sha256:9f86d0…`, in written order, de-duplicated. */
  hashes: string[];
  /** The file that holds the line, as it was reached (absolute). */
  file: string;
  /** 1-based number of the line's first physical line. */
  line: number;
  /** The line as written (continuations joined), for messages. */
  text: string;
  /** For a bare wheel path or URL: where the wheel is (a `file://` URL for local paths). */
  wheel?: { filename: string; url: string; path?: string };
}

export interface RequirementsInput {
  requirements: RequirementEntry[];
  constraints: RequirementEntry[];
  indexUrl?: string;
  extraIndexUrls: string[];
  /** Directories are absolute paths, URLs as written. */
  findLinks: string[];
  noIndex: boolean;
  pre: boolean;
  /** On by `--require-hashes` or by any `--hash` anywhere; when on, every requirement is pinned and hashed. */
  requireHashes: boolean;
  /** Why hash-checking mode is on, for messages (e.g. `because of the --hash at req.txt:3`). */
  hashModeReason?: string;
  /** `--only-binary` / `--no-binary` in the order written (apply them to a `FormatControl`). */
  formatOptions: { option: FormatOption; value: string }[];
  /** `--prefer-binary`: an older wheel beats a newer sdist. */
  preferBinary: boolean;
  /** `--trusted-host HOST[:PORT]`: plain HTTP and TLS errors accepted for it. */
  trustedHosts: string[];
  /** Options accepted but without effect in pexship (e.g. `--use-feature`), one message each. */
  warnings: string[];
}

export interface ReadRequirementsOptions {
  /** Read the file as constraints (`-c`/`--constraints`). */
  constraint?: boolean;
  /** Environment for `${VAR}` (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Base for relative wheel paths not found next to the file (default `process.cwd()`, as pip). */
  cwd?: string;
}

const HASH_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Options that take a value, by every spelling; `scope` says whether they may follow a requirement. */
interface OptionSpec {
  canonical: string;
  takesValue: boolean;
  scope: 'file' | 'requirement';
}

const OPTIONS: Record<string, OptionSpec> = {};
function defineOption(spellings: string[], takesValue: boolean, scope: 'file' | 'requirement' = 'file'): void {
  for (const s of spellings) OPTIONS[s] = { canonical: spellings[spellings.length - 1], takesValue, scope };
}
defineOption(['-r', '--requirement'], true);
defineOption(['-c', '--constraint'], true);
defineOption(['-e', '--editable'], true);
defineOption(['-i', '--index-url'], true);
defineOption(['--extra-index-url'], true);
defineOption(['-f', '--find-links'], true);
defineOption(['--no-index'], false);
defineOption(['--pre'], false);
defineOption(['--require-hashes'], false);
defineOption(['--trusted-host'], true);
defineOption(['--prefer-binary'], false);
defineOption(['--only-binary'], true);
defineOption(['--no-binary'], true);
defineOption(['--use-feature'], true);
defineOption(['--hash'], true, 'requirement');
defineOption(['--config-settings'], true, 'requirement');
defineOption(['--global-option'], true, 'requirement');

interface ParsedOption {
  name: string;
  value?: string;
}

interface LogicalLine {
  line: number;
  /** The physical text, continuations joined, before comment stripping (for messages). */
  raw: string;
  /** Comments stripped, variables expanded, trimmed. */
  text: string;
}

/** State shared by a file and everything it includes. */
interface ReadState {
  result: RequirementsInput;
  /** Where each option's value came from, to report conflicts. */
  indexUrlAt?: string;
  requireHashesAt?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Real paths of the files being read, outermost first, to catch include cycles. */
  stack: string[];
}

export async function readRequirementsFile(file: string, options: ReadRequirementsOptions = {}): Promise<RequirementsInput> {
  const state: ReadState = {
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
      warnings: [],
    },
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    stack: [],
  };
  await readInto(state, path.resolve(state.cwd, file), options.constraint ?? false, undefined);
  checkHashMode(state.result, state.requireHashesAt);
  return state.result;
}

async function readInto(state: ReadState, file: string, constraint: boolean, includedFrom: { file: string; line: number; text: string } | undefined): Promise<void> {
  let text: string;
  let real: string;
  try {
    text = await readFile(file, 'utf8');
    real = await realpath(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((err as Error).message);
    const what = constraint ? 'constraints file' : 'requirements file';
    if (includedFrom) {
      throw new RequirementsFileError(includedFrom.file, includedFrom.line, includedFrom.text, `cannot read the included ${what} ${file}: ${why}; fix the path (it is relative to the including file)`);
    }
    throw new RequirementsFileError(file, 0, '', `cannot read the ${what}: ${why}; check the path`);
  }
  if (state.stack.includes(real)) {
    const chain = [...state.stack.slice(state.stack.indexOf(real)), real].join(' -> ');
    throw new RequirementsFileError(includedFrom!.file, includedFrom!.line, includedFrom!.text, `include cycle: ${chain}; remove one of these includes`);
  }
  state.stack.push(real);
  try {
    for (const logical of logicalLines(text, file, state.env)) {
      if (logical.text === '') continue;
      await handleLine(state, file, constraint, logical);
    }
  } finally {
    state.stack.pop();
  }
}

/** Joins `\` continuations, strips comments and expands `${VAR}`; keeps the first physical line's number. */
function logicalLines(text: string, file: string, env: Record<string, string | undefined>): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: LogicalLine[] = [];
  let pending: { line: number; parts: string[] } | undefined;
  physical.forEach((content, index) => {
    const isComment = /^\s*#/.test(content);
    // A comment line never continues (and ends a continuation: pip treats it as part of the joined line's
    // comment, which is then stripped).
    if (content.endsWith('\\') && !isComment) {
      pending ??= { line: index + 1, parts: [] };
      pending.parts.push(content.slice(0, -1));
      return;
    }
    if (pending) {
      pending.parts.push(isComment ? '' : content);
      out.push(finish(pending.line, pending.parts.join('')));
      pending = undefined;
    } else {
      out.push(finish(index + 1, content));
    }
  });
  if (pending) out.push(finish(pending.line, pending.parts.join('')));
  return out;

  function finish(line: number, raw: string): LogicalLine {
    const stripped = raw.replace(/(^|\s+)#.*$/, '').trim();
    const expanded = stripped.replace(/\$\{([A-Z0-9_]+)\}/g, (_whole, name: string) => {
      const value = env[name];
      if (value === undefined) {
        throw new RequirementsFileError(file, line, raw, `environment variable ${name} is not set; set it, or write the value in place of \${${name}}`);
      }
      return value;
    });
    return { line, raw, text: expanded };
  }
}

function parseOptions(words: string[], fail: (why: string) => never): ParsedOption[] {
  const out: ParsedOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-')) fail(`unexpected ${JSON.stringify(word)}; put one requirement or option per line`);
    let name = word;
    let value: string | undefined;
    const eq = word.indexOf('=');
    if (word.startsWith('--') && eq > 0) {
      name = word.slice(0, eq);
      value = word.slice(eq + 1);
    } else if (!word.startsWith('--') && word.length > 2) {
      // `-rfile.txt`, like optparse.
      name = word.slice(0, 2);
      value = word.slice(2);
    }
    const spec = OPTIONS[name];
    if (!spec) fail(`unknown option ${name}; pexship understands -r, -c, -i/--index-url, --extra-index-url, -f/--find-links, --no-index, --pre, --require-hashes, --hash, --only-binary, --no-binary, --prefer-binary and --trusted-host`);
    if (spec.takesValue && value === undefined) {
      if (i + 1 >= words.length) fail(`${name} needs a value`);
      value = words[++i];
    } else if (!spec.takesValue && value !== undefined) {
      fail(`${name} takes no value`);
    }
    out.push({ name: spec.canonical, value });
  }
  return out;
}

async function handleLine(state: ReadState, file: string, constraint: boolean, logical: LogicalLine): Promise<void> {
  const fail = (why: string): never => {
    throw new RequirementsFileError(file, logical.line, logical.raw, why);
  };
  const { text } = logical;
  if (text.startsWith('-')) {
    const opts = parseOptions(shellWords(text, fail), fail);
    for (const opt of opts) await applyFileOption(state, file, constraint, logical, opt, fail);
    return;
  }
  // pip: the requirement is everything before the first word that starts with `-`; the rest are its options.
  const words = text.split(/\s+/);
  const firstOption = words.findIndex((w) => w.startsWith('-'));
  const requirementText = (firstOption < 0 ? words : words.slice(0, firstOption)).join(' ');
  const lineOptions = firstOption < 0 ? [] : parseOptions(shellWords(words.slice(firstOption).join(' '), fail), fail);
  const hashes: string[] = [];
  for (const opt of lineOptions) {
    if (opt.name === '--hash') {
      const hash = normaliseHash(opt.value!, fail);
      if (!hashes.includes(hash)) hashes.push(hash);
    } else if (OPTIONS[opt.name].scope === 'requirement') {
      fail(`${opt.name} is not supported by pexship (it installs prebuilt wheels); remove it`);
    } else {
      fail(`${opt.name} must be on a line of its own`);
    }
  }
  const entry = parseRequirementLine(state, file, requirementText, logical, hashes, fail);
  if (constraint) {
    if (entry.requirement.extras.length > 0) fail('a constraint cannot name extras; drop the [extras] (constraints only limit versions)');
    if (entry.wheel) fail('a constraint must name a project (name==version or name @ url), not a bare wheel; use name @ URL');
    state.result.constraints.push(entry);
  } else {
    state.result.requirements.push(entry);
  }
}

async function applyFileOption(
  state: ReadState,
  file: string,
  constraint: boolean,
  logical: LogicalLine,
  opt: ParsedOption,
  fail: (why: string) => never,
): Promise<void> {
  const r = state.result;
  const here = `${file}:${logical.line}`;
  const value = opt.value ?? '';
  switch (opt.name) {
    case '--requirement':
    case '--constraint': {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) fail(`including a file by URL is not supported; download it and include the local copy`);
      const target = path.resolve(path.dirname(file), value);
      await readInto(state, target, opt.name === '--constraint' || constraint, { file, line: logical.line, text: logical.raw });
      return;
    }
    case '--editable':
      return fail('editable installs (-e) are not supported in a PEX; build a wheel (pip wheel --no-deps DIR -w wheels/) and list the .whl file, or use --project DIR');
    case '--index-url':
      if (r.indexUrl !== undefined && r.indexUrl !== value) fail(`a different --index-url was already given at ${state.indexUrlAt} (${r.indexUrl}); keep one, add others with --extra-index-url`);
      r.indexUrl = value;
      state.indexUrlAt = here;
      return;
    case '--extra-index-url':
      if (!r.extraIndexUrls.includes(value)) r.extraIndexUrls.push(value);
      return;
    case '--find-links': {
      // pip: a relative find-links path is relative to the requirements file when it exists there.
      let where = value;
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        const nextToFile = path.resolve(path.dirname(file), value);
        where = existsSync(nextToFile) ? nextToFile : path.resolve(state.cwd, value);
      }
      if (!r.findLinks.includes(where)) r.findLinks.push(where);
      return;
    }
    case '--no-index':
      r.noIndex = true;
      return;
    case '--pre':
      r.pre = true;
      return;
    case '--require-hashes':
      r.requireHashes = true;
      state.requireHashesAt ??= `--require-hashes at ${here}`;
      return;
    case '--only-binary':
    case '--no-binary':
      r.formatOptions.push({ option: opt.name, value });
      return;
    case '--prefer-binary':
      r.preferBinary = true;
      return;
    case '--trusted-host':
      if (!r.trustedHosts.includes(value)) r.trustedHosts.push(value);
      return;
    case '--use-feature':
      r.warnings.push(`${here}: ${opt.name} has no effect in pexship and was ignored`);
      return;
    default:
      // --hash and other per-requirement options alone on a line.
      return fail(`${opt.name} must follow a requirement on the same line (e.g. "name==1.0 ${opt.name}=…")`);
  }
}

function normaliseHash(value: string, fail: (why: string) => never): string {
  const m = /^([A-Za-z0-9]+):([0-9A-Fa-f]+)$/.exec(value);
  if (!m) return fail(`--hash=${value} is not ALGORITHM:HEXDIGEST; write --hash=sha256:<64 hex digits>`);
  const alg = m[1].toLowerCase();
  const want = HASH_LENGTHS[alg];
  if (!want) return fail(`hash algorithm ${m[1]} is not supported; use sha256 (or sha384, sha512)`);
  if (m[2].length !== want) return fail(`the ${alg} digest has ${m[2].length} hex digits, ${alg} has ${want}; copy the whole digest`);
  return `${alg}:${m[2].toLowerCase()}`;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const VCS_SCHEME = /^(git|hg|svn|bzr)\+/i;

function parseRequirementLine(
  state: ReadState,
  file: string,
  text: string,
  logical: LogicalLine,
  hashes: string[],
  fail: (why: string) => never,
): RequirementEntry {
  const base = { hashes, file, line: logical.line, text: logical.raw.trim() };
  if (VCS_SCHEME.test(text)) fail('version-control requirements are not supported; build a wheel of it and list the .whl file');
  // A bare path or URL, optionally followed by `; marker` (pip wants whitespace before the `;` of a URL).
  const markerCut = text.search(/\s;|;\s/);
  const location = (markerCut >= 0 ? text.slice(0, markerCut) : text).trim();
  const markerText = markerCut >= 0 ? text.slice(markerCut).replace(/^\s*;\s*/, '') : '';
  const looksLikeLocation = URL_SCHEME.test(location) || /[\\/]/.test(location) || location === '.' || location.toLowerCase().endsWith('.whl');
  if (looksLikeLocation && !isDirectReference(location)) {
    const resolved = resolveLocation(state, file, location);
    const filename = decodeURIComponent(new URL(resolved.url).pathname.split('/').pop() ?? '');
    let name: string;
    let version: string;
    if (filename.toLowerCase().endsWith('.whl')) {
      try {
        ({ distName: name, version } = parseWheelFilename(filename));
      } catch (err) {
        return fail(`${(err as Error).message}`);
      }
    } else if (sdistExtension(filename)) {
      try {
        ({ distName: name, version } = parseSdistFilename(filename));
      } catch (err) {
        return fail(`${(err as Error).message}`);
      }
    } else {
      return fail('a path or URL must name a .whl file (or a source archive); for a project directory use --project DIR, or build a wheel first');
    }
    const requirement = parse(`${name} @ ${resolved.url}${markerText ? ` ; ${markerText}` : ''}`, fail);
    const wheel = filename.toLowerCase().endsWith('.whl') ? { filename, url: resolved.url, ...(resolved.path ? { path: resolved.path } : {}) } : undefined;
    return { requirement, ...base, ...(wheel ? { wheel } : {}) };
  }
  return { requirement: parse(text, fail), ...base };
}

function resolveLocation(state: ReadState, file: string, location: string): { url: string; path?: string } {
  if (URL_SCHEME.test(location)) {
    if (location.toLowerCase().startsWith('file:')) {
      return { url: location, path: decodeURIComponent(new URL(location).pathname) };
    }
    return { url: location };
  }
  const nextToFile = path.resolve(path.dirname(file), location);
  const local = existsSync(nextToFile) ? nextToFile : path.resolve(state.cwd, location);
  return { url: pathToFileURL(local).toString(), path: local };
}

function parse(text: string, fail: (why: string) => never): Requirement {
  try {
    return parseRequirement(text);
  } catch (err) {
    return fail(`${(err as Error).message.replace(/\.$/, '')}; write a PEP 508 requirement like "name[extra]>=1.0; python_version >= '3.9'"`);
  }
}

/** `==X` (not a wildcard) or `===X`: what pip calls pinned. */
function isPinned(req: Requirement): boolean {
  return [...req.specifier].some((s) => (s.operator === '==' && !s.version.endsWith('.*')) || s.operator === '===');
}

/**
 * In hash-checking mode (any `--hash`, or `--require-hashes`) every requirement must be pinned with `==` (a URL
 * requirement is pinned by its URL) and carry at least one hash; a constraint on the same project may provide
 * either. Throws naming the first line that breaks the rule.
 */
export function checkHashMode(input: RequirementsInput, reason?: string): void {
  const firstHashed = [...input.requirements, ...input.constraints].find((e) => e.hashes.length > 0);
  if (!input.requireHashes && !firstHashed) return;
  input.requireHashes = true;
  const why = reason ?? input.hashModeReason ?? `because of the --hash at ${firstHashed!.file}:${firstHashed!.line}`;
  input.hashModeReason = why;
  const constraintsByName = new Map<string, RequirementEntry[]>();
  for (const c of input.constraints) {
    const key = c.requirement.canonicalName;
    constraintsByName.set(key, [...(constraintsByName.get(key) ?? []), c]);
  }
  for (const entry of [...input.requirements, ...input.constraints]) {
    const isConstraint = input.constraints.includes(entry);
    const related = isConstraint ? [] : (constraintsByName.get(entry.requirement.canonicalName) ?? []);
    const pinned = entry.requirement.url !== null || isPinned(entry.requirement) || related.some((c) => c.requirement.url !== null || isPinned(c.requirement));
    const hashed = entry.hashes.length > 0 || related.some((c) => c.hashes.length > 0);
    // A constraint only needs to be consistent when it pins; unpinned constraints still just limit versions.
    if (isConstraint && entry.hashes.length === 0) continue;
    if (!pinned) {
      throw new RequirementsFileError(entry.file, entry.line, entry.text, `hash-checking mode is on (${why}), so every requirement must be pinned with ==; pin it (e.g. ${entry.requirement.name}==VERSION) and add --hash=sha256:…, or remove every --hash`);
    }
    if (!hashed) {
      throw new RequirementsFileError(entry.file, entry.line, entry.text, `hash-checking mode is on (${why}), so every requirement needs --hash=sha256:…; add the hash of each file you accept (pip hash FILE prints it), or remove every --hash`);
    }
  }
}

