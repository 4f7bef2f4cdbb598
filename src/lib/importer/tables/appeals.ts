/**
 * Reads table 四 (行政复议、行政诉讼): one printed row of fifteen numbers, placed in order only
 * when the row prints exactly fifteen cells (or can be trimmed to them without doubt).
 */

import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  type TemplateVersion,
} from '../../template/declarations.ts';
import {
  buildRows,
  countNumbers,
  fit,
  place,
  rawList,
  tooManyCells,
  type Fitted,
  type Row,
  type TableRead,
} from './rows.ts';
import type { SourceLine } from '../source.ts';

export function readAppeals(
  version: TemplateVersion,
  lines: readonly SourceLine[],
  read: TableRead,
): void {
  const rows = buildRows(lines).filter((r) => r.values.some((c) => c.kind === 'value'));
  const values = rows.flatMap((r) => r.values);
  const seen = countNumbers(values);
  read.numbersSeen += seen;
  const width = APPEALS_ROWS.length * APPEALS_COLUMNS.length;
  const firstLine = rows[0]?.line ?? 0;
  const where = rows[0]?.where ?? `第 ${firstLine} 行`;
  if (rows.length === 0) {
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: 'appeals',
      message: '没有找到表四的数字。',
    });
    return;
  }
  const fitted = fit(values, width);
  if (fitted.ambiguous) {
    read.unplaced.push({
      table: 'appeals',
      line: firstLine,
      where,
      values: rawList(values),
      reason: `表四的数据行有 ${values.length} 个单元格（应为 ${width} 个），两端都有空白单元格，无法确定哪些是多出的空白、数字属于哪一列`,
    });
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: 'appeals',
      message: '表四的数字没有放入。',
    });
    return;
  }
  if (fitted.short) {
    read.unplaced.push({
      table: 'appeals',
      line: firstLine,
      where,
      values: rawList(fitted.cells),
      reason: `表四只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪些单元格空白`,
    });
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: 'appeals',
      message: '表四的数字没有放入。',
    });
    return;
  }
  if (fitted.extra.length > 0) {
    // More numbers than cells: which one is extra cannot be told, so none has a column.
    read.unplaced.push({
      table: 'appeals',
      line: firstLine,
      where,
      values: rawList(values),
      reason: tooManyCells('表四的数据行', fitted.printed, width),
    });
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: 'appeals',
      message: '表四的数字没有放入。',
    });
    return;
  }
  let k = 0;
  for (const row of APPEALS_ROWS) {
    for (const column of APPEALS_COLUMNS) {
      const cell = fitted.cells[k++] ?? { kind: 'empty' as const, raw: '' };
      place(read, version, `appeals.${row.id}.${column.id}`, cell, null);
    }
  }
}
