// Per-host work: one connection, one remote script, the upload in between.
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { redactUrl } from '../index/redact.js';
import { deployer, SAFE_NAME, type ReleasePlan } from './release.js';
import { buildRemoteCommand, type ScriptParams } from './remote-script.js';
import { failureReason, ScriptSession, type ScriptLine, type ScriptOutcome } from './script-session.js';
import { connect, type SshConnection } from './ssh.js';
import { resolveHosts } from './resolve-hosts.js';
import type { HostTarget } from './target.js';
import type { ConnectionOptions, DeployOptions, EventSink, HostCommands, HostReleases, HostResult, ReleaseInfo, UnlockResult } from './types.js';
import { uploadFile } from './upload.js';

/** Everything resolved once per run and shared by the hosts. */
export interface RunContext {
  /** Each with its route (jump hosts, credentials, host keys), from ssh_config and the flags. */
  targets: HostTarget[];
  base: string;
  by: string;
  commandTimeoutMs: number;
  connectRetries: number;
  concurrency: number;
  lockTtl: number;
  lockWait: number;
  lockStale: number;
}

export function resolveContext(o: ConnectionOptions): RunContext {
  if (!o.hosts.length) throw new UsageError('no hosts: pass --host [USER@]HOST[:PORT] at least once.');
  if (!o.path || /[\n\r\0]/.test(o.path)) throw new UsageError('--path: give the deploy directory on the hosts (one line).');
  if (o.path.startsWith('-')) throw new UsageError(`--path '${o.path}' starts with '-', which commands on the host would take for an option; write './${o.path}' for a directory by that name.`);
  return {
    targets: resolveHosts(o),
    base: o.path,
    by: deployer(),
    commandTimeoutMs: (o.commandTimeoutSeconds ?? 900) * 1000,
    connectRetries: o.connectRetries ?? 0,
    concurrency: Math.max(1, o.concurrency ?? 10),
    lockTtl: o.lockTtlSeconds ?? 1800,
    lockWait: o.lockWaitSeconds ?? 5,
    lockStale: Math.max(3, o.lockStaleSeconds ?? 15),
  };
}

export function connectHost(ctx: RunContext, target: HostTarget): Promise<SshConnection> {
  return connect({
    target,
    retries: ctx.connectRetries,
    debug: process.env.PEXSHIP_DEBUG === 'ssh' ? (m) => process.stderr.write(`[${target.label}] ${m}\n`) : undefined,
  });
}

function baseParams(ctx: RunContext): Pick<ScriptParams, 'base' | 'lockTtl' | 'lockWait' | 'lockStale' | 'by' | 'budget'> {
  return { base: ctx.base, lockTtl: ctx.lockTtl, lockWait: ctx.lockWait, lockStale: ctx.lockStale, by: ctx.by, budget: Math.ceil(ctx.commandTimeoutMs / 1000) };
}

function commandParams(c: HostCommands): Partial<ScriptParams> {
  return {
    restart: c.restart,
    healthCheck: c.healthCheck,
    healthUrl: c.healthUrl,
    healthUrlShown: c.healthUrl ? redactUrl(c.healthUrl) : undefined,
    healthTimeout: c.healthTimeoutSeconds,
    probeTimeout: c.probeTimeoutSeconds,
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const newRun = () => randomBytes(6).toString('hex');

/** Starts the remote script for `params`, with this run's timeout and heartbeat. */
function startScript(ctx: RunContext, conn: SshConnection, params: ScriptParams, onLine?: (l: ScriptLine) => void): Promise<ScriptSession> {
  return ScriptSession.start(conn, buildRemoteCommand({ ...baseParams(ctx), ...params }), {
    timeoutMs: ctx.commandTimeoutMs,
    onLine,
    heartbeatMs: Math.min(2000, (ctx.lockStale * 1000) / 4),
  });
}

const reason = (ctx: RunContext, outcome: ScriptOutcome) => failureReason(outcome, ctx.commandTimeoutMs / 1000);

/**
 * The connection was lost (or --command-timeout ran out) after the host was told to go: connect again and
 * read what the host really did, from `current`, the lock and this run's history line. A host whose client
 * disappears before confirming switches back by itself, so this settles once this run's lock is gone.
 */
async function readBack(ctx: RunContext, target: HostTarget, run: string, result: HostResult, lost: string, emit: EventSink): Promise<void> {
  emit({ type: 'host', host: result.host, phase: 'reconnect', detail: 'to read the outcome' });
  result.status = 'unknown';
  result.release = null;
  const tries = Math.ceil((ctx.lockStale + 4) / 2);
  for (let i = 0; i < tries; i++) {
    const state = await listHost(ctx, target, run);
    if (!state.ok) {
      result.error = `${lost}; reading the host's state back failed too (${state.error}): its release is unknown`;
      return;
    }
    result.release = state.current;
    const ours = state.lock?.run === run && state.lock.live;
    if (!ours) {
      if (state.runOutcome === 'ok' && state.current === result.target) {
        result.status = 'ok';
        result.error = undefined;
      } else if (state.runOutcome || state.current === result.previous) {
        result.status = 'failed';
        result.error = `${lost}; the host ${state.runOutcome ? `recorded '${state.runOutcome}'` : 'did not switch'} and is on ${state.current ?? 'no release'}`;
      } else {
        result.error = `${lost}; the host is on ${state.current ?? 'no release'}, and nothing says whether this deploy put it there`;
      }
      return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  result.error = `${lost}; the host was still running this deploy's steps when pexship gave up waiting (current: ${result.release ?? 'none'})`;
}

/**
 * How a host's deploy waits for the rest of its wave (fleet.ts): a staged host switches only on the go, which
 * comes once every host of the wave is staged or has failed within what --max-fail allows.
 */
export interface WaveGate {
  /** Nothing to wait for (a wave of one host): the go is sent as soon as the upload is done. */
  alone: boolean;
  /** Called once the host is staged; resolves to undefined (go) or why the wave does not switch. */
  staged(): Promise<string | undefined>;
  /** Aborted once the wave will not switch: connecting and uploading hosts stop at once. */
  signal: AbortSignal;
  /** Why the wave does not switch (once aborted). */
  why(): string;
}

/** A wave of one host, which needs no barrier. */
export const ALONE: WaveGate = { alone: true, staged: async () => undefined, signal: new AbortController().signal, why: () => '' };

class Stopped extends Error {}

/** `work`, unless the wave is stopped first; a connection that arrives after that is closed. */
function unlessStopped(gate: WaveGate, work: Promise<SshConnection>): Promise<SshConnection> {
  if (gate.signal.aborted) {
    work.then((c) => c.close(), () => {});
    return Promise.reject(new Stopped());
  }
  return new Promise((resolve, reject) => {
    const stop = () => {
      work.then((c) => c.close(), () => {});
      reject(new Stopped());
    };
    gate.signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => gate.signal.removeEventListener('abort', stop));
  });
}

export async function deployHost(
  ctx: RunContext,
  target: HostTarget,
  planned: Promise<ReleasePlan>,
  opts: DeployOptions,
  emit: EventSink,
  gate: WaveGate = ALONE,
): Promise<HostResult> {
  const started = Date.now();
  const host = target.label;
  const result: HostResult = { host, status: 'failed', release: null, previous: null, durationMs: 0 };
  const phase = (p: string, detail?: string) => emit({ type: 'host', host, phase: p, detail });
  const run = newRun();
  let conn: SshConnection | undefined;
  let wentAhead = false;
  // Not switched because the wave stopped: current is where it was.
  const stopped = () => {
    result.status = 'skipped';
    result.release = result.previous;
    result.error = gate.why();
    return result;
  };
  try {
    phase('connect');
    conn = await unlessStopped(gate, connectHost(ctx, target));
    const plan = await planned;
    if (gate.signal.aborted) throw new Stopped();
    const session = await startScript(
      ctx,
      conn,
      {
        mode: 'deploy',
        ...commandParams(opts),
        base: ctx.base,
        run,
        id: plan.id,
        name: plan.name,
        sha256: plan.sha256,
        size: plan.size,
        releaseJson: plan.releaseJson,
        prewarm: opts.preWarm !== false,
        keep: opts.keep ?? 5,
        dryRun: opts.dryRun,
      },
      (l) => {
        if (['locked', 'reuse', 'stored', 'prewarm', 'switched', 'restart', 'health', 'reverted', 'pruned', 'stale-lock'].includes(l.word)) phase(l.word, l.rest || undefined);
      },
    );
    // The host stops at its next step (it never switches without the go).
    const stop = () => session.stop();
    gate.signal.addEventListener('abort', stop, { once: true });
    session.finished.then(() => gate.signal.removeEventListener('abort', stop));
    if (gate.signal.aborted) stop();
    const staging = await session.waitFor('incoming', 'reuse', 'dry-run');
    result.previous = session.value('current') || null;
    if (!staging) {
      if (gate.signal.aborted) return stopped();
      result.error = reason(ctx, await session.finished);
      return result;
    }
    result.target = session.value('reuse') || plan.id;
    if (staging.word === 'dry-run') {
      await session.finished;
      const reuse = session.value('reuse');
      result.status = 'dry-run';
      result.release = result.target;
      result.plan = reuse
        ? reuse === result.previous
          ? `already current (${reuse})`
          : `would switch to ${reuse}, already on the host (no upload)`
        : `would upload ${plan.size} bytes as ${plan.id} and switch from ${result.previous ?? 'nothing'}`;
      return result;
    }
    if (staging.word === 'incoming') {
      phase('upload', `${plan.size} bytes`);
      // The upload ends with the session: --command-timeout, a lost connection and a stopped wave stop it too.
      const ended = session.finished.then((o) => {
        throw new Error(`upload stopped: ${reason(ctx, o)}`);
      });
      try {
        await Promise.race([uploadFile(conn, plan.localPath, staging.rest, plan.size, opts.upload), ended]);
      } catch (err) {
        session.stop();
        await session.finished;
        if (gate.signal.aborted) return stopped();
        throw err;
      }
      result.uploadedBytes = plan.size;
      session.uploaded();
    } else {
      result.reused = true;
    }
    if (gate.alone) {
      // Nobody to wait for: the go goes ahead, and the host switches as soon as it is staged.
      wentAhead = true;
      session.go();
    }
    const ready = await session.waitFor('ready', 'done');
    if (!ready) {
      if (gate.signal.aborted) return stopped();
      const outcome = await session.finished;
      if (!outcome.lost || !wentAhead) {
        result.error = reason(ctx, outcome);
        return result;
      }
    } else if (ready.word === 'ready' && !gate.alone) {
      const why = await Promise.race([gate.staged(), session.finished.then(() => 'lost')]);
      if (why === 'lost') {
        // Ended while waiting for the wave (--command-timeout, a lost connection): the go was never sent.
        result.error = reason(ctx, await session.finished);
        return result;
      }
      if (why !== undefined) {
        session.stop();
        await session.finished;
        return stopped();
      }
      wentAhead = true;
      session.go();
    }
    if (await session.waitFor('confirm')) session.commit();
    const outcome = await session.finished;
    const done = outcome.lines.find((l) => l.word === 'done');
    result.pruned = outcome.lines.filter((l) => l.word === 'pruned').map((l) => l.rest);
    if (outcome.code === 0 && done) {
      result.release = done.rest;
      result.status = outcome.lines.some((l) => l.word === 'unchanged') ? 'unchanged' : 'ok';
    } else if (outcome.lost && wentAhead) {
      conn.close();
      await readBack(ctx, target, run, result, reason(ctx, outcome), emit);
    } else {
      const stuck = outcome.lines.some((l) => l.word === 'switched') && !outcome.lines.some((l) => l.word === 'reverted');
      result.release = stuck ? result.target : result.previous;
      result.error = reason(ctx, outcome);
    }
    return result;
  } catch (err) {
    if (err instanceof Stopped || (gate.signal.aborted && !wentAhead)) return stopped();
    result.error = message(err);
    if (wentAhead) result.status = 'unknown';
    return result;
  } finally {
    conn?.close();
    result.durationMs = Date.now() - started;
    emit({ type: 'host-done', result });
  }
}

export interface RollbackTarget {
  to?: string;
  /** Remove `current` (the host had no release before this deploy). */
  toNone?: boolean;
  /** Only when `current` is this release (undoing this run's deploy). */
  onlyFrom?: string;
}

export interface RollbackSettings extends HostCommands {
  verify?: boolean;
}

function rollbackParams(to: RollbackTarget, commands: RollbackSettings, run: string, waitForGo: boolean): Omit<ScriptParams, 'base'> {
  return {
    mode: 'rollback',
    ...commandParams(commands),
    run,
    to: to.to,
    toNone: to.toNone,
    onlyFrom: to.onlyFrom,
    verify: commands.verify,
    waitForGo,
  };
}

/** Connects and starts a rollback script, reporting its switch, restart and health steps. */
async function startRollback(ctx: RunContext, target: HostTarget, params: Omit<ScriptParams, 'base'>, emit: EventSink) {
  const host = target.label;
  emit({ type: 'host', host, phase: 'connect' });
  const conn = await connectHost(ctx, target);
  try {
    const session = await startScript(ctx, conn, { ...params, base: ctx.base }, (l) => {
      if (['switched', 'restart', 'health'].includes(l.word)) emit({ type: 'host', host, phase: l.word, detail: l.rest || undefined });
    });
    return { conn, session };
  } catch (err) {
    conn.close();
    throw err;
  }
}

/** A rollback's end: done, failed, or lost (then read back: a rollback finishes on the host by itself). */
async function rollbackOutcome(ctx: RunContext, target: HostTarget, run: string, outcome: ScriptOutcome, result: HostResult, to: string | null, emit: EventSink) {
  const done = outcome.lines.find((l) => l.word === 'done');
  if (outcome.code === 0 && done) {
    result.status = done.rest === result.previous ? 'unchanged' : 'ok';
    result.release = done.rest || null;
  } else if (outcome.lost && outcome.lines.some((l) => l.word === 'locked')) {
    result.target = to ?? undefined;
    await readBack(ctx, target, run, result, reason(ctx, outcome), emit);
  } else {
    result.release = outcome.lines.some((l) => l.word === 'switched') ? to : result.previous;
    result.error = reason(ctx, outcome);
  }
}

export async function rollbackHost(
  ctx: RunContext,
  target: HostTarget,
  to: RollbackTarget,
  commands: RollbackSettings,
  emit: EventSink,
): Promise<HostResult> {
  const started = Date.now();
  const host = target.label;
  const result: HostResult = { host, status: 'failed', release: null, previous: null, durationMs: 0 };
  const run = newRun();
  let conn: SshConnection | undefined;
  try {
    let session: ScriptSession;
    ({ conn, session } = await startRollback(ctx, target, rollbackParams(to, commands, run, false), emit));
    const outcome = await session.finished;
    result.previous = session.value('current') || null;
    conn.close();
    await rollbackOutcome(ctx, target, run, outcome, result, session.value('target') || null, emit);
    return result;
  } catch (err) {
    result.error = message(err);
    return result;
  } finally {
    conn?.close();
    result.durationMs = Date.now() - started;
    emit({ type: 'host-done', result });
  }
}

/** A rollback that has taken the lock and resolved its target on the host, waiting for the fleet's go. */
export interface PreparedRollback {
  target: HostTarget;
  session?: ScriptSession;
  conn?: SshConnection;
  run: string;
  current: string | null;
  to: string | null;
  error?: string;
  started: number;
}

export async function prepareRollback(ctx: RunContext, target: HostTarget, to: RollbackTarget, commands: RollbackSettings, emit: EventSink): Promise<PreparedRollback> {
  const prep: PreparedRollback = { target, run: newRun(), current: null, to: null, started: Date.now() };
  try {
    let session: ScriptSession;
    ({ conn: prep.conn, session } = await startRollback(ctx, target, rollbackParams(to, commands, prep.run, true), emit));
    const ready = await session.waitFor('ready');
    prep.current = session.value('current') || null;
    if (!ready) {
      prep.error = reason(ctx, await session.finished);
      return prep;
    }
    prep.session = session;
    prep.to = session.value('target') || null;
  } catch (err) {
    prep.error = message(err);
  }
  return prep;
}

/** Switches a prepared host (go) or releases it untouched (stop, with `why`). */
export async function finishRollback(ctx: RunContext, prep: PreparedRollback, go: boolean, why: string | undefined, emit: EventSink): Promise<HostResult> {
  const result: HostResult = { host: prep.target.label, status: 'failed', release: prep.current, previous: prep.current, durationMs: 0 };
  try {
    if (!prep.session) {
      result.error = prep.error ?? 'not prepared';
      return result;
    }
    if (!go) {
      prep.session.stop();
      await prep.session.finished;
      result.status = why ? 'skipped' : 'dry-run';
      if (why) result.error = why;
      else result.plan = `would switch ${prep.current ?? 'nothing'} → ${prep.to ?? 'nothing'}`;
      if (!why) result.release = prep.to;
      return result;
    }
    prep.session.go();
    const outcome = await prep.session.finished;
    prep.conn?.close();
    await rollbackOutcome(ctx, prep.target, prep.run, outcome, result, prep.to, emit);
    return result;
  } catch (err) {
    result.error = message(err);
    return result;
  } finally {
    prep.conn?.close();
    result.durationMs = Date.now() - prep.started;
    emit({ type: 'host-done', result });
  }
}

/** Connects, runs one remote script to its end and closes; `read` fills `out` from what the script said. */
async function runToEnd<T extends { error?: string }>(
  ctx: RunContext,
  target: HostTarget,
  params: ScriptParams,
  out: T,
  read: (session: ScriptSession, outcome: ScriptOutcome) => void,
): Promise<T> {
  let conn: SshConnection | undefined;
  try {
    conn = await connectHost(ctx, target);
    const session = await startScript(ctx, conn, params);
    read(session, await session.finished);
  } catch (err) {
    out.error = message(err);
  } finally {
    conn?.close();
  }
  return out;
}

/** Lists a host's releases; with `run`, also what history recorded for that run (reading a host back). */
export function listHost(ctx: RunContext, target: HostTarget, run?: string): Promise<HostReleases> {
  const out: HostReleases = { host: target.label, ok: false, current: null, releases: [] };
  return runToEnd(ctx, target, { mode: 'list', base: ctx.base, run }, out, (session, outcome) => {
    if (outcome.code !== 0 || !outcome.lines.some((l) => l.word === 'end')) {
      out.error = reason(ctx, outcome);
      return;
    }
    out.current = session.value('current') || null;
    out.rollbackTarget = session.value('rollback-target') || undefined;
    out.runOutcome = session.value('outcome') || undefined;
    const lock = session.value('lock');
    if (lock) {
      const [lockRun, state, ...value] = lock.split(' ');
      out.lock = { run: lockRun, live: state === 'live', value: value.join(' ') };
    }
    for (const l of outcome.lines) {
      if (l.word !== 'release') continue;
      const [id, failed, ...json] = l.rest.split(' ');
      let meta: Record<string, unknown> = {};
      try {
        meta = JSON.parse(json.join(' ')) as Record<string, unknown>;
      } catch {
        /* a hand-edited release.json: list the id anyway */
      }
      out.releases.push({ ...meta, id, current: id === out.current, failed: failed === '1' } as ReleaseInfo);
    }
    out.ok = true;
  });
}

/** Frees a host's lock by hand, saying whose it was. */
export function unlockHost(ctx: RunContext, target: HostTarget): Promise<UnlockResult> {
  const out: UnlockResult = { host: target.label, ok: false, freed: null, ownerAlive: false };
  return runToEnd(ctx, target, { mode: 'unlock', base: ctx.base }, out, (session, outcome) => {
    const line = session.value('unlocked');
    if (outcome.code !== 0 || line === undefined) {
      out.error = reason(ctx, outcome);
      return;
    }
    const [state, ...value] = line.split(' ');
    out.ok = true;
    if (state !== 'none') {
      out.freed = value.join(' ');
      out.ownerAlive = state === 'live';
    }
  });
}
