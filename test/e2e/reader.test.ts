/**
 * What a reader sees, on a phone (360×740) and a desktop (1280×800), on every page type: no
 * sideways scroll of the page, legible Chinese text, nothing overlapping, tables that scroll in
 * their own keyboard-reachable container with the row labels in view, and every number equal to
 * the YAML. A screenshot of each page and viewport goes to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { VIEWPORTS, launchBrowser, type ViewportName } from '../support/browser.ts';
import { openPage } from '../support/page-watch.ts';
import { SITES, pageCases } from './sites.ts';
import { cellPathOf } from '../support/cell-ids.ts';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');
let browser: Browser;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const archives = Object.fromEntries(
  Object.entries(SITES).map(([k, s]) => [k, loadArchive(s.content)]),
);

/** Pairs of consecutive flow blocks whose boxes intersect. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const containers = document.querySelectorAll('header, main, main > *, article, .prose, footer');
    for (const c of containers) {
      const kids = [...c.children].filter((k) => {
        const s = getComputedStyle(k);
        return (
          s.display !== 'none' &&
          s.position !== 'absolute' &&
          !k.classList.contains('visually-hidden')
        );
      });
      for (let i = 1; i < kids.length; i++) {
        const a = kids[i - 1]!.getBoundingClientRect();
        const b = kids[i]!.getBoundingClientRect();
        if (a.height === 0 || b.height === 0) continue;
        const vertical = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const horizontal = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        if (vertical > 1 && horizontal > 1)
          out.push(
            `${kids[i - 1]!.tagName}.${kids[i - 1]!.className} / ${kids[i]!.tagName}.${kids[i]!.className}`,
          );
      }
    }
    return out;
  });
}

describe.each(pageCases())('$name', (pc) => {
  describe.each(Object.keys(VIEWPORTS) as ViewportName[])('%s', (viewport) => {
    it('reads cleanly: Chinese, legible, no sideways scroll, nothing overlapping, no errors', async () => {
      const { page, problems, close } = await openPage(
        browser,
        inject('origin'),
        pc.path,
        viewport,
      );
      try {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        const width = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(width.scroll, 'page scrolls sideways').toBeLessThanOrEqual(width.client);
        const h1 = await page.locator('h1').innerText();
        expect(h1).toMatch(/[\u4e00-\u9fff]/u);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll('p, li, td, th, dt, dd, a, h1, h2, h3, caption')]
            .filter(
              (e) => !e.closest('.visually-hidden') && (e as HTMLElement).offsetParent !== null,
            )
            .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 12)
            .map((e) => `${e.tagName}: ${e.textContent?.slice(0, 20)}`),
        );
        expect(small, 'text smaller than 12px').toEqual([]);
        expect(await overlaps(page)).toEqual([]);
        await page.screenshot({
          path: join(SCREENSHOTS, `${pc.name}-${viewport}.png`),
          fullPage: true,
        });
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    if (pc.type === 'report') {
      it('shows every number of the YAML in its cell, blanks blank', async () => {
        const report = archives[pc.site]!.reports.find((r) => r.id === pc.report)!;
        const { page, close } = await openPage(browser, inject('origin'), pc.path, viewport);
        try {
          // Printed-table cells (表四's phone copy is in .narrow-only); the number is the cell's
          // first text, or its .num when flagged. The id names the cell (cellPathOf).
          const shown = Object.fromEntries(
            (
              await page.evaluate(() =>
                [...document.querySelectorAll('.table-scroll td')].map((td) => {
                  const first = td.firstChild;
                  const num = td.querySelector('.num') as HTMLElement | null;
                  return [
                    td.id,
                    num
                      ? num.innerText
                      : first?.nodeType === Node.TEXT_NODE
                        ? (first.textContent ?? '').trim()
                        : null,
                  ] as const;
                }),
              )
            ).map(([id, v]) => [cellPathOf(id), v]),
          );
          const expected = Object.fromEntries(
            cellDeclarations(report.tables.template).map((c) => {
              const v = report.tables.cells[c.path];
              return [c.path, v === null || v === undefined ? null : String(v)];
            }),
          );
          expect(shown).toEqual(expected);
          // A blank cell shows nothing, not 0.
          // Printed-table cells only: 表四's phone rendering repeats them (.narrow-only).
          const blanks = await page.locator('.table-scroll td.blank').evaluateAll((tds) =>
            tds.map((td) => {
              const copy = td.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('.visually-hidden').forEach((e) => e.remove());
              return copy.textContent?.trim() ?? '';
            }),
          );
          expect(blanks).toEqual(blanks.map(() => ''));
          expect(blanks.length).toBe(Object.values(expected).filter((v) => v === null).length);
        } finally {
          await close();
        }
      });

      it('fits table 三 on a phone; on a desktop scrolls it in its own container by keyboard', async () => {
        const { page, close } = await openPage(browser, inject('origin'), pc.path, viewport);
        try {
          const container = page.locator('[data-table="applications"] .table-scroll');
          // Reach the container with the keyboard alone.
          let reached = false;
          for (let i = 0; i < 200 && !reached; i++) {
            await page.keyboard.press('Tab');
            reached = await container.evaluate((el) => el === document.activeElement);
          }
          expect(reached, 'table 三 reachable by Tab').toBe(true);
          const outline = await container.evaluate((el) => getComputedStyle(el).outlineStyle);
          expect(outline, 'focus is visible').not.toBe('none');
          const overflow = await container.evaluate((el) => el.scrollWidth - el.clientWidth);
          // On a phone the table re-flows into row blocks (tables-narrow.css): nothing to scroll.
          if (viewport === 'phone') expect(overflow, 'table 三 scrolls on a phone').toBe(0);
          if (overflow > 0) {
            for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
            // Keyboard scrolling is animated: wait for it to move, then to settle.
            const scrollLeft = () => container.evaluate((el) => el.scrollLeft);
            await expect
              .poll(scrollLeft, { message: 'keyboard scrolls the table' })
              .toBeGreaterThan(0);
            let previous = -1;
            await expect
              .poll(async () => {
                const now = await scrollLeft();
                const settled = now === previous;
                previous = now;
                return settled;
              })
              .toBe(true);
            const label = page.locator('[data-table="applications"] th.row-label').first();
            const [box, labelBox] = [await container.boundingBox(), await label.boundingBox()];
            expect(labelBox!.x, 'row label stays at the left edge').toBeGreaterThanOrEqual(box!.x);
            expect(labelBox!.x).toBeLessThan(box!.x + 4);
          }
        } finally {
          await close();
        }
      });
    }
  });
});
