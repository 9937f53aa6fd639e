// OpenSSH client configuration (ssh_config(5)): the subset a deploy needs, resolved the way `ssh -G` does it.
// Files are read top to bottom; for each keyword the first value obtained wins (IdentityFile accumulates);
// `Host` blocks match the name as given, `Match` blocks a few safe criteria. Keywords that would change where
// or how we connect but that we cannot honour (ProxyCommand, HostKeyAlias, Match exec…) are refused, never
// silently ignored: connecting somewhere else than `ssh HOST` would is worse than not connecting.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** One `Keyword args…` line, with where it came from (for messages). */
interface ConfigLine {
  keyword: string;
  args: string[];
  where: string;
}

/** A condition (`Host` or `Match`) and the lines under it; Include is expanded in place. */
type ConfigItem = { kind: 'line'; line: ConfigLine } | { kind: 'block'; cond: ConfigLine; items: ConfigItem[] };

export interface SshConfig {
  items: ConfigItem[];
  /** The files read, for messages. */
  files: string[];
}

/** What `ssh -G HOST` would use, for the keywords pexship honours. Paths are raw (tokens and `~` as written). */
export interface SshHostConfig {
  /** The name as given (`Host` patterns match it). */
  original: string;
  hostName: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  /** CertificateFile: user certificates, each used with the key it certifies. */
  certificateFiles: string[];
  /** `none` is folded to undefined. */
  proxyJump?: string;
  userKnownHostsFiles?: string[];
  globalKnownHostsFiles?: string[];
  strictHostKeyChecking?: 'yes' | 'accept-new' | 'ask';
  /** HashKnownHosts yes: names recorded in known_hosts (accept-new) are written hashed, `|1|salt|hash`. */
  hashKnownHosts?: boolean;
  connectTimeoutSeconds?: number;
  /** Agent socket (raw: `none`, `SSH_AUTH_SOCK`, `$VAR` or a path with tokens). */
  identityAgent?: string;
  /** IdentitiesOnly yes: with IdentityFile given, offer only those keys (never the agent's others). */
  identitiesOnly?: boolean;
}

const MAX_INCLUDE_DEPTH = 16;

/** Splits a line into words, honouring double quotes, and `Keyword=value`. */
function tokenize(text: string, where: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let word = '';
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new UsageError(`${where}: unbalanced quotes.`);
      word = text.slice(i + 1, close);
      i = close + 1;
    } else {
      while (i < text.length && !/\s/.test(text[i])) word += text[i++];
    }
    words.push(word);
  }
  // `Keyword=value` and `Keyword = value`: the first `=` ends the keyword.
  if (words.length) {
    const eq = words[0].indexOf('=');
    if (eq > 0) words.splice(0, 1, words[0].slice(0, eq), ...(words[0].slice(eq + 1) ? [words[0].slice(eq + 1)] : []));
    else if (words[1] === '=') words.splice(1, 1);
    else if (words[1]?.startsWith('=')) words[1] = words[1].slice(1);
  }
  return words.filter((w, n) => n === 0 || w !== '');
}

export function expandTilde(file: string): string {
  return file.replace(/^~(?=$|\/)/, homedir());
}

/** Include's argument: `~` expanded, relative to ~/.ssh (user files) or /etc/ssh (the system file), globs. */
function includeTargets(pattern: string, system: boolean): string[] {
  let p = expandTilde(pattern);
  if (!path.isAbsolute(p)) p = path.join(system ? '/etc/ssh' : path.join(homedir(), '.ssh'), p);
  if (!/[*?[]/.test(p)) return [p];
  // Glob on the last path parts only, which is how it is used (`config.d/*.conf`).
  const parts = p.split('/');
  let dirs = ['/'];
  for (const part of parts.filter(Boolean)) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (!/[*?[]/.test(part)) {
        next.push(path.join(dir, part));
        continue;
      }
      let names: string[] = [];
      try {
        names = readdirSync(dir).sort();
      } catch {
        /* no such directory: nothing matches, like glob(3) */
      }
      for (const n of names) if (!n.startsWith('.') && globMatch(part, n, false)) next.push(path.join(dir, n));
    }
    dirs = next;
  }
  return dirs;
}

function readItems(file: string, system: boolean, depth: number, files: string[], mustExist: boolean): ConfigItem[] {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`ssh config ${file}: is a directory, not a file.`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    if (!mustExist && (err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsageError(`ssh config ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? err}).`);
  }
  files.push(file);
  const top: ConfigItem[] = [];
  let current = top;
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `${file} line ${n + 1}`;
    const [word, ...args] = tokenize(line, where);
    const keyword = word.toLowerCase();
    const entry: ConfigLine = { keyword, args, where };
    if (keyword === 'host' || keyword === 'match') {
      if (!args.length) throw new UsageError(`${where}: ${word} needs an argument.`);
      const block: ConfigItem = { kind: 'block', cond: entry, items: [] };
      top.push(block);
      current = block.items;
    } else if (keyword === 'include') {
      if (depth >= MAX_INCLUDE_DEPTH) throw new UsageError(`${where}: Include nested more than ${MAX_INCLUDE_DEPTH} deep (a loop?).`);
      for (const pattern of args) {
        for (const target of includeTargets(pattern, system)) {
          // An included file's own Host/Match blocks end at its end; its top lines follow the including block.
          current.push(...readItems(target, system, depth + 1, files, false));
        }
      }
    } else {
      current.push({ kind: 'line', line: entry });
    }
  });
  return top;
}

/**
 * Reads an ssh_config: `file` alone when given (like `ssh -F`, which must exist), else ~/.ssh/config then
 * /etc/ssh/ssh_config (either may be missing).
 */
export function loadSshConfig(file?: string): SshConfig {
  const files: string[] = [];
  if (file) return { items: readItems(expandTilde(file), false, 0, files, true), files };
  const items = [
    ...readItems(path.join(homedir(), '.ssh', 'config'), false, 0, files, false),
    ...readItems('/etc/ssh/ssh_config', true, 0, files, false),
  ];
  return { items, files };
}

/** OpenSSH wildcard match: `*` and `?`. */
export function globMatch(pattern: string, name: string, ignoreCase = true): boolean {
  const re = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(re, ignoreCase ? 'i' : '').test(name);
}

/** A comma- or space-separated pattern list: matches when a pattern matches and no `!pattern` does. */
export function patternListMatch(patterns: string[], name: string, ignoreCase = true): boolean {
  let matched = false;
  for (const p of patterns.flatMap((a) => a.split(','))) {
    if (!p) continue;
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), name, ignoreCase)) return false;
    } else if (globMatch(p, name, ignoreCase)) matched = true;
  }
  return matched;
}

/** Keywords that change where or how ssh connects, which pexship cannot honour: refused when they apply. */
const REFUSED: Record<string, string> = {
  proxycommand: 'ProxyCommand is not supported; use ProxyJump',
  hostkeyalias: 'HostKeyAlias is not supported; put the host name (or [host]:port) in known_hosts',
  canonicalizehostname: 'CanonicalizeHostname is not supported; write the full name in HostName',
  remotecommand: 'RemoteCommand would replace the deploy script; remove it for this host',
};

/** Local state the `Match` criteria and %-tokens look at. */
export function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'root';
  }
}

interface MatchState {
  original: string;
  hostName?: string;
  user?: string;
}

const MATCH_WITH_ARGUMENT = new Set(['host', 'originalhost', 'user', 'localuser', 'exec', 'localnetwork', 'tagged']);

function matchBlock(cond: ConfigLine, state: MatchState): boolean {
  const words = cond.args;
  let result = true;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const negate = word.startsWith('!');
    const crit = (negate ? word.slice(1) : word).toLowerCase();
    if (crit === 'all') {
      if (words.length !== 1 || negate) throw new UsageError(`${cond.where}: 'Match all' takes no other criteria.`);
      return true;
    }
    const arg = MATCH_WITH_ARGUMENT.has(crit) ? words[++i] : undefined;
    if (MATCH_WITH_ARGUMENT.has(crit) && arg === undefined) throw new UsageError(`${cond.where}: Match ${crit} needs an argument.`);
    // Criteria are ANDed in order, as ssh does (it runs no `exec` once one has failed): once one fails, the
    // block does not apply whatever the rest says.
    if (!result) continue;
    let hit: boolean;
    if (crit === 'host') hit = patternListMatch([arg!], state.hostName ?? state.original);
    else if (crit === 'originalhost') hit = patternListMatch([arg!], state.original);
    else if (crit === 'user') hit = patternListMatch([arg!], state.user ?? localUser(), false);
    else if (crit === 'localuser') hit = patternListMatch([arg!], localUser(), false);
    else {
      throw new UsageError(
        `${cond.where}: 'Match ${word}' is not supported by pexship (only all, host, originalhost, user, localuser); ` +
          'move this host into a Host block or pass --ssh-config with a file pexship can read.',
      );
    }
    if (hit === negate) result = false;
  }
  return result;
}

/** `ssh -G HOST` for the keywords pexship uses. */
export function resolveSshHost(config: SshConfig, host: string): SshHostConfig {
  const out: SshHostConfig = { original: host, hostName: host, identityFiles: [], certificateFiles: [] };
  const seen = new Set<string>();
  let hostName: string | undefined;
  const once = (kw: string) => !seen.has(kw) && (seen.add(kw), true);
  const apply = (l: ConfigLine) => {
    const first = l.args[0];
    const need = () => {
      if (first === undefined) throw new UsageError(`${l.where}: ${l.keyword} needs a value.`);
      return first;
    };
    switch (l.keyword) {
      case 'hostname':
        if (once(l.keyword)) hostName = need();
        break;
      case 'user':
        if (once(l.keyword)) out.user = need();
        break;
      case 'port': {
        const v = need();
        if (!/^\d+$/.test(v) || +v < 1 || +v > 65535) throw new UsageError(`${l.where}: Port '${v}' is not a port (1-65535).`);
        if (once(l.keyword)) out.port = +v;
        break;
      }
      case 'identityfile':
        out.identityFiles.push(need());
        break;
      case 'certificatefile':
        out.certificateFiles.push(need());
        break;
      case 'proxyjump':
        if (once(l.keyword)) out.proxyJump = need().toLowerCase() === 'none' ? undefined : need();
        break;
      case 'userknownhostsfile':
        if (once(l.keyword)) out.userKnownHostsFiles = (need(), l.args);
        break;
      case 'globalknownhostsfile':
        if (once(l.keyword)) out.globalKnownHostsFiles = (need(), l.args);
        break;
      case 'stricthostkeychecking': {
        const v = need().toLowerCase();
        if (!once(l.keyword)) break;
        if (v === 'yes' || v === 'true') out.strictHostKeyChecking = 'yes';
        else if (v === 'accept-new') out.strictHostKeyChecking = 'accept-new';
        else if (v === 'ask') out.strictHostKeyChecking = 'ask';
        else if (v === 'no' || v === 'off' || v === 'false') {
          throw new UsageError(
            `${l.where}: StrictHostKeyChecking ${first} applies to ${host}, but pexship never connects to a host whose key it cannot check. ` +
              'Use accept-new (trust on first use, recorded in known_hosts) or pin the key (known_hosts, --host-fingerprint).',
          );
        } else throw new UsageError(`${l.where}: StrictHostKeyChecking '${first}': expected yes, accept-new or ask.`);
        break;
      }
      case 'hashknownhosts': {
        const v = need().toLowerCase();
        if (!once(l.keyword)) break;
        if (!/^(yes|true|no|false)$/.test(v)) throw new UsageError(`${l.where}: HashKnownHosts '${first}': expected yes or no.`);
        out.hashKnownHosts = v === 'yes' || v === 'true';
        break;
      }
      case 'identityagent':
        if (once(l.keyword)) out.identityAgent = need();
        break;
      case 'identitiesonly': {
        const v = need().toLowerCase();
        if (once(l.keyword)) out.identitiesOnly = v === 'yes' || v === 'true';
        break;
      }
      case 'connecttimeout': {
        const v = need();
        if (!once(l.keyword)) break;
        if (v.toLowerCase() === 'none') break;
        if (!/^\d+$/.test(v) || +v < 1) throw new UsageError(`${l.where}: ConnectTimeout '${v}': give whole seconds (1 or more).`);
        out.connectTimeoutSeconds = +v;
        break;
      }
      default:
        if (REFUSED[l.keyword] && !(l.keyword === 'proxycommand' && first?.toLowerCase() === 'none') && once(l.keyword)) {
          if (l.keyword === 'canonicalizehostname' && /^(no|false|off)$/i.test(first ?? '')) break;
          throw new UsageError(`${l.where}: ${REFUSED[l.keyword]} (it applies to ${host}).`);
        }
    }
  };
  const walk = (items: ConfigItem[]) => {
    for (const item of items) {
      if (item.kind === 'line') apply(item.line);
      else {
        const active =
          item.cond.keyword === 'host'
            ? patternListMatch(item.cond.args, host, false) // ssh matches Host case-sensitively, then lowercases
            : matchBlock(item.cond, { original: host, hostName: hostName && expandHostName(hostName, host), user: out.user });
        if (active) walk(item.items);
      }
    }
  };
  walk(config.items);
  out.hostName = (hostName ? expandHostName(hostName, host) : host).toLowerCase();
  return out;
}

/** HostName may say `%h` (the name given) and `%%`. */
function expandHostName(value: string, original: string): string {
  return value.replace(/%([%h])/g, (_, t: string) => (t === '%' ? '%' : original));
}

export interface TokenValues {
  /** Remote host name (after HostName). */
  host: string;
  /** The name as given. */
  original: string;
  port: number;
  user: string;
}

/** Expands `~` and the %-tokens of IdentityFile / UserKnownHostsFile: %h %n %p %r %u %d %l %i %%. */
export function expandPath(value: string, t: TokenValues, keyword: string): string {
  const home = homedir();
  const expanded = value.replace(/%(.)/g, (m, c: string) => {
    switch (c) {
      case '%':
        return '%';
      case 'h':
        return t.host;
      case 'n':
        return t.original;
      case 'p':
        return String(t.port);
      case 'r':
        return t.user;
      case 'u':
        return localUser();
      case 'd':
        return home;
      case 'l':
        return hostname().split('.')[0];
      case 'i':
        return String(process.getuid?.() ?? '');
      default:
        throw new UsageError(`${keyword} ${value}: the token ${m} is not supported by pexship (only %h %n %p %r %u %d %l %i %%).`);
    }
  });
  return expandTilde(expanded);
}
