/**
 * Figures that can be compared across reports: across the years of one agency and across the
 * agencies of one year. Every figure is derived from the template declarations (`template/`):
 * its printed label, the cells it sums in each template version, and whether a version has it.
 *
 * Where the 2019 and 2021 versions differ, only what is comparable is compared: （六）其他处理 is
 * one row in 2019 and three in 2021, so the category total is compared, not its sub-items; of table
 * 二 only the cells both versions print are compared.
 */

import type { ReportTables } from '../template/model.ts';
import { printedSum, type PrintedSum } from './printed.ts';
import {
  applicationLeaves,
  cellDeclarations,
  walkApplicationRows,
  type CellDeclaration,
} from '../template/cells.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  type ApplicationRow,
  type TemplateVersion,
} from '../template/declarations.ts';
import { latestVersion, templateOf } from '../template/registry.ts';

export interface Measure {
  /** Stable id, e.g. `applications.received`, `outcome.withheld`, `appeals.review.upheld`. */
  readonly id: string;
  /** The label as printed in the template, e.g. 一、本年新收政府信息公开申请数量. */
  readonly label: string;
  /** A short form of the printed label for legends and column headers, e.g. 本年新收. */
  readonly short: string;
  /** Cells summed for a report of each version; a version without the figure is absent. */
  readonly paths: Readonly<Partial<Record<TemplateVersion, readonly string[]>>>;
}

const ORDINAL = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/u;

/**
 * A printed row label without its ordinal, its parenthetical qualification and the words every
 * table 三 row repeats: 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 → 「部分公开」,
 * 「一、本年新收政府信息公开申请数量」 → 「本年新收」.
 */
export function shortLabel(label: string): string {
  const short = label
    .replace(ORDINAL, '')
    .replace(/（[^（）]*）$/u, '')
    .replace(/政府信息公开申请数量$/u, '');
  return short === '' ? label : short;
}

/**
 * A measure's value in one report: a number, null when the cells were blank, undefined when the
 * report's template version does not have the figure or the original did not print it (never 0,
 * never blank: see `printed.ts`). A category whose sub-rows were printed as one row reads that row.
 */
export function measureValue(measure: Measure, tables: ReportTables): number | null | undefined {
  const printed = measurePrinted(measure, tables);
  return printed?.kind === 'value' ? printed.value : undefined;
}

/** A measure in one report as printed (see `printedSum`); undefined when the version lacks it. */
export function measurePrinted(measure: Measure, tables: ReportTables): PrintedSum | undefined {
  const paths = measure.paths[tables.template];
  return paths ? printedSum(tables, paths) : undefined;
}

/* ------------------------------------------------------------------------------------------ */
/* Table 三                                                                                    */
/* ------------------------------------------------------------------------------------------ */

const results = (version: TemplateVersion): readonly ApplicationRow[] =>
  templateOf(version).applicationRows.find((r) => r.key === null && r.children)?.children ?? [];

/** Paths of every data row under `row` (the row itself when it has no sub-items), in one column. */
function leafPaths(row: ApplicationRow, column: string): string[] {
  const out: string[] = [];
  walkApplicationRows([row], (node) => {
    if (!node.row.children) out.push(['applications', ...node.keys, column].join('.'));
  });
  return out;
}

/** A top-level data row of table 三 (一, 二, 四), in the 总计 column. */
function applicationRowMeasure(key: string, versions: readonly TemplateVersion[]): Measure {
  const first = versions[0] ?? latestVersion();
  const leaf = applicationLeaves(templateOf(first)).find((l) => l.keys.join('.') === key);
  if (!leaf) throw new Error(`Table 三 has no row ${key}`);
  const label = leaf.labels[leaf.labels.length - 1] ?? key;
  const path = `applications.${key}.total`;
  return {
    id: `applications.${key}`,
    label,
    short: shortLabel(label),
    paths: Object.fromEntries(versions.map((v) => [v, [path]])),
  };
}

/** 一、本年新收 and 二、上年结转, in the 总计 column. */
export function intakeMeasures(versions: readonly TemplateVersion[]): Measure[] {
  return ['received', 'carried_over'].map((k) => applicationRowMeasure(k, versions));
}

/** 四、结转下年度继续办理, in the 总计 column. */
export function carriedForwardMeasure(versions: readonly TemplateVersion[]): Measure {
  return applicationRowMeasure('carried_forward', versions);
}

/** 三（七）总计, in the 总计 column. */
export function handledMeasure(versions: readonly TemplateVersion[]): Measure {
  const label =
    results(versions[0] ?? latestVersion()).find((r) => r.key === 'total')?.label ?? 'total';
  return {
    id: 'outcome.total',
    label,
    short: shortLabel(label),
    paths: Object.fromEntries(versions.map((v) => [v, ['applications.total.total']])),
  };
}

/**
 * The outcome categories （一）…（六） of 三、本年度办理结果, in the 总计 column: each the sum of its
 * sub-items. Only categories every given version declares; a category split differently across
 * versions (（六）) is compared by its total.
 */
export function outcomeMeasures(versions: readonly TemplateVersion[]): Measure[] {
  const first = versions[0] ?? latestVersion();
  return results(first)
    .filter((row) => row.key !== null && row.key !== 'total')
    .filter((row) => versions.every((v) => results(v).some((r) => r.key === row.key)))
    .map((row) => ({
      id: `outcome.${row.key}`,
      label: row.label,
      short: shortLabel(row.label),
      paths: Object.fromEntries(
        versions.map((v) => {
          const same = results(v).find((r) => r.key === row.key);
          return [v, same ? leafPaths(same, 'total') : []];
        }),
      ),
    }));
}

/* ------------------------------------------------------------------------------------------ */
/* Table 四                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** One row of table 四 (行政复议, 未经复议直接起诉, 复议后起诉): its printed name. */
export function appealsRowLabel(rowId: string): string {
  const row = APPEALS_ROWS.find((r) => r.id === rowId);
  if (!row) throw new Error(`Table 四 has no row ${rowId}`);
  return row.labels.join(' › ');
}

/** The cells of one row of table 四, one measure per column (结果维持 … 总计). Same in every version. */
export function appealsMeasures(
  rowId: string,
  versions: readonly TemplateVersion[],
  options: { withTotal?: boolean } = {},
): Measure[] {
  const rowLabel = appealsRowLabel(rowId);
  return APPEALS_COLUMNS.filter((c) => options.withTotal || c.id !== 'total').map((c) => ({
    id: `appeals.${rowId}.${c.id}`,
    label: `${rowLabel} › ${c.label}`,
    short: c.label,
    paths: Object.fromEntries(versions.map((v) => [v, [`appeals.${rowId}.${c.id}`]])),
  }));
}

/** 总计 of each row of table 四: 行政复议, 未经复议直接起诉, 复议后起诉. */
export function appealTotalMeasures(versions: readonly TemplateVersion[]): Measure[] {
  return APPEALS_ROWS.map((row) => {
    const label = appealsRowLabel(row.id);
    return {
      id: `appeals.${row.id}.total`,
      label: `${label} › 总计`,
      short: row.labels[row.labels.length - 1] ?? label,
      paths: Object.fromEntries(versions.map((v) => [v, [`appeals.${row.id}.total`]])),
    };
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Table 二                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** A group of table 二 cells charted together: one sub-table, counts apart from money. */
export interface ProactiveGroup {
  /** e.g. 第二十条第（五）项 */
  readonly heading: string;
  readonly money: boolean;
  readonly cells: readonly SharedCell[];
}

export interface SharedCell {
  readonly path: string;
  /** 「行政许可 处理决定数量」; where the versions print the column differently, both. */
  readonly label: string;
  /** Column labels by version, to say where the printed wording differs. */
  readonly columnLabels: Readonly<Partial<Record<TemplateVersion, string>>>;
  /** The column as printed, both wordings where they differ: 「处理决定数量 / 本年处理决定数量」. */
  readonly column: string;
  readonly rowLabel: string;
}

/**
 * The cells of table 二 that every given version prints (same row and column), grouped by
 * sub-table, money columns apart from counts. With one version: all of its cells.
 */
export function sharedProactiveGroups(versions: readonly TemplateVersion[]): ProactiveGroup[] {
  const first = versions[0] ?? latestVersion();
  const byVersion = versions.map(
    (v) =>
      new Map(
        cellDeclarations(v)
          .filter((c) => c.table === 'proactive')
          .map((c) => [c.path, c] as const),
      ),
  );
  const groups: ProactiveGroup[] = [];
  for (const section of templateOf(first).proactive) {
    const shared: { cell: CellDeclaration; labels: Partial<Record<TemplateVersion, string>> }[] =
      [];
    for (const row of section.rows) {
      for (const column of section.columns) {
        const path = `proactive.${row.id}.${column.id}`;
        const decls = byVersion.map((m) => m.get(path));
        if (decls.some((d) => d === undefined || d.column.kind !== column.kind)) continue;
        const labels: Partial<Record<TemplateVersion, string>> = {};
        versions.forEach((v, i) => (labels[v] = decls[i]?.column.label ?? column.label));
        shared.push({ cell: decls[0]!, labels });
      }
    }
    for (const money of [false, true]) {
      const cells = shared
        .filter((s) => (s.cell.column.kind === 'money') === money)
        .map(({ cell, labels }) => {
          const distinct = [...new Set(Object.values(labels))];
          const rowLabel = cell.rowLabels.join(' ');
          const column = distinct.join(' / ');
          return {
            path: cell.path,
            rowLabel,
            columnLabels: labels,
            column,
            label: `${rowLabel} ${column}`,
          };
        });
      if (cells.length > 0) groups.push({ heading: section.heading, money, cells });
    }
  }
  return groups;
}

/* ------------------------------------------------------------------------------------------ */
/* What differs between versions, said on the page                                             */
/* ------------------------------------------------------------------------------------------ */

/** Versions, distinct and ascending. */
const distinctVersions = (versions: readonly TemplateVersion[]) =>
  [...new Set(versions)].sort((a, b) => a - b);

/**
 * Table 三 rows split differently across versions (（六）其他处理: one row in 2019, three in 2021),
 * said in Chinese, derived from the declarations. Empty for a single version.
 */
export function outcomeComparabilityNotes(versions: readonly TemplateVersion[]): string[] {
  const sorted = distinctVersions(versions);
  if (sorted.length < 2) return [];
  const notes: string[] = [];
  for (const row of results(sorted[0]!)) {
    if (row.key === null || row.key === 'total') continue;
    const shapes = sorted.map((v) => ({
      v,
      children: results(v).find((r) => r.key === row.key)?.children ?? [],
    }));
    if (new Set(shapes.map((s) => s.children.length)).size < 2) continue;
    const parts = shapes.map((s) =>
      s.children.length === 0
        ? `在 ${s.v} 年版为一行`
        : `在 ${s.v} 年版分为 ${s.children.length} 行（${s.children.map((c) => c.label).join('；')}）`,
    );
    notes.push(`表三「${row.label}」${parts.join('，')}：本页只比较该项合计，不比较其下各行。`);
  }
  return notes;
}

/** Which cells of table 二 are compared across versions, said in Chinese. Undefined for one version. */
export function proactiveComparabilityNote(
  versions: readonly TemplateVersion[],
): string | undefined {
  const sorted = distinctVersions(versions);
  if (sorted.length < 2) return undefined;
  const cells = sharedProactiveGroups(sorted).flatMap((g) => g.cells);
  const shared = new Set(cells.map((c) => c.path));
  const own = sorted.map((v) => {
    const n = cellDeclarations(v).filter((c) => c.table === 'proactive' && !shared.has(c.path));
    return `${v} 年版独有 ${n.length} 栏`;
  });
  return `表二两版格式的栏目不同，本页只比较两版都有的 ${shared.size} 栏（${cells.map((c) => c.label).join('；')}），其余不作比较（${own.join('，')}）。`;
}

/** Everything not compared when reports of several template versions are shown together. */
export function comparabilityNotes(versions: readonly TemplateVersion[]): string[] {
  const proactive = proactiveComparabilityNote(versions);
  return [...outcomeComparabilityNotes(versions), ...(proactive ? [proactive] : [])];
}

/** Template versions present among reports, ascending. */
export function versionsOf(reports: readonly { tables: ReportTables }[]): TemplateVersion[] {
  return [...new Set(reports.map((r) => r.tables.template))].sort((a, b) => a - b);
}
