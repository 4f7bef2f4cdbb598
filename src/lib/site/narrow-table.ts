/**
 * What the narrow (phone) layout of a report table needs beyond the printed layout: a visible
 * label for every value, the header group it belongs to, and for table 四 a second, transposed
 * rendering (行政复议 and 行政诉讼 as two small tables, results as rows).
 *
 * Every label comes from the table layout, itself derived from the template declaration. Pure
 * functions: no Astro, no DOM.
 */

import type { DataCell, HeaderCell, TableLayout } from './table-layout.ts';
import { APPEALS_COLUMNS, APPEALS_ROWS, APPLICATION_COLUMNS } from '../template/declarations.ts';

/** The printed label of the 总计 column (table 三 and 四). */
export const TOTAL_LABEL = APPLICATION_COLUMNS.find((c) => c.id === 'total')?.label ?? '总计';

export interface NarrowColumn {
  /** The column's own header, shown beside its value: 商业企业. */
  readonly label: string;
  /**
   * Headers between the table-wide one and the column's own, joined: 法人或其他组织, or
   * 行政诉讼 · 未经复议直接起诉. Null when the column sits directly under the table-wide header.
   */
  readonly group: string | null;
  /** The 总计 column: shown first on a phone. */
  readonly total: boolean;
}

/** Label and group of each data column of a layout, in column order. */
export function narrowColumns(layout: TableLayout): NarrowColumn[] {
  const byId = new Map<string, HeaderCell>();
  for (const row of layout.head) for (const h of row) byId.set(h.id, h);
  const first = layout.body.find((r) => r.kind === 'data');
  if (!first) return [];
  return first.cells.map((cell) => {
    const chain = cell.headers.map((id) => byId.get(id)).filter((h) => h !== undefined);
    // A header over every column (申请人情况) names the table, not the column.
    const inner = chain.filter((h) => h.colspan < layout.columns);
    const own = inner.at(-1) ?? chain.at(-1);
    const label = own?.label ?? '';
    const groups = inner.slice(0, -1).map((h) => h.label);
    return {
      label,
      group: groups.length > 0 ? groups.join(' · ') : null,
      total: label === TOTAL_LABEL,
    };
  });
}

/**
 * The single header group a table's rows share (表三: 法人或其他组织), shown once per row on a
 * phone; null when there is none or more than one.
 */
export function sharedGroup(columns: readonly NarrowColumn[]): string | null {
  const groups = new Set(columns.map((c) => c.group).filter((g) => g !== null));
  return groups.size === 1 ? ([...groups][0] ?? null) : null;
}

/**
 * A cell note worth showing beside the value: null when it only repeats the value and its unit
 * (「251000元」 beside 251000 元). The note stays in the data downloads either way.
 */
export function visibleNote(
  value: number | null,
  unit: string | null,
  note: string | null,
): string | null {
  if (note === null) return null;
  const squash = (s: string) => s.replace(/[\s,，]/gu, '');
  const n = squash(note);
  if (value !== null && (n === String(value) || n === `${value}${unit ?? ''}`)) return null;
  return note;
}

export interface NarrowAppealsTable {
  readonly id: string;
  readonly caption: string;
  /** Column headers after the corner: 件数, or 未经复议直接起诉 and 复议后起诉. */
  readonly columns: readonly { readonly id: string; readonly label: string }[];
  /** One row per result, 总计 first. */
  readonly rows: readonly {
    readonly id: string;
    readonly label: string;
    readonly total: boolean;
    readonly cells: readonly DataCell[];
  }[];
}

/** Header of the corner cell of the transposed table 四. */
export const APPEALS_RESULT_HEADER = '结果';
/** Header of the only value column of 行政复议 on a phone. */
export const APPEALS_COUNT_HEADER = '件数';

/**
 * Table 四 for a phone: one small table per printed top-level header (行政复议, 行政诉讼), results
 * as rows with 总计 first, the rows of the printed table as columns.
 */
export function narrowAppeals(layout: TableLayout): NarrowAppealsTable[] {
  const cells = new Map<string, DataCell>();
  for (const row of layout.body) for (const c of row.cells) cells.set(c.path, c);
  const tops = [...new Set(APPEALS_ROWS.map((r) => r.labels[0] ?? ''))];
  const results = [
    ...APPEALS_COLUMNS.filter((c) => c.label === TOTAL_LABEL),
    ...APPEALS_COLUMNS.filter((c) => c.label !== TOTAL_LABEL),
  ];
  return tops.map((top, t) => {
    const rows = APPEALS_ROWS.filter((r) => r.labels[0] === top);
    const id = `${layout.id}n-${t}`;
    const columns =
      rows.length === 1 && (rows[0]?.labels.length ?? 0) === 1
        ? [{ id: `${id}-c0`, label: APPEALS_COUNT_HEADER }]
        : rows.map((r, i) => ({ id: `${id}-c${i}`, label: r.labels.slice(1).join(' · ') }));
    return {
      id,
      caption: top,
      columns,
      rows: results.map((result) => ({
        id: `${id}-r-${result.id}`,
        label: result.label,
        total: result.label === TOTAL_LABEL,
        cells: rows.map((r) => {
          const cell = cells.get(`appeals.${r.id}.${result.id}`);
          if (!cell) throw new Error(`No cell appeals.${r.id}.${result.id} in the layout`);
          return cell;
        }),
      })),
    };
  });
}
