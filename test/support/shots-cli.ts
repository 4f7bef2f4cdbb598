/**
 * 360 px screenshots of built pages, first screen and full page, for reviewing by eye:
 * `node test/support/shots-cli.ts <dist> <base> <outDir> <name>=<path>…`
 */
import { resolve, join } from 'node:path';
import { launchBrowser } from './browser.ts';
import { startStaticServer } from './static-server.ts';

const [dist, base, out, ...pages] = process.argv.slice(2);
if (!dist || !base || !out || pages.length === 0) {
  console.error('usage: node test/support/shots-cli.ts <dist> <base> <outDir> <name>=<path>…');
  process.exit(2);
}
const { server, origin } = await startStaticServer([{ base, dir: resolve(dist) }]);
const browser = await launchBrowser();
for (const spec of pages) {
  const [name, path] = spec.split('=');
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(origin + base + (path ?? '').replace(/^\//, ''), { waitUntil: 'networkidle' });
  await page.screenshot({ path: join(out, `${name}-first-screen.png`) });
  await page.screenshot({ path: join(out, `${name}-full.png`), fullPage: true });
  await context.close();
  console.log(`${name}: ${path}`);
}
await browser.close();
server.close();
