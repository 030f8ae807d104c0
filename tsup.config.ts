import { defineConfig, type Options } from 'tsup';

const library = { index: 'src/index.ts', testing: 'src/testing/index.ts', interchange: 'src/interchange/index.ts' };
const shared: Options = {
  sourcemap: true,
  target: 'node20',
  external: ['fast-check'],
  // Bundled data (calendar, rules, profiles) is inlined so the package works without reading files at run time.
  loader: { '.json': 'json' },
};

export default defineConfig([
  {
    // ESM: the library's entries, the command line and its audit worker thread in one build, so that they share
    // chunks: the command line runs the library's own code, not a second copy of it. The shebang is kept.
    ...shared,
    entry: { ...library, cli: 'src/cli/bin.ts', 'audit-worker': 'src/cli/audit-worker.ts' },
    format: ['esm'],
    splitting: true,
    dts: { entry: library },
    clean: true,
  },
  {
    // CommonJS for require(): the library's entries only (the command line uses top-level await).
    ...shared,
    entry: library,
    format: ['cjs'],
    dts: { entry: library },
  },
]);
