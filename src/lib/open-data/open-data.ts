/**
 * The archive's numbers as open data: one record per published cell (long format), as CSV and
 * JSON, per report and for the whole archive, and a Frictionless Data Package describing the CSV.
 *
 * Numbers are not altered: a blank cell stays blank (empty value, `blank` true), money keeps its
 * decimals, and the unit a report prints beside an amount (the 2019 format's 采购总金额) is recorded. Field
 * constraints (tables, row and column ids) are derived from the template declarations.
 */

import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';
import { RULES } from '../template/rules.ts';
import { cellDeclarations, combinedRowCells, type CellDeclaration } from '../template/cells.ts';
import { TABLE_TITLES, type TableId } from '../template/declarations.ts';
import { templateOf, templateVersions } from '../template/registry.ts';
import type { TemplateVersion } from '../template/declarations.ts';
import { csvRecords } from './csv-text.ts';

/** One published cell of one report. */
export interface CellRecord {
  readonly agency_id: string;
  readonly agency_name: string;
  readonly year: number;
  readonly template: number;
  readonly table: TableId;
  readonly table_title: string;
  readonly section: string;
  readonly row_id: string;
  readonly row_label: string;
  readonly column_id: string;
  readonly column_label: string;
  readonly cell: string;
  readonly value: number | null;
  readonly blank: boolean;
  /** `value` (a number printed), `blank` (printed empty) or `not_printed` (not in the original). */
  readonly status: CellStatus;
  readonly unit: string;
  readonly note: string;
  /** Date of the latest correction of this cell (issue 13), or '' if never corrected. */
  readonly corrected: string;
}

export type FieldName = keyof CellRecord;

export type CellStatus = 'value' | 'blank' | 'not_printed';

export interface DataField {
  readonly name: FieldName;
  /** Chinese column title, shown on the /data/ page and in the Data Package. */
  readonly title: string;
  readonly description: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly constraints?: {
    readonly required?: boolean;
    readonly enum?: readonly (string | number)[];
  };
}

/** versionCells() per template version (declared here: DATA_FIELDS below already needs it). */
const versionCellCache = new Map<TemplateVersion, { cell: CellDeclaration; combined: boolean }[]>();

const unique = (values: readonly string[]) => [...new Set(values)].sort(compareText);
const allCells = () => templateVersions().flatMap((v) => dictionaryCells(v));

/** Money columns whose unit the report chooses: 「2019 年版「采购总金额」由报告自行注明元或万元」. */
function chosenUnits(): string {
  const fields = templateVersions().flatMap((v) =>
    templateOf(v).proactive.flatMap((s) => {
      const unit = s.unit;
      if (!unit) return [];
      const column = s.columns.find((c) => c.id === unit.column);
      return column ? [{ text: `${v} 年版「${column.label}」`, allowed: unit.allowed }] : [];
    }),
  );
  const allowed = [...new Set(fields.flatMap((f) => f.allowed))];
  return `${fields.map((f) => f.text).join('、')}由报告自行注明${allowed.join('或')}`;
}

/** Printed row label of a cell, outermost first: 「三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密」. */
export function rowLabel(cell: CellDeclaration): string {
  // Table 四 prints its rows as the outer column headers.
  if (cell.table === 'appeals') return cell.columnLabels.slice(0, -1).join(' › ');
  return cell.rowLabels.join(' › ');
}

export function columnLabel(cell: CellDeclaration): string {
  if (cell.table === 'appeals') return cell.column.label;
  return cell.columnLabels.join(' › ');
}

/** The fields of the CSV, in order; the JSON records carry the same names. */
export const DATA_FIELDS: readonly DataField[] = [
  {
    name: 'agency_id',
    title: '机构标识',
    description: '机构的英文标识，也是网址中的机构部分。',
    type: 'string',
    constraints: { required: true },
  },
  {
    name: 'agency_name',
    title: '机构名称',
    description: '按机构自己的写法。',
    type: 'string',
    constraints: { required: true },
  },
  {
    name: 'year',
    title: '年度',
    description: '报告所属年度。',
    type: 'integer',
    constraints: { required: true },
  },
  {
    name: 'template',
    title: '表格格式版本',
    description: templateVersions()
      .map((v) => `${v}：${templateOf(v).document}`)
      .join('；'),
    type: 'integer',
    constraints: { required: true, enum: [...templateVersions()] },
  },
  {
    name: 'table',
    title: '表格标识',
    description: (Object.entries(TABLE_TITLES) as [TableId, string][])
      .map(([id, title]) => `${id}：${title}`)
      .join('；'),
    type: 'string',
    constraints: { required: true, enum: Object.keys(TABLE_TITLES) },
  },
  {
    name: 'table_title',
    title: '表格标题',
    description: '表格标题，按格式原文。',
    type: 'string',
    constraints: { required: true, enum: unique(Object.values(TABLE_TITLES)) },
  },
  {
    name: 'section',
    title: '子表',
    description: '表二的子表（《政府信息公开条例》第二十条的项）；表三、表四为空。',
    type: 'string',
    constraints: { enum: unique(allCells().map((c) => c.section ?? '')) },
  },
  {
    name: 'row_id',
    title: '行标识',
    description: '行在数据文件中的键，子项以点号连接，例如 withheld.state_secret。',
    type: 'string',
    constraints: { required: true, enum: unique(allCells().map((c) => c.rowKeys.join('.'))) },
  },
  {
    name: 'row_label',
    title: '行名称',
    description: '行名称，按格式原文，外层在前，以「 › 」分隔。',
    type: 'string',
    constraints: { required: true, enum: unique(allCells().map(rowLabel)) },
  },
  {
    name: 'column_id',
    title: '列标识',
    description: '列在数据文件中的键。',
    type: 'string',
    constraints: { required: true, enum: unique(allCells().map((c) => c.column.id)) },
  },
  {
    name: 'column_label',
    title: '列名称',
    description: '列名称，按格式原文，外层在前，以「 › 」分隔。',
    type: 'string',
    constraints: { required: true, enum: unique(allCells().map(columnLabel)) },
  },
  {
    name: 'cell',
    title: '单元格路径',
    description:
      '表格、行、列的键以点号连接，在同一报告中唯一，例如 applications.withheld.state_secret.natural。',
    type: 'string',
    constraints: { required: true, enum: unique(allCells().map((c) => c.path)) },
  },
  {
    name: 'value',
    title: '数值',
    description:
      '原文所印数字，未作改动。原文空白时为空（不是 0）。金额保留原文的小数；「本年增/减」可为负数。',
    type: 'number',
  },
  {
    name: 'status',
    title: '单元格状态',
    description:
      'value：原文印有数字；blank：原文该格空白；not_printed：原文没有印出该格（例如整张表只以图片发布，或「（六）其他处理」只印一行而未分项），不是空白，也不是 0。',
    type: 'string',
    constraints: { required: true, enum: ['value', 'blank', 'not_printed'] },
  },
  {
    name: 'unit',
    title: '单位',
    description: `原文在该格数字旁所印的单位（${chosenUnits()}）；未注明时为空。`,
    type: 'string',
  },
  {
    name: 'note',
    title: '格内注释',
    description: '原文在该格数字旁所印的文字，例如「（其中修订 16 件）」。',
    type: 'string',
  },
  {
    name: 'corrected',
    title: '更正日期',
    description:
      '本站收录后更正过该格数字时，为最近一次更正的日期（年-月-日）；从未更正过时为空。更正前的数字、更正原因和更正类型见该报告 data.json 及年度 JSON 文件中的 corrections。',
    type: 'date',
  },
];

/**
 * The cells a template version can publish, in printed order: the declared cells, and before the
 * sub-rows of each group of table 三 the cells of that group printed as one row (a report that
 * prints 「（六）其他处理」 as a single row fills those and leaves the sub-rows not printed).
 * `keep` chooses which of the combined cells to list.
 */
function publishedCells(
  version: TemplateVersion,
  keep: (cell: CellDeclaration) => boolean,
): CellDeclaration[] {
  return versionCells(version)
    .filter(({ combined, cell }) => !combined || keep(cell))
    .map(({ cell }) => cell);
}

/**
 * Every cell a template version may publish, in printed order, each marked whether it is a group
 * printed as one row. Worked out once per version: the template is fixed for the process, and
 * walking it again for each of 10,000 reports was a quarter of the time spent on their downloads.
 */
function versionCells(version: TemplateVersion) {
  const hit = versionCellCache.get(version);
  if (hit) return hit;
  const declared = cellDeclarations(version);
  const cells = declared.flatMap((cell, i) => {
    const group = cell.rowKeys.slice(0, -1);
    const startsGroup =
      group.length > 0 && declared[i - 1]?.rowKeys.slice(0, -1).join('.') !== group.join('.');
    const own = { cell, combined: false };
    if (!startsGroup) return [own];
    return [...combinedRowCells(version, group).map((c) => ({ cell: c, combined: true })), own];
  });
  versionCellCache.set(version, cells);
  return cells;
}

/** Every cell of a template version that a report may publish, combined group rows included. */
function dictionaryCells(version: TemplateVersion): CellDeclaration[] {
  return publishedCells(version, () => true);
}

/** Every cell of a report, in printed order (table 二, 三 row by row, 四). */
export function cellRecords(report: ReportBase): CellRecord[] {
  const { tables, agency, year } = report;
  const corrected = correctionDates(report);
  const notPrinted = new Set(tables.notPrinted);
  const cells = publishedCells(tables.template, (c) => c.path in tables.combined);
  return cells.map((cell) => {
    const value = tables.cells[cell.path] ?? tables.combined[cell.path] ?? null;
    const status: CellStatus = notPrinted.has(cell.path)
      ? 'not_printed'
      : value === null
        ? 'blank'
        : 'value';
    return {
      agency_id: agency.id,
      agency_name: agency.name,
      year,
      template: tables.template,
      table: cell.table,
      table_title: TABLE_TITLES[cell.table],
      section: cell.section ?? '',
      row_id: cell.rowKeys.join('.'),
      row_label: rowLabel(cell),
      column_id: cell.column.id,
      column_label: columnLabel(cell),
      cell: cell.path,
      value,
      blank: status === 'blank',
      status,
      unit: tables.units[cell.path] ?? '',
      note: tables.cellNotes[cell.path] ?? '',
      corrected: corrected.get(cell.path) ?? '',
    };
  });
}

/** Each corrected cell path with the date of its latest correction. */
function correctionDates(report: ReportBase): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of report.corrections) {
    for (const cell of c.cells) {
      const seen = out.get(cell.cell);
      if (seen === undefined || compareText(c.date, seen) > 0) out.set(cell.cell, c.date);
    }
  }
  return out;
}

/** Reports in the archive's order: agency id, then year. */
export const ordered = (reports: readonly ReportBase[]) =>
  [...reports].sort((a, b) => compareText(a.agency.id, b.agency.id) || a.year - b.year);

/**
 * Fields that place a cell in its template (table, row, column and their printed labels). They are
 * the same for every report of a template version, so the downloads publish them once, in
 * data/cells.csv, keyed by `template` and `cell`, instead of repeating them in every row: at
 * 10,000 reports the repeated labels were 90 % of 4 GB of downloads.
 */
const LABEL_FIELDS: ReadonlySet<FieldName> = new Set([
  'table',
  'table_title',
  'section',
  'row_id',
  'row_label',
  'column_id',
  'column_label',
]);
/** What a report's own files leave out: the report page and the file's address say it. */
const REPORT_CONTEXT: ReadonlySet<FieldName> = new Set([
  'agency_id',
  'agency_name',
  'year',
  'template',
]);
const field = (name: FieldName) => DATA_FIELDS.find((f) => f.name === name)!;

/**
 * Columns of the per-year notes file (archive-<year>-notes.csv): one row per cell that the wide
 * file cannot say alone (a unit, a note, a correction, not printed, a group printed as one row).
 */
export const NOTE_FIELDS = DATA_FIELDS.filter(
  (f) => !LABEL_FIELDS.has(f.name) && f.name !== 'agency_name',
);
/** Columns of a report's own data.csv: one row per cell. */
export const REPORT_FIELDS = NOTE_FIELDS.filter((f) => !REPORT_CONTEXT.has(f.name));
/** The columns of the wide per-year file before its one column per cell. */
export const WIDE_HEAD_FIELDS = (['agency_id', 'agency_name', 'template'] as const).map(field);
/** Columns of data/cells.csv, the dictionary of every template version's cells. */
export const DICTIONARY_FIELDS = DATA_FIELDS.filter(
  (f) => f.name === 'template' || f.name === 'cell' || LABEL_FIELDS.has(f.name),
);

/**
 * What the wide file prints in the column of a cell the report did not print (a table published
 * only as an image, the sub-rows of a group printed as one row). An empty field is a cell printed
 * blank; 0 is a printed 0. Declared as a missing value in datapackage.json.
 */
export const NOT_PRINTED_MARK = '未印出';

type Row = Partial<Record<string, string | number | boolean | null>>;

/**
 * CSV rows: UTF-8 with a byte order mark (so that Excel in China reads it as UTF-8), CRLF line
 * ends (RFC 4180), a header row of field names, blank as an empty value.
 */
function csvRow(r: Row, names: readonly string[]): string[] {
  return names.map((name) => {
    const v = r[name];
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return String(v);
  });
}

const csvText = (rows: readonly string[][], header?: readonly string[]) =>
  header ? csvRecords([header, ...rows], true) : csvRecords(rows);

export function toCsv(records: readonly Row[], fields: readonly DataField[]): string {
  const names = fields.map((f) => f.name);
  return csvText(
    records.map((r) => csvRow(r, names)),
    names,
  );
}

/** A report's data.csv: `cell,value,status,unit,note,corrected`, in printed order. */
export function reportCsv(report: ReportBase): string {
  return toCsv(cellRecords(report) as unknown as Row[], REPORT_FIELDS);
}

/** Every cell of every template version with its printed labels: data/cells.csv. */
export function dictionaryRecords(): Row[] {
  return templateVersions().flatMap((template) =>
    dictionaryCells(template).map((cell) => ({
      template,
      table: cell.table,
      table_title: TABLE_TITLES[cell.table],
      section: cell.section ?? '',
      row_id: cell.rowKeys.join('.'),
      row_label: rowLabel(cell),
      column_id: cell.column.id,
      column_label: columnLabel(cell),
      cell: cell.path,
    })),
  );
}

export function dictionaryCsv(): string {
  return toCsv(dictionaryRecords(), DICTIONARY_FIELDS);
}

/** The years of the archive, oldest first: one set of archive files each. */
export function archiveYears(reports: readonly ReportBase[]): number[] {
  return [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
}

export const yearCsvName = (year: number) => `archive-${year}.csv`;
export const yearNotesName = (year: number) => `archive-${year}-notes.csv`;
export const yearJsonName = (year: number) => `archive-${year}.json`;

/**
 * The cell columns of a year's wide file: the declared cells of the template versions that year's
 * reports use (oldest version first; a path two versions share is one column). A year normally
 * has one version; where it has two, a report's row is empty in the other version's own cells,
 * which its `template` column and cells.csv tell apart.
 */
export function wideCells(reports: readonly ReportBase[], year: number): string[] {
  const versions = [
    ...new Set(reports.filter((r) => r.year === year).map((r) => r.tables.template)),
  ].sort((a, b) => a - b);
  return [...new Set(versions.flatMap((v) => cellDeclarations(v).map((c) => c.path)))];
}

/** The years of the archive with the cell columns of each year's wide file. */
export const yearTables = (reports: readonly ReportBase[]) =>
  archiveYears(reports).map((year) => ({ year, cells: wideCells(reports, year) }));

/** A cell the wide file cannot say alone: it goes to the notes file too. */
const needsNote = (r: CellRecord, declared: ReadonlySet<string>) =>
  r.status === 'not_printed' ||
  r.unit !== '' ||
  r.note !== '' ||
  r.corrected !== '' ||
  !declared.has(r.cell);

/**
 * One year's wide CSV in pieces, one report (one row) at a time, agency id order: `agency_id,
 * agency_name, template` and one column per cell id. A printed number as printed, a blank cell
 * empty, a cell not printed 「未印出」. One row per report keeps a province's year (5,000
 * reports) far within what a spreadsheet opens; units, notes and corrections are in the notes file.
 */
export function* yearCsvChunks(reports: readonly ReportBase[], year: number): Generator<string> {
  const cells = wideCells(reports, year);
  yield csvText([], [...WIDE_HEAD_FIELDS.map((f) => f.name), ...cells]);
  for (const report of ordered(reports)) {
    if (report.year !== year) continue;
    const byCell = new Map(cellRecords(report).map((r) => [r.cell, r]));
    const row = cells.map((cell) => {
      const r = byCell.get(cell);
      if (!r || r.status === 'blank') return '';
      return r.status === 'not_printed' ? NOT_PRINTED_MARK : String(r.value);
    });
    yield csvText([[report.agency.id, report.agency.name, String(report.tables.template), ...row]]);
  }
}

/**
 * One year's notes CSV in pieces: one row per cell that carries a unit, a note or a correction
 * date, was not printed, or is a group of table 三 printed as one row (not a column of the wide
 * file), with its value and status. Everything the long form said that the wide file does not.
 */
export function* yearNotesChunks(reports: readonly ReportBase[], year: number): Generator<string> {
  yield toCsv([], NOTE_FIELDS);
  const names = NOTE_FIELDS.map((f) => f.name);
  for (const report of ordered(reports)) {
    if (report.year !== year) continue;
    const declared = new Set(cellDeclarations(report.tables.template).map((c) => c.path));
    const rows = cellRecords(report)
      .filter((r) => needsNote(r, declared))
      .map((r) => csvRow(r as unknown as Row, names));
    if (rows.length > 0) yield csvText(rows);
  }
}

/** A nested object `{table: {row…: {column: value}}}` from dotted cell paths, in their order. */
function nest(entries: readonly (readonly [string, number | null])[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  }
  return root;
}

/**
 * A report's JSON: what it is, where it came from, its acknowledged discrepancies, the numbers the
 * archive corrected since (with the old value), and its cells: `values` nests table, row and
 * column keys (joined with dots they are the cell id of cells.csv), a blank cell null; cells not
 * printed are listed apart and are not in `values`; units and notes by cell id.
 */
export function reportJson(report: ReportBase, pageUrl: string) {
  const { agency, frontmatter, tables } = report;
  const records = cellRecords(report);
  const byCell = (pick: (r: CellRecord) => string) =>
    Object.fromEntries(records.filter((r) => pick(r) !== '').map((r) => [r.cell, pick(r)]));
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      level: agency.level,
      kind: agency.kind,
      region: agency.region,
      ...(agency.website ? { website: agency.website } : {}),
      ...(agency.parent ? { parent: agency.parent } : {}),
    },
    year: report.year,
    template: tables.template,
    template_document: templateOf(tables.template).document,
    title: frontmatter.title,
    published: frontmatter.published ?? null,
    source: frontmatter.source ?? null,
    page: pageUrl,
    // Numbers that break a consistency rule, kept as published and acknowledged by the editor.
    discrepancies: report.notices.map((n) => ({
      check: n.check.id,
      rule: RULES[n.check.rule].formula,
      note: n.note,
    })),
    // Published numbers changed since, in the order the YAML lists them (issue 13).
    corrections: report.corrections.map((c) => ({
      date: c.date,
      kind: c.kind,
      reason: c.reason,
      cells: c.cells.map((cell) => ({ cell: cell.cell, old: cell.old, new: cell.new })),
    })),
    values: nest(
      records.filter((r) => r.status !== 'not_printed').map((r) => [r.cell, r.value] as const),
    ),
    not_printed: records.filter((r) => r.status === 'not_printed').map((r) => r.cell),
    units: byCell((r) => r.unit),
    notes: byCell((r) => r.note),
  };
}

const isLeaf = (v: unknown) => v === null || typeof v !== 'object';

/**
 * JSON indented by two spaces, except that an object or array holding only numbers, strings and
 * nulls is written on one line: one printed table row per line, a fifth of the fully indented size.
 */
export function compactJson(value: unknown, indent = ''): string {
  if (isLeaf(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every(isLeaf)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.every(([, v]) => isLeaf(v))) return JSON.stringify(value);
  return `{\n${entries
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`)
    .join(',\n')}\n${indent}}`;
}

/** Serialises JSON deterministically (keys in insertion order, which the code fixes). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A report's data.json text. */
export function reportJsonText(report: ReportBase, pageUrl: string): string {
  return `${compactJson(reportJson(report, pageUrl))}\n`;
}

/** One year's archive JSON in pieces: `{ title, year, reports: [report JSON …] }`. */
export function* yearJsonChunks(
  reports: readonly ReportBase[],
  year: number,
  pageUrl: (report: ReportBase) => string,
): Generator<string> {
  const list = ordered(reports).filter((r) => r.year === year);
  const skeleton = jsonText({ title: '政府信息公开工作年度报告统计表', year, reports: [] });
  if (list.length === 0) {
    yield skeleton;
    return;
  }
  // The skeleton ends with `"reports": []`: open the array instead and write each report into it.
  yield skeleton.slice(0, skeleton.lastIndexOf('[]')) + '[\n';
  for (const [i, report] of list.entries()) {
    const text = compactJson(reportJson(report, pageUrl(report)), '    ');
    yield `    ${text}${i < list.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

export const PROFILE = 'https://datapackage.org/profiles/2.0';

const schemaFields = (fields: readonly DataField[]) =>
  fields.map((f) => ({
    name: f.name,
    title: f.title,
    description: f.description,
    type: f.type,
    ...(f.constraints ? { constraints: f.constraints } : {}),
  }));

const csvDialect = {
  $schema: `${PROFILE}/tabledialect.json`,
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
};

const toDictionary = {
  fields: ['template', 'cell'],
  reference: { resource: 'cells', fields: ['template', 'cell'] },
};

/**
 * The Frictionless Data Package (v2): the cell dictionary, then per year the wide CSV (one row per
 * report, one number column per cell id), its notes CSV (cells refer to the dictionary by template
 * and cell) and the same year as JSON.
 */
export function dataPackage(options: {
  homepage?: string;
  reports: number;
  years: readonly { readonly year: number; readonly cells: readonly string[] }[];
}) {
  const resource = (name: string, path: string, description: string) => ({
    $schema: `${PROFILE}/dataresource.json`,
    name,
    type: 'table',
    path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    description,
    dialect: csvDialect,
  });
  return {
    $schema: `${PROFILE}/datapackage.json`,
    name: 'nianbao-archive',
    title: '政府信息公开工作年度报告统计表',
    description: `本档案收录的 ${options.reports} 份政府信息公开工作年度报告中三张统计表（表二、表三、表四）的全部数字，按原文照录：空白仍为空白，金额保留小数。每年三个文件：宽表（每份报告一行，每个单元格一列，列名为 cell）、附注表（单位、格内注释、更正日期、未印出的格和合并印出的行）和 JSON；表格、行、列的名称在 cells.csv 中，按 template 和 cell 对照。CSV 为带 BOM 的 UTF-8 编码。`,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    resources: [
      {
        ...resource(
          'cells',
          'cells.csv',
          '各版本统计表的全部单元格及其表格、行、列名称（按格式原文），含表三中合并为一行印出的分组行。',
        ),
        schema: {
          $schema: `${PROFILE}/tableschema.json`,
          fields: schemaFields(DICTIONARY_FIELDS),
          missingValues: [''],
          primaryKey: ['template', 'cell'],
        },
      },
      ...options.years.flatMap(({ year, cells }) => [
        {
          ...resource(
            `archive-${year}`,
            yearCsvName(year),
            `${year} 年度全部报告的全部数字，每份报告一行，每个单元格一列（列名为 cell）：原文所印数字照录，原文空白为空，原文未印出为「${NOT_PRINTED_MARK}」。单位、格内注释和更正见 ${yearNotesName(year)}。`,
          ),
          schema: {
            $schema: `${PROFILE}/tableschema.json`,
            fields: [
              ...schemaFields(WIDE_HEAD_FIELDS),
              ...cells.map((cell) => ({ name: cell, type: 'number' })),
            ],
            missingValues: ['', NOT_PRINTED_MARK],
            primaryKey: ['agency_id'],
          },
        },
        {
          ...resource(
            `archive-${year}-notes`,
            yearNotesName(year),
            `${year} 年度宽表之外的说明，每个单元格一行：原文印出的单位或格内注释、本站更正的日期、原文未印出的格，以及表三中合并为一行印出的分组行的数字。`,
          ),
          schema: {
            $schema: `${PROFILE}/tableschema.json`,
            fields: schemaFields(NOTE_FIELDS),
            missingValues: [''],
            primaryKey: ['agency_id', 'year', 'cell'],
            foreignKeys: [toDictionary],
          },
        },
        {
          $schema: `${PROFILE}/dataresource.json`,
          name: `archive-${year}-json`,
          path: yearJsonName(year),
          format: 'json',
          mediatype: 'application/json',
          encoding: 'utf-8',
          description: `${year} 年度同样的数据，按报告分组的 JSON，另含报告标题、发布日期、原文地址、原文不相符之处的说明和本站的更正记录。`,
        },
      ]),
    ],
  };
}
