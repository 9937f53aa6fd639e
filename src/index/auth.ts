// Credentials for index hosts. Where they come from, first match wins:
//  1. user-info in an index or find-links URL (`https://user:pass@host/simple`), for every request to that
//     scheme+host+port — so files the index serves from the same host get them too;
//  2. environment variables `PEXSHIP_INDEX_<NAME>_USERNAME` / `PEXSHIP_INDEX_<NAME>_PASSWORD`, where NAME is
//     the request's host name upper-cased with every non-alphanumeric character as `_`, first with the port
//     (`pypi.corp.example:8443` → `PYPI_CORP_EXAMPLE_8443`) then without (`PYPI_CORP_EXAMPLE`); either
//     variable may be missing (an empty user name suits token-only servers);
//  3. `~/.netrc` (or the file `$NETRC` names): the `machine` entry for the host, else `default`.
// Credentials are sent preemptively as HTTP Basic auth; they never leave for another host.
import { loadNetrc, netrcLookup, netrcPath, type Netrc } from './netrc.js';

export interface Credentials {
  username: string;
  password: string;
}

/** The environment variable stem for a host: `PEXSHIP_INDEX_<NAME>`. */
export function envNameForHost(host: string): string {
  return 'PEXSHIP_INDEX_' + host.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** Credentials written into a URL, decoded; undefined when it has none. */
export function credentialsInUrl(url: URL): Credentials | undefined {
  if (!url.username && !url.password) return undefined;
  return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
}

/** The URL without user-info (what we actually request, log and cache by). */
export function stripCredentials(url: string | URL): string {
  const u = new URL(url.toString());
  u.username = '';
  u.password = '';
  return u.toString();
}

export class Auth {
  private readonly byOrigin = new Map<string, Credentials | undefined>();
  private netrc?: Netrc;

  constructor(
    urls: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly netrcFile: string = netrcPath(env),
  ) {
    for (const raw of urls) {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        continue;
      }
      const creds = credentialsInUrl(u);
      if (creds && !this.byOrigin.has(u.origin)) this.byOrigin.set(u.origin, creds);
    }
  }

  credentialsFor(url: URL): Credentials | undefined {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const origin = url.origin;
    if (this.byOrigin.has(origin)) return this.byOrigin.get(origin);
    // Looked up once per origin (a lock sends hundreds of requests to one): what is found, or that nothing is.
    const found = this.lookUp(url);
    this.byOrigin.set(origin, found);
    return found;
  }

  private lookUp(url: URL): Credentials | undefined {
    const fromEnv = envCredentials(this.env, url);
    if (fromEnv) return fromEnv;
    this.netrc ??= loadNetrc(this.netrcFile);
    const entry = netrcLookup(this.netrc, url.hostname);
    if (entry && (entry.login || entry.password)) return { username: entry.login, password: entry.password };
    return undefined;
  }

  /** The `Authorization` header value for a request to `url`, if we hold credentials for it. */
  headerFor(url: URL): string | undefined {
    const c = this.credentialsFor(url);
    if (!c) return undefined;
    return 'Basic ' + Buffer.from(`${c.username}:${c.password}`).toString('base64');
  }

  /** Where credentials for `url` would come from, for error messages (never the credentials themselves). */
  describeSources(url: URL): string {
    const names = envNames(url);
    return `credentials in the URL, ${names.map((n) => `${n}_USERNAME/_PASSWORD`).join(' or ')}, or a '${url.hostname}' entry in ${this.netrcFile}`;
  }
}

function envNames(url: URL): string[] {
  const names = [envNameForHost(url.hostname)];
  if (url.port) names.unshift(envNameForHost(`${url.hostname}:${url.port}`));
  return names;
}

function envCredentials(env: NodeJS.ProcessEnv, url: URL): Credentials | undefined {
  for (const name of envNames(url)) {
    const username = env[`${name}_USERNAME`];
    const password = env[`${name}_PASSWORD`];
    if (username !== undefined || password !== undefined) return { username: username ?? '', password: password ?? '' };
  }
  return undefined;
}

/**
 * Every secret the given index URLs could make us use, for masking in CI logs (`core.setSecret`): passwords in
 * the URLs (and user names standing alone, as tokens often do), matching `PEXSHIP_INDEX_*` variables, any
 * `PEXSHIP_INDEX_*_PASSWORD`, and the netrc passwords for those hosts.
 */
export function secretsOf(urls: string[], env: NodeJS.ProcessEnv = process.env, netrcFile: string = netrcPath(env)): string[] {
  const secrets = new Set<string>();
  const add = (c: Credentials | undefined) => {
    if (!c) return;
    if (c.password) secrets.add(c.password);
    else if (c.username) secrets.add(c.username);
  };
  const netrc = loadNetrc(netrcFile);
  for (const raw of urls) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      continue;
    }
    add(credentialsInUrl(u));
    add(envCredentials(env, u));
    const entry = netrcLookup(netrc, u.hostname);
    if (entry) add({ username: entry.login, password: entry.password });
  }
  for (const [key, value] of Object.entries(env)) {
    if (value && /^PEXSHIP_INDEX_.+_PASSWORD$/.test(key)) secrets.add(value);
  }
  return [...secrets];
}
