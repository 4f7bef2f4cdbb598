import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { presentChart, seriesStyle, STYLE_COUNT } from '../../src/lib/site/chart-presentation.ts';
import { fileURLToPath } from 'node:url';
import {
  appealsChart,
  balanceChart,
  chartSummary,
  outcomeChart,
  proactiveCharts,
  valueText,
  type Point,
} from '../../src/lib/figures/series.ts';
import { APPEALS_ROWS } from '../../src/lib/template/declarations.ts';

const archive = loadArchive(PROJECT_ROOT);
const shanghai2019 = archive.reports.find((r) => r.id === 'shanghai-shizhengfu-bangongting/2019')!;
const jiyuan = archive.reports.find((r) => r.id === 'jiyuan-gongan/2020')!;
const frame = { id: 'x', categoryHeader: '年度', horizontal: false };
const point = (r: typeof jiyuan): Point => ({ label: `${r.year} 年度`, tables: [r.tables] });

describe('one style per measure across the site', () => {
  it('gives a measure the same style on every chart, and each chart distinct styles', () => {
    // 结果纠正 of 行政复议 and of 行政诉讼 look the same.
    expect(seriesStyle('appeals.review.corrected')).toBe(
      seriesStyle('appeals.litigation_direct.corrected'),
    );
    const charts = [
      balanceChart(frame, [point(jiyuan)], [2019]),
      ...APPEALS_ROWS.map((r) => appealsChart(frame, [point(jiyuan)], [2019], r.id)),
      ...proactiveCharts(frame, [point(jiyuan)], [2019]),
      ...proactiveCharts(frame, [point(shanghai2019)], [2021]),
    ];
    for (const spec of charts) {
      const styles = spec.series.map((s) => seriesStyle(s.id));
      expect(new Set(styles).size, spec.id).toBe(styles.length);
      for (const s of styles) expect(s).toBeLessThan(STYLE_COUNT);
    }
  });

  it('refuses a measure without a style rather than guessing one', () => {
    expect(() => seriesStyle('applications.unknown')).toThrow('No chart style for the measure');
  });
});

describe('empty and blank series', () => {
  it('replaces a chart whose values are all 0 with a sentence', () => {
    // 复议后起诉 of 上海 2019 is blank in every column; 济源 2020's appeals are all 0.
    const zeros = appealsChart(frame, [point(jiyuan)], [2019], 'litigation_after_review');
    expect(zeros.series.every((s) => s.values.every((v) => v === 0))).toBe(true);
    const shown = presentChart(zeros);
    expect(shown.data).toBeNull();
    expect(shown.empty).toBe('本图各项数字均为 0，不作图；数字见下表。');
    const blank = presentChart(
      appealsChart(frame, [point(shanghai2019)], [2019], 'litigation_after_review'),
    );
    expect(blank.data).toBeNull();
    expect(blank.empty).toBe('本图各项数字原文均为空白（未填写），不作图；见下表。');
  });

  it('takes zero-only series off the canvas with a note, keeps the others', () => {
    const spec = appealsChart(frame, [point(shanghai2019)], [2019], 'review');
    const shown = presentChart(spec);
    expect(shown.data?.datasets.map((d) => [d.label, d.data, d.style])).toEqual([
      ['结果维持', [5], seriesStyle('appeals.review.upheld')],
      ['尚未审结', [2], seriesStyle('appeals.review.pending')],
    ]);
    expect(shown.empty).toBeNull();
  });

  it('says where blank totals leave bars short, so the balance caption stays true', () => {
    const spec = balanceChart(frame, [point(shanghai2019)], [2019]);
    const shown = presentChart(spec);
    expect(shown.notes).toContain(
      '2019 年度：有报告把图中的部分数字留空（原文未填写），图中不计入这些格，柱因此偏短；两根柱不等高未必表示数字不符。',
    );
  });
});

describe('not printed is not blank in charts', () => {
  // 2021 prints 表四 only as an image and （六）其他处理 as one row; 2022 表二; 2023 表三; 2024 none.
  const site = loadArchive(
    fileURLToPath(new URL('../fixtures/not-printed-site', import.meta.url)),
  ).reports;
  const byYear = site.map(point);

  it('leaves a not-printed table out of the picture and says so, never 0 or 空白', () => {
    const spec = appealsChart(frame, byYear, [2019, 2021], 'review');
    const upheld = spec.series.find((s) => s.id === 'appeals.review.upheld')!;
    expect(upheld.values).toEqual([0, undefined, 2, 1, undefined]);
    expect(upheld.notPrinted).toEqual([null, 'appeals', null, null, 'appeals']);
    expect(upheld.blanks).toEqual([false, false, false, false, false]);
    const shown = presentChart(spec);
    expect(shown.notes).toContain(
      '2021 年度、2024 年度：原文未以文字印出表四，图中空缺（不是 0，也不是空白）。',
    );
    expect(shown.notes.join('')).not.toContain('留空');
    expect(shown.data?.datasets.find((d) => d.label === '结果维持')?.data).toEqual([
      0,
      null,
      2,
      1,
      null,
    ]);
    expect(chartSummary(shown.spec)).toContain('2021 年度：结果维持 原文未以文字印出表四');
  });

  it('says which years were not printed beside a chart of zeros', () => {
    const shown = presentChart(
      appealsChart(frame, byYear, [2019, 2021], 'litigation_after_review'),
    );
    expect(shown.empty).toBe('本图各项数字均为 0，不作图；数字见下表。');
    expect(shown.notes).toEqual([
      '2021 年度、2024 年度：原文未以文字印出表四，图中空缺（不是 0，也不是空白）。',
    ]);
  });

  it('replaces a chart with nothing printed by a sentence', () => {
    const spec = appealsChart(frame, [point(site[1]!)], [2021], 'review');
    const shown = presentChart(spec);
    expect(shown.data).toBeNull();
    expect(shown.empty).toBe('原文未以文字印出表四，本图没有可画的数字，不作图。');
  });

  it('reads （六）其他处理 printed as one row as the category total', () => {
    const spec = outcomeChart(frame, byYear, [2019, 2021]);
    const other = spec.series.find((s) => s.id === 'outcome.other')!;
    expect(other.values).toEqual([0, 1, 1, undefined, undefined]);
    expect(other.notPrinted).toEqual([null, null, null, 'applications', 'applications']);
  });

  it('sums a year without the reports that did not print the figure, and says so', () => {
    const year: Point = { label: '合计', tables: [site[1]!.tables, site[2]!.tables] };
    const spec = appealsChart(frame, [year], [2021], 'review');
    expect(spec.series.map((s) => s.values[0])).toEqual([2, 1, 0, 0]);
    expect(presentChart(spec).notes).toContain(
      '合计：有报告原文未以文字印出表四，图和表中的数字不含这些报告。',
    );
  });

  it('names 表二 charts of a report that printed 表二 only as an image', () => {
    const [first] = proactiveCharts(frame, [point(site[2]!)], [2021]);
    expect(first!.series[0]!.notPrinted).toEqual(['proactive']);
    expect(valueText(first!.series[0]!.values[0], first!.series[0]!.notPrinted![0])).toBe(
      '原文未以文字印出表二',
    );
  });
});
