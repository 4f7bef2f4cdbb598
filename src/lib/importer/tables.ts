/**
 * Reads the three statistical tables of a report into cells of a template version.
 *
 * Rows are matched to the template by label, tolerant of the variants real reports print; rows
 * whose label a PDF conversion lost are placed by their order between labelled rows. Every
 * number found in a table is either placed in a cell or reported as not placed, with the reason.
 */

import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  TEMPLATES,
  applicationLeaves,
  cellDeclarations,
  describeCell,
  type Column,
  type ProactiveSection,
  type TableId,
  type TemplateVersion,
} from '../templates.ts';
import { isValue, parseCell, splitLayout, type Cell } from './cells.ts';
import { PAGE_MARKER } from './document.ts';
import { LABEL_VARIANTS, NOTE_COLUMN_HINTS, coreLabel, normLabel } from './labels.ts';
import type { SourceLine } from './source.ts';

export interface Issue {
  readonly severity: 'error' | 'warning';
  readonly table?: TableId;
  readonly message: string;
}

/** Numbers that could not be placed, with where they were printed and why. */
export interface Unplaced {
  readonly table: TableId;
  readonly line: number;
  readonly values: readonly string[];
  readonly reason: string;
}

export interface TableRead {
  readonly cells: Record<string, number | null>;
  readonly units: Record<string, string | null>;
  readonly notes: Record<string, string>;
  readonly issues: Issue[];
  readonly unplaced: Unplaced[];
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

interface Row {
  readonly line: number;
  /** All cells but ruled lines, as printed. */
  readonly cells: readonly Cell[];
  /** Text cells joined, as printed. */
  readonly label: string;
  readonly norm: string;
  /** Cells after the last text cell: values and blanks. */
  readonly values: Cell[];
}

const NOTE_LINE = /^(注|说明|备注)\s*\d*\s*[:：]/u;

function lineCells(line: SourceLine): Cell[] {
  return (line.cells ?? splitLayout(line.text)).map(parseCell);
}

function countNumbers(cells: readonly Cell[]): number {
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
function buildRows(lines: readonly SourceLine[]): Row[] {
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
      cells,
      label,
      norm: normLabel(label),
      values: cells.slice(lastText + 1),
    });
  }
  return rows;
}

interface Fitted {
  readonly cells: readonly Cell[];
  /** Cells beyond the table's width that hold numbers. */
  readonly extra: readonly Cell[];
  /** Fewer cells than columns. */
  readonly short: boolean;
}

/**
 * Fits a row's cells to the table's width. Web pages add empty cells around merged labels and at
 * the end of rows; those are dropped (from the end first). Numbers beyond the width are extra.
 */
function fit(values: readonly Cell[], width: number): Fitted {
  const cells = [...values];
  while (cells.length > width && cells[cells.length - 1]?.kind === 'empty') cells.pop();
  while (cells.length > width && cells[0]?.kind === 'empty') cells.shift();
  if (cells.length > width) {
    return {
      cells: cells.slice(0, width),
      extra: cells.slice(width).filter((c) => c.kind !== 'empty'),
      short: false,
    };
  }
  return { cells, extra: [], short: cells.length < width };
}

function rawList(cells: readonly Cell[]): string[] {
  return cells.filter((c) => c.kind !== 'empty').map((c) => c.raw);
}

/** Creates an empty read with every cell of the version null. */
export function emptyRead(version: TemplateVersion): TableRead {
  const cells: Record<string, number | null> = {};
  for (const c of cellDeclarations(version)) cells[c.path] = null;
  return {
    cells,
    units: {},
    notes: {},
    issues: [],
    unplaced: [],
    numbersSeen: 0,
    numbersPlaced: 0,
  };
}

function place(
  read: TableRead,
  version: TemplateVersion,
  path: string,
  cell: Cell,
  unitColumn: string | null,
): void {
  const decl = cellDeclarations(version).find((c) => c.path === path);
  if (!decl) throw new Error(`no cell ${path}`);
  if (cell.kind === 'empty') {
    read.cells[path] = null;
    return;
  }
  if (cell.kind !== 'value') {
    read.cells[path] = null;
    read.notes[path] = cell.raw;
    read.issues.push({
      severity: 'warning',
      table: decl.table,
      message: `${describeCell(decl)}印的是文字「${cell.raw}」，没有数字：已记为空白，文字写入单元格注释。`,
    });
    return;
  }
  if (cell.value !== null) read.numbersPlaced++;
  read.cells[path] = cell.value;
  if (cell.note !== undefined) read.notes[path] = cell.note;
  if (unitColumn !== null && cell.unit !== undefined) read.units[unitColumn] = cell.unit;
  const kindError = valueKindError(decl.column, cell.value);
  if (kindError) {
    read.issues.push({
      severity: 'error',
      table: decl.table,
      message: `${describeCell(decl)}原文为「${cell.raw}」，${kindError}。请对照原文核对。`,
    });
  }
}

function valueKindError(column: Column, value: number | null): string | null {
  if (value === null) return null;
  if (column.kind !== 'money' && !Number.isInteger(value)) return '这一列应为整数';
  if (column.kind !== 'signed' && value < 0) return '这一列不能为负数';
  return null;
}

/* ---------------------------------------------------------------------------------------- */
/* Table 二                                                                                    */
/* ---------------------------------------------------------------------------------------- */

interface ProactiveRowDecl {
  readonly section: ProactiveSection;
  readonly id: string;
  readonly label: string;
  readonly norm: string;
}

function proactiveScore(rowNorm: string, decl: ProactiveRowDecl, version: TemplateVersion): number {
  if (rowNorm === '') return 0;
  const variant = LABEL_VARIANTS.some(
    (v) =>
      v.versions.includes(version) &&
      v.row === `proactive.${decl.id}` &&
      normLabel(v.text) === rowNorm,
  );
  if (variant || rowNorm === decl.norm) return 3;
  if (rowNorm.includes(decl.norm)) return 2;
  if (rowNorm.length >= 2 && decl.norm.includes(rowNorm)) return 1;
  return 0;
}

export function readProactive(
  version: TemplateVersion,
  lines: readonly SourceLine[],
  read: TableRead,
): void {
  const decls: ProactiveRowDecl[] = TEMPLATES[version].proactive.flatMap((section) =>
    section.rows.map((r) => ({ section, id: r.id, label: r.label, norm: normLabel(r.label) })),
  );
  const rows = buildRows(lines);
  const orphans: { row: Row; cell: Cell }[] = [];
  const filled = new Map<string, { row: Row; fitted: Fitted }>();
  const unplace = (row: Row, cells: readonly Cell[], reason: string) => {
    const values = rawList(cells);
    if (values.length > 0)
      read.unplaced.push({ table: 'proactive', line: row.line, values, reason });
  };

  for (const parsed of rows) {
    const row = splitTextCells(parsed, decls, version);
    read.numbersSeen += countNumbers(row.values);
    if (row.norm === '') {
      for (const cell of row.values) if (cell.kind === 'value') orphans.push({ row, cell });
      continue;
    }
    const scored = decls
      .map((d) => ({ d, score: proactiveScore(row.norm, d, version) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    const hasValues = row.values.some((c) => c.kind !== 'empty');
    if (!best || (scored[1] && scored[1].score === best.score)) {
      if (hasValues) {
        unplace(
          row,
          row.values,
          best
            ? `行标签「${row.label}」可以对应多行（${scored
                .filter((s) => s.score === best.score)
                .map((s) => `「${s.d.label}」`)
                .join('、')}），无法确定`
            : `无法识别的行标签「${row.label}」（不是${version}年版表二的行）`,
        );
      }
      continue;
    }
    if (!hasValues && row.values.length === 0) continue;
    if (filled.has(best.d.id)) {
      unplace(row, row.values, `表二「${best.d.label}」行出现了两次，这一行没有采用`);
      continue;
    }
    filled.set(best.d.id, { row, fitted: fit(row.values, best.d.section.columns.length) });
  }

  // Cells a PDF conversion pulled out of their rows ("22（其中修订 16 件）") go back, in order, to
  // the rows that lack one cell; the note's words say which column.
  const queue = [...orphans];
  for (const decl of decls) {
    const entry = filled.get(decl.id);
    if (!entry) continue;
    const { section } = decl;
    const width = section.columns.length;
    const { fitted, row } = entry;
    const rowLabel = `表二${section.heading}「${decl.label}」行`;
    for (const cell of fitted.extra) {
      unplace(row, [cell], `${rowLabel}只有 ${width} 个单元格，多出的数字没有放入`);
    }
    let cells: (Cell | undefined)[] = [...fitted.cells];
    if (fitted.short) {
      const missing = width - fitted.cells.length;
      const orphan = missing === 1 ? queue[0] : undefined;
      const hinted = orphan ? hintedColumn(orphan.cell, section) : -1;
      if (orphan && hinted >= 0) {
        queue.shift();
        cells = [...fitted.cells];
        cells.splice(hinted, 0, orphan.cell);
        read.issues.push({
          severity: 'warning',
          table: 'proactive',
          message: `${rowLabel}：单元格「${orphan.cell.raw}」在原文中与行分开了，按注释的文字放入「${section.columns[hinted]?.label}」列。请对照原文核对。`,
        });
      } else if (fitted.cells.every((c) => c.kind === 'empty')) {
        cells = section.columns.map(() => undefined);
        read.issues.push({
          severity: 'warning',
          table: 'proactive',
          message: `${rowLabel}只读到 ${fitted.cells.length} 个空白单元格（应为 ${width} 个），整行记为空白。`,
        });
      } else {
        unplace(
          row,
          fitted.cells,
          `${rowLabel}只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪一格空缺`,
        );
        filled.delete(decl.id);
        continue;
      }
    }
    section.columns.forEach((column, k) => {
      const cell = cells[k] ?? { kind: 'empty' as const, raw: '' };
      const unit = section.unit?.column === column.id ? `proactive.${decl.id}.${column.id}` : null;
      place(read, version, `proactive.${decl.id}.${column.id}`, cell, unit);
    });
    if (section.unit) {
      const path = `proactive.${decl.id}.${section.unit.column}`;
      if (!(path in read.units)) read.units[path] = null;
    }
  }
  for (const orphan of queue) {
    unplace(orphan.row, [orphan.cell], '这个数字在原文中没有行标签，也没有缺一格的行可以放入');
  }
  for (const decl of decls) {
    if (!filled.has(decl.id)) {
      read.issues.push({
        severity: 'error',
        table: 'proactive',
        message: `缺少表二${decl.section.heading}「${decl.label}」行。`,
      });
    }
  }
}

/**
 * A row whose cells are all text ("行政许可→见附件") has no values by the usual split; when its
 * first cells alone are exactly a row label, the rest are its cells.
 */
function splitTextCells(
  row: Row,
  decls: readonly ProactiveRowDecl[],
  version: TemplateVersion,
): Row {
  if (row.values.length > 0) return row;
  const texts = row.cells.filter((c) => c.kind !== 'empty');
  for (let j = 1; j < texts.length; j++) {
    const label = texts
      .slice(0, j)
      .map((c) => c.raw)
      .join(' ');
    const norm = normLabel(label);
    if (decls.some((d) => proactiveScore(norm, d, version) === 3)) {
      return { ...row, label, norm, values: texts.slice(j) };
    }
  }
  return row;
}

function hintedColumn(cell: Cell, section: ProactiveSection): number {
  const note = cell.kind === 'value' ? (cell.note ?? '') : '';
  const hits = section.columns
    .map((c, k) => ({ k, words: NOTE_COLUMN_HINTS[c.id] ?? [] }))
    .filter((h) => h.words.some((w) => note.includes(w)));
  return hits.length === 1 ? (hits[0]?.k ?? -1) : -1;
}

/* ---------------------------------------------------------------------------------------- */
/* Table 三                                                                                    */
/* ---------------------------------------------------------------------------------------- */

interface LeafDecl {
  readonly keys: readonly string[];
  readonly label: string;
  readonly norm: string;
  readonly core: string;
  /** All printed labels of the row joined (group + item), and of its groups only. */
  readonly pathNorm: string;
  readonly groupNorm: string;
  readonly describe: string;
}

function leafScore(row: Row, leaf: LeafDecl, version: TemplateVersion): number {
  const t = row.norm;
  if (t === '') return 0;
  const variant = LABEL_VARIANTS.some(
    (v) =>
      v.versions.includes(version) &&
      v.row === ['applications', ...leaf.keys].join('.') &&
      t.includes(normLabel(v.text)),
  );
  if (variant || t.includes(leaf.norm)) return 3;
  if (leaf.core.length >= 4 && t.includes(leaf.core)) return 2;
  // A fragment of a label a PDF conversion split: it must reach into the row's own label, or a
  // group label alone (（六）其他处理 printed as one row) would pass for one of its items.
  const fragment =
    leaf.norm.includes(t) || (leaf.pathNorm.includes(t) && !leaf.groupNorm.includes(t));
  if (t.length >= 4 && /\p{Script=Han}/u.test(t) && fragment) return 1;
  return 0;
}

export function readApplications(
  version: TemplateVersion,
  lines: readonly SourceLine[],
  read: TableRead,
): void {
  // Printed groups without a key of their own (三、本年度办理结果) are left out of row names.
  const unkeyedGroups = TEMPLATES[version].applicationRows
    .filter((r) => r.key === null)
    .map((r) => r.label);
  const leaves: LeafDecl[] = applicationLeaves(TEMPLATES[version]).map((l) => {
    const label = l.labels[l.labels.length - 1] ?? '';
    const norm = normLabel(label);
    return {
      keys: l.keys,
      label,
      norm,
      core: coreLabel(norm),
      pathNorm: normLabel(l.labels.join('')),
      groupNorm: normLabel(l.labels.slice(0, -1).join('')),
      describe: l.labels.filter((x) => !unkeyedGroups.includes(x)).join(' '),
    };
  });
  const width = APPLICATION_COLUMNS.length;
  const rows = buildRows(lines).filter((row) => {
    const numbers = countNumbers(row.values);
    read.numbersSeen += numbers;
    if (numbers > 0 || row.values.some((c) => c.kind === 'value')) return true;
    return row.values.length > 0 && leaves.some((l) => leafScore(row, l, version) >= 2);
  });

  // Align rows with the template's rows in order (edit distance): a row whose label matches is
  // placed there; a row without a label is placed by its position between matched rows.
  const n = rows.length;
  const m = leaves.length;
  const SKIP = 10;
  const cost = (i: number, j: number): number => {
    const row = rows[i];
    const leaf = leaves[j];
    if (!row || !leaf) return Infinity;
    if (row.norm === '') return 1;
    const s = leafScore(row, leaf, version);
    return s === 0 ? Infinity : (3 - s) * 0.5;
  };
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => dp[i]?.[j] ?? Infinity;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const options = [
        i > 0 && j > 0 ? at(i - 1, j - 1) + cost(i - 1, j - 1) : Infinity,
        i > 0 ? at(i - 1, j) + SKIP : Infinity,
        j > 0 ? at(i, j - 1) + SKIP : Infinity,
      ];
      (dp[i] as number[])[j] = Math.min(...options);
    }
  }
  const matches: { row: Row; leaf: LeafDecl }[] = [];
  const extraRows: Row[] = [];
  const missing: number[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const here = at(i, j);
    if (i > 0 && j > 0 && here === at(i - 1, j - 1) + cost(i - 1, j - 1)) {
      matches.unshift({ row: rows[i - 1] as Row, leaf: leaves[j - 1] as LeafDecl });
      i--;
      j--;
    } else if (i > 0 && here === at(i - 1, j) + SKIP) {
      extraRows.unshift(rows[i - 1] as Row);
      i--;
    } else {
      missing.unshift(j - 1);
      j--;
    }
  }

  for (const { row, leaf } of matches) {
    const fitted = fit(row.values, width);
    const label = `表三「${leaf.describe}」行`;
    if (fitted.extra.length > 0) {
      read.unplaced.push({
        table: 'applications',
        line: row.line,
        values: rawList(fitted.extra),
        reason: `${label}只有 ${width} 个单元格，多出的数字没有放入`,
      });
    }
    let cells: readonly Cell[] = fitted.cells;
    if (fitted.short) {
      if (fitted.cells.every((c) => c.kind === 'empty')) {
        cells = [];
        read.issues.push({
          severity: 'warning',
          table: 'applications',
          message: `${label}只读到 ${fitted.cells.length} 个空白单元格（应为 ${width} 个），整行记为空白。`,
        });
      } else {
        read.unplaced.push({
          table: 'applications',
          line: row.line,
          values: rawList(fitted.cells),
          reason: `${label}只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪些单元格空白`,
        });
        missing.push(leaves.indexOf(leaf));
        continue;
      }
    }
    if (row.norm === '') {
      read.issues.push({
        severity: 'warning',
        table: 'applications',
        message: `第 ${row.line} 行的数字没有行标签（原文的标签与数字分开了），按顺序放入${label}。请对照原文核对。`,
      });
    }
    APPLICATION_COLUMNS.forEach((column, k) => {
      const path = ['applications', ...leaf.keys, column.id].join('.');
      place(read, version, path, cells[k] ?? { kind: 'empty', raw: '' }, null);
    });
  }
  const missingLeaves = [...new Set(missing)]
    .sort((a, b) => a - b)
    .map((j) => leaves[j] as LeafDecl);
  for (const row of extraRows) {
    const guess = positionalGuess(row, rows, matches, leaves, missingLeaves);
    read.unplaced.push({
      table: 'applications',
      line: row.line,
      values: rawList(row.values),
      reason: row.norm
        ? `无法识别的行标签「${row.label}」${guess}`
        : `这一行没有行标签，按位置也无法确定是哪一行`,
    });
  }
  for (const leaf of missingLeaves) {
    read.issues.push({
      severity: 'error',
      table: 'applications',
      message: `缺少表三「${leaf.describe}」行。`,
    });
  }
  const singleOther = applicationLeaves(TEMPLATES[2019]).find((l) => l.keys.join('.') === 'other');
  const singleOtherNorm = normLabel(singleOther?.labels.at(-1) ?? '');
  const otherRowMissing = missing.some((j) => leaves[j]?.keys[0] === 'other');
  if (
    version === 2021 &&
    otherRowMissing &&
    extraRows.some((r) => r.norm.includes(singleOtherNorm))
  ) {
    read.issues.push({
      severity: 'warning',
      table: 'applications',
      message: `原文的「${singleOther?.labels.at(-1)}」只有一行（2019 年版的写法），而 2021 年版分 3 项：请对照原文确认如何录入。`,
    });
  }
}

/** "（按位置可能是「2.其他法律行政法规禁止公开」）" for an unknown label between matched rows. */
function positionalGuess(
  row: Row,
  rows: readonly Row[],
  matches: readonly { row: Row; leaf: LeafDecl }[],
  leaves: readonly LeafDecl[],
  missing: readonly LeafDecl[],
): string {
  const index = rows.indexOf(row);
  const before = [...matches].reverse().find((mt) => rows.indexOf(mt.row) < index);
  const lo = before ? leaves.indexOf(before.leaf) : -1;
  const candidate = missing.find((l) => leaves.indexOf(l) > lo);
  return candidate ? `（按位置可能是「${candidate.describe}」）` : '';
}

/* ---------------------------------------------------------------------------------------- */
/* Table 四                                                                                    */
/* ---------------------------------------------------------------------------------------- */

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
  if (rows.length === 0) {
    read.issues.push({ severity: 'error', table: 'appeals', message: '没有找到表四的数字。' });
    return;
  }
  const fitted = fit(values, width);
  if (fitted.short) {
    read.unplaced.push({
      table: 'appeals',
      line: firstLine,
      values: rawList(fitted.cells),
      reason: `表四只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪些单元格空白`,
    });
    read.issues.push({ severity: 'error', table: 'appeals', message: '表四的数字没有放入。' });
    return;
  }
  if (fitted.extra.length > 0) {
    read.unplaced.push({
      table: 'appeals',
      line: firstLine,
      values: rawList(fitted.extra),
      reason: `表四的数据行有 ${fitted.cells.length + fitted.extra.length} 个数字，表格只有 ${width} 个单元格；按顺序放入前 ${width} 个，多出的没有放入`,
    });
  }
  let k = 0;
  for (const row of APPEALS_ROWS) {
    for (const column of APPEALS_COLUMNS) {
      const cell = fitted.cells[k++] ?? { kind: 'empty' as const, raw: '' };
      place(read, version, `appeals.${row.id}.${column.id}`, cell, null);
    }
  }
}
