// docs/action.md (and the README once the lead folds it in) shows exactly the inputs and outputs of the
// action.yml files and the example workflows the validator tests check. UPDATE_DOCS=1 regenerates the blocks.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedBlocks, renderGenerated, workflowBlocks } from './helpers/docs.js';

const DOC = 'docs/action.md';
const EXAMPLES = readdirSync('examples/workflows')
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join('examples/workflows', f));

describe('action documentation', () => {
  it('has every generated block up to date, here and in the README', () => {
    for (const doc of [DOC, 'README.md'].filter((f) => existsSync(f))) {
      const text = readFileSync(doc, 'utf8');
      const fresh = renderGenerated(text);
      if (process.env.UPDATE_DOCS === '1' && fresh !== text) writeFileSync(doc, fresh);
      expect(text, `${doc} is out of date with action.yml or examples/workflows; run UPDATE_DOCS=1 npx vitest run test/action/docs.test.ts`).toBe(fresh);
    }
  });

  it('documents the inputs and outputs of all three actions and shows every example workflow', () => {
    const blocks = generatedBlocks(readFileSync(DOC, 'utf8')).map((b) => `${b.kind} ${b.file}`);
    for (const action of ['action.yml', 'deploy/action.yml', 'rollback/action.yml']) {
      expect(blocks).toContain(`inputs ${action}`);
      expect(blocks).toContain(`outputs ${action}`);
    }
    for (const example of EXAMPLES) expect(blocks).toContain(`example ${example}`);
  });

  it('shows no workflow in the docs or the README other than the validated example files', () => {
    const examples = EXAMPLES.map((f) => readFileSync(f, 'utf8').trimEnd());
    for (const doc of [DOC, 'README.md'].filter((f) => existsSync(f))) {
      for (const block of workflowBlocks(readFileSync(doc, 'utf8'))) {
        expect(examples, `${doc}: a workflow that is not one of examples/workflows/*.yml`).toContain(block.trimEnd());
      }
    }
  });
});
