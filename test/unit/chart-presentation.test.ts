import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { presentChart, seriesStyle, STYLE_COUNT } from '../../src/lib/site/chart-presentation.ts';
import {
  appealsChart,
  balanceChart,
  proactiveCharts,
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
