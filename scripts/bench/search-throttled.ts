/**
 * Time to first search results on a phone network, measured in Chromium with CDP throttling
 * (GUIDE: speed is measured by a script that prints figures, never asserted in tests).
 *
 *   node scripts/bench/search-throttled.ts [dist folder, default dist/] [query, default 复议]
 *
 * Profiles: slow 3G (2 s round trip, 400 kbit/s each way) and fast 3G (562.5 ms, 1.6 Mbit/s down,
 * 750 kbit/s up), both with the CPU 4× slower. Each run starts with an empty cache. Two ways in:
 *  - typed: open /search/, wait for the load event, tap the box 1 s later, type the query, press
 *    Enter; timed from Enter to the results on screen (what prefetching can shorten);
 *  - link: open /search/?q=… (a shared link); timed from navigation start to the results.
 * Prints the median of `runs` runs and the requests made up to the results.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser.ts';
import { startStaticServer } from '../../test/support/static-server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? '复议';
const runs = Number(process.env.RUNS ?? 3);
const qs = new URLSearchParams({ q: query }).toString();

const PROFILES = {
  'slow 3G': { latency: 2000, down: 400_000, up: 400_000 },
  'fast 3G': { latency: 562.5, down: 1_600_000, up: 750_000 },
} as const;

async function throttle(page: Page, p: (typeof PROFILES)[keyof typeof PROFILES]) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: p.latency,
    downloadThroughput: p.down / 8,
    uploadThroughput: p.up / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** True once the page shows the results of query string `qs` (a function: the page's CSP forbids eval). */
function rendered(qs: string): boolean {
  const host = document.querySelector('nb-search');
  return host?.getAttribute('data-rendered') === qs && !host.hasAttribute('aria-busy');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { server, origin } = await startStaticServer([{ base: '/', dir: dist }]);
  const browser = await launchBrowser();
  try {
    for (const [name, profile] of Object.entries(PROFILES)) {
      for (const way of ['typed', 'link'] as const) {
        const times: number[] = [];
        const counts: number[] = [];
        const totals: number[] = [];
        for (let i = 0; i < runs; i++) {
          const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
          const page = await context.newPage();
          await throttle(page, profile);
          let requests = 0;
          page.on('request', () => requests++);
          let ms: number;
          if (way === 'typed') {
            await page.goto(`${origin}/search/`, { waitUntil: 'load', timeout: 120_000 });
            await page.waitForTimeout(1000);
            await page.locator('#search-q').click();
            await page.locator('#search-q').fill(query);
            const t0 = Date.now();
            await page.locator('#search-q').press('Enter');
            await page.waitForFunction(rendered, qs, { timeout: 120_000, polling: 50 });
            ms = Date.now() - t0;
          } else {
            const t0 = Date.now();
            await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, {
              waitUntil: 'commit',
              timeout: 120_000,
            });
            await page.waitForFunction(rendered, qs, { timeout: 120_000, polling: 50 });
            ms = Date.now() - t0;
          }
          const found = await page.locator('[data-results] li').count();
          counts.push(requests);
          totals.push(found);
          times.push(ms);
          await context.close();
        }
        console.log(
          `${name.padEnd(8)} ${way.padEnd(6)} first results ${(median(times) / 1000).toFixed(1)} s` +
            ` (runs: ${times.map((t) => (t / 1000).toFixed(1)).join(', ')}),` +
            ` ${median(counts)} requests up to the results, ${totals[0]} results shown`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
