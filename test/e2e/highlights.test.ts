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
import { launchBrowser } from '../support/browser.ts';
import { openPage } from '../support/page-watch.ts';
import { SITES, pageCases } from './sites.ts';

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
