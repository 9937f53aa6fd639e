// docs/action.md holds generated blocks between markers, so its tables and examples cannot drift from
// action.yml and examples/workflows:
//   <!-- generated: inputs action.yml -->   … <!-- /generated -->   the inputs table
//   <!-- generated: outputs action.yml -->  … <!-- /generated -->   the outputs table
//   <!-- generated: example examples/workflows/x.yml --> … <!-- /generated -->   the file, as a yaml block
import { readFileSync } from 'node:fs';
import { readActionMetadata } from './action-metadata.js';

const BLOCK = /(<!-- generated: (inputs|outputs|example) (\S+) -->\n)([\s\S]*?)(<!-- \/generated -->)/g;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/\|/g, '\\|')}\``;
}

export function inputsTable(file: string): string {
  const meta = readActionMetadata(file);
  const rows = meta.inputs.map((i) => `| \`${i.name}\` | ${i.required ? 'yes' : 'no'} | ${code(i.default ?? '')} | ${cell(i.description)} |`);
  return ['| Input | Required | Default | Description |', '|---|---|---|---|', ...rows, ''].join('\n');
}

export function outputsTable(file: string): string {
  const meta = readActionMetadata(file);
  const rows = meta.outputs.map((o) => `| \`${o.name}\` | ${cell(o.description)} |`);
  return ['| Output | Description |', '|---|---|', ...rows, ''].join('\n');
}

export function exampleBlock(file: string): string {
  return ['```yaml', readFileSync(file, 'utf8').trimEnd(), '```', ''].join('\n');
}

/** The document with every generated block filled in from the files it names. */
export function renderGenerated(markdown: string): string {
  return markdown.replace(BLOCK, (_all, open: string, kind: string, file: string, _body: string, close: string) => {
    const content = kind === 'inputs' ? inputsTable(file) : kind === 'outputs' ? outputsTable(file) : exampleBlock(file);
    return `${open}${content}${close}`;
  });
}

/** The files named by generated blocks of each kind. */
export function generatedBlocks(markdown: string): { kind: string; file: string }[] {
  return [...markdown.matchAll(BLOCK)].map((m) => ({ kind: m[2], file: m[3] }));
}

/** Every ```yaml block that is a workflow (has `jobs:`). */
export function workflowBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^jobs:/m.test(b));
}
