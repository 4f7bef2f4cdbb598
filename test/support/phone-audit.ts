/**
 * Measurements a phone reader notices, run inside a page: table cells outside the viewport, and tap
 * targets outside running text smaller than 44×44 CSS px. Shared by the browser tests and
 * `test/support/phone-audit-cli.ts`, which prints the figures for a built site.
 */
import type { Page } from 'playwright-core';

/** WCAG 2.5.5 (AAA) target size, the size asked for on this site. */
export const MIN_TARGET = 44;

/** Table cells (td, th) of visible tables that lie, even in part, outside the viewport's width. */
export async function cellsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const cell of document.querySelectorAll('main td, main th')) {
      const el = cell as HTMLElement;
      if (el.closest('.visually-hidden, [hidden]')) continue;
      const r = el.getBoundingClientRect();
      // Visually hidden header rows (the narrow layout keeps them for screen readers) are 1 px.
      if (r.width <= 1 || r.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        const table = el.closest('table');
        out.push(
          `${table?.id || table?.className || 'table'} ${el.tagName.toLowerCase()}「${(el.textContent ?? '').trim().slice(0, 16)}」 ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
      }
    }
    return out;
  });
}

/** Count of visible table cells, for the figures. */
export async function visibleCells(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('main td, main th')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && !c.closest('.visually-hidden, [hidden]');
      }).length,
  );
}

/**
 * Interactive elements smaller than MIN_TARGET in either direction, unless they sit in running text:
 * an inline link inside a paragraph or list item that also holds at least four characters of other
 * text (WCAG's "inline" exception). Each entry: `tag「text」 w×h`.
 */
export async function smallTargets(page: Page, min = MIN_TARGET): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    const targets = document.querySelectorAll(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary',
    );
    const strip = (s: string) => s.replace(/[\s·•|›>／/、，,：:;；（）()\-–—]+/gu, '');
    for (const t of targets) {
      const el = t as HTMLElement;
      if (el.closest('.visually-hidden') && !el.matches(':focus')) continue;
      // Header rows a re-flowed table keeps for screen readers only.
      if (el.closest('table.reflow thead')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rects = el.getClientRects();
      if (rects.length === 0) continue;
      // Skip links (visible on focus only) and anything clipped to nothing.
      if (el.classList.contains('skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) continue;
      // A checkbox or radio counts with its label when the label wraps or names it.
      let box = r;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const label =
          el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (label) {
          const l = label.getBoundingClientRect();
          const left = Math.min(r.left, l.left),
            top = Math.min(r.top, l.top);
          box = new DOMRect(
            left,
            top,
            Math.max(r.right, l.right) - left,
            Math.max(r.bottom, l.bottom) - top,
          );
        }
      }
      if (box.width >= min - 0.5 && box.height >= min - 0.5) continue;
      if (el.tagName === 'A' && style.display.startsWith('inline') && rects.length >= 1) {
        const block = el.parentElement?.closest('p, li, dd, td, figcaption');
        if (block) {
          const copy = block.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('a, button, .visually-hidden').forEach((e) => e.remove());
          if (strip(copy.textContent ?? '').length >= 4) continue;
        }
      }
      out.push(
        `${el.tagName.toLowerCase()}「${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).placeholder || '').trim().slice(0, 14)}」 ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    }
    return out;
  }, min);
}
