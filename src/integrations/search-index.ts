/**
 * The site's search index (Pagefind, Chinese word segmentation, one bundle per report year): the
 * function that writes it, and the integration that runs it after `astro build`, in-process or
 * (under `npm run build`) after Astro's process has exited.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../lib/content/cache-dir.ts';
import {
  bundleKey,
  openIndexCache,
  restoreBundle,
  storeBundle,
  type IndexCache,
} from '../lib/site/index-cache.ts';

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

/** Every page is zh-CN; forcing it keeps one language index even if a page lost its lang. */
const LANGUAGE = 'zh-cn';

/** The bundle that holds the agency pages (found by an agency's name whatever the year). */
export const AGENCY_BUNDLE = 'agencies';

/**
 * What stays out of the index beyond what the markup marks `data-pagefind-ignore`: the tables'
 * printed labels (their numbers are already ignored). The labels are the same in every report of
 * a template version, so no search needs them, and they were ~44 % of each report's indexed text
 * (docs/performance.md, experiment (a): fragments 5.4 → 3.0 KB, Pagefind's memory −42 %).
 */
export const EXCLUDE_SELECTORS = ['table'];

/**
 * Pagefind's code, written into every bundle. The search page imports the agencies' copy (its
 * primary index: search-page.ts, search-preload.ts) and runs without the worker (`noWorker`);
 * a merged bundle fetches only its entry, metadata, filters, chunks and fragments. So the year
 * bundles keep none of it and the agencies' bundle keeps its module and WebAssembly.
 */
function unusedCode(bundle: string): string[] {
  return bundle === AGENCY_BUNDLE
    ? ['pagefind-worker.js']
    : ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind'];
}

/**
 * The years that have report pages in a built site (`reports/<agency>/<year>/index.html`), newest
 * first.
 */
export function reportYears(outDir: string): number[] {
  const years = new Set<number>();
  const reports = join(outDir, 'reports');
  if (!existsSync(reports)) return [];
  for (const agency of readdirSync(reports, { withFileTypes: true }))
    if (agency.isDirectory())
      for (const year of readdirSync(join(reports, agency.name), { withFileTypes: true }))
        if (
          year.isDirectory() &&
          /^\d{4}$/.test(year.name) &&
          existsSync(join(reports, agency.name, year.name, 'index.html'))
        )
          years.add(Number(year.name));
  return [...years].sort((a, b) => b - a);
}

/**
 * Builds the search index as one Pagefind bundle per report year, `<outDir>/pagefind/<year>/`, and
 * one for the agency pages, `<outDir>/pagefind/agencies/`, through Pagefind's Node API (which runs
 * the extended binary: it segments Chinese into words). The bundles are built one after another,
 * each by its own Pagefind service closed before the next starts, so the indexing memory is that
 * of the largest year, not of the whole archive; and a report's score depends only on the reports
 * of its own year (the search page groups results by year: docs/performance.md 「按年份的检索索引」).
 * Only elements marked `data-pagefind-body` (the report <article>, the head of an agency page) are
 * indexed; what stays out (tables, chrome, derived figures) is marked `data-pagefind-ignore` in the
 * components or listed in EXCLUDE_SELECTORS. Result URLs carry no base: the browser-side Pagefind
 * derives it from where the bundle is loaded (`/archive/pagefind/2025/`). With `cache`, a bundle
 * whose pages are byte-identical to those of a bundle built before is copied from the cache
 * (index-cache.ts): a rebuild after one report changed indexes that report's year again.
 */
export async function writeSearchIndex(
  outDir: string,
  logger: IndexLogger,
  cache?: IndexCache,
): Promise<void> {
  const started = performance.now();
  const root = join(outDir, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  const years = reportYears(outDir);
  const bundles = [
    ...years.map((y) => ({
      name: String(y),
      glob: `reports/*/${y}/index.html`,
      pages: () => pagesUnder(outDir, 'reports', (agency) => `${agency}/${y}/index.html`),
      exclude: EXCLUDE_SELECTORS,
    })),
    // Indexing less of the agency pages (their website line and the 「本档案收录…」 sentence) made
    // Pagefind cut their words into fewer, larger chunks: a later query then paid 11 KB more at
    // 10,000 reports (docs/performance.md 「检索字节（第五轮）」), so they are indexed as they are.
    {
      name: AGENCY_BUNDLE,
      glob: 'agencies/*/index.html',
      pages: () => pagesUnder(outDir, 'agencies', (agency) => `${agency}/index.html`),
      exclude: EXCLUDE_SELECTORS,
    },
  ];
  const counts: string[] = [];
  let reused = 0;
  for (const b of bundles) {
    const output = join(root, b.name);
    // Everything besides the pages that decides the bundle's bytes (index-cache.ts).
    const settings = {
      glob: b.glob,
      exclude: b.exclude,
      forceLanguage: LANGUAGE,
      removed: [...UNUSED_BUNDLE_FILES, ...unusedCode(b.name)],
    };
    const pages = cache ? b.pages() : [];
    const key = cache && bundleKey(cache, outDir, pages, settings);
    if (cache && key && restoreBundle(cache, key, output)) {
      reused++;
      counts.push(`${b.name} ${pages.length}`);
      continue;
    }
    const count = await writeBundle(outDir, b.glob, b.exclude, output);
    for (const f of unusedCode(b.name)) rmSync(join(output, f), { force: true });
    if (cache && key) storeBundle(cache, key, output);
    counts.push(`${b.name} ${count}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const fromCache = reused > 0 ? `，其中 ${reused} 个未变、取自上次构建的缓存` : '';
  // `npm run bench` reads this line for the index's wall time.
  logger.info(
    `检索索引：按年份分 ${bundles.length} 个索引（${counts.join('，')} 个页面${fromCache}）已编入 ${root}，用时 ${seconds} 秒`,
  );
}

/**
 * The pages of a bundle as its Pagefind glob finds them: `page(name)` under `outDir/folder` for
 * every folder `name` there that has it; paths relative to `outDir`.
 */
function pagesUnder(outDir: string, folder: string, page: (name: string) => string): string[] {
  const base = join(outDir, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, page(d.name))))
    .map((d) => `${folder}/${page(d.name)}`);
}

/**
 * One bundle: the pages matching `glob` under `outDir`, without what `exclude` selects, written
 * to `outputPath`; their count.
 */
async function writeBundle(
  outDir: string,
  glob: string,
  exclude: readonly string[],
  outputPath: string,
): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: LANGUAGE,
      excludeSelectors: [...exclude],
    });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir, glob });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const f of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, f), { force: true });
    return added.page_count;
  } finally {
    // Ends Pagefind's indexing binary: the next bundle starts with a fresh one.
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
  let project = '';
  return {
    name: 'nianbao:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        project = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const later = process.env[INDEX_LATER_ENV];
        if (later) {
          writeFileSync(later, outDir);
          return;
        }
        await writeSearchIndex(outDir, logger, openIndexCache(project, cacheRoot(project)));
      },
    },
  };
}
