// Runs the remote script over an exec channel and turns its `@@pexship` lines into awaitable events. The
// script and its parameters go on stdin, followed by the client's control lines (heartbeats, uploaded, go,
// commit).
// Every wait ends: when the script ends, when the connection drops, or when --command-timeout runs out.
import type { ClientChannel } from 'ssh2';
import type { RemoteCommand } from './remote-script.js';
import type { SshConnection } from './ssh.js';

export interface ScriptLine {
  word: string;
  rest: string;
}

export interface ScriptOutcome {
  code: number | null;
  lines: ScriptLine[];
  /** The last lines the host printed on stderr (command output, errors). */
  stderrTail: string;
  /** The script's end was not seen: the time ran out, or the connection closed first. */
  lost?: 'timeout' | 'connection';
}

export interface ScriptOptions {
  timeoutMs: number;
  onLine?: (l: ScriptLine) => void;
  /** How often to send a heartbeat (default 2 s). */
  heartbeatMs?: number;
}

/** After the exit status, how long to wait for the channel to close (a command's orphan may hold it). */
const CLOSE_GRACE_MS = 1000;

export class ScriptSession {
  readonly lines: ScriptLine[] = [];
  private waiters: Array<{ words: string[]; resolve: (l: ScriptLine | undefined) => void }> = [];
  private stderr = '';
  private ended = false;
  private heartbeat?: NodeJS.Timeout;
  readonly finished: Promise<ScriptOutcome>;

  private constructor(
    private readonly stream: ClientChannel,
    private readonly label: string,
    opts: ScriptOptions,
  ) {
    let buf = '';
    let code: number | null = null;
    let resolveFinished!: (o: ScriptOutcome) => void;
    this.finished = new Promise((resolve) => (resolveFinished = resolve));
    const end = (lost?: ScriptOutcome['lost']) => {
      if (this.ended) return;
      this.ended = true;
      clearTimeout(timer);
      clearInterval(this.heartbeat);
      for (const w of this.waiters) w.resolve(undefined);
      this.waiters = [];
      resolveFinished({ code, lines: this.lines, stderrTail: this.stderr.trim().split('\n').slice(-12).join('\n'), lost });
      if (lost) stream.close();
    };
    const timer = setTimeout(() => end('timeout'), opts.timeoutMs);
    stream.on('error', () => {
      /* the connection's fate shows as 'close' */
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const raw = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!raw.startsWith('@@pexship ')) continue;
        // The script is running: from now on nothing we send can be swallowed by the reader of the script.
        this.heartbeat ??= setInterval(() => this.send('hb'), opts.heartbeatMs ?? 2000);
        const body = raw.slice('@@pexship '.length);
        const sp = body.indexOf(' ');
        const line = sp < 0 ? { word: body, rest: '' } : { word: body.slice(0, sp), rest: body.slice(sp + 1) };
        this.lines.push(line);
        opts.onLine?.(line);
        this.waiters = this.waiters.filter((w) => {
          if (!w.words.includes(line.word)) return true;
          w.resolve(line);
          return false;
        });
      }
    });
    stream.stderr.setEncoding('utf8');
    stream.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    stream.on('exit', (c: number | null) => {
      code = c;
      setTimeout(() => end(), CLOSE_GRACE_MS).unref();
    });
    stream.on('close', () => end(code === null && !this.lines.some((l) => l.word === 'done' || l.word === 'fail' || l.word === 'end') ? 'connection' : undefined));
  }

  static async start(conn: SshConnection, remote: RemoteCommand, opts: ScriptOptions): Promise<ScriptSession> {
    let session: ScriptSession | undefined;
    await conn.exec(remote.command, (stream) => {
      session = new ScriptSession(stream, conn.label, opts);
      stream.write(remote.script);
    });
    return session!;
  }

  get host(): string {
    return this.label;
  }

  /** The first line with one of these words (already seen or still to come); undefined if the script ended. */
  waitFor(...words: string[]): Promise<ScriptLine | undefined> {
    const seen = this.lines.find((l) => words.includes(l.word));
    if (seen) return Promise.resolve(seen);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push({ words, resolve }));
  }

  value(word: string): string | undefined {
    return this.lines.find((l) => l.word === word)?.rest;
  }

  private send(line: string): void {
    if (this.ended || !this.stream.writable) return;
    try {
      this.stream.write(`${line}\n`);
    } catch {
      /* the channel is closing: 'close' ends the session */
    }
  }

  /** The upload is complete: the host verifies and stages it. */
  uploaded(): void {
    this.send('uploaded');
  }

  go(): void {
    this.send('go');
  }

  /** Confirms a healthy deploy; without it the host switches back when this client goes away. */
  commit(): void {
    this.send('commit');
  }

  /** Tells the script to stop before it changes anything (closing stdin does the same). */
  stop(): void {
    this.send('stop');
  }
}

/** Why a script failed, from its `fail`/`busy` line or its exit, for the per-host summary. */
export function failureReason(outcome: ScriptOutcome, timeoutSeconds?: number): string {
  const fail = outcome.lines.find((l) => l.word === 'fail');
  if (fail) return fail.rest + (outcome.stderrTail ? `\n${indent(outcome.stderrTail)}` : '');
  const busy = outcome.lines.find((l) => l.word === 'busy');
  if (busy) {
    const [started, pid, ...owner] = busy.rest.split(' ');
    const when = Number(started) ? new Date(Number(started) * 1000).toISOString() : 'an unknown time';
    return `another deploy holds the lock (.pexship/lock): ${owner.join(' ') || 'unknown owner'}, started ${when}, remote pid ${pid}; wait for it, or free it with 'pexship unlock' if that deploy is gone`;
  }
  if (outcome.lost === 'timeout') return `the remote steps did not finish within ${timeoutSeconds ?? '?'} s (--command-timeout)`;
  if (outcome.lost === 'connection') return 'the connection closed before the remote steps finished';
  const tail = outcome.stderrTail ? `:\n${indent(outcome.stderrTail)}` : '';
  return `the remote script stopped (exit ${outcome.code ?? 'unknown'})${tail}`;
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
