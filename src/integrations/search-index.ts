import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Pagefind files the search page does not load. Pagefind writes its three prebuilt UIs and the
 * highlight script into every bundle; the site uses its own small UI on the JS API
 * (docs/performance.md says why), so these are removed rather than deployed unused.
 */
const UNUSED_BUNDLE_FILES = [
  'pagefind-component-ui.css',
  'pagefind-component-ui.js',
  'pagefind-highlight.js',
  'pagefind-modular-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-ui.css',
  'pagefind-ui.js',
];

/**
 * Builds the search index into `<outDir>/pagefind/` after `astro build`, through Pagefind's Node
 * API (which runs the extended binary: it segments Chinese into words). Only elements marked
 * `data-pagefind-body` (the report <article>, the head of an agency page) are indexed; what stays
 * out (tables, chrome, derived figures) is marked `data-pagefind-ignore` in the components. Result URLs carry no base: the
 * browser-side Pagefind derives it from where the bundle is loaded (`/archive/pagefind/`).
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'nianbao:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({
            // Every page is zh-CN; forcing it keeps one index even if a page lost its lang.
            forceLanguage: 'zh-cn',
          });
          if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const outputPath = join(outDir, 'pagefind');
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          for (const f of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, f), { force: true });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          // `npm run bench` reads this line for the index's wall time.
          logger.info(
            `检索索引：${added.page_count} 个页面已编入 ${outputPath}，用时 ${seconds} 秒`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
