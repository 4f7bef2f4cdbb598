/**
 * Not printed is not blank: what a report's original printed, for the figures and charts.
 *
 * A cell is not printed when its whole table was not printed as text (`<table>: not_printed`) or
 * when it is a sub-row of a group the original printed as one row (the 2021 format's
 * 「（六）其他处理」 printed the 2019 way). Such a cell holds `null` in `ReportTables.cells` like a
 * blank one, so every figure must ask here first: a not-printed cell is skipped and said so
 * (「原文未以文字印出表四」 / 「原文未单列」), never counted as blank or 0.
 *
 * A sum that takes every sub-row of a group printed as one row reads the group's printed cell
 * instead (the category total is printed, only its split is not), as rule 3 does.
 */

import { blankAwareSum, type ReportTables } from '../template/model.ts';
import { cellDeclarations } from '../template/cells.ts';
import { TABLE_SHORT, type TableId } from '../template/declarations.ts';

/**
 * Why a figure is not printed: the table it is in was not printed as text (that table's id), or
 * its row was not split out (`row`: a sub-row of a group printed as one row).
 */
export type NotPrintedReason = TableId | 'row';

/**
 * What a figure outside its table says in place of a number: 「原文未以文字印出表四」,
 * 「原文未单列」. (The table itself says 「原文未以文字印出此表」 where it stands.)
 */
export function notPrintedText(reason: NotPrintedReason): string {
  return reason === 'row' ? '原文未单列' : `原文未以文字印出${TABLE_SHORT[reason]}`;
}

/** A sum of printed cells: a number, null (all blank), or not printed with the reason. */
export type PrintedSum =
  | { readonly kind: 'value'; readonly value: number | null }
  | { readonly kind: 'not_printed'; readonly reason: NotPrintedReason };

const tableOf = (path: string) => path.slice(0, path.indexOf('.')) as TableId;

/** The tables the original did not print as text at all (every declared cell not printed). */
export function tablesNotPrinted(tables: ReportTables): TableId[] {
  if (tables.notPrinted.length === 0) return [];
  const notPrinted = new Set(tables.notPrinted);
  const byTable = new Map<TableId, boolean>();
  for (const cell of cellDeclarations(tables.template)) {
    byTable.set(cell.table, (byTable.get(cell.table) ?? true) && notPrinted.has(cell.path));
  }
  return [...byTable].filter(([, all]) => all).map(([table]) => table);
}

/** Why `path` was not printed, or undefined when it was printed (as a number or blank). */
export function notPrintedReason(tables: ReportTables, path: string): NotPrintedReason | undefined {
  if (!tables.notPrinted.includes(path)) return undefined;
  const table = tableOf(path);
  return tablesNotPrinted(tables).includes(table) ? table : 'row';
}

/**
 * The group cell (`applications.other.total`) that stands for `path` (a not-printed sub-row cell
 * `applications.other.no_correction.total`), if the group was printed as one row.
 */
function groupCell(tables: ReportTables, path: string): string | undefined {
  return Object.keys(tables.combined).find((c) => {
    const prefix = c.slice(0, c.lastIndexOf('.') + 1);
    const column = c.slice(c.lastIndexOf('.'));
    return path.startsWith(prefix) && path.endsWith(column);
  });
}

/**
 * `paths` as the report printed them: a group printed as one row replaces its sub-rows where the
 * paths take all of them (in that column); a sub-row taken alone stays (and is not printed).
 */
export function printedPaths(tables: ReportTables, paths: readonly string[]): string[] {
  const notPrinted = new Set(tables.notPrinted);
  const wanted = new Set(paths);
  const out: string[] = [];
  for (const p of paths) {
    const group = notPrinted.has(p) ? groupCell(tables, p) : undefined;
    if (group === undefined) {
      out.push(p);
      continue;
    }
    const prefix = group.slice(0, group.lastIndexOf('.') + 1);
    const column = group.slice(group.lastIndexOf('.'));
    const members = tables.notPrinted.filter((q) => q.startsWith(prefix) && q.endsWith(column));
    if (!members.every((q) => wanted.has(q))) out.push(p);
    else if (!out.includes(group)) out.push(group);
  }
  return out;
}

/** The value of one printed path (a declared cell or a group printed as one row). */
const valueAt = (tables: ReportTables, path: string): number | null =>
  path in tables.combined ? (tables.combined[path] ?? null) : (tables.cells[path] ?? null);

/**
 * The sum of `paths` as printed (blank-aware, like the template's own sums): not printed when any
 * of them was not printed, with the reason of the first such cell.
 */
export function printedSum(tables: ReportTables, paths: readonly string[]): PrintedSum {
  const resolved = printedPaths(tables, paths);
  for (const p of resolved) {
    const reason = notPrintedReason(tables, p);
    if (reason) return { kind: 'not_printed', reason };
  }
  return { kind: 'value', value: blankAwareSum(resolved.map((p) => valueAt(tables, p))) };
}

/** 「表四」、「表二和表四」: the tables not printed, for a sentence. */
export function tablesText(ids: readonly TableId[]): string {
  const names = ids.map((t) => TABLE_SHORT[t]);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}
