/**
 * The paged listings (issue 14) on an archive big enough to page: a synthetic archive
 * (scripts/bench/generate.ts) trimmed to one year, so that the year has more than 100 reports (3+
 * year pages of YEAR_PAGE_SIZE) and more than 200 agencies have a report (2 agency-index pages of
 * AGENCY_PAGE_SIZE), built under a base path without its search index and served like a CDN.
 * Checked in Chromium at 360 px and on the desktop: every report of the year is listed exactly
 * once across its pages, in one order, with the counts and ranges each page prints; the pager
 * links respect the base path, mark the current page and are reachable by clicking; every agency
 * is listed exactly once across the index pages; no horizontal overflow on a phone; pager targets
 * at least 44 px tall; axe finds nothing on the second pages; the home page's level counts add
 * up to the number of agencies. Expected values come from the generated content (loadArchive),
 * never from the pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { AGENCY_LEVELS, LEVEL_LABELS, type Agency } from '../../src/lib/content/agencies.ts';
import { loadArchive, type ArchiveReport } from '../../src/lib/content/archive.ts';
import { INDEX_LATER_ENV } from '../../src/integrations/search-index.ts';
import { launchBrowser, type ViewportName } from '../support/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { openPage } from '../support/page-watch.ts';
import { startStaticServer } from '../support/static-server.ts';

const BASE = '/paged/';
/** The one year kept: reports of agencies that start 2019–2022 and run 3–6 years mostly cover it. */
const YEAR = 2022;
/** Generated reports before trimming: ~245 agencies, ~230 of them with a 2022 report. */
const GENERATED = 1100;
const YEAR_SIZE = 50;
const AGENCY_SIZE = 200;

let root: string;
let browser: Browser;
let server: Server;
let origin: string;
/** Reports of YEAR in the listing order (level, region, name, id), from the content. */
let yearReports: ArchiveReport[];
/** Agencies with a report, in the index order. */
let agencies: Agency[];

/** Code-point order, like the site's compareText (the generated names are all in the BMP). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byListing = (a: Agency, b: Agency) =>
  AGENCY_LEVELS.indexOf(a.level) - AGENCY_LEVELS.indexOf(b.level) ||
  cmp(a.region, b.region) ||
  cmp(a.name, b.name) ||
  cmp(a.id, b.id);

const yearPage = (n: number) => `${BASE}years/${YEAR}/${n === 1 ? '' : `${n}/`}`;
const agencyPage = (n: number) => (n === 1 ? `${BASE}agencies/` : `${BASE}agencies/pages/${n}/`);

/** Keeps only YEAR's reports, and only the agencies that still have one. */
function trimToYear(dir: string): void {
  const kept = new Set<string>();
  for (const [folder, ext] of [
    ['data/reports', 'yaml'],
    ['src/content/reports', 'mdx'],
  ] as const) {
    for (const id of readdirSync(join(dir, folder))) {
      const agencyDir = join(dir, folder, id);
      for (const file of readdirSync(agencyDir))
        if (file !== `${YEAR}.${ext}`) rmSync(join(agencyDir, file));
      if (readdirSync(agencyDir).length === 0) rmSync(agencyDir, { recursive: true });
      else kept.add(id);
    }
  }
  const file = join(dir, 'data/agencies.yaml');
  const all = parse(readFileSync(file, 'utf8')) as { id: string }[];
  writeFileSync(file, stringify(all.filter((a) => kept.has(a.id))));
}

function bytesUnder(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-paged-'));
  const content = join(root, 'content');
  generateArchive(content, GENERATED);
  trimToYear(content);
  const archive = loadArchive(content, null);
  expect(archive.problems).toEqual([]);
  yearReports = archive.reports
    .filter((r) => r.year === YEAR)
    .sort((a, b) => byListing(a.agency, b.agency));
  agencies = [...archive.agencies].sort(byListing);
  // Big enough to page, or the test checks nothing it means to.
  expect(yearReports.length).toBeGreaterThan(2 * YEAR_SIZE);
  expect(agencies.length).toBeGreaterThan(AGENCY_SIZE);
  expect(archive.reports.length).toBe(yearReports.length);

  // Without the search index: `astro build` then only writes where the site is (a file here).
  process.env[INDEX_LATER_ENV] = join(root, 'index-later');
  const t0 = performance.now();
  try {
    buildSite({ content, base: BASE, outDir: join(root, 'dist') });
  } finally {
    delete process.env[INDEX_LATER_ENV];
  }
  const size = bytesUnder(join(root, 'dist'));
  console.log(
    `listing-pages: ${yearReports.length} reports of ${YEAR}, ${agencies.length} agencies; built in ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s, ${size.files} files, ` +
      `${(size.bytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  ({ server, origin } = await startStaticServer([{ base: BASE, dir: join(root, 'dist') }]));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (root) rmSync(root, { recursive: true, force: true });
});

const text = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => e.textContent!.replace(/\s+/g, ' ').trim());

/** Report links of the key-figures table, as site paths. */
const reportLinks = (page: Page) =>
  page
    .locator('#key-figures tbody th a.row-sub')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/** Pager links of the first pager: page number (or rel) → path, and the current page. */
async function pager(page: Page) {
  const links = await page
    .locator('nav.pager')
    .first()
    .locator('a')
    .evaluateAll((as) =>
      as.map((a) => ({
        label: a.getAttribute('aria-label') ?? a.getAttribute('rel') ?? '',
        path: new URL((a as HTMLAnchorElement).href).pathname,
        current: a.getAttribute('aria-current'),
      })),
    );
  return links;
}

/** At 360 px no horizontal overflow; at any width every pager target at least 44 px tall. */
async function fitsAndTargets(page: Page, viewport: ViewportName): Promise<void> {
  if (viewport === 'phone') {
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  }
  const heights = await page
    .locator('nav.pager a')
    .evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
}

describe.each(['phone', 'desktop'] as const)('at %s width', (viewport: ViewportName) => {
  it(`lists every ${YEAR} report exactly once across the year's pages, with their counts and ranges`, async () => {
    const total = yearReports.length;
    const count = Math.ceil(total / YEAR_SIZE);
    const expectedPaths = yearReports.map((r) => `${BASE}reports/${r.agency.id}/${YEAR}/`);
    const { page, problems, close } = await openPage(browser, origin, yearPage(1), viewport);
    try {
      const seen: string[] = [];
      for (let n = 1; n <= count; n++) {
        if (n === 2) {
          // Page 2 is reached the way a reader does: the pager's 「第 2 页」 link.
          await Promise.all([
            page.waitForURL(origin + yearPage(2)),
            page.locator('nav.pager').first().getByRole('link', { name: '第 2 页' }).click(),
          ]);
        } else if (n > 2) await page.goto(origin + yearPage(n));
        const first = (n - 1) * YEAR_SIZE + 1;
        const last = Math.min(n * YEAR_SIZE, total);
        const items = yearReports.slice(first - 1, last);
        await expect(page.title()).resolves.toBe(
          `${YEAR} 年度政府信息公开工作年度报告（第 ${n} 页，共 ${count} 页） · 政府信息公开年报档案`,
        );
        await expect(text(page, 'main h1 + p')).resolves.toBe(
          `本档案收录 ${YEAR} 年度 ${total} 个机构的报告，按机构层级（中央到乡镇）、地区、机构名称排列，每页 ${YEAR_SIZE} 份。`,
        );
        const a = items[0]!.agency;
        const b = items.at(-1)!.agency;
        await expect(text(page, 'p.range')).resolves.toBe(
          `本页是第 ${first}–${last} 份（第 ${n} 页，共 ${count} 页）：从${a.region}「${a.name}」到${b.region}「${b.name}」。找某个机构，可用按机构浏览或检索。`,
        );
        await expect(text(page, '#key-figures caption')).resolves.toBe(
          `${YEAR} 年度各机构主要数字（件），第 ${first}–${last} 份`,
        );
        await expect(text(page, '#charts')).resolves.toBe(
          `机构间比较（本页 ${items.length} 个机构）`,
        );
        const links = await reportLinks(page);
        expect(links).toEqual(expectedPaths.slice(first - 1, last));
        seen.push(...links);

        const numbers = await pager(page);
        const current = numbers.filter((l) => l.current !== null);
        expect(current).toEqual([
          expect.objectContaining({ label: `第 ${n} 页`, path: yearPage(n), current: 'page' }),
        ]);
        for (const l of numbers) expect(l.path.startsWith(`${BASE}years/${YEAR}/`)).toBe(true);
        expect(numbers.find((l) => l.label === 'prev')?.path).toBe(
          n > 1 ? yearPage(n - 1) : undefined,
        );
        expect(numbers.find((l) => l.label === 'next')?.path).toBe(
          n < count ? yearPage(n + 1) : undefined,
        );
        expect(numbers.find((l) => l.label === `第 ${count} 页`)?.path).toBe(yearPage(count));
        await fitsAndTargets(page, viewport);
      }
      // Every report once, in one order across the pages.
      expect(seen).toEqual(expectedPaths);
      expect(new Set(seen).size).toBe(total);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lists every agency exactly once across the agency-index pages', async () => {
    const total = agencies.length;
    const count = Math.ceil(total / AGENCY_SIZE);
    const seen: string[] = [];
    const { page, problems, close } = await openPage(browser, origin, agencyPage(1), viewport);
    try {
      for (let n = 1; n <= count; n++) {
        if (n === 2) {
          await Promise.all([
            page.waitForURL(origin + agencyPage(2)),
            page.locator('nav.pager').first().getByRole('link', { name: '第 2 页' }).click(),
          ]);
        } else if (n > 2) await page.goto(origin + agencyPage(n));
        await expect(page.title()).resolves.toBe(
          `按机构浏览（第 ${n} 页，共 ${count} 页） · 政府信息公开年报档案`,
        );
        await expect(text(page, 'main h1 + p')).resolves.toBe(
          `按机构层级和地区排列，共 ${total} 个机构，每页 ${AGENCY_SIZE} 个。每个机构一页，列出它历年的报告和主要数字的比较。`,
        );
        const rows = await page
          .locator('.agency-list a')
          .evaluateAll((as) =>
            as.map((a) => [
              new URL((a as HTMLAnchorElement).href).pathname,
              a.querySelector('.count')!.textContent!.trim(),
            ]),
          );
        const items = agencies.slice((n - 1) * AGENCY_SIZE, n * AGENCY_SIZE);
        expect(rows).toEqual(items.map((a) => [`${BASE}agencies/${a.id}/`, '1 份报告']));
        seen.push(...rows.map(([path]) => path!));
        const numbers = await pager(page);
        for (const l of numbers) expect(l.path.startsWith(`${BASE}agencies/`)).toBe(true);
        const current = numbers.filter((l) => l.current !== null);
        expect(current).toEqual([
          expect.objectContaining({ label: `第 ${n} 页`, path: agencyPage(n), current: 'page' }),
        ]);
        await fitsAndTargets(page, viewport);
      }
      expect(seen).toEqual(agencies.map((a) => `${BASE}agencies/${a.id}/`));
      expect(new Set(seen).size).toBe(total);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ['year', () => yearPage(2)],
    ['agency index', () => agencyPage(2)],
  ])('page 2 of the %s has no axe violations', async (_, path) => {
    const { page, problems, close } = await openPage(browser, origin, path(), viewport);
    try {
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("the home page's level counts add up to the number of agencies", async () => {
    const { page, problems, close } = await openPage(browser, origin, BASE, viewport);
    try {
      const levels = await page.locator('#by-agency + ul.chips li').evaluateAll((lis) =>
        lis.map((li) => ({
          label: li.querySelector('a')!.textContent!.trim(),
          path:
            new URL(li.querySelector('a')!.href).pathname +
            new URL(li.querySelector('a')!.href).hash,
          count: li.querySelector('.count')!.textContent!.trim(),
        })),
      );
      const expected = AGENCY_LEVELS.flatMap((level) => {
        const first = agencies.findIndex((a) => a.level === level);
        if (first < 0) return [];
        const n = agencies.filter((a) => a.level === level).length;
        return [
          {
            label: LEVEL_LABELS[level],
            path: `${agencyPage(Math.floor(first / AGENCY_SIZE) + 1)}#level-${level}`,
            count: `${n} 个机构`,
          },
        ];
      });
      expect(levels).toEqual(expected);
      const sum = levels.reduce((s, l) => s + Number(/^(\d+) 个机构$/.exec(l.count)![1]), 0);
      expect(sum).toBe(agencies.length);
      await expect(text(page, 'p.lead')).resolves.toBe(
        `收录 ${agencies.length} 个机构 1 个年度的 ${yearReports.length} 份年度报告。数字按原文照录，原文不相符之处逐一标注；全部数字可下载。`,
      );
      if (viewport === 'phone') {
        const widths = await page.evaluate(() => ({
          scroll: document.scrollingElement!.scrollWidth,
          inner: window.innerWidth,
        }));
        expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
