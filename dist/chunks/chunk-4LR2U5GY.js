import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  MetadataStore,
  PYTHON_IDENTIFIER,
  Provider
} from "./chunk-XBNT6ECT.js";
import {
  excludedByName
} from "./chunk-JGUVN7JE.js";
import {
  canonicalName,
  evaluateMarker
} from "./chunk-ZU7UPI3D.js";
import {
  SpecifierSet
} from "./chunk-6J3BLQ7R.js";
import {
  JobError,
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/resolve/conflict.ts
var MAX_VERSION_LINES = 15;
function describeReq(req) {
  switch (req.kind) {
    case "spec":
      return req.source.toString().split(";")[0].trim();
    case "explicit":
      return req.source ? req.source.toString().split(";")[0].trim() : `${req.candidate.name}==${req.candidate.version}`;
    case "python":
      return `Python ${req.text}`;
  }
}
function describeCandidate(c) {
  const extras = c.extras.length ? `[${c.extras.join(",")}]` : "";
  return `${c.name}${extras} ${c.version}`;
}
function chainOf(parent, ctx) {
  if (!parent) return "you asked for";
  const hops = [describeCandidate(parent)];
  const seen = /* @__PURE__ */ new Set([parent.identifier]);
  let current = parent;
  while (current && hops.length < 6) {
    const info = ctx.requirersOf(current.identifier);
    const next = info.find((i) => i.parent === null) ?? info[0];
    if (!next || next.parent === null || seen.has(next.parent.identifier)) break;
    current = next.parent;
    seen.add(current.identifier);
    hops.push(describeCandidate(current));
  }
  return `${hops.join(" \u2190 ")} requires`;
}
function versionLines(lines) {
  const shown = lines.slice(0, MAX_VERSION_LINES).map((l) => `    ${l}`);
  if (lines.length > MAX_VERSION_LINES) shown.push(`    \u2026 and ${lines.length - MAX_VERSION_LINES} older versions`);
  return shown.join("\n");
}
async function conflictError(ctx) {
  const { provider, causes } = ctx;
  const label = provider.label;
  const causeList = dedupe(causes);
  const pythonCauses = causeList.filter((c) => c.req.kind === "python");
  if (pythonCauses.length && pythonCauses.length === causeList.length) {
    const lines2 = pythonCauses.map((c) => `  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    return new JobError(
      `Cannot resolve for ${label}: the target's Python ${provider.pythonVersion} does not satisfy
${lines2.join("\n")}
Pick a target with a newer or older Python, or pin a version of these packages that supports it.`
    );
  }
  const names = [...new Set(causeList.filter((c) => c.req.kind !== "python").map((c) => c.req.name))];
  for (const name of names) {
    const files = await provider.files(name);
    if (files.length === 0) {
      const who = causeList.filter((c) => c.req.name === name).map((c) => `${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
      return new JobError(
        `Cannot resolve for ${label}: no package named ${name} exists on the configured indexes or find-links sources (${who.join("; ")}). Check the spelling, or add the index that hosts it (--index-url/--extra-index-url/-f).`
      );
    }
  }
  for (const c of causeList) {
    if (c.req.kind !== "spec") continue;
    const constraint = ctx.constraints.get(c.req.name);
    const spec = constraint ? new SpecifierSet([...c.req.specifier.specifiers, ...constraint.specifiers]) : c.req.specifier;
    const alone = await provider.findMatches(c.req.identifier, (id) => id === c.req.identifier ? [c.req] : [], () => []);
    let usable = false;
    for (const cand of alone) {
      if (await provider.load(cand)) {
        usable = true;
        break;
      }
    }
    if (usable) continue;
    const { lines: lines2 } = await provider.explainVersions(c.req.name, spec);
    const constrained = constraint ? ` (with the constraint ${c.req.name}${constraint.toString()})` : "";
    return new JobError(
      `Cannot resolve for ${label}: no matching distribution for ${describeReq(c.req)}${constrained}, which ${chainOf(c.parent, ctx)}.
  Versions of ${c.req.name}:
${versionLines(lines2)}
` + hintFor(lines2)
    );
  }
  const lines = [];
  for (const name of names) {
    const onName = causeList.filter((c) => c.req.name === name);
    for (const c of onName) lines.push(`  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    const specs = onName.flatMap((c) => c.req.kind === "spec" ? [...c.req.specifier.specifiers] : []);
    const { versions } = await provider.explainVersions(name, specs.length ? new SpecifierSet(specs) : null);
    const shown = versions.slice(0, MAX_VERSION_LINES).join(", ") + (versions.length > MAX_VERSION_LINES ? ", \u2026" : "");
    lines.push(`    no version of ${name} satisfies all of these (available: ${shown || "none"})`);
  }
  return new JobError(
    `Cannot resolve for ${label}: the requirements conflict.
${lines.join("\n")}
Loosen one of these requirements, or pin the packages that bring them in to versions that agree.`
  );
}
function dedupe(causes) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const c of causes) {
    const key = `${c.parent?.id ?? ""}|${describeReq(c.req)}|${c.req.identifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
function hintFor(lines) {
  const text = lines.join("\n");
  if (lines.length === 0) return "The project lists no files.";
  if (/do not fit/.test(text)) return "No wheel fits the target: pick another --platform, or a version that publishes wheels for it.";
  if (/requires Python/.test(text)) return "Pick a target Python that these versions support, or a version that supports the target.";
  if (/pre-release/.test(text)) return "Only pre-releases match: pass --pre, or name a pre-release in the requirement.";
  if (/yanked/.test(text)) return "Only yanked versions match: pin one with == if you really want it.";
  return "Loosen the requirement, or check which versions the index offers.";
}

// src/resolve/engine.ts
var CriteriaChanges = class {
  constructor(base) {
    this.base = base;
  }
  base;
  changes = /* @__PURE__ */ new Map();
  get(id) {
    return this.changes.get(id) ?? this.base.get(id);
  }
  set(id, criterion) {
    this.changes.set(id, criterion);
  }
};
var RequirementsConflicted = class extends Error {
  constructor(criterion) {
    super("requirements conflicted");
    this.criterion = criterion;
  }
  criterion;
};
var RoundsExhausted = class extends Error {
};
var ResolutionImpossible = class extends Error {
  constructor(causes) {
    super("resolution impossible");
    this.causes = causes;
  }
  causes;
};
var MAX_ROUNDS = 2e5;
var Engine = class {
  constructor(provider, hooks = {}) {
    this.provider = provider;
    this.hooks = hooks;
  }
  provider;
  hooks;
  states = [];
  knownDepths = /* @__PURE__ */ new Map();
  /**
   * The last pin each criterion was checked against, and the answer. A criterion is never changed, only
   * replaced, and every round checks them all (twice): most answers are the same as in the round before.
   */
  pinChecks = /* @__PURE__ */ new WeakMap();
  userRequested = /* @__PURE__ */ new Map();
  conflictCriteria;
  /** Fingerprints of states, once the search has re-pinned something (only then can it go round in circles). */
  fingerprints = /* @__PURE__ */ new WeakMap();
  reqNumbers = /* @__PURE__ */ new WeakMap();
  reqCount = 0;
  /** Fingerprint → the state that had it, for the states on the stack; undefined until cycles are watched. */
  seen;
  /** The criteria when the last conflict was met (for explaining who asked for what). */
  lastCriteria() {
    return this.conflictCriteria ?? (this.states.length ? this.state.criteria : /* @__PURE__ */ new Map());
  }
  get state() {
    return this.states[this.states.length - 1];
  }
  /**
   * resolvelib 1.0's backjumping can skip the one pin whose change would solve the conflict, and then report
   * no solution where one exists (resolvelib issues 134 and 206; the random-graph oracle finds such sets).
   * When a search that skipped pins fails, search again backtracking one pin at a time: answers pip finds
   * are unchanged, and sets pip wrongly gives up on are resolved. The second search gets a few times the
   * rounds of the first; a real conflict in a large set then still ends soon, with the first explanation.
   */
  async resolve(roots) {
    try {
      return await this.search(roots, MAX_ROUNDS);
    } catch (err) {
      if (!(err instanceof ResolutionImpossible) || !this.backjumpSkipped) throw err;
      const firstConflict = this.conflictCriteria;
      this.backjumping = false;
      this.knownDepths.clear();
      try {
        return await this.search(roots, Math.min(MAX_ROUNDS, Math.max(1e3, 4 * this.rounds)));
      } catch (again) {
        if (!(again instanceof ResolutionImpossible) && !(again instanceof RoundsExhausted)) throw again;
        this.conflictCriteria = firstConflict;
        throw err;
      }
    }
  }
  backjumping = true;
  /** Whether a backjump went past a pin that backtracking one step at a time would have tried to change. */
  backjumpSkipped = false;
  /** Rounds the last search took. */
  rounds = 0;
  async search(roots, maxRounds) {
    this.states = [{ mapping: /* @__PURE__ */ new Map(), criteria: /* @__PURE__ */ new Map(), backtrackCauses: [] }];
    this.seen = void 0;
    roots.forEach((reqs, index) => {
      const first = reqs[0];
      if (first && !this.userRequested.has(first.identifier)) this.userRequested.set(first.identifier, index);
    });
    const flat = roots.flat();
    this.prefetch(flat);
    for (const r of flat) {
      try {
        await this.addToCriteria(this.state.criteria, r, null);
      } catch (err) {
        if (err instanceof RequirementsConflicted) throw new ResolutionImpossible(err.criterion.information);
        throw err;
      }
    }
    this.pushNewState();
    for (this.rounds = 0; this.rounds < maxRounds; this.rounds++) {
      const unsatisfied = [...this.state.criteria.entries()].filter(([id, c]) => !this.isCurrentPinSatisfying(id, c)).map(([id]) => id);
      if (unsatisfied.length === 0) {
        const stale = this.pinsWithUnmetDependencies();
        if (stale.length === 0) return { mapping: this.state.mapping, criteria: this.state.criteria };
        for (const id of stale) this.state.mapping.delete(id);
        this.watchCycles();
        continue;
      }
      const unsatisfiedSet = new Set(unsatisfied);
      const satisfied = new Set([...this.state.criteria.keys()].filter((k) => !unsatisfiedSet.has(k)));
      let best = unsatisfied[0];
      let bestKey = this.preference(best);
      for (const id of unsatisfied.slice(1)) {
        const key = this.preference(id);
        if (compareKeys(key, bestKey) < 0) {
          best = id;
          bestKey = key;
        }
      }
      const repin = this.state.mapping.has(best);
      const failures = await this.attemptToPin(best);
      if (failures.length) {
        const causes = failures.flatMap((c) => c.information);
        this.conflictCriteria = this.state.criteria;
        this.hooks.backtracked?.();
        const success = await this.backjump(causes);
        this.state.backtrackCauses = [...causes];
        if (!success) throw new ResolutionImpossible(this.state.backtrackCauses);
      } else {
        const newlyUnsatisfied = /* @__PURE__ */ new Set();
        for (const [id, c] of this.state.criteria) if (satisfied.has(id) && !this.isCurrentPinSatisfying(id, c)) newlyUnsatisfied.add(id);
        this.removeInformationFrom(this.state.criteria, newlyUnsatisfied);
        this.pushNewState();
        if (repin) this.watchCycles();
        const earlier = this.seen ? this.earlierEqualState() : -1;
        if (earlier >= 0 && !await this.leaveCycle(earlier)) throw new ResolutionImpossible(this.state.backtrackCauses);
      }
    }
    if (maxRounds < MAX_ROUNDS) throw new RoundsExhausted();
    throw new JobError(`Resolution for ${this.provider.label} gave up after ${MAX_ROUNDS} rounds of backtracking; pin some versions to narrow the search.`);
  }
  /**
   * The stack position of an earlier state equal to the one just reached, or -1. Pins can unsettle each other
   * in a ring (d 6 needs a>=6, a 6 needs d!=6, d 3 needs a<6, a 4 needs d!=3, and round again) without any
   * pin failing, so resolvelib (pip too) would go round until its round limit; an equal state means the same
   * steps again.
   */
  earlierEqualState() {
    const last = this.states.length - 2;
    const reached = this.fingerprint(this.states[last]);
    const before = this.seen.get(reached);
    const at = before ? this.states.lastIndexOf(before) : -1;
    if (at >= 0 && at < last) return at;
    this.seen.set(reached, this.states[last]);
    return -1;
  }
  /** From the first re-pin on (before it, every pin adds one): fingerprint the states on the stack. */
  watchCycles() {
    if (this.seen) return;
    this.seen = /* @__PURE__ */ new Map();
    for (const state of this.states.slice(0, -1)) this.seen.set(this.fingerprint(state), state);
  }
  /** What decides the rest of the search from a state: its pins, and who asks what of each identifier. */
  fingerprint(state) {
    const known = this.fingerprints.get(state);
    if (known !== void 0) return known;
    const reqNumber = (req) => {
      if (!this.reqNumbers.has(req)) this.reqNumbers.set(req, this.reqCount++);
      return this.reqNumbers.get(req);
    };
    const parts = [...state.mapping.values()].map((c) => c.id).sort();
    for (const [id, c] of [...state.criteria].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
      const information = c.information.map((i) => `${i.parent?.id ?? ""}>${reqNumber(i.req)}`).sort();
      parts.push(`${id}:${information.join(",")}!${c.incompatibilities.map((x) => x.id).sort().join(",")}`);
    }
    parts.push(state.backtrackCauses.map((c) => `${c.parent?.identifier ?? ""}>${c.req.identifier}`).sort().join(","));
    const print = parts.join("\n");
    this.fingerprints.set(state, print);
    return print;
  }
  /**
   * Back at the state at `earlier`: the pin made from it leads round in a circle, so undo it and mark its
   * candidate incompatible there, as a pin whose dependencies conflict would be. False when nothing is left.
   */
  async leaveCycle(earlier) {
    const [name, candidate] = [...this.states[earlier + 1].mapping].pop();
    this.states.length = earlier + 1;
    this.pushNewState();
    if (await this.patchCriteria([[name, [candidate]]])) return true;
    const causes = this.state.criteria.get(name)?.information ?? [];
    this.state.backtrackCauses = [...causes];
    return this.backjump(causes);
  }
  pushNewState() {
    const s = this.state;
    this.states.push({ mapping: new Map(s.mapping), criteria: new Map(s.criteria), backtrackCauses: [...s.backtrackCauses] });
  }
  /** Starts listing projects and loading their best candidates so later awaits find them ready. */
  prefetch(reqs) {
    for (const r of reqs) if (r.kind === "spec") this.provider.prefetch(r.name, r.specifier);
  }
  requirementsOf(criteria, extra) {
    return (id) => {
      const list = (criteria.get(id)?.information ?? []).map((i) => i.req);
      if (extra && extra.id === id) list.push(extra.req);
      return list;
    };
  }
  /** The first usable candidate, dropping unusable ones from the front of the list. */
  async firstUsable(candidates) {
    while (candidates.length) {
      if (await this.provider.load(candidates[0])) return candidates[0];
      candidates.shift();
    }
    return void 0;
  }
  async addToCriteria(criteria, req, parent) {
    const id = req.identifier;
    const existing = criteria.get(id);
    const incompatibilities = existing ? [...existing.incompatibilities] : [];
    const candidates = await this.provider.findMatches(id, this.requirementsOf(criteria, { id, req }), (k) => k === id ? incompatibilities : criteria.get(k)?.incompatibilities ?? []);
    const information = existing ? [...existing.information, { req, parent }] : [{ req, parent }];
    const criterion = { candidates, information, incompatibilities };
    if (!await this.firstUsable(candidates)) throw new RequirementsConflicted(criterion);
    criteria.set(id, criterion);
  }
  isCurrentPinSatisfying(id, criterion) {
    const pin = this.state.mapping.get(id);
    if (!pin) return false;
    const known = this.pinChecks.get(criterion);
    if (known?.pin === pin) return known.satisfied;
    const satisfied = criterion.information.every((i) => this.provider.isSatisfiedBy(i.req, pin));
    this.pinChecks.set(criterion, { pin, satisfied });
    return satisfied;
  }
  /** pip's PipProvider.get_preference, as a tuple compared element by element. */
  preference(id) {
    const info = this.state.criteria.get(id)?.information ?? [];
    const hasInformation = info.length > 0;
    const operators = [];
    for (const i of info) if (i.req.kind === "spec") for (const s of i.req.specifier.specifiers) operators.push(s.operator);
    const direct = hasInformation;
    const pinned = operators.some((op) => op.startsWith("=="));
    const unfree = operators.length > 0;
    let inferredDepth;
    const requested = this.userRequested.get(id);
    if (requested !== void 0) inferredDepth = 1;
    else if (hasInformation) {
      let min = Number.POSITIVE_INFINITY;
      for (const i of info) {
        const d = i.parent ? this.knownDepths.get(i.parent.identifier) ?? Number.POSITIVE_INFINITY : 0;
        if (d < min) min = d;
      }
      inferredDepth = min + 1;
    } else inferredDepth = Number.POSITIVE_INFINITY;
    this.knownDepths.set(id, inferredDepth);
    const backtrackCause = this.state.backtrackCauses.some((c) => c.req.identifier === id || c.parent !== null && c.parent.identifier === id);
    return [
      id === PYTHON_IDENTIFIER ? 0 : 1,
      direct ? 0 : 1,
      pinned ? 0 : 1,
      backtrackCause ? 0 : 1,
      inferredDepth,
      requested ?? Number.POSITIVE_INFINITY,
      unfree ? 0 : 1,
      id
    ];
  }
  async attemptToPin(id) {
    const criterion = this.state.criteria.get(id);
    const causes = [];
    for (let i = 0; i < criterion.candidates.length; i++) {
      const candidate = criterion.candidates[i];
      if (!await this.provider.load(candidate)) continue;
      let criteria;
      try {
        criteria = await this.updatedCriteria(candidate);
      } catch (err) {
        if (err instanceof RequirementsConflicted) {
          causes.push(err.criterion);
          continue;
        }
        throw err;
      }
      const satisfied = criterion.information.every((inf) => this.provider.isSatisfiedBy(inf.req, candidate));
      if (!satisfied) throw new Error(`internal: candidate ${candidate.id} does not satisfy the requirements on ${id}`);
      for (const [k, v] of criteria.changes) this.state.criteria.set(k, v);
      this.state.mapping.delete(id);
      this.state.mapping.set(id, candidate);
      this.hooks.pinned?.(candidate, this.state.mapping.size);
      return [];
    }
    return causes;
  }
  async updatedCriteria(candidate) {
    const criteria = new CriteriaChanges(this.state.criteria);
    const deps = candidate.deps;
    this.prefetch(deps);
    for (const req of deps) await this.addToCriteria(criteria, req, candidate);
    return criteria;
  }
  async backjump(causes) {
    const incompatibleDeps = /* @__PURE__ */ new Set();
    for (const c of causes) if (c.parent) incompatibleDeps.add(c.parent.identifier);
    for (const c of causes) incompatibleDeps.add(c.req.identifier);
    while (this.states.length >= 3) {
      this.states.pop();
      let brokenState;
      let name = "";
      let candidate;
      let incompatibleState = false;
      while (!incompatibleState) {
        if (brokenState) this.backjumpSkipped = true;
        brokenState = this.states.pop();
        const last = brokenState ? [...brokenState.mapping.entries()].pop() : void 0;
        if (!brokenState || !last) throw new ResolutionImpossible(causes);
        [name, candidate] = last;
        brokenState.mapping.delete(name);
        const current = new Set((candidate.deps ?? []).map((d) => d.identifier));
        incompatibleState = !this.backjumping || [...current].some((d) => incompatibleDeps.has(d));
      }
      const fromBroken = [...brokenState.criteria.entries()].map(([k, v]) => [k, [...v.incompatibilities]]);
      fromBroken.push([name, [candidate]]);
      this.pushNewState();
      if (await this.patchCriteria(fromBroken)) return true;
    }
    return false;
  }
  async patchCriteria(fromBroken) {
    for (const [k, incompatibilities] of fromBroken) {
      if (incompatibilities.length === 0) continue;
      const criterion = this.state.criteria.get(k);
      if (!criterion) continue;
      const criteria = this.state.criteria;
      const candidates = await this.provider.findMatches(
        k,
        this.requirementsOf(criteria),
        (id) => id === k ? [...criterion.incompatibilities, ...incompatibilities] : criteria.get(id)?.incompatibilities ?? []
      );
      if (!await this.firstUsable(candidates)) return false;
      incompatibilities.push(...criterion.incompatibilities);
      criteria.set(k, { candidates, information: [...criterion.information], incompatibilities });
    }
    return true;
  }
  /**
   * Pins, reachable from the user's requirements, with a dependency the final pins do not meet or that is
   * not reachable (so the result would leave it out). resolvelib (pip 24 too) can end so: a pin whose
   * criterion became unsatisfied loses its dependencies' information, and when the requirement that
   * unsettled it goes away the old pin counts as satisfied again without its dependencies being added back
   * (the random-graph oracle finds such sets). Unpinning it makes the search pin it again, dependencies and
   * all; answers whose dependencies are all met and present are left as they are.
   */
  pinsWithUnmetDependencies() {
    const { mapping, criteria } = this.state;
    const reachable = /* @__PURE__ */ new Set();
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, c] of criteria) {
        if (reachable.has(id)) continue;
        if (c.information.some((i) => i.parent === null || reachable.has(i.parent.identifier) && mapping.get(i.parent.identifier) === i.parent)) {
          reachable.add(id);
          grew = true;
        }
      }
    }
    return [...reachable].filter((id) => {
      const deps = mapping.get(id)?.deps ?? [];
      return deps.some((d) => {
        const pin = mapping.get(d.identifier);
        return !pin || !reachable.has(d.identifier) || !this.provider.isSatisfiedBy(d, pin);
      });
    });
  }
  removeInformationFrom(criteria, parents) {
    if (parents.size === 0) return;
    for (const [k, c] of criteria) {
      criteria.set(k, {
        candidates: c.candidates,
        information: c.information.filter((i) => i.parent === null || !parents.has(i.parent.identifier)),
        incompatibilities: c.incompatibilities
      });
    }
  }
};
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}

// src/resolve/resolver.ts
async function resolve(request) {
  if (request.targets.length === 0) throw new UsageError("Nothing to resolve for: no target platform was given.");
  const metadata = request.metadata ?? new MetadataStore(request.source);
  const out = [];
  for (const target of request.targets) {
    out.push(await resolveTarget(request, target, metadata));
  }
  return { targets: out };
}
function constraintsFor(constraints, env) {
  const byName = /* @__PURE__ */ new Map();
  for (const c of constraints) {
    if (c.marker && !evaluateMarker(c.marker, env)) continue;
    if (c.url !== null) throw new UsageError(`The constraint ${c.toString()} names a URL; constraints can only limit versions (name and specifier).`);
    const name = canonicalName(c.name);
    const prior = byName.get(name);
    byName.set(name, prior ? new SpecifierSet([...prior.specifiers, ...c.specifier.specifiers]) : c.specifier);
  }
  return byName;
}
async function resolveTarget(request, target, metadata) {
  const env = target.markerEnvironment;
  const constraints = constraintsFor(request.constraints ?? [], env);
  const provider = new Provider({
    target,
    metadata,
    pre: request.pre ?? false,
    allowSdists: request.allowSdists ?? true,
    ...request.hashes ? { hashes: request.hashes } : {},
    ...request.formatControl ? { formatControl: request.formatControl } : {},
    preferBinary: request.preferBinary ?? false,
    constraints,
    ...request.dependencies ? { dependencies: request.dependencies } : {}
  });
  const label = target.label;
  const progress = request.onProgress;
  progress?.({ kind: "start", target: label, pinned: 0 });
  const roots = request.requirements.filter((r) => (!r.marker || evaluateMarker(r.marker, env)) && !excludedByName(request.dependencies, r.canonicalName, env)).map((r) => provider.requirementsFrom(r));
  const engine = new Engine(provider, {
    pinned: (c, count) => {
      if (c.kind !== "python" && c.kind !== "extras") progress?.({ kind: "pinned", target: label, name: c.name, version: c.version.toString(), pinned: count });
    },
    backtracked: () => progress?.({ kind: "backtrack", target: label, pinned: 0 })
  });
  let result;
  try {
    result = await engine.resolve(roots);
  } catch (err) {
    if (!(err instanceof ResolutionImpossible)) throw err;
    const finalCriteria = engine.lastCriteria();
    throw await conflictError({
      provider,
      causes: err.causes,
      requirersOf: (id) => finalCriteria.get(id)?.information ?? [],
      constraints
    });
  }
  const distributions = withoutExcluded(buildDistributions(result), request.dependencies, env);
  progress?.({ kind: "done", target: label, pinned: distributions.length });
  return { target, distributions };
}
function buildDistributions(result) {
  const { mapping, criteria } = result;
  const pinnedIds = /* @__PURE__ */ new Map();
  for (const [id, c] of mapping) pinnedIds.set(c.id, id);
  const connected = /* @__PURE__ */ new Set();
  const visiting = /* @__PURE__ */ new Set();
  const hasRoute = (key) => {
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
        if (pkey === void 0) continue;
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
  const byName = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let e = byName.get(name);
    if (!e) byName.set(name, e = { extras: /* @__PURE__ */ new Set(), requested: false, requiredBy: /* @__PURE__ */ new Set(), dependencies: /* @__PURE__ */ new Set() });
    return e;
  };
  for (const [id, c] of mapping) {
    if (id === PYTHON_IDENTIFIER || !hasRoute(id)) continue;
    const e = entry(c.name);
    if (c.kind === "extras") c.extras.forEach((x) => e.extras.add(x));
    else e.base = c;
    for (const info of criteria.get(id)?.information ?? []) {
      if (info.parent === null) e.requested = true;
      else if (pinnedIds.has(info.parent.id) && info.parent.name !== c.name) {
        e.requiredBy.add(info.parent.name);
        entry(info.parent.name).dependencies.add(c.name);
      }
    }
  }
  const out = [];
  for (const [name, e] of byName) {
    const c = e.base;
    if (!c || !c.file) continue;
    const needsBuild = !c.file.filename.toLowerCase().endsWith(".whl");
    out.push({
      name,
      version: c.version.toString(),
      file: c.file,
      needsBuild,
      extras: [...e.extras].sort(),
      requested: e.requested,
      requiredBy: [...e.requiredBy].sort(),
      dependencies: [...e.dependencies].filter((d) => byName.get(d)?.base).sort(),
      ...c.kind === "url" ? { url: c.file.url } : {},
      ...c.dist?.requiresPythonText ? { requiresPython: c.dist.requiresPythonText } : {}
    });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function withoutExcluded(dists, config, env) {
  const versioned = config?.excludes.filter((e) => e.specifier.size > 0 && (!e.marker || evaluateMarker(e.marker, env))) ?? [];
  if (!versioned.length) return dists;
  const byName = new Map(dists.map((d) => [d.name, d]));
  const excluded = new Set(dists.filter((d) => versioned.some((e) => e.canonicalName === d.name && e.specifier.contains(d.version, { prereleases: true }))).map((d) => d.name));
  const kept = /* @__PURE__ */ new Set();
  const visit = (name) => {
    if (kept.has(name) || excluded.has(name) || !byName.has(name)) return;
    kept.add(name);
    byName.get(name).dependencies.forEach(visit);
  };
  dists.filter((d) => d.requested).forEach((d) => visit(d.name));
  return dists.filter((d) => kept.has(d.name)).map((d) => ({ ...d, requiredBy: d.requiredBy.filter((n) => kept.has(n)), dependencies: d.dependencies.filter((n) => kept.has(n)) }));
}

export {
  resolve
};
