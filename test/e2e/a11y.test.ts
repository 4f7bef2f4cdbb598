/**
 * axe-core on every page type at both viewports: zero violations. No rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VIEWPORTS, launchBrowser, type ViewportName } from '../support/browser.ts';
import { openPage } from '../support/page-watch.ts';
import { pageCases } from './sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe.each(pageCases())('$name', (pc) => {
  it.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'has no axe violations at %s width',
    async (viewport) => {
      const { page, close } = await openPage(browser, inject('origin'), pc.path, viewport);
      try {
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(violations).toEqual([]);
      } finally {
        await close();
      }
    },
  );
});
