/**
 * Chart series and rates: the numbers each chart draws (and its table lists), the summary a screen
 * reader hears, and the derived rate with its definition.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { formatRate, disclosureRate, rateValue } from '../../src/lib/figures/rates.ts';
import {
  MAX_CHART_CATEGORIES,
  appealsChart,
  balanceChart,
  chartData,
  chartNotes,
  chartSize,
  chartSummary,
  intakeChart,
  outcomeChart,
  pointValue,
  proactiveCharts,
  valueText,
  type Point,
} from '../../src/lib/figures/series.ts';
import { intakeMeasures } from '../../src/lib/figures/measures.ts';
import type { ReportTables } from '../../src/lib/template/model.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/build-site', import.meta.url));
const archive = loadArchive(FIXTURE);
const city = archive.reports.filter((r) => r.agency.id === 'fixture-city-gov');
const county = archive.reports.find((r) => r.id === 'fixture-county-fgj/2023')!;
const byYear: Point[] = city.map((r) => ({
  label: `${r.year} 年度`,
  link: `/reports/${r.agency.id}/${r.year}/`,
  tables: [r.tables],
}));
const frame = { id: 'a', categoryHeader: '年度', horizontal: false };
const both = [2019, 2021] as const;
const values = (spec: { series: readonly { short: string; values: readonly unknown[] }[] }) =>
  Object.fromEntries(spec.series.map((s) => [s.short, s.values]));

describe('charts across the years of one agency (2019 and 2021 templates)', () => {
  it('intake: 本年新收 and 上年结转, stacked', () => {
    const spec = intakeChart(frame, byYear, [...both]);
    expect(spec.title).toBe('收到的申请（本年新收与上年结转）');
    expect(spec.categories).toEqual(['2020 年度', '2021 年度']);
    expect(spec.categoryLinks).toEqual([
      '/reports/fixture-city-gov/2020/',
      '/reports/fixture-city-gov/2021/',
    ]);
    expect(values(spec)).toEqual({ 本年新收: [140, 170], 上年结转: [5, 2] });
    expect(spec.series.map((s) => s.label)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
    ]);
  });

  it('outcomes by category, （六） compared by its total, with the note', () => {
    const spec = outcomeChart(frame, byYear, [...both], ['note']);
    expect(values(spec)).toEqual({
      予以公开: [71, 81],
      部分公开: [12, 15],
      不予公开: [12, 17],
      无法提供: [38, 44],
      不予处理: [6, 10],
      其他处理: [3, 5],
    });
    expect(spec.notes).toEqual(['note']);
  });

  it('appeals: each row of table 四 by result', () => {
    expect(values(appealsChart(frame, byYear, [...both], 'review'))).toEqual({
      结果维持: [3, 4],
      结果纠正: [1, 1],
      其他结果: [0, 1],
      尚未审结: [1, 0],
    });
    const direct = appealsChart(frame, byYear, [...both], 'litigation_direct');
    expect(direct.title).toBe('行政诉讼 › 未经复议直接起诉案件及结果');
    expect(values(direct)).toEqual({
      结果维持: [1, 2],
      结果纠正: [0, 0],
      其他结果: [0, 1],
      尚未审结: [2, 1],
    });
  });

  it('proactive: only the cells both versions print, with the comparability note once', () => {
    const charts = proactiveCharts(frame, byYear, [...both]);
    expect(charts.map((c) => [c.title, values(c)])).toEqual([
      [
        '主动公开：第二十条第（五）项',
        { '行政许可 处理决定数量 / 本年处理决定数量': [80455, 90211] },
      ],
      ['主动公开：第二十条第（六）项', { 行政处罚: [3985758, 3012], 行政强制: [117, 98] }],
    ]);
    expect(charts[0]?.notes).toHaveLength(1);
    expect(charts[0]?.notes[0]).toMatch(/^表二两版格式的栏目不同/);
    expect(charts[1]?.notes).toEqual([]);
  });

  it('balance: what came in next to what was handled; equal where rule 1 holds', () => {
    const spec = balanceChart(frame, byYear, [...both]);
    const sum = (stack: string, i: number) =>
      spec.series
        .filter((s) => s.stack === stack)
        .reduce((a, s) => a + ((s.values[i] as number | null) ?? 0), 0);
    expect([sum('received', 0), sum('handled', 0)]).toEqual([145, 145]);
    // 2021 was published with 170 new applications where the columns add up to 173.
    expect([sum('received', 1), sum('handled', 1)]).toEqual([172, 175]);
    expect(spec.description).toBe(
      '每组两根柱：一根为收到的申请（本年新收、上年结转），一根为办理结果与结转（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、结转下年度继续办理），均取表三「总计」列，多份报告时为其和。数字相符时两根柱等高（一 + 二 = 三（七）总计 + 四）。',
    );
  });
});

describe('2019 采购总金额: units', () => {
  const tables = (unit: string | null): ReportTables => ({
    ...city[0]!.tables,
    units: { 'proactive.procurement.amount': unit },
  });
  const amount = (points: Point[]) =>
    proactiveCharts(frame, points, [2019]).find((c) => c.title.endsWith('（金额）'))!;

  it('the same unit everywhere: drawn, labelled with the unit', () => {
    const spec = amount([
      { label: '甲', tables: [tables('元')] },
      { label: '乙', tables: [tables('元')] },
    ]);
    expect(spec.series.map((s) => [s.short, s.chart, s.units])).toEqual([
      ['政府集中采购 采购总金额（元）', true, ['元', '元']],
    ]);
    expect(spec.notes).toEqual([]);
  });

  it('different units: kept in the table with its units, left out of the picture, and said', () => {
    const spec = amount([
      { label: '甲', tables: [tables('元')] },
      { label: '乙', tables: [tables('万元')] },
      { label: '丙', tables: [tables(null)] },
    ]);
    expect(spec.series.map((s) => [s.chart, s.units, s.values])).toEqual([
      [false, ['元', '万元', null], [251000, 251000, 251000]],
    ]);
    expect(spec.notes).toEqual([
      '「政府集中采购 采购总金额」各报告所用单位不同（元、万元、未注明），不能画在同一坐标上，只列在表中。',
    ]);
    expect(chartData(spec).datasets).toEqual([]);
  });
});

describe('sums over several reports (a year of the archive)', () => {
  it('adds the filled values, keeps all-blank blank, and undefined where no version has it', () => {
    const [received] = intakeMeasures([2019, 2021]);
    expect(pointValue(received!, { label: 'x', tables: city.map((r) => r.tables) })).toBe(310);
    const business = {
      id: 'b',
      label: 'b',
      short: 'b',
      paths: { 2021: ['applications.received.business'] },
    };
    expect(pointValue(business, { label: 'x', tables: [county.tables] })).toBeNull();
    expect(pointValue(business, { label: 'x', tables: [city[0]!.tables] })).toBeUndefined();
  });
});

describe('text and sizes', () => {
  it('the summary a screen reader hears names the chart, its legend and its numbers', () => {
    expect(chartSummary(intakeChart(frame, byYear, [...both]))).toBe(
      '堆叠柱状图：收到的申请（本年新收与上年结转），按年度，共 2 组，图例为「本年新收」「上年结转」。2020 年度：本年新收 140，上年结转 5；2021 年度：本年新收 170，上年结转 2。完整数字见图下的表格。',
    );
  });

  it('a long chart: the summary and the picture stop, the table does not', () => {
    const many: Point[] = Array.from({ length: 70 }, (_, i) => ({
      label: `机构${i + 1}`,
      tables: [county.tables],
    }));
    const spec = intakeChart({ id: 'y', categoryHeader: '机构', horizontal: true }, many, [2021]);
    expect(chartSummary(spec)).toMatch(
      /机构8：本年新收 3，上年结转 0；其余 62 组。完整数字见图下的表格。$/,
    );
    expect(chartData(spec).labels).toHaveLength(MAX_CHART_CATEGORIES);
    expect(spec.categories).toHaveLength(70);
    expect(chartNotes(spec)).toEqual(['图中只画出前 60 组（共 70 组），完整数字见下表。']);
    expect(chartSize(spec)).toBe('chart--rows-60');
    expect(chartSize({ ...spec, categories: ['a', 'b', 'c'] })).toBe('chart--rows-4');
    expect(chartSize(intakeChart(frame, byYear, [...both]))).toBe('chart--m');
    expect(chartSize(balanceChart(frame, byYear, [...both]))).toBe('chart--l');
  });

  it('values: the published number, 空白, or 不适用', () => {
    expect([valueText(1520.37), valueText(null), valueText(undefined), valueText(-3)]).toEqual([
      '1520.37',
      '空白',
      '不适用',
      '-3',
    ]);
  });

  it('chart data turns 不适用 into a gap and keeps stacks', () => {
    const data = chartData(intakeChart(frame, byYear, [...both]));
    expect(data).toEqual({
      type: 'bar',
      horizontal: false,
      stacked: true,
      unit: '件',
      labels: ['2020 年度', '2021 年度'],
      datasets: [
        { label: '本年新收', data: [140, 170], stack: 'intake' },
        { label: '上年结转', data: [5, 2], stack: 'intake' },
      ],
    });
  });
});

describe('公开率', () => {
  const rate = disclosureRate([2019, 2021]);

  it('is defined once, with its formula and source cells in the printed labels', () => {
    expect(rate.formula).toBe('公开率 = （（一）予以公开 + （二）部分公开）÷ （七）总计');
    expect(rate.source).toBe(
      '表三「（一）予以公开」「（二）部分公开」「（七）总计」行的「总计」列',
    );
    expect(rate.note).toBe('「（七）总计」为 0 或空白时不计算；四舍五入到 0.1%。');
  });

  it('(71 + 12) / 142 and (81 + 15) / 172', () => {
    expect(city.map((r) => formatRate(rateValue(rate, r.tables)!))).toEqual(['58.5%', '55.8%']);
    expect(rateValue(rate, county.tables)).toBe(2 / 3);
  });

  it('is not computed over a zero or blank total', () => {
    const zero = {
      ...county.tables,
      cells: { ...county.tables.cells, 'applications.total.total': 0 },
    };
    const blank = {
      ...county.tables,
      cells: { ...county.tables.cells, 'applications.total.total': null },
    };
    expect(rateValue(rate, zero)).toBeNull();
    expect(rateValue(rate, blank)).toBeNull();
  });

  it('rounds half away from zero to one decimal', () => {
    expect([formatRate(0.5855), formatRate(1), formatRate(0), formatRate(2 / 3)]).toEqual([
      '58.6%',
      '100.0%',
      '0.0%',
      '66.7%',
    ]);
    // Exact halves that floating point puts just below: 201/400 = 50.25 %.
    expect([formatRate(201 / 400), formatRate(1 / 8), formatRate(7 / 16)]).toEqual([
      '50.3%',
      '12.5%',
      '43.8%',
    ]);
  });
});
