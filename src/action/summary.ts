// The job summary of the build action, in Markdown (the summary page renders it): one row per target with
// its size, distributions, cache hit, build time and artifact link, then each PEX's file, sha256 and contents.
import type { BuildSummary } from '../core/build.js';
import type { UploadedArtifact } from './artifacts.js';

export interface SummaryContext {
  /** `true`/`false` when the cache was looked up; undefined when caching was off or unavailable. */
  cacheHit?: boolean;
  cacheNote: string;
  artifacts: UploadedArtifact[];
}

/** Table cells: no pipes or line breaks may leak out of a cell, and no HTML from a file name. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table from a header row and body rows (cells already escaped). */
export function markdownTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
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

/** An artifact as a link to its download page when the run has one. */
export function artifactLink(name: string, url: string | undefined): string {
  return url ? `[${cell(name)}](${url})` : cell(name);
}

export function summaryMarkdown(result: BuildSummary, context: SummaryContext): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const cache = context.cacheHit === undefined ? cell(context.cacheNote) : context.cacheHit ? 'yes' : `no (${cell(context.cacheNote)})`;
  const rows = result.pexes.map((pex) => {
    const artifact = context.artifacts.find((a) => a.pexPath === pex.path);
    return [
      cell(pex.platform),
      `${formatSize(pex.size)} (${pex.size} bytes)`,
      String(pex.distributions.length),
      cache,
      `${pex.seconds.toFixed(2)} s`,
      artifact ? artifactLink(artifact.name, artifact.url) : 'not uploaded',
    ];
  });
  const lines = [
    '## pexship build',
    '',
    `${plural(result.pexes.length, 'PEX file')}; ${plural(result.requests, 'request')} to package indexes.`,
    '',
    ...markdownTable(['Target', 'Size', 'Distributions', 'Cache hit', 'Time', 'Artifact'], rows),
    '',
  ];
  for (const pex of result.pexes) {
    const distributions = pex.distributions.map((d) => `${d.project} ${d.version}`).join(', ');
    lines.push(
      `### ${cell(pex.platform)}`,
      '',
      `- File: \`${cell(pex.path)}\``,
      `- sha256: \`${pex.sha256}\``,
      `- Distributions: ${pex.distributions.length === 0 ? 'none' : cell(distributions)}`,
      '',
    );
  }
  return lines.join('\n');
}
