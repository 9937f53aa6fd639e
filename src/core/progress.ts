/**
 * Progress reporting shared by the CLI and the action: the core calls `step`/`detail`; the shell decides
 * where it goes (stderr lines, a log group, nothing).
 */
export interface Progress {
  /** A phase starts, e.g. "resolve linux-x86_64-cp311". */
  step(message: string): void;
  /** Something worth a line under -v. */
  detail(message: string): void;
  /** Something the user should look at but that does not stop the job. */
  warn(message: string): void;
}

export const silentProgress: Progress = { step() {}, detail() {}, warn() {} };

/** One line per step on stderr; details only when verbose; nothing but warnings when quiet. */
export function stderrProgress(verbosity: number): Progress {
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(2)}s`;
  return {
    step(message) {
      if (verbosity >= 0) process.stderr.write(`[${stamp()}] ${message}\n`);
    },
    detail(message) {
      if (verbosity >= 1) process.stderr.write(`          ${message}\n`);
    },
    warn(message) {
      process.stderr.write(`warning: ${message}\n`);
    },
  };
}
