// One command makes dist/: every entry point bundled (ESM, Node 20+), Python runtime files inlined as text.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { bundleOptions, ENTRY_POINTS } from './bundle-options.mjs';

rmSync('dist', { recursive: true, force: true });
await build(bundleOptions(ENTRY_POINTS, 'dist'));
