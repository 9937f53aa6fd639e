// From `--host` names to connection routes: ssh_config (HostName, User, Port, IdentityFile, CertificateFile, ProxyJump,
// known_hosts files, StrictHostKeyChecking, HashKnownHosts, ConnectTimeout) with the flags taking precedence, as `ssh -o` does.
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { loadCredentials, type Credentials } from './credentials.js';
import { normalizeFingerprint, parseKnownHosts, readKnownHosts, type HostKeyPolicy, type KnownHostEntry } from './hostkeys.js';
import { expandPath, expandTilde, loadSshConfig, localUser, resolveSshHost, type SshConfig, type TokenValues } from './ssh-config.js';
import { splitHostSpec, type HostTarget } from './target.js';
import type { ConnectionOptions } from './types.js';

const DEFAULT_CONNECT_TIMEOUT_S = 15;
const MAX_HOPS = 8;

/** `ssh://[user@]host[:port]` (ProxyJump's URI form) to `[user@]host[:port]`. */
function hopSpec(hop: string): string {
  return hop.startsWith('ssh://') ? hop.slice('ssh://'.length).replace(/\/$/, '') : hop;
}

/** IdentityAgent: `none`, `SSH_AUTH_SOCK` or `$VAR` (an environment variable), or a path. */
function agentPath(value: string, tokens: TokenValues): string | undefined {
  if (value.toLowerCase() === 'none') return undefined;
  const variable = value === 'SSH_AUTH_SOCK' ? value : /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value)?.[1];
  if (variable) return process.env[variable] || undefined;
  return expandPath(value, tokens, 'IdentityAgent');
}

/** Resolves every `--host` to a target with its route; throws UsageError naming the bad input. */
export function resolveHosts(o: ConnectionOptions): HostTarget[] {
  const config: SshConfig = o.sshConfigFile === 'none' ? { items: [], files: [] } : loadSshConfig(o.sshConfigFile);
  const fingerprints = (o.hostFingerprints ?? []).map((fp) => {
    const n = normalizeFingerprint(fp);
    if (!n) throw new UsageError(`--host-fingerprint '${fp}': expected SHA256:<43 base64 characters>, as 'ssh-keygen -lf' prints it.`);
    return n;
  });
  const textEntries = o.knownHostsText ? parseKnownHosts(o.knownHostsText) : [];
  const fileEntries = new Map<string, KnownHostEntry[]>();
  const entriesOf = (file: string) => {
    if (!fileEntries.has(file)) fileEntries.set(file, readKnownHosts(file));
    return fileEntries.get(file)!;
  };
  const credentialCache = new Map<string, Credentials>();
  const credentialsFor = (configIdentityFiles: string[], certificateFiles: string[], agentSocket: string | undefined) => {
    // --identity and the key text win over ssh_config, as `ssh -i` is tried first.
    const files = o.identityFile || o.privateKey ? [] : configIdentityFiles;
    const key = [agentSocket ?? '', ...files, '', ...certificateFiles].join('\n');
    if (!credentialCache.has(key)) {
      credentialCache.set(
        key,
        loadCredentials({ identityFile: o.identityFile, keyText: o.privateKey, passphrase: o.passphrase, agentSocket, configIdentityFiles: files, certificateFiles, certificateText: o.certificate }),
      );
    }
    return credentialCache.get(key)!;
  };

  const resolve = (spec: string, flag: string, jumpsFrom: 'config' | HostTarget[], depth: number): HostTarget => {
    if (depth > MAX_HOPS) throw new UsageError(`${flag} '${spec}': more than ${MAX_HOPS} jump hosts (a ProxyJump loop in the ssh config?).`);
    const given = splitHostSpec(spec, flag);
    const cfg = resolveSshHost(config, given.host);
    const user = given.user ?? cfg.user ?? localUser();
    const port = given.port ?? cfg.port ?? 22;
    const host = cfg.hostName;
    if (!/^[A-Za-z0-9._:%-]+$/.test(host)) throw new UsageError(`${flag} '${spec}': its HostName '${host}' is not a host name or address.`);
    const tokens = { host, original: given.host, port, user };
    const identityFiles = cfg.identityFiles.map((f) => expandPath(f, tokens, 'IdentityFile'));
    const certificateFiles = cfg.certificateFiles.map((f) => expandPath(f, tokens, 'CertificateFile'));
    const userFiles = o.knownHostsFile
      ? [expandTilde(o.knownHostsFile)]
      : (cfg.userKnownHostsFiles ?? ['~/.ssh/known_hosts', '~/.ssh/known_hosts2']).map((f) => expandPath(f, tokens, 'UserKnownHostsFile'));
    const globalFiles = (cfg.globalKnownHostsFiles ?? ['/etc/ssh/ssh_known_hosts', '/etc/ssh/ssh_known_hosts2']).map((f) =>
      expandPath(f, tokens, 'GlobalKnownHostsFile'),
    );
    const files = [...userFiles, ...globalFiles].filter((f) => f !== 'none');
    const primary = userFiles.find((f) => f !== 'none') ?? path.join(homedir(), '.ssh', 'known_hosts');
    const shown = files.filter((f, i) => i === 0 || entriesOf(f).length > 0);
    const hostKeys: HostKeyPolicy = {
      knownHosts: [...files.flatMap(entriesOf), ...textEntries],
      knownHostsFile: primary,
      sources: [...shown, ...(o.knownHostsText ? ['the known-hosts text'] : [])].join(', ') || primary,
      fingerprints,
      acceptNew: cfg.strictHostKeyChecking === 'accept-new',
      hashNames: cfg.hashKnownHosts ?? false,
    };
    let jumps: HostTarget[] = [];
    if (jumpsFrom !== 'config') jumps = jumpsFrom;
    else if (cfg.proxyJump) jumps = resolveChain(cfg.proxyJump, `ProxyJump of ${given.host}`, depth + 1);
    // The agent: none when told (agentSocket null, `IdentityAgent none`, IdentitiesOnly with IdentityFile).
    let agent = o.agentSocket === null ? undefined : (o.agentSocket ?? process.env.SSH_AUTH_SOCK);
    if (o.agentSocket === undefined && cfg.identityAgent) agent = agentPath(cfg.identityAgent, tokens);
    if (cfg.identitiesOnly && identityFiles.length) agent = undefined;
    const connectTimeoutMs = (o.connectTimeoutSeconds ?? cfg.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_S) * 1000;
    return {
      label: spec.trim(),
      user,
      host,
      port,
      route: { credentials: credentialsFor(identityFiles, certificateFiles, agent), hostKeys, connectTimeoutMs, jumps },
    };
  };

  // `A,B`: B is reached through A (and A through its own ProxyJump), as `ssh -J A,B` does.
  const resolveChain = (list: string, flag: string, depth: number): HostTarget[] => {
    const chain: HostTarget[] = [];
    list.split(',').forEach((hop, i) => {
      const t = resolve(hopSpec(hop.trim()), flag, i === 0 ? 'config' : [...chain], depth);
      chain.push(...(i === 0 ? t.route.jumps : []), t);
    });
    return chain;
  };

  const explicitJumps = o.jump ? resolveChain(o.jump, '--jump', 1) : undefined;
  const targets = o.hosts.map((h) => resolve(h, '--host', explicitJumps ?? 'config', 0));
  const labels = new Set<string>();
  for (const t of targets) {
    if (labels.has(t.label)) throw new UsageError(`--host ${t.label} is given twice.`);
    labels.add(t.label);
  }
  return targets;
}
