// An in-memory package source for resolver tests: every release gets real-shaped file names and METADATA.
import { JobError } from '../../src/errors.js';
import type { IndexFile } from '../../src/index/types.js';
import type { PackageSource } from '../../src/resolve/provider.js';

export interface FakeRelease {
  deps?: string[];
  requiresPython?: string;
  /** Requires-Python in METADATA only (the index page does not state it). */
  metadataRequiresPython?: string;
  extras?: string[];
  /** Wheel tag triples; default one py3-none-any wheel. [] for none. */
  wheels?: string[];
  sdist?: boolean;
  yanked?: string;
  /** METADATA that names another version (pip discards such files). */
  lyingVersion?: string;
}

export type FakeIndex = Record<string, Record<string, FakeRelease>>;

export class FakeSource implements PackageSource {
  readonly listed: string[] = [];
  readonly fetched: string[] = [];
  private readonly meta = new Map<string, string>();

  constructor(private readonly index: FakeIndex) {}

  async listFiles(name: string): Promise<IndexFile[]> {
    this.listed.push(name);
    const releases = this.index[name];
    if (!releases) return [];
    const files: IndexFile[] = [];
    for (const [version, r] of Object.entries(releases)) {
      const dist = name.replace(/-/g, '_');
      const names = (r.wheels ?? ['py3-none-any']).map((tag) => `${dist}-${version}-${tag}.whl`);
      if (r.sdist) names.push(`${dist}-${version}.tar.gz`);
      for (const filename of names) {
        const lines = ['Metadata-Version: 2.1', `Name: ${name}`, `Version: ${r.lyingVersion ?? version}`];
        const rp = r.metadataRequiresPython ?? r.requiresPython;
        if (rp) lines.push(`Requires-Python: ${rp}`);
        for (const e of r.extras ?? []) lines.push(`Provides-Extra: ${e}`);
        for (const d of r.deps ?? []) lines.push(`Requires-Dist: ${d}`);
        const url = `https://fake.test/files/${filename}`;
        this.meta.set(url, lines.join('\n') + '\n');
        files.push({
          filename,
          url,
          hashes: { sha256: `sha-${filename}` },
          ...(r.requiresPython ? { requiresPython: r.requiresPython } : {}),
          yanked: r.yanked ?? false,
          coreMetadata: true,
          index: 'https://fake.test/simple/',
        });
      }
    }
    return files;
  }

  async fetchMetadata(file: IndexFile): Promise<string> {
    this.fetched.push(file.filename);
    const text = this.meta.get(file.url) ?? this.metaForDirect(file);
    if (text === undefined) throw new JobError(`no metadata for ${file.filename}`);
    return text;
  }

  /** Direct references: METADATA from the wheel name, with the deps given in `direct`. */
  readonly direct = new Map<string, string[]>();
  private metaForDirect(file: IndexFile): string | undefined {
    const m = /^([^-]+)-([^-]+)-/.exec(file.filename);
    if (!m || !this.direct.has(file.filename)) return undefined;
    const deps = this.direct.get(file.filename)!.map((d) => `Requires-Dist: ${d}`);
    return ['Metadata-Version: 2.1', `Name: ${m[1]}`, `Version: ${m[2]}`, ...deps].join('\n') + '\n';
  }
}
