/**
 * How the archive is browsed: agencies by level and region, years, the key figures of reports in
 * one table, and the carry-over between consecutive years of one agency. Pure functions.
 */

import { measureFigure, rateFigure, type Figure, type RateFigure } from '../figures/highlights.ts';
import { AGENCY_LEVELS, LEVEL_LABELS, type Agency, type AgencyLevel } from '../content/agencies.ts';
import type { ReportBase } from '../content/archive.ts';
import {
  appealTotalMeasures,
  carriedForwardMeasure,
  handledMeasure,
  intakeMeasures,
  measureValue,
  outcomeMeasures,
  type Measure,
} from '../figures/measures.ts';
import { compareText } from '../content/problems.ts';
import { disclosureRate, rateValue, type RateDefinition } from '../figures/rates.ts';
import type { TemplateVersion } from '../template/declarations.ts';

export interface LevelGroup {
  readonly level: AgencyLevel;
  readonly label: string;
  readonly regions: readonly { readonly region: string; readonly agencies: readonly Agency[] }[];
}

/** Agencies grouped by level (中央 → 乡镇级), then region, then name (code-point order). */
export function agenciesByLevel(agencies: readonly Agency[]): LevelGroup[] {
  return AGENCY_LEVELS.map((level) => {
    const ofLevel = agencies.filter((a) => a.level === level);
    const regions = [...new Set(ofLevel.map((a) => a.region))].sort(compareText).map((region) => ({
      region,
      agencies: ofLevel
        .filter((a) => a.region === region)
        .sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
    }));
    return { level, label: LEVEL_LABELS[level], regions };
  }).filter((g) => g.regions.length > 0);
}

/** Years with reports, newest first, with how many reports each. */
export function yearCounts(reports: readonly ReportBase[]): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const r of reports) counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

/**
 * Reports of one year in the order the year page lists them: by agency level (中央 first), then
 * region, then agency name: readers find their own agency and its peers next to each other.
 */
export function sortForYear(reports: readonly ReportBase[]): ReportBase[] {
  const rank = (l: AgencyLevel) => AGENCY_LEVELS.indexOf(l);
  return [...reports].sort(
    (a, b) =>
      rank(a.agency.level) - rank(b.agency.level) ||
      compareText(a.agency.region, b.agency.region) ||
      compareText(a.agency.name, b.agency.name) ||
      compareText(a.agency.id, b.agency.id),
  );
}

/**
 * The columns of a key-figures table after the rate (which comes first): the totals of table 三
 * and 四 first, then the two disclosed outcomes the rate is made of.
 */
export interface KeyFigureColumns {
  readonly measures: readonly Measure[];
  readonly rate: RateDefinition;
}

export function keyFigureColumns(versions: readonly TemplateVersion[]): KeyFigureColumns {
  const outcomes = outcomeMeasures(versions);
  const pick = (id: string) => outcomes.filter((m) => m.id === id);
  return {
    measures: [
      ...intakeMeasures(versions),
      handledMeasure(versions),
      carriedForwardMeasure(versions),
      ...appealTotalMeasures(versions),
      ...pick('outcome.disclosed'),
      ...pick('outcome.partially_disclosed'),
    ],
    rate: disclosureRate(versions),
  };
}

export interface KeyFigureRow {
  readonly report: ReportBase;
  readonly values: readonly (number | null | undefined)[];
  readonly rate: number | null | undefined;
  /** As shown: a blank total computed from its parts (「由分项计算」), not printed kept apart. */
  readonly figures: readonly Figure[];
  readonly rateFigure: RateFigure;
}

export function keyFigureRows(
  reports: readonly ReportBase[],
  columns: KeyFigureColumns,
): KeyFigureRow[] {
  return reports.map((report) => ({
    report,
    values: columns.measures.map((m) => measureValue(m, report.tables)),
    rate: rateValue(columns.rate, report.tables),
    figures: columns.measures.map((m) => measureFigure(m, report.tables)),
    rateFigure: rateFigure(columns.rate, report.tables),
  }));
}

/** Rule 6 between two reports of one agency: the next year's 二 against this year's 四. */
export interface CarryOverPair {
  readonly from: number;
  readonly to: number;
  /** False when a year is missing between them: nothing to compare. */
  readonly consecutive: boolean;
  /** 四、结转下年度继续办理 of `from`, 总计 column. */
  readonly forwarded: number | null;
  /** 二、上年结转 of `to`, 总计 column. */
  readonly carried: number | null;
  /** Columns that differ (from the archive's rule-6 check of the later report). */
  readonly mismatches: ReportBase['carryOver'];
}

/** Consecutive reports of one agency (ascending years), paired. */
export function carryOverPairs(reports: readonly ReportBase[]): CarryOverPair[] {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const pairs: CarryOverPair[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    pairs.push({
      from: prev.year,
      to: next.year,
      consecutive: next.year === prev.year + 1,
      forwarded: prev.tables.cells['applications.carried_forward.total'] ?? null,
      carried: next.tables.cells['applications.carried_over.total'] ?? null,
      mismatches: next.year === prev.year + 1 ? next.carryOver : [],
    });
  }
  return pairs;
}

/**
 * Reports on one year page. A year of a provincial archive holds 1,000–7,000 reports; all on one
 * page was ~7 KB of HTML per report (its key-figure row and a row in each chart's table), 7 MB at
 * 10,000 reports. 50 rows keep a page near 360 KB of HTML (~25 KB gzipped) at any archive size,
 * and a horizontal bar chart of 50 agencies still reads on a phone.
 */
export const YEAR_PAGE_SIZE = 50;
/** Agencies on one page of the agency index (~270 bytes of HTML each). */
export const AGENCY_PAGE_SIZE = 200;

/** One page of a listing split into static pages. */
export interface ListingPage<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly number: number;
  readonly count: number;
  /** 1-based position of the first item in the whole listing. */
  readonly first: number;
  readonly total: number;
}

/** Splits a listing into pages of `size` items; an empty listing is one empty page. */
export function listingPages<T>(items: readonly T[], size: number): ListingPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    count,
    first: i * size + 1,
    total: items.length,
  }));
}

/**
 * The page numbers a pager links: the first, the last, and two either side of the current one;
 * null where two or more numbers are left out. Bounded (at most 8 numbers) however many pages.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [
    ...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count]),
  ]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  // A gap of one page shows that page: 「…」 stands for two or more.
  return shown.flatMap((n, i) => {
    const gap = i > 0 ? n - shown[i - 1]! : 1;
    return gap === 1 ? [n] : gap === 2 ? [n - 1, n] : [null, n];
  });
}

/** Page `n` of a year's reports: `/years/2024/`, `/years/2024/2/`, … */
export const yearPagePath = (year: number, n: number) =>
  n === 1 ? `/years/${year}/` : `/years/${year}/${n}/`;

/**
 * Page `n` of the agency index: `/agencies/`, `/agencies/pages/2/`, … (a number directly under
 * /agencies/ could be an agency id).
 */
export const agencyIndexPath = (n: number) => (n === 1 ? '/agencies/' : `/agencies/pages/${n}/`);

/** Agencies in the index's order (level, region, name), as agenciesByLevel groups them. */
export const agenciesInOrder = (agencies: readonly Agency[]): Agency[] =>
  agenciesByLevel(agencies).flatMap((g) => g.regions.flatMap((r) => r.agencies));

/**
 * Where each level starts in the paged agency index: its label, how many agencies it has, and the
 * page of its first agency. Five entries at most, however large the archive.
 */
export function levelStarts(
  agencies: readonly Agency[],
  size: number,
): { level: AgencyLevel; label: string; count: number; page: number }[] {
  const ordered = agenciesInOrder(agencies);
  return agenciesByLevel(agencies).map((g) => {
    const first = ordered.findIndex((a) => a.level === g.level);
    return {
      level: g.level,
      label: g.label,
      count: g.regions.reduce((n, r) => n + r.agencies.length, 0),
      page: Math.floor(first / size) + 1,
    };
  });
}
