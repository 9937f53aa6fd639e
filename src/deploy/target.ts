import { UsageError } from '../errors.js';
import type { Credentials } from './credentials.js';
import type { HostKeyPolicy } from './hostkeys.js';

/** Where to connect: `[USER@]HOST[:PORT]`, IPv6 as `[::1]:22` (or bare `::1` without a port). */
export interface HostAddress {
  /** As the user wrote it; used to name the host in messages and summaries. */
  label: string;
  user: string;
  host: string;
  port: number;
}

/** An address with its route: only resolveHosts makes these, so nothing connects without ssh_config and the flags. */
export interface HostTarget extends HostAddress {
  /** How to reach, trust and log in to it (ssh_config and the flags; resolve-hosts.ts). */
  route: HostRoute;
}

export interface HostRoute {
  credentials: Credentials;
  hostKeys: HostKeyPolicy;
  connectTimeoutMs: number;
  /** Hosts to go through first, outermost first (ProxyJump, --jump); each carries its own route. */
  jumps: HostTarget[];
}

export function parseHostTarget(spec: string, flag = '--host', defaultUser?: string): HostAddress {
  const parts = splitHostSpec(spec, flag);
  const user = parts.user ?? defaultUser ?? process.env.USER ?? process.env.LOGNAME ?? 'root';
  return { label: spec.trim(), user, host: parts.host, port: parts.port ?? 22 };
}

/** `[USER@]HOST[:PORT]` split into what was written: user and port stay undefined when not given. */
export function splitHostSpec(spec: string, flag = '--host'): { user?: string; host: string; port?: number } {
  const raw = spec.trim();
  const fail = (why: string) =>
    new UsageError(`${flag} '${spec}': ${why}; expected [USER@]HOST[:PORT], with IPv6 as [::1]:22.`);
  if (!raw || /\s/.test(raw)) throw fail('empty or contains spaces');
  const at = raw.lastIndexOf('@');
  const user = at >= 0 ? raw.slice(0, at) : undefined;
  if (at >= 0 && !user) throw fail('the user before @ is empty');
  let rest = at >= 0 ? raw.slice(at + 1) : raw;
  let host: string;
  let port: number | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) throw fail('an opening [ without a closing ]');
    host = rest.slice(1, close);
    rest = rest.slice(close + 1);
    if (rest) {
      if (!rest.startsWith(':')) throw fail(`unexpected '${rest}' after ]`);
      port = parsePort(rest.slice(1), fail);
    }
  } else if ((rest.match(/:/g) ?? []).length > 1) {
    host = rest; // a bare IPv6 address: no port possible without brackets
  } else {
    const colon = rest.indexOf(':');
    host = colon >= 0 ? rest.slice(0, colon) : rest;
    if (colon >= 0) port = parsePort(rest.slice(colon + 1), fail);
  }
  if (!host) throw fail('the host name is empty');
  if (!/^[A-Za-z0-9._:%-]+$/.test(host)) throw fail(`'${host}' is not a host name or address`);
  return { user, host, port };
}

function parsePort(text: string, fail: (why: string) => Error): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw fail(`'${text}' is not a port (1-65535)`);
  return Number(text);
}

/** The name OpenSSH uses in known_hosts: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}
