/**
 * 本年要点 on every report page of both sites at 360×740: 公开率 within the first 1.5 screens, the
 * first prose heading within two screens, and every number equal to one computed here, independently
 * of src/lib, from the report's YAML (a blank 总计 is the sum of its row, as the template adds it).
 * Also the honest-source lines: official address, 存档副本, or 「未找到官方发布地址」.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Server } from 'node:http';
import { launchBrowser } from '../support/browser.ts';
import { PROJECT_ROOT, buildSite } from '../support/build-site.ts';
import { openPage } from '../support/page-watch.ts';
import { cellPathOf } from '../support/cell-ids.ts';
import { cellAnchor } from '../../src/lib/site/report-view.ts';
import { startStaticServer } from '../support/static-server.ts';
import { E2E_DIR, SITES, pageCases } from './sites.ts';

const SCREEN = 740;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

type Row = (number | null)[];
type Yaml = {
  applications: Record<string, Row | Record<string, Row>>;
  appeals: Record<string, Row>;
};

/** The 总计 (last) cell of a row; when blank, the sum of the row's other cells (null if all blank). */
function rowTotal(row: Row): number | null {
  const total = row[row.length - 1];
  if (total !== null && total !== undefined) return total;
  const parts = row.slice(0, -1).filter((v): v is number => typeof v === 'number');
  return parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0);
}

/** What the highlights must say, computed from the YAML file alone. */
function expected(file: string) {
  const y = parse(readFileSync(file, 'utf8')) as Yaml;
  const a = y.applications as Record<string, Row>;
  const num = (v: number | null) => (v === null ? '原文空白' : String(v));
  const handled = rowTotal(a.total!);
  const shown = (v: number) => `${(Math.round(Number((v * 1000).toFixed(9))) / 10).toFixed(1)}%`;
  const disclosed = (rowTotal(a.disclosed!) ?? 0) + (rowTotal(a.partially_disclosed!) ?? 0);
  const sumCol = (rows: Row[], col: number) => {
    const vs = rows.map((r) => r[col]).filter((v): v is number => typeof v === 'number');
    return vs.length === 0 ? null : vs.reduce((p, q) => p + q, 0);
  };
  const review = [y.appeals.review!];
  const litigation = [y.appeals.litigation_direct!, y.appeals.litigation_after_review!];
  const appealTotal = (rows: Row[]) => {
    const totals = rows.map(rowTotal).filter((v): v is number => v !== null);
    return totals.length === 0 ? null : totals.reduce((p, q) => p + q, 0);
  };
  return {
    received: num(rowTotal(a.received!)),
    carried_over: num(rowTotal(a.carried_over!)),
    handled: num(handled),
    carried_forward: num(rowTotal(a.carried_forward!)),
    rate: handled ? shown(disclosed / handled) : '无法计算（办结数为 0 或空白）',
    review: num(appealTotal(review)),
    'review-corrected': num(sumCol(review, 1)),
    litigation: num(appealTotal(litigation)),
    'litigation-corrected': num(sumCol(litigation, 1)),
  };
}

async function top(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

describe.each(pageCases().filter((c) => c.type === 'report'))('$name at 360×740', (pc) => {
  it('shows 公开率 within 1.5 screens and the first prose heading within two', async () => {
    const { page, problems, close } = await openPage(browser, inject('origin'), pc.path, 'phone');
    try {
      const rate = await page
        .locator('[data-highlight="rate"] .rate__value')
        .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      expect(rate, '公开率 bottom (px)').toBeLessThanOrEqual(1.5 * SCREEN);
      // Even 上海 2019, whose eleven blank totals are folded behind 「查看这 11 个格」.
      const heading = await top(page, '.prose h2, .prose h3');
      expect(heading, 'first prose heading top (px)').toBeLessThanOrEqual(2 * SCREEN);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('prints the numbers the YAML gives', async () => {
    const content = SITES[pc.site].content;
    const want = expected(join(content, 'data/reports', `${pc.report}.yaml`));
    const { page, close } = await openPage(browser, inject('origin'), pc.path, 'phone');
    try {
      const text = (sel: string) => page.locator(sel).first().innerText();
      expect({
        received: await text('[data-highlight="received"] .num'),
        carried_over: await text('[data-highlight="carried_over"] .num'),
        handled: await text('[data-highlight="handled"] .num'),
        carried_forward: await text('[data-highlight="carried_forward"] .num'),
        rate: await text('[data-highlight="rate"] strong'),
        review: await text('[data-highlight="review"] .num'),
        'review-corrected': await text('[data-highlight="review-corrected"] .num'),
        litigation: await text('[data-highlight="litigation"] .num'),
        'litigation-corrected': await text('[data-highlight="litigation-corrected"] .num'),
      }).toEqual(want);
      // The formula is printed and each of its rows is a link into 表三.
      const links = await page
        .locator('.rate__formula a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual([
        '#t3-r-disclosed',
        '#t3-r-partially-disclosed',
        '#t3-r-total',
        '#t3',
        '#t4',
      ]);
      for (const href of links) expect(await page.locator(href!).count()).toBe(1);
    } finally {
      await close();
    }
  });
});

describe('honest sources', () => {
  const open = (path: string) => openPage(browser, inject('origin'), path, 'desktop');

  it('labels a copy as 存档副本 and says when no official address is known', async () => {
    const { page, close } = await open(`${SITES.real.base}reports/huaianshi-zhengfu/2024/`);
    try {
      expect(await page.locator('[data-source="official"] dd').innerText()).toBe(
        '未找到官方发布地址',
      );
      expect(await page.locator('[data-source="copy"] dt').innerText()).toBe('存档副本');
      expect(await page.locator('[data-source="copy"] a').getAttribute('href')).toBe(
        'https://github.com/zxj6827111-blip/govnianbao/blob/b2fbe3f5b912be2379852eac907e85657da8f238/szfgs2024.pdf',
      );
    } finally {
      await close();
    }
  });

  it('links the official page where it is known', async () => {
    const { page, close } = await open(`${SITES.real.base}reports/shuyangxian-fagaiju/2023/`);
    try {
      expect(await page.locator('[data-source="official"] a').getAttribute('href')).toBe(
        'http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml',
      );
    } finally {
      await close();
    }
  });

  it('shows an agency’s website and its 依申请公开 channel', async () => {
    const { page, close } = await open(`${SITES.fixture.base}agencies/fixture-city-gov/`);
    try {
      expect(await page.locator('[data-agency-link="website"] a').getAttribute('href')).toBe(
        'https://example.org/gov/',
      );
      expect(await page.locator('[data-agency-link="apply"] a').getAttribute('href')).toBe(
        'https://example.org/gov/apply/',
      );
    } finally {
      await close();
    }
  });
});

/**
 * Not printed is not blank, as a reader sees it: test/fixtures/not-printed-site has one agency
 * whose 2021 report printed 表四 only as an image and （六）其他处理 as one row, 2022 表二, 2023
 * 表三, and 2024 none of the three tables. Built and served here (not one of the suite's sites).
 */
/** test/fixtures/not-printed-site, built and served by this file (not one of the suite's sites). */
const NOT_PRINTED_BASE = '/not-printed/';
let npServer: Server;
let npOrigin: string;
beforeAll(async () => {
  const dir = buildSite({
    content: join(PROJECT_ROOT, 'test/fixtures/not-printed-site'),
    base: NOT_PRINTED_BASE,
    outDir: join(E2E_DIR, 'not-printed'),
  });
  ({ server: npServer, origin: npOrigin } = await startStaticServer([
    { base: NOT_PRINTED_BASE, dir },
  ]));
});
afterAll(
  () => new Promise<void>((resolve) => (npServer ? npServer.close(() => resolve()) : resolve())),
);

describe('not printed is not blank on the page', () => {
  const base = NOT_PRINTED_BASE;

  const report = (year: number) => `${base}reports/jiyuan-gongan/${year}/`;
  const texts = (page: Page, sel: string) =>
    page.locator(sel).evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));

  it('says 原文未以文字印出此表 for each of the three tables, and checks none of them', async () => {
    const { page, problems, close } = await openPage(browser, npOrigin, report(2024), 'phone');
    try {
      expect(await texts(page, '[data-table] .not-printed-table')).toEqual([
        '原文未以文字印出此表',
        '原文未以文字印出此表',
        '原文未以文字印出此表',
      ]);
      expect(
        await page
          .locator('[data-table] .not-printed-table')
          .evaluateAll((els) => els.map((e) => e.id)),
      ).toEqual(['t2', 't3', 't4']);
      expect(await page.locator('.report-tables td').count()).toBe(0);
      expect(await texts(page, '.status .badge')).toEqual([
        '!表二、表三和表四原文都未以文字印出，无从核对。',
      ]);
      expect(await page.locator('.status').innerText()).not.toContain('✓');
      expect(await texts(page, '[data-highlight] .num')).toEqual([
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表四',
        '原文未以文字印出表四',
      ]);
      expect(await page.locator('[data-highlight="rate"] strong').innerText()).toBe(
        '原文未以文字印出表三',
      );
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('2021: 表四 not printed, （六） printed as one row: figures say so, 公开率 still computed', async () => {
    const { page, close } = await openPage(browser, npOrigin, report(2021), 'phone');
    try {
      expect(
        await texts(page, '[data-highlight="review"] .num, [data-highlight="litigation"] .num'),
      ).toEqual(['原文未以文字印出表四', '原文未以文字印出表四']);
      expect(await page.locator('[data-highlight$="-corrected"]').count()).toBe(0);
      expect(await page.locator('[data-highlight="rate"] strong').innerText()).toBe('50.0%');
      expect(await page.locator('[data-table="appeals"]').innerText()).toBe('原文未以文字印出此表');
      // The combined row as printed; its three sub-rows 原文未单列, never blank.
      expect(await page.locator(`#${cellAnchor('applications.other.total')}`).innerText()).toBe(
        '1',
      );
      expect(
        await texts(
          page,
          ['no_correction', 'unpaid_fees', 'other']
            .map((row) => `#${cellAnchor(`applications.other.${row}.total`)}`)
            .join(', '),
        ),
      ).toEqual(['原文未单列', '原文未单列', '原文未单列']);
      expect(await page.locator('.status .badge').innerText()).toBe(
        '✓原文印出的各项合计与分项相加全部一致。表四原文未以文字印出，无从核对。',
      );
    } finally {
      await close();
    }
  });

  it('2022: 表二 printed only as an image says so once, like the other tables', async () => {
    const { page, close } = await openPage(browser, npOrigin, report(2022), 'phone');
    try {
      expect(await page.locator('[data-table="proactive"]').innerText()).toBe(
        '原文未以文字印出此表',
      );
      expect(await page.locator('td[id^="c2-"]').count()).toBe(0);
      expect(await page.locator('[data-highlight="review"] .num').allInnerTexts()).toEqual([
        '4',
        '1',
      ]);
    } finally {
      await close();
    }
  });

  it('the agency page: key figures and charts skip what was not printed and say so', async () => {
    const { page, problems, close } = await openPage(
      browser,
      npOrigin,
      `${base}agencies/jiyuan-gongan/`,
      'desktop',
    );
    try {
      const row = (year: number) =>
        page
          .locator('.key-figures tbody tr', { hasText: `${year} 年度` })
          .locator('td')
          .evaluateAll((tds) => tds.slice(0, 7).map((td) => (td as HTMLElement).innerText.trim()));
      expect(await row(2021)).toEqual([
        '50.0%',
        '13',
        '0',
        '12',
        '1',
        '原文未以文字印出表四',
        '原文未以文字印出表四',
      ]);
      const checked = (year: number) =>
        page
          .locator('.key-figures tbody tr', { hasText: `${year} 年度` })
          .locator('td[data-label="数字核对"]')
          .innerText();
      expect([await checked(2020), await checked(2023), await checked(2024)]).toEqual([
        '相符',
        '印出部分相符（表三未以文字印出）',
        '无从核对（原文未以文字印出统计表）',
      ]);
      expect(await row(2023)).toEqual([
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '原文未以文字印出表三',
        '1',
        '0',
      ]);
      const review = page.locator('figure', {
        has: page.locator('h3', { hasText: '行政复议案件及结果' }),
      });
      expect(await review.locator('.chart-notes li').allInnerTexts()).toContain(
        '2021 年度、2024 年度：原文未以文字印出表四，图中空缺（不是 0，也不是空白）。',
      );
      expect(
        await review
          .locator('td[data-series="appeals.review.upheld"]')
          .evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.trim())),
      ).toEqual(['0', '原文未以文字印出表四', '2', '1', '原文未以文字印出表四']);
      // The canvas gets a gap, not a 0, where the table was not printed.
      const data = JSON.parse((await review.locator('nb-chart').getAttribute('data-chart'))!);
      expect(data.datasets.find((d: { label: string }) => d.label === '结果维持').data).toEqual([
        0,
        null,
        2,
        1,
        null,
      ]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps 公开率 within 1.5 screens and the first heading within two on every report', async () => {
    for (const year of [2020, 2021, 2022, 2023, 2024]) {
      const { page, close } = await openPage(browser, npOrigin, report(year), 'phone');
      try {
        const rate = await page
          .locator('[data-highlight="rate"] .rate__value')
          .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
        expect(rate, `${year} 公开率`).toBeLessThanOrEqual(1.5 * SCREEN);
        expect(await top(page, '.prose h2, .prose h3'), `${year} heading`).toBeLessThanOrEqual(
          2 * SCREEN,
        );
      } finally {
        await close();
      }
    }
  });
});

/**
 * A notice's 「在表中查看」 (and each blank total's link) lands on the cell itself, in view, at
 * 360 px where the tables re-flow and 表四 is a separate phone table, and on a desktop.
 */
describe('links from 数字核对 land on the cell', () => {
  async function follow(
    origin: string,
    path: string,
    viewport: 'phone' | 'desktop',
    summary: string,
    link: string,
  ) {
    const { page, problems, close } = await openPage(browser, origin, path, viewport);
    try {
      await page.locator('.status summary', { hasText: summary }).click();
      const a = page.locator(`.status ${link}`).filter({ visible: true }).first();
      const href = await a.getAttribute('href');
      await a.click();
      await page.waitForFunction((h) => location.hash === h, href);
      const cell = page.locator('td:target');
      const box = await cell.evaluate((td) => {
        const r = td.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, id: td.id };
      });
      const { width, height } = page.viewportSize()!;
      expect(box.id).toBe(href!.slice(1));
      expect(box.right - box.left, 'cell shown').toBeGreaterThan(0);
      expect(box.top, 'cell top').toBeGreaterThanOrEqual(0);
      expect(box.bottom, 'cell bottom').toBeLessThanOrEqual(height);
      expect(box.left, 'cell left').toBeGreaterThanOrEqual(0);
      expect(box.right, 'cell right').toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      return {
        href,
        cell: cellPathOf(await cell.getAttribute('id')),
      };
    } finally {
      await close();
    }
  }

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`a 表三 notice, ${viewport}`, async () => {
      const got = await follow(
        inject('origin'),
        `${SITES.fixture.base}reports/fixture-city-gov/2021/`,
        viewport,
        '查看这 2 处说明',
        'a.to-table',
      );
      expect(got).toEqual({
        href: '#c3-total-total',
        cell: 'applications.total.total',
      });
    });

    it(`a blank total of 上海 2019, ${viewport}`, async () => {
      const got = await follow(
        inject('origin'),
        `${SITES.real.base}reports/shanghai-shizhengfu-bangongting/2019/`,
        viewport,
        '查看这 11 个格',
        '.blank-fold a',
      );
      expect(got).toEqual({
        href: '#c3-disclosed-total',
        cell: 'applications.disclosed.total',
      });
    });

    it(`a 表四 notice (its phone copy at 360 px), ${viewport}`, async () => {
      const got = await follow(
        npOrigin,
        `${NOT_PRINTED_BASE}reports/jiyuan-gongan/2022/`,
        viewport,
        '查看这 1 处说明',
        'a.to-table',
      );
      expect(got).toEqual(
        viewport === 'phone'
          ? { href: '#cn4-review-total', cell: 'appeals.review.total' }
          : { href: '#c4-review-total', cell: 'appeals.review.total' },
      );
    });
  }
});
