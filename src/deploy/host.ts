// Per-host work: one connection, one remote script, the upload in between.
import { UsageError } from '../errors.js';
import { deployer, SAFE_NAME, type ReleasePlan } from './release.js';
import { buildRemoteCommand, type ScriptParams } from './remote-script.js';
import { failureReason, ScriptSession } from './script-session.js';
import { connect, type SshConnection } from './ssh.js';
import { resolveHosts } from './resolve-hosts.js';
import type { HostTarget } from './target.js';
import type { ConnectionOptions, DeployOptions, EventSink, HostCommands, HostReleases, HostResult, ReleaseInfo } from './types.js';
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
}

export function resolveContext(o: ConnectionOptions): RunContext {
  if (!o.hosts.length) throw new UsageError('no hosts: pass --host [USER@]HOST[:PORT] at least once.');
  if (!o.path || /[\n\r\0]/.test(o.path)) throw new UsageError('--path: give the deploy directory on the hosts (one line).');
  return {
    targets: resolveHosts(o),
    base: o.path,
    by: deployer(),
    commandTimeoutMs: (o.commandTimeoutSeconds ?? 900) * 1000,
    connectRetries: o.connectRetries ?? 0,
    concurrency: Math.max(1, o.concurrency ?? 10),
    lockTtl: o.lockTtlSeconds ?? 1800,
    lockWait: o.lockWaitSeconds ?? 5,
  };
}

export function connectHost(ctx: RunContext, target: HostTarget): Promise<SshConnection> {
  return connect({
    target,
    retries: ctx.connectRetries,
    debug: process.env.PEXSHIP_DEBUG === 'ssh' ? (m) => process.stderr.write(`[${target.label}] ${m}\n`) : undefined,
  });
}

function baseParams(ctx: RunContext): Pick<ScriptParams, 'base' | 'lockTtl' | 'lockWait' | 'by'> {
  return { base: ctx.base, lockTtl: ctx.lockTtl, lockWait: ctx.lockWait, by: ctx.by };
}

function commandParams(c: HostCommands): Partial<ScriptParams> {
  return { restart: c.restart, healthCheck: c.healthCheck, healthUrl: c.healthUrl, healthTimeout: c.healthTimeoutSeconds };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function deployHost(
  ctx: RunContext,
  target: HostTarget,
  planned: Promise<ReleasePlan>,
  opts: DeployOptions,
  emit: EventSink,
): Promise<HostResult> {
  const started = Date.now();
  const host = target.label;
  const result: HostResult = { host, status: 'failed', release: null, previous: null, durationMs: 0 };
  const phase = (p: string, detail?: string) => emit({ type: 'host', host, phase: p, detail });
  let conn: SshConnection | undefined;
  try {
    phase('connect');
    conn = await connectHost(ctx, target);
    const plan = await planned;
    const session = await ScriptSession.start(
      conn,
      buildRemoteCommand({
        mode: 'deploy',
        ...baseParams(ctx),
        ...commandParams(opts),
        id: plan.id,
        name: plan.name,
        sha256: plan.sha256,
        size: plan.size,
        releaseJson: plan.releaseJson,
        prewarm: opts.preWarm !== false,
        keep: opts.keep ?? 5,
        dryRun: opts.dryRun,
      }),
      ctx.commandTimeoutMs,
      (l) => {
        if (['locked', 'reuse', 'stored', 'prewarm', 'switched', 'restart', 'health', 'reverted', 'pruned', 'stale-lock'].includes(l.word)) phase(l.word, l.rest || undefined);
      },
    );
    const ready = await session.waitFor('ready', 'dry-run');
    result.previous = session.value('current') || null;
    if (!ready) {
      result.error = failureReason(await session.finished);
      return result;
    }
    const reuse = session.value('reuse');
    if (ready.word === 'dry-run') {
      await session.finished;
      result.status = 'dry-run';
      result.release = reuse || plan.id;
      result.plan = reuse
        ? reuse === result.previous
          ? `already current (${reuse})`
          : `would switch to ${reuse}, already on the host (no upload)`
        : `would upload ${plan.size} bytes as ${plan.id} and switch from ${result.previous ?? 'nothing'}`;
      return result;
    }
    const incoming = session.value('incoming');
    if (incoming) {
      phase('upload', `${plan.size} bytes`);
      try {
        await uploadFile(conn, plan.localPath, incoming, plan.size, opts.upload);
      } catch (err) {
        session.stop();
        await session.finished;
        throw err;
      }
      result.uploadedBytes = plan.size;
    } else {
      result.reused = true;
    }
    session.go();
    const outcome = await session.finished;
    const done = outcome.lines.find((l) => l.word === 'done');
    result.pruned = outcome.lines.filter((l) => l.word === 'pruned').map((l) => l.rest);
    if (outcome.code === 0 && done) {
      result.release = done.rest;
      result.status = outcome.lines.some((l) => l.word === 'unchanged') ? 'unchanged' : 'ok';
    } else {
      result.release = result.previous;
      result.error = failureReason(outcome);
    }
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

export interface RollbackTarget {
  to?: string;
  /** Remove `current` (the host had no release before this deploy). */
  toNone?: boolean;
}

export async function rollbackHost(
  ctx: RunContext,
  target: HostTarget,
  to: RollbackTarget,
  commands: HostCommands,
  emit: EventSink,
): Promise<HostResult> {
  const started = Date.now();
  const host = target.label;
  const result: HostResult = { host, status: 'failed', release: null, previous: null, durationMs: 0 };
  let conn: SshConnection | undefined;
  try {
    if (to.to && !SAFE_NAME.test(to.to)) throw new UsageError(`--to '${to.to}' is not a release id.`);
    emit({ type: 'host', host, phase: 'connect' });
    conn = await connectHost(ctx, target);
    const session = await ScriptSession.start(
      conn,
      buildRemoteCommand({ mode: 'rollback', ...baseParams(ctx), ...commandParams(commands), to: to.to, toNone: to.toNone, waitForGo: false }),
      ctx.commandTimeoutMs,
      (l) => {
        if (['switched', 'restart', 'health'].includes(l.word)) emit({ type: 'host', host, phase: l.word, detail: l.rest || undefined });
      },
    );
    const outcome = await session.finished;
    result.previous = session.value('current') || null;
    const done = outcome.lines.find((l) => l.word === 'done');
    if (outcome.code === 0 && done) {
      result.status = done.rest === result.previous ? 'unchanged' : 'ok';
      result.release = done.rest || null;
    } else {
      result.release = outcome.lines.some((l) => l.word === 'switched') ? session.value('target') || null : result.previous;
      result.error = failureReason(outcome);
    }
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
  current: string | null;
  to: string | null;
  error?: string;
  started: number;
}

export async function prepareRollback(ctx: RunContext, target: HostTarget, to: RollbackTarget, commands: HostCommands, emit: EventSink): Promise<PreparedRollback> {
  const prep: PreparedRollback = { target, current: null, to: null, started: Date.now() };
  try {
    if (to.to && !SAFE_NAME.test(to.to)) throw new UsageError(`--to '${to.to}' is not a release id.`);
    emit({ type: 'host', host: target.label, phase: 'connect' });
    prep.conn = await connectHost(ctx, target);
    const session = await ScriptSession.start(
      prep.conn,
      buildRemoteCommand({ mode: 'rollback', ...baseParams(ctx), ...commandParams(commands), to: to.to, toNone: to.toNone, waitForGo: true }),
      ctx.commandTimeoutMs,
      (l) => {
        if (['switched', 'restart', 'health'].includes(l.word)) emit({ type: 'host', host: target.label, phase: l.word, detail: l.rest || undefined });
      },
    );
    const ready = await session.waitFor('ready');
    prep.current = session.value('current') || null;
    if (!ready) {
      prep.error = failureReason(await session.finished);
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
export async function finishRollback(prep: PreparedRollback, go: boolean, why: string | undefined, emit: EventSink): Promise<HostResult> {
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
    const done = outcome.lines.find((l) => l.word === 'done');
    if (outcome.code === 0 && done) {
      result.status = done.rest === prep.current ? 'unchanged' : 'ok';
      result.release = done.rest || null;
    } else {
      if (outcome.lines.some((l) => l.word === 'switched')) result.release = prep.to;
      result.error = failureReason(outcome);
    }
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

export async function listHost(ctx: RunContext, target: HostTarget): Promise<HostReleases> {
  const out: HostReleases = { host: target.label, ok: false, current: null, releases: [] };
  let conn: SshConnection | undefined;
  try {
    conn = await connectHost(ctx, target);
    const session = await ScriptSession.start(conn, buildRemoteCommand({ mode: 'list', ...baseParams(ctx) }), ctx.commandTimeoutMs);
    const outcome = await session.finished;
    if (outcome.code !== 0 || !outcome.lines.some((l) => l.word === 'end')) {
      out.error = failureReason(outcome);
      return out;
    }
    out.current = session.value('current') || null;
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
    return out;
  } catch (err) {
    out.error = message(err);
    return out;
  } finally {
    conn?.close();
  }
}
