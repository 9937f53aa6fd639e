// A reader for ~/.netrc (the format curl, pip and Python's netrc module share).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface NetrcEntry {
  login: string;
  password: string;
}

export interface Netrc {
  machines: Map<string, NetrcEntry>;
  default?: NetrcEntry;
}

/** Splits netrc text into tokens: whitespace separated, `"…"` quoting with `\` escapes, `#` comments. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') {
      let tok = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        tok += text[i++];
      }
      i++;
      tokens.push(tok);
    } else {
      let tok = '';
      while (i < text.length && !/\s/.test(text[i])) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        tok += text[i++];
      }
      tokens.push(tok);
    }
  }
  return tokens;
}

export function parseNetrc(text: string): Netrc {
  // `macdef` bodies run until a blank line; drop them before tokenising.
  const withoutMacros = text.replace(/(^|\s)macdef\s+\S+[^\n]*\n[\s\S]*?(\n\s*\n|$)/g, '$1');
  const tokens = tokenize(withoutMacros);
  const netrc: Netrc = { machines: new Map() };
  let current: NetrcEntry | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'machine') {
      current = { login: '', password: '' };
      const host = (tokens[++i] ?? '').toLowerCase();
      if (!netrc.machines.has(host)) netrc.machines.set(host, current);
    } else if (t === 'default') {
      current = { login: '', password: '' };
      netrc.default ??= current;
    } else if ((t === 'login' || t === 'user') && current) {
      current.login = tokens[++i] ?? '';
    } else if (t === 'password' && current) {
      current.password = tokens[++i] ?? '';
    } else if (t === 'account') {
      i++;
    }
  }
  return netrc;
}

/** `$NETRC` if set, else `~/.netrc` (HOME from `env` so tests can point elsewhere). */
export function netrcPath(env: NodeJS.ProcessEnv): string {
  if (env.NETRC) return env.NETRC;
  return path.join(env.HOME || os.homedir(), '.netrc');
}

/** Reads the netrc file; a missing or unreadable file means no entries. */
export function loadNetrc(file: string): Netrc {
  try {
    return parseNetrc(readFileSync(file, 'utf8'));
  } catch {
    return { machines: new Map() };
  }
}

export function netrcLookup(netrc: Netrc, host: string): NetrcEntry | undefined {
  return netrc.machines.get(host.toLowerCase()) ?? netrc.default;
}
