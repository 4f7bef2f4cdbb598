/**
 * The site's search index (Pagefind, Chinese word segmentation): the function that writes it, and
 * the integration that runs it after `astro build`, in-process or (under `npm run build`) after
 * Astro's process has exited.
 */
import type { AstroIntegration } from 'astro';
import { rmSync, writeFileSync } from 'node:fs';
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

/** Where `npm run build` asks the integration to leave the index for after Astro exits. */
export const INDEX_LATER_ENV = 'NIANBAO_SEARCH_INDEX_LATER';

/** What the index writer reports through: Astro's logger in-process, the console after it. */
export interface IndexLogger {
  info(message: string): void;
}

/**
 * Builds the search index into `<outDir>/pagefind/` through Pagefind's Node API (which runs the
 * extended binary: it segments Chinese into words). Only elements marked `data-pagefind-body`
 * (the report <article>, the head of an agency page) are indexed; what stays out (tables, chrome,
 * derived figures) is marked `data-pagefind-ignore` in the components. Result URLs carry no base:
 * the browser-side Pagefind derives it from where the bundle is loaded (`/archive/pagefind/`).
 */
export async function writeSearchIndex(outDir: string, logger: IndexLogger): Promise<void> {
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
    logger.info(`检索索引：${added.page_count} 个页面已编入 ${outputPath}，用时 ${seconds} 秒`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Runs `writeSearchIndex` when `astro build` is done. `npm run build` (scripts/build.ts) sets
 * NIANBAO_SEARCH_INDEX_LATER to a file: the integration then only writes the output folder's path
 * there, and the index is built after Astro's process has exited, so Node's build memory is freed
 * before Pagefind takes its own (the peak of the build is the larger of the two, not their sum).
 * A plain `astro build` (tests, the bench's old form) still indexes in-process; both ways call
 * the same function on the same pages and write the same files.
 */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'nianbao:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const later = process.env[INDEX_LATER_ENV];
        if (later) {
          writeFileSync(later, outDir);
          return;
        }
        await writeSearchIndex(outDir, logger);
      },
    },
  };
}
