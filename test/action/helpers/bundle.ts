// Bundles the three action entry points the way `npm run bundle` does (scripts/bundle.mjs: same esbuild
// options, dependencies inlined, as on a runner with no node_modules), into a fresh folder under
// node_modules/.cache so the tests never run a stale dist/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | undefined;

/** The folder holding action-build.js, action-deploy.js and action-rollback.js. */
export function bundleActions(): Promise<string> {
  bundled ??= (async () => {
    const cacheDir = path.resolve('node_modules/.cache');
    mkdirSync(cacheDir, { recursive: true });
    const outdir = mkdtempSync(path.join(cacheDir, 'pexship-action-'));
    await build({
      entryPoints: {
        'action-build': path.resolve('src/action/build.ts'),
        'action-deploy': path.resolve('src/action/deploy.ts'),
        'action-rollback': path.resolve('src/action/rollback.ts'),
      },
      outdir,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      loader: { '.py': 'text' },
      external: ['cpu-features', '*.node'],
      banner: {
        // `require` for CommonJS dependencies; `__filename`/`__dirname` for ssh2's poly1305 (emscripten), which
        // reads __dirname when it loads. `var`, because @azure/storage-common declares its own in the same chunk.
        js: [
          "import { createRequire as __pexshipCreateRequire } from 'node:module';",
          "import { fileURLToPath as __pexshipFileURLToPath } from 'node:url';",
          "import { dirname as __pexshipDirname } from 'node:path';",
          'const require = __pexshipCreateRequire(import.meta.url);',
          'var __filename = __pexshipFileURLToPath(import.meta.url);',
          'var __dirname = __pexshipDirname(__filename);',
        ].join(' '),
      },
      legalComments: 'none',
      logLevel: 'error',
    });
    return outdir;
  })();
  return bundled;
}
