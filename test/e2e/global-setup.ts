import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/build-site.ts';
import { startStaticServer } from '../support/static-server.ts';
import { E2E_DIR, SITES } from './sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

/** Builds every e2e site once, serves them on loopback, and hands the origin to the tests. */
export default async function setup(project: TestProject) {
  rmSync(E2E_DIR, { recursive: true, force: true });
  for (const site of Object.values(SITES)) {
    buildSite({ content: site.content, base: site.base, outDir: site.dir, site: site.site });
  }
  const { server, origin } = await startStaticServer(
    Object.values(SITES).map((s) => ({ base: s.base, dir: s.dir })),
  );
  project.provide('origin', origin);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
