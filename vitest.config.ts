import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests over the whole calendar take a few seconds each on a 2-core machine.
    testTimeout: 60_000,
  },
});
