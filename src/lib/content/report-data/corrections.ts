/**
 * Corrections on the record (CONTRACT.md, issue 13): the `corrections` list of a report YAML, where
 * the archive says which published number it changed, when, why, and whether the agency published
 * an erratum or the archive fixed its own typing error. The record cannot drift from the table it
 * describes: for each cell, the latest correction's `new` (by date, then list order) must equal the
 * cell's current value, and a cell corrected more than once must chain (each `old` is the `new`
 * before it).
 */

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { describeCell, findCell } from '../../template/cells.ts';
import { describeNode, lineOf, sourceOf, type Entry } from '../yaml-source.ts';
import { checkedEntries, type ReadContext } from './entries.ts';

export type CorrectionKind = 'erratum' | 'typo';

export interface CorrectedCell {
  readonly cell: string;
  readonly old: number | null;
  readonly new: number | null;
}

export interface Correction {
  readonly date: string;
  readonly kind: CorrectionKind;
  readonly reason: string;
  readonly cells: readonly CorrectedCell[];
}

const ENTRY_KEYS = ['date', 'kind', 'reason', 'cells'] as const;
const CELL_KEYS = ['cell', 'old', 'new'] as const;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Reads `corrections` after the cells (`ctx.cells`) have been read. Problems are appended to
 * `ctx.problems`; only well-formed entries are returned.
 */
export function readCorrections(ctx: ReadContext, entry: Entry | undefined): Correction[] {
  const out: Correction[] = [];
  if (!entry) return out;
  /** Every well-formed corrected cell, checked against the table once all entries are read. */
  const seen: {
    path: string;
    date: string;
    index: number;
    old: number | null;
    new: number | null;
    field: string;
    oldLine: number | undefined;
    newLine: number | undefined;
    label: string;
  }[] = [];
  const error = (line: number | undefined, field: string, message: string) =>
    ctx.problems.push({ severity: 'error', file: ctx.src.file, line, field, message });
  if (!isSeq(entry.value)) {
    error(
      entry.line,
      'corrections',
      `corrections 应为列表（每条以「- date:」开头），实为${describeNode(ctx.src, entry.value)}。`,
    );
    return out;
  }
  entry.value.items.forEach((item, i) => {
    const node = item as Node | null;
    const field = `corrections[${i}]`;
    const line = lineOf(ctx.src, node) ?? entry.line;
    if (!isMap(node)) {
      error(
        line,
        field,
        `每条更正记录应为一组字段（date、kind、reason、cells），实为${describeNode(ctx.src, node)}。`,
      );
      return;
    }
    const entries = checkedEntries(ctx.src, node, ctx.problems, {
      field,
      allowed: ENTRY_KEYS,
      what: '更正记录',
    });
    let ok = entries.size === ENTRY_KEYS.length;
    const text = (key: string) => {
      const e = entries.get(key);
      return e && isScalar(e.value) ? String(e.value.value ?? '').trim() : '';
    };
    const date = text('date');
    if (entries.has('date') && !DATE.test(date)) {
      ok = false;
      error(
        entries.get('date')?.line,
        `${field}.date`,
        `更正日期应写成「2026-03-01」这样的 年-月-日，实为${describeNode(ctx.src, entries.get('date')?.value)}。`,
      );
    }
    const kind = text('kind');
    if (entries.has('kind') && kind !== 'erratum' && kind !== 'typo') {
      ok = false;
      error(
        entries.get('kind')?.line,
        `${field}.kind`,
        `更正类型应为 erratum（机构发布了更正）或 typo（本站录入时打错），实为${describeNode(ctx.src, entries.get('kind')?.value)}。`,
      );
    }
    const reason = text('reason');
    if (entries.has('reason') && reason === '') {
      ok = false;
      error(
        entries.get('reason')?.line,
        `${field}.reason`,
        '请写明更正原因，例如「机构于 2026-02-20 发布更正说明」。',
      );
    }
    const cells: CorrectedCell[] = [];
    const cellsEntry = entries.get('cells');
    if (cellsEntry && (!isSeq(cellsEntry.value) || cellsEntry.value.items.length === 0)) {
      ok = false;
      error(
        cellsEntry.line,
        `${field}.cells`,
        `cells 应为更正过的单元格列表，例如「- { cell: applications.received.natural, old: 150, new: 151 }」，实为${describeNode(ctx.src, cellsEntry.value)}。`,
      );
    } else if (cellsEntry && isSeq(cellsEntry.value)) {
      cellsEntry.value.items.forEach((c, j) => {
        const cf = `${field}.cells[${j}]`;
        const cnode = c as Node | null;
        const cline = lineOf(ctx.src, cnode) ?? cellsEntry.line;
        if (!isMap(cnode)) {
          ok = false;
          error(
            cline,
            cf,
            `应为 { cell: 单元格路径, old: 原值, new: 新值 }，实为${describeNode(ctx.src, cnode)}。`,
          );
          return;
        }
        const ce = checkedEntries(ctx.src, cnode, ctx.problems, {
          field: cf,
          allowed: CELL_KEYS,
          what: '更正的单元格',
        });
        if (ce.size !== CELL_KEYS.length) {
          ok = false;
          return;
        }
        const path = isScalar(ce.get('cell')?.value)
          ? String((ce.get('cell')!.value as { value: unknown }).value)
          : '';
        const decl = findCell(ctx.version, path);
        if (!decl) {
          ok = false;
          error(
            ce.get('cell')?.line,
            `${cf}.cell`,
            `「${path}」不是 ${ctx.version} 年版表格的单元格路径（写法与 cell_notes 相同，例如 applications.received.natural）。`,
          );
          return;
        }
        const value = (key: 'old' | 'new'): number | null | undefined => {
          const v = ce.get(key)!.value;
          if (isScalar(v) && v.value === null) return null;
          if (isScalar(v) && typeof v.value === 'number' && NUMBER.test(sourceOf(ctx.src, v)))
            return v.value;
          ok = false;
          error(
            ce.get(key)?.line,
            `${cf}.${key}`,
            `${key === 'old' ? '原值' : '新值'}应为数字或 null，实为${describeNode(ctx.src, v)}。`,
          );
          return undefined;
        };
        const oldValue = value('old');
        const newValue = value('new');
        if (oldValue === undefined || newValue === undefined) return;
        seen.push({
          path,
          date,
          index: i,
          old: oldValue,
          new: newValue,
          field: cf,
          oldLine: ce.get('old')?.line,
          newLine: ce.get('new')?.line,
          label: describeCell(decl),
        });
        cells.push({ cell: path, old: oldValue, new: newValue });
      });
    }
    if (ok) out.push({ date, kind: kind as CorrectionKind, reason, cells });
  });
  const show = (v: number | null | undefined) => (v === null || v === undefined ? 'null' : v);
  const paths = [...new Set(seen.map((c) => c.path))];
  for (const path of paths) {
    const chain = seen
      .filter((c) => c.path === path)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
    chain.slice(1).forEach((c, k) => {
      const before = chain[k]!;
      if (c.old !== before.new) {
        error(
          c.oldLine,
          `${c.field}.old`,
          `同一格的更正应前后相接：${c.label}（${path}）在 ${before.date} 的更正中已改为 ${show(before.new)}，这一条（${c.date}）的原值 old 却是 ${show(c.old)}。请把 old 改为 ${show(before.new)}，或核对两条更正的日期。`,
        );
      }
    });
    const last = chain.at(-1)!;
    const current = ctx.cells[path];
    if (current !== undefined && current !== last.new) {
      error(
        last.newLine,
        `${last.field}.new`,
        `更正记录写的新值是 ${show(last.new)}，但${last.label}（${path}）现在是 ${show(current)}。请核对：要么把表格中的这一格改为 ${show(last.new)}，要么把 new 改为 ${show(current)}。${chain.length > 1 ? '（这一格有多条更正，以日期最晚的一条为准。）' : ''}`,
      );
    }
  }
  return out;
}
