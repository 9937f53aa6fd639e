// `node scripts/release-notes.mjs v1.2.3`: prints the CHANGELOG.md section of that version (the release notes),
// after checking the tag is what a release needs: vX.Y.Z, package.json at that version, and a dated section
// for it in CHANGELOG.md. Exits 1 with the reason otherwise (the release workflow stops there).
import { readFileSync } from 'node:fs';

export function releaseNotes(tag, packageVersion, changelog) {
  const m = /^v(\d+\.\d+\.\d+)$/.exec(tag ?? '');
  if (!m) throw new Error(`the tag '${tag ?? ''}' is not a release tag; use vMAJOR.MINOR.PATCH, e.g. v1.2.3.`);
  const version = m[1];
  if (packageVersion !== version) throw new Error(`package.json says version ${packageVersion}, the tag says ${version}; run 'npm version ${version}' first.`);
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (start < 0) throw new Error(`CHANGELOG.md has no '## [${version}] - YYYY-MM-DD' section; write what changed first.`);
  if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}\s*$/.test(lines[start])) {
    throw new Error(`CHANGELOG.md: '${lines[start]}' is not dated; write '## [${version}] - YYYY-MM-DD' for the release.`);
  }
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  if (!body) throw new Error(`CHANGELOG.md: the section of ${version} is empty.`);
  return body + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    process.stdout.write(releaseNotes(process.argv[2], pkg.version, readFileSync('CHANGELOG.md', 'utf8')));
  } catch (err) {
    console.error(`release: ${err.message}`);
    process.exit(1);
  }
}
