/**
 * Candidate selection for one target: which files of a project can serve the target, which versions a set
 * of requirements admits (pip 24.2's PackageFinder rules), and the dependencies of a chosen candidate.
 *
 * The engine (engine.ts) asks three things of a `Provider`: `findMatches` (candidates for an identifier, best
 * first), `isSatisfiedBy`, and `dependencies` of a loaded candidate. Identifiers follow pip: a project's
 * canonical name, `name[extra1,extra2]` for a project with extras, and `<python>` for Requires-Python.
 *
 * Metadata is shared across targets through `MetadataStore`: wheels of one version share one METADATA (the
 * first one fetched), sdists are keyed by their URL.
 */
import { pathToFileURL } from 'node:url';
import { JobError, UsageError } from '../errors.js';
import { redactUrl } from '../index/redact.js';
import type { IndexFile } from '../index/types.js';
import { InvalidMetadata, parseCoreMetadata } from '../python/metadata.js';
import { parseSpecifierSet, SpecifierSet, tryParseVersion, type Version } from '../python/pep440.js';
import { canonicalExtra, declaredRequirement, evaluateMarker, type DeclaredRequirement, type Requirement } from '../python/pep508.js';
import type { Target } from '../python/platform.js';
import { tagPriority } from '../python/tags.js';
import { excludedByName, overrideFor, type DependencyConfig } from './dependency-config.js';
import { canonicalizeName, parseSdistFilename, parseWheelFilename } from '../python/wheel.js';
import type { FormatControl } from './format-control.js';

/** What the resolver needs of an index: the real `IndexClient` fits, tests pass an in-memory fake. */
export interface PackageSource {
  /** Every file the configured indexes list for the project; [] when no index knows it. */
  listFiles(name: string): Promise<IndexFile[]>;
  /** The METADATA text of a file (PEP 658 sidecar, wheel range reads, …). */
  fetchMetadata(file: IndexFile): Promise<string>;
}

export const PYTHON_IDENTIFIER = '<python>';

/** Parsed core metadata: the parts resolution reads. */
export interface Dist {
  name: string;
  version: Version;
  requiresPython: SpecifierSet | null;
  requiresPythonText?: string;
  /** Requires-Dist, each parsed whole only when its marker holds (or an override needs its name). */
  requiresDist: DeclaredRequirement[];
  providesExtra: Set<string>;
}

export type CandidateKind = 'index' | 'url' | 'extras' | 'python';

export interface Candidate {
  /** Unique within one target's resolution; candidates are cached, so equal ids mean the same object. */
  id: string;
  identifier: string;
  /** Canonical project name (`<python>` for the interpreter). */
  name: string;
  /** Canonical extras, sorted (extras candidates only). */
  extras: readonly string[];
  version: Version;
  kind: CandidateKind;
  /** Files of this version that fit the target, best first; the first whose metadata loads is `file`. */
  files: IndexFile[];
  /** The project without extras (extras candidates). */
  base?: Candidate;
  /** Set once loaded. */
  file?: IndexFile;
  dist?: Dist;
  deps?: Req[];
  /** Why the candidate cannot be used (metadata missing or inconsistent); set when loading failed. */
  problem?: string;
  loading?: Promise<boolean>;
}

/** A requirement as the engine sees it. `source` is the PEP 508 requirement it came from (for messages). */
export type Req =
  | { kind: 'spec'; identifier: string; name: string; extras: readonly string[]; specifier: SpecifierSet; source: Requirement }
  | { kind: 'explicit'; identifier: string; name: string; candidate: Candidate; source?: Requirement }
  | { kind: 'python'; identifier: typeof PYTHON_IDENTIFIER; name: typeof PYTHON_IDENTIFIER; specifier: SpecifierSet; text: string };

/** Why a file or version is not a candidate, for "no matching distribution" messages. */
export interface FileVerdict {
  file: IndexFile;
  version?: Version;
  versionText: string;
  isWheel: boolean;
  /** Best index in the target's tag list (wheels); sdists rank after every wheel. */
  rank: number;
  build: number;
  buildSuffix: string;
  /** Undefined when the file can serve the target. */
  rejected?: string;
}

export function identifierOf(name: string, extras: readonly string[]): string {
  return extras.length ? `${name}[${extras.join(',')}]` : name;
}

export function canonicalExtras(extras: Iterable<string>): string[] {
  return [...new Set([...extras].map(canonicalExtra))].sort();
}

/** Listings and parsed metadata, fetched once and shared by every target of one resolve call. */
export class MetadataStore {
  private readonly byKey = new Map<string, Promise<Dist>>();
  private readonly listings = new Map<string, Promise<ParsedFile[]>>();

  constructor(private readonly source: PackageSource) {}

  /** The project's files with their names parsed (once for all targets). */
  parsedFiles(name: string): Promise<ParsedFile[]> {
    let pending = this.listings.get(name);
    if (!pending) {
      pending = this.source.listFiles(name).then((files) => files.map((f) => parseFile(f, name)));
      this.listings.set(name, pending);
    }
    return pending;
  }

  /** Wheels of one (name, version) share metadata; sdists and direct URLs are keyed by URL. */
  load(file: IndexFile, name: string, version: Version, isWheel: boolean): Promise<Dist> {
    const key = isWheel ? `${name}==${version.toString()}` : `url:${file.url}`;
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = this.source.fetchMetadata(file).then((text) => parseDist(text, file.filename));
      this.byKey.set(key, pending);
      // A failure may be transient; let a later attempt fetch again.
      pending.catch(() => this.byKey.delete(key));
    }
    return pending;
  }
}

function parseDist(text: string, where: string): Dist {
  const meta = parseCoreMetadata(text, `the metadata of ${where}`);
  const version = tryParseVersion(meta.version);
  if (!version) throw new MetadataProblem(`its metadata has the invalid version ${JSON.stringify(meta.version)}`);
  let requiresPython: SpecifierSet | null = null;
  if (meta.requiresPython && meta.requiresPython.trim() !== '') {
    try {
      requiresPython = parseSpecifierSet(meta.requiresPython.trim());
    } catch {
      // pip ignores a Requires-Python it cannot parse.
      requiresPython = null;
    }
  }
  const requiresDist: DeclaredRequirement[] = [];
  for (const line of meta.requiresDist) {
    try {
      requiresDist.push(declaredRequirement(line));
    } catch (err) {
      throw new MetadataProblem(`its metadata has an invalid Requires-Dist ${JSON.stringify(line)} (${(err as Error).message})`);
    }
  }
  return {
    name: canonicalizeName(meta.name),
    version,
    requiresPython,
    ...(requiresPython ? { requiresPythonText: meta.requiresPython!.trim() } : {}),
    requiresDist,
    providesExtra: new Set(meta.providesExtra.map(canonicalExtra)),
  };
}

/** A listed file with what its name says. `problem` is set when it can never be a candidate of `name`. */
export interface ParsedFile {
  file: IndexFile;
  isWheel: boolean;
  version?: Version;
  versionText: string;
  /** Lower-cased expanded tags (wheels). */
  tags: string[];
  tagText: string;
  build: number;
  buildSuffix: string;
  problem?: string;
}

function parseFile(file: IndexFile, name: string): ParsedFile {
  const out: ParsedFile = { file, isWheel: false, versionText: '', tags: [], tagText: '', build: -1, buildSuffix: '' };
  if (file.filename.toLowerCase().endsWith('.whl')) {
    out.isWheel = true;
    let wheel;
    try {
      wheel = parseWheelFilename(file.filename);
    } catch {
      out.problem = 'invalid wheel file name';
      return out;
    }
    out.versionText = wheel.version;
    out.tags = wheel.tags.map((t) => t.toLowerCase());
    out.tagText = [wheel.pythonTags.join('.'), wheel.abiTags.join('.'), wheel.platformTags.join('.')].join('-');
    out.build = wheel.build?.number ?? -1;
    out.buildSuffix = wheel.build?.suffix ?? '';
    if (wheel.name !== name) out.problem = `belongs to ${wheel.name}`;
  } else if (isSdistName(file.filename)) {
    let sdist;
    try {
      sdist = parseSdistFilename(file.filename, name);
    } catch {
      out.problem = 'unrecognised source distribution file name';
      return out;
    }
    out.versionText = sdist.version;
    if (sdist.name !== name) out.problem = `belongs to ${sdist.name}`;
  } else {
    out.problem = 'not a wheel or source distribution';
    return out;
  }
  const version = tryParseVersion(out.versionText);
  if (version) out.version = version;
  else out.problem ??= `invalid version ${JSON.stringify(out.versionText)}`;
  return out;
}

interface VersionGroup {
  key: string;
  version: Version;
  /** Usable files of this version, best first. */
  files: FileVerdict[];
  /** Its candidate without yanked files (null: all yanked), and with them; made on first use. */
  candidate?: Candidate | null;
  withYanked?: Candidate;
}

interface ProjectView {
  verdicts: FileVerdict[];
  /** Newest first. */
  versions: VersionGroup[];
}

/** Metadata that makes a candidate unusable (pip discards such candidates and tries the next). */
export class MetadataProblem extends Error {}

const SDIST_SUFFIXES = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tgz', '.tbz', '.txz', '.tar', '.zip'];

function isSdistName(filename: string): boolean {
  const lower = filename.toLowerCase();
  return SDIST_SUFFIXES.some((s) => lower.endsWith(s));
}

export interface ProviderOptions {
  target: Target;
  metadata: MetadataStore;
  pre: boolean;
  allowSdists: boolean;
  hashes?: Map<string, Set<string>>;
  /** pip's --only-binary / --no-binary. */
  formatControl?: FormatControl;
  /** pip's --prefer-binary: versions with a usable wheel come before newer sdist-only ones. */
  preferBinary?: boolean;
  /** Constraints by canonical name (markers already evaluated for the target). */
  constraints: Map<string, SpecifierSet>;
  /** --exclude, --override, --no-transitive (dependency-config.ts). */
  dependencies?: DependencyConfig;
}

/** pip's `is_pinned`: `===`, or `==` without a wildcard. */
function isPinned(spec: SpecifierSet): boolean {
  return spec.specifiers.some((s) => s.operator === '===' || (s.operator === '==' && !s.version.endsWith('.*')));
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Provider {
  readonly target: Target;
  readonly pythonVersion: Version;
  readonly pythonCandidate: Candidate;
  private readonly views = new Map<string, Promise<ProjectView>>();
  private readonly requiresPythonCache = new Map<string, boolean>();
  private readonly candidates = new Map<string, Candidate>();
  /** Projects whose dependencies a prefetch has already followed. */
  private readonly followed = new Set<string>();
  private readonly priority: Map<string, number>;

  constructor(private readonly options: ProviderOptions) {
    this.target = options.target;
    const full = options.target.pythonFullVersion ?? options.target.markerEnvironment.python_full_version;
    const version = tryParseVersion(full) ?? tryParseVersion(options.target.pythonVersion.join('.'));
    if (!version) throw new UsageError(`The target ${options.target.label} has no usable Python version (${JSON.stringify(full)}).`);
    this.pythonVersion = version;
    this.pythonCandidate = {
      id: PYTHON_IDENTIFIER,
      identifier: PYTHON_IDENTIFIER,
      name: PYTHON_IDENTIFIER,
      extras: [],
      version,
      kind: 'python',
      files: [],
      deps: [],
    };
    this.priority = tagPriority(options.target.tags);
  }

  get label(): string {
    return this.target.label;
  }

  // ---- files ----

  /**
   * Starts listing a project and loading the metadata of the newest version `spec` admits, so that the
   * engine, which visits requirements one at a time, finds them ready. Failures surface later, when awaited.
   */
  prefetch(name: string, spec: SpecifierSet): void {
    void this.view(name)
      .then(async (view) => {
        const constraint = this.options.constraints.get(name);
        const merged = constraint ? new SpecifierSet([...spec.specifiers, ...constraint.specifiers]) : spec;
        const best = this.indexCandidates(name, view, merged)[0];
        if (!best || !(await this.load(best))) return;
        // Follow its dependencies before the engine gets there, so that the pages and metadata of a whole
        // chain are requested at once rather than one round trip per level. Once per project: a guess only.
        for (const dep of best.deps ?? []) {
          if (dep.kind !== 'spec' || this.followed.has(dep.name)) continue;
          this.followed.add(dep.name);
          this.prefetch(dep.name, dep.specifier);
        }
      })
      .catch(() => undefined);
  }

  /** Every file of the project with its verdict for this target, best first (newest version, best tag). */
  async files(name: string): Promise<FileVerdict[]> {
    return (await this.view(name)).verdicts;
  }

  /** The project as this target sees it: judged files and the usable files grouped by version. */
  private view(name: string): Promise<ProjectView> {
    let pending = this.views.get(name);
    if (!pending) {
      pending = this.options.metadata.parsedFiles(name).then((parsed) => {
        const verdicts = parsed.map((f) => this.judge(f, name)).sort((a, b) => this.compareFiles(a, b));
        this.preferHashedFiles(name, verdicts);
        const versions: VersionGroup[] = [];
        for (const v of verdicts) {
          if (v.rejected !== undefined) continue;
          const key = v.version!.toString();
          const last = versions[versions.length - 1];
          if (last && last.key === key) last.files.push(v);
          else versions.push({ key, version: v.version!, files: [v] });
        }
        if (this.options.preferBinary) {
          // pip sorts by "is a wheel" before version: a version with a usable wheel beats newer sdist-only ones.
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
  private preferHashedFiles(name: string, verdicts: FileVerdict[]): void {
    const allowed = this.options.hashes?.get(name);
    if (!allowed) return;
    const matches = (v: FileVerdict) => allowed.has(v.file.hashes.sha256?.toLowerCase() ?? '');
    const versionsWithMatch = new Set(verdicts.filter((v) => v.rejected === undefined && matches(v)).map((v) => v.version!.toString()));
    for (const v of verdicts) {
      if (v.rejected === undefined && versionsWithMatch.has(v.version!.toString()) && !matches(v)) v.rejected = 'its sha256 is not among the required hashes';
    }
  }

  private requiresPythonFits(text: string): boolean {
    let fits = this.requiresPythonCache.get(text);
    if (fits === undefined) {
      let spec: SpecifierSet | undefined;
      try {
        spec = parseSpecifierSet(text);
      } catch {
        spec = undefined; // pip ignores an invalid Requires-Python on a link
      }
      fits = !spec || spec.contains(this.pythonVersion, { prereleases: true });
      this.requiresPythonCache.set(text, fits);
    }
    return fits;
  }

  private judge(f: ParsedFile, name: string): FileVerdict {
    const verdict: FileVerdict = {
      file: f.file,
      versionText: f.versionText,
      isWheel: f.isWheel,
      rank: Number.POSITIVE_INFINITY,
      build: f.build,
      buildSuffix: f.buildSuffix,
    };
    if (f.version) verdict.version = f.version;
    if (f.problem !== undefined) {
      verdict.rejected = f.problem;
      return verdict;
    }
    const formats = this.options.formatControl?.allowed(name);
    if (formats && !formats[f.isWheel ? 'wheel' : 'sdist']) {
      verdict.rejected = f.isWheel ? 'a wheel, and --no-binary asks for a build from source' : 'a source distribution, and --only-binary allows wheels only';
      return verdict;
    }
    if (f.isWheel) {
      let rank: number | undefined;
      for (const tag of f.tags) {
        const r = this.priority.get(tag);
        if (r !== undefined && (rank === undefined || r < rank)) rank = r;
      }
      if (rank === undefined) {
        verdict.rejected = `wheel tags ${f.tagText} do not fit ${this.label}`;
        return verdict;
      }
      verdict.rank = rank;
    } else if (!this.options.allowSdists) {
      verdict.rejected = 'source distribution (only wheels are used)';
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
  private compareFiles(a: FileVerdict, b: FileVerdict): number {
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

  private indexCandidate(name: string, version: Version, verdicts: FileVerdict[], yanked: boolean): Candidate {
    // A yanked release picked by an == pin is another candidate than the same version's unyanked files.
    const id = `${name}==${version.toString()}${yanked && verdicts.some((v) => v.file.yanked !== false) ? ' (yanked)' : ''}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version, kind: 'index', files: verdicts.map((v) => v.file) };
      this.candidates.set(id, c);
    }
    return c;
  }

  extrasCandidate(base: Candidate, extras: readonly string[]): Candidate {
    const identifier = identifierOf(base.name, extras);
    const id = `${identifier}==${base.id}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier, name: base.name, extras, version: base.version, kind: 'extras', files: base.files, base };
      this.candidates.set(id, c);
    }
    return c;
  }

  /** The candidate of a `name @ url` requirement (a wheel or sdist file, local path or URL). */
  urlCandidate(req: Requirement): Candidate {
    const name = canonicalizeName(req.name);
    const file = fileForUrl(req.url!, name);
    const id = `${name}@${file.url}`;
    let c = this.candidates.get(id);
    if (!c) {
      c = { id, identifier: name, name, extras: [], version: file.version, kind: 'url', files: [file.file] };
      this.candidates.set(id, c);
    }
    return c;
  }

  /** Loads the metadata of a candidate (once); false when it is unusable (see `problem`). */
  load(c: Candidate): Promise<boolean> {
    if (c.deps) return Promise.resolve(true);
    if (c.problem !== undefined) return Promise.resolve(false);
    if (!c.loading) c.loading = this.doLoad(c);
    return c.loading;
  }

  private async doLoad(c: Candidate): Promise<boolean> {
    if (c.kind === 'extras') {
      const base = c.base!;
      if (!(await this.load(base))) {
        c.problem = base.problem;
        return false;
      }
      c.file = base.file;
      c.dist = base.dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    const problems: string[] = [];
    for (const file of c.files) {
      const isWheel = file.filename.toLowerCase().endsWith('.whl');
      let dist: Dist;
      try {
        // Index wheels of one version share metadata; a direct reference is its own file.
        dist = await this.options.metadata.load(file, c.name, c.version, isWheel && c.kind === 'index');
      } catch (err) {
        if (err instanceof MetadataProblem || err instanceof InvalidMetadata || !isWheel) {
          problems.push(`${file.filename}: ${(err as Error).message}`);
          continue;
        }
        throw err;
      }
      // pip discards a file whose metadata names another project or version.
      if (dist.name !== c.name || !dist.version.equals(c.version)) {
        problems.push(`${file.filename}: its metadata says ${dist.name} ${dist.version}`);
        continue;
      }
      c.file = file;
      c.dist = dist;
      c.deps = this.computeDeps(c);
      return true;
    }
    c.problem = problems.join('; ') || 'no usable file';
    return false;
  }

  /** pip's iter_dependencies: Requires-Python first… then Requires-Dist filtered by markers and extras. */
  private computeDeps(c: Candidate): Req[] {
    const dist = c.dist!;
    const deps: Req[] = [];
    const env = this.target.markerEnvironment as unknown as Record<string, string>;
    let contexts: string[] = [];
    if (c.kind === 'extras') {
      deps.push({ kind: 'explicit', identifier: c.base!.identifier, name: c.name, candidate: c.base! });
      // Extras the distribution does not provide are ignored, as pip does (with a warning there).
      contexts = c.extras.filter((e) => dist.providesExtra.has(e));
    }
    const config = this.options.dependencies;
    for (const declared of config?.transitive === false ? [] : dist.requiresDist) {
      // An override replaces the declared requirement whole, marker included (pex's --override).
      const override = overrideFor(config, canonicalizeName(declared.name), env);
      if (!override && declared.marker && !evaluateMarker(declared.marker, env, contexts.length ? contexts : undefined)) continue;
      const r = override ?? declared.requirement;
      if (excludedByName(config, canonicalizeName(r.name), env)) continue;
      deps.push(...this.requirementsFrom(r));
    }
    if (dist.requiresPython && dist.requiresPython.size > 0) {
      deps.push({ kind: 'python', identifier: PYTHON_IDENTIFIER, name: PYTHON_IDENTIFIER, specifier: dist.requiresPython, text: dist.requiresPythonText ?? dist.requiresPython.toString() });
    }
    return deps;
  }

  /**
   * The engine requirements of a PEP 508 requirement (markers already checked). Like pip ≥ 23.3, `b[x]>=1`
   * also constrains `b` itself, so the base project sees the specifier directly.
   */
  requirementsFrom(r: Requirement): Req[] {
    const name = canonicalizeName(r.name);
    const extras = canonicalExtras(r.extras);
    const identifier = identifierOf(name, extras);
    if (r.url !== null) {
      const base = this.urlCandidate(r);
      const candidate = extras.length ? this.extrasCandidate(base, extras) : base;
      return [{ kind: 'explicit', identifier, name, candidate, source: r }];
    }
    const out: Req[] = [];
    if (extras.length && r.specifier.size > 0) out.push({ kind: 'spec', identifier: name, name, extras: [], specifier: r.specifier, source: r });
    out.push({ kind: 'spec', identifier, name, extras, specifier: r.specifier, source: r });
    return out;
  }

  identifyCandidate(c: Candidate): string {
    return c.identifier;
  }

  isSatisfiedBy(req: Req, c: Candidate): boolean {
    switch (req.kind) {
      case 'spec':
        return req.specifier.contains(c.version, { prereleases: true });
      case 'explicit':
        return req.candidate.id === c.id;
      case 'python':
        return req.specifier.contains(c.version, { prereleases: true });
    }
  }

  /**
   * pip's find_matches: explicit candidates (URLs, the base of an extras candidate) when any requirement
   * names one; otherwise index versions admitted by every specifier and the constraint, newest first.
   * Candidates come unloaded: the engine loads them in order and skips unusable ones.
   */
  async findMatches(identifier: string, requirements: (id: string) => Req[], incompatible: (id: string) => Candidate[]): Promise<Candidate[]> {
    const reqs = requirements(identifier);
    const incompat = new Set(incompatible(identifier).map((c) => c.id));
    if (identifier === PYTHON_IDENTIFIER) {
      const ok = reqs.every((r) => this.isSatisfiedBy(r, this.pythonCandidate));
      return ok && !incompat.has(this.pythonCandidate.id) ? [this.pythonCandidate] : [];
    }
    const bracket = identifier.indexOf('[');
    const name = bracket === -1 ? identifier : identifier.slice(0, bracket);
    const extras = bracket === -1 ? [] : identifier.slice(bracket + 1, -1).split(',');
    const explicit = new Map<string, Candidate>();
    const specs: SpecifierSet[] = [];
    let hasSpecReq = false;
    for (const r of reqs) {
      if (r.kind === 'explicit') explicit.set(r.candidate.id, r.candidate);
      else if (r.kind === 'spec') {
        hasSpecReq = true;
        specs.push(r.specifier);
      }
    }
    if (extras.length) {
      for (const r of requirements(name)) {
        if (r.kind === 'explicit') {
          const c = this.extrasCandidate(r.candidate, extras);
          explicit.set(c.id, c);
        } else if (r.kind === 'spec') {
          hasSpecReq = true;
          specs.push(r.specifier);
        }
      }
    }
    const constraint = this.options.constraints.get(name);
    if (explicit.size > 0) {
      return [...explicit.values()].filter(
        (c) => !incompat.has(c.id) && (!constraint || constraint.contains(c.version, { prereleases: true })) && reqs.every((r) => this.isSatisfiedBy(r, c)),
      );
    }
    if (!hasSpecReq) return [];
    if (constraint) specs.push(constraint);
    const merged = specs.length === 1 ? specs[0] : new SpecifierSet(specs.flatMap((s) => [...s.specifiers]));
    const found = this.indexCandidates(name, await this.view(name), merged);
    const out: Candidate[] = [];
    for (const base of found) {
      const c = extras.length ? this.extrasCandidate(base, extras) : base;
      if (!incompat.has(c.id)) out.push(c);
    }
    return out;
  }

  /** Versions of the project that `spec` admits, one candidate per version, with yanked files per PEP 592. */
  private indexCandidates(name: string, view: ProjectView, spec: SpecifierSet): Candidate[] {
    let admitted = spec.filter(view.versions, { prereleases: this.options.pre ? true : null, key: (g) => g.version });
    // pip's hash-checking mode: among the admitted versions, those with a file of a required hash win.
    const allowed = this.options.hashes?.get(name);
    const hashed = (g: VersionGroup) => g.files.some((f) => allowed!.has(f.file.hashes.sha256?.toLowerCase() ?? ''));
    if (allowed && admitted.some(hashed)) admitted = admitted.filter(hashed);
    // Yanked files count only when everything applicable is yanked and the requirement pins a version.
    const allYanked = admitted.every((g) => g.files.every((f) => f.file.yanked !== false));
    const useYanked = allYanked && isPinned(spec);
    const out: Candidate[] = [];
    for (const g of admitted) {
      if (useYanked) {
        g.withYanked ??= this.indexCandidate(name, g.version, g.files, true);
        out.push(g.withYanked);
      } else if (g.candidate !== null) {
        if (g.candidate === undefined) {
          const files = g.files.filter((f) => f.file.yanked === false);
          g.candidate = files.length ? this.indexCandidate(name, g.version, files, false) : null;
        }
        if (g.candidate) out.push(g.candidate);
      }
    }
    return out;
  }

  /** Why no version of `name` satisfies `spec` (for error messages): one line per version, newest first. */
  async explainVersions(name: string, spec: SpecifierSet | null, excluded: Set<string> = new Set()): Promise<{ lines: string[]; versions: string[] }> {
    const verdicts = await this.files(name);
    const byVersion = new Map<string, FileVerdict[]>();
    for (const v of verdicts) {
      const key = v.version ? v.version.toString() : v.versionText || v.file.filename;
      let list = byVersion.get(key);
      if (!list) byVersion.set(key, (list = []));
      list.push(v);
    }
    const admitted = spec ? new Set(spec.filter([...byVersion.keys()].filter((k) => tryParseVersion(k)), { prereleases: this.options.pre ? true : null })) : null;
    const lines: string[] = [];
    for (const [version, files] of byVersion) {
      const usable = files.filter((f) => f.rejected === undefined);
      let why: string;
      if (usable.length === 0) {
        why = [...new Set(files.map((f) => f.rejected!))].join('; ');
      } else if (usable.every((f) => f.file.yanked !== false)) {
        const reason = usable[0].file.yanked;
        why = `yanked${reason && reason !== 'no reason given' ? ` (${reason})` : ''}; only an == pin selects it`;
      } else if (admitted && !admitted.has(version)) {
        const v = tryParseVersion(version);
        why = v?.isPrerelease && spec!.contains(v, { prereleases: true }) ? 'a pre-release (use --pre or ask for it explicitly)' : `excluded by ${spec!.toString() || 'the requirement'}`;
      } else if (excluded.has(version)) {
        why = 'conflicts with other requirements';
      } else {
        const c = this.candidates.get(`${name}==${version}`);
        why = c?.problem ?? 'usable';
      }
      lines.push(`${version}: ${why}`);
    }
    return { lines, versions: [...byVersion.keys()] };
  }
}

/** Turns `name @ url` (http(s), file URL or local path) into a file entry with its version. */
export function fileForUrl(url: string, name: string): { file: IndexFile; version: Version; url: string } {
  const shown = redactUrl(url); // messages never carry the URL's password
  let href = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) || /^[a-z]:[\\/]/i.test(href)) href = pathToFileURL(href).toString();
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw new UsageError(`The requirement ${name} @ ${shown} has an invalid URL.`);
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) {
    throw new UsageError(`The requirement ${name} @ ${shown}: only http(s) and file URLs of wheels or sdists are supported (not ${parsed.protocol} VCS or other schemes).`);
  }
  const hashes: Record<string, string> = {};
  const fragment = parsed.hash.replace(/^#/, '');
  for (const part of fragment.split('&')) {
    const m = /^(sha256|sha384|sha512|md5|sha1|sha224)=([0-9a-f]+)$/i.exec(part);
    if (m) hashes[m[1].toLowerCase()] = m[2].toLowerCase();
  }
  parsed.hash = '';
  const filename = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
  let versionText: string;
  let fileName: string;
  if (filename.toLowerCase().endsWith('.whl')) {
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
  const file: IndexFile = { filename, url: parsed.toString(), hashes, yanked: false, coreMetadata: false, index: 'direct reference' };
  return { file, version, url: file.url };
}
