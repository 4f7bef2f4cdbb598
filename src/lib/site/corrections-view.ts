/**
 * What the report page shows of a report's `corrections` (issue 13): the 更正记录 section (date,
 * kind in plain Chinese, reason, each cell by its printed labels with the old and new value) and
 * the 「已更正」 mark on each corrected cell, which links to the latest entry that changed it.
 * Pure: the components only map over what these return.
 */

import type { Correction, CorrectionKind } from '../content/report-data/corrections.ts';
import type { ReportTables } from '../template/model.ts';
import { compareText } from '../content/problems.ts';
import { describeCell, findCell } from '../template/cells.ts';
import { TABLE_TITLES } from '../template/declarations.ts';
import {
  appealsLayout,
  applicationsLayout,
  proactiveLayouts,
  type TableLayout,
} from './table-layout.ts';

/** The kind of a correction as a reader should read it. */
export const CORRECTION_KIND_LABELS: Readonly<Record<CorrectionKind, string>> = {
  erratum: '机构发布更正',
  typo: '本站更正录入错误',
};

export interface CorrectedCellView {
  readonly path: string;
  /** The printed table, row and column, e.g. 表三「一、本年新收政府信息公开申请数量」行「自然人」列. */
  readonly label: string;
  /** Fragment id of the printed row (table 四: the table) the cell sits in. */
  readonly anchor: string;
  readonly old: number | null;
  readonly new: number | null;
}

export interface CorrectionView {
  /** Fragment id of the entry; numbered in the order of the YAML list, so it never moves. */
  readonly id: string;
  readonly date: string;
  readonly kind: string;
  readonly reason: string;
  readonly cells: readonly CorrectedCellView[];
}

/** Fragment id of the n-th (0-based) entry of the YAML `corrections` list. */
export const correctionId = (index: number) => `correction-${index + 1}`;

/** Where a link to a cell lands: its row header, or the table for table 四 (no row headers). */
function cellAnchors(tables: ReportTables): Map<string, string> {
  const layouts: TableLayout[] = [
    ...proactiveLayouts(tables),
    applicationsLayout(tables, TABLE_TITLES.applications),
    appealsLayout(tables, TABLE_TITLES.appeals),
  ];
  const out = new Map<string, string>();
  for (const layout of layouts) {
    for (const row of layout.body) {
      for (const cell of row.cells) {
        out.set(cell.path, layout.corner === null ? layout.id : row.id);
      }
    }
  }
  return out;
}

/** The 更正记录 entries, oldest first (entries of one day in the order they are listed). */
export function correctionsView(
  tables: ReportTables,
  corrections: readonly Correction[],
): CorrectionView[] {
  // Most reports have no corrections: no table layouts to work out for them.
  if (corrections.length === 0) return [];
  const anchors = cellAnchors(tables);
  return corrections
    .map((c, i) => ({
      id: correctionId(i),
      date: c.date,
      kind: CORRECTION_KIND_LABELS[c.kind],
      reason: c.reason,
      cells: c.cells.map((cell) => {
        const decl = findCell(tables.template, cell.cell);
        return {
          path: cell.cell,
          label: decl ? describeCell(decl) : cell.cell,
          anchor: anchors.get(cell.cell) ?? '',
          old: cell.old,
          new: cell.new,
        };
      }),
      index: i,
    }))
    .sort((a, b) => compareText(a.date, b.date) || a.index - b.index)
    .map(({ index: _index, ...view }) => view);
}

/**
 * Each corrected cell path mapped to the id of the latest entry that changed it (by date, then
 * list order): the entry that says how the number shown came to be.
 */
export function correctedCells(corrections: readonly Correction[]): Map<string, string> {
  const out = new Map<string, { id: string; date: string }>();
  corrections.forEach((c, i) => {
    for (const cell of c.cells) {
      const seen = out.get(cell.cell);
      if (!seen || compareText(c.date, seen.date) >= 0) {
        out.set(cell.cell, { id: correctionId(i), date: c.date });
      }
    }
  });
  return new Map([...out].map(([path, { id }]) => [path, id]));
}

/** The layout with each corrected cell carrying the id of its correction entry. */
export function markCorrected<T extends TableLayout>(
  layout: T,
  corrections: readonly Correction[],
): T {
  if (corrections.length === 0) return layout;
  const marks = correctedCells(corrections);
  return {
    ...layout,
    body: layout.body.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => {
        const id = marks.get(cell.path);
        return id ? { ...cell, corrected: id } : cell;
      }),
    })),
  };
}

/** The newest correction date of a report, or undefined without corrections. */
export function latestCorrection(corrections: readonly Correction[]): string | undefined {
  return corrections
    .map((c) => c.date)
    .sort(compareText)
    .at(-1);
}
