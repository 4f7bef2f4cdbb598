/**
 * `npx node scripts/shards/search-bytes.ts <site> [<page path>…]`: bytes a phone's browser
 * transfers for a first search and two later ones on a search page of an assembled sharded site
 * (scripts/shards/build.ts), served like a CDN (gzip), split by where they came from (each shard's
 * Pagefind bundle, the rest). Default pages: the top level's /search/ and each shard's own
 * /s/<id>/search/, so a merged query can be set beside a query of one shard. Prints; asserts nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../test/support/browser.ts';
import { startStaticServer } from '../../test/support/static-server.ts';
import { watchResponseBytes } from '../bench/search-bytes.ts';
import { kb } from '../bench/measure.ts';

const FIRST = '保密审查';
const LATER = ['政策解读', '行政复议'];

async function measurePage(origin: string, path: string) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // Each shard's Pagefind bundle, and the rest.
    const fetched = watchResponseBytes(page, (path) => {
      const m = /^\/s\/([^/]+)\/pagefind\//.exec(path);
      return m ? `${m[1]} index` : 'page, scripts';
    });
    const settled = async () => {
      await page.waitForFunction(() => {
        const host = document.querySelector('nb-search');
        return (
          host !== null &&
          !host.hasAttribute('aria-busy') &&
          host.getAttribute('data-rendered') === location.search.replace(/^\?/, '')
        );
      });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
    };
    const status = () => page.locator('[data-status]').innerText();
    const out: { query: string; bytes: Map<string, number>; status: string }[] = [];
    await page.goto(`${origin}${path}?q=${encodeURIComponent(FIRST)}`);
    await settled();
    out.push({ query: FIRST, bytes: await fetched(), status: await status() });
    for (const q of LATER) {
      await fetched(); // anything fetched between two queries counts in neither
      await page.fill('#search-q', q);
      await page.press('#search-q', 'Enter');
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === q);
      await settled();
      out.push({ query: q, bytes: await fetched(), status: await status() });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const site = process.argv[2];
  if (!site)
    throw new Error('用法：npx node scripts/shards/search-bytes.ts <整站目录> [<检索页路径>…]');
  const shards = readdirSync(join(site, 's')).sort();
  const paths =
    process.argv.length > 3
      ? process.argv.slice(3)
      : ['/search/', ...shards.map((id) => `/s/${id}/search/`)];
  const { server, origin } = await startStaticServer([{ base: '/', dir: site }]);
  try {
    for (const path of paths) {
      for (const r of await measurePage(origin, path)) {
        const total = [...r.bytes.values()].reduce((a, b) => a + b, 0);
        const parts = [...r.bytes]
          .filter(([, v]) => v > 0)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k} ${kb(v)}`)
          .join(', ');
        console.log(`${path}\t${r.query}\t${kb(total)}\t(${parts})\t${r.status}`);
      }
    }
  } finally {
    server.close();
  }
}

await main();
