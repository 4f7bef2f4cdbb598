/**
 * How a chart spec (series.ts) is shown, the same way on every page:
 *
 * - one colour and one fill pattern per measure across the whole site (`seriesStyle`): 结果纠正
 *   looks the same on the 行政复议 chart of an agency and on the 行政诉讼 chart of a year;
 * - a series that is 0 everywhere is not drawn (it would only add a legend entry) and a chart with
 *   nothing left to draw is replaced by a sentence saying so;
 * - where a report left a figure blank, a note says the bar leaves it out, so that a caption such
 *   as 「数字相符时两根柱等高」 is not read against bars that are short for that reason;
 * - where a report did not print a figure at all (a table only as an image, a row not split out),
 *   it is said so (「原文未以文字印出此表」 / 「原文未单列」), never drawn or read as 0 or blank.
 *
 * Pure functions: no Astro, no DOM.
 */

import { chartData, type ChartData, type ChartSpec, type Series } from '../figures/series.ts';
import { notPrintedText, type NotPrintedReason } from '../figures/printed.ts';
import { APPEALS_COLUMNS } from '../template/declarations.ts';
import { templateOf, templateVersions } from '../template/registry.ts';

/** Number of distinct styles (colour + pattern pairs) the canvas code knows. */
export const STYLE_COUNT = 9;

/**
 * Table 三 measures: the nine of the balance chart, each its own style, so that every chart that
 * shows them (intake, outcomes, balance) agrees.
 */
const APPLICATION_STYLES: Readonly<Record<string, number>> = {
  'applications.received': 0,
  'applications.carried_over': 1,
  'outcome.disclosed': 2,
  'outcome.partially_disclosed': 3,
  'outcome.withheld': 4,
  'outcome.unavailable': 5,
  'outcome.not_processed': 6,
  'outcome.other': 7,
  'applications.carried_forward': 8,
};

/** Table 四: by result column, whatever the row (行政复议, 行政诉讼). */
const APPEALS_STYLES: Readonly<Record<string, number>> = Object.fromEntries(
  APPEALS_COLUMNS.map((c, i) => [c.id, i]),
);

/** Table 二: a cell's position in its sub-table, the same in every chart of that sub-table. */
function proactiveStyle(path: string): number | undefined {
  const [, row, column] = path.split('.');
  for (const v of templateVersions()) {
    for (const section of templateOf(v).proactive) {
      const r = section.rows.findIndex((x) => x.id === row);
      const c = section.columns.findIndex((x) => x.id === column);
      if (r >= 0 && c >= 0) return (r * section.columns.length + c) % STYLE_COUNT;
    }
  }
  return undefined;
}

/** The style (0 … STYLE_COUNT − 1) of a series, by its measure id. */
export function seriesStyle(id: string): number {
  const fixed = APPLICATION_STYLES[id];
  if (fixed !== undefined) return fixed;
  if (id.startsWith('appeals.')) {
    const column = id.split('.').at(-1) ?? '';
    const style = APPEALS_STYLES[column];
    if (style !== undefined) return style;
  }
  if (id.startsWith('proactive.')) {
    const style = proactiveStyle(id);
    if (style !== undefined) return style;
  }
  throw new Error(`No chart style for the measure ${id}: add it to chart-presentation.ts`);
}

/** ChartData with each dataset's site-wide style. */
export type StyledChartData = Omit<ChartData, 'datasets'> & {
  readonly datasets: readonly (ChartData['datasets'][number] & { readonly style: number })[];
};

export interface PresentedChart {
  /** What the canvas draws; null when nothing is left to draw. */
  readonly data: StyledChartData | null;
  /** Said instead of the chart when there is nothing to draw. */
  readonly empty: string | null;
  /** Notes shown with the chart, after the spec's own. */
  readonly notes: readonly string[];
  /** The spec with zero-only series taken off the canvas (the table still lists them). */
  readonly spec: ChartSpec;
}

const isZero = (v: number | null | undefined) => v === 0 || v === null || v === undefined;

/**
 * Notes on categories where a charted series was not printed: none of the category's reports
 * printed it (a gap, not 0), or some did not (their figure is not in the sum).
 */
function notPrintedNotes(spec: ChartSpec, charted: readonly Series[]): string[] {
  const missing = new Map<NotPrintedReason, string[]>();
  const partial = new Map<NotPrintedReason, string[]>();
  spec.categories.forEach((category, c) => {
    for (const reason of new Set(charted.map((s) => s.notPrinted?.[c] ?? null))) {
      if (reason === null) continue;
      const hit = charted.filter((s) => s.notPrinted?.[c] === reason);
      const into = hit.every((s) => s.values[c] === undefined) ? missing : partial;
      into.set(reason, [...(into.get(reason) ?? []), category]);
    }
  });
  return [
    ...[...missing].map(
      ([reason, cats]) =>
        `${cats.join('、')}：${notPrintedText(reason)}，图中空缺（不是 0，也不是空白）。`,
    ),
    ...[...partial].map(
      ([reason, cats]) =>
        `${cats.join('、')}：有报告${notPrintedText(reason)}，图和表中的数字不含这些报告。`,
    ),
  ];
}

export function presentChart(spec: ChartSpec): PresentedChart {
  const notes: string[] = [];
  const charted = spec.series.filter((s) => s.chart);
  const zero = charted.filter((s) => s.values.every(isZero) && s.values.some((v) => v === 0));
  const blankOnly = charted.filter((s) => s.values.every((v) => v === null || v === undefined));
  const drawn = charted.filter((s) => !zero.includes(s) && !blankOnly.includes(s));
  const presented: ChartSpec = {
    ...spec,
    series: spec.series.map((s) => (drawn.includes(s) ? s : { ...s, chart: false })),
  };
  // Not printed is not blank: a value the original did not print is never read as 空白 or 0.
  const unprinted = charted.filter((s) =>
    s.values.every((v, c) => v === undefined && s.notPrinted?.[c]),
  );
  const blankish = blankOnly.filter((s) => !unprinted.includes(s));
  let empty: string | null = null;
  if (charted.length > 0 && unprinted.length === charted.length) {
    const reasons = [
      ...new Set(unprinted.flatMap((s) => s.notPrinted ?? []).filter((r) => r !== null)),
    ];
    empty = `${reasons.map((r) => notPrintedText(r)).join('、')}，本图没有可画的数字，不作图。`;
  } else {
    if (charted.length > 0 && drawn.length === 0) {
      empty =
        zero.length > 0
          ? `本图各项数字均为 0${blankish.length > 0 ? '或空白' : ''}，不作图；数字见下表。`
          : '本图各项数字原文均为空白（未填写），不作图；见下表。';
    } else if (zero.length > 0) {
      notes.push(`${zero.map((s) => `「${s.short}」`).join('')}各组均为 0，图中未画出。`);
    }
    if (drawn.length > 0) {
      const blankCategories = spec.categories.filter((_, c) =>
        charted.some((s) => s.blanks?.[c] === true || s.values[c] === null),
      );
      if (blankCategories.length > 0) {
        notes.push(
          `${blankCategories.join('、')}：有报告把图中的部分数字留空（原文未填写），图中不计入这些格，柱因此偏短${spec.description ? '；两根柱不等高未必表示数字不符' : ''}。`,
        );
      }
    }
    notes.push(...notPrintedNotes(spec, charted));
  }
  const base = chartData(presented);
  const data: StyledChartData | null =
    drawn.length === 0
      ? null
      : {
          ...base,
          datasets: base.datasets.map((d, i) => ({ ...d, style: seriesStyle(drawn[i]!.id) })),
        };
  return { data, empty, notes, spec: presented };
}
