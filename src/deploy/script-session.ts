// Runs the remote script over an exec channel and turns its `@@pexship` lines into awaitable events.
import type { ClientChannel } from 'ssh2';
import { JobError } from '../errors.js';
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
}

export class ScriptSession {
  readonly lines: ScriptLine[] = [];
  private waiters: Array<{ words: string[]; resolve: (l: ScriptLine | undefined) => void }> = [];
  private stderr = '';
  private ended = false;
  readonly finished: Promise<ScriptOutcome>;

  private constructor(
    private readonly stream: ClientChannel,
    private readonly onLine: (l: ScriptLine) => void,
    timeoutMs: number,
    label: string,
  ) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const raw = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!raw.startsWith('@@pexship ')) continue;
        const body = raw.slice('@@pexship '.length);
        const sp = body.indexOf(' ');
        const line = sp < 0 ? { word: body, rest: '' } : { word: body.slice(0, sp), rest: body.slice(sp + 1) };
        this.lines.push(line);
        this.onLine(line);
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
    this.finished = new Promise((resolve, reject) => {
      let code: number | null = null;
      const timer = setTimeout(() => {
        reject(new JobError(`${label}: the remote steps did not finish within ${Math.round(timeoutMs / 1000)} s (--command-timeout).`));
        stream.close();
      }, timeoutMs);
      stream.on('exit', (c: number | null) => {
        code = c;
      });
      stream.on('close', () => {
        clearTimeout(timer);
        this.ended = true;
        for (const w of this.waiters) w.resolve(undefined);
        this.waiters = [];
        resolve({ code, lines: this.lines, stderrTail: this.stderr.trim().split('\n').slice(-12).join('\n') });
      });
    });
    this.finished.catch(() => {});
  }

  static async start(conn: SshConnection, command: string, timeoutMs: number, onLine: (l: ScriptLine) => void = () => {}) {
    let session: ScriptSession | undefined;
    await conn.exec(command, (stream) => {
      session = new ScriptSession(stream, onLine, timeoutMs, conn.label);
    });
    return session!;
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

  go(): void {
    this.stream.write('go\n');
  }

  /** Tells the script to stop before it changes anything (closing stdin does the same). */
  stop(): void {
    this.stream.end('stop\n');
  }
}

/** Why a script failed, from its `fail`/`busy` line or its exit, for the per-host summary. */
export function failureReason(outcome: ScriptOutcome): string {
  const fail = outcome.lines.find((l) => l.word === 'fail');
  if (fail) return fail.rest + (outcome.stderrTail ? `\n${indent(outcome.stderrTail)}` : '');
  const busy = outcome.lines.find((l) => l.word === 'busy');
  if (busy) {
    const [started, pid, ...owner] = busy.rest.split(' ');
    const when = Number(started) ? new Date(Number(started) * 1000).toISOString() : 'an unknown time';
    return `another deploy holds the lock (.pexship/lock): ${owner.join(' ') || 'unknown owner'}, started ${when}, remote pid ${pid}; wait for it, or remove the lock if that deploy is gone`;
  }
  const tail = outcome.stderrTail ? `:\n${indent(outcome.stderrTail)}` : '';
  return `the remote script stopped (exit ${outcome.code ?? 'unknown'})${tail}`;
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
