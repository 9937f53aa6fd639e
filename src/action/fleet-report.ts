// What the deploy and rollback actions report: host events as log lines, outputs, the job summary (one row per
// host: before → after, the health result), and a failed step naming the hosts when any host failed.
import * as core from '@actions/core';
import { type DeployEvent, type FleetResult, type HostCommands, type HostResult } from '../deploy/index.js';
import { JobError } from '../errors.js';
import { inActionWords } from './input-names.js';
import { artifactLink, cell, formatSize, markdownTable } from './summary.js';

/** The deploy's events as log lines; remembers which hosts reached the health check, for the summary. */
export class FleetLog {
  private readonly healthChecked = new Set<string>();

  readonly event = (event: DeployEvent): void => {
    switch (event.type) {
      case 'wave':
        if (event.total > 1) core.info(`Wave ${event.index}/${event.total}: ${event.hosts.join(', ')}`);
        break;
      case 'host':
        if (event.phase === 'health') this.healthChecked.add(event.host);
        core.info(`[${event.host}] ${event.phase}${event.detail ? `: ${event.detail}` : ''}`);
        break;
      case 'host-done': {
        const r = event.result;
        const line = `[${r.host}] ${r.status}${r.release ? ` ${r.release}` : ''}${r.error ? `: ${inActionWords(r.error)}` : ''}`;
        if (r.status === 'failed' || r.status === 'unknown') core.error(line);
        else core.info(line);
        break;
      }
      case 'fleet-rollback':
        core.warning(`Rolling back ${event.hosts.join(', ')}: ${event.reason}`);
        break;
    }
  };

  /** The health column: what was checked and how it went. */
  health(host: HostResult, commands: HostCommands): string {
    const check = commands.healthUrl ? `GET ${cell(commands.healthUrl)}` : commands.healthCheck ? `\`${cell(commands.healthCheck)}\`` : undefined;
    if (!check) return 'none configured';
    if (!this.healthChecked.has(host.host)) return 'not reached';
    // The health check is the last step that can fail a host; a host rolled back with its wave had passed it.
    const failed = host.status === 'failed' && /health/i.test(host.error ?? '');
    return `${failed ? 'failed' : 'passed'}: ${check}`;
  }
}

/** What the deploy took its PEX from, for the summary. */
export interface DeployedArtifact {
  name: string;
  url?: string;
}

function note(h: HostResult): string {
  if (h.plan) return cell(h.plan);
  if (h.error) return cell(inActionWords(h.error.split('\n')[0]));
  if (h.status === 'unchanged') return 'already current';
  return h.reused ? 'reused (no upload)' : h.uploadedBytes !== undefined ? `uploaded ${formatSize(h.uploadedBytes)}` : '';
}

export function fleetSummaryMarkdown(result: FleetResult, log: FleetLog, commands: HostCommands, artifact?: DeployedArtifact): string {
  const rows = result.hosts.map((h) => [
    cell(h.host),
    h.status,
    `${cell(h.previous ?? 'none')} → ${cell(h.release ?? h.previous ?? 'none')}`,
    log.health(h, commands),
    `${(h.durationMs / 1000).toFixed(1)} s`,
    note(h),
  ]);
  const lines = [
    `## pexship ${result.action}: ${result.ok ? 'succeeded' : 'failed'}`,
    '',
    `${result.succeeded.length} of ${result.hosts.length} host${result.hosts.length === 1 ? '' : 's'} ok${result.release ? `; release \`${cell(result.release)}\`` : ''}.`,
  ];
  if (artifact) lines.push(`PEX from the artifact ${artifactLink(artifact.name, artifact.url)}${result.sha256 ? ` (sha256 \`${result.sha256}\`)` : ''}.`);
  lines.push('', ...markdownTable(['Host', 'Result', 'Release (before → after)', 'Health', 'Time', 'Note'], rows), '');
  return lines.join('\n');
}

export async function reportFleet(result: FleetResult, log: FleetLog, commands: HostCommands, artifact?: DeployedArtifact): Promise<void> {
  core.setOutput('release', result.release ?? '');
  core.setOutput('previous-release', result.previousRelease ?? '');
  core.setOutput('hosts-succeeded', JSON.stringify(result.succeeded));
  core.setOutput('hosts-failed', JSON.stringify(result.failed));
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(fleetSummaryMarkdown(result, log, commands, artifact), true).write();
    } catch (err) {
      core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!result.ok) {
    throw new JobError(`${result.action} failed on ${result.failed.length} host(s): ${result.failed.join(', ') || 'none'}; see the log and the job summary.`);
  }
}
