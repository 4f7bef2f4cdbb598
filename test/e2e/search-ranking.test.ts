/**
 * A report's place among its year's results must not depend on what other years hold (issue 14).
 * The same 2024 reports are indexed twice by the site's own index writer (writeSearchIndex: one
 * Pagefind bundle per year), once alone and once beside 2023 reports that use one of the query's
 * words a lot, and searched in Chromium the way the search page searches a year's group (the
 * agencies' bundle as Pagefind's primary index, the year's bundle merged, the 年份 filter). The
 * 2024 order is the same both times.
 *
 * The contrast, measured here too: one Pagefind index over all the pages (what the site built
 * before per-year bundles) ranks the same 2024 reports in the other order once the 2023 reports
 * are added, because its scores use statistics of the whole index (a word's frequency across all
 * pages: 政策解读 becomes common, so the report that has it three times falls behind the one that
 * has 保密审查 three times). That is why results are grouped by year.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index.ts';
import { launchBrowser } from '../support/browser.ts';
import { startStaticServer } from '../support/static-server.ts';
import { E2E_DIR } from './sites.ts';

const DIR = join(E2E_DIR, 'search-ranking');
const QUERY = ['保密审查', '政策解读'];
const FILLER =
  '本机关依照条例的规定编制本年度报告，报告中所列数据的统计期限自一月一日起至十二月三十一日止。';

function page(title: string, year: number | null, paragraphs: string[]): string {
  const attrs =
    year === null
      ? 'data-pagefind-filter="类别:机构"'
      : `data-pagefind-filter="年份:${year}" data-pagefind-meta="title:${title}"`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article data-pagefind-body ${attrs}><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
}

function write(root: string, path: string, html: string) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

/** 2024: a has 保密审查 three times, b has 政策解读 three times; c has 保密审查 only. */
function site2024(root: string) {
  write(root, 'agencies/jiguan/index.html', page('示例机关', null, ['示例机关的报告']));
  const [w1, w2] = QUERY as [string, string];
  const reports: Record<string, string[]> = {
    a: [`${w1}和${w1}。`, `${w1}工作。`, `${w2}工作。`, FILLER],
    b: [`${w2}和${w2}。`, `${w2}工作。`, `${w1}工作。`, FILLER],
    c: [`${w1}工作。`, FILLER, FILLER, FILLER],
  };
  for (const [id, ps] of Object.entries(reports))
    write(root, `reports/${id}/2024/index.html`, page(`${id} 2024`, 2024, ps));
}

/** 2023: six reports that use 政策解读 and never 保密审查. */
function add2023(root: string) {
  for (let i = 0; i < 6; i++)
    write(
      root,
      `reports/d${i}/2023/index.html`,
      page(`d${i} 2023`, 2023, [`${QUERY[1]}工作。`, FILLER, FILLER]),
    );
}

/** One Pagefind index over every page of `root` (the site's index before per-year bundles). */
async function writeOneIndex(root: string) {
  const pagefind = await import('pagefind');
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    await index!.addDirectory({ path: root });
    await index!.writeFiles({ outputPath: join(root, 'pagefind/all') });
  } finally {
    await pagefind.close();
  }
}

let browser: Browser;
let server: Server;
let origin: string;
const quiet = { info: () => {} };
beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  const alone = join(DIR, 'alone');
  const both = join(DIR, 'both');
  site2024(alone);
  site2024(both);
  add2023(both);
  await writeSearchIndex(alone, quiet);
  await writeSearchIndex(both, quiet);
  await writeOneIndex(alone);
  await writeOneIndex(both);
  for (const root of [alone, both]) write(root, 'index.html', '<!doctype html><title>x</title>');
  ({ server, origin } = await startStaticServer([
    { base: '/alone/', dir: alone },
    { base: '/both/', dir: both },
  ]));
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/**
 * The 2024 results' URLs in Pagefind's ranked order, as the search page gets them: `primary`
 * bundle loaded, `merged` bundles merged, filtered to 2024.
 */
async function order(site: string, primary: string, merged: string[]): Promise<string[]> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  try {
    await tab.goto(`${origin}/${site}/`);
    return await tab.evaluate(
      async ({ primary, merged, term }) => {
        // Built at run time: Vitest would otherwise rewrite this import() for Node.
        const load = new Function('u', 'return import(u)') as (u: string) => Promise<never>;
        const pf = (await load(primary)) as {
          options(o: object): Promise<void>;
          init(): Promise<void>;
          mergeIndex(b: string): Promise<void>;
          search(
            t: string,
            o: object,
          ): Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
        };
        await pf.options({ noWorker: true });
        await pf.init();
        for (const b of merged) await pf.mergeIndex(b);
        const r = await pf.search(term, { filters: { 年份: { any: ['2024'] } } });
        const data = await Promise.all(r.results.map((x) => x.data()));
        return data.map((d) => d.url);
      },
      {
        primary: `/${site}/pagefind/${primary}/pagefind.js`,
        merged: merged.map((b) => `/${site}/pagefind/${b}/`),
        term: QUERY.join(' '),
      },
    );
  } finally {
    await context.close();
  }
}

describe('ranking within a year', () => {
  it('a year’s order is the same whatever other years the archive holds', async () => {
    const alone = await order('alone', 'agencies', ['2024']);
    const both = await order('both', 'agencies', ['2024', '2023']);
    expect(alone).toEqual(['/alone/reports/b/2024/', '/alone/reports/a/2024/']);
    expect(both.map((u) => u.replace('/both/', '/alone/'))).toEqual(alone);
  });

  it('one index over all years would reorder the year (why results are grouped by year)', async () => {
    const alone = await order('alone', 'all', []);
    const both = await order('both', 'all', []);
    expect(alone).toEqual(['/alone/reports/b/2024/', '/alone/reports/a/2024/']);
    expect(both).toEqual(['/both/reports/a/2024/', '/both/reports/b/2024/']);
  });
});
