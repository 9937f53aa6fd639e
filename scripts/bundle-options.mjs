// The esbuild settings of dist/, shared by `npm run bundle` and the tests that bundle the CLI or the actions.
export const ENTRY_POINTS = {
  cli: 'src/cli.ts',
  'action-build': 'src/action/build.ts',
  'action-deploy': 'src/action/deploy.ts',
  'action-rollback': 'src/action/rollback.ts',
};

/** Options for esbuild's `build`: every dependency inlined (a runner has no node_modules), ESM for Node 20+. */
export function bundleOptions(entryPoints, outdir) {
  return {
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.py': 'text' },
    // ssh2's optional native helpers are not needed (its pure-JS crypto fallback is used).
    external: ['cpu-features', '*.node'],
    banner: {
      // CommonJS dependencies bundled into ESM still call require() and read __dirname (ssh2's poly1305 does at
      // load time). `var`, because a bundled module may declare its own __dirname in the same scope.
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
    logLevel: 'warning',
  };
}
