/**
 * A report's three tables as one CSV in the printed shape: the same header rows, row labels and
 * column order as the template, so that it looks like the published tables when opened in Excel
 * or WPS. The long-format CSV (open-data.ts) stays the file for analysis; this one is for reading.
 *
 * Built from the table layouts (table-layout.ts), themselves derived from the template
 * declaration. Blank cells stay empty; numbers are written exactly as published.
 */

import { csvRecords } from './csv-text.ts';
import type { ReportTables } from '../template/model.ts';
import {
  appealsLayout,
  applicationsLayout,
  proactiveLayouts,
  type TableLayout,
} from '../site/table-layout.ts';
import { TABLE_TITLES } from '../template/declarations.ts';

type Grid = string[][];

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) gets
 * a leading apostrophe, the usual guard; numbers are written as numbers and never start so.
 * Every text of this file comes from the template or the report's title and agency name.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** A value as written: empty for blank, the number as published, its unit if not in the header. */
function valueText(value: number | null, unit: string | null, unitInHeader: boolean): string {
  if (value === null) return '';
  return unit !== null && !unitInHeader ? `${value}${unit}` : String(value);
}

/** One layout as rows of the printed table: header rows (spans expanded), then the body. */
export function layoutGrid(layout: TableLayout): Grid {
  const labelColumns = layout.corner === null ? 0 : 1;
  const width = labelColumns + layout.columns;
  // A money column whose cells all carry the same unit names it in its header: 采购总金额（元）.
  const units = Array.from({ length: layout.columns }, (_, i) => {
    const us = new Set(
      layout.body.filter((r) => r.kind === 'data').map((r) => r.cells[i]?.unit ?? null),
    );
    return us.size === 1 ? ([...us][0] ?? null) : null;
  });
  const head: Grid = layout.head.map(() => Array.from({ length: width }, () => ''));
  const taken = layout.head.map(() => Array.from({ length: width }, () => false));
  if (labelColumns === 1) {
    head[0]![0] = layout.corner ?? '';
    for (const row of taken) row[0] = true;
  }
  layout.head.forEach((row, r) => {
    let c = 0;
    for (const h of row) {
      while (taken[r]![c]) c++;
      const dataColumn = c - labelColumns;
      const unit = h.colspan === 1 ? units[dataColumn] : null;
      head[r]![c] = unit ? `${h.label}（${unit}）` : h.label;
      for (let dr = 0; dr < h.rowspan; dr++)
        for (let dc = 0; dc < h.colspan; dc++) taken[r + dr]![c + dc] = true;
      c += h.colspan;
    }
  });
  const body: Grid = layout.body.map((row) => {
    if (row.kind === 'group') return [row.label, ...Array.from({ length: width - 1 }, () => '')];
    const values = row.cells.map((cell, i) =>
      valueText(cell.value, cell.unit, units[i] !== null && units[i] === cell.unit),
    );
    return labelColumns === 1 ? [row.label, ...values] : values;
  });
  return [...head, ...body];
}

/** The whole CSV: a title line, then 表二 (each sub-table), 表三 and 表四, a blank line between. */
export function printedCsv(heading: string, tables: ReportTables): string {
  const rows: Grid = [[heading], ['按原表排列。空白格为原文未填写（不是 0）；数字按原文照录。']];
  const block = (title: string, layouts: readonly TableLayout[], captions: boolean) => {
    rows.push([], [title]);
    layouts.forEach((layout, i) => {
      if (captions) rows.push(...(i > 0 ? [[]] : []), [layout.caption]);
      rows.push(...layoutGrid(layout));
    });
  };
  block(TABLE_TITLES.proactive, proactiveLayouts(tables), true);
  block(TABLE_TITLES.applications, [applicationsLayout(tables, TABLE_TITLES.applications)], false);
  block(TABLE_TITLES.appeals, [appealsLayout(tables, TABLE_TITLES.appeals)], false);
  return csvRecords(
    rows.map((r) => r.map(spreadsheetText)),
    true,
  );
}
