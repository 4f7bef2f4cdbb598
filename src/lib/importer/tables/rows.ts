/**
 * What the readers of tables 二, 三 and 四 share: a table section split around its table, printed
 * lines turned into rows of cells, a row fitted to the table's width, and a cell placed into the
 * read (its value, its note, its unit, and a problem when it does not fit its column's kind).
 *
 * Every number found in a table is either placed in a cell or reported as not placed, with the
 * reason; problems name the input file and the table (as the field).
 */

import { cellDeclarations, describeCell, findCell } from '../../template/cells.ts';
import type { TableId, TemplateVersion } from '../../template/declarations.ts';
import { valueKindViolation } from '../../template/value-kinds.ts';
import type { Problem } from '../../content/problems.ts';
import { isValue, parseCell, splitLayout, type Cell } from '../cells.ts';
import { PAGE_MARKER } from '../document.ts';
import { normLabel } from '../labels.ts';
import type { SourceLine } from '../source.ts';

/** Numbers that could not be placed, with where they were printed and why. */
export interface Unplaced {
  readonly table: TableId;
  /** The line of the importer's text form. */
  readonly line: number;
  /** Where the original prints it, in words: 「第 88 行」, 「第 3 页」, 「工作表「表三」第 12 行」. */
  readonly where: string;
  readonly values: readonly string[];
  readonly reason: string;
}

export interface TableRead {
  /** The input's name, for the problems found. */
  readonly file: string;
  readonly cells: Record<string, number | null>;
  readonly units: Record<string, string | null>;
  readonly cellNotes: Record<string, string>;
  /**
   * Rows printed as one that this version splits (（六）其他处理 in a 2021 report printed the
   * 2019 way), by key path: the row's cells as printed. Its sub-rows are then not printed.
   */
  readonly combined: Record<string, (number | null)[]>;
  readonly issues: Problem[];
  readonly unplaced: Unplaced[];
  /** Cells whose row and column were established (a number or a printed blank put there). */
  readonly placed: Set<string>;
  /** Numbers printed in the tables, and how many of them were placed in a cell. */
  numbersSeen: number;
  numbersPlaced: number;
}

/** A table section split into prose before the table, the table, notes, and prose after it. */
export interface TableBlock {
  readonly before: readonly SourceLine[];
  readonly table: readonly SourceLine[];
  readonly notes: readonly SourceLine[];
  readonly after: readonly SourceLine[];
}

export interface Row {
  readonly line: number;
  /** The row's place in the original, in words (see Unplaced.where). */
  readonly where: string;
  /** All cells but ruled lines, as printed. */
  readonly cells: readonly Cell[];
  /** Text cells joined, as printed. */
  readonly label: string;
  readonly norm: string;
  /** Cells after the last text cell: values and blanks. */
  readonly values: Cell[];
}

export const NOTE_LINE = /^(注|说明|备注)\s*\d*\s*[:：]/u;

export function lineCells(line: SourceLine): Cell[] {
  return (line.cells ?? splitLayout(line.text)).map(parseCell);
}

export function countNumbers(cells: readonly Cell[]): number {
  return cells.filter((c) => isValue(c) && c.value !== null).length;
}

/** True for a line that carries table data (or a table row of a marked-up table). */
function isTableLine(line: SourceLine): boolean {
  if (line.cells && line.cells.filter((c) => c !== '').length >= 2) return true;
  const cells = lineCells(line);
  const numbers = countNumbers(cells);
  if (numbers >= 2) return true;
  if (numbers === 1) {
    const text = cells
      .filter((c) => c.kind === 'text')
      .map((c) => c.raw)
      .join('');
    return !/[，。；]/u.test(text) && text.length <= 40;
  }
  return false;
}

function isProseLine(line: SourceLine): boolean {
  const t = line.text.trim();
  if (NOTE_LINE.test(t)) return true;
  if (line.cells) return false;
  return t.length >= 20 && /。/u.test(t) && countNumbers(lineCells(line)) < 2;
}

/** Splits a table section around its table. */
export function splitTableBlock(lines: readonly SourceLine[]): TableBlock {
  const usable = lines.filter((l) => !PAGE_MARKER.test(l.text));
  const signal = usable.map(isTableLine);
  const start = signal.indexOf(true);
  const end = signal.lastIndexOf(true);
  if (start < 0) {
    return { before: usable, table: [], notes: [], after: [] };
  }
  const before: SourceLine[] = [];
  const table: SourceLine[] = [];
  const notes: SourceLine[] = [];
  // A table's footnote ("注：…") follows the table even when a conversion printed it above.
  usable
    .slice(0, start)
    .forEach((l) =>
      (NOTE_LINE.test(l.text.trim()) ? notes : isProseLine(l) ? before : table).push(l),
    );
  usable.slice(start, end + 1).forEach((l) => (isProseLine(l) ? notes : table).push(l));
  return { before, table, notes, after: usable.slice(end + 1) };
}

/** Builds rows from table lines; a lone number followed by a bracketed line keeps it as a note. */
export function buildRows(lines: readonly SourceLine[]): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.text.trim() === '') continue;
    let cells: Cell[] = lineCells(line).filter((c) => c.kind !== 'rule');
    const next = lines[i + 1];
    if (
      cells.length === 1 &&
      cells[0]?.kind === 'value' &&
      next &&
      !next.cells &&
      /^[（(].*[）)]$/u.test(next.text.trim())
    ) {
      cells = [parseCell(`${cells[0].raw}${next.text.trim()}`)];
      i++;
    }
    let lastText = -1;
    cells.forEach((c, k) => {
      if (c.kind === 'text') lastText = k;
    });
    const label = cells
      .slice(0, lastText + 1)
      .filter((c) => c.kind === 'text')
      .map((c) => c.raw)
      .join(' ');
    rows.push({
      line: line.number,
      where: line.where ?? `第 ${line.number} 行`,
      cells,
      label,
      norm: normLabel(label),
      values: cells.slice(lastText + 1),
    });
  }
  return rows;
}

export interface Fitted {
  readonly cells: readonly Cell[];
  /**
   * Cells beyond the table's width that hold numbers. Which cell is the extra one cannot be told,
   * so a row with any is never placed (its numbers are listed instead).
   */
  readonly extra: readonly Cell[];
  /** Cells the row prints once padding blanks at its ends are dropped. */
  readonly printed: number;
  /** Fewer cells than columns. */
  readonly short: boolean;
  /**
   * More cells than columns with blanks at both ends: which blanks are padding cannot be told,
   * so the row's numbers have no established columns.
   */
  readonly ambiguous: boolean;
}

/**
 * Fits a row's cells to the table's width. Web pages add empty cells around merged labels and at
 * the end of rows; those are dropped (from the end first). Numbers beyond the width are extra.
 */
export function fit(values: readonly Cell[], width: number): Fitted {
  const cells = [...values];
  const excess = cells.length - width;
  if (excess > 0) {
    let lead = 0;
    while (lead < cells.length && cells[lead]?.kind === 'empty') lead++;
    let trail = 0;
    while (trail < cells.length && cells[cells.length - 1 - trail]?.kind === 'empty') trail++;
    // Blanks to drop at both ends and more than one way to drop them: the columns are not known.
    const ways = Math.min(lead, excess) - Math.max(0, excess - trail) + 1;
    if (lead > 0 && trail > 0 && ways > 1 && lead < cells.length) {
      return {
        cells: cells.slice(0, width),
        extra: [],
        printed: cells.length,
        short: false,
        ambiguous: true,
      };
    }
  }
  while (cells.length > width && cells[cells.length - 1]?.kind === 'empty') cells.pop();
  while (cells.length > width && cells[0]?.kind === 'empty') cells.shift();
  if (cells.length > width) {
    return {
      cells: cells.slice(0, width),
      extra: cells.slice(width).filter((c) => c.kind !== 'empty'),
      printed: cells.length,
      short: false,
      ambiguous: false,
    };
  }
  return {
    cells,
    extra: [],
    printed: cells.length,
    short: cells.length < width,
    ambiguous: false,
  };
}

/** Why a row with more cells than the table has columns is not placed. */
export function tooManyCells(what: string, printed: number, width: number): string {
  return `${what}有 ${printed} 个单元格（应为 ${width} 个），无法确定哪一个是多出的：整行没有放入`;
}

export function rawList(cells: readonly Cell[]): string[] {
  return cells.filter((c) => c.kind !== 'empty').map((c) => c.raw);
}

/** Creates an empty read with every cell of the version null. */
export function emptyRead(version: TemplateVersion, file: string): TableRead {
  const cells: Record<string, number | null> = {};
  for (const c of cellDeclarations(version)) cells[c.path] = null;
  return {
    file,
    cells,
    units: {},
    cellNotes: {},
    combined: {},
    issues: [],
    unplaced: [],
    placed: new Set(),
    numbersSeen: 0,
    numbersPlaced: 0,
  };
}

export function place(
  read: TableRead,
  version: TemplateVersion,
  path: string,
  cell: Cell,
  unitColumn: string | null,
): void {
  const decl = findCell(version, path);
  if (!decl) throw new Error(`no cell ${path}`);
  read.placed.add(path);
  if (cell.kind === 'empty') {
    read.cells[path] = null;
    return;
  }
  if (cell.kind !== 'value') {
    read.cells[path] = null;
    read.cellNotes[path] = cell.raw;
    read.issues.push({
      file: read.file,
      severity: 'warning',
      field: decl.table,
      message: `${describeCell(decl)}印的是文字「${cell.raw}」，没有数字：已记为空白，文字写入单元格注释。`,
    });
    return;
  }
  if (cell.value !== null) read.numbersPlaced++;
  read.cells[path] = cell.value;
  if (cell.note !== undefined) read.cellNotes[path] = cell.note;
  if (unitColumn !== null && cell.unit !== undefined) read.units[unitColumn] = cell.unit;
  const kindError =
    cell.value === null
      ? null
      : VALUE_KIND_ERROR[valueKindViolation(decl.column.kind, cell.value) ?? ''];
  if (kindError) {
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: decl.table,
      message: `${describeCell(decl)}原文为「${cell.raw}」，${kindError}。请对照原文核对。`,
    });
  }
}

/** The importer's wording of a value that does not fit its column's kind. */
const VALUE_KIND_ERROR: Readonly<Record<string, string>> = {
  integer: '这一列应为整数',
  negative: '这一列不能为负数',
};
