import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // Bundled data (calendar, rules, profiles) is inlined so the package works without reading files at run time.
  loader: { '.json': 'json' },
});
