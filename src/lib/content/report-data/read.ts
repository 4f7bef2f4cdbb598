/**
 * Reads and validates a report's tables (`data/reports/<agency>/<year>.yaml`) against the national
 * template version it declares, then runs the consistency rules and reconciles their failures
 * with the acknowledged discrepancies (`reconcile.ts`).
 *
 * This module reads the structure: the root keys, tables 二, 三 and 四 cell by cell, cell notes.
 * The shape expected is derived from `template/`; nothing here repeats a label or a key list.
 * Every problem names the file, the YAML line, the field, the printed labels, what was found and
 * what was expected.
 */

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Problem } from '../problems.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  TABLE_SHORT,
  TABLE_TITLES,
  type ApplicationRow,
  type Column,
  type ProactiveSection,
} from '../../template/declarations.ts';
import {
  cellDeclarations,
  describeCell,
  findCell,
  walkApplicationRows,
  type CellDeclaration,
} from '../../template/cells.ts';
import { NOT_PRINTED, type Notice, type ReportTables } from '../../template/model.ts';
import { isTemplateVersion, otherVersions, templateOf } from '../../template/registry.ts';
import { blankTotals, failingChecks } from '../../template/rules.ts';
import { VALUE_KIND_EXPECTED, valueKindViolation } from '../../template/value-kinds.ts';
import { rowShapeHint, versionChoiceText } from '../../template/wording.ts';
import {
  describeNode,
  entriesOf,
  lineOf,
  parseYaml,
  sourceOf,
  type Entry,
} from '../yaml-source.ts';
import { readCorrections, type Correction } from './corrections.ts';
import { readDiscrepancies } from './discrepancies.ts';
import { checkedEntries, expectMap, type ReadContext } from './entries.ts';
import { reconcile } from './reconcile.ts';

export interface ReportDataResult {
  /** Undefined when the file could not be read far enough to know its cells. */
  readonly tables?: ReportTables;
  /** Acknowledged rule failures (shown on the page, not errors). */
  readonly notices: readonly Notice[];
  /** Line of each cell in the YAML, and of `template`, for messages about them. */
  readonly lines: Readonly<Record<string, number | undefined>>;
  /** `status: draft`: not to be published (built only as a preview, NIANBAO_DRAFTS=1). */
  readonly draft: boolean;
  /** Total cells the original left blank over filled cells ("not given"), once each. */
  readonly blankTotals: readonly string[];
  /** The `corrections` list, validated (issue 13); empty when absent. */
  readonly corrections?: readonly Correction[];
}

/** The only value `status` may take; absent means published. */
export const DRAFT_STATUS = 'draft';

const ROOT_KEYS = [
  'template',
  'proactive',
  'applications',
  'appeals',
  'cell_notes',
  'discrepancies',
  'status',
  'corrections',
] as const;
const NUMBER_SOURCE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Parses and validates one report YAML file. Problems are appended to `problems`. */
export function readReportData(file: string, text: string, problems: Problem[]): ReportDataResult {
  const src = parseYaml(file, text, problems, { scan: true });
  if (!src) return { notices: [], lines: {}, draft: false, blankTotals: [] };
  const root = src.doc.contents;
  const error = (line: number | undefined, field: string | undefined, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });

  if (!isMap(root)) {
    error(
      lineOf(src, root) ?? 1,
      undefined,
      `文件应为一组字段（template、proactive、applications、appeals 等），实为${describeNode(src, root)}。`,
    );
    return { notices: [], lines: {}, draft: false, blankTotals: [] };
  }
  const entries = checkedEntries(src, root, problems, {
    field: '',
    allowed: ROOT_KEYS,
    what: '报告数据',
    optional: ['status', 'cell_notes', 'discrepancies', 'corrections'],
  });
  const draft = readStatus(file, src, entries.get('status'), problems);
  const templateEntry = entries.get('template');
  if (!templateEntry) return { notices: [], lines: {}, draft: false, blankTotals: [] };
  const templateValue = isScalar(templateEntry.value) ? templateEntry.value.value : undefined;
  if (!isTemplateVersion(templateValue)) {
    error(
      templateEntry.line,
      'template',
      `模板版本应为 ${versionChoiceText()}，实为${describeNode(src, templateEntry.value)}。`,
    );
    return { notices: [], lines: {}, draft: false, blankTotals: [] };
  }
  const ctx: ReadContext = {
    src,
    version: templateValue,
    problems,
    cells: {},
    lines: {},
    units: {},
    notPrinted: new Set(),
    combined: {},
  };
  ctx.lines.template = templateEntry.line;

  readProactive(ctx, entries.get('proactive'));
  readApplications(ctx, entries.get('applications'));
  readAppeals(ctx, entries.get('appeals'));
  const cellNotes = readCellNotes(ctx, entries.get('cell_notes'));
  const discrepancies = readDiscrepancies(ctx, entries.get('discrepancies'));
  const corrections = readCorrections(ctx, entries.get('corrections'));

  const complete = cellDeclarations(ctx.version).every((c) => c.path in ctx.cells);
  if (!complete) return { notices: [], lines: {}, draft, blankTotals: [] };

  const tables: ReportTables = {
    template: ctx.version,
    cells: ctx.cells,
    units: ctx.units,
    cellNotes,
    discrepancies: discrepancies.map((d) => d.value),
    notPrinted: cellDeclarations(ctx.version)
      .map((c) => c.path)
      .filter((p) => ctx.notPrinted.has(p)),
    combined: ctx.combined,
  };
  const printed = { notPrinted: tables.notPrinted, combined: tables.combined };
  const failures = failingChecks(ctx.version, ctx.cells, printed);
  const notices = reconcile(ctx, failures, discrepancies, entries);
  const blanks = blankTotals(ctx.version, ctx.cells, printed);
  if (blanks.length > 0) {
    problems.push({
      severity: 'info',
      file,
      line: ctx.lines[blanks[0]!],
      field: blanks[0],
      message: `原文未填写总计（${blanks.length} 处）：${blanks.map((p) => describeCellPath(ctx, p)).join('、')}。用到这些总计的勾稽关系不核对，也不算不符；无需在 discrepancies 下确认。`,
    });
  }
  return { tables, notices, lines: ctx.lines, draft, blankTotals: blanks, corrections };
}

function describeCellPath(ctx: ReadContext, path: string): string {
  const cell = findCell(ctx.version, path);
  return cell ? describeCell(cell) : path;
}

/** `status: draft` or nothing; a draft is announced (a notice, not an error) by the check. */
function readStatus(
  file: string,
  src: NonNullable<ReturnType<typeof parseYaml>>,
  entry: Entry | undefined,
  problems: Problem[],
): boolean {
  if (!entry) return false;
  const value = isScalar(entry.value) ? entry.value.value : undefined;
  if (value !== DRAFT_STATUS) {
    problems.push({
      severity: 'error',
      file,
      line: entry.line,
      field: 'status',
      message: `status 只能写 ${DRAFT_STATUS}（草稿），实为${describeNode(src, entry.value)}。要发布这份报告，请删除 status 这一行。`,
    });
    return false;
  }
  problems.push({
    severity: 'info',
    file,
    line: entry.line,
    field: 'status',
    message: `草稿：这份报告标为 status: ${DRAFT_STATUS}，不会发布。npm run build 会拒绝构建草稿，预览请用 NIANBAO_DRAFTS=1 npm run build；核对无误后删除这一行即可发布。`,
  });
  return true;
}

/** Reads one cell's value, enforcing its kind. Records value and line on success. */
function readCell(
  ctx: ReadContext,
  cell: CellDeclaration,
  node: Node | null,
  fallbackLine?: number,
): void {
  const line = lineOf(ctx.src, node) ?? fallbackLine;
  ctx.lines[cell.path] = line;
  const fail = (expected: string, hint = '') =>
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line,
      field: cell.path,
      message: `${describeCell(cell)}应为${expected}，实为${describeNode(ctx.src, node)}。${hint}`,
    });
  const expectedText = VALUE_KIND_EXPECTED;
  if (node === null || (isScalar(node) && node.value === null)) {
    ctx.cells[cell.path] = null;
    return;
  }
  if (!isScalar(node) || typeof node.value !== 'number') {
    const text = isScalar(node) && typeof node.value === 'string' ? node.value : '';
    const hint = text
      ? '单元格里印有单位或文字的，这里只写数字（不加引号），文字写到 cell_notes 下。'
      : '';
    fail(expectedText[cell.column.kind], hint);
    return;
  }
  const value = node.value;
  const source = sourceOf(ctx.src, node);
  if (!NUMBER_SOURCE.test(source) || !Number.isFinite(value)) {
    fail(`${expectedText[cell.column.kind]}，按原文的十进制写法书写`);
    return;
  }
  if (valueKindViolation(cell.column.kind, value)) {
    fail(expectedText[cell.column.kind]);
    return;
  }
  ctx.cells[cell.path] = value;
}

function readProactive(ctx: ReadContext, entry: Entry | undefined): void {
  if (!entry) return;
  if (tableNotPrinted(ctx, entry, 'proactive')) return;
  const table = TABLE_SHORT.proactive;
  const map = expectMap(ctx, entry, 'proactive', `${table}（${TABLE_TITLES.proactive}）`);
  if (!map) return;
  const sections = templateOf(ctx.version).proactive;
  const rows = sections.flatMap((s) => s.rows.map((r) => ({ section: s, row: r })));
  const otherRows = otherVersions(ctx.version).flatMap((v) =>
    templateOf(v).proactive.flatMap((s) => s.rows.map((r) => r.id)),
  );
  const found = checkedEntries(ctx.src, map, ctx.problems, {
    field: 'proactive',
    allowed: rows.map((r) => r.row.id),
    what: `${table}（${TABLE_TITLES.proactive}）`,
    otherKeys: otherRows,
  });
  for (const { section, row } of rows) {
    const rowEntry = found.get(row.id);
    if (!rowEntry) continue;
    readProactiveRow(ctx, section, row, rowEntry);
  }
}

function readProactiveRow(
  ctx: ReadContext,
  section: ProactiveSection,
  row: ProactiveSection['rows'][number],
  entry: Entry,
): void {
  const field = `proactive.${row.id}`;
  const what = `${TABLE_SHORT.proactive}${section.heading}「${row.label}」行`;
  const map = expectMap(ctx, entry, field, what);
  if (!map) return;
  const allowed = section.columns.map((c) => c.id);
  if (section.unit) allowed.push(section.unit.key);
  const otherColumns = otherVersions(ctx.version)
    .flatMap((v) => templateOf(v).proactive.flatMap((s) => s.columns.map((c) => c.id)))
    .filter((id) => !allowed.includes(id));
  const found = checkedEntries(ctx.src, map, ctx.problems, {
    field,
    allowed,
    what,
    otherKeys: otherColumns,
  });
  for (const column of section.columns) {
    const cellEntry = found.get(column.id);
    const cell = findCell(ctx.version, `${field}.${column.id}`);
    if (cellEntry && cell) readCell(ctx, cell, cellEntry.value, cellEntry.line);
  }
  if (section.unit) {
    const unitEntry = found.get(section.unit.key);
    const path = `${field}.${section.unit.column}`;
    if (!unitEntry) return;
    const value = isScalar(unitEntry.value) ? unitEntry.value.value : undefined;
    if (value === null || (typeof value === 'string' && section.unit.allowed.includes(value))) {
      ctx.units[path] = value;
    } else {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: unitEntry.line,
        field: `${field}.${section.unit.key}`,
        message: `${what}的金额单位应为${section.unit.allowed.map((u) => `「${u}」`).join('或')}，原文没有印单位时写 null；实为${describeNode(ctx.src, unitEntry.value)}。`,
      });
    }
  }
}

/**
 * Per rows array of a declaration (declarations never change once registered): the walk is the
 * same for every report, and repeating it per report was a visible share of the check's CPU.
 */
const levelCache = new WeakMap<readonly ApplicationRow[], readonly ApplicationRow[]>();

/** The YAML keys at one mapping level of table 三: groups with `key: null` are flattened. */
function keysAtLevel(rows: readonly ApplicationRow[]): readonly ApplicationRow[] {
  const cached = levelCache.get(rows);
  if (cached) return cached;
  const out: ApplicationRow[] = [];
  walkApplicationRows(rows, ({ row }) => {
    if (row.key === null) return true;
    out.push(row);
    return false;
  });
  levelCache.set(rows, out);
  return out;
}

function readApplications(ctx: ReadContext, entry: Entry | undefined): void {
  if (!entry) return;
  if (tableNotPrinted(ctx, entry, 'applications')) return;
  const what = `${TABLE_SHORT.applications}（${TABLE_TITLES.applications}）`;
  const map = expectMap(ctx, entry, 'applications', what);
  if (map) readApplicationLevel(ctx, map, templateOf(ctx.version).applicationRows, [], [], what);
}

function readApplicationLevel(
  ctx: ReadContext,
  map: YAMLMap,
  rows: readonly ApplicationRow[],
  keys: readonly string[],
  labels: readonly string[],
  what: string,
): void {
  const level = keysAtLevel(rows);
  const field = ['applications', ...keys].join('.');
  const found = checkedEntries(ctx.src, map, ctx.problems, {
    field,
    allowed: level.map((r) => r.key ?? ''),
    what,
  });
  for (const row of level) {
    const entry = found.get(row.key ?? '');
    if (!entry || row.key === null) continue;
    const rowKeys = [...keys, row.key];
    const rowField = ['applications', ...rowKeys].join('.');
    const rowWhat = `${TABLE_SHORT.applications}「${[...labels, row.label].join(' ')}」`;
    if (row.children) {
      if (row.combinable && isSeq(entry.value)) {
        readCombinedRow(ctx, entry, row, rowKeys, `${rowWhat}行（原文印为一行）`);
        continue;
      }
      if (!isMap(entry.value)) {
        ctx.problems.push({
          severity: 'error',
          file: ctx.src.file,
          line: entry.line,
          field: rowField,
          message: `${rowWhat}应为一组子项（${row.children.map((c) => c.key).join('、')}），实为${describeNode(ctx.src, entry.value)}。${rowShapeHint(ctx.version, rowKeys)}`,
        });
        continue;
      }
      readApplicationLevel(
        ctx,
        entry.value,
        row.children,
        rowKeys,
        [...labels, row.label],
        rowWhat + '下',
      );
      continue;
    }
    readCellRow(ctx, entry, rowField, `${rowWhat}行`, APPLICATION_COLUMNS, () =>
      rowShapeHint(ctx.version, rowKeys),
    );
  }
}

/**
 * `<table>: not_printed`: the original did not print the table as text (e.g. only as an image).
 * Every cell of it is recorded as not printed (null, never 0).
 */
function tableNotPrinted(
  ctx: ReadContext,
  entry: Entry,
  table: 'proactive' | 'applications' | 'appeals',
): boolean {
  if (!isScalar(entry.value) || entry.value.value !== NOT_PRINTED) return false;
  for (const cell of cellDeclarations(ctx.version)) {
    if (cell.table !== table) continue;
    ctx.cells[cell.path] = null;
    ctx.notPrinted.add(cell.path);
    ctx.lines[cell.path] = entry.line;
  }
  return true;
}

/**
 * A combinable group (（六）其他处理 in the later format) printed as one row, the earlier way: the
 * row's cells are kept as printed; its sub-rows are not printed.
 */
function readCombinedRow(
  ctx: ReadContext,
  entry: Entry,
  row: ApplicationRow,
  keys: readonly string[],
  what: string,
): void {
  const field = ['applications', ...keys].join('.');
  const leaves = cellDeclarations(ctx.version).filter(
    (c) => c.table === 'applications' && c.path.startsWith(`${field}.`),
  );
  const items = isSeq(entry.value) ? (entry.value.items as (Node | null)[]) : [];
  if (items.length !== APPLICATION_COLUMNS.length) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field,
      message: `${what}应为 ${APPLICATION_COLUMNS.length} 个单元格的列表，按原表列的顺序：[${APPLICATION_COLUMNS.map((c) => c.label).join(', ')}]；实为 ${items.length} 个单元格。原文空白的单元格写 null，不要省略。`,
    });
  }
  APPLICATION_COLUMNS.forEach((column, i) => {
    const leaf = leaves.find((c) => c.column.id === column.id);
    if (!leaf || items.length !== APPLICATION_COLUMNS.length) return;
    // The group's own cell, described in its printed labels; kept apart from the declared cells.
    const path = `${field}.${column.id}`;
    const cell: CellDeclaration = {
      ...leaf,
      path,
      rowKeys: keys,
      rowLabels: leaf.rowLabels.slice(0, -1),
      rowName: [row.label],
    };
    readCell(ctx, cell, items[i] ?? null, entry.line);
    if (path in ctx.cells) {
      ctx.combined[path] = ctx.cells[path] ?? null;
      delete ctx.cells[path];
    }
  });
  for (const leaf of leaves) {
    ctx.cells[leaf.path] = null;
    ctx.notPrinted.add(leaf.path);
    ctx.lines[leaf.path] = entry.line;
  }
}

/**
 * A row written as a list of cells in printed column order (tables 三 and 四). `shapeHint` is
 * only called for a row of the wrong shape: it walks the declarations, and most rows are fine.
 */
function readCellRow(
  ctx: ReadContext,
  entry: Entry,
  field: string,
  what: string,
  columns: readonly Column[],
  shapeHint: () => string = () => '',
): void {
  const expected = () =>
    `${columns.length} 个单元格的列表，按原表列的顺序：[${columns.map((c) => c.label).join(', ')}]`;
  if (!isSeq(entry.value)) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field,
      message: `${what}应为 ${expected()}；实为${describeNode(ctx.src, entry.value)}。${shapeHint()}`,
    });
    return;
  }
  const items = entry.value.items as (Node | null)[];
  if (items.length !== columns.length) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field,
      message: `${what}应为 ${expected()}；实为 ${items.length} 个单元格。原文空白的单元格写 null，不要省略。`,
    });
    return;
  }
  columns.forEach((column, i) => {
    const cell = findCell(ctx.version, `${field}.${column.id}`);
    if (cell) readCell(ctx, cell, items[i] ?? null, entry.line);
  });
}

function readAppeals(ctx: ReadContext, entry: Entry | undefined): void {
  if (!entry) return;
  if (tableNotPrinted(ctx, entry, 'appeals')) return;
  const what = `${TABLE_SHORT.appeals}（${TABLE_TITLES.appeals}）`;
  const map = expectMap(ctx, entry, 'appeals', what);
  if (!map) return;
  const found = checkedEntries(ctx.src, map, ctx.problems, {
    field: 'appeals',
    allowed: APPEALS_ROWS.map((r) => r.id),
    what,
  });
  for (const row of APPEALS_ROWS) {
    const rowEntry = found.get(row.id);
    if (rowEntry) {
      readCellRow(
        ctx,
        rowEntry,
        `appeals.${row.id}`,
        `${TABLE_SHORT.appeals}「${row.labels.join(' › ')}」`,
        APPEALS_COLUMNS,
      );
    }
  }
}

function readCellNotes(ctx: ReadContext, entry: Entry | undefined): Record<string, string> {
  const notes: Record<string, string> = {};
  if (!entry) return notes;
  const map = expectMap(ctx, entry, 'cell_notes', '单元格注释（cell_notes）');
  if (!map) return notes;
  for (const note of entriesOf(ctx.src, map, 'cell_notes', ctx.problems)) {
    const field = `cell_notes.${note.key}`;
    if (!findCell(ctx.version, note.key)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: note.line,
        field,
        message: `单元格注释指向的「${note.key}」不是 ${ctx.version} 年版模板的单元格。写法示例：${cellDeclarations(ctx.version)[0]?.path}、applications.withheld.state_secret.natural、appeals.review.total。`,
      });
      continue;
    }
    const value = isScalar(note.value) ? note.value.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: note.line,
        field,
        message: `单元格注释应为原文印在单元格里的文字，实为${describeNode(ctx.src, note.value)}。`,
      });
      continue;
    }
    notes[note.key] = value;
  }
  return notes;
}
