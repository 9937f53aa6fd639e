// One command makes dist/: every entry point bundled (ESM, Node 20+), Python runtime files inlined as text.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const entryPoints = {
  cli: 'src/cli.ts',
  'action-build': 'src/action/build.ts',
  'action-deploy': 'src/action/deploy.ts',
  'action-rollback': 'src/action/rollback.ts',
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  loader: { '.py': 'text' },
  // ssh2's optional native helpers are not needed (pure-JS crypto fallback is used).
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
});
