/**
 * From what the user asked for to files on disk, per target: targets from --platform/--complete-platform,
 * a resolution (or a lock's selection), then every chosen file downloaded (hash-checked) and every sdist
 * built. Shared by `build` and `lock`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { sha256Hex } from '../index/cache.js';
import { defaultCacheDir, IndexClient } from '../index/index.js';
import { parseCoreMetadata, type CoreMetadata } from '../python/metadata.js';
import { canonicalName, evaluateMarker, parseRequirement } from '../python/pep508.js';
import { readWheelMetadata, withLocalFile } from '../index/zip-metadata.js';
import type { ProjectInput } from '../resolve/pyproject.js';
import { parseWheelFilename } from '../python/wheel.js';
import type { BuiltProject } from '../project/build.js';
import type { IndexFile } from '../index/types.js';
import { loadCompletePlatform, resolveTarget, type Target } from '../python/platform.js';
import { readPylock, selectForTarget, type LockedFile } from '../resolve/pylock.js';
import type { Resolution, ResolvedDistribution } from '../resolve/resolver.js';
import { parseDependencyConfig } from '../resolve/dependency-config.js';
import type { MetadataStore } from '../resolve/provider.js';
import { checkDownloadedHashes, checkRequiredHashes, type HashMode } from './hash-mode.js';
import { gatherInputs, type GatheredInputs, type IndexOptions, type InputRequest } from './inputs.js';
import { formatBytes, type Progress } from './progress.js';
import { countUp, markNow } from '../timings.js';
import { ResolutionMemo, type KeyedLocalFile } from './resolution-memo.js';

export interface TargetRequest {
  platforms: string[];
  completePlatforms: string[];
  /** Interpreter for the `current` target (default python3 on PATH). */
  python?: string;
}

/** What to resolve (the inputs) and how to reach the indexes. */
export interface SourceRequest extends InputRequest {
  cacheDir?: string;
  /** Per-request timeout for index requests (`--timeout`). */
  timeoutMs?: number;
  /** Retries of a failed index request (`--retries`). */
  retries?: number;
  /** pex's --exclude and --override requirements, and --no-transitive (transitive: false). */
  excludes?: string[];
  overrides?: string[];
  transitive?: boolean;
  /** Connections to one index host at once (`--max-connections`). */
  maxConnections?: number;
  /** Ask the indexes again for every page, however fresh the cached one (`--refresh`). */
  refresh?: boolean;
  /** An interpreter to try first when a project or sdist needs building (`--python`). */
  python?: string;
}

/**
 * Resolves --platform and --complete-platform into targets (default: `current`), labels made unique. The probe
 * of the `current` interpreter is remembered in `cacheDir`.
 */
export async function resolveTargets(req: TargetRequest, cacheDir: string): Promise<Target[]> {
  const specs = req.platforms.length || req.completePlatforms.length ? req.platforms : ['current'];
  for (const spec of specs) {
    // pex takes one platform per flag; `a,b` or `a b` would otherwise read as one odd platform tag.
    if (/[,\s]/.test(spec.trim())) {
      const parts = spec.split(/[,\s]+/).filter(Boolean);
      throw new UsageError(
        `the platform '${spec}' holds ${spec.includes(',') ? 'a comma' : 'a space'}: give one platform per --platform flag (${parts.map((p) => `--platform ${p}`).join(' ')}), or one per line in the action's platforms input.`,
      );
    }
  }
  const targets: Target[] = [];
  for (const spec of specs) targets.push(await resolveTarget(spec, { python: req.python, cacheDir }));
  for (const file of req.completePlatforms) targets.push(await loadCompletePlatform(file));
  // Two targets may share a short label (manylinux2014 and manylinux_2_28 are both linux-x86_64-cp311):
  // file names must still differ, so the later ones use their full platform tag.
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.label)) t.label = `${t.label}-${(t.platformTag ?? String(seen.size)).replace(/[^\w.-]+/g, '_')}`;
    if (seen.has(t.label)) throw new UsageError(`the target ${t.platform} is given twice; give each --platform once.`);
    seen.add(t.label);
  }
  return targets;
}

export function makeIndexClient(index: IndexOptions, req: Pick<SourceRequest, 'cacheDir' | 'cwd' | 'timeoutMs' | 'retries' | 'maxConnections' | 'refresh'>, progress: Progress, directUrls: string[] = []): IndexClient {
  return new IndexClient({
    ...index,
    directUrls,
    // -v shows each request; the bytes feed the status line of whatever step is running.
    onActivity: (e) => {
      if (e.kind === 'bytes') return progress.bytes(e.bytes);
      progress.request();
      progress.detail(`${e.method} ${e.url}`);
    },
    cacheDir: req.cacheDir,
    cwd: req.cwd,
    ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
    ...(req.retries !== undefined ? { retries: req.retries } : {}),
    ...(req.maxConnections !== undefined ? { maxConnections: req.maxConnections } : {}),
    refresh: req.refresh,
  });
}

/**
 * Resolves the gathered inputs for every target. The targets may still be on their way (probing the
 * `current` interpreter takes a process start): the root requirements' index pages are asked for meanwhile.
 */
export async function resolveInputs(
  req: SourceRequest,
  pendingTargets: Promise<Target[]>,
  progress: Progress,
): Promise<{ inputs: GatheredInputs; client: IndexClient; resolution: Resolution; targets: Target[] }> {
  pendingTargets.catch(() => {}); // awaited below; an input error may come first
  const dependencies = parseDependencyConfig(req.excludes ?? [], req.overrides ?? [], req.transitive ?? true);
  const inputs = await gatherInputs(req);
  for (const w of inputs.warnings) progress.warn(w);
  const client = makeIndexClient(
    inputs.index,
    req,
    progress,
    inputs.requirements.flatMap((r) => (r.url ? [r.url] : [])),
  );
  try {
    // While the targets are still on their way (a probe takes a process start), ask for the root requirements'
    // pages and their likely metadata. Not when they are known at once: a reused resolution reads no page.
    const known = await Promise.race([pendingTargets.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1))]);
    let targetsKnown = known;
    let metadata: MetadataStore | undefined;
    if (!known) {
      for (const r of inputs.requirements) if (!r.url) client.listFiles(r.name).catch(() => {}); // errors surface in resolve
      const [{ MetadataStore }, { fetchBeforeTargets }] = await Promise.all([import('../resolve/provider.js'), import('../resolve/early-metadata.js')]);
      metadata = new MetadataStore(client);
      fetchBeforeTargets(metadata, inputs.requirements, { constraints: inputs.constraints, dependencies, formatControl: inputs.formatControl, targetsKnown: () => targetsKnown });
    }
    const targets = await pendingTargets;
    targetsKnown = true;
    markNow('targets at');
    const project = inputs.project ? await addProjectWheel(inputs, targets, client, req, progress) : undefined;
    if (project) markNow('project built at');
    progress.step(`resolve ${inputs.requirements.length} requirement${inputs.requirements.length === 1 ? '' : 's'} for ${targets.map((t) => t.label).join(', ')}`);
    const pinned = progress.task('resolve', 'versions chosen');
    const request = {
      requirements: inputs.requirements,
      constraints: inputs.constraints,
      targets,
      pre: inputs.pre,
      hashes: inputs.hashMode?.allowed,
      formatControl: inputs.formatControl,
      preferBinary: inputs.preferBinary,
      dependencies,
    };
    const memo = new ResolutionMemo(request, client, [...(project ? [project] : []), ...(await localWheelsOf(inputs.requirements, project))]);
    let resolution = req.refresh ? undefined : memo.reuse(targets);
    if (resolution) {
      countUp('resolution reused');
      for (const t of resolution.targets) progress.detail(`${t.target.label}: ${t.distributions.length} distributions (the last resolution: same inputs, its index pages unchanged and fresh)`);
    } else {
      // Loaded only when resolving: a reused resolution needs none of the resolver.
      const { resolve } = await import('../resolve/resolver.js');
      resolution = await resolve({
        ...request,
        source: client,
        metadata,
        onProgress: (e) => {
          if (e.kind === 'pinned') {
            pinned.advance();
            progress.detail(`${e.target}: chose ${e.name} ${e.version}`);
          }
          if (e.kind === 'done') progress.detail(`${e.target}: ${e.pinned} distributions`);
        },
      });
      const notKept = await memo.keep(resolution);
      if (notKept) progress.detail(`the resolution is not kept for reuse: ${notKept}`);
    }
    pinned.done();
    if (inputs.hashMode) checkRequiredHashes(inputs.hashMode, resolution);
    return { inputs, client, resolution, targets };
  } catch (e) {
    await client.close();
    throw e;
  }
}

/**
 * Builds the local project into a wheel and requires it by that file (`name[extras] @ file://…`), so its
 * metadata, dependencies, entry points and requires-python count like any other distribution's. Returns the
 * wheel keyed by what the resolver reads of it: its file name (tags) and its metadata's fields that pick versions.
 */
async function addProjectWheel(inputs: GatheredInputs, targets: Target[], client: IndexClient, req: SourceRequest, progress: Progress): Promise<KeyedLocalFile> {
  const { wheelName, sha256, built } = await buildProject(inputs.project!, targets, client, req, progress);
  const extras = inputs.project!.extras.length ? `[${inputs.project!.extras.join(',')}]` : '';
  const url = pathToFileURL(built.wheel).href;
  inputs.requirements.push(parseRequirement(`${wheelName}${extras} @ ${url}#sha256=${sha256}`));
  // Hashes required (pip's --require-hashes): the wheel built here from the user's own tree is trusted as built.
  if (inputs.hashMode) {
    inputs.hashMode.allowed.set(canonicalName(wheelName), new Set([sha256]));
    inputs.hashMode.origin.set(canonicalName(wheelName), `the project ${inputs.project!.name}`);
  }
  const { metadataVersion, name, version, requiresPython, requiresDist, providesExtra } = await builtMetadata(built);
  return { url, sha256, identity: JSON.stringify([path.basename(built.wheel), metadataVersion, name, version, requiresPython, requiresDist, providesExtra]) };
}

/**
 * Wheels required by local path (`./dist/app-1.0-py3-none-any.whl`), keyed by their sha256: all the resolver
 * reads of one is in it. A local sdist is left out: its metadata comes from building it.
 */
async function localWheelsOf(requirements: GatheredInputs['requirements'], project: KeyedLocalFile | undefined): Promise<KeyedLocalFile[]> {
  const wheels = requirements.flatMap((r) => {
    if (!r.url?.startsWith('file:')) return [];
    const url = new URL(r.url);
    url.hash = '';
    return url.pathname.toLowerCase().endsWith('.whl') && url.href !== project?.url ? [url] : [];
  });
  const keyed = await Promise.all(
    wheels.map(async (url) => {
      // One that can't be read is not keyed: resolving says what is wrong with it.
      const data = await readFile(url).catch(() => undefined);
      const sha256 = data && sha256Hex(data);
      return sha256 ? [{ url: url.href, sha256, identity: sha256 }] : [];
    }),
  );
  return keyed.flat();
}

function builtMetadata(built: BuiltProject): Promise<CoreMetadata> {
  const filename = path.basename(built.wheel);
  return withLocalFile(built.wheel, async (reader) => parseCoreMetadata(await readWheelMetadata(reader, filename), filename));
}

async function buildProject(project: ProjectInput, targets: Target[], client: IndexClient, req: Pick<SourceRequest, 'cwd' | 'cacheDir' | 'python'>, progress: Progress): Promise<{ built: BuiltProject; wheelName: string; sha256: string }> {
  progress.step(`build the project ${project.name} (${path.relative(req.cwd ?? process.cwd(), project.dir) || '.'})`);
  // Loaded only when there is a project to build: most runs have none, and every run would pay for loading it.
  const { buildProjectWheel } = await import('../project/build.js');
  const built = await buildProjectWheel({
    project,
    targets,
    client,
    cacheDir: req.cacheDir ?? defaultCacheDir(),
    interpreters: req.python ? [req.python] : [],
    log: (line) => progress.detail(line),
  });
  progress.detail(`${path.basename(built.wheel)} (${built.how === 'native' ? `written natively as ${built.backend} would` : `built by ${built.backend}`})`);
  const wheelName = parseWheelFilename(path.basename(built.wheel)).name;
  const sha256 = sha256Hex(await readFile(built.wheel));
  return { built, wheelName, sha256 };
}

/**
 * `build --lock pylock.toml .`: the lock pins the dependencies (lock leaves the project out), the project is
 * built and added to each target's selection; every dependency it declares for a target must be in the lock.
 */
export async function addProjectToLock(
  project: ProjectInput,
  lockFile: string,
  selections: Selected[][],
  targets: Target[],
  client: IndexClient,
  req: Pick<SourceRequest, 'cwd' | 'cacheDir' | 'python'>,
  progress: Progress,
): Promise<void> {
  const { built, wheelName, sha256 } = await buildProject(project, targets, client, req, progress);
  const filename = path.basename(built.wheel);
  const metadata = await builtMetadata(built);
  for (let i = 0; i < targets.length; i++) {
    const pinned = new Map(selections[i].map((s) => [canonicalName(s.name), s.version]));
    for (const text of metadata.requiresDist) {
      const r = parseRequirement(text);
      if (r.marker && !evaluateMarker(r.marker, targets[i].markerEnvironment as unknown as Record<string, string>, project.extras.length ? project.extras : undefined)) continue;
      const version = pinned.get(r.canonicalName);
      if (version === undefined || !r.specifier.contains(version, { prereleases: true })) {
        throw new UsageError(
          `${lockFile} does not hold ${r.toString()}, which the project ${project.name} needs for ${targets[i].label}${version === undefined ? '' : ` (it pins ${version})`}; lock again (pexship lock ${path.relative(req.cwd ?? process.cwd(), project.dir) || '.'} …).`,
        );
      }
    }
    selections[i].push({
      name: canonicalName(wheelName),
      version: metadata.version,
      file: { filename, url: pathToFileURL(built.wheel).href, hashes: { sha256 }, yanked: false, coreMetadata: false, index: 'local project' },
      needsBuild: false,
    });
  }
}

/** One distribution to install for one target, before download. */
export interface Selected {
  name: string;
  version: string;
  file: IndexFile;
  needsBuild: boolean;
}

export function selectedFromResolution(d: ResolvedDistribution): Selected {
  return { name: d.name, version: d.version, file: d.file, needsBuild: d.needsBuild };
}

function indexFileOfLocked(f: LockedFile, index: string | undefined): IndexFile {
  return { filename: f.filename, url: f.url, hashes: f.hashes, yanked: false, coreMetadata: false, size: f.size, index: index ?? 'pylock.toml' };
}

/** A lock's choice for each target, no index metadata requested. */
export async function selectFromLock(lockFile: string, targets: Target[], progress: Progress): Promise<Selected[][]> {
  const lock = await readPylock(lockFile);
  for (const w of lock.warnings) progress.warn(w);
  return targets.map((t) =>
    selectForTarget(lock, t).map((s) => ({ name: s.name, version: s.version ?? '', file: indexFileOfLocked(s.file, s.index), needsBuild: s.needsBuild })),
  );
}

/** Downloads (or finds in the cache) every chosen file once, builds sdists per target; returns wheel paths. */
export async function fetchSelections(
  selections: Selected[][],
  targets: Target[],
  client: IndexClient,
  ctx: { cacheDir: string; pipIndexArgs: string[]; python?: string; hashMode?: HashMode },
  progress: Progress,
): Promise<string[][]> {
  const unique = new Map<string, IndexFile>();
  for (const list of selections) for (const s of list) unique.set(s.file.url, s.file);
  progress.step(`fetch ${unique.size} file${unique.size === 1 ? '' : 's'}`);
  const fetched = progress.task('fetch', 'files', unique.size);
  const local = new Map<string, string>();
  await Promise.all(
    [...unique.values()].map(async (f) => {
      local.set(f.url, await client.fetchFile(f));
      fetched.advance();
      progress.detail(`${f.filename}${f.size !== undefined ? ` (${formatBytes(f.size)})` : ''}`);
    }),
  );
  fetched.done();
  if (ctx.hashMode) {
    const fetched = selections.flat().map((s) => ({ ...s, path: local.get(s.file.url)! }));
    await checkDownloadedHashes(ctx.hashMode, fetched);
  }
  const out: string[][] = [];
  for (let i = 0; i < targets.length; i++) {
    const wheels: string[] = [];
    for (const s of selections[i]) {
      const path = local.get(s.file.url)!;
      if (!s.needsBuild) {
        wheels.push(path);
        continue;
      }
      progress.step(`build ${s.name} ${s.version} from source for ${targets[i].label}`);
      wheels.push(
        await (await import('../resolve/sdist-build.js')).buildWheelFromSdist({
          sdist: path,
          project: s.name,
          version: s.version,
          target: targets[i],
          cacheDir: ctx.cacheDir,
          pipIndexArgs: ctx.pipIndexArgs,
          interpreters: ctx.python ? [ctx.python] : [],
        }),
      );
    }
    out.push(wheels);
  }
  return out;
}

/** pip options naming the same indexes, for building sdists (their build dependencies come from there). */
export function pipIndexArgs(index: IndexOptions): string[] {
  const args: string[] = [];
  if (index.noIndex) args.push('--no-index');
  else {
    if (index.indexUrl) args.push('--index-url', index.indexUrl);
    for (const u of index.extraIndexUrls) args.push('--extra-index-url', u);
  }
  for (const f of index.findLinks) args.push('--find-links', f);
  for (const h of index.trustedHosts ?? []) args.push('--trusted-host', h);
  return args;
}
