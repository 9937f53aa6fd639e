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
  lockTtlSeconds?: number;
  /** How long to wait for another deploy's lock before failing (default 5 s). */
  lockWaitSeconds?: number;
}

export interface HostCommands {
  restart?: string;
  healthCheck?: string;
  healthUrl?: string;
  healthTimeoutSeconds?: number;
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
  dryRun?: boolean;
}

export type HostStatus = 'ok' | 'unchanged' | 'failed' | 'skipped' | 'rolled-back' | 'dry-run';

export interface HostResult {
  host: string;
  status: HostStatus;
  /** The release `current` points at after this run (for deploy: the one deployed, unless rolled back). */
  release: string | null;
  /** What `current` pointed at before. */
  previous: string | null;
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
  error?: string;
}

export type DeployEvent =
  | { type: 'wave'; index: number; total: number; hosts: string[] }
  | { type: 'host'; host: string; phase: string; detail?: string }
  | { type: 'host-done'; result: HostResult }
  | { type: 'fleet-rollback'; hosts: string[]; reason: string };

export type EventSink = (e: DeployEvent) => void;
