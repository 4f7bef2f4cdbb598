/**
 * Chart series, computed from the measures of `measures.ts` (themselves derived from the template
 * declarations). A chart is a `ChartSpec`: the page renders it as a table on the server (the
 * truth for screen readers, print, search and readers without JavaScript) and hands the same
 * spec to the canvas. Pure functions: no Astro, no DOM.
 */

import { blankAwareSum, type ReportTables } from '../template/model.ts';
import {
  appealsMeasures,
  appealsRowLabel,
  carriedForwardMeasure,
  intakeMeasures,
  measurePrinted,
  measureValue,
  outcomeMeasures,
  proactiveComparabilityNote,
  sharedProactiveGroups,
  type Measure,
} from './measures.ts';
import { RULES } from '../template/rules.ts';
import { notPrintedText, type NotPrintedReason } from './printed.ts';
import {
  APPLICATION_COLUMNS,
  TABLE_SHORT,
  type TemplateVersion,
} from '../template/declarations.ts';

const TOTAL_COLUMN = APPLICATION_COLUMNS.find((c) => c.id === 'total')?.label ?? 'total';

/** One bar series: a value per category. undefined: the report's version lacks the figure. */
export interface Series {
  readonly id: string;
  /** The printed label, for the table header: （一）予以公开. */
  readonly label: string;
  /** For the legend and the summary: 予以公开. */
  readonly short: string;
  readonly values: readonly (number | null | undefined)[];
  /** Unit printed beside each value, where the report prints one (2019 采购总金额). */
  readonly units?: readonly (string | null)[];
  /** Bars with the same stack id are stacked. */
  readonly stack?: string;
  /** False: shown in the table only (e.g. amounts in different units cannot share an axis). */
  readonly chart: boolean;
  /** Per category: true where a report of the category left the figure blank (not counted). */
  readonly blanks?: readonly boolean[];
  /**
   * Per category: why a report of the category did not print the figure (null where all did).
   * Such a report is left out of the value, never counted as blank or 0; when no report of the
   * category printed it, the value is undefined.
   */
  readonly notPrinted?: readonly (NotPrintedReason | null)[];
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** Bar charts only: the one kind chart-draw registers. */
  readonly type: 'bar';
  readonly horizontal: boolean;
  readonly stacked: boolean;
  /** Header of the category column of the table: 年度 or 机构. */
  readonly categoryHeader: string;
  readonly categories: readonly string[];
  /** Site paths (without base) the category labels link to, if any. */
  readonly categoryLinks?: readonly (string | null)[];
  /** What the values count, for the axis and the summary: 件, 万元… */
  readonly unit: string;
  readonly series: readonly Series[];
  /** Sentences shown with the chart: what is not compared, what is left out of the picture. */
  readonly notes: readonly string[];
  /** How to read the chart, shown above it. */
  readonly description?: string;
}

/** A category of a chart: one report, or several whose figures are summed (a year of the archive). */
export interface Point {
  readonly label: string;
  readonly link?: string | null;
  readonly tables: readonly ReportTables[];
}

/**
 * A measure over several reports: the sum of the filled values; null when all are blank;
 * undefined when no report's version has the figure or none printed it.
 */
export function pointValue(measure: Measure, point: Point): number | null | undefined {
  const values = point.tables.map((t) => measureValue(measure, t));
  return values.every((v) => v === undefined) ? undefined : blankAwareSum(values);
}

/** Why a report of the point did not print the measure (the first such report), or null. */
export function pointNotPrinted(measure: Measure, point: Point): NotPrintedReason | null {
  for (const t of point.tables) {
    const printed = measurePrinted(measure, t);
    if (printed?.kind === 'not_printed') return printed.reason;
  }
  return null;
}

/** Per-category flags of a series: blank and not-printed reports. */
const flagsOf = (m: Measure, points: readonly Point[]) => {
  const notPrinted = points.map((p) => pointNotPrinted(m, p));
  return {
    blanks: points.map((p) => p.tables.some((t) => measureValue(m, t) === null)),
    ...(notPrinted.some((r) => r !== null) ? { notPrinted } : {}),
  };
};

const seriesOf = (measures: readonly Measure[], points: readonly Point[], stack?: string) =>
  measures.map((m): Series => ({
    id: m.id,
    label: m.label,
    short: m.short,
    values: points.map((p) => pointValue(m, p)),
    ...flagsOf(m, points),
    ...(stack ? { stack } : {}),
    chart: true,
  }));

interface Frame {
  readonly id: string;
  readonly categoryHeader: string;
  readonly horizontal: boolean;
}

const base = (frame: Frame, points: readonly Point[]) => ({
  categoryHeader: frame.categoryHeader,
  categories: points.map((p) => p.label),
  ...(points.some((p) => p.link) ? { categoryLinks: points.map((p) => p.link ?? null) } : {}),
  horizontal: frame.horizontal,
});

/** 一、本年新收 and 二、上年结转 (总计 column), stacked: the applications an agency had to handle. */
export function intakeChart(
  frame: Frame,
  points: readonly Point[],
  versions: readonly TemplateVersion[],
): ChartSpec {
  const measures = intakeMeasures(versions);
  return {
    id: `${frame.id}-intake`,
    title: `收到的申请（${measures.map((m) => m.short).join('与')}）`,
    type: 'bar',
    stacked: true,
    unit: '件',
    series: seriesOf(measures, points, 'intake'),
    notes: [],
    ...base(frame, points),
  };
}

/** The outcome categories （一）…（六） of 三、本年度办理结果 (总计 column), stacked. */
export function outcomeChart(
  frame: Frame,
  points: readonly Point[],
  versions: readonly TemplateVersion[],
  notes: readonly string[] = [],
): ChartSpec {
  return {
    id: `${frame.id}-outcomes`,
    title: '申请的办理结果（按类别）',
    type: 'bar',
    stacked: true,
    unit: '件',
    series: seriesOf(outcomeMeasures(versions), points, 'outcomes'),
    notes,
    ...base(frame, points),
  };
}

/**
 * Applications in and out, side by side per category: 一 + 二 stacked in one bar, the outcome
 * categories + 四 in the other. Where the published numbers balance (rule 1) the bars are equal.
 */
export function balanceChart(
  frame: Frame,
  points: readonly Point[],
  versions: readonly TemplateVersion[],
): ChartSpec {
  const intake = intakeMeasures(versions);
  const handled = [...outcomeMeasures(versions), carriedForwardMeasure(versions)];
  const shorts = (ms: readonly Measure[]) => ms.map((m) => m.short).join('、');
  return {
    id: `${frame.id}-balance`,
    title: '收到的申请与办理情况',
    type: 'bar',
    stacked: true,
    unit: '件',
    series: [...seriesOf(intake, points, 'received'), ...seriesOf(handled, points, 'handled')],
    notes: [],
    description: `每组两根柱：一根为收到的申请（${shorts(intake)}），一根为办理结果与结转（${shorts(handled)}），均取${TABLE_SHORT.applications}「${TOTAL_COLUMN}」列，多份报告时为其和。数字相符时两根柱等高（${RULES.balance.formula}）。`,
    ...base(frame, points),
  };
}

/** One row of table 四 (行政复议, 未经复议直接起诉 or 复议后起诉) by result, stacked. */
export function appealsChart(
  frame: Frame,
  points: readonly Point[],
  versions: readonly TemplateVersion[],
  rowId: string,
): ChartSpec {
  return {
    id: `${frame.id}-appeals-${rowId.replaceAll('_', '-')}`,
    title: `${appealsRowLabel(rowId)}案件及结果`,
    type: 'bar',
    stacked: true,
    unit: '件',
    series: seriesOf(appealsMeasures(rowId, versions), points, rowId),
    notes: [],
    ...base(frame, points),
  };
}

/**
 * Table 二: one chart per sub-table of the cells every version prints, counts apart from money.
 * A money column whose unit differs between reports (2019 采购总金额 in 元 or 万元) is left out of
 * the picture and kept in the table, with a note.
 */
export function proactiveCharts(
  frame: Frame,
  points: readonly Point[],
  versions: readonly TemplateVersion[],
): ChartSpec[] {
  const comparability = proactiveComparabilityNote(versions);
  return sharedProactiveGroups(versions).map((group, i) => {
    const notes: string[] = i === 0 && comparability ? [comparability] : [];
    // Legends stay short at 360 px: name only what differs between the group's cells.
    const single = group.cells.length === 1;
    const oneColumn = new Set(group.cells.map((c) => c.column)).size === 1;
    const oneRow = new Set(group.cells.map((c) => c.rowLabel)).size === 1;
    const series = group.cells.map((cell): Series => {
      const measure: Measure = {
        id: cell.path,
        label: cell.label,
        short: cell.label,
        paths: Object.fromEntries(versions.map((v) => [v, [cell.path]])),
      };
      const values = points.map((p) => pointValue(measure, p));
      const units = points.map((p) => {
        const us = [...new Set(p.tables.map((t) => t.units[cell.path] ?? null))];
        return us.length === 1 ? (us[0] ?? null) : null;
      });
      const mixedWithin = points.some(
        (p) => new Set(p.tables.map((t) => t.units[cell.path] ?? null)).size > 1,
      );
      const hasUnit = units.some((u) => u !== null) || mixedWithin;
      const distinct = new Set(units);
      const comparable = !mixedWithin && distinct.size <= 1;
      if (!comparable) {
        notes.push(
          `「${cell.label}」各报告所用单位不同（${[...distinct].map((u) => u ?? '未注明').join('、')}），不能画在同一坐标上，只列在表中。`,
        );
      }
      const unit = comparable ? [...distinct][0] : null;
      const { notPrinted } = flagsOf(measure, points);
      return {
        id: cell.path,
        ...(notPrinted ? { notPrinted } : {}),
        label: unit ? `${cell.label}（${unit}）` : cell.label,
        short: `${single ? cell.label : oneColumn ? cell.rowLabel : oneRow ? cell.column : cell.label}${unit ? `（${unit}）` : ''}`,
        values,
        ...(hasUnit ? { units } : {}),
        chart: comparable,
      };
    });
    return {
      id: `${frame.id}-proactive-${i + 1}`,
      title: `主动公开：${group.heading}${group.money ? '（金额）' : ''}`,
      type: 'bar',
      stacked: false,
      unit: group.money ? '金额' : '数量',
      series,
      notes,
      ...base(frame, points),
    };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Text                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * A value as the table and the summary show it: the published number, 空白, 不适用, or why the
 * original did not print it (「原文未以文字印出此表」 / 「原文未单列」).
 */
export function valueText(
  value: number | null | undefined,
  notPrinted: NotPrintedReason | null = null,
): string {
  if (value === undefined) return notPrinted ? notPrintedText(notPrinted) : '不适用';
  if (value === null) return '空白';
  return String(value);
}

/** How many categories the summary spells out before it refers to the table. */
export const SUMMARY_CATEGORIES = 8;

/**
 * The Chinese text alternative of a chart's canvas: what it shows and its numbers (for a long
 * chart, the first categories), then a pointer to the table below.
 */
export function chartSummary(spec: ChartSpec): string {
  const shown = spec.series.filter((s) => s.chart);
  const kind = spec.stacked ? '堆叠柱状图' : '柱状图';
  const axis = spec.categoryHeader === '年度' ? '按年度' : `按${spec.categoryHeader}`;
  const head = `${kind}：${spec.title}，${axis}，共 ${spec.categories.length} 组，图例为${shown.map((s) => `「${s.short}」`).join('')}。`;
  const rows = spec.categories.slice(0, SUMMARY_CATEGORIES).map((category, i) => {
    const parts = shown.map((s) => `${s.short} ${valueText(s.values[i], s.notPrinted?.[i])}`);
    return `${category}：${parts.join('，')}`;
  });
  const more =
    spec.categories.length > SUMMARY_CATEGORIES
      ? `；其余 ${spec.categories.length - SUMMARY_CATEGORIES} 组`
      : '';
  return `${head}${rows.join('；')}${more}。完整数字见图下的表格。`;
}

/** Categories a chart draws at most; the table always lists all of them. */
export const MAX_CHART_CATEGORIES = 60;

/** Size class reserving the chart's height before it draws (no layout shift). */
export function chartSize(spec: ChartSpec): string {
  // A long legend takes height from the plot: give it more room.
  if (!spec.horizontal)
    return spec.series.filter((x) => x.chart).length > 6 ? 'chart--l' : 'chart--m';
  const n = Math.min(spec.categories.length, MAX_CHART_CATEGORIES);
  for (const limit of [4, 8, 12, 16, 24, 32, 48]) if (n <= limit) return `chart--rows-${limit}`;
  return `chart--rows-${MAX_CHART_CATEGORIES}`;
}

/** The data the canvas draws: only charted series, at most MAX_CHART_CATEGORIES categories. */
export interface ChartData {
  readonly type: 'bar';
  readonly horizontal: boolean;
  readonly stacked: boolean;
  readonly unit: string;
  readonly labels: readonly string[];
  readonly datasets: readonly {
    readonly label: string;
    readonly data: readonly (number | null)[];
    readonly stack?: string;
  }[];
}

export function chartData(spec: ChartSpec): ChartData {
  const n = Math.min(spec.categories.length, MAX_CHART_CATEGORIES);
  return {
    type: spec.type,
    horizontal: spec.horizontal,
    stacked: spec.stacked,
    unit: spec.unit,
    labels: spec.categories.slice(0, n),
    datasets: spec.series
      .filter((s) => s.chart)
      .map((s) => ({
        label: s.short,
        data: s.values.slice(0, n).map((v) => (v === undefined ? null : v)),
        ...(s.stack ? { stack: s.stack } : {}),
      })),
  };
}

/** Notes to show with a chart, including the cut of a long chart. */
export function chartNotes(spec: ChartSpec): string[] {
  const notes = [...spec.notes];
  if (spec.categories.length > MAX_CHART_CATEGORIES) {
    notes.push(
      `图中只画出前 ${MAX_CHART_CATEGORIES} 组（共 ${spec.categories.length} 组），完整数字见下表。`,
    );
  }
  return notes;
}
