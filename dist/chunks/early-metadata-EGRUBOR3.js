import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import "./chunk-DF3W7HDA.js";

// src/resolve/early-metadata.ts
function fetchBeforeTargets(store, requirements, options) {
  const { dependencies, constraints, formatControl, targetsKnown } = options;
  if (dependencies.excludes.length || dependencies.overrides.length || !dependencies.transitive) return;
  const visited = /* @__PURE__ */ new Set();
  const visit = (req) => {
    const name = req.canonicalName;
    if (req.url !== null || visited.has(name) || targetsKnown()) return;
    visited.add(name);
    const limits = constraints.filter((c) => c.canonicalName === name);
    if (limits.some((c) => c.marker !== null) || formatControl && !formatControl.allowed(name).wheel) return;
    void store.parsedFiles(name).then(async (files) => {
      if (targetsKnown()) return;
      let best;
      files.forEach((f, index) => {
        const v = f.version;
        if (!f.isWheel || f.problem || !v || f.file.yanked !== false || v.isPrerelease) return;
        if (![req, ...limits].every((r) => r.specifier.contains(v))) return;
        if (!best || v.compare(best.version) > 0) best = { version: v, index };
      });
      if (!best) return;
      const dist = await store.load(files[best.index].file, name, best.version, true);
      for (const dep of dist.requiresDist) if (dep.marker === null) visit(dep.requirement);
    }).catch(() => void 0);
  };
  for (const r of requirements) if (r.marker === null) visit(r);
}
export {
  fetchBeforeTargets
};
