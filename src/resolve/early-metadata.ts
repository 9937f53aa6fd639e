// What to fetch while the targets are still unknown: probing the `current` interpreter takes a process start
// (about 100 ms), during which a cold lock would otherwise only have its first index pages in flight. This
// guesses as the resolver most often chooses — the newest final version the requirement (and any constraint)
// allows — and loads that version's metadata into the store the resolution will use, then does the same for
// the dependencies every target has (no marker), level by level, until the targets arrive. A guess only: it
// fills the shared store (the resolution decides everything itself), its failures are ignored, each project is
// visited once, and it never asks for what the options keep the resolution from asking for.
import type { Version } from '../python/pep440.js';
import type { Requirement } from '../python/pep508.js';
import type { DependencyConfig } from './dependency-config.js';
import type { FormatControl } from './format-control.js';
import type { MetadataStore } from './provider.js';

export interface EarlyOptions {
  constraints: readonly Requirement[];
  dependencies: DependencyConfig;
  formatControl?: FormatControl;
  /** True once the targets are known: the resolution's own prefetching takes over. */
  targetsKnown: () => boolean;
}

export function fetchBeforeTargets(store: MetadataStore, requirements: readonly Requirement[], options: EarlyOptions): void {
  const { dependencies, constraints, formatControl, targetsKnown } = options;
  // --exclude, --override and --no-transitive change which projects and versions are asked for: no guessing.
  if (dependencies.excludes.length || dependencies.overrides.length || !dependencies.transitive) return;
  const visited = new Set<string>();
  const visit = (req: Requirement): void => {
    const name = req.canonicalName;
    if (req.url !== null || visited.has(name) || targetsKnown()) return;
    visited.add(name);
    const limits = constraints.filter((c) => c.canonicalName === name);
    // A constraint with a marker depends on the target; a project built from source has no wheel to read.
    if (limits.some((c) => c.marker !== null) || (formatControl && !formatControl.allowed(name).wheel)) return;
    void store
      .parsedFiles(name)
      .then(async (files) => {
        if (targetsKnown()) return;
        let best: { version: Version; index: number } | undefined;
        files.forEach((f, index) => {
          const v = f.version;
          if (!f.isWheel || f.problem || !v || f.file.yanked !== false || v.isPrerelease) return;
          if (![req, ...limits].every((r) => r.specifier.contains(v))) return;
          if (!best || v.compare(best.version) > 0) best = { version: v, index };
        });
        if (!best) return;
        const dist = await store.load(files[best.index].file, name, best.version, true);
        for (const dep of dist.requiresDist) if (dep.marker === null) visit(dep.requirement);
      })
      .catch(() => undefined);
  };
  for (const r of requirements) if (r.marker === null) visit(r);
}
