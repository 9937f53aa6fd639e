/**
 * Distribution file names: wheels (PEP 427 / the binary distribution format spec, with PEP 425 compressed
 * tag sets) and source distributions, plus PEP 503 name normalisation.
 *
 * Public API:
 * - `canonicalizeName(name): string` — PEP 503: lower case, runs of `-`, `_`, `.` become one `-`.
 * - `isValidProjectName(name): boolean` — PEP 508 project name (letters, digits, `-_.`, alnum at both ends).
 * - `parseWheelFilename(filename): WheelFilename` — `{filename, name, distName, version, build?, tags, …}`;
 *   throws `InvalidWheelFilename` (a `UsageError`) naming the file and what is wrong.
 * - `expandCompressedTags('py2.py3-none-any'): string[]` — every `python-abi-platform` triple in a tag set.
 * - `parseSdistFilename(filename, projectName?): SdistFilename` — `name-version.tar.gz|.zip` (best effort);
 *   throws `InvalidSdistFilename`.
 * - `wheelRank(wheel, target): number | undefined` — the wheel's best (lowest) index in the target's ordered
 *   tag list, or undefined when it does not fit; `wheelSupported(wheel, target): boolean`.
 * - `compareWheelsForTarget(a, b, target)` — sort helper: best tag first, then the higher build number.
 *
 * `target` is anything with an ordered `tags` list (a `Target` from platform.ts fits).
 */
import { UsageError } from '../errors.js';
import { scanPlainVersion } from './pep440.js';
import { tagPriority } from './tags.js';

/** A wheel or sdist file name that does not follow the naming rules. */
export class InvalidWheelFilename extends UsageError {
  constructor(
    readonly filename: string,
    reason: string,
  ) {
    super(`invalid wheel file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION[-BUILD]-PYTHON-ABI-PLATFORM.whl, e.g. requests-2.32.3-py3-none-any.whl)`);
    this.name = 'InvalidWheelFilename';
  }
}

export class InvalidSdistFilename extends UsageError {
  constructor(
    readonly filename: string,
    reason: string,
  ) {
    super(`invalid source distribution file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION.tar.gz or NAME-VERSION.zip)`);
    this.name = 'InvalidSdistFilename';
  }
}

export interface WheelFilename {
  /** The file name as given (without any directory). */
  filename: string;
  /** PEP 503 canonical project name, e.g. `typing-extensions`. */
  name: string;
  /** The name exactly as written in the file name, e.g. `typing_extensions`. */
  distName: string;
  /** The version as written (PEP 440, not normalised: hand it to pep440 for comparisons). */
  version: string;
  /** Optional build tag: its leading number and the rest, e.g. `1abc` → [1, 'abc']. */
  build?: { number: number; suffix: string; text: string };
  /** Every tag the wheel carries, expanded from compressed sets, e.g. ['py2-none-any', 'py3-none-any']. */
  tags: string[];
  pythonTags: string[];
  abiTags: string[];
  platformTags: string[];
}

export interface SdistFilename {
  filename: string;
  /** PEP 503 canonical project name. */
  name: string;
  /** The name as written in the file name. */
  distName: string;
  version: string;
  /** `.tar.gz`, `.zip`, … */
  extension: string;
}

/** Anything with an ordered list of supported tags, best first (a `Target` fits). */
export interface TagOrdered {
  tags: readonly string[];
}

export function canonicalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const PROJECT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

export function isValidProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

/**
 * @internal A PEP 440 version in any of its accepted spellings (case-insensitive), minus `-` which a wheel name
 * cannot hold inside its version field anyway. Used only to reject garbage; comparisons belong to pep440.ts.
 */
export const PEP440_VERSION =
  /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;

export function looksLikeVersion(version: string): boolean {
  const text = version.trim();
  // Plain versions (nearly every wheel's) without the regex, which a short run would compile first.
  return scanPlainVersion(text, false) !== undefined || PEP440_VERSION.test(text);
}

const TAG_PART = /^[A-Za-z0-9_]+$/;

/** Expands a compressed tag set (`py2.py3-none-any`) into its triples, in written order. */
export function expandCompressedTags(tagSet: string): string[] {
  const parts = tagSet.split('-');
  if (parts.length !== 3) throw new Error(`not a python-abi-platform tag set: ${tagSet}`);
  const [pythons, abis, platforms] = parts.map((p) => p.split('.'));
  const out: string[] = [];
  for (const py of pythons) for (const abi of abis) for (const plat of platforms) out.push(`${py}-${abi}-${plat}`);
  return out;
}

function basename(filename: string): string {
  const cut = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
  return cut >= 0 ? filename.slice(cut + 1) : filename;
}

export function parseWheelFilename(filename: string): WheelFilename {
  const base = basename(filename);
  if (!base.toLowerCase().endsWith('.whl')) throw new InvalidWheelFilename(base, 'it does not end in .whl');
  const parts = base.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) {
    throw new InvalidWheelFilename(base, `it has ${parts.length} dash-separated parts, a wheel name has 5 or 6`);
  }
  const [distName, version] = parts;
  // Wheel names spell `-` as `_`; a double underscore or an empty/odd name means the name was not escaped.
  if (!distName || !/^[A-Za-z0-9._]+$/.test(distName) || distName.includes('__') || !isValidProjectName(distName)) {
    throw new InvalidWheelFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  }
  if (!looksLikeVersion(version)) throw new InvalidWheelFilename(base, `${JSON.stringify(version)} is not a valid version`);
  let build: WheelFilename['build'];
  if (parts.length === 6) {
    const text = parts[2];
    const m = /^(\d+)(.*)$/.exec(text);
    if (!m) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} must start with a digit`);
    if (!/^[A-Za-z0-9_.]*$/.test(m[2])) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} has invalid characters`);
    build = { number: Number(m[1]), suffix: m[2], text };
  }
  const [pyPart, abiPart, platPart] = parts.slice(-3);
  const split = (what: string, value: string) => {
    const items = value.split('.');
    if (items.some((t) => !TAG_PART.test(t))) throw new InvalidWheelFilename(base, `${what} tag ${JSON.stringify(value)} is malformed`);
    return items;
  };
  const pythonTags = split('python', pyPart);
  const abiTags = split('abi', abiPart);
  const platformTags = split('platform', platPart);
  // Tags compare case-insensitively (PEP 425 tags are lower case; some old uploads are not).
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const py of pythonTags)
    for (const abi of abiTags)
      for (const plat of platformTags) {
        const tag = `${py}-${abi}-${plat}`.toLowerCase();
        if (!seen.has(tag)) {
          seen.add(tag);
          tags.push(tag);
        }
      }
  return {
    filename: base,
    name: canonicalizeName(distName),
    distName,
    version,
    ...(build ? { build } : {}),
    tags,
    pythonTags,
    abiTags,
    platformTags,
  };
}

const SDIST_EXTENSIONS = ['.tar.gz', '.zip', '.tar.bz2', '.tar.xz', '.tgz', '.tbz', '.tar'];

/** The archive extension of an sdist file name (lower case), or undefined when it is not one we know. */
export function sdistExtension(filename: string): string | undefined {
  const lower = filename.toLowerCase();
  return SDIST_EXTENSIONS.find((ext) => lower.endsWith(ext));
}

/**
 * Splits `NAME-VERSION.tar.gz`. Names may hold `-` in old sdists, so when the project name is known the split
 * is where the prefix canonicalises to that name; otherwise at the last `-`.
 */
export function parseSdistFilename(filename: string, projectName?: string): SdistFilename {
  const base = basename(filename);
  const extension = sdistExtension(base);
  if (!extension) throw new InvalidSdistFilename(base, `unknown archive extension (known: ${SDIST_EXTENSIONS.join(', ')})`);
  const stem = base.slice(0, -extension.length);
  let cut = -1;
  if (projectName !== undefined) {
    const want = canonicalizeName(projectName);
    for (let i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
      if (canonicalizeName(stem.slice(0, i)) === want) {
        cut = i;
        break;
      }
    }
    if (cut < 0) throw new InvalidSdistFilename(base, `it does not start with the project name ${JSON.stringify(projectName)}`);
  } else {
    cut = stem.lastIndexOf('-');
    if (cut <= 0) throw new InvalidSdistFilename(base, 'there is no dash between name and version');
  }
  const distName = stem.slice(0, cut);
  const version = stem.slice(cut + 1);
  if (!isValidProjectName(distName)) throw new InvalidSdistFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  if (!looksLikeVersion(version)) throw new InvalidSdistFilename(base, `${JSON.stringify(version)} is not a valid version`);
  return { filename: base, name: canonicalizeName(distName), distName, version, extension };
}

function asWheel(wheel: string | WheelFilename): WheelFilename {
  return typeof wheel === 'string' ? parseWheelFilename(wheel) : wheel;
}

/** The wheel's best index in the target's tag list (0 = most preferred), or undefined when unsupported. */
export function wheelRank(wheel: string | WheelFilename, target: TagOrdered): number | undefined {
  const priority = tagPriority(target.tags);
  let best: number | undefined;
  for (const tag of asWheel(wheel).tags) {
    const rank = priority.get(tag);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

export function wheelSupported(wheel: string | WheelFilename, target: TagOrdered): boolean {
  return wheelRank(wheel, target) !== undefined;
}

/**
 * Orders two wheels of the same release for a target: supported before unsupported, better tag first, then
 * the higher build number (PEP 427: build tags break ties), then the file name for stability.
 */
export function compareWheelsForTarget(a: string | WheelFilename, b: string | WheelFilename, target: TagOrdered): number {
  const wa = asWheel(a);
  const wb = asWheel(b);
  const ra = wheelRank(wa, target) ?? Number.POSITIVE_INFINITY;
  const rb = wheelRank(wb, target) ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const ba = wa.build?.number ?? -1;
  const bb = wb.build?.number ?? -1;
  if (ba !== bb) return bb - ba;
  const sa = wa.build?.suffix ?? '';
  const sb = wb.build?.suffix ?? '';
  if (sa !== sb) return sa < sb ? 1 : -1;
  return wa.filename < wb.filename ? -1 : wa.filename > wb.filename ? 1 : 0;
}
