// Reads the inputs and outputs of our action.yml files. They are written in a plain subset of YAML (two-space
// indentation, one-line scalars); the validator tests check them with a full YAML parser, and this reader
// refuses anything outside the subset rather than misreading it.
import { readFileSync } from 'node:fs';

export interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  default?: string;
}

export interface ActionOutput {
  name: string;
  description: string;
}

export interface ActionMetadata {
  name: string;
  inputs: ActionInput[];
  outputs: ActionOutput[];
  using: string;
  main: string;
}

function scalar(raw: string, where: string): string {
  const text = raw.trim();
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`${where}: unterminated quoted scalar`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new Error(`${where}: unterminated quoted scalar`);
    return JSON.parse(text) as string;
  }
  if (/^[|>]/.test(text) || / #/.test(text)) throw new Error(`${where}: use a quoted one-line scalar`);
  return text;
}

export function readActionMetadata(file: string): ActionMetadata {
  const lines = readFileSync(file, 'utf8').split('\n');
  const meta: ActionMetadata = { name: '', inputs: [], outputs: [], using: '', main: '' };
  let section = '';
  let current: Record<string, string> | undefined;
  const entries: { section: string; name: string; fields: Record<string, string> }[] = [];
  lines.forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const m = /^( *)([\w-]+):(.*)$/.exec(line);
    if (!m) throw new Error(`${where}: not in the supported YAML subset: ${line}`);
    const [, indent, key, rest] = m;
    if (indent.length === 0) {
      section = key;
      current = undefined;
      if (key === 'name') meta.name = scalar(rest, where);
      return;
    }
    if (indent.length === 2) {
      if (section === 'inputs' || section === 'outputs') {
        if (rest.trim() !== '') throw new Error(`${where}: expected a mapping under ${key}`);
        current = {};
        entries.push({ section, name: key, fields: current });
      } else if (section === 'runs') {
        if (key === 'using') meta.using = scalar(rest, where);
        if (key === 'main') meta.main = scalar(rest, where);
      }
      return;
    }
    if (indent.length === 4 && current) {
      current[key] = scalar(rest, where);
      return;
    }
    throw new Error(`${where}: unexpected indentation`);
  });
  for (const e of entries) {
    if (e.section === 'inputs') {
      meta.inputs.push({ name: e.name, description: e.fields.description ?? '', required: e.fields.required === 'true', default: e.fields.default });
    } else {
      meta.outputs.push({ name: e.name, description: e.fields.description ?? '' });
    }
  }
  return meta;
}
