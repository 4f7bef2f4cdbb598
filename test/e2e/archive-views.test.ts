/**
 * The archive around the reports, in Chromium: an agency with several years tells its story in
 * charts whose tables equal the YAML; chart code loads only when a chart comes near the viewport
 * and only on pages with charts; charts draw without layout shift or CSP violation; the downloads
 * open as UTF-8 CSV and JSON; the home search box is a plain GET form; 404 answers usefully.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { launchBrowser } from '../support/browser.ts';
import { parseCsv } from '../support/csv.ts';
import {
  byCellId,
  csvObjects,
  dictionaryCells,
  readBackJson,
  readBackYear,
  type LongCell,
} from '../support/open-data-readback.ts';
import { openPage } from '../support/page-watch.ts';
import { SITES } from './sites.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const fixture = loadArchive(SITES.fixture.content);
const city = fixture.reports.filter((r) => r.agency.id === 'fixture-city-gov');
const AGENCY = `${SITES.fixture.base}agencies/fixture-city-gov/`;
const CHUNK = /\/_astro\/chart-draw\.[^/]+\.js$/;

/** The numbers of one chart's table: series id → values by row, as the page shows them. */
async function chartTable(page: Page, id: string): Promise<Record<string, (string | null)[]>> {
  return page.evaluate((id) => {
    const out: Record<string, (string | null)[]> = {};
    for (const td of document.querySelectorAll(`table[data-chart-table="${id}"] td[data-series]`)) {
      const series = td.getAttribute('data-series')!;
      const data = td.querySelector('data');
      (out[series] ??= []).push(data ? data.getAttribute('value') : null);
    }
    return out;
  }, id);
}

/** Straight from the YAML cells: the 总计 column of a row, or the sum of a group's 总计 cells. */
function yamlTotal(cells: Readonly<Record<string, number | null>>, rowKey: string): string {
  const exact = cells[`applications.${rowKey}.total`];
  if (exact !== undefined) return String(exact);
  const parts = Object.entries(cells).filter(
    ([p]) => p.startsWith(`applications.${rowKey}.`) && p.endsWith('.total'),
  );
  return String(parts.reduce((a, [, v]) => a + (v ?? 0), 0));
}

async function drawAll(page: Page): Promise<void> {
  const charts = page.locator('nb-chart');
  for (let i = 0; i < (await charts.count()); i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(() => charts.nth(i).getAttribute('data-state'), { timeout: 10_000 })
      .toBe('drawn');
  }
}

describe('the agency page tells the story of fixture-city-gov, 2020 (2019 template) and 2021 (2021 template)', () => {
  it('tables under the charts equal the YAML', async () => {
    const { page, problems, close } = await openPage(browser, inject('origin'), AGENCY, 'phone');
    try {
      const byYear = (f: (cells: Readonly<Record<string, number | null>>) => string) =>
        city.map((r) => f(r.tables.cells));
      expect(await chartTable(page, 'agency-intake')).toEqual({
        'applications.received': byYear((c) => String(c['applications.received.total'])),
        'applications.carried_over': byYear((c) => String(c['applications.carried_over.total'])),
      });
      const outcomes = await chartTable(page, 'agency-outcomes');
      expect(Object.keys(outcomes)).toEqual([
        'outcome.disclosed',
        'outcome.partially_disclosed',
        'outcome.withheld',
        'outcome.unavailable',
        'outcome.not_processed',
        'outcome.other',
      ]);
      for (const [id, values] of Object.entries(outcomes)) {
        expect(values, id).toEqual(byYear((c) => yamlTotal(c, id.replace('outcome.', ''))));
      }
      // （六）其他处理: one row in 2019 (3), three in 2021 (4 + 0 + 1).
      expect(outcomes['outcome.other']).toEqual(['3', '5']);
      for (const row of ['review', 'litigation_direct', 'litigation_after_review']) {
        const table = await chartTable(page, `agency-appeals-${row.replaceAll('_', '-')}`);
        for (const result of ['upheld', 'corrected', 'other', 'pending']) {
          expect(table[`appeals.${row}.${result}`], `${row}.${result}`).toEqual(
            byYear((c) => String(c[`appeals.${row}.${result}`])),
          );
        }
      }
      expect(await chartTable(page, 'agency-proactive-2')).toEqual({
        'proactive.penalties.decisions': ['3985758', '3012'],
        'proactive.coercion.decisions': ['117', '98'],
      });
      // The key figures and the rate, with its definition beside the table.
      const keyRow = await page
        .locator('#key-figures tbody tr')
        .nth(1)
        .locator('td')
        .allInnerTexts();
      // 公开率 and the totals first (desktop too); the format last.
      expect(keyRow).toEqual([
        '55.8%',
        '170',
        '2',
        '172',
        '3',
        '6',
        '4',
        '1',
        '81',
        '15',
        '2 处不相符',
        '2021 年版',
      ]);
      await expect
        .poll(() => page.locator('#key-figures-rate').innerText())
        .toContain('公开率 = （（一）予以公开 + （二）部分公开）÷ （七）总计');
      // Carry-over 2020 → 2021 does not match (rule 6), and the page says so.
      expect(await page.locator('#carry-over + p + ul').innerText()).toBe(
        '2020 → 2021 年度：不一致：「自然人」列 2020 年结转下年 3，2021 年上年结转 2；「总计」列 2020 年结转下年 3，2021 年上年结转 2。',
      );
      // What is not compared between the two versions is said on the page.
      expect(await page.locator('.comparability').innerText()).toContain(
        '表三「（六）其他处理」在 2019 年版为一行，在 2021 年版分为 3 行',
      );
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('charts load chart.js only when near the viewport, draw without layout shift, under the CSP', async () => {
    const { page, problems, close } = await openPage(browser, inject('origin'), AGENCY, 'phone');
    try {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.waitForLoadState('networkidle');
      const firstTop = await page
        .locator('nb-chart')
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
      expect(firstTop, 'the first chart starts below the fold on a phone').toBeGreaterThan(
        740 + 300,
      );
      expect(
        requested.filter((p) => CHUNK.test(p)),
        'no chart code before scrolling',
      ).toEqual([]);
      const boxes = () =>
        page
          .locator('nb-chart')
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      const before = await boxes();
      const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
      const heightBefore = await pageHeight();
      await drawAll(page);
      expect(requested.filter((p) => CHUNK.test(p))).toHaveLength(1);
      expect(await boxes(), 'reserved space is kept').toEqual(before);
      expect(await pageHeight(), 'no layout shift').toBe(heightBefore);
      // Each canvas is an image with a Chinese summary, and has something drawn on it.
      const canvases = await page.locator('nb-chart canvas').evaluateAll((els) =>
        els.map((c) => {
          const canvas = c as HTMLCanvasElement;
          const ctx = canvas.getContext('2d')!;
          const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
          return { role: c.getAttribute('role'), label: c.getAttribute('aria-label'), painted };
        }),
      );
      expect(canvases.length).toBe(7);
      for (const c of canvases) {
        expect(c.role).toBe('img');
        expect(c.label).toMatch(/^(堆叠)?柱状图：.+完整数字见图下的表格。$/);
        expect(c.painted).toBeGreaterThan(1000);
      }
      expect(
        await page.locator('nb-chart[data-state="drawn"] .chart-fallback').first().isVisible(),
      ).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('respects prefers-reduced-motion: the chart is complete at once', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    try {
      await page.goto(inject('origin') + AGENCY);
      const chart = page.locator('nb-chart').first();
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => chart.getAttribute('data-state')).toBe('drawn');
      const snap = () =>
        chart.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
      const first = await snap();
      await page.waitForTimeout(400);
      expect(await snap(), 'nothing animates after the first frame').toBe(first);
    } finally {
      await context.close();
    }
  });
});

describe('pages without charts load no chart code', () => {
  it.each([`${SITES.fixture.base}data/`, `${SITES.fixture.base}404.html`])('%s', async (path) => {
    const { page, close } = await openPage(browser, inject('origin'), path, 'desktop');
    try {
      expect(await page.locator('script[src], script[type="module"]').count()).toBe(0);
      expect(await page.locator('nb-chart').count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('the year page', () => {
  it('lists every report of the year with its key figures, and the chart tables equal the YAML', async () => {
    const { page, problems, close } = await openPage(
      browser,
      inject('origin'),
      `${SITES.fixture.base}years/2021/`,
      'phone',
    );
    try {
      const rows = await page.locator('#key-figures tbody th').allInnerTexts();
      expect(rows).toEqual(['示例市人民政府\n2021 年度报告']);
      // One page: no pager, no page range.
      expect(await page.locator('nav.pager').count()).toBe(0);
      expect(await page.locator('h1 + p').innerText()).toBe(
        '本档案收录 2021 年度 1 个机构的报告，按机构层级（中央到乡镇）、地区、机构名称排列。',
      );
      const c = city[1]!.tables.cells;
      expect(await chartTable(page, 'year-intake')).toEqual({
        'applications.received': [String(c['applications.received.total'])],
        'applications.carried_over': [String(c['applications.carried_over.total'])],
      });
      await drawAll(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('downloads', () => {
  const get = async (path: string) => {
    const res = await fetch(inject('origin') + path, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(res.status, path).toBe(200);
    return {
      type: res.headers.get('content-type'),
      bytes: new Uint8Array(await res.arrayBuffer()),
    };
  };

  const text = async (path: string) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode((await get(path)).bytes);

  it('archive-<year>.csv opens as UTF-8 in a spreadsheet: BOM, one row per report, one column per cell', async () => {
    const { type, bytes } = await get(`${SITES.fixture.base}data/archive-2021.csv`);
    expect(type).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    const reports = fixture.reports.filter((r) => r.year === 2021);
    expect(rows).toHaveLength(reports.length + 1);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual([
      '\uFEFFagency_id',
      'agency_name',
      'template',
      'proactive.regulations.issued',
    ]);
    const city = rows.find((r) => r[0] === 'fixture-city-gov')!;
    const at = (cell: string) => city[header.indexOf(cell)];
    expect(city.slice(0, 3)).toEqual(['fixture-city-gov', '示例市人民政府', '2021']);
    expect(at('proactive.fees.amount')).toBe('1520.37');
    // The corrected value; its date is in the notes file.
    expect(at('appeals.review.corrected')).toBe('1');
    const notes = parseCsv(await text(`${SITES.fixture.base}data/archive-2021-notes.csv`));
    expect(notes[0]).toEqual([
      '\uFEFFagency_id',
      'year',
      'template',
      'cell',
      'value',
      'status',
      'unit',
      'note',
      'corrected',
    ]);
    expect(notes.find((r) => r[3] === 'appeals.review.corrected')).toEqual([
      'fixture-city-gov',
      '2021',
      '2021',
      'appeals.review.corrected',
      '1',
      'value',
      '',
      '',
      '2024-06-15',
    ]);
    const dict = parseCsv(await text(`${SITES.fixture.base}data/cells.csv`));
    // The header's first name carries the BOM that makes spreadsheets read UTF-8.
    const col = (name: string) => dict[0]!.map((h) => h.replace(/^\uFEFF/u, '')).indexOf(name);
    expect(
      dict.find(
        (r) => r[col('template')] === '2021' && r[col('cell')] === 'proactive.fees.amount',
      )?.[col('column_label')],
    ).toBe('本年收费金额（单位：万元）');
  });

  it('the published files read back to every value, blank, unit, note and correction of the YAML', async () => {
    const base = `${SITES.fixture.base}data/`;
    const dict = dictionaryCells(await text(`${base}cells.csv`));
    for (const year of [2020, 2021, 2023]) {
      const back = readBackYear(
        year,
        await text(`${base}archive-${year}.csv`),
        await text(`${base}archive-${year}-notes.csv`),
        dict,
      );
      const archive = JSON.parse(await text(`${base}archive-${year}.json`));
      const reports = fixture.reports.filter((r) => r.year === year);
      expect([...back.keys()].sort()).toEqual(reports.map((r) => r.id).sort());
      for (const report of reports) {
        const cells = back.get(report.id)!;
        // The oracle: the report's YAML read without the project's code.
        const yaml = parseYaml(
          readFileSync(join(SITES.fixture.content, `data/reports/${report.id}.yaml`), 'utf8'),
        ) as Record<string, unknown>;
        const numbers: string[] = [];
        let blanks = 0;
        const walk = (v: unknown, key: string): void => {
          if (key === 'unit') return;
          if (v === null) blanks++;
          else if (typeof v === 'number') numbers.push(String(v));
          else if (Array.isArray(v)) v.forEach((x) => walk(x, ''));
          else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
        };
        for (const t of ['proactive', 'applications', 'appeals']) walk(yaml[t], t);
        const list = [...cells.values()];
        expect(
          list
            .filter((c) => c.status === 'value')
            .map((c) => c.value)
            .sort(),
        ).toEqual(numbers.sort());
        expect(list.filter((c) => c.status === 'blank')).toHaveLength(blanks);
        const noted = (k: 'unit' | 'note') =>
          Object.fromEntries(list.filter((c) => c[k] !== '').map((c) => [c.cell, c[k]]));
        expect(noted('note')).toEqual(yaml.cell_notes ?? {});
        expect(noted('unit')).toEqual(
          Object.fromEntries(Object.entries(report.tables.units).filter(([, u]) => u)),
        );
        expect(
          list
            .filter((c) => c.corrected !== '')
            .map((c) => c.cell)
            .sort(),
        ).toEqual(
          [...new Set(report.corrections.flatMap((c) => c.cells.map((x) => x.cell)))].sort(),
        );
        // The year's JSON, the report's own data.json and data.csv say the same.
        const fromYear = archive.reports.find(
          (r: { agency: { id: string } }) => r.agency.id === report.agency.id,
        );
        const own = JSON.parse(await text(`${SITES.fixture.base}reports/${report.id}/data.json`));
        expect(own).toEqual(fromYear);
        expect(byCellId(readBackJson(own).values())).toEqual(byCellId(list));
        const csv = csvObjects(await text(`${SITES.fixture.base}reports/${report.id}/data.csv`));
        expect(byCellId(csv as unknown as LongCell[])).toEqual(byCellId(list));
      }
    }
  });

  it('a report’s data.json and the data package parse, and point to the site under its base', async () => {
    const json = JSON.parse(
      new TextDecoder().decode(
        (await get(`${SITES.fixture.base}reports/fixture-city-gov/2020/data.json`)).bytes,
      ),
    );
    expect(json.page).toBe('https://nianbao.example.org/fixture/reports/fixture-city-gov/2020/');
    const pkg = JSON.parse(
      new TextDecoder().decode((await get(`${SITES.fixture.base}data/datapackage.json`)).bytes),
    );
    expect(pkg.homepage).toBe('https://nianbao.example.org/fixture/data/');
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual([
      'cells.csv',
      'archive-2020.csv',
      'archive-2020-notes.csv',
      'archive-2020.json',
      'archive-2021.csv',
      'archive-2021-notes.csv',
      'archive-2021.json',
      'archive-2023.csv',
      'archive-2023-notes.csv',
      'archive-2023.json',
    ]);
    const pages = [];
    for (const year of [2020, 2021, 2023]) {
      const archive = JSON.parse(
        new TextDecoder().decode(
          (await get(`${SITES.fixture.base}data/archive-${year}.json`)).bytes,
        ),
      );
      pages.push(...archive.reports.map((r: { page: string }) => r.page));
    }
    expect(pages).toEqual([
      'https://nianbao.example.org/fixture/reports/fixture-city-gov/2020/',
      'https://nianbao.example.org/fixture/reports/fixture-city-gov/2021/',
      'https://nianbao.example.org/fixture/reports/fixture-county-fgj/2023/',
    ]);
  });

  it('the feed and sitemap use absolute URLs under the base path', async () => {
    const feed = new TextDecoder().decode((await get(`${SITES.fixture.base}feed.xml`)).bytes);
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://nianbao.example.org/fixture/reports/fixture-county-fgj/2023/"/>',
    );
    const map = new TextDecoder().decode((await get(`${SITES.fixture.base}sitemap.xml`)).bytes);
    expect(map).toContain(
      '<loc>https://nianbao.example.org/fixture/agencies/fixture-city-gov/</loc>',
    );
  });
});

describe('home and 404', () => {
  it('the home page has a plain GET search form to the search page, and counts', async () => {
    const { page, close } = await openPage(browser, inject('origin'), SITES.fixture.base, 'phone');
    try {
      const form = page.locator('main form[role="search"]');
      expect(await form.getAttribute('action')).toBe(`${SITES.fixture.base}search/`);
      expect(await form.getAttribute('method')).toBe('get');
      expect(await form.locator('input[name="q"]').count()).toBe(1);
      expect(await page.locator('.lead').innerText()).toMatch(
        /^收录 2 个机构 3 个年度的 3 份年度报告。/,
      );
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
        'https://nianbao.example.org/fixture/',
      );
      // Agencies by level, with counts, linking to where each level starts in the agency index
      // (the full list of agencies grew with the archive and lives there).
      const levels = page.locator('#by-agency + ul li');
      expect(await levels.allInnerTexts()).toEqual(['地市级\n1 个机构', '县级\n1 个机构']);
      expect(
        await levels.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      ).toEqual([
        `${SITES.fixture.base}agencies/#level-prefectural`,
        `${SITES.fixture.base}agencies/#level-county`,
      ]);
    } finally {
      await close();
    }
  });

  it('an unknown address answers 404 with the archive’s page and links back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const res = await page.goto(`${inject('origin')}${SITES.fixture.base}no/such/page/`);
      expect(res?.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('找不到这个页面');
      expect(await page.locator('main a').first().getAttribute('href')).toBe(SITES.fixture.base);
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    } finally {
      await context.close();
    }
  });
});
