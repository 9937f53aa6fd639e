/**
 * pex's dependency configuration: `--exclude REQ`, `--override REQ` (or `--override NAME=REQ`) and
 * `--no-transitive`, with pex's meanings.
 *
 * - An override replaces every dependency any distribution declares on that project (whatever its extras,
 *   specifier or marker) with the given requirement; `NAME=REQ` swaps in another project. An override with
 *   a marker applies only to targets the marker matches; two that apply to one target are an error.
 * - An exclude drops the project from the resolve with every dependency that only it needed; nothing of it
 *   is fetched. With a version specifier, only a resolved version it admits is dropped (after resolving).
 * - No-transitive installs the requirements given and none of their dependencies.
 */
import { UsageError } from '../errors.js';
import { canonicalName, evaluateMarker, parseRequirement, type Requirement } from '../python/pep508.js';

export interface Override {
  /** Canonical name of the project whose dependencies are replaced. */
  project: string;
  requirement: Requirement;
  /** As given, for PEX-INFO's `overridden`. */
  text: string;
}

export interface DependencyConfig {
  excludes: Requirement[];
  overrides: Override[];
  transitive: boolean;
}

const PROJECT = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*=\s*([A-Za-z0-9].*)$/;

function parse(flag: string, text: string): Requirement {
  try {
    return parseRequirement(text.trim());
  } catch (e) {
    throw new UsageError(`${flag} '${text}' is not a requirement: ${(e as Error).message.split('\n')[0]}. Write it as PEP 508, e.g. ${flag} 'cowsay==5.0'.`);
  }
}

export function parseOverride(text: string): Override {
  // `name=req` (one '='), not `name==1.0`: the character after the '=' starts a project name.
  const m = PROJECT.exec(text);
  const requirement = parse('--override', m ? m[2] : text);
  if (requirement.url !== null) {
    throw new UsageError(`--override '${text}' names a URL; an override is a project name with a version specifier, extras or a marker.`);
  }
  return { project: canonicalName(m ? m[1] : requirement.name), requirement, text: text.trim() };
}

export function parseExclude(text: string): Requirement {
  const requirement = parse('--exclude', text);
  if (requirement.url !== null) throw new UsageError(`--exclude '${text}' names a URL; give the project name (and a version specifier if needed).`);
  return requirement;
}

export function parseDependencyConfig(excludes: string[], overrides: string[], transitive: boolean): DependencyConfig {
  return { excludes: excludes.map(parseExclude), overrides: overrides.map(parseOverride), transitive };
}

/** The one override that applies to `project` on this target, if any. */
export function overrideFor(config: DependencyConfig | undefined, project: string, env: Record<string, string>): Requirement | undefined {
  if (!config?.overrides.length) return undefined;
  const applicable = config.overrides.filter((o) => o.project === project && (!o.requirement.marker || evaluateMarker(o.requirement.marker, env)));
  if (applicable.length > 1) {
    throw new UsageError(`more than one --override applies to ${project} on this target (${applicable.map((o) => `'${o.text}'`).join(', ')}); give each project one override per target (use markers to tell them apart).`);
  }
  return applicable[0]?.requirement;
}

/** Whether requirements on `project` are dropped while resolving: an exclude without a version specifier. */
export function excludedByName(config: DependencyConfig | undefined, project: string, env: Record<string, string>): boolean {
  return !!config?.excludes.some((e) => e.canonicalName === project && e.specifier.size === 0 && (!e.marker || evaluateMarker(e.marker, env)));
}
