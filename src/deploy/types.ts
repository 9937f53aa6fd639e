import type { UploadTuning } from './upload.js';

/** How to reach the hosts; shared by deploy, rollback and releases. */
export interface ConnectionOptions {
  /** `[USER@]HOST[:PORT]`, IPv6 as `[::1]:22`. */
  hosts: string[];
  /** The deploy directory on every host (absolute, or relative to the login directory; `~/` allowed). */
  path: string;
  /** Private key file. */
  identityFile?: string;
  /** Private key text (PEXSHIP_SSH_KEY, the action's private-key input). */
  privateKey?: string;
  passphrase?: string;
  /** The key's user certificate, the text of KEY-cert.pub (PEXSHIP_SSH_CERTIFICATE, the action's ssh-certificate input). */
  certificate?: string;
  /** SSH agent socket; default SSH_AUTH_SOCK. Pass null to never use an agent. */
  agentSocket?: string | null;
  /** Default ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  /** known_hosts lines given as text (the action's known-hosts input); used together with the file. */
  knownHostsText?: string;
  /** `SHA256:…` fingerprints trusted for any host (and the jump host). */
  hostFingerprints?: string[];
  /** `[USER@]HOST[:PORT]` of a jump host, or several separated by commas (outermost first), as ssh -J. */
  jump?: string;
  /** An OpenSSH client config read instead of ~/.ssh/config and /etc/ssh/ssh_config (`none`: no config). */
  sshConfigFile?: string;
  connectTimeoutSeconds?: number;
  /** Retries of a connection that was refused, reset or cut before the SSH handshake (default 0). */
  connectRetries?: number;
  /** Upper bound for one host's remote steps (upload, pre-warm, restart, health check). */
  commandTimeoutSeconds?: number;
  /** Hosts worked on at once (default 10). */
  concurrency?: number;
  /** Age after which a lock left by an older pexship (one without a heartbeat) is taken over (1800 s). */
  lockTtlSeconds?: number;
  /**
   * Seconds without a heartbeat from a lock owner's client after which its lock is stale (default 15). The
   * client sends one every 2 s (or a quarter of this, when shorter) for as long as it works on the host.
   */
  lockStaleSeconds?: number;
  /** How long to wait for another deploy's lock before failing (default 5 s). */
  lockWaitSeconds?: number;
}

export interface HostCommands {
  restart?: string;
  healthCheck?: string;
  healthUrl?: string;
  healthTimeoutSeconds?: number;
  /** Time one request to the health URL may take (default 5 s). */
  probeTimeoutSeconds?: number;
}

export interface DeployOptions extends ConnectionOptions, HostCommands {
  pexFile: string;
  /** File name on the hosts without `.pex`; default the PEX file's stem. */
  name?: string;
  /** Releases to keep per host (default 5); `current` and the previous one are always kept. */
  keep?: number;
  /** Run the PEX once with PEX_INTERPRETER=1 before switching (default true). */
  preWarm?: boolean;
  /** Hosts per wave; default all at once. */
  batch?: number;
  /** Deploy to the first host alone before the others. */
  canary?: boolean;
  /**
   * Failed hosts the fleet tolerates before it stops and rolls back: a count (`2`) or a share of the hosts
   * (`25%`), as Ansible's max_fail_percentage. Default 0: any failure stops the deploy.
   */
  maxFail?: string;
  /** Roll back the hosts this deploy switched when a wave fails (default true). */
  rollbackOnFailure?: boolean;
  dryRun?: boolean;
  gitSha?: string;
  upload?: UploadTuning;
}

export interface RollbackOptions extends ConnectionOptions, HostCommands {
  /** Release id to switch to; default the release before `current` on each host. */
  to?: string;
  /** Check the target's size and sha256 against its release.json before switching (default true). */
  verify?: boolean;
  dryRun?: boolean;
}

export interface UnlockResult {
  host: string;
  ok: boolean;
  /** The lock's value when one was freed: `v2 pid boot started run owner`. */
  freed: string | null;
  /** Whether its owner looked alive when it was freed. */
  ownerAlive: boolean;
  error?: string;
}

/**
 * `skipped`: not switched, because another host of its wave failed before the switch (the error names it)
 * or an earlier wave failed. `unknown`: the connection was lost after the switch began and the host's state
 * could not be read back.
 */
export type HostStatus = 'ok' | 'unchanged' | 'failed' | 'skipped' | 'rolled-back' | 'dry-run' | 'unknown';

export interface HostResult {
  host: string;
  status: HostStatus;
  /** The release `current` points at after this run (for deploy: the one deployed, unless rolled back). */
  release: string | null;
  /** What `current` pointed at before. */
  previous: string | null;
  /** The release this run switched (or meant to switch) the host to. */
  target?: string;
  /** A release with the same sha256 was already on the host: nothing uploaded. */
  reused?: boolean;
  uploadedBytes?: number;
  pruned?: string[];
  durationMs: number;
  error?: string;
  /** Dry run: what would happen. */
  plan?: string;
}

export interface FleetResult {
  action: 'deploy' | 'rollback';
  ok: boolean;
  /** The release id deployed (deploy) or, for rollback, the release the first host switched to. */
  release: string | null;
  previousRelease: string | null;
  sha256?: string;
  hosts: HostResult[];
  succeeded: string[];
  failed: string[];
  durationMs: number;
  /** 0 every host succeeded; 1 a host failed; 2 bad input (a `--to` release some host does not have). */
  exitCode: 0 | 1 | 2;
}

export interface ReleaseInfo {
  id: string;
  current: boolean;
  /** The release failed its pre-warm or health check here; automatic rollback skips it. */
  failed: boolean;
  sha256?: string;
  file?: string;
  size?: number;
  deployed_at?: string;
  deployed_by?: string;
  git_sha?: string | null;
  pex_hash?: string | null;
  [key: string]: unknown;
}

export interface HostReleases {
  host: string;
  ok: boolean;
  current: string | null;
  releases: ReleaseInfo[];
  /** What `rollback` would switch to (from .pexship/history.jsonl), when there is such a release. */
  rollbackTarget?: string;
  /** The lock, when one is held: its value, whether its owner is alive, the run that holds it. */
  lock?: { value: string; live: boolean; run: string };
  /** The outcome history records for the run asked about (reading a host back after a lost connection). */
  runOutcome?: string;
  error?: string;
}

export type DeployEvent =
  | { type: 'wave'; index: number; total: number; hosts: string[] }
  | { type: 'host'; host: string; phase: string; detail?: string }
  | { type: 'host-done'; result: HostResult }
  | { type: 'fleet-rollback'; hosts: string[]; reason: string };

export type EventSink = (e: DeployEvent) => void;
