/**
 * A sharded archive, built the way a CI job matrix builds it (scripts/shards/build.ts): two shards
 * of the project's own reports, each built by its own process into its own folder (江苏省: 淮安 2024
 * and 沭阳 2023; 上海市和河南省: 上海 2019 and 2025, 济源 2020), then a top level built in a third
 * folder that holds nothing but the two shards' summaries, then the three deployed side by side.
 * Checked in Chromium at 360 px and on the desktop: the top level lists both shards from their
 * summaries; a search at the top level finds reports in both shards and its links open the shards'
 * pages; a word of one shard finds only that shard's reports; and the ranking guarantees of
 * src/lib/shards/merge-search.ts hold.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type ViewportName } from '../support/browser.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { openPage } from '../support/page-watch.ts';
import { startStaticServer } from '../support/static-server.ts';
import { E2E_DIR } from './sites.ts';

const DIR = join(E2E_DIR, 'shards');
const SHARDS = {
  jiangsu: 'jiangsu:江苏省=江苏省',
  other: 'other:上海市和河南省=上海市,河南省',
} as const;

function driver(...args: string[]): void {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST')) delete env[k];
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts/shards/build.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: 'pipe',
  });
}

let browser: Browser;
let server: Server;
let origin: string;
beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  // Two matrix jobs: each builds one shard in its own process and its own workspace.
  for (const [id, spec] of Object.entries(SHARDS))
    driver('shard', '--content', PROJECT_ROOT, '--out', join(DIR, `job-${id}`), '--shard', spec);
  // The top-level job gets the summaries and nothing else.
  const top = join(DIR, 'job-top');
  mkdirSync(join(top, 'summaries'), { recursive: true });
  for (const id of Object.keys(SHARDS))
    cpSync(join(DIR, `job-${id}`, 'summaries', `${id}.json`), join(top, 'summaries', `${id}.json`));
  driver('top', '--out', top);
  expect(readdirSync(top).sort()).toEqual(['site', 'summaries', 'top']);
  // Deploy: the top level at /, each shard's site under /s/<id>/.
  for (const id of Object.keys(SHARDS))
    cpSync(join(DIR, `job-${id}`, 'site', 's', id), join(top, 'site', 's', id), {
      recursive: true,
    });
  ({ server, origin } = await startStaticServer([{ base: '/', dir: join(top, 'site') }]));
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Waits until the search page shows the results of what its URL asks for. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const host = document.querySelector('nb-search');
    return (
      host !== null &&
      !host.hasAttribute('aria-busy') &&
      host.getAttribute('data-rendered') === location.search.replace(/^\?/, '')
    );
  });
}

/**
 * The search page's result links, after showing every result: 「显示更多结果」 and 「继续检索 N 年的
 * 报告」 (results come one year at a time, newest first) until neither is left.
 */
async function resultLinks(page: Page): Promise<string[]> {
  const more = page.locator('[data-more]');
  const next = page.locator('[data-next]');
  for (;;) {
    const shown = await page.locator('[data-results] li, [data-results] h2').count();
    if (await more.isVisible()) await more.click();
    else if (await next.isVisible()) await next.click();
    else break;
    await page.waitForFunction(
      (k) =>
        document.querySelectorAll('[data-results] li, [data-results] h2').length > k &&
        !document.querySelector('nb-search')?.hasAttribute('aria-busy'),
      shown,
    );
  }
  return page
    .locator('[data-results] li h3 a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function search(viewport: ViewportName, path: string) {
  const watched = await openPage(browser, origin, path, viewport);
  await settled(watched.page);
  return watched;
}

describe.each(['phone', 'desktop'] as const)('at %s width', (viewport) => {
  it('the top level lists both shards from their summaries and links into them', async () => {
    const { page, problems, close } = await openPage(browser, origin, '/', viewport);
    await expect(page.title()).resolves.toBe('全部分片 · 政府信息公开年报档案');
    await expect(page.locator('[data-totals]').textContent()).resolves.toContain(
      '本档案分为 2 个分片，共 5 份报告、4 个机构。',
    );
    const rows = await page
      .locator('[data-shards] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
      );
    expect(rows).toEqual([
      ['江苏省', '2', '2', '2023–2024', '机构列表 · 在本分片检索'],
      ['上海市和河南省', '3', '2', '2019–2025', '机构列表 · 在本分片检索'],
    ]);
    const years = await page
      .locator('[data-years] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())),
      );
    expect(years).toEqual([
      ['2025', '0', '1', '1'],
      ['2024', '1', '0', '1'],
      ['2023', '1', '0', '1'],
      ['2020', '0', '1', '1'],
      ['2019', '0', '1', '1'],
    ]);
    // Nothing makes the page itself scroll sideways (wide tables scroll in their own box).
    await expect(
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).resolves.toBe(0);
    await page.getByRole('link', { name: '上海市和河南省' }).click();
    await page.waitForURL(`${origin}/s/other/`);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    const agencies = await page.locator('a[href^="/s/other/agencies/"]').count();
    expect(agencies).toBeGreaterThan(0);
    // The shard's own agency list at the top level, from its summary.
    await page.goto(`${origin}/shards/jiangsu/`);
    const listed = await page
      .locator('[data-agencies] li a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(listed).toEqual([
      ['淮安市人民政府', '/s/jiangsu/agencies/huaianshi-zhengfu/'],
      ['沭阳县发展和改革局', '/s/jiangsu/agencies/shuyangxian-fagaiju/'],
    ]);
    expect(problems).toEqual([]);
    await close();
  });

  it('a word in both shards finds reports of both, and a result opens the right shard page', async () => {
    const { page, problems, close } = await search(
      viewport,
      `/search/?q=${encodeURIComponent('保密审查')}`,
    );
    const links = await resultLinks(page);
    await expect(page.locator('[data-status]').textContent()).resolves.toBe(
      '找到 3 份包含「保密审查」的报告。',
    );
    expect(links.sort()).toEqual([
      '/s/jiangsu/reports/huaianshi-zhengfu/2024/',
      '/s/jiangsu/reports/shuyangxian-fagaiju/2023/',
      '/s/other/reports/jiyuan-gongan/2020/',
    ]);
    await page.locator('[data-results] li h3 a', { hasText: '济源' }).click();
    await page.waitForURL((u) => u.pathname === '/s/other/reports/jiyuan-gongan/2020/');
    await expect(page.title()).resolves.toBe(
      '2020年济源示范区公安局政府信息公开工作年度报告 · 政府信息公开年报档案',
    );
    expect(problems).toEqual([]);
    await close();
  });

  it('a word of one shard finds only that shard’s pages', async () => {
    const { page, problems, close } = await search(
      viewport,
      `/search/?q=${encodeURIComponent('淮安')}`,
    );
    const links = await resultLinks(page);
    await expect(page.locator('[data-status]').textContent()).resolves.toBe(
      '找到 1 份包含「淮安」的报告和 1 个机构。',
    );
    expect(links.sort()).toEqual([
      '/s/jiangsu/agencies/huaianshi-zhengfu/',
      '/s/jiangsu/reports/huaianshi-zhengfu/2024/',
    ]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('ranking across shards', () => {
  const q = encodeURIComponent('保密审查');

  it('keeps each shard’s own order within the merged list', async () => {
    const merged = await search('desktop', `/search/?q=${q}`);
    const all = await resultLinks(merged.page);
    await merged.close();
    for (const id of Object.keys(SHARDS)) {
      const own = await search('desktop', `/s/${id}/search/?q=${q}`);
      const alone = await resultLinks(own.page);
      expect(alone.length).toBeGreaterThan(0);
      expect(all.filter((u) => u.startsWith(`/s/${id}/`))).toEqual(alone);
      expect(own.problems).toEqual([]);
      await own.close();
    }
  });

  it('results come in year groups whatever shard holds a report, and the page says so', async () => {
    const grouped = await search('desktop', `/search/?q=${q}`);
    await expect(grouped.page.locator('[data-shard-note]').innerText()).resolves.toBe(
      '同一年份内按相关度排列时，各分片的结果由各自的索引打分，不同分片之间的先后只作参考。',
    );
    expect(await resultLinks(grouped.page)).toEqual([
      '/s/jiangsu/reports/huaianshi-zhengfu/2024/',
      '/s/jiangsu/reports/shuyangxian-fagaiju/2023/',
      '/s/other/reports/jiyuan-gongan/2020/',
    ]);
    await expect(grouped.page.locator('[data-results] h2').allInnerTexts()).resolves.toEqual([
      '2025 年：没有找到',
      '2024 年：找到 1 份',
      '2023 年：找到 1 份',
      '2020 年：找到 1 份',
      '2019 年：没有找到',
    ]);
    await grouped.close();
    // Oldest first: the groups in the other order.
    const asc = await search('desktop', `/search/?q=${q}&sort=year-asc`);
    expect(await resultLinks(asc.page)).toEqual([
      '/s/other/reports/jiyuan-gongan/2020/',
      '/s/jiangsu/reports/shuyangxian-fagaiju/2023/',
      '/s/jiangsu/reports/huaianshi-zhengfu/2024/',
    ]);
    expect(asc.problems).toEqual([]);
    await asc.close();
    // No words: every report of both shards, newest first (the page's default without a query).
    const every = await search('desktop', '/search/?year=2020&year=2024');
    expect(await resultLinks(every.page)).toEqual([
      '/s/jiangsu/reports/huaianshi-zhengfu/2024/',
      '/s/other/reports/jiyuan-gongan/2020/',
    ]);
    expect(every.problems).toEqual([]);
    await every.close();
  });
});
