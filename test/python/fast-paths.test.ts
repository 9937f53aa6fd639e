// The short cuts must agree with the paths they skip, which stay the definition: the hand-written readers of
// plain versions and specifiers (pep440.ts) with the regexes, and the two-step reading of dependency lines
// (pep508.ts declaredRequirement) with parseRequirement. On every string of the packaging vectors and on
// generated spellings: the same version, the same clause, the same requirement, or the same error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVersionByRegex, plainSpecifier, scanPlainVersion, Specifier, splitSpecifierByRegex, tryParseVersion, type Version } from '../../src/python/pep440.js';
import { looksLikeVersion, PEP440_VERSION } from '../../src/python/wheel.js';
import { declaredRequirement, parseRequirement, type DeclaredRequirement, type Requirement } from '../../src/python/pep508.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every string (short enough to be a version or clause) in the vector files, and the clauses of each. */
function vectorStrings(): string[] {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (typeof x === 'string') {
      if (x.length > 200) return;
      out.add(x);
      for (const part of x.split(/[,;]/)) out.add(part.trim()), out.add(part);
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.entries(x).forEach(([k, v]) => (walk(k), walk(v)));
  };
  for (const file of ['test_version.compact.json', 'test_specifiers.json', 'pip24.2-vendored-specifier-results.json', 'test_markers.json', 'test_requirements.json', 'requirements-markers-golden.json']) {
    walk(JSON.parse(readFileSync(path.join(here, '../fixtures/vectors', file), 'utf8')));
  }
  return [...out];
}

/** Spellings near the plain form: every part, with the variations the plain reader must reject or read alike. */
function generatedVersions(): string[] {
  const releases = ['0', '1', '01', '1.0', '1.2.3', '2024.10.1.0', '1.', '.1', '1..2', '1.02', '999999999999999', '9999999999999999', '1' + '0'.repeat(20)];
  const suffixes = ['', 'a1', 'b2', 'rc3', 'a', 'rc', 'c1', 'A1', 'RC1', 'alpha1', 'pre1', 'r1', '.post1', '.post', 'post1', '-1', '.dev0', '.dev', 'dev1', '.post2.dev3', 'a1.post2.dev3', 'rc1.dev1', '+local', '.*', 'a1.*', '.post1.*', ' ', '-', '_', '.a1'];
  const out: string[] = [];
  for (const r of releases) for (const s of suffixes) for (const pre of ['', 'v', ' ', '1!']) out.push(`${pre}${r}${s}`);
  return out;
}

function fields(v: Version | null): unknown {
  return v && { epoch: v.epoch, release: [...v.release], pre: v.pre && [...v.pre], post: v.post, dev: v.dev, local: v.local, text: v.toString() };
}

function byRegex(s: string): Version | null {
  try {
    return parseVersionByRegex(s);
  } catch {
    return null; // a number too large to compare exactly: not a version, as tryParseVersion says
  }
}

function outcome(make: () => unknown): unknown {
  try {
    return { ok: make() };
  } catch (err) {
    return { error: (err as Error).name, message: (err as Error).message };
  }
}

const strings = [...vectorStrings(), ...generatedVersions()];

describe('the plain-version reader', () => {
  it('reads every string as the regex does, and takes the short cut for the plain ones', () => {
    let plain = 0;
    for (const s of strings) {
      expect([s, fields(tryParseVersion(s))]).toEqual([s, fields(byRegex(s))]);
      if (scanPlainVersion(s, false)) plain++;
    }
    // Guards against a reader that never answers (and so proves nothing above).
    expect(plain).toBeGreaterThan(200);
  });

  it('accepts only what the regex reads to the same parts', () => {
    for (const s of strings) {
      const scanned = scanPlainVersion(s, false);
      if (!scanned) continue;
      const v = byRegex(s)!;
      expect([s, v && v.local, scanned.release, scanned.pre, scanned.post, scanned.dev]).toEqual([s, null, [...v.release], v.pre && [...v.pre], v.post, v.dev]);
    }
  });
});

describe('wheel file name versions', () => {
  it('are judged as the regex judges them', () => {
    for (const s of strings) expect([s, looksLikeVersion(s)]).toEqual([s, PEP440_VERSION.test(s.trim())]);
  });
});

describe('the plain-specifier reader', () => {
  const operators = ['~=', '==', '!=', '<=', '>=', '<', '>', '===', '=', '=>', ''];
  const clauses = [...strings];
  for (const op of operators) for (const v of generatedVersions()) for (const gap of ['', ' \t']) clauses.push(`${op}${gap}${v}`);

  it('gives the same clause, or the same error message, as the regex', () => {
    let plain = 0;
    for (const text of clauses) {
      const reference = outcome(() => splitSpecifierByRegex(text));
      const actual = outcome(() => {
        const spec = new Specifier(text);
        return [spec.operator, spec.version];
      });
      expect([text, actual]).toEqual([text, reference]);
      const short = plainSpecifier(text);
      if (short) {
        plain++;
        expect([text, short]).toEqual([text, splitSpecifierByRegex(text)]);
      }
    }
    expect(plain).toBeGreaterThan(2000);
  });
});

describe('dependency lines read in two steps', () => {
  const names = ['pkg', 'Foo.Bar_baz-2', 'a', 'x-', '-x', 'pkg ', ' pkg'];
  const extras = ['', '[x]', '[ x , y ]', '[]', '[x,]', '[x', ' [x]'];
  const specs = ['', '>=1.0', ' >= 1.0 ,<2', '(>=1.0,<2)', '( >=1.0 )', '(>=1', '>=1)', '==1.*', '~=1', '~=1.4', '!=1.5.7,>=1.5.6', '===1.0', '>=v1', '>=1.0+local', '>=1.0a1.post2.dev3', '<2.0a0', '>=1,', ',>=1', '> =1', '@ https://x/y.whl', '@ https://x/y.whl ', '(>=1 ]', '( >=1 x)', '>=1 ]', '(>=1,<2 ;', '>=1 (', '>=1 )', '(>=1))', '>=1\u00a0', '>=1\n'];
  const markers = ['', ';', '; extra == "x"', ' ; extra == \'Test_Extra\'', ';extra=="x"', '; python_version < "3.11" and extra == "x"', '; extra == "x', '; extra = "x"', '; extra == "x" junk', '; (extra == "x"', '; os_name == "nt" or sys_platform == "win32"', '; extra == "a\\b"', '; python_version >= "3.9" ; x'];
  const lines: string[] = [...strings];
  for (const n of names) for (const e of extras) for (const sp of specs) for (const m of markers) lines.push(`${n}${e}${sp}${m}`);

  const shape = (r: Requirement) => [r.name, [...r.extras], r.specifier.toString(), r.url, r.marker?.toString() ?? null, r.toString()];

  it('gives the same name, marker and requirement as parseRequirement, or the same error', () => {
    let deferred = 0;
    for (const text of lines) {
      const reference = outcome(() => shape(parseRequirement(text)));
      // The error must come at once, not when the requirement is first asked for.
      const declared = outcome(() => declaredRequirement(text)) as { ok?: DeclaredRequirement };
      if (!declared.ok) {
        expect([text, declared]).toEqual([text, reference]);
        continue;
      }
      const d = declared.ok;
      if (d.deferred) deferred++;
      const early = [d.name, d.marker?.toString() ?? null];
      const actual = outcome(() => shape(d.requirement));
      expect([text, actual]).toEqual([text, reference]);
      expect([text, early]).toEqual([text, [d.requirement.name, d.requirement.marker?.toString() ?? null]]);
    }
    expect(deferred).toBeGreaterThan(500);
  });
});
