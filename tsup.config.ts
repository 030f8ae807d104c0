import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', interchange: 'src/interchange/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    external: ['fast-check'],
    // Bundled data (calendar, rules, profiles) is inlined so the package works without reading files at run time.
    loader: { '.json': 'json' },
  },
  {
    // The command line and its audit worker thread: ESM only (top-level await), the shebang kept.
    entry: { cli: 'src/cli/bin.ts', 'audit-worker': 'src/cli/audit-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    loader: { '.json': 'json' },
  },
]);
