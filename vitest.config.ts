/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests the same Vite setup as the site (needed by the Container API tests).
export default getViteConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/build/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
