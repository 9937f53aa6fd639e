// Per-host summaries for the terminal (the action writes its own Markdown job summary).
import type { FleetResult, HostReleases, HostResult } from './types.js';

function note(h: HostResult): string {
  if (h.plan) return h.plan;
  if (h.error) return h.error.split('\n')[0];
  if (h.status === 'unchanged') return 'already current';
  return h.reused ? 'reused (no upload)' : h.uploadedBytes !== undefined ? `uploaded ${formatBytes(h.uploadedBytes)}` : '';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

export function formatSummary(result: FleetResult): string {
  const rows = [['HOST', 'STATUS', 'RELEASE', 'PREVIOUS', 'TIME', 'NOTE']];
  for (const h of result.hosts) {
    rows.push([h.host, h.status, h.release ?? '-', h.previous ?? '-', `${(h.durationMs / 1000).toFixed(1)}s`, note(h)]);
  }
  const head = `${result.action} ${result.ok ? 'succeeded' : 'FAILED'}: ${result.succeeded.length} host(s) ok, ${result.failed.length} failed` +
    (result.release ? `; release ${result.release}` : '');
  const errors = result.hosts
    .filter((h) => h.error && h.error.includes('\n'))
    .map((h) => `\n${h.host}: ${h.error}`)
    .join('');
  return `${table(rows)}\n${head}${errors}\n`;
}

export function formatReleases(hosts: HostReleases[]): string {
  const out: string[] = [];
  for (const h of hosts) {
    out.push(`${h.host}:${h.ok ? '' : ` ERROR ${h.error}`}`);
    if (!h.ok) continue;
    if (!h.releases.length) out.push('  (no releases)');
    const rows = h.releases.map((r) => [
      r.current ? '*' : ' ',
      r.id,
      r.failed ? 'failed' : '',
      r.size !== undefined ? formatBytes(Number(r.size)) : '',
      String(r.deployed_at ?? ''),
      String(r.deployed_by ?? ''),
    ]);
    if (rows.length) out.push(table(rows).split('\n').map((l) => `  ${l}`).join('\n'));
  }
  return out.join('\n') + '\n';
}
