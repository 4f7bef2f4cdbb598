/**
 * A reader on a 360×740 phone, on every page type of both sites: every table cell in view (tables
 * re-flow instead of scrolling sideways), every tap target outside running text at least 44×44 px,
 * one search box at most, the header nav present; and the re-flowed tables still exposed to
 * assistive technology as the same tables as on a desktop (Chromium's own accessibility tree).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { openPage } from '../support/page-watch.ts';
import { cellsOutOfView, smallTargets, visibleCells } from '../support/phone-audit.ts';
import { pageCases } from './sites.ts';
import { cellPathOf } from '../support/cell-ids.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Roles Chromium's accessibility tree gives the subtree of `selector`, counted. */
async function tableRoles(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector(${JSON.stringify(selector)})`,
  });
  const counts: Record<string, number> = {};
  for (const role of ['table', 'row', 'columnheader', 'rowheader', 'cell']) {
    const { nodes } = await cdp.send('Accessibility.queryAXTree', {
      objectId: result.objectId!,
      role,
    });
    counts[role] = nodes.filter((n) => !n.ignored).length;
  }
  await cdp.detach();
  return counts;
}

describe.each(pageCases())('$name at 360×740', (pc) => {
  it('keeps every table cell in view and every tap target at least 44×44 px', async () => {
    const { page, problems, close } = await openPage(browser, inject('origin'), pc.path, 'phone');
    try {
      expect(await cellsOutOfView(page), 'cells outside the viewport').toEqual([]);
      if (pc.type === 'report') expect(await visibleCells(page)).toBeGreaterThan(200);
      expect(await smallTargets(page), 'tap targets under 44×44 px').toEqual([]);
      const boxes = await page.locator('input[type="search"]:visible').count();
      expect(boxes, 'search boxes on the page').toBeLessThanOrEqual(1);
      const nav = await page
        .locator('header nav[aria-label="主导航"] a')
        .evaluateAll((as) => as.map((a) => a.textContent?.trim()));
      expect(nav).toEqual(['首页', '按年度', '按机构', '开放数据', '检索']);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  if (pc.type === 'report') {
    it('re-flows 表三 without losing its table semantics', async () => {
      const phone = await openPage(browser, inject('origin'), pc.path, 'phone');
      const desktop = await openPage(browser, inject('origin'), pc.path, 'desktop');
      try {
        const onPhone = await tableRoles(phone.page, '#t3');
        expect(onPhone).toEqual(await tableRoles(desktop.page, '#t3'));
        expect(onPhone.table).toBe(1);
        expect(onPhone.cell).toBe(await phone.page.locator('#t3 td').count());
        expect(onPhone.columnheader).toBe(await phone.page.locator('#t3 thead th').count());
        // 总计 comes first in each row block, with its label shown above the value.
        const first = await phone.page.locator('#t3 tbody tr:not(.group)').first();
        const total = first.locator('td[id$="-total"]');
        const natural = first.locator('td[id$="-natural"]');
        expect((await total.boundingBox())!.y).toBeLessThan((await natural.boundingBox())!.y + 1);
        expect((await total.boundingBox())!.x).toBeLessThan((await natural.boundingBox())!.x);
        const label = await total.evaluate((td) => getComputedStyle(td, '::before').content);
        expect(label).toContain('总计');
      } finally {
        await phone.close();
        await desktop.close();
      }
    });

    it('shows 表四 as 行政复议 and 行政诉讼 on a phone, the printed table on a desktop', async () => {
      const phone = await openPage(browser, inject('origin'), pc.path, 'phone');
      const desktop = await openPage(browser, inject('origin'), pc.path, 'desktop');
      try {
        const captions = (p: Page) =>
          p
            .locator('[data-table="appeals"] table:visible caption')
            .evaluateAll((cs) => cs.map((c) => c.textContent?.trim()));
        expect(await captions(phone.page)).toEqual(['行政复议', '行政诉讼']);
        expect(await phone.page.locator('#t4').isVisible()).toBe(false);
        expect(await desktop.page.locator('#t4').isVisible()).toBe(true);
        expect(await desktop.page.locator('[data-table="appeals"] .narrow-only').isVisible()).toBe(
          false,
        );
        // Same numbers in both renderings: each cell by its path (from its id, cellPathOf).
        const values = async (p: Page, selector: string) =>
          Object.fromEntries(
            (
              await p
                .locator(selector)
                .evaluateAll((tds) => tds.map((td) => [td.id, td.textContent] as const))
            ).map(([id, v]) => [cellPathOf(id), v]),
          );
        const printed = await values(desktop.page, '#t4 td');
        expect(Object.keys(printed)).toHaveLength(15);
        expect(await values(phone.page, '[data-table="appeals"] .narrow-only td')).toEqual(printed);
      } finally {
        await phone.close();
        await desktop.close();
      }
    });
  }
});
