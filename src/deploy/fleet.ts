// Fleet orchestration: hosts in waves (--canary, --batch, at most --concurrency hosts each). The hosts of a
// wave switch together: each stages its release and waits, and the go comes only once every host of the
// wave is staged or has failed within --max-fail; otherwise none switches. A failure after the switch (the
// health check) stops the deploy and rolls back every host this deploy switched.
import { setMaxListeners } from 'node:events';
import { UsageError } from '../errors.js';
import { redactUrl } from '../index/redact.js';
import { ALONE, deployHost, finishRollback, listHost, prepareRollback, resolveContext, rollbackHost, unlockHost, type RunContext, type WaveGate } from './host.js';
import { checkPexFile, planRelease, SAFE_NAME } from './release.js';
import type { HostTarget } from './target.js';
import type {
  ConnectionOptions,
  DeployOptions,
  EventSink,
  FleetResult,
  HostReleases,
  HostResult,
  RollbackOptions,
  UnlockResult,
} from './types.js';

/** Runs `work` over `items` with at most `limit` at a time, keeping the input order in the output. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  });
  await Promise.all(runners);
  return out;
}

/**
 * Splits hosts into waves: the canary alone first, then groups of `batch` (or everything left), none larger
 * than `concurrency`: a wave's hosts wait for each other before switching, so they must all run at once.
 */
export function planWaves<T>(hosts: T[], batch: number | undefined, canary: boolean, concurrency = Infinity): T[][] {
  const waves: T[][] = [];
  let rest = hosts;
  if (canary && hosts.length > 1) {
    waves.push([hosts[0]]);
    rest = hosts.slice(1);
  }
  const size = Math.max(1, Math.min(batch && batch > 0 ? batch : rest.length, concurrency));
  for (let i = 0; i < rest.length; i += size) waves.push(rest.slice(i, i + size));
  return waves;
}

const SUCCESS = new Set(['ok', 'unchanged', 'dry-run']);

function summarize(action: FleetResult['action'], hosts: HostResult[], started: number, extra: Partial<FleetResult> = {}): FleetResult {
  const succeeded = hosts.filter((h) => SUCCESS.has(h.status)).map((h) => h.host);
  const failed = hosts.filter((h) => !SUCCESS.has(h.status)).map((h) => h.host);
  const first = hosts.find((h) => SUCCESS.has(h.status)) ?? hosts[0];
  return {
    action,
    ok: failed.length === 0,
    exitCode: failed.length === 0 ? 0 : 1,
    release: first?.release ?? null,
    previousRelease: first?.previous ?? null,
    hosts,
    succeeded,
    failed,
    durationMs: Date.now() - started,
    ...extra,
  };
}

function validateCommon(o: ConnectionOptions & { healthTimeoutSeconds?: number; healthUrl?: string; probeTimeoutSeconds?: number }): void {
  if (o.healthUrl && !/^https?:\/\/\S+$/.test(o.healthUrl)) throw new UsageError(`--health-url '${redactUrl(o.healthUrl)}': give an http:// or https:// URL.`);
  if (o.probeTimeoutSeconds !== undefined && o.probeTimeoutSeconds < 1) throw new UsageError('--probe-timeout must be at least 1 second.');
  if (o.concurrency !== undefined && o.concurrency < 1) throw new UsageError('--concurrency must be at least 1.');
}

export async function deploy(options: DeployOptions, events: EventSink = () => {}): Promise<FleetResult> {
  const started = Date.now();
  validateCommon(options);
  if (options.keep !== undefined && options.keep < 1) throw new UsageError('--keep must be at least 1.');
  if (options.batch !== undefined && options.batch < 1) throw new UsageError('--batch must be at least 1.');
  const ctx = resolveContext(options);
  const tolerated = maxFailures(options.maxFail, ctx.targets.length);
  // A file that is not a PEX would be run by the pre-warm: refuse it before connecting anywhere.
  await checkPexFile(options.pexFile, options.name);
  // Hash the file while the first hosts connect.
  const plan = planRelease(options.pexFile, { name: options.name, gitSha: options.gitSha });
  plan.catch(() => {});
  const results = new Map<string, HostResult>();
  const waves = planWaves(ctx.targets, options.batch, options.canary ?? false, ctx.concurrency);
  const canary = options.canary && waves.length > 1;
  let failedWave = -1;
  let failures = 0;
  for (let w = 0; w < waves.length; w++) {
    events({ type: 'wave', index: w + 1, total: waves.length, hosts: waves[w].map((t) => t.label) });
    // A failed canary always stops: that is what it is for.
    const budget = canary && w === 0 ? 0 : tolerated - failures;
    const wave = waves[w].length === 1 ? undefined : new WaveBarrier(waves[w].length, budget, tolerated);
    const done = await Promise.all(
      waves[w].map((t) =>
        deployHost(ctx, t, plan, options, events, wave?.gate(t.label) ?? ALONE).then((r) => {
          wave?.settle(r);
          return r;
        }),
      ),
    );
    for (const r of done) results.set(r.host, r);
    // A host whose outcome is unknown counts as failed.
    failures += done.filter((r) => FAILED.has(r.status)).length;
    if (failures > tolerated || (canary && w === 0 && failures > 0) || wave?.stopped) {
      failedWave = w;
      break;
    }
  }
  if (failedWave >= 0) {
    for (const t of waves.slice(failedWave + 1).flat()) {
      results.set(t.label, { host: t.label, status: 'skipped', release: null, previous: null, durationMs: 0, error: 'not attempted: an earlier wave failed' });
    }
    if (options.rollbackOnFailure !== false && !options.dryRun) await undoSwitched(ctx, results, events);
  }
  const hosts = ctx.targets.map((t) => results.get(t.label)!);
  const planned = await plan;
  // The release the hosts are on: an existing release reused keeps its id, which is not the planned one.
  const on = hosts.find((h) => (h.status === 'ok' || h.status === 'unchanged') && h.release)?.release;
  return summarize('deploy', hosts, started, { sha256: planned.sha256, release: on ?? planned.id });
}

const FAILED = new Set(['failed', 'unknown']);

/**
 * The go of one wave: given once every host is staged (or ended without staging) and the wave's failures are
 * within `budget`; refused, and the hosts still connecting or uploading stopped, as soon as they are not.
 */
class WaveBarrier {
  private pending: number;
  private readonly failedHosts: string[] = [];
  private readonly staged = new Set<string>();
  private readonly abort = new AbortController();
  /** null: not decided yet; undefined: go; a string: why not. */
  private decision: string | undefined | null = null;
  private readonly waiters: Array<(why: string | undefined) => void> = [];

  constructor(size: number, private readonly budget: number, private readonly maxFail: number) {
    this.pending = size;
    // Each host of the wave listens while it connects and while its script runs.
    setMaxListeners(2 * size + 10, this.abort.signal);
  }

  /** The wave did not switch. */
  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  gate(host: string): WaveGate {
    return {
      alone: false,
      signal: this.abort.signal,
      why: () => this.decision ?? '',
      staged: () => {
        // Staged after the wave was stopped (it was verifying or pre-warming): the answer is already known.
        if (this.decision !== null) return Promise.resolve(this.decision);
        this.staged.add(host);
        this.pending--;
        const answer = new Promise<string | undefined>((resolve) => this.waiters.push(resolve));
        this.decide();
        return answer;
      },
    };
  }

  /** A host's final result: one that ended without staging counts now, as a failure or not. */
  settle(r: HostResult): void {
    if (!this.staged.has(r.host)) this.pending--;
    else if (this.decision !== null || !FAILED.has(r.status)) return;
    if (FAILED.has(r.status)) this.failedHosts.push(r.host);
    this.decide();
  }

  private decide(): void {
    if (this.decision !== null) return;
    if (this.failedHosts.length > this.budget) {
      const limit = this.maxFail > 0 ? ' (more than --max-fail allows)' : '';
      this.decision = `not switched because another host failed before the switch: ${this.failedHosts.join(', ')}${limit}`;
      this.abort.abort();
    } else if (this.pending === 0) this.decision = undefined;
    else return;
    for (const w of this.waiters.splice(0)) w(this.decision);
  }
}

/** `--max-fail N|P%`: how many failed hosts the fleet tolerates (P% of the hosts, rounded down, as Ansible). */
export function maxFailures(spec: string | undefined, hosts: number): number {
  if (spec === undefined || spec === '') return 0;
  const m = /^(\d+)(%?)$/.exec(spec.trim());
  if (!m || (m[2] && Number(m[1]) > 100)) throw new UsageError(`--max-fail '${spec}': give a number of hosts (2) or a percentage of them (25%).`);
  return m[2] ? Math.floor((Number(m[1]) * hosts) / 100) : Number(m[1]);
}

/**
 * Puts every host this deploy may have switched back where it was: the ones that finished, and the ones
 * whose outcome is unknown or whose switch-back failed. Each is switched only if it is still on this
 * deploy's release, so including a host that never switched is harmless.
 */
async function undoSwitched(ctx: RunContext, results: Map<string, HostResult>, events: EventSink): Promise<void> {
  const mayBeOn = (r: HostResult) =>
    r.target !== undefined && (r.status === 'ok' || r.status === 'unknown' || (r.status === 'failed' && r.release === r.target && r.release !== r.previous));
  const switched = ctx.targets.filter((t) => {
    const r = results.get(t.label);
    return r !== undefined && mayBeOn(r);
  });
  if (!switched.length) return;
  const failedHosts = [...results.values()].filter((r) => r.status === 'failed' || r.status === 'unknown').map((r) => r.host);
  events({ type: 'fleet-rollback', hosts: switched.map((t) => t.label), reason: `failed: ${failedHosts.join(', ')}` });
  await mapLimit(switched, ctx.concurrency, async (t) => {
    const r = results.get(t.label)!;
    const to = r.previous ? { to: r.previous, onlyFrom: r.target } : { toNone: true, onlyFrom: r.target };
    const back = await rollbackHost(ctx, t, to, { verify: false }, events);
    const why = r.status === 'ok' ? 'because another host failed' : `after: ${r.error?.split('\n')[0] ?? r.status}`;
    if (back.status === 'failed' || back.status === 'unknown') {
      r.error = `${r.error ? `${r.error}; ` : ''}this deploy's rollback failed: ${back.error}`;
      r.status = back.status;
      r.release = back.release;
    } else if (back.release === r.previous && back.previous === r.target) {
      r.status = 'rolled-back';
      r.error = `rolled back to ${r.previous ?? 'no release'} ${why}`;
      r.release = r.previous;
    } else if (r.status === 'unknown') {
      // It was not on this deploy's release: the host had already gone back by itself.
      r.status = 'failed';
      r.release = back.release;
      r.error = `${r.error ?? 'failed'}; the host is on ${back.release ?? 'no release'}`;
    }
  });
}

export async function rollback(options: RollbackOptions, events: EventSink = () => {}): Promise<FleetResult> {
  const started = Date.now();
  validateCommon(options);
  if (options.to !== undefined && !SAFE_NAME.test(options.to)) throw new UsageError(`--to '${options.to}' is not a release id (see 'pexship releases').`);
  const ctx = resolveContext(options);
  // One host needs no barrier: its script switches as soon as it has checked, without waiting for a go.
  const hosts =
    ctx.targets.length === 1 && !options.dryRun
      ? [await rollbackHost(ctx, ctx.targets[0], { to: options.to }, options, events)]
      : ctx.targets.length <= ctx.concurrency
        ? await rollbackTogether(ctx, options, events)
        : await rollbackInRounds(ctx, options, events);
  const result = summarize('rollback', hosts, started);
  // A --to release that some host does not have is bad input (exit 2): nothing was switched anywhere.
  if (options.to && hosts.some((h) => h.error?.includes(`release ${options.to} is not on this host`))) result.exitCode = 2;
  return result;
}

/**
 * Every host at once, one connection and one script each: the script locks, resolves the target and waits;
 * only when every host is ready does any switch. A host that cannot roll back leaves every host untouched.
 */
async function rollbackTogether(ctx: RunContext, options: RollbackOptions, events: EventSink): Promise<HostResult[]> {
  const prepared = await Promise.all(ctx.targets.map((t) => prepareRollback(ctx, t, { to: options.to }, options, events)));
  const refused = prepared.filter((p) => !p.session);
  const why = refused.length ? `not switched: ${refused.map((p) => p.target.label).join(', ')} cannot roll back` : undefined;
  const go = !why && !options.dryRun;
  return Promise.all(prepared.map((p) => finishRollback(ctx, p, go, why, events)));
}

/** More hosts than --concurrency: check them all first (listing), then switch in rounds. */
async function rollbackInRounds(ctx: RunContext, options: RollbackOptions, events: EventSink): Promise<HostResult[]> {
  const listings = await mapLimit(ctx.targets, ctx.concurrency, (t) => listHost(ctx, t));
  const refusals = new Map<string, string>();
  const plans = new Map<string, string>();
  for (const h of listings) {
    if (!h.ok) refusals.set(h.host, h.error ?? 'cannot list releases');
    else if (options.to) {
      if (!h.releases.some((r) => r.id === options.to)) refusals.set(h.host, `release ${options.to} is not on this host (it has: ${h.releases.map((r) => r.id).join(', ') || 'none'})`);
      else plans.set(h.host, options.to);
    } else if (!h.current) refusals.set(h.host, 'no current release to roll back from');
    else if (!h.rollbackTarget) refusals.set(h.host, `no release before ${h.current} on this host`);
    else plans.set(h.host, h.rollbackTarget);
  }
  if (refusals.size) {
    return listings.map((h) => ({
      host: h.host,
      status: refusals.has(h.host) ? 'failed' : 'skipped',
      release: h.current,
      previous: h.current,
      durationMs: 0,
      error: refusals.get(h.host) ?? `not switched: ${[...refusals.keys()].join(', ')} cannot roll back`,
    }));
  }
  if (options.dryRun) {
    return listings.map((h) => ({ host: h.host, status: 'dry-run', release: plans.get(h.host)!, previous: h.current, durationMs: 0, plan: `would switch ${h.current} → ${plans.get(h.host)}` }));
  }
  return mapLimit(ctx.targets, ctx.concurrency, (t: HostTarget) => rollbackHost(ctx, t, { to: plans.get(t.label) }, options, events));
}

/** `pexship unlock`: frees each host's lock by hand. */
export async function unlock(options: ConnectionOptions): Promise<UnlockResult[]> {
  const ctx = resolveContext(options);
  return mapLimit(ctx.targets, ctx.concurrency, (t) => unlockHost(ctx, t));
}

export async function listReleases(options: ConnectionOptions): Promise<HostReleases[]> {
  const ctx = resolveContext(options);
  return mapLimit(ctx.targets, ctx.concurrency, (t) => listHost(ctx, t));
}
