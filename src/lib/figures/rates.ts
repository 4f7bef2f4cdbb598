/**
 * Derived rates. Each is defined once here, with its formula in the template's own labels and the
 * cells it reads, so that a page can print the definition next to the number.
 */

import { blankAwareSum, type ReportTables } from '../template/model.ts';
import { handledMeasure, measureValue, outcomeMeasures, type Measure } from './measures.ts';
import {
  APPLICATION_COLUMNS,
  TABLE_SHORT,
  type TemplateVersion,
} from '../template/declarations.ts';

export interface RateDefinition {
  readonly id: string;
  readonly name: string;
  readonly numerator: readonly Measure[];
  readonly denominator: Measure;
  /** 公开率 = （（一）予以公开 + （二）部分公开）÷（七）总计 */
  readonly formula: string;
  /** Where the numbers come from, in printed labels. */
  readonly source: string;
  /** When the rate is not computed, and how it is rounded. */
  readonly note: string;
}

const totalColumn = APPLICATION_COLUMNS.find((c) => c.id === 'total')?.label ?? '总计';

/** 公开率: the share of handled applications that were disclosed in full or in part. */
export function disclosureRate(versions: readonly TemplateVersion[]): RateDefinition {
  const outcomes = outcomeMeasures(versions);
  const numerator = ['outcome.disclosed', 'outcome.partially_disclosed'].map((id) => {
    const m = outcomes.find((o) => o.id === id);
    if (!m) throw new Error(`No outcome ${id}`);
    return m;
  });
  const denominator = handledMeasure(versions);
  const short = (m: Measure) => m.label.replace(/（[^（）]*）$/u, '');
  return {
    id: 'disclosure_rate',
    name: '公开率',
    numerator,
    denominator,
    formula: `公开率 = （${numerator.map(short).join(' + ')}）÷ ${short(denominator)}`,
    note: `「${short(denominator)}」为 0 或空白时不计算；四舍五入到 0.1%。`,
    source: `${TABLE_SHORT.applications}${[...numerator, denominator].map((m) => `「${short(m)}」`).join('')}行的「${totalColumn}」列`,
  };
}

/**
 * A rate's value for one report, between 0 and 1; null when it is undefined (a blank or zero
 * denominator, or blank numerators), undefined when the report's version lacks a figure.
 */
export function rateValue(rate: RateDefinition, tables: ReportTables): number | null | undefined {
  const denominator = measureValue(rate.denominator, tables);
  const parts = rate.numerator.map((m) => measureValue(m, tables));
  if (denominator === undefined || parts.some((p) => p === undefined)) return undefined;
  if (denominator === null || denominator === 0) return null;
  const numerator = blankAwareSum(parts);
  return numerator === null ? null : numerator / denominator;
}

/** 0.58450704 → 「58.5%」 (one decimal, half away from zero). */
export function formatRate(value: number): string {
  // 201/400 * 1000 is 502.49999999999994 in floating point: settle it to nine decimals first, so
  // exact halves of counts round away from zero as printed.
  const tenths = Math.round(Number((value * 1000).toFixed(9)));
  return `${(tenths / 10).toFixed(1)}%`;
}
