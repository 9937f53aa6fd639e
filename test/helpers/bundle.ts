// Bundles entry points exactly as `npm run bundle` does (scripts/bundle-options.mjs), into a fresh folder under
// node_modules/.cache, so tests run what users get and never a stale dist/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, ENTRY_POINTS } from '../../scripts/bundle-options.mjs';

const bundles = new Map<string, Promise<string>>();

/** The folder holding `<name>.js` for each of the named entry points of dist/ (e.g. 'cli', 'action-build'). */
export function bundle(names: string[]): Promise<string> {
  const key = names.join(',');
  let pending = bundles.get(key);
  if (!pending) {
    pending = (async () => {
      const cacheDir = path.resolve('node_modules/.cache');
      mkdirSync(cacheDir, { recursive: true });
      const outdir = mkdtempSync(path.join(cacheDir, 'pexship-bundle-'));
      const entries = Object.fromEntries(names.map((n) => [n, path.resolve(ENTRY_POINTS[n])]));
      await build({ ...bundleOptions(entries, outdir), logLevel: 'error' });
      return outdir;
    })();
    bundles.set(key, pending);
  }
  return pending;
}
