/**
 * The site's search index (Pagefind, Chinese word segmentation, one bundle per report year): the
 * function that writes it, and the integration that runs it after `astro build`, in-process or
 * (under `npm run build`) after Astro's process has exited.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
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
    const pages = b.pages();
    const key = cache && bundleKey(cache, outDir, pages, settings);
    if (cache && key && restoreBundle(cache, key, output)) {
      reused++;
      counts.push(`${b.name} ${pages.length}`);
      continue;
    }
    await writeBundle(outDir, { ...b, pages }, output);
    for (const f of unusedCode(b.name)) rmSync(join(output, f), { force: true });
    if (cache && key) storeBundle(cache, key, output);
    counts.push(`${b.name} ${pages.length}`);
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

/** What a build log calls a bundle: 「2025 年报告的索引」, 「机构页的索引」. */
function bundleLabel(name: string): string {
  return name === AGENCY_BUNDLE ? '机构页的索引' : `${name} 年报告的索引`;
}

/**
 * The memory this process may use: the container's limit where there is one (cgroups), else the
 * machine's. Node reports no limit as a number above the machine's memory.
 */
export function memoryLimit(): number {
  const constrained = process.constrainedMemory();
  return constrained > 0 && constrained < totalmem() ? constrained : totalmem();
}

/**
 * Why the build stops when Pagefind's process has gone while a bundle was being written. Its Node
 * API never hears of the process's end (it does not watch for it), so without this the build's
 * promise would never settle and Node would exit in silence, or with code 13 and a warning in
 * English, leaving an unfinished index. Memory is the usual cause: the indexing memory grows with
 * the pages of one bundle (docs/performance.md, 「50,000 份报告」).
 */
export function pagefindLostMessage(name: string, pages: number, memoryBytes: number): string {
  const gib = (memoryBytes / 2 ** 30).toFixed(1);
  return (
    `检索索引：编入${bundleLabel(name)}（${pages} 个页面）时，Pagefind 的进程中途退出，索引没有写完，构建失败。` +
    `最常见的原因是内存不足，进程被系统终止（本机内存 ${gib} GiB）。` +
    'Pagefind 所需的内存随一个索引的页面数增长：实测一年 10,539 份报告时约 6.2 GiB（docs/performance.md「50,000 份报告」）。' +
    '请在内存更大的机器上构建，或按 docs/performance.md「分片 / Shards」把档案分成几部分分别构建。'
  );
}

/**
 * Pagefind's memory for one page of a bundle: the smallest per-page figure measured (0.60 MB at
 * 10,539 pages; 0.70 at 2,152, 0.75 at 1,129: docs/performance.md, round 7), so an estimate from it
 * errs low rather than warning of a run that fits.
 */
const PAGEFIND_BYTES_PER_PAGE = 0.6e6;

/** The share of the machine's memory above which a year's estimated indexing memory is warned of. */
const MEMORY_WARNING_SHARE = 0.85;

/**
 * A warning, before anything is built, for each year whose search index is estimated to need more
 * than 85 % of the machine's memory (`reportsPerYear`: the reports each year's bundle will hold),
 * so that a CI job learns at its start, not after Astro's half hour, that Pagefind will likely be
 * killed on that year; undefined when every year fits.
 */
export function indexMemoryWarning(
  reportsPerYear: ReadonlyMap<number, number>,
  memoryBytes: number,
): string | undefined {
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  const over = [...reportsPerYear]
    .filter(([, n]) => n * PAGEFIND_BYTES_PER_PAGE > memoryBytes * MEMORY_WARNING_SHARE)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (over.length === 0) return undefined;
  const years = over
    .map(([year, n]) => `${year} 年（${n} 份报告，约 ${gib(n * PAGEFIND_BYTES_PER_PAGE)} GiB）`)
    .join('、');
  return (
    `检索索引可能超出内存：按实测每份报告约 0.6 MB 估计，编入 ${years}的索引所需的内存超过本机内存 ${gib(memoryBytes)} GiB 的 85 %（docs/performance.md 第七轮）。` +
    'Pagefind 在编入这些年份时可能被系统终止。可以在内存更大的机器上构建，或按 docs/performance.md「分片 / Shards」把档案分成几部分分别构建。'
  );
}

/**
 * `work`, or a rejection with `lost()` if Node's event loop runs empty first: then nothing is left
 * that could ever settle `work` (Pagefind's requests keep its process referenced while they are
 * pending, so an empty loop means that process has gone).
 */
function unlessLost<T>(work: Promise<T>, lost: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onEmptyLoop = () => reject(lost());
    process.once('beforeExit', onEmptyLoop);
    work.then(
      (value) => {
        process.off('beforeExit', onEmptyLoop);
        resolve(value);
      },
      (error: unknown) => {
        process.off('beforeExit', onEmptyLoop);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A bundle to write: its name, its Pagefind glob, the pages that glob finds, what it leaves out. */
interface BundlePlan {
  name: string;
  glob: string;
  pages: readonly string[];
  exclude: readonly string[];
}

/**
 * One bundle: the pages matching `glob` under `outDir`, without what `exclude` selects, written
 * to `outputPath`. Fails, in Chinese, naming the bundle, when Pagefind reports an error, when its
 * process goes away, or when it found other pages than `pages` (the list the cache key hashes).
 */
async function writeBundle(outDir: string, plan: BundlePlan, outputPath: string): Promise<void> {
  const pagefind = await import('pagefind');
  const what = bundleLabel(plan.name);
  const failed = (errors: readonly string[]) =>
    new Error(`检索索引：编入${what}时 Pagefind 报错：${errors.join('；')}`);
  let lost = false;
  const work = async () => {
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: LANGUAGE,
      excludeSelectors: [...plan.exclude],
    });
    if (!index) throw failed(errors);
    const added = await index.addDirectory({ path: outDir, glob: plan.glob });
    if (added.errors.length > 0) throw failed(added.errors);
    if (added.page_count !== plan.pages.length)
      throw new Error(
        `检索索引：编入${what}时 Pagefind 找到 ${added.page_count} 个页面，应为 ${plan.pages.length} 个（${plan.glob}）。` +
          '索引的页面范围与缓存所核对的页面不一致，这是程序错误。',
      );
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw failed(written.errors);
    for (const f of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, f), { force: true });
  };
  try {
    await unlessLost(work(), () => {
      lost = true;
      return new Error(pagefindLostMessage(plan.name, plan.pages.length, memoryLimit()));
    });
  } finally {
    // Ends Pagefind's indexing binary: the next bundle starts with a fresh one. A process that
    // has gone cannot answer, so then nothing waits for it.
    if (lost) void pagefind.close().catch(() => undefined);
    else await pagefind.close();
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
