/**
 * Progress reporting shared by the CLI and the action: the core says what it does (`step`, `task`, `bytes`);
 * a reporter decides how it looks: a redrawn bar on a terminal, a status line every second elsewhere (CI
 * logs), so a long resolve, download, sdist build or zip write is never silent for more than 2 seconds.
 */
import { redactCredentials } from '../index/redact.js';

export interface ProgressTask {
  /** `count` more units done (files, distributions; bytes for a bytes task). */
  advance(count?: number): void;
  done(): void;
}

export interface Progress {
  /** A phase starts, e.g. "resolve 3 requirements for linux-x86_64-cp311". */
  step(message: string): void;
  /** Something worth a line under -v (each request, each wheel). */
  detail(message: string): void;
  /** Something the user should look at but that does not stop the job. */
  warn(message: string): void;
  /** Counted work within the current step (`unit` 'bytes' is shown as KB/MB); `total` when known. */
  task(label: string, unit: string, total?: number): ProgressTask;
  /** Bytes received from an index, shown with the current step. */
  bytes(n: number): void;
  /** One request sent to an index (counted with the current step; shown under -v by the caller). */
  request(): void;
  /** Stops the status lines (the job is over). */
  close(): void;
}

const noTask: ProgressTask = { advance() {}, done() {} };

export const silentProgress: Progress = { step() {}, detail() {}, warn() {}, task: () => noTask, bytes() {}, request() {}, close() {} };

/** Where a reporter's output goes. */
export interface ProgressSink {
  /** A line of the log. */
  line(text: string): void;
  warn(text: string): void;
  /** Where -v details go when not among the lines (the action's debug log). */
  detail?(text: string): void;
  /** A terminal: `status` replaces the status line in place (`undefined` clears it). Absent: status goes to `line`. */
  status?(text: string | undefined): void;
}

export interface ReporterOptions {
  /** -1 quiet (warnings only), 0 steps and status lines, 1 details too. */
  verbosity: number;
  /** How often the status is shown; a non-terminal sink gets a line when nothing was printed for this long. */
  intervalMs?: number;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function bar(fraction: number, width = 24): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

/** A reporter over any sink: the one behind both the CLI's stderr and the action's log. */
export function createReporter(sink: ProgressSink, options: ReporterOptions): Progress {
  const started = Date.now();
  const interval = options.intervalMs ?? 1000;
  const stamp = () => `[${((Date.now() - started) / 1000).toFixed(2)}s]`;
  let step: { label: string; since: number; bytes: number; requests: number } | undefined;
  const early = { bytes: 0, requests: 0 };
  let task: { label: string; unit: string; total?: number; count: number } | undefined;
  let lastOutput = Date.now();
  let closed = false;

  const statusText = (): string | undefined => {
    if (!step) return undefined;
    const parts: string[] = [];
    if (task?.unit === 'bytes') parts.push(`${formatBytes(task.count)}${task.total !== undefined ? ` of ${formatBytes(task.total)}` : ''}`);
    else if (task) parts.push(`${task.count}${task.total !== undefined ? `/${task.total}` : ''} ${task.unit}`);
    if (step.requests) parts.push(`${step.requests} request${step.requests === 1 ? '' : 's'}`);
    if (step.bytes) parts.push(formatBytes(step.bytes));
    const seconds = Math.floor((Date.now() - step.since) / 1000);
    if (seconds > 0) parts.push(`${seconds} s`);
    const fraction = task?.total ? task.count / task.total : undefined;
    const head = sink.status && fraction !== undefined ? `${bar(fraction)} ` : '';
    return `${head}${task?.label ?? step.label}${parts.length ? `: ${parts.join(', ')}` : ''}`;
  };
  const print = (text: string) => {
    if (sink.status) sink.status(undefined);
    sink.line(redactCredentials(text));
    lastOutput = Date.now();
    if (sink.status && step) sink.status(statusText());
  };
  const tick = () => {
    if (closed || options.verbosity < 0 || !step) return;
    if (sink.status) sink.status(statusText());
    else if (Date.now() - lastOutput >= interval) {
      sink.line(redactCredentials(`${stamp()} … ${statusText()}`));
      lastOutput = Date.now();
    }
  };
  // Checked often, so the longest silence is `interval` plus a quarter of it.
  const timer = setInterval(tick, Math.min(interval / 4, 200));
  timer.unref();

  return {
    step(message) {
      // Requests and bytes before the first step (index pages asked for while the targets are probed) are
      // that step's work.
      step = { label: message, since: Date.now(), bytes: step ? 0 : early.bytes, requests: step ? 0 : early.requests };
      task = undefined;
      if (options.verbosity >= 0) print(`${stamp()} ${message}`);
    },
    detail(message) {
      if (options.verbosity < 1) return;
      if (sink.detail) sink.detail(redactCredentials(message));
      else print(`          ${message}`);
    },
    warn(message) {
      if (sink.status) sink.status(undefined);
      sink.warn(redactCredentials(message));
      lastOutput = Date.now();
      if (sink.status && step) sink.status(statusText());
    },
    task(label, unit, total) {
      const mine = { label, unit, total, count: 0 };
      task = mine;
      return {
        advance(count = 1) {
          mine.count += count;
        },
        done() {
          if (task === mine) task = undefined;
        },
      };
    },
    bytes(n) {
      (step ?? early).bytes += n;
    },
    request() {
      (step ?? early).requests += 1;
    },
    close() {
      closed = true;
      clearInterval(timer);
      if (sink.status) sink.status(undefined);
    },
  };
}

/** The CLI's reporter on stderr: a status line redrawn in place on a terminal, periodic lines otherwise. */
export function stderrProgress(verbosity: number, stream: NodeJS.WriteStream = process.stderr, intervalMs?: number): Progress {
  let shown: string | undefined;
  const sink: ProgressSink = {
    line: (text) => stream.write(`${text}\n`),
    warn: (text) => stream.write(`warning: ${text}\n`),
  };
  if (stream.isTTY) {
    sink.status = (text) => {
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      if (text === undefined) {
        if (shown !== undefined) stream.write('\r\x1b[K');
      } else if (text !== shown) {
        stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      }
      shown = text;
    };
  }
  return createReporter(sink, { verbosity, intervalMs });
}
