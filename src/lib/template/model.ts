/**
 * The report model: a report's tables as the archive holds them once read (values by cell path,
 * exactly as published), and the one blank-aware sum every rule, measure and chart uses.
 *
 * Types only and pure functions: the reading and checking of YAML live in `content/`.
 */

import type { CheckResult } from './rules.ts';
import type { TemplateVersion } from './declarations.ts';

/** The values of a report's cells as published: null where the cell was blank. */
export type CellValues = Readonly<Record<string, number | null>>;

/** A published number that breaks a rule, acknowledged by the editor as printed so (原文如此). */
export interface Discrepancy {
  readonly check: string;
  readonly left: number;
  readonly right: number;
  readonly note: string;
}

/** A report's tables after validation: values by cell path, exactly as published. */
export interface ReportTables {
  readonly template: TemplateVersion;
  /** Every declared cell of the version; null where the published cell was blank. */
  readonly cells: CellValues;
  /** Units printed beside money cells whose unit the report chooses (the 2019 format's 采购总金额). */
  readonly units: Readonly<Record<string, string | null>>;
  /** Text printed inside a cell beside the number, by cell path. */
  readonly cellNotes: Readonly<Record<string, string>>;
  readonly discrepancies: readonly Discrepancy[];
  /**
   * Cells the original did not print (a table printed only as an image, or the sub-rows of a group
   * printed as one row): their value is null, but they are neither blank nor 0.
   */
  readonly notPrinted: readonly string[];
  /**
   * A combinable group printed as one row: its cells by `applications.<group>.<column>`, as
   * printed. Stands for its (not printed) sub-rows in the rules.
   */
  readonly combined: CellValues;
}

/** The value a whole table takes in the YAML when the original did not print it as text. */
export const NOT_PRINTED = 'not_printed';

/**
 * The note the importer writes on each rule failure it finds. Until an editor replaces it, the
 * acknowledgement is not one: an import must not confirm its own reading of the original.
 */
export const UNCONFIRMED_IMPORT_NOTE =
  '导入时按原文录入：原文数字不符合这条勾稽关系，请编辑对照原文确认。';

/** An acknowledged rule failure, as shown to readers. */
export interface Notice extends CheckResult {
  /** The editor's note on the acknowledgement. */
  readonly note: string;
}

/**
 * The sum of published values. Blank (null) counts as 0 beside filled values, as in the template's
 * own sums; when every value is blank the sum is blank (null), never 0. `undefined` (a figure a
 * version lacks) is skipped like a blank. Decimals are kept exactly to the sixth place (money).
 */
export function blankAwareSum(values: Iterable<number | null | undefined>): number | null {
  let total = 0;
  let filled = false;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    total += v;
    filled = true;
  }
  return filled ? Number(total.toFixed(6)) : null;
}

/** Sum of cells as published, by `blankAwareSum`. */
export function sumCells(cells: CellValues, paths: readonly string[]): number | null {
  return blankAwareSum(paths.map((p) => cells[p]));
}
