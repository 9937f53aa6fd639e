// Conformance of src/python/pep508.ts and markers.ts against the parametrized cases of pypa/packaging's
// test_markers.py and test_requirements.py, and the golden parses in requirements-markers-golden.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quoteMarkerValue, type MarkerEnvironment } from '../../src/python/markers.js';
import {
  canonicalName,
  evaluateMarker,
  InvalidMarkerError,
  InvalidRequirementError,
  MarkerEvaluationError,
  parseMarker,
  parseRequirement,
} from '../../src/python/pep508.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const load = (name: string) => JSON.parse(readFileSync(path.join(here, '../fixtures/vectors', name), 'utf8'));

type Params = Record<string, any>;
type Handler = (p: Params, index: number) => void;

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}
function errorOf(fn: () => unknown): Error | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e as Error;
  }
}
function throwsKind(fn: () => unknown, kind: new (...a: any[]) => Error): boolean {
  return errorOf(fn) instanceof kind;
}

/** Runs every parametrized case of every test function; prints counts and all failures. */
function runFile(file: string, handlers: Record<string, Handler>, notApplicable: Record<string, string>): void {
  const data = load(file);
  const failures: string[] = [];
  let checked = 0;
  let skipped = 0;
  for (const [name, entry] of Object.entries(data.tests as Record<string, { cases: { id: string; params: Params }[] }>)) {
    if (!Array.isArray(entry.cases) || entry.cases.length === 0) continue;
    if (name in notApplicable) {
      skipped += entry.cases.length;
      continue;
    }
    const handler = handlers[name];
    if (!handler) {
      failures.push(`${name}: no handler and not listed as not applicable`);
      continue;
    }
    entry.cases.forEach((c, i) => {
      checked++;
      try {
        handler(c.params, i);
      } catch (e) {
        failures.push(`${name}[${c.id}]: ${(e as Error).message}`);
      }
    });
  }
  console.log(`${file}: ${checked} cases checked, ${skipped} not applicable`);
  if (failures.length) console.log(`${failures.length} failures:\n  ${failures.slice(0, 100).join('\n  ')}`);
  expect(failures).toEqual([]);
}

/** The environment packaging's default_environment() gives on a Linux CPython 3.11 (where the vectors ran). */
const LINUX_311: MarkerEnvironment = {
  implementation_name: 'cpython',
  implementation_version: '3.11.7',
  os_name: 'posix',
  platform_machine: 'x86_64',
  platform_release: '6.1.0',
  platform_system: 'Linux',
  platform_version: '#1 SMP',
  python_full_version: '3.11.7',
  platform_python_implementation: 'CPython',
  python_version: '3.11',
  sys_platform: 'linux',
};
const envOf = (e: Params | null) => (e ? { ...LINUX_311, ...e } : LINUX_311);

// -------------------------------------------------------------------------------------------------- markers

const markerHandlers: Record<string, Handler> = {
  'TestNode.test_value_serialize_chooses_quote_delimiter': ({ value, expected }) => expect(quoteMarkerValue(value)).toBe(expected),
  'TestMarker.test_parses_valid': ({ marker_string }) => void parseMarker(marker_string),
  'TestMarker.test_parses_pep345_valid': ({ marker_string }) => void parseMarker(marker_string),
  'TestMarker.test_parses_setuptools_legacy_valid': ({ marker_string }) => void parseMarker(marker_string),
  'TestMarker.test_parses_invalid': ({ marker_string }) => check(throwsKind(() => parseMarker(marker_string), InvalidMarkerError), 'accepted'),
  'TestMarker.test_parses_invalid_trailing_line_break': ({ line_break }) =>
    check(throwsKind(() => parseMarker(`python_version >= "3.8"${line_break}`), InvalidMarkerError), 'accepted'),
  'TestMarker.test_parses_trailing_horizontal_whitespace': ({ whitespace }) =>
    expect(parseMarker(`python_version >= "3.8"${whitespace}`).toString()).toBe('python_version >= "3.8"'),
  'TestMarker.test_parses_invalid_malformed_quoted_string': ({ marker_string, expected }) =>
    expect(errorOf(() => parseMarker(marker_string))?.message).toBe(expected.replace(/^packaging\.markers\.InvalidMarker: /, '')),
  'TestMarker.test_str_repr_eq_hash': ({ marker_string, expected }) => {
    expect(parseMarker(marker_string).toString()).toBe(expected);
    check(parseMarker(marker_string).equals(parseMarker(expected)), 'not equal to its normal form');
  },
  'TestMarker.test_different_markers_different_hashes': ({ example1, example2 }) =>
    check(!parseMarker(example1).equals(parseMarker(example2)), 'equal'),
  'TestMarker.test_evaluates': ({ marker_string, environment, expected }) => expect(evaluateMarker(marker_string, envOf(environment))).toBe(expected),
  'TestMarker.test_evaluate_pep345_markers': ({ marker_string, environment, expected }) =>
    expect(evaluateMarker(marker_string, envOf(environment))).toBe(expected),
  'TestMarker.test_version_like_equality': ({ marker_string, environment, expected }) =>
    expect(evaluateMarker(marker_string, envOf(environment))).toBe(expected),
  // The vectors hold only the variable name; the value normalised is an extra name as in the extra == tests.
  'TestMarker.test_membership_value_str_normalization': ({ variable }) =>
    expect(parseMarker(`"Foo_Bar" in ${variable}`).toString()).toBe(`"foo-bar" in ${variable}`),
  'TestMarker.test_membership_value_str_normalization_negated': ({ variable }) =>
    expect(parseMarker(`"Foo_Bar" not in ${variable}`).toString()).toBe(`"foo-bar" not in ${variable}`),
  'TestMarker.test_extras_and_dependency_groups': ({ expression, result, variable }) =>
    expect(evaluateMarker(expression.replaceAll('{0}', variable), { ...LINUX_311, [variable]: ['foo', 'bar'] })).toBe(result),
  // packaging's context="lock_file" means "an empty set when absent"; elsewhere a missing set is an error.
  'TestMarker.test_extras_and_dependency_groups_disallowed': ({ variable }) => {
    expect(evaluateMarker(`"foo" in ${variable}`, { ...LINUX_311, [variable]: [] })).toBe(false);
    check(throwsKind(() => evaluateMarker(`"foo" in ${variable}`, LINUX_311), MarkerEvaluationError), 'no error when missing');
  },
  'TestMarker.test_set_valued_marker_on_lhs_raises_undefined_comparison': ({ op, variable }) =>
    check(throwsKind(() => evaluateMarker(`${variable} ${op} "foo"`, { ...LINUX_311, [variable]: ['foo'] }), MarkerEvaluationError), 'no error'),
};

const markerNotApplicable: Record<string, string> = {
  'TestNode.test_accepts_value': "packaging's private parser Node class",
  'TestNode.test_str': "packaging's private parser Node class",
  'TestNode.test_repr': "packaging's private parser Node class (Python repr)",
  test_pickle_marker_roundtrip: 'Python pickling',
};

describe('PEP 508 markers', () => {
  it('passes every case of test_markers', () => {
    runFile('test_markers.json', markerHandlers, markerNotApplicable);
  });

  it('matches packaging on every golden marker', () => {
    const golden = load('requirements-markers-golden.json').markers as { input: string; valid: boolean; str?: string }[];
    const failures: string[] = [];
    for (const g of golden) {
      const err = errorOf(() => parseMarker(g.input));
      if (!g.valid) {
        if (!(err instanceof InvalidMarkerError)) failures.push(`${g.input}: accepted`);
      } else if (err) failures.push(`${g.input}: ${err.message}`);
      else if (parseMarker(g.input).toString() !== g.str) failures.push(`${g.input}: ${parseMarker(g.input)} != ${g.str}`);
    }
    console.log(`requirements-markers-golden.json markers: ${golden.length} checked`);
    if (failures.length) console.log(failures.slice(0, 50).join('\n'));
    expect(failures).toEqual([]);
  });

  it('evaluates for a target environment with requested extras', () => {
    const m = parseMarker('python_version >= "3.9" and extra == "Socks"');
    expect(evaluateMarker(m, LINUX_311)).toBe(false);
    expect(evaluateMarker(m, LINUX_311, ['socks'])).toBe(true);
    expect(evaluateMarker(m, LINUX_311, ['SOCKS', 'other'])).toBe(true);
    expect(evaluateMarker(m, { ...LINUX_311, python_version: '3.8' }, ['socks'])).toBe(false);
    expect(evaluateMarker('python_full_version < "3.11.10"', LINUX_311)).toBe(true); // versions, not strings
    expect(evaluateMarker('sys_platform == "win32" or platform_machine in "x86_64 amd64"', LINUX_311)).toBe(true);
    expect(() => evaluateMarker('os_name == "posix"', {})).toThrow(/os_name/);
    expect(() => parseMarker('python_version >= "3" and')).toThrow(InvalidMarkerError);
  });
});

// ---------------------------------------------------------------------------------------------- requirements

interface Golden {
  input: string;
  name: string;
  extras: string[];
  url: string | null;
  specifier: string;
  marker: string | null;
  str: string;
}
const goldenRequirements = load('requirements-markers-golden.json').requirements as Golden[];

function checkGolden(g: Golden): void {
  const r = parseRequirement(g.input);
  expect(r.name).toBe(g.name);
  expect([...r.extras].sort()).toEqual([...g.extras].sort());
  expect(r.url).toBe(g.url);
  expect(r.specifier.toString()).toBe(g.specifier);
  expect(r.marker?.toString() ?? null).toBe(g.marker);
  expect(r.toString()).toBe(g.str);
}

const requirementHandlers: Record<string, Handler> = {
  // The golden file holds these same 5,184 requirements (built by the test from its parameters) in order.
  test_basic_valid_requirement_parsing: (p, i) => {
    const g = goldenRequirements[i];
    check(g.name === p.name && g.url === p.url && new Set(g.extras).size === new Set(p.extras).size, `golden #${i} out of step`);
    checkGolden(g);
  },
  test_normalized_requirements: ({ input_req, norm_req }) => expect(parseRequirement(input_req).toString()).toBe(norm_req),
  'TestRequirementParsing.test_valid_marker': ({ marker }) => void parseRequirement(`name; ${marker}`),
  'TestRequirementParsing.test_file_url': ({ url }) => expect(parseRequirement(`name @ ${url}`).url).toBe(url),
  'TestRequirementParsing.test_error_when_suffixed_with_line_break': ({ requirement, line_break }) =>
    check(throwsKind(() => parseRequirement(requirement + line_break), InvalidRequirementError), 'accepted'),
  'TestRequirementParsing.test_trailing_horizontal_whitespace': ({ whitespace }) =>
    expect(parseRequirement(`name>=1${whitespace}`).toString()).toBe('name>=1'),
  'TestRequirementParsing.test_error_when_prefix_match_uses_post_release': ({ operator }) =>
    check(throwsKind(() => parseRequirement(`black ${operator}1.0.*.post0`), InvalidRequirementError), 'accepted'),
  'TestRequirementParsing.test_error_when_local_version_label_is_used_incorrectly': ({ operator }) =>
    check(throwsKind(() => parseRequirement(`name${operator}1.0+local.version.label`), InvalidRequirementError), 'accepted'),
  'TestRequirementParsing.test_error_invalid_marker_malformed_quoted_string': ({ to_parse, expected }) =>
    expect(errorOf(() => parseRequirement(to_parse))?.message).toBe(expected.replace(/^packaging\.requirements\.InvalidRequirement: /, '')),
  // str() is stable: the printed form parses back to an equal requirement that prints the same.
  'TestRequirementBehaviour.test_str_and_repr': ({ marker, extras, url_or_specifier }) => {
    const r = parseRequirement(`name${extras}${url_or_specifier}${marker}`);
    const again = parseRequirement(r.toString());
    check(again.equals(r) && again.toString() === r.toString(), `${r} is not stable`);
  },
  'TestRequirementBehaviour.test_equal_reqs_equal_hashes': ({ dep1, dep2 }) => check(parseRequirement(dep1).equals(parseRequirement(dep2)), 'differ'),
  'TestRequirementBehaviour.test_equivalent_reqs_equal_hashes_unequal_strings': ({ dep1, dep2 }) =>
    check(parseRequirement(dep1).equals(parseRequirement(dep2)), 'differ'),
  'TestRequirementBehaviour.test_different_reqs_different_hashes': ({ dep1, dep2 }) =>
    check(!parseRequirement(dep1).equals(parseRequirement(dep2)), 'equal'),
  // Unpickling a bad string must fail like parsing it does.
  test_pickle_requirement_setstate_rejects_invalid_string: ({ invalid_requirement }) =>
    check(throwsKind(() => parseRequirement(invalid_requirement), InvalidRequirementError), 'accepted'),
};

const requirementNotApplicable: Record<string, string> = {
  test_pickle_requirement_roundtrip: 'Python pickling',
  test_pickle_requirement_preserves_prereleases: 'Python pickling',
};

describe('PEP 508 requirements', () => {
  it('passes every case of test_requirements', () => {
    runFile('test_requirements.json', requirementHandlers, requirementNotApplicable);
  });

  it('matches packaging on every golden requirement', () => {
    const failures: string[] = [];
    for (const g of goldenRequirements) {
      try {
        checkGolden(g);
      } catch (e) {
        failures.push(`${g.input}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    console.log(`requirements-markers-golden.json requirements: ${goldenRequirements.length} checked`);
    if (failures.length) console.log(failures.slice(0, 50).join('\n'));
    expect(failures).toEqual([]);
  });

  it('normalises names and points at the column at fault', () => {
    expect(canonicalName('Foo.Bar__baz-Qux')).toBe('foo-bar-baz-qux');
    const r = parseRequirement('Requests[SOCKS] >=2.31 ; python_version >= "3.9"');
    expect([r.name, r.canonicalName, r.extras, String(r.specifier), String(r.marker)]).toEqual([
      'Requests',
      'requests',
      ['SOCKS'],
      '>=2.31',
      'python_version >= "3.9"',
    ]);
    expect(errorOf(() => parseRequirement('name>=1.0 extra'))?.message).toBe(
      'Expected comma (within version specifier), semicolon (after version specifier) or end\n    name>=1.0 extra\n              ^',
    );
    expect(errorOf(() => parseRequirement('name[a,]'))?.message).toMatch(/Expected extra name after comma\n {4}name\[a,\]\n {11}\^/);
  });
});
