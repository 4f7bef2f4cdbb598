/**
 * Reads the published open-data files back into one long record per cell (the columns of a
 * report's data.csv), using only what the files and cells.csv say: the test's way of proving that
 * the wide per-year CSV, its notes CSV and the JSON lose nothing. Independent of the writer: CSV is
 * parsed by test/support/csv.ts, the wide file's conventions are re-implemented here.
 */
import { parseCsv } from './csv.ts';

export interface LongCell {
  cell: string;
  value: string;
  status: string;
  unit: string;
  note: string;
  corrected: string;
}

/** The mark the wide file prints for a cell the report did not print (see /data/). */
export const NOT_PRINTED = '未印出';

/** A CSV with a BOM and a header row, as records keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  if (!text.startsWith('\uFEFF')) throw new Error('CSV without a UTF-8 BOM');
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((r) => {
    if (r.length !== header!.length) throw new Error(`row of ${r.length} fields: ${r.join(',')}`);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

/** cells.csv: the cell ids of each template version. */
export function dictionaryCells(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of csvObjects(text)) {
    if (!out.has(d.template!)) out.set(d.template!, new Set());
    out.get(d.template!)!.add(d.cell!);
  }
  return out;
}

/**
 * One year's wide CSV and notes CSV read back: `agency_id/year` → cell → long record. A wide field
 * is a printed number, empty (printed blank, or a cell of another template version than the
 * row's), or the not-printed mark; a notes row replaces the wide file's record of its cell.
 */
export function readBackYear(
  year: number,
  wide: string,
  notes: string,
  dict: Map<string, Set<string>>,
): Map<string, Map<string, LongCell>> {
  const out = new Map<string, Map<string, LongCell>>();
  const [header] = parseCsv(wide.slice(1));
  if (header!.slice(0, 3).join(',') !== 'agency_id,agency_name,template')
    throw new Error(`wide header ${header!.slice(0, 3).join(',')}`);
  for (const row of csvObjects(wide)) {
    const cells = new Map<string, LongCell>();
    for (const cell of header!.slice(3)) {
      const v = row[cell]!;
      if (v === '' && !dict.get(row.template!)?.has(cell)) continue;
      const status = v === NOT_PRINTED ? 'not_printed' : v === '' ? 'blank' : 'value';
      const value = status === 'value' ? v : '';
      cells.set(cell, { cell, value, status, unit: '', note: '', corrected: '' });
    }
    out.set(`${row.agency_id}/${year}`, cells);
  }
  for (const n of csvObjects(notes)) {
    if (n.year !== String(year)) throw new Error(`notes of ${year} with year ${n.year}`);
    if (!dict.get(n.template!)?.has(n.cell!)) throw new Error(`${n.cell} not in cells.csv`);
    const { cell, value, status, unit, note, corrected } = n as unknown as LongCell;
    out.get(`${n.agency_id}/${year}`)!.set(cell, { cell, value, status, unit, note, corrected });
  }
  return out;
}

/** The shape of a report in data.json and archive-<year>.json, as far as the cells go. */
export interface JsonReport {
  values: Record<string, unknown>;
  not_printed: string[];
  units: Record<string, string>;
  notes: Record<string, string>;
  corrections: { date: string; cells: { cell: string }[] }[];
}

function flatValues(node: unknown, prefix: string): [string, number | null][] {
  if (node === null || typeof node !== 'object') return [[prefix, node as number | null]];
  return Object.entries(node).flatMap(([k, v]) => flatValues(v, prefix ? `${prefix}.${k}` : k));
}

/** A JSON report read back in the long form (a cell's corrected date from `corrections`). */
export function readBackJson(report: JsonReport): Map<string, LongCell> {
  const dates = new Map<string, string>();
  for (const c of report.corrections)
    for (const cell of c.cells)
      if ((dates.get(cell.cell) ?? '') < c.date) dates.set(cell.cell, c.date);
  const long = (cell: string, value: number | null, status: string): LongCell => ({
    cell,
    value: value === null ? '' : String(value),
    status,
    unit: report.units[cell] ?? '',
    note: report.notes[cell] ?? '',
    corrected: dates.get(cell) ?? '',
  });
  return new Map([
    ...flatValues(report.values, '').map(
      ([cell, v]) => [cell, long(cell, v, v === null ? 'blank' : 'value')] as const,
    ),
    ...report.not_printed.map((cell) => [cell, long(cell, null, 'not_printed')] as const),
  ]);
}

/** Records in cell-id order, for comparing two read-backs. */
export const byCellId = (cells: Iterable<LongCell>) =>
  [...cells].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
