/**
 * The backtracking search, shaped like resolvelib 1.0 (what pip 24.2 runs) so that we reach the same
 * solution as pip where pip finds one: the same choice of which identifier to pin next (pip's preference
 * key), candidates newest first, the same backjumping with remembered incompatibilities, and the same
 * rule for giving up.
 *
 * A state holds the pins so far (in pin order) and one criterion per identifier: every requirement seen on
 * it (with the candidate that asked), the candidates still possible, and the candidates known not to work.
 */
import { JobError } from '../errors.js';
import { PYTHON_IDENTIFIER, type Candidate, type Provider, type Req } from './provider.js';

export interface Information {
  req: Req;
  /** The candidate whose dependency this is; null for the user's own requirements. */
  parent: Candidate | null;
}

export interface Criterion {
  /** Possible candidates, best first; not yet loaded (unusable ones are dropped when met). */
  candidates: Candidate[];
  information: Information[];
  incompatibilities: Candidate[];
}

interface State {
  mapping: Map<string, Candidate>;
  criteria: Map<string, Criterion>;
  backtrackCauses: Information[];
}

/** What adding requirements reads and writes of a set of criteria. */
interface CriteriaView {
  get(id: string): Criterion | undefined;
  set(id: string, criterion: Criterion): void;
}

/**
 * Criteria as `base` has them with some replaced, without copying `base` (resolvelib copies the whole map
 * for every candidate it tries; applying `changes` in order gives the same map, entries in the same order).
 */
class CriteriaChanges implements CriteriaView {
  readonly changes = new Map<string, Criterion>();

  constructor(private readonly base: ReadonlyMap<string, Criterion>) {}

  get(id: string): Criterion | undefined {
    return this.changes.get(id) ?? this.base.get(id);
  }

  set(id: string, criterion: Criterion): void {
    this.changes.set(id, criterion);
  }
}

/** A criterion that has no candidate left. */
class RequirementsConflicted extends Error {
  constructor(readonly criterion: Criterion) {
    super('requirements conflicted');
  }
}

/** A search with a smaller budget than MAX_ROUNDS used it up. */
class RoundsExhausted extends Error {}

/** The search failed; `causes` are the requirements of the last conflict. */
export class ResolutionImpossible extends Error {
  constructor(readonly causes: Information[]) {
    super('resolution impossible');
  }
}

export interface EngineResult {
  mapping: Map<string, Candidate>;
  criteria: Map<string, Criterion>;
}

export interface EngineHooks {
  pinned?(candidate: Candidate, count: number): void;
  backtracked?(): void;
}

const MAX_ROUNDS = 200_000;

export class Engine {
  private states: State[] = [];
  private readonly knownDepths = new Map<string, number>();
  /**
   * The last pin each criterion was checked against, and the answer. A criterion is never changed, only
   * replaced, and every round checks them all (twice): most answers are the same as in the round before.
   */
  private readonly pinChecks = new WeakMap<Criterion, { pin: Candidate; satisfied: boolean }>();
  private readonly userRequested = new Map<string, number>();
  private conflictCriteria: Map<string, Criterion> | undefined;
  /** Fingerprints of states, once the search has re-pinned something (only then can it go round in circles). */
  private readonly fingerprints = new WeakMap<State, string>();
  private readonly reqNumbers = new WeakMap<Req, number>();
  private reqCount = 0;
  /** Fingerprint → the state that had it, for the states on the stack; undefined until cycles are watched. */
  private seen: Map<string, State> | undefined;

  constructor(
    private readonly provider: Provider,
    private readonly hooks: EngineHooks = {},
  ) {}

  /** The criteria when the last conflict was met (for explaining who asked for what). */
  lastCriteria(): Map<string, Criterion> {
    return this.conflictCriteria ?? (this.states.length ? this.state.criteria : new Map());
  }

  private get state(): State {
    return this.states[this.states.length - 1];
  }

  /**
   * resolvelib 1.0's backjumping can skip the one pin whose change would solve the conflict, and then report
   * no solution where one exists (resolvelib issues 134 and 206; the random-graph oracle finds such sets).
   * When a search that skipped pins fails, search again backtracking one pin at a time: answers pip finds
   * are unchanged, and sets pip wrongly gives up on are resolved. The second search gets a few times the
   * rounds of the first; a real conflict in a large set then still ends soon, with the first explanation.
   */
  async resolve(roots: Req[][]): Promise<EngineResult> {
    try {
      return await this.search(roots, MAX_ROUNDS);
    } catch (err) {
      if (!(err instanceof ResolutionImpossible) || !this.backjumpSkipped) throw err;
      const firstConflict = this.conflictCriteria;
      this.backjumping = false;
      this.knownDepths.clear();
      try {
        return await this.search(roots, Math.min(MAX_ROUNDS, Math.max(1_000, 4 * this.rounds)));
      } catch (again) {
        if (!(again instanceof ResolutionImpossible) && !(again instanceof RoundsExhausted)) throw again;
        this.conflictCriteria = firstConflict;
        throw err;
      }
    }
  }

  private backjumping = true;
  /** Whether a backjump went past a pin that backtracking one step at a time would have tried to change. */
  private backjumpSkipped = false;
  /** Rounds the last search took. */
  private rounds = 0;

  private async search(roots: Req[][], maxRounds: number): Promise<EngineResult> {
    this.states = [{ mapping: new Map(), criteria: new Map(), backtrackCauses: [] }];
    this.seen = undefined;
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
        const newlyUnsatisfied = new Set<string>();
        for (const [id, c] of this.state.criteria) if (satisfied.has(id) && !this.isCurrentPinSatisfying(id, c)) newlyUnsatisfied.add(id);
        this.removeInformationFrom(this.state.criteria, newlyUnsatisfied);
        this.pushNewState();
        if (repin) this.watchCycles();
        const earlier = this.seen ? this.earlierEqualState() : -1;
        if (earlier >= 0 && !(await this.leaveCycle(earlier))) throw new ResolutionImpossible(this.state.backtrackCauses);
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
  private earlierEqualState(): number {
    const last = this.states.length - 2;
    const reached = this.fingerprint(this.states[last]);
    const before = this.seen!.get(reached);
    const at = before ? this.states.lastIndexOf(before) : -1;
    if (at >= 0 && at < last) return at;
    this.seen!.set(reached, this.states[last]);
    return -1;
  }

  /** From the first re-pin on (before it, every pin adds one): fingerprint the states on the stack. */
  private watchCycles(): void {
    if (this.seen) return;
    this.seen = new Map();
    for (const state of this.states.slice(0, -1)) this.seen.set(this.fingerprint(state), state);
  }

  /** What decides the rest of the search from a state: its pins, and who asks what of each identifier. */
  private fingerprint(state: State): string {
    const known = this.fingerprints.get(state);
    if (known !== undefined) return known;
    const reqNumber = (req: Req) => {
      if (!this.reqNumbers.has(req)) this.reqNumbers.set(req, this.reqCount++);
      return this.reqNumbers.get(req)!;
    };
    const parts = [...state.mapping.values()].map((c) => c.id).sort();
    for (const [id, c] of [...state.criteria].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const information = c.information.map((i) => `${i.parent?.id ?? ''}>${reqNumber(i.req)}`).sort();
      parts.push(`${id}:${information.join(',')}!${c.incompatibilities.map((x) => x.id).sort().join(',')}`);
    }
    parts.push(state.backtrackCauses.map((c) => `${c.parent?.identifier ?? ''}>${c.req.identifier}`).sort().join(','));
    const print = parts.join('\n');
    this.fingerprints.set(state, print);
    return print;
  }

  /**
   * Back at the state at `earlier`: the pin made from it leads round in a circle, so undo it and mark its
   * candidate incompatible there, as a pin whose dependencies conflict would be. False when nothing is left.
   */
  private async leaveCycle(earlier: number): Promise<boolean> {
    const [name, candidate] = [...this.states[earlier + 1].mapping].pop()!;
    this.states.length = earlier + 1;
    this.pushNewState();
    if (await this.patchCriteria([[name, [candidate]]])) return true;
    const causes = this.state.criteria.get(name)?.information ?? [];
    this.state.backtrackCauses = [...causes];
    return this.backjump(causes);
  }

  private pushNewState(): void {
    const s = this.state;
    this.states.push({ mapping: new Map(s.mapping), criteria: new Map(s.criteria), backtrackCauses: [...s.backtrackCauses] });
  }

  /** Starts listing projects and loading their best candidates so later awaits find them ready. */
  private prefetch(reqs: Req[]): void {
    for (const r of reqs) if (r.kind === 'spec') this.provider.prefetch(r.name, r.specifier);
  }

  private requirementsOf(criteria: CriteriaView, extra?: { id: string; req: Req }): (id: string) => Req[] {
    return (id: string) => {
      const list = (criteria.get(id)?.information ?? []).map((i) => i.req);
      if (extra && extra.id === id) list.push(extra.req);
      return list;
    };
  }

  /** The first usable candidate, dropping unusable ones from the front of the list. */
  private async firstUsable(candidates: Candidate[]): Promise<Candidate | undefined> {
    while (candidates.length) {
      if (await this.provider.load(candidates[0])) return candidates[0];
      candidates.shift();
    }
    return undefined;
  }

  private async addToCriteria(criteria: CriteriaView, req: Req, parent: Candidate | null): Promise<void> {
    const id = req.identifier;
    const existing = criteria.get(id);
    const incompatibilities = existing ? [...existing.incompatibilities] : [];
    const candidates = await this.provider.findMatches(id, this.requirementsOf(criteria, { id, req }), (k) => (k === id ? incompatibilities : (criteria.get(k)?.incompatibilities ?? [])));
    const information = existing ? [...existing.information, { req, parent }] : [{ req, parent }];
    const criterion: Criterion = { candidates, information, incompatibilities };
    if (!(await this.firstUsable(candidates))) throw new RequirementsConflicted(criterion);
    criteria.set(id, criterion);
  }

  private isCurrentPinSatisfying(id: string, criterion: Criterion): boolean {
    const pin = this.state.mapping.get(id);
    if (!pin) return false;
    const known = this.pinChecks.get(criterion);
    if (known?.pin === pin) return known.satisfied;
    const satisfied = criterion.information.every((i) => this.provider.isSatisfiedBy(i.req, pin));
    this.pinChecks.set(criterion, { pin, satisfied });
    return satisfied;
  }

  /** pip's PipProvider.get_preference, as a tuple compared element by element. */
  private preference(id: string): (number | string)[] {
    const info = this.state.criteria.get(id)?.information ?? [];
    const hasInformation = info.length > 0;
    const operators: string[] = [];
    for (const i of info) if (i.req.kind === 'spec') for (const s of i.req.specifier.specifiers) operators.push(s.operator);
    // pip computes `direct` from a tuple that is never None, so it is true whenever there is information.
    const direct = hasInformation;
    const pinned = operators.some((op) => op.startsWith('=='));
    const unfree = operators.length > 0;
    let inferredDepth: number;
    const requested = this.userRequested.get(id);
    if (requested !== undefined) inferredDepth = 1;
    else if (hasInformation) {
      let min = Number.POSITIVE_INFINITY;
      for (const i of info) {
        const d = i.parent ? (this.knownDepths.get(i.parent.identifier) ?? Number.POSITIVE_INFINITY) : 0;
        if (d < min) min = d;
      }
      inferredDepth = min + 1;
    } else inferredDepth = Number.POSITIVE_INFINITY;
    this.knownDepths.set(id, inferredDepth);
    const backtrackCause = this.state.backtrackCauses.some((c) => c.req.identifier === id || (c.parent !== null && c.parent.identifier === id));
    return [
      id === PYTHON_IDENTIFIER ? 0 : 1,
      direct ? 0 : 1,
      pinned ? 0 : 1,
      backtrackCause ? 0 : 1,
      inferredDepth,
      requested ?? Number.POSITIVE_INFINITY,
      unfree ? 0 : 1,
      id,
    ];
  }

  private async attemptToPin(id: string): Promise<Criterion[]> {
    const criterion = this.state.criteria.get(id)!;
    const causes: Criterion[] = [];
    // Iterate over a snapshot: the list may shrink as unusable candidates are found.
    for (let i = 0; i < criterion.candidates.length; i++) {
      const candidate = criterion.candidates[i];
      if (!(await this.provider.load(candidate))) continue;
      let criteria: CriteriaChanges;
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

  private async updatedCriteria(candidate: Candidate): Promise<CriteriaChanges> {
    const criteria = new CriteriaChanges(this.state.criteria);
    const deps = candidate.deps!;
    this.prefetch(deps);
    for (const req of deps) await this.addToCriteria(criteria, req, candidate);
    return criteria;
  }

  private async backjump(causes: Information[]): Promise<boolean> {
    const incompatibleDeps = new Set<string>();
    for (const c of causes) if (c.parent) incompatibleDeps.add(c.parent.identifier);
    for (const c of causes) incompatibleDeps.add(c.req.identifier);
    while (this.states.length >= 3) {
      this.states.pop();
      let brokenState: State | undefined;
      let name = '';
      let candidate: Candidate | undefined;
      let incompatibleState = false;
      while (!incompatibleState) {
        if (brokenState) this.backjumpSkipped = true;
        brokenState = this.states.pop();
        const last = brokenState ? [...brokenState.mapping.entries()].pop() : undefined;
        if (!brokenState || !last) throw new ResolutionImpossible(causes);
        [name, candidate] = last;
        brokenState.mapping.delete(name);
        const current = new Set((candidate.deps ?? []).map((d) => d.identifier));
        incompatibleState = !this.backjumping || [...current].some((d) => incompatibleDeps.has(d));
      }
      const fromBroken: [string, Candidate[]][] = [...brokenState!.criteria.entries()].map(([k, v]) => [k, [...v.incompatibilities]]);
      fromBroken.push([name, [candidate!]]);
      this.pushNewState();
      if (await this.patchCriteria(fromBroken)) return true;
    }
    return false;
  }

  private async patchCriteria(fromBroken: [string, Candidate[]][]): Promise<boolean> {
    for (const [k, incompatibilities] of fromBroken) {
      if (incompatibilities.length === 0) continue;
      const criterion = this.state.criteria.get(k);
      if (!criterion) continue;
      const criteria = this.state.criteria;
      // Like resolvelib's IteratorMapping: the new incompatibilities come on top of the ones already known.
      const candidates = await this.provider.findMatches(k, this.requirementsOf(criteria), (id) =>
        id === k ? [...criterion.incompatibilities, ...incompatibilities] : (criteria.get(id)?.incompatibilities ?? []),
      );
      if (!(await this.firstUsable(candidates))) return false;
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
  private pinsWithUnmetDependencies(): string[] {
    const { mapping, criteria } = this.state;
    const reachable = new Set<string>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const [id, c] of criteria) {
        if (reachable.has(id)) continue;
        if (c.information.some((i) => i.parent === null || (reachable.has(i.parent.identifier) && mapping.get(i.parent.identifier) === i.parent))) {
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

  private removeInformationFrom(criteria: Map<string, Criterion>, parents: Set<string>): void {
    if (parents.size === 0) return;
    for (const [k, c] of criteria) {
      criteria.set(k, {
        candidates: c.candidates,
        information: c.information.filter((i) => i.parent === null || !parents.has(i.parent.identifier)),
        incompatibilities: c.incompatibilities,
      });
    }
  }
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}
