// @ts-check
/**
 * The top level of a sharded archive (scripts/shards/build.ts `top`): a small Astro project of its
 * own, built from the shards' summaries alone (NIANBAO_SHARD_SUMMARIES, a folder of
 * `<id>.json`). It reads no report and runs no content check; its search page merges the shards'
 * Pagefind indexes in the browser. Same base-path and CSP rules as the archive site.
 */
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from '../../../src/lib/site/urls.ts';

export default defineConfig({
  base: normaliseBase(process.env.SITE_BASE),
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: 'jsx',
  // The archive's favicon and _headers (the shards' _headers sit under /s/<id>/, where a CDN
  // reading /_headers does not look: the top level's copy covers the whole tree).
  publicDir: fileURLToPath(new URL('../../../public/', import.meta.url)),
  // Keep Astro's cache with the project's, not in a node_modules folder under scripts/.
  cacheDir: fileURLToPath(new URL('../../../node_modules/.astro/shards-top/', import.meta.url)),
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
