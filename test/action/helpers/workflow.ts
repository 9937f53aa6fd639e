// Just enough of GitHub's workflow expressions to run an example workflow's steps as the runner would:
// `${{ … }}` in strings, context paths (`steps.pex.outputs.sha256`, `matrix.ship`), string/boolean literals,
// `==`, `!=`, `!`, `&&`, `||` (which return an operand, as GitHub's do) and parentheses. Anything else, and any
// path that names nothing, throws: an example that uses more than this, or reads a value nobody sets, fails
// its test instead of being run with a guess.

export type Contexts = Record<string, unknown>;

type Token = { kind: 'op' | 'str' | 'word'; text: string };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(==|!=|&&|\|\||[!()])|([A-Za-z_][\w.-]*))/y;
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(expr);
    if (!m) throw new Error(`unsupported expression syntax at '${expr.slice(at)}' in '${expr}'`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[1].slice(1, -1).replaceAll("''", "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'op', text: m[2] });
    else tokens.push({ kind: 'word', text: m[3] });
  }
  return tokens;
}

const truthy = (v: unknown) => v !== false && v !== null && v !== undefined && v !== '' && v !== 0;

function lookup(path: string, contexts: Contexts): unknown {
  const [root, ...keys] = path.split('.');
  if (!(root in contexts)) throw new Error(`the context '${root}' is not available here (in '${path}')`);
  let value: unknown = contexts[root];
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`'${path}' names nothing: no '${key}'`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function evaluate(expr: string, contexts: Contexts): unknown {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = () => tokens[i]?.text;
  const primary = (): unknown => {
    const t = tokens[i++];
    if (!t) throw new Error(`unexpected end of '${expr}'`);
    if (t.kind === 'str') return t.text;
    if (t.text === '(') {
      const v = or();
      if (tokens[i++]?.text !== ')') throw new Error(`missing ')' in '${expr}'`);
      return v;
    }
    if (t.text === '!') return !truthy(primary());
    if (t.kind !== 'word') throw new Error(`unexpected '${t.text}' in '${expr}'`);
    if (t.text === 'true' || t.text === 'false') return t.text === 'true';
    if (t.text === 'null') return null;
    return lookup(t.text, contexts);
  };
  const comparison = (): unknown => {
    const left = primary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const op = tokens[i++].text;
    const right = primary();
    // GitHub compares strings case-insensitively.
    const same = typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() === right.toLowerCase() : left === right;
    return op === '==' ? same : !same;
  };
  const and = (): unknown => {
    let v = comparison();
    while (peek() === '&&') {
      i++;
      const right = comparison();
      v = truthy(v) ? right : v;
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === '||') {
      i++;
      const right = and();
      v = truthy(v) ? v : right;
    }
    return v;
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`unexpected '${tokens[i].text}' in '${expr}'`);
  return value;
}

function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A workflow string with every `${{ … }}` evaluated. */
export function interpolate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => asString(evaluate(expr, contexts)));
}

/** An `if:` condition: bare or wrapped in `${{ }}`. */
export function condition(text: string | boolean | undefined, contexts: Contexts): boolean {
  if (text === undefined) return true;
  if (typeof text === 'boolean') return text;
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  return truthy(evaluate(m ? m[1] : text, contexts));
}

/** Every value of a `with:` or `env:` map, interpolated. */
export function interpolateMap(map: Record<string, unknown> | undefined, contexts: Contexts): Record<string, string> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, interpolate(asString(v), contexts)]));
}
