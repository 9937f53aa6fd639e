/**
 * Turning a failed resolution into a message a person can act on: which requirements clash (with the chain
 * of packages that brought each in), or, when one requirement alone cannot be met, every version of the
 * project and why each was turned down (Requires-Python, no wheel for the target, yanked, pre-release, …).
 */
import { JobError } from '../errors.js';
import { SpecifierSet } from '../python/pep440.js';
import type { Information } from './engine.js';
import { PYTHON_IDENTIFIER, type Candidate, type Provider, type Req } from './provider.js';

const MAX_VERSION_LINES = 15;

export interface ConflictContext {
  provider: Provider;
  causes: Information[];
  /** Who asked for each identifier in the final state (for "required by" chains). */
  requirersOf: (identifier: string) => Information[];
  constraints: Map<string, SpecifierSet>;
}

function describeReq(req: Req): string {
  switch (req.kind) {
    case 'spec':
      return req.source.toString().split(';')[0].trim();
    case 'explicit':
      return req.source ? req.source.toString().split(';')[0].trim() : `${req.candidate.name}==${req.candidate.version}`;
    case 'python':
      return `Python ${req.text}`;
  }
}

function describeCandidate(c: Candidate): string {
  const extras = c.extras.length ? `[${c.extras.join(',')}]` : '';
  return `${c.name}${extras} ${c.version}`;
}

/** "b 1.0 (needed by app 2.0, which you asked for)". */
function chainOf(parent: Candidate | null, ctx: ConflictContext): string {
  if (!parent) return 'you asked for';
  const hops: string[] = [describeCandidate(parent)];
  const seen = new Set([parent.identifier]);
  let current: Candidate | null = parent;
  while (current && hops.length < 6) {
    const info: Information[] = ctx.requirersOf(current.identifier);
    const next: Information | undefined = info.find((i) => i.parent === null) ?? info[0];
    if (!next || next.parent === null || seen.has(next.parent.identifier)) break;
    current = next.parent;
    seen.add(current.identifier);
    hops.push(describeCandidate(current));
  }
  return `${hops.join(' ← ')} requires`;
}

function versionLines(lines: string[]): string {
  const shown = lines.slice(0, MAX_VERSION_LINES).map((l) => `    ${l}`);
  if (lines.length > MAX_VERSION_LINES) shown.push(`    … and ${lines.length - MAX_VERSION_LINES} older versions`);
  return shown.join('\n');
}

/** Builds the JobError for a failed resolution on one target. */
export async function conflictError(ctx: ConflictContext): Promise<JobError> {
  const { provider, causes } = ctx;
  const label = provider.label;
  const causeList = dedupe(causes);

  // Requires-Python that the target cannot meet.
  const pythonCauses = causeList.filter((c) => c.req.kind === 'python');
  if (pythonCauses.length && pythonCauses.length === causeList.length) {
    const lines = pythonCauses.map((c) => `  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    return new JobError(
      `Cannot resolve for ${label}: the target's Python ${provider.pythonVersion} does not satisfy\n${lines.join('\n')}\n` +
        'Pick a target with a newer or older Python, or pin a version of these packages that supports it.',
    );
  }

  const names = [...new Set(causeList.filter((c) => c.req.kind !== 'python').map((c) => c.req.name))];

  // A project no index knows.
  for (const name of names) {
    const files = await provider.files(name);
    if (files.length === 0) {
      const who = causeList.filter((c) => c.req.name === name).map((c) => `${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
      return new JobError(
        `Cannot resolve for ${label}: no package named ${name} exists on the configured indexes or find-links sources ` +
          `(${who.join('; ')}). Check the spelling, or add the index that hosts it (--index-url/--extra-index-url/-f).`,
      );
    }
  }

  // One requirement that nothing satisfies, even alone.
  for (const c of causeList) {
    if (c.req.kind !== 'spec') continue;
    const constraint = ctx.constraints.get(c.req.name);
    const spec = constraint ? new SpecifierSet([...c.req.specifier.specifiers, ...constraint.specifiers]) : c.req.specifier;
    const alone = await provider.findMatches(c.req.identifier, (id) => (id === c.req.identifier ? [c.req] : []), () => []);
    let usable = false;
    for (const cand of alone) {
      if (await provider.load(cand)) {
        usable = true;
        break;
      }
    }
    if (usable) continue;
    const { lines } = await provider.explainVersions(c.req.name, spec);
    const constrained = constraint ? ` (with the constraint ${c.req.name}${constraint.toString()})` : '';
    return new JobError(
      `Cannot resolve for ${label}: no matching distribution for ${describeReq(c.req)}${constrained}, which ${chainOf(c.parent, ctx)}.\n` +
        `  Versions of ${c.req.name}:\n${versionLines(lines)}\n` +
        hintFor(lines),
    );
  }

  // A true conflict between requirements.
  const lines: string[] = [];
  for (const name of names) {
    const onName = causeList.filter((c) => c.req.name === name);
    for (const c of onName) lines.push(`  - ${chainOf(c.parent, ctx)} ${describeReq(c.req)}`);
    const specs = onName.flatMap((c) => (c.req.kind === 'spec' ? [...c.req.specifier.specifiers] : []));
    const { versions } = await provider.explainVersions(name, specs.length ? new SpecifierSet(specs) : null);
    const shown = versions.slice(0, MAX_VERSION_LINES).join(', ') + (versions.length > MAX_VERSION_LINES ? ', …' : '');
    lines.push(`    no version of ${name} satisfies all of these (available: ${shown || 'none'})`);
  }
  return new JobError(
    `Cannot resolve for ${label}: the requirements conflict.\n${lines.join('\n')}\n` +
      'Loosen one of these requirements, or pin the packages that bring them in to versions that agree.',
  );
}

function dedupe(causes: Information[]): Information[] {
  const seen = new Set<string>();
  const out: Information[] = [];
  for (const c of causes) {
    const key = `${c.parent?.id ?? ''}|${describeReq(c.req)}|${c.req.identifier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

function hintFor(lines: string[]): string {
  const text = lines.join('\n');
  if (lines.length === 0) return 'The project lists no files.';
  if (/do not fit/.test(text)) return 'No wheel fits the target: pick another --platform, or a version that publishes wheels for it.';
  if (/requires Python/.test(text)) return 'Pick a target Python that these versions support, or a version that supports the target.';
  if (/pre-release/.test(text)) return 'Only pre-releases match: pass --pre, or name a pre-release in the requirement.';
  if (/yanked/.test(text)) return 'Only yanked versions match: pin one with == if you really want it.';
  return 'Loosen the requirement, or check which versions the index offers.';
}

export { PYTHON_IDENTIFIER };
