/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// Browser tests against built sites (see test/e2e/global-setup.ts). Run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
