/**
 * The dependency resolver: PEP 508 requirements → one pinned set of distributions per target, reaching the
 * same answer as pip 24.2 would for that target (see engine.ts for the search, provider.ts for which files
 * and versions count, conflict.ts for the error messages).
 *
 * Public API:
 * - `resolve(request): Promise<Resolution>` — throws `JobError` (exit 1) with a readable explanation when a
 *   target cannot be resolved, `UsageError` for unusable input (a bad direct-reference URL).
 * - `PackageSource` (re-exported): the two index calls the resolver makes; `IndexClient` implements it.
 *
 * Targets are resolved one after another (deterministic), sharing index listings and metadata.
 */
import { UsageError } from '../errors.js';
import type { IndexFile } from '../index/types.js';
import { SpecifierSet } from '../python/pep440.js';
import { canonicalName, evaluateMarker, type Requirement } from '../python/pep508.js';
import type { Target } from '../python/platform.js';
import { conflictError } from './conflict.js';
import { excludedByName, type DependencyConfig } from './dependency-config.js';
import type { FormatControl } from './format-control.js';
import { Engine, ResolutionImpossible, type EngineResult, type Information } from './engine.js';
import { MetadataStore, PYTHON_IDENTIFIER, Provider, type Candidate, type PackageSource } from './provider.js';

export type { PackageSource } from './provider.js';

export interface ResolveProgress {
  /** `start`/`done` per target; `pinned` each time a version is chosen; `backtrack` when a choice is undone. */
  kind: 'start' | 'pinned' | 'backtrack' | 'done';
  target: string;
  name?: string;
  version?: string;
  /** Packages pinned so far on this target. */
  pinned: number;
}

export interface ResolveRequest {
  /** The user's requirements (markers are evaluated per target; `name @ url` direct references allowed). */
  requirements: Requirement[];
  /** Limit versions (pip's -c); they never add packages. Markers are evaluated per target. */
  constraints?: Requirement[];
  targets: Target[];
  /** `--pre`: allow pre-releases everywhere. */
  pre?: boolean;
  source: PackageSource;
  /**
   * pip's --require-hashes: canonical name → acceptable sha256 digests. Files with one of them are preferred
   * within a version; the caller checks the result (`checkRequiredHashes` in core/hash-mode.ts).
   */
  hashes?: Map<string, Set<string>>;
  /** pip's --only-binary / --no-binary. */
  formatControl?: FormatControl;
  /** pip's --prefer-binary. */
  preferBinary?: boolean;
  /** Consider sdists when no wheel of a version fits (chosen ones are marked `needsBuild`). Default true. */
  allowSdists?: boolean;
  onProgress?: (event: ResolveProgress) => void;
  /** --exclude, --override, --no-transitive. */
  dependencies?: DependencyConfig;
  /** Listings and metadata to share, e.g. a store filled while the targets were being probed. Default: a new one. */
  metadata?: MetadataStore;
}

export interface ResolvedDistribution {
  /** Canonical project name. */
  name: string;
  /** Normalised version. */
  version: string;
  /** The file to install: the best wheel for the target, or an sdist when no wheel fits (`needsBuild`). */
  file: IndexFile;
  needsBuild: boolean;
  /** Extras requested of it (canonical, sorted). */
  extras: string[];
  /** True when the user's own requirements name it. */
  requested: boolean;
  /** Canonical names of the pinned projects that depend on it (sorted). */
  requiredBy: string[];
  /** Canonical names of the pinned projects it depends on (sorted). */
  dependencies: string[];
  /** For `name @ url` direct references: the URL. */
  url?: string;
  /** Requires-Python from its metadata, when set. */
  requiresPython?: string;
}

export interface TargetResolution {
  target: Target;
  /** Sorted by name. */
  distributions: ResolvedDistribution[];
}

export interface Resolution {
  /** In the order of `request.targets`. */
  targets: TargetResolution[];
}

export async function resolve(request: ResolveRequest): Promise<Resolution> {
  if (request.targets.length === 0) throw new UsageError('Nothing to resolve for: no target platform was given.');
  const metadata = request.metadata ?? new MetadataStore(request.source);
  const out: TargetResolution[] = [];
  for (const target of request.targets) {
    out.push(await resolveTarget(request, target, metadata));
  }
  return { targets: out };
}

function constraintsFor(constraints: Requirement[], env: Record<string, string>): Map<string, SpecifierSet> {
  const byName = new Map<string, SpecifierSet>();
  for (const c of constraints) {
    if (c.marker && !evaluateMarker(c.marker, env)) continue;
    if (c.url !== null) throw new UsageError(`The constraint ${c.toString()} names a URL; constraints can only limit versions (name and specifier).`);
    const name = canonicalName(c.name);
    const prior = byName.get(name);
    byName.set(name, prior ? new SpecifierSet([...prior.specifiers, ...c.specifier.specifiers]) : c.specifier);
  }
  return byName;
}

async function resolveTarget(request: ResolveRequest, target: Target, metadata: MetadataStore): Promise<TargetResolution> {
  const env = target.markerEnvironment as unknown as Record<string, string>;
  const constraints = constraintsFor(request.constraints ?? [], env);
  const provider = new Provider({
    target,
    metadata,
    pre: request.pre ?? false,
    allowSdists: request.allowSdists ?? true,
    ...(request.hashes ? { hashes: request.hashes } : {}),
    ...(request.formatControl ? { formatControl: request.formatControl } : {}),
    preferBinary: request.preferBinary ?? false,
    constraints,
    ...(request.dependencies ? { dependencies: request.dependencies } : {}),
  });
  const label = target.label;
  const progress = request.onProgress;
  progress?.({ kind: 'start', target: label, pinned: 0 });
  const roots = request.requirements
    .filter((r) => (!r.marker || evaluateMarker(r.marker, env)) && !excludedByName(request.dependencies, r.canonicalName, env))
    .map((r) => provider.requirementsFrom(r));
  const engine = new Engine(provider, {
    pinned: (c, count) => {
      if (c.kind !== 'python' && c.kind !== 'extras') progress?.({ kind: 'pinned', target: label, name: c.name, version: c.version.toString(), pinned: count });
    },
    backtracked: () => progress?.({ kind: 'backtrack', target: label, pinned: 0 }),
  });
  let result: EngineResult;
  try {
    result = await engine.resolve(roots);
  } catch (err) {
    if (!(err instanceof ResolutionImpossible)) throw err;
    const finalCriteria = engine.lastCriteria();
    throw await conflictError({
      provider,
      causes: err.causes,
      requirersOf: (id) => finalCriteria.get(id)?.information ?? [],
      constraints,
    });
  }
  const distributions = withoutExcluded(buildDistributions(result), request.dependencies, env);
  progress?.({ kind: 'done', target: label, pinned: distributions.length });
  return { target, distributions };
}

/** resolvelib's result: pins reachable from the user's requirements, collapsed from `b[x]` onto `b`. */
function buildDistributions(result: EngineResult): ResolvedDistribution[] {
  const { mapping, criteria } = result;
  const pinnedIds = new Map<string, string>();
  for (const [id, c] of mapping) pinnedIds.set(c.id, id);
  const connected = new Set<string>();
  const visiting = new Set<string>();
  const hasRoute = (key: string): boolean => {
    if (connected.has(key)) return true;
    const criterion = criteria.get(key);
    if (!criterion || visiting.has(key)) return false;
    visiting.add(key);
    try {
      for (const info of criterion.information) {
        if (info.parent === null) {
          connected.add(key);
          return true;
        }
        const pkey = pinnedIds.get(info.parent.id);
        if (pkey === undefined) continue;
        if (hasRoute(pkey)) {
          connected.add(key);
          return true;
        }
      }
      return false;
    } finally {
      visiting.delete(key);
    }
  };

  const byName = new Map<string, { base?: Candidate; extras: Set<string>; requested: boolean; requiredBy: Set<string>; dependencies: Set<string> }>();
  const entry = (name: string) => {
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { extras: new Set(), requested: false, requiredBy: new Set(), dependencies: new Set() }));
    return e;
  };
  for (const [id, c] of mapping) {
    if (id === PYTHON_IDENTIFIER || !hasRoute(id)) continue;
    const e = entry(c.name);
    if (c.kind === 'extras') c.extras.forEach((x) => e.extras.add(x));
    else e.base = c;
    for (const info of criteria.get(id)?.information ?? []) {
      if (info.parent === null) e.requested = true;
      else if (pinnedIds.has(info.parent.id) && info.parent.name !== c.name) {
        e.requiredBy.add(info.parent.name);
        entry(info.parent.name).dependencies.add(c.name);
      }
    }
  }
  const out: ResolvedDistribution[] = [];
  for (const [name, e] of byName) {
    const c = e.base;
    if (!c || !c.file) continue;
    const needsBuild = !c.file.filename.toLowerCase().endsWith('.whl');
    out.push({
      name,
      version: c.version.toString(),
      file: c.file,
      needsBuild,
      extras: [...e.extras].sort(),
      requested: e.requested,
      requiredBy: [...e.requiredBy].sort(),
      dependencies: [...e.dependencies].filter((d) => byName.get(d)?.base).sort(),
      ...(c.kind === 'url' ? { url: c.file.url } : {}),
      ...(c.dist?.requiresPythonText ? { requiresPython: c.dist.requiresPythonText } : {}),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Drops distributions a versioned --exclude admits, then every distribution no longer reachable from the
 * user's requirements through kept ones (pex: an excluded project goes with its exclusive dependencies).
 */
function withoutExcluded(dists: ResolvedDistribution[], config: DependencyConfig | undefined, env: Record<string, string>): ResolvedDistribution[] {
  const versioned = config?.excludes.filter((e) => e.specifier.size > 0 && (!e.marker || evaluateMarker(e.marker, env))) ?? [];
  if (!versioned.length) return dists;
  const byName = new Map(dists.map((d) => [d.name, d]));
  const excluded = new Set(dists.filter((d) => versioned.some((e) => e.canonicalName === d.name && e.specifier.contains(d.version, { prereleases: true }))).map((d) => d.name));
  const kept = new Set<string>();
  const visit = (name: string) => {
    if (kept.has(name) || excluded.has(name) || !byName.has(name)) return;
    kept.add(name);
    byName.get(name)!.dependencies.forEach(visit);
  };
  dists.filter((d) => d.requested).forEach((d) => visit(d.name));
  return dists
    .filter((d) => kept.has(d.name))
    .map((d) => ({ ...d, requiredBy: d.requiredBy.filter((n) => kept.has(n)), dependencies: d.dependencies.filter((n) => kept.has(n)) }));
}

export type { Information };
