// The core's progress reporting, routed to the job log: steps and a status line within 2 seconds of silence while a long
// step runs (inside the phase's log group), details in the debug log, warnings as annotations.
import * as core from '@actions/core';
import { createReporter, type Progress } from '../core/progress.js';

export function actionsProgress(): Progress {
  return createReporter(
    { line: (text) => core.info(text), warn: (text) => core.warning(text), detail: (text) => core.debug(text) },
    { verbosity: 1, intervalMs: 1500 },
  );
}
