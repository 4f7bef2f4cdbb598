/**
 * Reads and validates a report's tables (`data/reports/<agency>/<year>.yaml`) against the national
 * template version it declares, then runs the consistency rules.
 *
 * The shape expected is derived from `templates.ts`; nothing here repeats a label or a key list.
 * Every problem names the file, the YAML line, the field, the printed labels, what was found and
 * what was expected.
 */

import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './problems.ts';
import { closestName } from './spelling.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  TABLE_SHORT,
  TABLE_TITLES,
  TEMPLATES,
  TEMPLATE_VERSIONS,
  cellDeclarations,
  describeCell,
  findCell,
  isTemplateVersion,
  type ApplicationRow,
  type CellDeclaration,
  type Column,
  type ProactiveSection,
  type TemplateVersion,
} from './templates.ts';
import { RULES, checksFor, failingChecks, type CheckResult } from './rules.ts';
import {
  describeNode,
  entriesOf,
  lineOf,
  parseYaml,
  sourceOf,
  type Entry,
  type YamlSource,
} from './yaml-source.ts';

/**
 * The note the importer writes on each rule failure it finds. Until an editor replaces it, the
 * acknowledgement is not one: an import must not confirm its own reading of the original.
 */
export const UNCONFIRMED_IMPORT_NOTE =
  '导入时按原文录入：原文数字不符合这条勾稽关系，请编辑对照原文确认。';

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
  readonly cells: Readonly<Record<string, number | null>>;
  /** Units printed beside money cells whose unit the report chooses (2019 采购总金额). */
  readonly units: Readonly<Record<string, string | null>>;
  /** Text printed inside a cell beside the number, by cell path. */
  readonly cellNotes: Readonly<Record<string, string>>;
  readonly discrepancies: readonly Discrepancy[];
}

/** An acknowledged rule failure, as shown to readers. */
export interface Notice extends CheckResult {
  /** The editor's note on the acknowledgement. */
  readonly note: string;
}

export interface ReportDataResult {
  /** Undefined when the file could not be read far enough to know its cells. */
  readonly tables?: ReportTables;
  /** Acknowledged rule failures (shown on the page, not errors). */
  readonly notices: readonly Notice[];
  /** Line of each cell in the YAML, and of `template`, for messages about them. */
  readonly lines: Readonly<Record<string, number | undefined>>;
}

const ROOT_KEYS = [
  'template',
  'proactive',
  'applications',
  'appeals',
  'cell_notes',
  'discrepancies',
] as const;
const DISCREPANCY_KEYS = ['check', 'left', 'right', 'note'] as const;
const NUMBER_SOURCE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

interface Ctx {
  readonly src: YamlSource;
  readonly version: TemplateVersion;
  readonly problems: Problem[];
  readonly cells: Record<string, number | null>;
  readonly lines: Record<string, number | undefined>;
  readonly units: Record<string, string | null>;
}

/** Parses and validates one report YAML file. Problems are appended to `problems`. */
export function readReportData(file: string, text: string, problems: Problem[]): ReportDataResult {
  const src = parseYaml(file, text, problems);
  if (!src) return { notices: [], lines: {} };
  const root = src.doc.contents;
  const error = (line: number | undefined, field: string | undefined, message: string) =>
    problems.push({ severity: 'error', file, line, field, message });

  if (!isMap(root)) {
    error(
      lineOf(src, root) ?? 1,
      undefined,
      `文件应为一组字段（template、proactive、applications、appeals 等），实为${describeNode(src, root)}。`,
    );
    return { notices: [], lines: {} };
  }
  const entries = checkedEntries(src, root, '', ROOT_KEYS, problems, '报告数据');
  const templateEntry = entries.get('template');
  if (!templateEntry) return { notices: [], lines: {} };
  const templateValue = isScalar(templateEntry.value) ? templateEntry.value.value : undefined;
  if (!isTemplateVersion(templateValue)) {
    error(
      templateEntry.line,
      'template',
      `模板版本应为 ${TEMPLATE_VERSIONS.join(' 或 ')}（分别对应国办公开办函〔2019〕60号和〔2021〕30号的格式），实为${describeNode(src, templateEntry.value)}。`,
    );
    return { notices: [], lines: {} };
  }
  const ctx: Ctx = { src, version: templateValue, problems, cells: {}, lines: {}, units: {} };
  ctx.lines.template = templateEntry.line;

  readProactive(ctx, entries.get('proactive'));
  readApplications(ctx, entries.get('applications'));
  readAppeals(ctx, entries.get('appeals'));
  const cellNotes = readCellNotes(ctx, entries.get('cell_notes'));
  const discrepancies = readDiscrepancies(ctx, entries.get('discrepancies'));

  const complete = cellDeclarations(ctx.version).every((c) => c.path in ctx.cells);
  if (!complete) return { notices: [], lines: {} };

  const tables: ReportTables = {
    template: ctx.version,
    cells: ctx.cells,
    units: ctx.units,
    cellNotes,
    discrepancies: discrepancies.map((d) => d.value),
  };
  const notices = reconcile(ctx, failingChecks(ctx.version, ctx.cells), discrepancies, entries);
  return { tables, notices, lines: ctx.lines };
}

/**
 * Entries of a mapping, checking them against the allowed keys: unknown keys and missing keys are
 * errors. `otherKeys` names keys that belong to the other template version, for a better message.
 */
function checkedEntries(
  src: YamlSource,
  map: YAMLMap,
  field: string,
  allowed: readonly string[],
  problems: Problem[],
  what: string,
  otherKeys: readonly string[] = [],
  optional: readonly string[] = ['cell_notes', 'discrepancies'],
): Map<string, Entry> {
  const found = new Map<string, Entry>();
  const at = (key: string) => (field ? `${field}.${key}` : key);
  const unknown: Entry[] = [];
  for (const entry of entriesOf(src, map, field || '(根)', problems)) {
    if (allowed.includes(entry.key)) found.set(entry.key, entry);
    else unknown.push(entry);
  }
  const missing = allowed.filter((key) => !found.has(key));
  for (const entry of unknown) {
    const otherVersion = otherKeys.includes(entry.key)
      ? `「${entry.key}」属于另一版模板；本报告声明的模板版本（template）不使用这个字段。`
      : '';
    const meant = otherVersion ? undefined : closestName(entry.key, missing);
    problems.push({
      severity: 'error',
      file: src.file,
      line: entry.line,
      field: at(entry.key),
      message: `${what}中有未知字段「${entry.key}」。${otherVersion}${meant ? `是否应为「${meant}」？` : ''}这里允许的字段是：${allowed.join('、')}。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。`,
    });
  }
  for (const key of missing) {
    if (!optional.includes(key)) {
      problems.push({
        severity: 'error',
        file: src.file,
        line: lineOf(src, map),
        field: at(key),
        message: `${what}缺少字段「${key}」。`,
      });
    }
  }
  return found;
}

function expectMap(ctx: Ctx, entry: Entry, field: string, what: string): YAMLMap | undefined {
  if (isMap(entry.value)) return entry.value;
  ctx.problems.push({
    severity: 'error',
    file: ctx.src.file,
    line: entry.line,
    field,
    message: `${what}应为一组字段（每行「字段: 值」），实为${describeNode(ctx.src, entry.value)}。`,
  });
  return undefined;
}

/** Reads one cell's value, enforcing its kind. Records value and line on success. */
function readCell(ctx: Ctx, cell: CellDeclaration, node: Node | null, fallbackLine?: number): void {
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
  const expectedText: Record<Column['kind'], string> = {
    count: '非负整数（原文空白的单元格写 null）',
    signed: '整数，可以为负（原文空白的单元格写 null）',
    money: '非负数，可以有小数（原文空白的单元格写 null）',
  };
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
  if (cell.column.kind !== 'money' && !Number.isInteger(value)) {
    fail(expectedText[cell.column.kind]);
    return;
  }
  if (cell.column.kind !== 'signed' && value < 0) {
    fail(expectedText[cell.column.kind]);
    return;
  }
  ctx.cells[cell.path] = value;
}

function otherVersion(version: TemplateVersion): TemplateVersion {
  return version === 2019 ? 2021 : 2019;
}

function readProactive(ctx: Ctx, entry: Entry | undefined): void {
  if (!entry) return;
  const table = TABLE_SHORT.proactive;
  const map = expectMap(ctx, entry, 'proactive', `${table}（${TABLE_TITLES.proactive}）`);
  if (!map) return;
  const sections = TEMPLATES[ctx.version].proactive;
  const rows = sections.flatMap((s) => s.rows.map((r) => ({ section: s, row: r })));
  const otherRows = TEMPLATES[otherVersion(ctx.version)].proactive.flatMap((s) =>
    s.rows.map((r) => r.id),
  );
  const found = checkedEntries(
    ctx.src,
    map,
    'proactive',
    rows.map((r) => r.row.id),
    ctx.problems,
    `${table}（${TABLE_TITLES.proactive}）`,
    otherRows,
    [],
  );
  for (const { section, row } of rows) {
    const rowEntry = found.get(row.id);
    if (!rowEntry) continue;
    readProactiveRow(ctx, section, row, rowEntry);
  }
}

function readProactiveRow(
  ctx: Ctx,
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
  const otherColumns = TEMPLATES[otherVersion(ctx.version)].proactive
    .flatMap((s) => s.columns.map((c) => c.id))
    .filter((id) => !allowed.includes(id));
  const found = checkedEntries(ctx.src, map, field, allowed, ctx.problems, what, otherColumns, []);
  for (const column of section.columns) {
    const cellEntry = found.get(column.id);
    const cell = cellDeclarations(ctx.version).find((c) => c.path === `${field}.${column.id}`);
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

/** The YAML keys at one mapping level of table 三: groups with `key: null` are flattened. */
function keysAtLevel(rows: readonly ApplicationRow[]): ApplicationRow[] {
  return rows.flatMap((r) => (r.key === null ? keysAtLevel(r.children ?? []) : [r]));
}

function readApplications(ctx: Ctx, entry: Entry | undefined): void {
  if (!entry) return;
  const what = `${TABLE_SHORT.applications}（${TABLE_TITLES.applications}）`;
  const map = expectMap(ctx, entry, 'applications', what);
  if (map) readApplicationLevel(ctx, map, TEMPLATES[ctx.version].applicationRows, [], [], what);
}

function readApplicationLevel(
  ctx: Ctx,
  map: YAMLMap,
  rows: readonly ApplicationRow[],
  keys: readonly string[],
  labels: readonly string[],
  what: string,
): void {
  const level = keysAtLevel(rows);
  const field = ['applications', ...keys].join('.');
  const found = checkedEntries(
    ctx.src,
    map,
    field,
    level.map((r) => r.key ?? ''),
    ctx.problems,
    what,
    [],
    [],
  );
  for (const row of level) {
    const entry = found.get(row.key ?? '');
    if (!entry || row.key === null) continue;
    const rowKeys = [...keys, row.key];
    const rowField = ['applications', ...rowKeys].join('.');
    const rowWhat = `${TABLE_SHORT.applications}「${[...labels, row.label].join(' ')}」`;
    if (row.children) {
      const otherShape =
        ctx.version === 2021 && row.key === 'other'
          ? '2021 年版模板的（六）其他处理分 3 项（no_correction、unpaid_fees、other）；如果原报告沿用了 2019 年版的单行写法，请核对模板版本。'
          : '';
      if (!isMap(entry.value)) {
        ctx.problems.push({
          severity: 'error',
          file: ctx.src.file,
          line: entry.line,
          field: rowField,
          message: `${rowWhat}应为一组子项（${row.children.map((c) => c.key).join('、')}），实为${describeNode(ctx.src, entry.value)}。${otherShape}`,
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
    readCellRow(
      ctx,
      entry,
      rowField,
      `${rowWhat}行`,
      APPLICATION_COLUMNS,
      ctx.version === 2019 && row.key === 'other'
        ? '2019 年版模板的（六）其他处理只有一行；分 3 项是 2021 年版的写法，请核对模板版本。'
        : '',
    );
  }
}

/** A row written as a list of cells in printed column order (tables 三 and 四). */
function readCellRow(
  ctx: Ctx,
  entry: Entry,
  field: string,
  what: string,
  columns: readonly Column[],
  shapeHint = '',
): void {
  const expected = `${columns.length} 个单元格的列表，按原表列的顺序：[${columns.map((c) => c.label).join(', ')}]`;
  if (!isSeq(entry.value)) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field,
      message: `${what}应为 ${expected}；实为${describeNode(ctx.src, entry.value)}。${shapeHint}`,
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
      message: `${what}应为 ${expected}；实为 ${items.length} 个单元格。原文空白的单元格写 null，不要省略。`,
    });
    return;
  }
  columns.forEach((column, i) => {
    const cell = findCell(ctx.version, `${field}.${column.id}`);
    if (cell) readCell(ctx, cell, items[i] ?? null, entry.line);
  });
}

function readAppeals(ctx: Ctx, entry: Entry | undefined): void {
  if (!entry) return;
  const what = `${TABLE_SHORT.appeals}（${TABLE_TITLES.appeals}）`;
  const map = expectMap(ctx, entry, 'appeals', what);
  if (!map) return;
  const found = checkedEntries(
    ctx.src,
    map,
    'appeals',
    APPEALS_ROWS.map((r) => r.id),
    ctx.problems,
    what,
    [],
    [],
  );
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

function readCellNotes(ctx: Ctx, entry: Entry | undefined): Record<string, string> {
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
        message: `单元格注释指向的「${note.key}」不是 ${ctx.version} 年版模板的单元格。写法示例：proactive.regulations.${ctx.version === 2019 ? 'made' : 'issued'}、applications.withheld.state_secret.natural、appeals.review.total。`,
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

interface LocatedDiscrepancy {
  readonly value: Discrepancy;
  readonly line: number | undefined;
  /** Position in the `discrepancies` list, for the field name in messages. */
  readonly index: number;
}

function readDiscrepancies(ctx: Ctx, entry: Entry | undefined): LocatedDiscrepancy[] {
  const out: LocatedDiscrepancy[] = [];
  if (!entry) return out;
  if (!isSeq(entry.value)) {
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: entry.line,
      field: 'discrepancies',
      message: `discrepancies 应为列表（每条以「- check:」开头），实为${describeNode(ctx.src, entry.value)}。`,
    });
    return out;
  }
  entry.value.items.forEach((item, i) => {
    const node = item as Node | null;
    const field = `discrepancies[${i}]`;
    const line = lineOf(ctx.src, node) ?? entry.line;
    if (!isMap(node)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line,
        field,
        message: `每条 discrepancies 记录应有 check、left、right、note 四个字段，实为${describeNode(ctx.src, node)}。`,
      });
      return;
    }
    const found = checkedEntries(
      ctx.src,
      node,
      field,
      DISCREPANCY_KEYS,
      ctx.problems,
      '这条 discrepancies 记录',
      [],
      [],
    );
    const scalar = (key: string) => {
      const v = found.get(key)?.value;
      return isScalar(v) ? v.value : undefined;
    };
    const check = scalar('check');
    const left = scalar('left');
    const right = scalar('right');
    const note = scalar('note');
    const bad = (key: string, expected: string) =>
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: found.get(key)?.line ?? line,
        field: `${field}.${key}`,
        message: `${expected}，实为${describeNode(ctx.src, found.get(key)?.value)}。`,
      });
    let ok = found.size === DISCREPANCY_KEYS.length;
    if (found.has('check') && typeof check !== 'string')
      (bad('check', 'check 应为勾稽关系编号（npm run check 的提示里给出）'), (ok = false));
    if (found.has('left') && typeof left !== 'number') (bad('left', 'left 应为数字'), (ok = false));
    if (found.has('right') && typeof right !== 'number')
      (bad('right', 'right 应为数字'), (ok = false));
    if (found.has('note') && (typeof note !== 'string' || note.trim() === ''))
      (bad('note', 'note 应为说明文字，例如「原文如此」'), (ok = false));
    if (ok) {
      out.push({
        value: {
          check: String(check),
          left: Number(left),
          right: Number(right),
          note: String(note),
        },
        line,
        index: i,
      });
    }
  });
  return out;
}

/** The YAML an editor pastes under `discrepancies` to acknowledge a failure as published. */
export function discrepancyYaml(result: CheckResult): string[] {
  return [
    `- check: ${result.check.id}`,
    `  left: ${result.leftSum}`,
    `  right: ${result.rightSum}`,
    '  note: 原文如此',
  ];
}

/** Describes a failure in printed labels: which cells, what was printed, what the rule implies. */
export function describeFailure(version: TemplateVersion, result: CheckResult): string {
  const rule = RULES[result.check.rule];
  return `勾稽关系不符（规则 ${rule.number}：${rule.formula}）：${failureDetail(version, result)}`;
}

/** The cells and numbers of a failure, without the rule (readers see the rule as a heading). */
export function failureDetail(version: TemplateVersion, result: CheckResult): string {
  const { check, leftSum, rightSum } = result;
  const single = check.left.length === 1 ? findCell(version, check.left[0] ?? '') : undefined;
  if (single) {
    const printed = result.leftBlank ? '原文空白（计为 0）' : `原文为 ${leftSum}`;
    return `${describeCell(single)}${printed}，按「${check.rightLabel}」相加应为 ${rightSum}。`;
  }
  return `${TABLE_SHORT.applications}${check.where}「${check.leftLabel}」= ${leftSum}，「${check.rightLabel}」= ${rightSum}，两者应相等。`;
}

function reconcile(
  ctx: Ctx,
  failures: readonly CheckResult[],
  acknowledged: readonly LocatedDiscrepancy[],
  rootEntries: Map<string, Entry>,
): Notice[] {
  const notices: Notice[] = [];
  const byId = new Map<string, LocatedDiscrepancy>();
  const known = new Set(checksFor(ctx.version).map((c) => c.id));
  for (const d of acknowledged) {
    const field = 'discrepancies';
    if (byId.has(d.value.check)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: d.line,
        field,
        message: `勾稽关系「${d.value.check}」被确认了两次，请删除重复的一条。`,
      });
      continue;
    }
    byId.set(d.value.check, d);
    if (!known.has(d.value.check)) {
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: d.line,
        field,
        message: `没有编号为「${d.value.check}」的勾稽关系（${ctx.version} 年版模板）。请从 npm run check 的提示中复制编号。`,
      });
    }
  }
  // Suggested YAML is indented like the entries already listed, so that it can be pasted as is.
  const listed = rootEntries.has('discrepancies');
  const list = rootEntries.get('discrepancies')?.value;
  const firstItem = isSeq(list) ? (list.items[0] as Node | undefined) : undefined;
  const column = firstItem?.range ? ctx.src.lineCounter.linePos(firstItem.range[0]).col : 0;
  // The item's own range starts after its `- ` indicator.
  const indent = ' '.repeat(firstItem && column >= 3 ? column - 3 : 2);
  const matched = new Set<string>();
  for (const failure of failures) {
    const ack = byId.get(failure.check.id);
    if (ack && ack.value.left === failure.leftSum && ack.value.right === failure.rightSum) {
      matched.add(failure.check.id);
      if (ack.value.note === UNCONFIRMED_IMPORT_NOTE) {
        ctx.problems.push({
          severity: 'error',
          file: ctx.src.file,
          line: ack.line,
          field: `discrepancies[${ack.index}].note`,
          message: `这条记录是导入程序写入的，还没有经过编辑确认。${describeFailure(ctx.version, failure)}请对照原文核实：原文确实如此，就把 note 改为说明（例如「原文如此」）；如果是导入出错，请改正表中的数字并删除这条记录。`,
        });
        continue;
      }
      notices.push({ ...failure, note: ack.value.note });
      continue;
    }
    const firstCell = failure.check.left[0] ?? '';
    if (ack) {
      matched.add(failure.check.id);
      ctx.problems.push({
        severity: 'error',
        file: ctx.src.file,
        line: ack.line,
        field: `discrepancies[${ack.index}]`,
        message: `对「${failure.check.id}」的确认记录的是 left: ${ack.value.left}、right: ${ack.value.right}，但表中的数字现在是 ${failure.leftSum} 和 ${failure.rightSum}。请核对原文后更新这条记录。${describeFailure(ctx.version, failure)}`,
        hint: [
          '如果原报告确实印的是现在的数字，请把这条记录改为：',
          ...discrepancyYaml(failure).map((l) =>
            l.startsWith('  note:') ? `  note: ${ack.value.note}` : l,
          ),
        ],
      });
      continue;
    }
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: ctx.lines[firstCell],
      field: firstCell,
      message: `${describeFailure(ctx.version, failure)}请核对录入的数字。`,
      hint: [
        listed
          ? '如果原报告确实如此印刷，请在 discrepancies 下添加：'
          : '如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：',
        ...(listed ? [] : ['discrepancies:']),
        ...discrepancyYaml(failure).map((l) => indent + l),
      ],
    });
  }
  for (const [id, d] of byId) {
    if (matched.has(id) || !known.has(id)) continue;
    ctx.problems.push({
      severity: 'error',
      file: ctx.src.file,
      line: d.line,
      field: 'discrepancies',
      message: `确认的勾稽关系「${id}」并没有不符：表中数字满足「${RULES[checksFor(ctx.version).find((c) => c.id === id)?.rule ?? 'balance'].formula}」。请删除这条记录（或核对是否录错了数字）。`,
    });
  }
  return notices;
}
