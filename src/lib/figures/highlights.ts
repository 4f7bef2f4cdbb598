/**
 * 本年要点: the few figures a citizen looks for first, for one report, with where each comes from.
 *
 * Every figure is read from the printed cells. A total the original left blank is computed from the
 * cells its sum rule adds up (the rule's other side) and marked `computed` (「由分项计算」); a figure
 * any of whose inputs was not printed at all is `not_printed` (「原文未以文字印出此表」 or
 * 「原文未单列」, see `printed.ts`), never a number, never blank. A category total whose sub-rows the
 * original printed as one row reads that row.
 *
 * The change from the agency's previous report is given only for figures the two reports' template
 * versions both print the same way (`measures.ts`), and only when both values are numbers.
 */

import { blankAwareSum, type ReportTables } from '../template/model.ts';
import { checksFor } from '../template/rules.ts';
import {
  appealsMeasures,
  carriedForwardMeasure,
  handledMeasure,
  intakeMeasures,
  type Measure,
} from './measures.ts';
import { disclosureRate, formatRate, type RateDefinition } from './rates.ts';
import type { TemplateVersion } from '../template/declarations.ts';
import {
  notPrintedText,
  notPrintedReason,
  printedPaths,
  type NotPrintedReason,
} from './printed.ts';

/** A figure's value in one report. */
export type Figure =
  | {
      readonly kind: 'value';
      readonly value: number;
      /** True when a blank printed total was computed from its parts (「由分项计算」). */
      readonly computed: boolean;
    }
  /** Printed blank and nothing to compute it from. */
  | { readonly kind: 'blank' }
  /** At least one input was not printed in the original; the reason of the first such input. */
  | { readonly kind: 'not_printed'; readonly reason: NotPrintedReason };

const BLANK: Figure = { kind: 'blank' };
const notPrinted = (reason: NotPrintedReason) => ({ kind: 'not_printed', reason }) as const;

/**
 * The sum rule whose target is `path` alone (a 总计 cell or a total row), if any: the first in the
 * rules' stable order (for 三（七）总计's 总计 cell, the sum across its row).
 */
function totalRuleParts(version: TemplateVersion, path: string): readonly string[] | undefined {
  return checksFor(version).find((c) => c.left.length === 1 && c.left[0] === path)?.right;
}

/**
 * One printed cell (or a group printed as one row, by its `combined` path); a blank total is
 * computed from its parts. A cell the version does not declare counts as not split out.
 */
export function cellFigure(tables: ReportTables, path: string): Figure {
  const reason = notPrintedReason(tables, path);
  if (reason) return notPrinted(reason);
  if (path in tables.combined) {
    const v = tables.combined[path] ?? null;
    return v === null ? BLANK : { kind: 'value', value: v, computed: false };
  }
  const value = tables.cells[path];
  if (value === undefined) return notPrinted('row');
  if (value !== null) return { kind: 'value', value, computed: false };
  const parts = totalRuleParts(tables.template, path);
  if (!parts) return BLANK;
  // A blank total is blank, not "not printed", even when some of its parts were not printed: it
  // is then not computed (a sum missing a part would be a guess).
  const figures = printedPaths(tables, parts).map((p) => cellFigure(tables, p));
  if (figures.some((f) => f.kind === 'not_printed')) return BLANK;
  const sum = blankAwareSum(figures.map((f) => (f.kind === 'value' ? f.value : null)));
  return sum === null ? BLANK : { kind: 'value', value: sum, computed: true };
}

/** The sum of several figures: not printed if any is, blank if all are, computed if any is. */
export function sumFigures(figures: readonly Figure[]): Figure {
  const unprinted = figures.find((f) => f.kind === 'not_printed');
  if (unprinted) return unprinted;
  const values = figures.filter((f) => f.kind === 'value');
  if (values.length === 0) return BLANK;
  const total = blankAwareSum(values.map((f) => f.value));
  return { kind: 'value', value: total ?? 0, computed: values.some((f) => f.computed) };
}

/** A measure's figure in one report; not printed when the report's version lacks it. */
export function measureFigure(measure: Measure, tables: ReportTables): Figure {
  const paths = measure.paths[tables.template];
  if (!paths) return notPrinted('row');
  return sumFigures(printedPaths(tables, paths).map((p) => cellFigure(tables, p)));
}

/** A rate in one report: undefined value when the denominator is 0 or blank. */
export type RateFigure =
  | { readonly kind: 'value'; readonly value: number; readonly computed: boolean }
  | { readonly kind: 'undefined' }
  | { readonly kind: 'not_printed'; readonly reason: NotPrintedReason };

export function rateFigure(rate: RateDefinition, tables: ReportTables): RateFigure {
  const denominator = measureFigure(rate.denominator, tables);
  const numerator = sumFigures(rate.numerator.map((m) => measureFigure(m, tables)));
  if (denominator.kind === 'not_printed') return denominator;
  if (numerator.kind === 'not_printed') return numerator;
  if (denominator.kind === 'blank' || denominator.value === 0) return { kind: 'undefined' };
  const top = numerator.kind === 'value' ? numerator.value : 0;
  return {
    kind: 'value',
    value: top / denominator.value,
    computed: denominator.computed || (numerator.kind === 'value' && numerator.computed),
  };
}

/** A highlight line: a figure, the measures it adds up, and its change from the previous report. */
export interface Highlight {
  readonly id: string;
  /** Plain Chinese for the line, e.g. 本年新收申请. */
  readonly label: string;
  readonly figure: Figure;
  /** The cells it reads (for links to the table rows). */
  readonly cells: readonly string[];
  /** Difference from the previous report; undefined when not comparable or not both numbers. */
  readonly change?: number;
}

export interface AppealsHighlight {
  readonly id: 'review' | 'litigation';
  readonly label: string;
  readonly total: Figure;
  readonly corrected: Figure;
  readonly cells: readonly string[];
  readonly change?: number;
}

export interface ReportHighlights {
  readonly received: Highlight;
  readonly carriedOver: Highlight;
  readonly handled: Highlight;
  readonly carriedForward: Highlight;
  readonly rate: {
    readonly definition: RateDefinition;
    readonly figure: RateFigure;
    readonly cells: readonly string[];
    /** Change in percentage points, rounded to 0.1. */
    readonly change?: number;
  };
  readonly appeals: readonly AppealsHighlight[];
  /** The previous report compared against, when there is one. */
  readonly previous?: { readonly year: number };
  /** Whether any shown figure was computed from its parts. */
  readonly anyComputed: boolean;
}

const difference = (a: Figure, b: Figure | undefined): number | undefined =>
  b && a.kind === 'value' && b.kind === 'value'
    ? Number((a.value - b.value).toFixed(6))
    : undefined;

/** True when a measure reads cells in both reports' versions (comparable across them). */
const comparable = (m: Measure, a: TemplateVersion, b: TemplateVersion) =>
  m.paths[a] !== undefined && m.paths[b] !== undefined;

const measurePaths = (m: Measure, v: TemplateVersion) => m.paths[v] ?? [];

/** The measures the highlights read, for one pair of template versions. */
interface HighlightMeasures {
  readonly received: Measure;
  readonly carriedOver: Measure;
  readonly handled: Measure;
  readonly carriedForward: Measure;
  readonly rate: RateDefinition;
  readonly review: readonly (readonly Measure[])[];
  readonly litigation: readonly (readonly Measure[])[];
}

/*
 * The measures depend on the template versions only (at most four pairs), but were worked out
 * again for every report page: kept here, and shared read-only by every report's highlights.
 */
const measuresByVersions = new Map<string, HighlightMeasures>();

function highlightMeasures(versions: readonly TemplateVersion[]): HighlightMeasures {
  const key = versions.join(',');
  const cached = measuresByVersions.get(key);
  if (cached) return cached;
  const [received, carriedOver] = intakeMeasures(versions);
  const appeals = (rows: readonly string[]) =>
    rows.map((r) => appealsMeasures(r, versions, { withTotal: true }));
  const out: HighlightMeasures = {
    received: received!,
    carriedOver: carriedOver!,
    handled: handledMeasure(versions),
    carriedForward: carriedForwardMeasure(versions),
    rate: disclosureRate(versions),
    review: appeals(['review']),
    litigation: appeals(['litigation_direct', 'litigation_after_review']),
  };
  measuresByVersions.set(key, out);
  return out;
}

/**
 * The highlights of `tables`, compared with `previous` (the same agency's latest earlier report)
 * where the figure is comparable.
 */
export function reportHighlights(
  tables: ReportTables,
  previous?: { readonly year: number; readonly tables: ReportTables },
): ReportHighlights {
  const v = tables.template;
  const versions: TemplateVersion[] = previous ? [v, previous.tables.template] : [v];
  const pv = previous?.tables.template;
  const line = (id: string, label: string, m: Measure): Highlight => {
    const figure = measureFigure(m, tables);
    const before =
      previous && pv !== undefined && comparable(m, v, pv)
        ? measureFigure(m, previous.tables)
        : undefined;
    const change = difference(figure, before);
    return {
      id,
      label,
      figure,
      cells: measurePaths(m, v),
      ...(change !== undefined ? { change } : {}),
    };
  };
  const measures = highlightMeasures(versions);
  const definition = measures.rate;
  const rate = rateFigure(definition, tables);
  const rateBefore = previous ? rateFigure(definition, previous.tables) : undefined;
  const rateChange =
    rate.kind === 'value' && rateBefore?.kind === 'value'
      ? Math.round((rate.value - rateBefore.value) * 1000) / 10
      : undefined;

  const appealsLine = (
    id: 'review' | 'litigation',
    label: string,
    rows: readonly (readonly Measure[])[],
  ): AppealsHighlight => {
    const pick = (col: string) => rows.map((ms) => ms.find((m) => m.id.endsWith(`.${col}`))!);
    const totals = pick('total');
    const total = sumFigures(totals.map((m) => measureFigure(m, tables)));
    const corrected = sumFigures(pick('corrected').map((m) => measureFigure(m, tables)));
    const before = previous
      ? sumFigures(totals.map((m) => measureFigure(m, previous.tables)))
      : undefined;
    const change = difference(total, before);
    return {
      id,
      label,
      total,
      corrected,
      cells: rows.flat().flatMap((m) => measurePaths(m, v)),
      ...(change !== undefined ? { change } : {}),
    };
  };

  const lines = {
    received: line('received', '本年新收申请', measures.received),
    carriedOver: line('carried_over', '上年结转申请', measures.carriedOver),
    handled: line('handled', '本年办结申请', measures.handled),
    carriedForward: line('carried_forward', '转入下年继续办理', measures.carriedForward),
  };
  const appeals = [
    appealsLine('review', '行政复议', measures.review),
    appealsLine('litigation', '行政诉讼', measures.litigation),
  ];
  const figures: (Figure | RateFigure)[] = [
    ...Object.values(lines).map((l) => l.figure),
    rate,
    ...appeals.flatMap((a) => [a.total, a.corrected]),
  ];
  return {
    ...lines,
    rate: {
      definition,
      figure: rate,
      cells: [...definition.numerator, definition.denominator].flatMap((m) => measurePaths(m, v)),
      ...(rateChange !== undefined ? { change: rateChange } : {}),
    },
    appeals,
    ...(previous ? { previous: { year: previous.year } } : {}),
    anyComputed: figures.some((f) => f.kind === 'value' && f.computed),
  };
}

/** The figure as shown: 「805」, 「原文空白」, 「原文未以文字印出此表」, 「原文未单列」. */
export function figureText(f: Figure): string {
  if (f.kind === 'value') return String(f.value);
  return f.kind === 'blank' ? '原文空白' : notPrintedText(f.reason);
}

/** The rate as shown: 「34.2%」, 「无法计算（办结数为 0 或空白）」, or why it was not printed. */
export function rateText(f: RateFigure): string {
  if (f.kind === 'value') return formatRate(f.value);
  return f.kind === 'undefined' ? '无法计算（办结数为 0 或空白）' : notPrintedText(f.reason);
}

/** A change as shown: 「比上一份报告多 12」, 「少 3」, 「持平」; with unit for rates. */
export function changeText(change: number, unit = ''): string {
  if (change === 0) return '持平';
  const abs = Math.abs(change);
  const n = unit === '个百分点' ? abs.toFixed(1) : String(abs);
  return `${change > 0 ? '增加' : '减少'} ${n}${unit}`;
}

/**
 * The reports of each agency, oldest first, grouped in one pass. Pages look an agency's reports up
 * here instead of filtering the whole archive per page: per page that was a scan of every report,
 * which at 50,000 reports is 2.5 billion comparisons (docs/performance.md).
 */
export function reportsByAgency<
  T extends { readonly agency: { readonly id: string }; readonly year: number },
>(reports: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const r of reports) {
    const list = out.get(r.agency.id);
    if (list) list.push(r);
    else out.set(r.agency.id, [r]);
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}

/** The latest report of the same agency before `year`, if any, from `reportsByAgency`. */
export function previousReport<T extends { readonly year: number }>(
  byAgency: ReadonlyMap<string, readonly T[]>,
  agencyId: string,
  year: number,
): T | undefined {
  const list = byAgency.get(agencyId) ?? [];
  let before: T | undefined;
  for (const r of list) if (r.year < year) before = r;
  return before;
}
