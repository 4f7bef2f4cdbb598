/** Drafts (build refusal, preview) and the 「数字核对」 section as citizens read it. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { draftRefusal, draftsPreviewed, publishedOnly } from '../../src/lib/content/drafts.ts';
import { statusView } from '../../src/lib/site/report-status.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const demo = fileURLToPath(new URL('../../', import.meta.url));

describe('drafts', () => {
  const archive = loadArchive(fixture('draft'));

  it('refuses a build with drafts, naming each draft file, unless NIANBAO_DRAFTS=1', () => {
    expect(draftRefusal(archive.reports, {})).toBe(
      [
        '有 1 份报告是草稿（status: draft），网站没有构建：',
        '  data/reports/jiyuan-gongan/2021.yaml',
        '草稿核对无误后，删除文件中的「status: draft」一行即可发布。',
        '只想预览草稿（页面标「草稿」，不进检索、订阅、站点地图和全站下载）：NIANBAO_DRAFTS=1 npm run build，或 npm run preview:drafts。',
      ].join('\n'),
    );
    expect(draftRefusal(archive.reports, { NIANBAO_DRAFTS: '1' })).toBeUndefined();
    // Only exactly 1 asks for a preview: a stray value must not publish drafts by accident.
    expect(draftsPreviewed({ NIANBAO_DRAFTS: 'true' })).toBe(false);
    expect(draftRefusal(archive.reports, { NIANBAO_DRAFTS: '0' })).toContain('网站没有构建');
  });

  it('keeps drafts out of what speaks for the whole archive', () => {
    expect(archive.reports.map((r) => [r.id, r.draft])).toEqual([
      ['jiyuan-gongan/2020', false],
      ['jiyuan-gongan/2021', true],
    ]);
    expect(publishedOnly(archive.reports).map((r) => r.id)).toEqual(['jiyuan-gongan/2020']);
  });

  it('gives no ✓ on a draft page', () => {
    const draft = archive.reports.find((r) => r.draft)!;
    expect(statusView(draft)).toMatchObject({
      tone: 'draft',
      summary: '这是草稿：表中数字还没有全部对照原文核实，暂不给出核对结论。',
    });
  });
});

describe('the 数字核对 section', () => {
  it('gives the ✓ wording when every sum adds up', () => {
    const good = loadArchive(fixture('good')).reports[0]!;
    expect(statusView(good)).toEqual({
      tone: 'ok',
      summary: '各项合计与分项相加全部一致。',
      notices: [],
      blankTotals: [],
    });
  });

  it('上海 2019: no discrepancy, the eleven blank totals named once and linked to their cells', () => {
    const shanghai = loadArchive(demo).reports.find(
      (r) => r.id === 'shanghai-shizhengfu-bangongting/2019',
    )!;
    const view = statusView(shanghai);
    expect(view.tone).toBe('ok');
    expect(view.summary).toBe('原文印出的各项合计与分项相加全部一致。');
    expect(view.notices).toEqual([]);
    expect(view.blankTotals).toHaveLength(11);
    expect(view.blankTotals[0]).toEqual({
      label: '表三「（一）予以公开」行「总计」列',
      href: '#c3-disclosed-total',
      narrowHref: undefined,
    });
    expect(view.blankTotals[10]).toEqual({
      label: '表三「（五）不予处理 2.重复申请」行「总计」列',
      href: '#c3-not-processed-duplicate-total',
      narrowHref: undefined,
    });
  });

  it('folds discrepancies behind a count, each linked to its cell (表四 also to its phone copy)', () => {
    const report = loadArchive(fixture('discrepancy-acknowledged')).reports[0]!;
    const view = statusView(report);
    expect(view.tone).toBe('warn');
    expect(view.summary).toBe(
      `原文有 ${view.notices.length} 处数字加起来对不上，本站按原文照录，未作改动。`,
    );
    expect(report.notices.map((n) => n.check.focus)).toEqual(['appeals.review.total']);
    expect(view.notices.map((n) => [n.href, n.narrowHref])).toEqual([
      ['#c4-review-total', '#cn4-review-total'],
    ]);
    const city = loadArchive(fixture('build-site')).reports.find(
      (r) => r.id === 'fixture-city-gov/2021',
    )!;
    expect(statusView(city).notices.map((n) => [n.href, n.narrowHref])).toEqual([
      ['#c3-total-total', undefined],
      ['#c3-received-total', undefined],
    ]);
  });
});

describe('not printed', () => {
  const report = loadArchive(fixture('not-printed')).reports.find(
    (r) => r.id === 'jiyuan-gongan/2021',
  )!;

  it('shows the combined （六） row as printed and marks its sub-rows not printed', async () => {
    const { applicationsLayout } = await import('../../src/lib/site/table-layout.ts');
    const layout = applicationsLayout(report.tables, '');
    const row = (id: string) => layout.body.find((r) => r.id === id)!;
    expect(row('t3-r-other').kind).toBe('data');
    expect(row('t3-r-other').cells.map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('t3-r-other-no-correction').cells.map((c) => [c.value, c.notPrinted])).toEqual(
      Array.from({ length: 7 }, () => [null, true]),
    );
  });

  it('gives not-printed cells their own status in the CSV/JSON, never blank', async () => {
    const { cellRecords } = await import('../../src/lib/open-data/open-data.ts');
    const records = cellRecords(report);
    const at = (cell: string) => records.find((r) => r.cell === cell)!;
    expect([at('appeals.review.total').status, at('appeals.review.total').blank]).toEqual([
      'not_printed',
      false,
    ]);
    expect(at('applications.other.no_correction.natural').status).toBe('not_printed');
    expect([
      at('applications.other.natural').value,
      at('applications.other.natural').status,
    ]).toEqual([1, 'value']);
  });
});

describe('数字核对 never checks what was not printed', () => {
  const site = loadArchive(fixture('not-printed-site')).reports;
  const at = (year: number) => statusView(site.find((r) => r.year === year)!);

  it('names the tables printed only as images beside the ✓ and beside the discrepancies', () => {
    expect([at(2020), at(2021), at(2022), at(2023)].map((v) => [v.tone, v.summary])).toEqual([
      ['ok', '各项合计与分项相加全部一致。'],
      ['ok', '原文印出的各项合计与分项相加全部一致。表四原文未以文字印出，无从核对。'],
      [
        'warn',
        '原文有 1 处数字加起来对不上，本站按原文照录，未作改动。表二原文未以文字印出，无从核对。',
      ],
      ['ok', '原文印出的各项合计与分项相加全部一致。表三原文未以文字印出，无从核对。'],
    ]);
  });

  it('gives no ✓ when no table was printed as text', () => {
    expect(at(2024)).toEqual({
      tone: 'none',
      summary: '表二、表三和表四原文都未以文字印出，无从核对。',
      notices: [],
      blankTotals: [],
    });
  });
});
