/**
 * Search bytes of a built site, as a phone's browser transfers them (gzip, from a CDN-like
 * server): the first search, later ones typed on the same page, and one more year. Used by
 * `npm run bench` (run.ts) and, on its own, to measure a kept build again after its index changed:
 *
 * `node scripts/bench/search-bytes.ts --dist <built site> [--reindex] [--breakdown]`
 *
 * `--reindex` rebuilds the search index of the built site first with the project's own
 * writeSearchIndex (so an index change can be measured without building the pages again);
 * `--breakdown` prints each query's bytes by kind of file (page, Pagefind's code, entry,
 * metadata, filters, word chunks, fragments) and by bundle.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { kb } from './measure.ts';

/** What one step of the measurement transferred. */
export interface SearchStep {
  readonly query: string;
  readonly bytes: number;
  readonly results: string;
  /** Bytes by URL path (without the query string). */
  readonly files: ReadonlyMap<string, number>;
}

/** The kind of file a search request fetched, and the bundle it came from (if any). */
export function searchFileKind(path: string): { kind: string; bundle: string } {
  const m = /\/pagefind\/(?:[^/]+\/)*?([^/]+)\/(?:(filter|index|fragment)\/)?([^/]+)$/.exec(path);
  if (!m || !path.includes('/pagefind/')) return { kind: 'page (HTML, CSS, JS)', bundle: '' };
  const [, bundle, dir, file] = m;
  const kind =
    dir === 'fragment'
      ? 'fragments'
      : dir === 'index'
        ? 'word chunks'
        : dir === 'filter'
          ? 'filters'
          : file!.endsWith('.pf_meta')
            ? 'metadata'
            : file === 'pagefind-entry.json'
              ? 'entry'
              : "Pagefind's code (JS, worker, wasm)";
  return { kind, bundle: bundle! };
}

/**
 * Counts what a page's responses transfer from now on (body and headers as sent, so compressed),
 * summed per key of their URL path (the path itself unless `keyOf` groups them). The returned
 * function waits for the sizes of the requests finished so far and gives what was fetched since
 * its last call (a request counts in the call during which it finished), in the order first
 * fetched. Playwright's request events include the Pagefind worker's fetches (a CDP session on
 * the page alone does not see them). Shared with scripts/shards/search-bytes.ts.
 */
export function watchResponseBytes(
  page: Page,
  keyOf: (path: string) => string = (path) => path,
): () => Promise<Map<string, number>> {
  let current = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    const key = keyOf(new URL(request.url()).pathname);
    const into = current;
    pending.push(
      request.sizes().then((s) => {
        into.set(key, (into.get(key) ?? 0) + s.responseBodySize + s.responseHeadersSize);
      }),
    );
  });
  return async () => {
    await Promise.all(pending);
    pending.length = 0;
    const done = current;
    current = new Map();
    return done;
  };
}

/**
 * Bytes a phone's browser transfers for a first search (the search page, its script and Pagefind)
 * and for later ones typed on the same page, from the built site served like a CDN (gzip). Each
 * is what the reader gets first: the agencies and the newest year with results (the page groups
 * results by year and loads older years on request); then the cost of one more year.
 */
export async function searchBytes(
  dist: string,
  first: string,
  later: readonly string[],
): Promise<SearchStep[]> {
  const { server, origin } = await startStaticServer([{ base: '/', dir: dist }]);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const fetched = watchResponseBytes(page);
    /** The files fetched since the last call, and their total. */
    const step = async () => {
      const files = await fetched();
      return { files, bytes: [...files.values()].reduce((a, b) => a + b, 0) };
    };
    const settled = () =>
      page.waitForFunction(() => {
        const el = document.querySelector('[aria-busy]');
        return el === null && document.querySelector('#search-q') !== null;
      });
    const status = async () =>
      (await page.locator('[role="status"]').allInnerTexts()).join(' / ').slice(0, 60);
    await page.goto(`${origin}/search/?q=${encodeURIComponent(first)}`, {
      waitUntil: 'networkidle',
    });
    await settled();
    await page.waitForTimeout(500);
    const out: SearchStep[] = [{ query: first, ...(await step()), results: await status() }];
    for (const q of later) {
      await page.fill('#search-q', q);
      await page.press('#search-q', 'Enter');
      await page.waitForLoadState('networkidle');
      await settled();
      await page.waitForTimeout(500);
      out.push({ query: q, ...(await step()), results: await status() });
    }
    // Results come one year at a time, newest first (the index is one bundle per year): what one
    // more year costs, for the last query (「继续检索 N 年的报告」).
    const next = page.locator('[data-next]');
    if (await next.isVisible()) {
      const label = await next.innerText();
      const groups = await page.locator('[data-results] h2').count();
      await next.click();
      await page.waitForFunction(
        (k) => document.querySelectorAll('[data-results] h2').length > k,
        groups,
      );
      await page.waitForLoadState('networkidle');
      await settled();
      await page.waitForTimeout(500);
      out.push({
        query: `${later[later.length - 1]}, ${label}`,
        ...(await step()),
        results: (await page.locator('[data-results] h2').allInnerTexts()).join(' / '),
      });
    }
    return out;
  } finally {
    await browser.close();
    server.close();
  }
}

/** One line per kind and per bundle of what a step fetched, largest first. */
export function breakdown(step: SearchStep): string[] {
  const byKind = new Map<string, { bytes: number; files: number }>();
  const byBundle = new Map<string, number>();
  for (const [path, bytes] of step.files) {
    const { kind, bundle } = searchFileKind(path);
    const k = byKind.get(kind) ?? { bytes: 0, files: 0 };
    k.bytes += bytes;
    k.files++;
    byKind.set(kind, k);
    if (bundle) byBundle.set(bundle, (byBundle.get(bundle) ?? 0) + bytes);
  }
  return [
    ...[...byKind]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([kind, k]) => `    ${kind}: ${kb(k.bytes)} (${k.files} files)`),
    `    by bundle: ${[...byBundle].map(([b, n]) => `${b} ${kb(n)}`).join(', ')}`,
  ];
}

/** The queries `npm run bench` measures: a first one, a later one, a word in every report. */
export const BENCH_QUERIES = { first: '保密审查', later: ['政策解读', '行政复议'] } as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      reindex: { type: 'boolean', default: false },
      breakdown: { type: 'boolean', default: false },
    },
  });
  if (!values.dist) {
    console.error(
      '用法：node scripts/bench/search-bytes.ts --dist <已构建的站点> [--reindex] [--breakdown]',
    );
    process.exitCode = 2;
    return;
  }
  if (values.reindex) {
    const { writeSearchIndex } = await import('../../src/integrations/search-index.ts');
    const cpu0 = process.cpuUsage();
    await writeSearchIndex(values.dist, { info: (m) => console.log(m) });
    const cpu = process.cpuUsage(cpu0);
    console.log(`Node's own CPU while indexing: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  }
  const steps = await searchBytes(values.dist, BENCH_QUERIES.first, BENCH_QUERIES.later);
  for (const s of steps) {
    console.log(`${s.query}: ${kb(s.bytes)} (${s.results})`);
    if (values.breakdown) for (const line of breakdown(s)) console.log(line);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
