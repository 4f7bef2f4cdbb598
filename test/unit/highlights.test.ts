/**
 * 本年要点: exact figures of the demo reports (numbers read off the YAML by hand), blank totals
 * computed from their rows and marked, not-printed inputs never turned into a number, and the
 * change from the previous report only where comparable.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  cellFigure,
  changeText,
  measureFigure,
  figureText,
  previousReport,
  reportsByAgency,
  rateText,
  reportHighlights,
} from '../../src/lib/figures/highlights.ts';
import { outcomeMeasures } from '../../src/lib/figures/measures.ts';
import type { ReportTables } from '../../src/lib/template/model.ts';

const archive = loadArchive(fileURLToPath(new URL('../../', import.meta.url)));
const report = (id: string) => {
  const r = archive.reports.find((x) => x.id === id);
  if (!r) throw new Error(`no report ${id}`);
  return r;
};

describe('本年要点 of the 2019 上海 report (totals left blank)', () => {
  const h = reportHighlights(report('shanghai-shizhengfu-bangongting/2019').tables);

  it('reads the printed totals', () => {
    expect(figureText(h.received.figure)).toBe('859');
    expect(figureText(h.carriedOver.figure)).toBe('18');
    expect(figureText(h.handled.figure)).toBe('805');
    expect(figureText(h.carriedForward.figure)).toBe('72');
    expect(h.handled.figure).toEqual({ kind: 'value', value: 805, computed: false });
  });

  it('computes 公开率 from the rows whose 总计 was left blank, and marks it', () => {
    // 予以公开 258+12+1+1 = 272, 部分公开 3; 总计 printed 805.
    expect(h.rate.figure).toEqual({ kind: 'value', value: 275 / 805, computed: true });
    expect(rateText(h.rate.figure)).toBe('34.2%');
    expect(h.anyComputed).toBe(true);
    expect(h.rate.cells).toEqual([
      'applications.disclosed.total',
      'applications.partially_disclosed.total',
      'applications.total.total',
    ]);
  });

  it('gives 复议 and 诉讼 totals and 纠正, blank kept as blank', () => {
    const [review, litigation] = h.appeals;
    expect(review?.total).toEqual({ kind: 'value', value: 7, computed: false });
    expect(figureText(review!.corrected)).toBe('原文空白');
    // 9 printed + 复议后起诉 all blank (its total computed from blank parts stays blank).
    expect(litigation?.total).toEqual({ kind: 'value', value: 9, computed: false });
    expect(h.previous).toBeUndefined();
    expect(h.received.change).toBeUndefined();
  });
});

describe('本年要点 of the 2025 上海 report against 2019 (other template version)', () => {
  const all = archive.reports;
  const before = previousReport(reportsByAgency(all), 'shanghai-shizhengfu-bangongting', 2025)!;
  const h = reportHighlights(report('shanghai-shizhengfu-bangongting/2025').tables, before);

  it('compares with the agency’s previous report in the archive', () => {
    expect(before.year).toBe(2019);
    expect(h.previous).toEqual({ year: 2019 });
    expect(h.received.change).toBe(1295 - 859);
    expect(h.carriedOver.change).toBe(189 - 18);
    expect(h.handled.change).toBe(1191 - 805);
    expect(h.carriedForward.change).toBe(293 - 72);
    expect(h.appeals.map((a) => a.change)).toEqual([55 - 7, 12 + 22 - 9]);
  });

  it('gives the rate and its change in percentage points', () => {
    expect(rateText(h.rate.figure)).toBe('17.5%');
    expect(h.rate.figure.kind === 'value' && h.rate.figure.computed).toBe(false);
    // 208/1191 = 17.46%, 275/805 = 34.16%: 16.7 points less.
    expect(h.rate.change).toBe(-16.7);
    expect(changeText(h.rate.change!, '个百分点')).toBe('减少 16.7个百分点');
    expect(changeText(436, ' 件')).toBe('增加 436 件');
    expect(changeText(0)).toBe('持平');
  });

  it('counts 纠正 across both kinds of 诉讼', () => {
    expect(h.appeals.map((a) => figureText(a.corrected))).toEqual(['0', '0']);
  });
});

describe('a not-printed input is never a number', () => {
  // test/fixtures/not-printed-site: 2021 prints 表四 only as an image and （六）其他处理 as one row;
  // 2022 prints 表二 only as an image; 2023 表三; 2024 none of the three tables.
  const site = loadArchive(fileURLToPath(new URL('../fixtures/not-printed-site', import.meta.url)));
  const at = (year: number) => site.reports.find((r) => r.year === year)!.tables;
  const base = report('huaianshi-zhengfu/2024').tables;
  const without = (...paths: string[]): ReportTables => ({
    ...base,
    cells: Object.fromEntries(Object.entries(base.cells).filter(([p]) => !paths.includes(p))),
  });

  it('names the table printed only as an image, never 空白 or 0', () => {
    const h = reportHighlights(at(2021));
    expect(h.appeals.map((a) => [figureText(a.total), figureText(a.corrected)])).toEqual([
      ['原文未以文字印出表四', '原文未以文字印出表四'],
      ['原文未以文字印出表四', '原文未以文字印出表四'],
    ]);
    // 表三 was printed: its figures stand.
    expect(figureText(h.handled.figure)).toBe('12');
    expect(rateText(h.rate.figure)).toBe('50.0%');
    const noApplications = reportHighlights(at(2023));
    expect(
      [noApplications.received, noApplications.handled, noApplications.carriedForward].map((l) =>
        figureText(l.figure),
      ),
    ).toEqual(['原文未以文字印出表三', '原文未以文字印出表三', '原文未以文字印出表三']);
    expect(rateText(noApplications.rate.figure)).toBe('原文未以文字印出表三');
    expect(figureText(noApplications.appeals[0]!.total)).toBe('1');
  });

  it('reads （六）其他处理 printed as one row for the category, 原文未单列 for a sub-row', () => {
    const tables = at(2021);
    const other = outcomeMeasures([2021]).find((m) => m.id === 'outcome.other')!;
    expect(measureFigure(other, tables)).toEqual({ kind: 'value', value: 1, computed: false });
    expect(figureText(cellFigure(tables, 'applications.other.no_correction.total'))).toBe(
      '原文未单列',
    );
  });

  it('compares with the previous report only where both printed the figure', () => {
    const h = reportHighlights(at(2022), { year: 2021, tables: at(2021) });
    expect(h.appeals.map((a) => a.change)).toEqual([undefined, undefined]);
    expect(h.received.change).toBe(-1);
  });

  it('says 原文未单列 for a cell the version does not declare and for a rate that needs it', () => {
    const h = reportHighlights(without('applications.total.total'));
    expect(figureText(h.handled.figure)).toBe('原文未单列');
    expect(rateText(h.rate.figure)).toBe('原文未单列');
    expect(figureText(h.received.figure)).toBe('3119');
  });

  it('leaves a blank total blank when some of its parts were not printed', () => {
    const tables: ReportTables = {
      ...base,
      notPrinted: ['appeals.review.upheld'],
      cells: { ...base.cells, 'appeals.review.upheld': null, 'appeals.review.total': null },
    };
    expect(cellFigure(tables, 'appeals.review.total')).toEqual({ kind: 'blank' });
  });

  it('does not compare with a previous report whose figure is not printed', () => {
    const h = reportHighlights(base, {
      year: 2023,
      tables: without('applications.received.total'),
    });
    expect(h.received.change).toBeUndefined();
    expect(h.handled.change).toBe(0);
  });
});

describe('reportsByAgency and previousReport over many agencies', () => {
  const r = (agency: string, year: number) => ({ agency: { id: agency }, year });
  const reports = [r('a', 2020), r('b', 2021), r('a', 2023), r('a', 2019), r('c', 2024)];
  const byAgency = reportsByAgency(reports);

  it('groups each agency’s reports, oldest first', () => {
    expect(byAgency.get('a')!.map((x) => x.year)).toEqual([2019, 2020, 2023]);
    expect(byAgency.get('b')!.map((x) => x.year)).toEqual([2021]);
    expect([...byAgency.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('finds the latest earlier report of the same agency, never another agency’s', () => {
    expect(previousReport(byAgency, 'a', 2023)).toBe(reports[0]);
    expect(previousReport(byAgency, 'a', 2020)).toBe(reports[3]);
    expect(previousReport(byAgency, 'a', 2019)).toBeUndefined();
    expect(previousReport(byAgency, 'c', 2024)).toBeUndefined();
    expect(previousReport(byAgency, 'b', 2030)).toBe(reports[1]);
    expect(previousReport(byAgency, 'z', 2030)).toBeUndefined();
  });
});
