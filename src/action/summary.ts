// The job summary of the build action: one table per target, in Markdown (the summary page renders it).
import type { BuildSummary } from '../core/build.js';
import type { UploadedArtifact } from './artifacts.js';

export interface SummaryContext {
  /** `true`/`false` when the cache was looked up; undefined when caching was off or unavailable. */
  cacheHit?: boolean;
  cacheNote: string;
  artifacts: UploadedArtifact[];
}

/** Table cells: no pipes or line breaks may leak out of a cell, and no HTML from a file name. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function summaryMarkdown(result: BuildSummary, context: SummaryContext): string {
  const lines = ['## pexship build', '', `${result.pexes.length} PEX file${result.pexes.length === 1 ? '' : 's'}; ${result.requests} request${result.requests === 1 ? '' : 's'} to package indexes.`, ''];
  for (const pex of result.pexes) {
    const artifact = context.artifacts.find((a) => a.pexPath === pex.path);
    const distributions = pex.distributions.map((d) => `${d.project} ${d.version}`).join(', ');
    const rows: [string, string][] = [
      ['File', `\`${cell(pex.path)}\``],
      ['Size', `${formatSize(pex.size)} (${pex.size} bytes)`],
      ['sha256', `\`${pex.sha256}\``],
      ['Distributions', pex.distributions.length === 0 ? 'none' : `${pex.distributions.length}: ${cell(distributions)}`],
      ['Time', `${pex.seconds.toFixed(2)} s`],
      ['Cache hit', context.cacheHit === undefined ? cell(context.cacheNote) : context.cacheHit ? 'yes' : `no (${cell(context.cacheNote)})`],
    ];
    if (artifact) rows.push(['Artifact', artifact.url ? `[${cell(artifact.name)}](${artifact.url})` : cell(artifact.name)]);
    lines.push(`### ${cell(pex.platform)}`, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '');
  }
  return lines.join('\n');
}
