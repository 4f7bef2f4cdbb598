/**
 * Search as a reader uses it, in Chromium on a 360 px phone: Chinese queries typed into the search
 * box find the right reports first (test/e2e/search-queries.ts), a phrase from a report's prose
 * finds it with the words highlighted, results come in groups by year, newest first, with older
 * years loaded on request, a year filter narrows it, and the URL carries the search through
 * sharing, reloading and the back button.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { agencyIdFromUrl, reportIdFromUrl } from '../../src/lib/site/search.ts';
import { launchBrowser } from '../support/browser.ts';
import { openPage } from '../support/page-watch.ts';
import { SEARCH_QUERIES } from './search-queries.ts';
import { SITES } from './sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Waits until the page shows the results of what its URL asks for. */
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

/** A navigation (form submit, back, forward) aborts the leaving page's pending requests: not a failure. */
const unexpected = (problems: string[]) => problems.filter((p) => !p.endsWith('net::ERR_ABORTED'));

async function resultIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('[data-results] li h3 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => {
    const agency = agencyIdFromUrl(h);
    return reportIdFromUrl(h) ?? (agency ? `agency:${agency}` : `not a report: ${h}`);
  });
}

/** Waits until the page is no longer loading (a group of results, or more of one). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('nb-search')?.hasAttribute('aria-busy'));
}

/** Shows every result: 「显示更多结果」 and 「继续检索 N 年的报告」 until neither is left. */
async function showAll(page: Page): Promise<void> {
  const more = page.locator('[data-more]');
  const next = page.locator('[data-next]');
  for (;;) {
    if (await more.isVisible()) {
      const n = await page.locator('[data-results] li').count();
      await more.click();
      await page.waitForFunction(
        (k) => document.querySelectorAll('[data-results] li').length > k,
        n,
      );
    } else if (await next.isVisible()) {
      const years = await page.locator('[data-results] h2').count();
      await next.click();
      await page.waitForFunction(
        (k) => document.querySelectorAll('[data-results] h2').length > k,
        years,
      );
      await idle(page);
    } else return;
  }
}

/** The group headings shown (「2021 年：找到 1 份」). */
const groupHeadings = (page: Page) => page.locator('[data-results] h2').allInnerTexts();

async function typeQuery(page: Page, query: string): Promise<void> {
  const box = page.locator('#search-q');
  await box.fill('');
  await box.pressSequentially(query);
  await box.press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === query);
  await settled(page);
}

describe('Chinese queries find the right reports first', () => {
  it.each(SEARCH_QUERIES)('$site: 「$query」', async (c) => {
    const site = SITES[c.site];
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${site.base}search/`,
      'phone',
    );
    try {
      await typeQuery(page, c.query);
      await showAll(page);
      const ids = await resultIds(page);
      expect(new Set(ids.slice(0, c.first.length))).toEqual(new Set(c.first));
      // Grouped: agency pages, then reports newest year first.
      const agencyCount = ids.filter((id) => id.startsWith('agency:')).length;
      expect(ids.slice(0, agencyCount).every((id) => id.startsWith('agency:'))).toBe(true);
      const years = ids.slice(agencyCount).map((id) => Number(id.split('/')[1]));
      expect(years).toEqual([...years].sort((a, b) => b - a));
      if (c.count !== undefined) expect(ids).toHaveLength(c.count);
      const status = await page.locator('[data-status]').innerText();
      const what = `包含「${c.query}」${c.as ? `（按「${c.as}」检索）` : ''}的`;
      const agencies = ids.filter((id) => id.startsWith('agency:')).length;
      const reports = ids.length - agencies;
      if (ids.length === 0)
        expect(status).toBe(
          `没有找到${what}报告。请检查用字，或换用更短、更常见的词，例如「复议」而不是整句话。`,
        );
      else if (agencies === 0) expect(status).toBe(`找到 ${reports} 份${what}报告。`);
      else if (reports === 0) expect(status).toBe(`找到 ${agencies} 个${what}机构。`);
      else expect(status).toBe(`找到 ${reports} 份${what}报告和 ${agencies} 个机构。`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a reader on a phone', () => {
  it('finds a report by a phrase of its prose, narrows by year, shares, reloads and goes back', async () => {
    const origin = inject('origin');
    const base = SITES.fixture.base;
    const phrase = '保密审查制度';
    const { page, problems, close } = await openPage(browser, origin, base, 'phone');
    try {
      // The home page's search box (the only one on a phone) leads to the search page.
      await page.locator('#home-q').fill(phrase);
      await page.locator('#home-q').press('Enter');
      await page.waitForURL(`${origin}${base}search/?q=${encodeURIComponent(phrase)}`);
      await settled(page);
      // Newest year first: 2023 has no such report (skipped, and said so), 2021 has one; 2020 is
      // searched only when the reader asks for it.
      expect(await groupHeadings(page)).toEqual(['2023 年：没有找到', '2021 年：找到 1 份']);
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021']);
      expect(await page.locator('[data-status]').innerText()).toBe(
        `在 2023、2021 年的报告中找到 1 份包含「${phrase}」的报告；还有 1 个年份尚未检索。`,
      );
      expect(await page.locator('[data-grouping]').innerText()).toBe(
        '结果按年份分组，最新的年份在前，各组内按相关度排列。为节省流量，每次只检索一个年份，其余年份的报告请点「继续检索」载入。',
      );
      const next = page.locator('[data-next]');
      expect(await next.innerText()).toBe('继续检索 2020 年的报告');
      const nextBox = (await next.boundingBox())!;
      expect(nextBox.height).toBeGreaterThanOrEqual(44);
      expect(nextBox.x + nextBox.width).toBeLessThanOrEqual(360);
      await next.click();
      await page.waitForFunction(() => document.querySelectorAll('[data-results] h2').length === 3);
      await idle(page);
      expect(await groupHeadings(page)).toEqual([
        '2023 年：没有找到',
        '2021 年：找到 1 份',
        '2020 年：找到 1 份',
      ]);
      // Focus moves to the new year's heading (the button is gone: every year is searched).
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        '2020 年：找到 1 份',
      );
      expect(await next.isVisible()).toBe(false);
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021', 'fixture-city-gov/2020']);
      expect(await page.locator('[data-status]').innerText()).toBe(
        `找到 2 份包含「${phrase}」的报告。`,
      );
      const first = page.locator('[data-results] li').last();
      expect(await first.locator('h3').innerText()).toBe(
        '示例市人民政府2020年政府信息公开工作年度报告',
      );
      expect(await first.locator('.result-meta').innerText()).toBe(
        '示例市人民政府 · 2020 年度 · 2021年3月30日发布',
      );
      const marked = await first.locator('.excerpt mark').allInnerTexts();
      expect(marked.join('')).toContain('保密审查');
      expect(await first.locator('.excerpt').innerText()).toContain('先审查、后公开');

      // Narrow by year with a thumb: the filter panel opens, the 2021 chip is a 44 px target.
      await page.locator('[data-filters] summary').click();
      const chip = page.locator('.chip', { hasText: /^2021$/ });
      const box = (await chip.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await chip.click();
      await page.waitForURL((u) => new URL(u).searchParams.get('year') === '2021');
      await settled(page);
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021']);
      expect(await page.locator('[data-status]').innerText()).toBe(
        `找到 1 份包含「${phrase}」的报告（已按 1 个条件筛选）。`,
      );
      const shared = page.url();
      expect(shared).toBe(`${origin}${base}search/?q=${encodeURIComponent(phrase)}&year=2021`);

      // Someone opens the shared link: same results, same form.
      const other = await openPage(browser, origin, shared.slice(origin.length), 'phone');
      try {
        await settled(other.page);
        expect(await resultIds(other.page)).toEqual(['fixture-city-gov/2021']);
        expect(await other.page.locator('#search-q').inputValue()).toBe(phrase);
        expect(
          await other.page
            .locator('.chip', { hasText: /^2021$/ })
            .locator('input')
            .isChecked(),
        ).toBe(true);
        expect(other.problems).toEqual([]);
      } finally {
        await other.close();
      }

      // Reload: the same.
      await page.reload();
      await settled(page);
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021']);

      // Back: the unfiltered search, then the home page.
      await page.goBack();
      await page.waitForURL(`${origin}${base}search/?q=${encodeURIComponent(phrase)}`);
      await settled(page);
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021']);
      expect(
        await page
          .locator('.chip', { hasText: /^2021$/ })
          .locator('input')
          .isChecked(),
      ).toBe(false);
      await page.goBack();
      await page.waitForURL(`${origin}${base}`);

      // Following a result opens the report at the section whose passage matched (一、总体情况),
      // not at its top.
      await page.goForward();
      await settled(page);
      await page.locator('[data-next]').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-results] h2').length === 3);
      await idle(page);
      expect(await page.locator('[data-results] li .result-section').last().innerText()).toBe(
        '见「一、总体情况」',
      );
      await page.locator('[data-results] li h3 a').last().click();
      await page.waitForURL(
        (u) =>
          u.pathname === `${base}reports/fixture-city-gov/2020/` &&
          decodeURIComponent(u.hash) === '#一总体情况',
      );
      expect(await page.locator('h1').innerText()).toBe(
        '示例市人民政府2020年政府信息公开工作年度报告',
      );
      const heading = (await page.locator('[id="一总体情况"]').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(0);
      expect(heading.y).toBeLessThan(740);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows hostile text from the prose as text in the excerpt', async () => {
    const base = SITES.fixture.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/?q=${encodeURIComponent('尖括号')}`,
      'phone',
    );
    try {
      await settled(page);
      const excerpt = page.locator('[data-results] li .excerpt').first();
      expect(await excerpt.innerText()).toContain('<script>alert(1)</script>');
      expect(await excerpt.locator('*:not(mark)').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('loads the traditional → simplified table only for a query with a traditional character', async () => {
    const base = SITES.real.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/`,
      'phone',
    );
    const tables: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/t2s-table\.[\w-]+\.js$/.test(r.url())) tables.push(r.url());
    });
    try {
      await settled(page);
      // The page's own script does not carry the table (its characters are all traditional).
      const script = await page.evaluate(async () => {
        const src = document.querySelector<HTMLScriptElement>('script[type="module"][src]')!.src;
        return (await fetch(src)).text();
      });
      expect(script).toContain('nb-search');
      expect([...'國務院復議'].filter((c) => script.includes(c))).toEqual([]);
      await typeQuery(page, '复议');
      await showAll(page);
      const simplified = await resultIds(page);
      expect(simplified.length).toBeGreaterThan(0);
      expect(tables).toEqual([]);
      await typeQuery(page, '復議');
      await showAll(page);
      expect(tables).toHaveLength(1);
      expect(await resultIds(page)).toEqual(simplified);
      expect(await page.locator('[data-status]').innerText()).toMatch(
        /包含「復議」（按「复议」检索）的/,
      );
      // Loaded once: a later traditional query uses it again.
      await typeQuery(page, '行政復議');
      expect(await page.locator('[data-status]').innerText()).toMatch(/（按「行政复议」检索）/);
      expect(tables).toHaveLength(1);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says so when the table cannot be loaded, and loads it for the next query', async () => {
    const base = SITES.real.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/`,
      'phone',
    );
    let offline = true;
    const fetched: string[] = [];
    await page.route(/\/_astro\/t2s-table\.[\w-]+\.js$/, (route) => {
      fetched.push(offline ? 'failed' : 'served');
      return offline ? route.abort() : route.continue();
    });
    try {
      await settled(page);
      await typeQuery(page, '復議');
      expect(await page.locator('[data-status]').innerText()).toBe(
        '检索功能没有载入。请检查网络后刷新页面重试，也可以从首页浏览全部报告。',
      );
      expect(await resultIds(page)).toEqual([]);
      offline = false;
      await typeQuery(page, '國務院');
      expect(await page.locator('[data-status]').innerText()).toMatch(/（按「国务院」检索）/);
      expect(await resultIds(page)).toContain('shanghai-shizhengfu-bangongting/2025');
      // Typing 復 and 議 may each have tried (a failed load is forgotten); then one load served.
      const failed = fetched.filter((f) => f === 'failed').length;
      expect(failed).toBeGreaterThan(0);
      expect(fetched.slice(failed)).toEqual(['served']);
      // The only problems: each aborted request of the table, and Chromium's console line for it.
      const aborted = (p: string) =>
        /t2s-table\.[\w-]+\.js net::ERR_FAILED$/.test(p) ||
        p === 'console error: Failed to load resource: net::ERR_FAILED';
      expect(problems.filter((p) => !aborted(p))).toEqual([]);
      expect(problems).toHaveLength(2 * failed);
    } finally {
      await close();
    }
  });

  it('lists the agencies for the 机构 filter only once the filter panel is opened', async () => {
    const base = SITES.fixture.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/?q=${encodeURIComponent('保密审查制度')}&agency=${encodeURIComponent('示例市人民政府')}`,
      'phone',
    );
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/search/agencies.json')) fetched.push(r.url());
    });
    try {
      await settled(page);
      const select = page.locator('#search-agency');
      // From the URL, before the list is loaded: the chosen agency is shown, and it filters.
      expect(await select.inputValue()).toBe('示例市人民政府');
      expect(await resultIds(page)).toEqual(['fixture-city-gov/2021']);
      expect(fetched).toEqual([]);
      await page.locator('[data-filters] summary').click();
      await page.waitForFunction(
        () => document.querySelectorAll('#search-agency option').length > 2,
      );
      expect(fetched).toHaveLength(1);
      expect(await select.locator('option').allInnerTexts()).toEqual([
        '全部机构',
        // The order of the other filters' values (code points: 县 before 市).
        '示例县发展和改革局',
        '示例市人民政府',
      ]);
      expect(await select.inputValue()).toBe('示例市人民政府');
      await select.selectOption('');
      await page.waitForURL((u) => !new URL(u).searchParams.has('agency'));
      await settled(page);
      expect(await resultIds(page)).toContain('fixture-city-gov/2021');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says what to do when there is nothing to search yet, and when filters leave nothing', async () => {
    const base = SITES.fixture.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/`,
      'phone',
    );
    try {
      await settled(page);
      expect(await page.locator('[data-hints]').isVisible()).toBe(true);
      expect(await page.locator('[data-hints] p').first().innerText()).toMatch(/^输入词语或短语/);
      expect(await page.locator('[data-status]').innerText()).toBe('');
      // 尖括号 is only in the 2023 report: with year 2020 chosen nothing is left.
      // Leaving the blank page may abort its early fetch of the index (loaded on page load).
      await page.goto(
        `${inject('origin')}${base}search/?q=${encodeURIComponent('尖括号')}&year=2020`,
      );
      await settled(page);
      expect(await resultIds(page)).toEqual([]);
      expect(await page.locator('[data-status]').innerText()).toBe(
        '没有找到包含「尖括号」的报告（已按 1 个条件筛选）。可以清除筛选条件再试。',
      );
      await page.locator('[data-clear]').click();
      await page.waitForURL((u) => !new URL(u).searchParams.has('year'));
      await settled(page);
      expect(await resultIds(page)).toEqual(['fixture-county-fgj/2023']);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe.each(['phone', 'desktop'] as const)('year groups at %s width', (viewport) => {
  it('read as headed groups with a button for the next year, pass axe and fit the width', async () => {
    const base = SITES.real.base;
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${base}search/?q=${encodeURIComponent('复议')}`,
      viewport,
    );
    try {
      await settled(page);
      expect(await groupHeadings(page)).toEqual(['2025 年：找到 1 份']);
      expect(await resultIds(page)).toEqual(['shanghai-shizhengfu-bangongting/2025']);
      expect(await page.locator('[data-status]').innerText()).toBe(
        '在 2025 年的报告中找到 1 份包含「复议」的报告；还有 4 个年份尚未检索。',
      );
      expect(await page.locator('[data-next]').innerText()).toBe('继续检索 2024 年的报告');
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
      ).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBe(0);
      // Oldest first: the groups in the other order, the button offers the next newer year.
      await page.locator('[data-filters] summary').click();
      await page.locator('#search-sort').selectOption('year-asc');
      await page.waitForURL((u) => new URL(u).searchParams.get('sort') === 'year-asc');
      await settled(page);
      expect(await groupHeadings(page)).toEqual(['2019 年：找到 1 份']);
      expect(await page.locator('[data-grouping]').innerText()).toMatch(
        /^结果按年份分组，最早的年份在前/,
      );
      expect(await page.locator('[data-next]').innerText()).toBe('继续检索 2020 年的报告');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
