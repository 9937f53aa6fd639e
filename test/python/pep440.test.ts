// Conformance of src/python/pep440.ts against the parametrized cases of pypa/packaging's test_version.py and
// test_specifiers.py (vectors copied into test/fixtures/vectors), with pip 24's pre-release rules where
// packaging 24.1 (vendored by pip 24) and packaging 26 disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  InvalidSpecifierError,
  InvalidVersionError,
  parseVersion,
  Specifier,
  SpecifierSet,
  tryParseVersion,
  Version,
  versionFromParts,
} from '../../src/python/pep440.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(path.join(here, '../fixtures/vectors', name), 'utf8'));

type Params = Record<string, any>;
interface Case {
  id: string;
  params: Params;
}
interface TestEntry {
  argnames: string[] | null;
  cases: Case[] | Record<string, unknown>;
}

/** Python values encoded as tagged objects: {"$type": "Version", "str": ...} → our Version. */
function py(value: any): any {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if (value.$type === 'Version') return parseVersion(value.str);
  }
  return value;
}
const show = (x: unknown) => (x instanceof Version ? `Version(${x})` : JSON.stringify(x));
function same(a: unknown, b: unknown): boolean {
  const norm = (x: unknown): unknown => (Array.isArray(x) ? x.map(norm) : x instanceof Version ? `V:${x}` : x);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}
function throwsKind(fn: () => unknown, kind: new (...a: any[]) => Error): boolean {
  try {
    fn();
    return false;
  } catch (e) {
    return e instanceof kind;
  }
}

type Handler = (p: Params, id: string) => void;

/**
 * Runs every parametrized case of every test function in `file`: each must have a handler or be listed as not
 * applicable (with the reason). Failures are collected and printed together; the count per file is printed.
 */
function runFile(
  file: string,
  handlers: Record<string, Handler>,
  notApplicable: Record<string, string>,
  overrides: Record<string, { params: Params; reason: string }> = {},
): void {
  const data = load(file);
  const failures: string[] = [];
  let checked = 0;
  let skipped = 0;
  for (const [name, entry] of Object.entries(data.tests as Record<string, TestEntry>)) {
    const cases = entry.cases;
    if (!Array.isArray(cases) ? Object.keys(cases).length === 0 : cases.length === 0) continue;
    if (name in notApplicable) {
      skipped += Array.isArray(cases) ? cases.length : 0;
      continue;
    }
    const handler = handlers[name];
    if (!handler) {
      failures.push(`${name}: no handler and not listed as not applicable`);
      continue;
    }
    const list: Case[] = Array.isArray(cases) ? cases : [{ id: '(derived)', params: cases as Params }];
    for (const c of list) {
      const key = `${name}[${c.id}]`;
      const params = overrides[key]?.params ?? c.params;
      checked++;
      try {
        handler(params, c.id);
      } catch (e) {
        failures.push(`${key}: ${(e as Error).message}`);
      }
    }
  }
  for (const key of Object.keys(overrides)) {
    const [name] = key.split('[');
    const entry = data.tests[name] as TestEntry | undefined;
    const id = key.slice(name.length + 1, -1);
    if (!entry || !Array.isArray(entry.cases) || !entry.cases.some((c) => c.id === id)) failures.push(`override ${key} matches no case`);
  }
  console.log(`${file}: ${checked} cases checked (${Object.keys(overrides).length} with pip 24 expectations), ${skipped} not applicable`);
  if (failures.length) console.log(`${failures.length} failures:\n  ${failures.slice(0, 200).join('\n  ')}`);
  expect(failures).toEqual([]);
}

// ------------------------------------------------------------------------------------------------- versions

const versionHandlers: Record<string, Handler> = {
  'TestVersion.test_valid_versions': ({ version }) => void parseVersion(version),
  'TestVersion.test_invalid_versions': ({ version }) => check(throwsKind(() => parseVersion(version), InvalidVersionError), 'did not throw'),
  'TestVersion.test_non_string_versions_raise_invalid_version': ({ version }) =>
    check(throwsKind(() => parseVersion(version?.$repr ?? version), InvalidVersionError), 'did not throw'),
  // Python raises ValueError past its int-digits limit; we refuse components beyond 2^53 the same way.
  'TestVersion.test_oversized_version_raises_valueerror': ({ version }) =>
    check(throwsKind(() => parseVersion(version), InvalidVersionError), 'did not throw'),
  'TestVersion.test_normalized_versions': ({ version, normalized }) => expect(parseVersion(version).toString()).toBe(normalized),
  'TestVersion.test_version_str_repr': ({ version, expected }) => expect(parseVersion(version).toString()).toBe(expected),
  // Python's hash(): two parses of one string are equal and print the same.
  'TestVersion.test_version_hash': ({ version }) => {
    const a = parseVersion(version);
    const b = parseVersion(` ${version} `);
    check(a.equals(b) && a.toString() === b.toString(), 'two parses differ');
  },
  'TestVersion.test_version_public': ({ version, public: pub }) => expect(parseVersion(version).public).toBe(pub),
  'TestVersion.test_version_base_version': ({ version, base_version }) => expect(parseVersion(version).baseVersion).toBe(base_version),
  'TestVersion.test_version_epoch': ({ version, epoch }) => expect(parseVersion(version).epoch).toBe(epoch),
  'TestVersion.test_version_release': ({ version, release }) => expect(parseVersion(version).release).toEqual(release),
  'TestVersion.test_version_local': ({ version, local }) => expect(parseVersion(version).local).toBe(local),
  'TestVersion.test_version_pre': ({ version, pre }) => expect(parseVersion(version).pre).toEqual(pre),
  'TestVersion.test_version_is_prerelease': ({ version, expected }) => expect(parseVersion(version).isPrerelease).toBe(expected),
  'TestVersion.test_version_dev': ({ version, dev }) => expect(parseVersion(version).dev).toBe(dev),
  'TestVersion.test_version_is_devrelease': ({ version, expected }) => expect(parseVersion(version).isDevrelease).toBe(expected),
  'TestVersion.test_version_post': ({ version, post }) => expect(parseVersion(version).post).toBe(post),
  'TestVersion.test_version_is_postrelease': ({ version, expected }) => expect(parseVersion(version).isPostrelease).toBe(expected),
  'TestVersion.test_comparison_true': () => checkOrdering(true),
  'TestVersion.test_comparison_false': () => checkOrdering(false),
  test_from_parts: ({ args, string }) => {
    const v = versionFromParts(args);
    check(v.equals(parseVersion(string)) && v.toString() === parseVersion(string).toString(), `${v} != ${string}`);
  },
};

const OPS: Record<string, (c: number) => boolean> = {
  lt: (c) => c < 0,
  le: (c) => c <= 0,
  eq: (c) => c === 0,
  ge: (c) => c >= 0,
  gt: (c) => c > 0,
  ne: (c) => c !== 0,
};

/** VERSIONS is ascending: every op on (VERSIONS[i], VERSIONS[j]) must agree with the op on (i, j). */
function checkOrdering(truthy: boolean): void {
  const versions: string[] = load('test_version.compact.json').VERSIONS;
  const bad: string[] = [];
  for (let i = 0; i < versions.length; i++) {
    for (let j = 0; j < versions.length; j++) {
      const c = compareVersions(versions[i], versions[j]);
      for (const [name, op] of Object.entries(OPS)) {
        const want = op(i - j);
        if (want === truthy && op(c) !== want) bad.push(`${name}(${versions[i]}, ${versions[j]})`);
      }
    }
  }
  console.log(`test_comparison_${truthy}: ${versions.length ** 2 * 6} ordered comparisons over VERSIONS`);
  check(bad.length === 0, bad.slice(0, 10).join(', '));
}

const versionNotApplicable: Record<string, string> = {
  'TestVersion.test_dunder_op_returns_notimplemented': "Python's NotImplemented protocol for comparing with non-Version objects",
  'TestVersion.test_compare_other': 'Python == / != between a Version and an unrelated object type',
  'TestVersion.test_base_version_notimplemented_with_non_base_version': "Python's rich-comparison dunder protocol",
  test_pickle_roundtrip: 'Python pickling',
};

describe('PEP 440 versions', () => {
  it('passes every case of test_version', () => {
    runFile('test_version.compact.json', versionHandlers, versionNotApplicable);
  });

  it('exposes the documented API', () => {
    const v = parseVersion('1!2.3.4rc1.post5.dev6+Ubuntu-1');
    expect([v.epoch, v.release, v.pre, v.post, v.dev, v.local]).toEqual([1, [2, 3, 4], ['rc', 1], 5, 6, 'ubuntu.1']);
    expect([v.major, v.minor, v.micro]).toEqual([2, 3, 4]);
    expect(v.toString()).toBe('1!2.3.4rc1.post5.dev6+ubuntu.1');
    expect(tryParseVersion('nope')).toBeNull();
    expect(() => parseVersion('french toast')).toThrow(/"french toast"/);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(parseVersion('1.0')).toBe(parseVersion('1.0')); // cached
  });
});

// ------------------------------------------------------------------------------------------------ specifiers

const spec = (s: string, pre: boolean | null = null) => new Specifier(s, pre);
const set = (s: string, pre: boolean | null = null) => new SpecifierSet(s, pre);
const ver = (v: any) => py(v);
const contains = (s: Specifier | SpecifierSet, v: any, opts: Params = {}) => s.contains(ver(v), opts as any);
const eqOp = (op: any) => (op?.$callable === 'eq' ? true : op?.$callable === 'ne' ? false : (() => { throw new Error(`op ${show(op)}`); })());

const specifierHandlers: Record<string, Handler> = {
  'TestSpecifier.test_specifiers_valid': ({ specifier }) => void spec(specifier),
  'TestSpecifier.test_specifiers_invalid': ({ specifier }) => check(throwsKind(() => spec(specifier), InvalidSpecifierError), 'accepted'),
  'TestSpecifier.test_specifiers_normalized': ({ version }) => {
    for (const op of version.includes('+') ? ['==', '!='] : ['~=', '==', '!=', '<=', '>=', '<', '>']) spec(op + version);
  },
  'TestSpecifier.test_specifiers_str_and_repr': ({ specifier, expected }) => expect(spec(specifier).toString()).toBe(expected),
  'TestSpecifier.test_specifiers_hash': ({ specifier }) => check(spec(specifier).equals(spec(specifier)), 'not equal to itself'),
  'TestSpecifier.test_comparison_true': ({ left, right, op }) => {
    const want = eqOp(op);
    check(spec(left).equals(spec(right)) === want && spec(left).equals(right) === want && spec(right).equals(left) === want, 'wrong');
  },
  'TestSpecifier.test_comparison_false': ({ left, right, op }) => {
    const want = !eqOp(op);
    check(spec(left).equals(spec(right)) === want && spec(left).equals(right) === want, 'wrong');
  },
  'TestSpecifier.test_comparison_canonicalizes': ({ left, right }) => check(spec(left).equals(spec(right)) && spec(right).equals(left), 'not equal'),
  'TestSpecifier.test_specifiers': ({ version, spec_str, expected }) => {
    const s = spec(spec_str, true);
    check(contains(s, version) === expected && contains(s, parseVersion(version)) === expected, `expected ${expected}`);
  },
  'TestSpecifier.test_invalid_version': ({ spec_str, version, expected }) => expect(contains(spec(spec_str, true), version)).toBe(expected),
  'TestSpecifier.test_specifier_prereleases_set': (p) => {
    const s = spec(p.specifier, p.initial_prereleases);
    expect(contains(s, p.version)).toBe(p.initial_contains);
    s.prereleases = p.set_prereleases;
    expect(contains(s, p.version)).toBe(p.final_contains);
  },
  'TestSpecifier.test_arbitrary_equality': ({ version, spec_str, expected }) => expect(contains(spec(spec_str), version)).toBe(expected),
  'TestSpecifier.test_arbitrary_equality_normalization': ({ spec_str, version, expected }) =>
    expect(contains(spec(spec_str, true), version)).toBe(expected),
  'TestSpecifier.test_specifier_prereleases_detection': ({ specifier, expected }) => expect(spec(specifier).prereleases).toBe(expected),
  'TestSpecifier.test_specifiers_prereleases': (p) =>
    expect(contains(spec(p.specifier, p.spec_pre), p.version, { prereleases: p.contains_pre })).toBe(p.expected),
  'TestSpecifier.test_specifier_filter': (p) => {
    const result = spec(p.specifier, p.specifier_prereleases).filter(p.input.map(py), { prereleases: p.prereleases });
    check(same(result, p.expected.map(py)), `got ${show(result)}`);
  },
  'TestSpecifier.test_specifier_filter_arbitrary_equality_normalization': (p) => {
    const result = spec(p.specifier, true).filter(p.input.map(py));
    check(same(result, p.expected.map(py)), `got ${show(result)}`);
  },
  'TestSpecifier.test_specifier_filter_with_key': ({ prereleases, expected_indexes }) => {
    const items = [{ version: '1.0' }, { version: '2.1a1' }];
    const result = spec('>=2.0').filter(items, { key: (i) => i.version, prereleases });
    expect(result).toEqual(expected_indexes.map((i: number) => items[i]));
  },
  'TestSpecifier.test_specifier_operator_property': ({ spec: s, op }) => expect(spec(s).operator).toBe(op),
  'TestSpecifier.test_specifier_version_property': ({ spec: s, version }) => expect(spec(s).version).toBe(version),
  'TestSpecifier.test_length': ({ spec_str, expected_length }) => expect(set(spec_str).size).toBe(expected_length),
  'TestSpecifier.test_iteration': ({ spec_str, expected_items }) =>
    expect(new Set([...set(spec_str)].map(String))).toEqual(new Set(expected_items)),
  // The cache tests check packaging internals; what we can check is that contains() answers consistently.
  'TestSpecifierInternal.test_spec_version_cache_consistency': ({ specifier, test_versions }) => consistent(spec(specifier, true), test_versions),
  'TestSpecifierInternal.test_spec_version_cache_with_wildcards': ({ specifier, test_versions }) => consistent(spec(specifier, true), test_versions),
  'TestSpecifierInternal.test_spec_version_cache_with_arbitrary_equality': ({ specifier }) => consistent(spec(specifier), ['1.0']),
  'TestSpecifierInternal.test_spec_version_cache_compatible_operator': ({ specifier, versions }) => {
    const s = spec(specifier, true);
    expect(versions.map((v: string) => s.contains(v))).toEqual(versions.map((_: string, i: number) => i < 6));
  },
  'TestSpecifierSet.test_empty_specifier': ({ version }) => {
    const s = new SpecifierSet('', true);
    check(s.contains(version) && s.contains(parseVersion(version)), 'not contained');
  },
  'TestSpecifierSet.test_empty_specifier_arbitrary_string': ({ prereleases, versions, expected }) => {
    const s = set('', prereleases);
    check(s.contains('foobar'), 'foobar not contained');
    expect(s.filter(versions)).toEqual(expected);
  },
  'TestSpecifierSet.test_empty_specifier_ordering_with_arbitrary': ({ versions, expected }) => expect(set('').filter(versions)).toEqual(expected),
  'TestSpecifierSet.test_specifier_prereleases_explicit': (p) => {
    const s = set(p.spec_str, p.initial_prereleases);
    expect(s.contains(p.version)).toBe(p.initial_contains);
    s.prereleases = p.set_prereleases;
    expect(s.contains(p.version)).toBe(p.final_contains);
  },
  'TestSpecifierSet.test_specifier_contains_installed_prereleases': (p) => {
    const opts: Params = {};
    if (p.contains_prereleases !== null) opts.prereleases = p.contains_prereleases;
    if (p.installed !== null) opts.installed = p.installed;
    expect(set(p.specifier, p.spec_prereleases).contains(p.version, opts)).toBe(p.expected);
    const fixed = set('~=1.0', false);
    check(fixed.contains('1.1.0.dev1', { installed: true }), 'installed pre-release rejected');
    check(!fixed.contains('1.1.0.dev1', { prereleases: false, installed: false }), 'pre-release accepted');
  },
  'TestSpecifierSet.test_specifier_filter': (p) => {
    const result = set(p.specifier, p.specifier_prereleases).filter(p.input.map(py), { prereleases: p.prereleases });
    check(same(result, p.expected.map(py)), `got ${show(result)}`);
  },
  'TestSpecifierSet.test_specifierset_filter_with_key': ({ prereleases, expected_indexes }) => {
    const items = [{ version: '1.0' }, { version: '2.1a1' }];
    expect(set('>=2').filter(items, { key: (i) => i.version, prereleases })).toEqual(expected_indexes.map((i: number) => items[i]));
  },
  'TestSpecifierSet.test_empty_specifierset_filter_with_key': ({ prereleases, expected_indexes }) => {
    const items = [{ version: '2.0a1' }, { version: '2.1' }];
    expect(set('', prereleases).filter(items, { key: (i) => i.version })).toEqual(expected_indexes.map((i: number) => items[i]));
  },
  'TestSpecifierSet.test_filter_exclusionary_bridges': (p) =>
    expect(set(p.specifier).filter(p.input, { prereleases: p.prereleases })).toEqual(p.expected),
  'TestSpecifierSet.test_contains_exclusionary_bridges': (p) =>
    expect(set(p.specifier).contains(p.version, p.prereleases === null ? {} : { prereleases: p.prereleases })).toBe(p.expected),
  'TestSpecifierSet.test_contains_rejects_invalid_specifier': ({ specifier, input }) => check(!set(specifier, true).contains(input), 'contained'),
  'TestSpecifierSet.test_contains_post_release_boundary_intersection': ({ spec_str, version, expected }) =>
    expect(set(spec_str).contains(version)).toBe(expected),
  // Python raises ValueError for integers past its digit limit; we refuse such specifiers when parsing.
  'TestSpecifierSet.test_contains_oversized_version_raises_valueerror': ({ specifier }) =>
    check(throwsKind(() => set(specifier).contains('1.0'), InvalidSpecifierError) || throwsKind(() => set(specifier).contains('1.0'), InvalidVersionError), 'no error'),
  'TestSpecifierSet.test_contains_arbitrary_equality_contains': ({ version, specifier, expected }) =>
    expect(set(specifier).contains(version)).toBe(expected),
  'TestSpecifierSet.test_contains_arbitrary_equality_normalization': ({ spec_str, version, expected }) =>
    expect(set(spec_str, true).contains(py(version))).toBe(expected),
  'TestSpecifierSet.test_specifiers_str_and_repr': ({ specifier, expected }) => expect(set(specifier).toString()).toBe(expected),
  'TestSpecifierSet.test_specifiers_hash': ({ specifier }) => check(set(specifier).equals(set(specifier)), 'not equal to itself'),
  'TestSpecifierSet.test_specifiers_combine': ({ left, right, expected }) => {
    check(set(left).and(set(right)).equals(set(expected)) && set(left).and(right).equals(expected), 'wrong combination');
    expect(set(left, true).and(set(right)).prereleases).toBe(true);
    expect(set(left).and(set(right, false)).prereleases).toBe(false);
    check(throwsKind(() => set(left, true).and(set(right, false)), Error), 'contradiction accepted');
  },
  'TestSpecifierSet.test_comparison_true': ({ left, right, op }) => {
    const want = eqOp(op);
    check(set(left).equals(set(right)) === want && set(left).equals(spec(right)) === want && set(left).equals(right) === want, 'wrong');
  },
  'TestSpecifierSet.test_comparison_false': ({ left, right, op }) => {
    const want = !eqOp(op);
    check(set(left).equals(set(right)) === want && set(left).equals(right) === want, 'wrong');
  },
  'TestSpecifierSet.test_comparison_canonicalizes': ({ left, right }) => check(set(left).equals(set(right)) && set(right).equals(left), 'differ'),
  'TestSpecifierSet.test_comparison_ignores_local': ({ version, specifier, expected }) =>
    expect(set(specifier).contains(parseVersion(version))).toBe(expected),
  'TestSpecifierSet.test_arbitrary_equality_is_intersection_preserving': ({ spec1, spec2, input_versions }) => {
    const a = new Set(spec(spec1).filter(input_versions));
    const b = new Set(spec(spec2).filter(input_versions));
    const both = new Set(set(`${spec1},${spec2}`).filter(input_versions));
    expect(both).toEqual(new Set([...a].filter((x) => b.has(x))));
  },
  'TestIsUnsatisfiable.test_contains_identical_across_canonicalization': ({ spec: s, versions }) => {
    const ss = set(s);
    const before = versions.map((v: string) => ss.contains(v));
    void ss.toString();
    expect(versions.map((v: string) => ss.contains(v))).toEqual(before);
  },
  test_boundary_closure_short_release: ({ spec_str, version_str, expected }) => expect(set(spec_str).contains(version_str)).toBe(expected),
};

function consistent(s: Specifier, versions: string[]): void {
  const first = versions.map((v) => s.contains(v));
  const second = versions.map((v) => s.contains(v));
  expect(second).toEqual(first);
}

const specifierNotApplicable: Record<string, string> = {
  'TestSpecifierSet.test_set_relations_raise_on_prerelease_policy_mismatch': 'is_subset/is_superset/is_disjoint are packaging 26 APIs pexship does not offer',
  'TestSpecifierSet.test_set_relations_require_specifierset': 'is_subset/is_superset/is_disjoint (packaging 26 only) and Python TypeError',
  'TestSpecifierSet.test_set_relations_reject_arbitrary_equality': 'is_subset/is_superset/is_disjoint are packaging 26 APIs pexship does not offer',
  'TestSpecifierSet.test_is_subset': 'SpecifierSet.is_subset is a packaging 26 API pexship does not offer',
  'TestSpecifierSet.test_is_superset': 'SpecifierSet.is_superset is a packaging 26 API pexship does not offer',
  'TestSpecifierSet.test_is_disjoint': 'SpecifierSet.is_disjoint is a packaging 26 API pexship does not offer',
  'TestIsUnsatisfiable.test_unsatisfiable': 'is_unsatisfiable() is a packaging 26 range-algebra API pexship does not offer',
  'TestIsUnsatisfiable.test_satisfiable': 'is_unsatisfiable() is a packaging 26 range-algebra API pexship does not offer',
  'TestIsUnsatisfiable.test_unsatisfiable_prereleases_false': 'is_unsatisfiable() is a packaging 26 range-algebra API pexship does not offer',
  'TestIsUnsatisfiable.test_satisfiable_prereleases_false': 'is_unsatisfiable() is a packaging 26 range-algebra API pexship does not offer',
  'TestIsUnsatisfiable.test_post_release_boundary_unsatisfiable': 'is_unsatisfiable() is a packaging 26 range-algebra API pexship does not offer',
  'TestSpecifierSetToRangeEquivalence.test_contains_equivalent': 'compares against packaging 26 private _to_ranges()',
  'TestSpecifierSetToRangeEquivalence.test_filter_equivalent': 'compares against packaging 26 private _to_ranges()',
  'TestSpecifierSetToRangeEquivalence.test_to_specifier_set_roundtrip_matches': 'packaging 26 range objects round-trip',
  'TestSpecifierSetToRangeEquivalence.test_contains_equivalent_with_version_objects': 'compares against packaging 26 private _to_ranges()',
  test_pickle_specifier_roundtrip: 'Python pickling',
  test_pickle_specifierset_roundtrip: 'Python pickling',
  test_specifier_construction_is_lazy: 'checks that packaging defers parsing (a private slot is None)',
  test_specifierset_construction_is_lazy: 'checks that packaging defers parsing (a private slot is None)',
};

/**
 * Decided differences between packaging 26 (the vectors) and packaging 24.1 (pip 24): we follow pip 24.
 * Cases present in pip24.2-vendored-specifier-results.json are applied from that file automatically (listed in
 * PIP_FILE_DIFFERENCES below for the record); the rest follow from the same rules and are listed here one by one.
 */
const specifierOverrides: Record<string, { params: Params; reason: string }> = {};
function decide(test: string, id: string, patch: Params, reason: string): void {
  const data = load('test_specifiers.json');
  const c = (data.tests[test].cases as Case[]).find((x) => x.id === id);
  if (!c) throw new Error(`no case ${test}[${id}]`);
  specifierOverrides[`${test}[${id}]`] = { params: { ...c.params, ...patch }, reason };
}

// Every case where the pip 24.2 file's result differs from packaging 26's expectation (95 cases in 4 tests):
//  - TestSpecifier.test_specifiers: ">V" rejects local versions of V's base release, e.g. 1.0+local is not in
//    >1.0.dev1 (9 cases).
//  - TestSpecifier.test_specifiers_prereleases: with prereleases unset, only ==, >=, <=, ~=, === naming a
//    pre-release admit pre-releases (>=1.0 does not contain 2.0.dev1); ">V" rejects every post-release of V's
//    base release (1.0.post0 is not in >1.0a1); "<V" rejects every pre-release of V's base release (26 cases).
//  - TestSpecifierSet.test_contains_exclusionary_bridges: the same rules applied by the set (22 cases).
//  - TestSpecifierSet.test_specifier_filter: no pre-release fallback once the set has clauses (>=1.0 on
//    ["2.0a1"] gives []), and >2.0a1 / <2.0a1 keep only final releases (5 cases). The 25 cases where packaging
//    24.1 raises InvalidVersion on a non-PEP 440 string (and one where it returns str for a Version) are NOT
//    followed: pexship never raises from filter; unparsable strings only match === or an empty set, as in
//    packaging 26 (pip drops such versions before filtering, so the outcome for pip is the same).
const PIP_FILE_TESTS = [
  'TestSpecifier.test_specifiers',
  'TestSpecifier.test_specifiers_prereleases',
  'TestSpecifierSet.test_contains_exclusionary_bridges',
  'TestSpecifierSet.test_specifier_filter',
];
function applyPipFile(): void {
  const pip = load('pip24.2-vendored-specifier-results.json');
  const data = load('test_specifiers.json');
  for (const test of PIP_FILE_TESTS) {
    const cases = data.tests[test].cases as Case[];
    const results = pip.results[test] as { params: Params; pip_vendored: unknown }[];
    expect(results.length).toBe(cases.length);
    results.forEach((r, i) => {
      if (JSON.stringify(r.params) !== JSON.stringify(cases[i].params)) throw new Error(`pip file out of step at ${test} #${i}`);
      const got = r.pip_vendored;
      if (got && typeof got === 'object' && !Array.isArray(got)) return; // packaging 24.1 raised: see above
      if (Array.isArray(got) && got.some((x) => typeof x !== 'string')) return;
      if (same(got, r.params.expected)) return;
      if (Array.isArray(got) && same(got, (r.params.expected as unknown[]).map((x: any) => (x?.$type ? x.str : x)))) return;
      specifierOverrides[`${test}[${cases[i].id}]`] = { params: { ...cases[i].params, expected: got }, reason: 'pip24.2 file' };
    });
  }
}

const PIP_PRE = 'pip 24: with prereleases unset only ==, >=, <=, ~=, === naming a pre-release opt in';
const PIP_LT = 'pip 24: "<V" rejects every pre-release of V\'s base release (as for <1.0.post1 / 1.0.dev0 in the pip file)';
const PIP_GT = 'pip 24: ">V" rejects every post-release of V\'s base release (as for >1.0.dev1 / 1.0.post0 in the pip file)';
const PIP_SETFILTER = 'pip 24: a non-empty set filters with pre-releases off and has no pre-release fallback (as for >=1.0 / ["2.0a1"] in the pip file)';
function decideAll(): void {
  applyPipFile();
  const T = 'TestSpecifier.test_specifier_prereleases_detection';
  decide(T, '<1.0.dev1-True', { expected: false }, PIP_PRE);
  decide(T, '>1.0.dev1-True', { expected: false }, PIP_PRE);
  const P = 'TestSpecifier.test_specifier_prereleases_set';
  decide(P, '<1.0.dev1-None-False-0.9.dev1-True-False', { initial_contains: false }, PIP_PRE);
  decide(P, '>1.0.dev1-None-None-1.1.dev1-True-True', { initial_contains: false, final_contains: false }, PIP_PRE);
  decide(P, '>1.0-None-False-2.0.dev1-True-False', { initial_contains: false }, PIP_PRE);
  decide(P, '>1.0-None-True-2.0.dev1-True-True', { initial_contains: false }, PIP_PRE);
  decide(P, '>1.0-True-None-2.0.dev1-True-True', { final_contains: false }, PIP_PRE);
  decide(P, '>1.0-False-None-2.0.dev1-False-True', { final_contains: false }, PIP_PRE);
  decide(P, '>1.0-None-True-2.0a1-True-True', { initial_contains: false }, PIP_PRE);
  decide(P, '>1.0-None-True-2.0b1-True-True', { initial_contains: false }, PIP_PRE);
  decide(P, '>1.0-None-True-2.0rc1-True-True', { initial_contains: false }, PIP_PRE);
  decide(P, '==2.0.*-None-True-2.0.dev1-True-True', { initial_contains: false }, PIP_PRE);
  decide(P, '==2.0.*-None-False-2.0.dev1-True-False', { initial_contains: false }, PIP_PRE);
  // An empty set has no opinion (prereleases None), which contains() treats as "no" in pip 24.
  const E = 'TestSpecifierSet.test_specifier_prereleases_explicit';
  const EMPTY = PIP_PRE + '; an empty set does not opt in either (contains only; filter has the fallback)';
  for (const id of ['None-True-1.0.dev1-True-True-', 'None-True-2.0b1-True-True-', 'None-False-2.0a1-True-False-',
    'None-True-1.0a1-True-True-', 'None-True-1.0b2-True-True-', 'None-True-1.0rc3-True-True-', 'None-True-1.0.dev4-True-True-']) {
    decide(E, id, { initial_contains: false }, EMPTY);
  }
  decide(E, 'None-True-1.5a1-True-True->=1.0,<2.0', { initial_contains: false }, PIP_PRE);
  decide(E, 'None-False-0.9.dev0-True-False-<1.0.dev1', { initial_contains: false }, PIP_PRE + ' ("<" never does)');
  for (const id of ['False-None-1.0.dev1-False-True-', 'True-None-1.0.dev1-True-True-']) decide(E, id, { final_contains: false }, EMPTY);
  for (const id of ['False-None-2.0.dev1-False-True->=1.0', 'True-None-2.0.dev1-True-True->=1.0']) decide(E, id, { final_contains: false }, PIP_PRE);
  const I = 'TestSpecifierSet.test_specifier_contains_installed_prereleases';
  const INSTALLED = 'pip 24: an installed pre-release is judged as its base release (2.0.dev1 as 2.0)';
  decide(I, '!=2.0-2.0.dev1-None-None-True-True', { expected: false }, INSTALLED);
  decide(I, '>=1.0-1.0.0.dev1-None-None-True-False', { expected: true }, INSTALLED);
  decide('TestSpecifierSet.test_specifierset_filter_with_key', 'None-expected_indexes0', { expected_indexes: [] }, PIP_SETFILTER);
  const B = 'TestSpecifierSet.test_filter_exclusionary_bridges';
  for (const id of ['>=1,!=1.*,!=2.*,!=3.0,<=3.0-None-input0-expected0', '>=1,!=1.*,!=2.*,!=3.0,<=3.0-None-input1-expected1',
    '>=1,!=1.*,!=2.*,!=3.0,!=3.1,<4-None-input14-expected14', '>=1,!=1.*,!=2.*,!=3.0,!=3.1,<4-None-input15-expected15']) {
    decide(B, id, { expected: [] }, PIP_SETFILTER + '; the pip file has the matching contains() cases as False');
  }
  const F = 'TestSpecifier.test_specifier_filter';
  decide(F, '>2.0a1-None-None-input6-expected6', { expected: ['3.0'] }, PIP_PRE + ' (">" never does)');
  decide(F, '<2.0a1-None-None-input7-expected7', { expected: ['1.0'] }, PIP_PRE + ' ("<" never does)');
}
decideAll();

describe('PEP 440 specifiers', () => {
  it('passes every case of test_specifiers (pip 24 pre-release rules where they differ)', () => {
    runFile('test_specifiers.json', specifierHandlers, specifierNotApplicable, specifierOverrides);
  });

  it('follows pip for the resolver-facing cases', () => {
    expect(set('>=1.0').filter(['2.0a1'])).toEqual([]);
    expect(set('').filter(['2.0a1'])).toEqual(['2.0a1']);
    expect(set('>=1.0').filter(['1.0', '2.0a1'], { prereleases: true })).toEqual(['1.0', '2.0a1']);
    expect(set('>=2.0b1').contains('2.0b2')).toBe(true);
    expect(set('<3').contains('3.0rc1', { prereleases: true })).toBe(false);
    expect(() => set('>=1.0,=>2')).toThrow(/=>2/);
  });
});
