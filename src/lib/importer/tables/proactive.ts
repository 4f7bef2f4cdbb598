/**
 * Reads table 二 (主动公开): rows matched to the version's rows by label, cells a PDF conversion
 * pulled out of their rows put back by the words of their note.
 */

import type { ProactiveSection, TemplateVersion } from '../../template/declarations.ts';
import { templateOf } from '../../template/registry.ts';
import type { Cell } from '../cells.ts';
import { NOTE_COLUMN_HINTS, labelVariants, normLabel } from '../labels.ts';
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

interface ProactiveRowDecl {
  readonly section: ProactiveSection;
  readonly id: string;
  readonly label: string;
  readonly norm: string;
}

function proactiveScore(rowNorm: string, decl: ProactiveRowDecl, version: TemplateVersion): number {
  if (rowNorm === '') return 0;
  const variant = labelVariants(version).some(
    (v) => v.row === `proactive.${decl.id}` && normLabel(v.text) === rowNorm,
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
  const decls: ProactiveRowDecl[] = templateOf(version).proactive.flatMap((section) =>
    section.rows.map((r) => ({ section, id: r.id, label: r.label, norm: normLabel(r.label) })),
  );
  const rows = buildRows(lines);
  const orphans: { row: Row; cell: Cell }[] = [];
  const filled = new Map<string, { row: Row; fitted: Fitted }>();
  const unplace = (row: Row, cells: readonly Cell[], reason: string) => {
    const values = rawList(cells);
    if (values.length > 0)
      read.unplaced.push({ table: 'proactive', line: row.line, where: row.where, values, reason });
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
  // Rows found whose numbers are listed as not placed: not "missing" to the editor.
  const refused = new Set<string>();
  for (const decl of decls) {
    const entry = filled.get(decl.id);
    if (!entry) continue;
    const { section } = decl;
    const width = section.columns.length;
    const { fitted, row } = entry;
    const rowLabel = `表二${section.heading}「${decl.label}」行`;
    if (fitted.extra.length > 0) {
      unplace(row, row.values, tooManyCells(rowLabel, fitted.printed, width));
      filled.delete(decl.id);
      refused.add(decl.id);
      continue;
    }
    if (fitted.ambiguous) {
      unplace(
        row,
        row.values,
        `${rowLabel}有 ${row.values.length} 个单元格（应为 ${width} 个），两端都有空白单元格，无法确定数字属于哪一列`,
      );
      filled.delete(decl.id);
      refused.add(decl.id);
      continue;
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
          file: read.file,
          severity: 'warning',
          field: 'proactive',
          message: `${rowLabel}：单元格「${orphan.cell.raw}」在原文中与行分开了，按注释的文字放入「${section.columns[hinted]?.label}」列。请对照原文核对。`,
        });
      } else if (fitted.cells.every((c) => c.kind === 'empty')) {
        cells = section.columns.map(() => undefined);
        read.issues.push({
          file: read.file,
          severity: 'warning',
          field: 'proactive',
          message: `${rowLabel}只读到 ${fitted.cells.length} 个空白单元格（应为 ${width} 个），整行记为空白。`,
        });
      } else {
        unplace(
          row,
          fitted.cells,
          `${rowLabel}只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪一格空缺`,
        );
        filled.delete(decl.id);
        refused.add(decl.id);
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
    if (!filled.has(decl.id) && !refused.has(decl.id)) {
      read.issues.push({
        file: read.file,
        severity: 'error',
        field: 'proactive',
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
