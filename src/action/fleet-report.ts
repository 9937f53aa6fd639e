// What the deploy and rollback actions report: host events as log lines, outputs, the job summary, and a
// failed step naming the hosts when any host failed.
import * as core from '@actions/core';
import { formatSummaryMarkdown, type DeployEvent, type FleetResult } from '../deploy/index.js';
import { JobError } from '../errors.js';
import { inActionWords } from './input-names.js';

export function logEvent(event: DeployEvent): void {
  switch (event.type) {
    case 'wave':
      if (event.total > 1) core.info(`Wave ${event.index}/${event.total}: ${event.hosts.join(', ')}`);
      break;
    case 'host':
      core.info(`[${event.host}] ${event.phase}${event.detail ? `: ${event.detail}` : ''}`);
      break;
    case 'host-done': {
      const r = event.result;
      const line = `[${r.host}] ${r.status}${r.release ? ` ${r.release}` : ''}${r.error ? `: ${inActionWords(r.error)}` : ''}`;
      if (r.status === 'failed') core.error(line);
      else core.info(line);
      break;
    }
    case 'fleet-rollback':
      core.warning(`Rolling back ${event.hosts.join(', ')}: ${event.reason}`);
      break;
  }
}

export async function reportFleet(result: FleetResult): Promise<void> {
  core.setOutput('release', result.release ?? '');
  core.setOutput('previous-release', result.previousRelease ?? '');
  core.setOutput('hosts-succeeded', JSON.stringify(result.succeeded));
  core.setOutput('hosts-failed', JSON.stringify(result.failed));
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(formatSummaryMarkdown(result), true).write();
    } catch (err) {
      core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!result.ok) {
    throw new JobError(`${result.action} failed on ${result.failed.length} host(s): ${result.failed.join(', ') || 'none'}; see the log and the job summary.`);
  }
}
