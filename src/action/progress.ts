// The core's progress reporting, routed to the job log: steps as lines (inside the phase's log group),
// details only in debug logging, warnings as annotations.
import * as core from '@actions/core';
import type { Progress } from '../core/progress.js';

export const actionsProgress: Progress = {
  step(message) {
    core.info(message);
  },
  detail(message) {
    core.debug(message);
  },
  warn(message) {
    core.warning(message);
  },
};
