/**
 * Opens a page and records everything that must not happen: console errors, uncaught exceptions,
 * CSP violations, dialogs (a hostile string that ran), failed requests and requests that leave the
 * site's origin.
 */
import type { Browser, Page } from 'playwright-core';
import { VIEWPORTS, type ViewportName } from './browser.ts';

export interface WatchedPage {
  readonly page: Page;
  /** Human-readable problems seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  origin: string,
  path: string,
  viewport: ViewportName,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'zh-CN' });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      problems.push(`request left the origin: ${url}`);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin)
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(origin + path, { waitUntil: 'load' });
  if (!response || response.status() !== 200) problems.push(`page answered ${response?.status()}`);
  // The search page renders its results after load: wait until it shows what its URL asks for.
  await page.waitForFunction(
    () =>
      !document.querySelector('nb-search') ||
      document.querySelector('nb-search[data-rendered]:not([aria-busy])') !== null,
  );
  return { page, problems, close: () => context.close() };
}
