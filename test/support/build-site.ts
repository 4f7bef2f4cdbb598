import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the site through the real pipeline (`astro build`) into a fresh temporary folder.
 * `content` is a folder laid out like the project (defaults to the project's own content).
 */
export function buildSite(
  options: {
    content?: string;
    base?: string;
    outDir?: string;
    site?: string;
    /** `npm run build`'s way (scripts/build.ts: the index after Astro exits) instead of `astro build`. */
    viaBuildScript?: boolean;
    /** More environment for the build (set after the defaults). */
    env?: NodeJS.ProcessEnv;
  } = {},
): string {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'nianbao-build-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SITE_BASE: options.base ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Vitest sets these for its own Vite; a child `astro build` must not inherit them.
  for (const key of [
    'NIANBAO_CONTENT',
    'BASE_URL',
    'SITE',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'NODE_ENV',
    'VITEST',
    'VITEST_MODE',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ]) {
    delete env[key];
  }
  if (options.content) env.NIANBAO_CONTENT = options.content;
  // SITE_URL only when asked for: absolute URLs (canonical, feed, sitemap) depend on it.
  if (options.site) env.SITE_URL = options.site;
  else delete env.SITE_URL;
  Object.assign(env, options.env);
  const command = options.viaBuildScript
    ? [join(PROJECT_ROOT, 'scripts/build.ts')]
    : [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
  execFileSync(process.execPath, [...command, '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env,
    stdio: 'pipe',
  });
  return outDir;
}
