// Project names as the simple API spells them (PEP 503) and the project a distribution file belongs to.

/** PEP 503 normalisation: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const SDIST_SUFFIXES = ['.tar.gz', '.tar.bz2', '.tar.xz', '.tgz', '.tbz', '.txz', '.tar', '.zip'];

/** True for the file kinds an index may list that we know how to tell apart: wheels and sdists. */
export function isDistributionFile(filename: string): boolean {
  const lower = filename.toLowerCase();
  return lower.endsWith('.whl') || SDIST_SUFFIXES.some((s) => lower.endsWith(s));
}

/**
 * Whether `filename` (a wheel or sdist) is a distribution of `project` (already normalised). Wheels name the
 * project before their first `-`; legacy sdists may contain `-` in the name, so every split point is tried,
 * and the version part must start with a digit (or `v`, which some old sdists used).
 */
export function fileBelongsTo(filename: string, project: string): boolean {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.whl')) return normalizeProjectName(filename.split('-')[0]) === project;
  const suffix = SDIST_SUFFIXES.find((s) => lower.endsWith(s));
  if (!suffix) return false;
  const stem = filename.slice(0, -suffix.length);
  for (let i = stem.indexOf('-'); i > 0; i = stem.indexOf('-', i + 1)) {
    if (normalizeProjectName(stem.slice(0, i)) === project && /^[0-9v]/i.test(stem.slice(i + 1))) return true;
  }
  return false;
}
