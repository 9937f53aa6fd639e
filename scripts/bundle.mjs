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
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    js: "import { createRequire as __pexshipCreateRequire } from 'node:module'; const require = __pexshipCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
