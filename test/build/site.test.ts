/**
 * Builds the real content and a fixture site under a non-root base, then reads every table back
 * out of the HTML, cell by cell, and compares it with the YAML: no number lost, moved or altered;
 * blanks stay blank; every cell is announced with the headers printed above and beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive, type ArchiveReport } from '../../src/lib/content/archive.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { visibleNote } from '../../src/lib/site/narrow-table.ts';
import { cellAnchor } from '../../src/lib/site/report-view.ts';
import { PROJECT_ROOT, buildSite } from '../support/build-site.ts';
import { rawCells } from '../support/raw-cells.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/build-site');

interface Site {
  readonly out: string;
  /** The content folder the site was built from. */
  readonly content: string;
  readonly base: string;
  readonly reports: readonly ArchiveReport[];
}

const sites: Record<'real' | 'fixture', Site> = {} as never;

beforeAll(() => {
  sites.real = {
    out: buildSite({ base: '/archive/' }),
    content: PROJECT_ROOT,
    base: '/archive/',
    reports: loadArchive(PROJECT_ROOT).reports,
  };
  sites.fixture = {
    out: buildSite({ content: FIXTURE, base: '/fixture/' }),
    content: FIXTURE,
    base: '/fixture/',
    reports: loadArchive(FIXTURE).reports,
  };
});

function page(site: Site, path: string): HTMLElement {
  return parse(readFileSync(join(site.out, path, 'index.html'), 'utf8'));
}

const text = (el: HTMLElement | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The published number of a table cell: the cell's own first text (a flagged one is in `.num`). */
function numberIn(td: HTMLElement | null | undefined): string | null {
  const flagged = td?.querySelector('.num');
  if (flagged) return text(flagged);
  const first = td?.childNodes[0];
  return first && first.nodeType === 3 ? first.text.trim() : null;
}
/** The printed table's cell for a cell path (its id is derived from the path: cellAnchor). */
const cellOf = (doc: HTMLElement, path: string) => doc.querySelector(`td#${cellAnchor(path)}`);

function checkTables(site: Site, report: ArchiveReport): void {
  const doc = page(site, `reports/${report.agency.id}/${report.year}`);
  // What the YAML says, read without the project's own reader, by position as typed.
  const yaml = rawCells(readFileSync(join(site.content, report.dataFile), 'utf8'));
  const declared = cellDeclarations(report.tables.template);
  // The printed tables' cells (表四's phone copy is in .narrow-only), in declaration order.
  const rendered = doc.querySelectorAll('.table-scroll td');
  expect(rendered.map((td) => td.id)).toEqual(declared.map((c) => cellAnchor(c.path)));
  for (const cell of declared) {
    const td = doc.querySelectorAll(`#${cellAnchor(cell.path)}`);
    expect(td, cell.path).toHaveLength(1);
    const el = td[0]!;
    expect(yaml.has(cell.path), `${cell.path} is in the YAML`).toBe(true);
    const value = yaml.get(cell.path);
    if (value === null) {
      expect(el.classList.contains('blank'), `${cell.path} is blank`).toBe(true);
      expect(numberIn(el), `${cell.path} has no number`).toBeNull();
      expect(text(el.querySelector('.visually-hidden'))).toBe('空白');
    } else {
      expect(numberIn(el), cell.path).toBe(String(value));
    }
    expect(text(el.querySelector('.unit')) || null, `${cell.path} unit`).toBe(
      report.tables.units[cell.path] ?? null,
    );
    // A note that only repeats the value and unit (「251000元」 beside 251000 元) is not shown twice.
    expect(text(el.querySelector('.cell-note')) || null, `${cell.path} note`).toBe(
      visibleNote(
        value ?? null,
        report.tables.units[cell.path] ?? null,
        report.tables.cellNotes[cell.path] ?? null,
      ),
    );
    const headers = (el.getAttribute('headers') ?? '')
      .split(' ')
      .map((id) => text(doc.getElementById(id)));
    expect(headers, `${cell.path} headers`).toEqual([...cell.columnLabels, ...cell.rowLabels]);
  }
}

describe('tables read back from the built HTML', () => {
  it('the seed report: every published number in its cell', () => {
    const seed = sites.real.reports.find((r) => r.id === 'jiyuan-gongan/2020');
    expect(seed).toBeDefined();
    checkTables(sites.real, seed!);
    const doc = page(sites.real, 'reports/jiyuan-gongan/2020');
    // Spot-check numbers as printed in the published report.
    const cell = (path: string) => numberIn(cellOf(doc, path));
    expect(cell('proactive.licensing.decisions')).toBe('1618');
    expect(cell('proactive.procurement.amount')).toBe('2287.0728');
    expect(cell('applications.withheld.internal_affairs.natural')).toBe('7');
    expect(cell('applications.total.total')).toBe('7');
    expect(cell('applications.carried_over.natural')).toBe('1');
  });

  it('every report of the real content and of the fixture', () => {
    expect(sites.real.reports.length).toBeGreaterThan(0);
    expect(sites.fixture.reports).toHaveLength(3);
    for (const site of [sites.real, sites.fixture])
      for (const r of site.reports) checkTables(site, r);
  });
});

describe('what a reader sees besides the numbers', () => {
  it('shows acknowledged discrepancies and flags the printed total', () => {
    const doc = page(sites.fixture, 'reports/fixture-city-gov/2021');
    expect(text(doc.querySelector('.badge--warn'))).toBe(
      '!原文有 2 处数字加起来对不上，本站按原文照录，未作改动。',
    );
    const notice = doc.getElementById('notice-applications-balance-total');
    expect(text(notice)).toBe(
      '表三「总计」列「一 + 二」= 172，「三（七）总计 + 四」= 175，两者应相等。编辑说明：原文如此：表三「总计」列的新收申请数印为 170，与各类申请人之和 173 不符。在表中查看',
    );
    const flagged = cellOf(doc, 'applications.total.total');
    expect(flagged?.classList.contains('flagged')).toBe(true);
    expect(flagged?.querySelector('a.flag')?.getAttribute('href')).toBe(
      '#notice-applications-balance-total',
    );
    expect(
      cellOf(doc, 'applications.received.total')?.querySelector('a.flag')?.getAttribute('href'),
    ).toBe('#notice-applications-row-total-received');
  });

  it('warns when a year does not carry over from the year before (rule 6)', () => {
    const doc = page(sites.fixture, 'reports/fixture-city-gov/2021');
    expect(text(doc.querySelector('.carry-over'))).toContain(
      '「自然人」列：本年「二、上年结转政府信息公开申请数量」为 2，上年「四、结转下年度继续办理」为 3。',
    );
    expect(
      page(sites.fixture, 'reports/fixture-city-gov/2020').querySelector('.carry-over'),
    ).toBeNull();
  });

  it('says so when every rule holds', () => {
    const doc = page(sites.real, 'reports/jiyuan-gongan/2020');
    expect(text(doc.querySelector('.badge--ok'))).toBe('✓各项合计与分项相加全部一致。');
  });

  it('renders bold Chinese text that ends with punctuation (remark-cjk-friendly)', () => {
    const html = readFileSync(
      join(sites.fixture.out, 'reports/fixture-city-gov/2020/index.html'),
      'utf8',
    );
    expect(html).toContain('<strong>本年度主动公开政府信息。</strong>其中');
    expect(html).not.toContain('**');
  });

  it('keeps the published ASCII quotes (no smartypants)', () => {
    const doc = page(sites.fixture, 'reports/fixture-county-fgj/2023');
    expect(text(doc.querySelector('.prose p'))).toContain(
      '与 "><img src=x onerror=alert(1)> 应当原样显示为文字',
    );
  });

  it('renders hostile strings as inert text', () => {
    const html = readFileSync(
      join(sites.fixture.out, 'reports/fixture-county-fgj/2023/index.html'),
      'utf8',
    );
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    const doc = parse(html);
    expect(text(doc.querySelector('h1'))).toBe(
      '示例县发展和改革局2023年政府信息公开工作年度报告</script><script>alert(1)</script>"><img src=x onerror=alert(1)>',
    );
    expect(text(cellOf(doc, 'applications.received.natural')?.querySelector('.cell-note'))).toBe(
      '</script><script>alert(1)</script>',
    );
  });

  it('puts every internal link under the base path', () => {
    for (const site of [sites.real, sites.fixture]) {
      for (const r of site.reports) {
        const doc = page(site, `reports/${r.agency.id}/${r.year}`);
        const links = [...doc.querySelectorAll('a[href], link[href]')].map(
          (a) => a.getAttribute('href') ?? '',
        );
        const internal = links.filter((h) => h.startsWith('/'));
        expect(internal.length).toBeGreaterThan(0);
        for (const h of internal)
          expect(h.startsWith(site.base), `${site.base} ${r.id}: ${h}`).toBe(true);
      }
    }
  });

  it('keeps Chinese text in the page chrome free of stray spaces (compressHTML)', () => {
    const doc = page(sites.real, 'reports/jiyuan-gongan/2020');
    for (const sel of ['header', 'footer', '.meta', '.status', '.breadcrumb']) {
      const t = text(doc.querySelector(sel));
      expect(t, sel).not.toMatch(/[\u4e00-\u9fff，。、：；] [\u4e00-\u9fff，。、：；]/u);
    }
    expect(text(doc.querySelector('footer p'))).toBe(
      '本站收录各机构公开发布的政府信息公开工作年度报告，数字按原文照录；原文不相符之处如实标注，不作改动。',
    );
  });
});

describe('a build of invalid content', () => {
  it('fails with exactly the messages npm run check prints', () => {
    const fixture = join(PROJECT_ROOT, 'test/fixtures/several-errors');
    let output = '';
    expect(() => {
      try {
        buildSite({ content: fixture });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer };
        output = `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`;
        throw e;
      }
    }).toThrow();
    const report = formatReport(loadArchive(fixture).problems);
    expect(report).toMatch(/^错误：/);
    expect(output).toContain('内容检查未通过，网站没有构建。');
    expect(output).toContain(report);
  });
});

describe('without SITE_URL', () => {
  it('leaves out what needs absolute URLs: canonical, og:url, feed, sitemap; JSON-LD is root-relative', () => {
    const out = sites.fixture.out;
    expect(existsSync(join(out, 'feed.xml'))).toBe(false);
    expect(existsSync(join(out, 'sitemap.xml'))).toBe(false);
    expect(existsSync(join(out, 'data/archive-2020.csv'))).toBe(true);
    const doc = page(sites.fixture, 'reports/fixture-city-gov/2020');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:url"]')).toBeNull();
    expect(doc.querySelector('link[rel="alternate"]')).toBeNull();
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      '示例市人民政府2020年政府信息公开工作年度报告',
    );
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent);
    expect(ld['@graph'][0].url).toBe('/fixture/reports/fixture-city-gov/2020/');
    expect(ld['@graph'][1].distribution[0].contentUrl).toBe(
      '/fixture/reports/fixture-city-gov/2020/data.csv',
    );
  });
});
