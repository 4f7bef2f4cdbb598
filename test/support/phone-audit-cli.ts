/**
 * Prints phone figures for a built site: `node test/support/phone-audit-cli.ts <dist> <path>…`
 * (paths relative to the site root, e.g. /reports/a/2020/). Table cells out of view and small tap
 * targets at 360×740. A measuring aid for notes, not a test.
 */
import { resolve } from 'node:path';
import { launchBrowser } from './browser.ts';
import { startStaticServer } from './static-server.ts';
import { cellsOutOfView, smallTargets, visibleCells } from './phone-audit.ts';

const [dist, ...paths] = process.argv.slice(2);
if (!dist || paths.length === 0) {
  console.error('usage: node test/support/phone-audit-cli.ts <dist> <path>…');
  process.exit(2);
}
const { server, origin } = await startStaticServer([{ base: '/', dir: resolve(dist) }]);
const browser = await launchBrowser();
let totalOut = 0;
let totalCells = 0;
let totalSmall = 0;
for (const path of paths) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  const out = await cellsOutOfView(page);
  const cells = await visibleCells(page);
  const small = await smallTargets(page);
  totalOut += out.length;
  totalCells += cells;
  totalSmall += small.length;
  console.log(`${path}: ${out.length}/${cells} cells out of view, ${small.length} small targets`);
  for (const s of small) console.log(`  small: ${s}`);
  if (process.env.VERBOSE) for (const o of out) console.log(`  out: ${o}`);
  await context.close();
}
console.log(`TOTAL: ${totalOut}/${totalCells} cells out of view, ${totalSmall} small targets`);
await browser.close();
server.close();
