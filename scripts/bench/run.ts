/**
 * `npm run bench -- --reports N [--keep]`: writes N synthetic reports into a temporary folder
 * outside the project, builds them with the project's real pipeline (`astro build` with
 * NIANBAO_CONTENT), and prints one table of figures. A benchmark prints; it never asserts on time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../test/support/browser.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { generateArchive } from './generate.ts';
import { gib, kb, measure, mib } from './measure.ts';

const PROJECT = resolve(import.meta.dirname, '../..');

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** Gzipped bytes of a built page and the stylesheets and scripts it references (what a CDN sends). */
export function pageTransfer(
  dist: string,
  pagePath: string,
): { html: number; css: number; js: number } {
  const html = readFileSync(join(dist, pagePath, 'index.html'));
  const assets = [...html.toString().matchAll(/(?:href|src)="\/([^"]+\.(css|js))"/g)];
  let css = 0;
  let js = 0;
  for (const [, path, ext] of assets) {
    const bytes = gzipSync(readFileSync(join(dist, path!))).length;
    if (ext === 'css') css += bytes;
    else js += bytes;
  }
  return { html: gzipSync(html).length, css, js };
}

/**
 * Bytes a phone's browser transfers for a first search (the search page, its script and Pagefind)
 * and for a later one typed on the same page, from the built site served like a CDN (gzip).
 */
async function searchBytes(
  dist: string,
  first: string,
  later: string,
): Promise<{ first: number; later: number; results: string }> {
  const { server, origin } = await startStaticServer([{ base: '/', dir: dist }]);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Playwright's request events include the Pagefind worker's fetches (a CDP session on the
    // page alone does not see them); sizes() gives the bytes as transferred (compressed).
    let bytes = 0;
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((s) => {
          bytes += s.responseBodySize + s.responseHeadersSize;
        }),
      );
    });
    const total = async () => {
      await Promise.all(pending);
      return bytes;
    };
    const settled = () =>
      page.waitForFunction(() => {
        const el = document.querySelector('[aria-busy]');
        return el === null && document.querySelector('#search-q') !== null;
      });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(first)}`, {
      waitUntil: 'networkidle',
    });
    await settled();
    await page.waitForTimeout(500);
    const firstBytes = await total();
    const results = await page.locator('h2, [role="status"]').allInnerTexts();
    await page.fill('#search-q', later);
    await page.press('#search-q', 'Enter');
    await page.waitForLoadState('networkidle');
    await settled();
    await page.waitForTimeout(500);
    return {
      first: firstBytes,
      later: (await total()) - firstBytes,
      results: results.join(' / ').slice(0, 80),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string' },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string' },
    },
  });
  const n = Number(values.reports);
  if (!Number.isInteger(n) || n < 1) {
    console.error('用法：npm run bench -- --reports <数量> [--keep] [--seed <整数>]');
    process.exitCode = 2;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const dist = join(dir, 'dist');
  try {
    const t0 = performance.now();
    const generated = generateArchive(dir, n, values.seed ? Number(values.seed) : undefined);
    const genMs = performance.now() - t0;
    console.log(
      `generated ${generated.reports} reports of ${generated.agencies} agencies in ${(genMs / 1000).toFixed(1)} s → ${dir}`,
    );

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NIANBAO_CONTENT: dir,
      SITE_BASE: '/',
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    const build = await measure(
      process.execPath,
      [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist],
      { cwd: PROJECT, env },
    );
    if (build.code !== 0) {
      console.error(build.stdout.slice(-4000));
      throw new Error(`astro build exited ${build.code}`);
    }
    const pages = readdirSync(join(dist, 'reports')).reduce(
      (s, a) => s + readdirSync(join(dist, 'reports', a)).length,
      0,
    );
    const firstAgency = readdirSync(join(dist, 'reports')).sort()[0]!;
    const firstYear = readdirSync(join(dist, 'reports', firstAgency)).sort()[0]!;
    const page = pageTransfer(dist, `reports/${firstAgency}/${firstYear}`);
    const indexLine = /检索索引：(\d+) 个页面.*用时 ([\d.]+) 秒/.exec(build.stdout);
    const indexSeconds = indexLine ? Number(indexLine[2]) : NaN;
    const pagefindRss = Math.max(
      0,
      ...Object.entries(build.peakByName)
        .filter(([k]) => k.startsWith('pagefind'))
        .map(([, v]) => v),
    );
    const search = await searchBytes(dist, '保密审查', '行政复议');
    const rows: [string, string][] = [
      ['reports', String(generated.reports)],
      ['npm run build wall time (build + index)', `${(build.wallMs / 1000).toFixed(1)} s`],
      ['  of which astro build', `${(build.wallMs / 1000 - indexSeconds).toFixed(1)} s`],
      ['  of which Pagefind index', `${indexSeconds.toFixed(1)} s`],
      ['peak RSS, whole process tree', gib(build.peakRss)],
      ['  of which Pagefind binary (its own peak)', gib(pagefindRss)],
      ['  Node (its own peak)', gib(build.peakByName.node ?? build.peakByName.MainThread ?? 0)],
      ['report pages per second (build + index)', (pages / (build.wallMs / 1000)).toFixed(0)],
      ['output size', mib(sizeOf(dist))],
      ['index size (dist/pagefind)', mib(sizeOf(join(dist, 'pagefind')))],
      ['first search 保密审查 (page + UI + Pagefind)', kb(search.first)],
      ['later search 行政复议 (same page)', kb(search.later)],
      [
        'report page transfer (gzip: HTML + CSS + JS)',
        `${kb(page.html + page.css + page.js)} (HTML ${kb(page.html)}, CSS ${kb(page.css)}, JS ${kb(page.js)})`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n| ${'figure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | ----- |`);
    for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
    console.log(
      `\nnode ${process.version}, ${execFileSync('nproc').toString().trim()} cores, ${gib(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024)} RAM`,
    );
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
