/**
 * The archive's numbers as open data: one record per published cell (long format), as CSV and
 * JSON, per report and for the whole archive, and a Frictionless Data Package describing the CSV.
 *
 * Numbers are not altered: a blank cell stays blank (empty value, `blank` true), money keeps its
 * decimals, and the unit a report prints beside an amount (the 2019 format's 采购总金额) is recorded. Field
 * constraints (tables, row and column ids) are derived from the template declarations.
 */

import { stringify } from 'csv-stringify/sync';
import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';
import { RULES } from '../template/rules.ts';
import { cellDeclarations, combinedRowCells, type CellDeclaration } from '../template/cells.ts';
import { TABLE_TITLES, type TableId } from '../template/declarations.ts';
import { templateOf, templateVersions } from '../template/registry.ts';

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

const unique = (values: readonly string[]) => [...new Set(values)].sort(compareText);
const allCells = () => templateVersions().flatMap((v) => cellDeclarations(v));

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
    name: 'blank',
    title: '原文空白',
    description: '原文该格为空白时为 true，否则为 false。',
    type: 'boolean',
    constraints: { required: true },
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

/** Every cell of a report, in printed order (table 二, 三 row by row, 四). */
export function cellRecords(report: ReportBase): CellRecord[] {
  const { tables, agency, year } = report;
  const corrected = correctionDates(report);
  const notPrinted = new Set(tables.notPrinted);
  // A group printed as one row is listed (as printed) before its sub-rows, which were not printed.
  const declared = cellDeclarations(tables.template);
  const cells = declared.flatMap((cell, i) => {
    const group = cell.rowKeys.slice(0, -1);
    const startsGroup =
      group.length > 0 && declared[i - 1]?.rowKeys.slice(0, -1).join('.') !== group.join('.');
    if (!startsGroup) return [cell];
    const combined = combinedRowCells(tables.template, group).filter(
      (c) => c.path in tables.combined,
    );
    return [...combined, cell];
  });
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

/** Columns of the per-year archive files: one row per published cell, labels by reference. */
export const ARCHIVE_FIELDS = DATA_FIELDS.filter((f) => !LABEL_FIELDS.has(f.name));
/** Columns of a report's own data.csv. */
export const REPORT_FIELDS = ARCHIVE_FIELDS.filter((f) => !REPORT_CONTEXT.has(f.name));
/** Columns of data/cells.csv, the dictionary of every template version's cells. */
export const DICTIONARY_FIELDS = DATA_FIELDS.filter(
  (f) => f.name === 'template' || f.name === 'cell' || LABEL_FIELDS.has(f.name),
);

type Row = Partial<Record<FieldName, string | number | boolean | null>>;

/**
 * CSV rows: UTF-8 with a byte order mark (so that Excel in China reads it as UTF-8), CRLF line
 * ends (RFC 4180), a header row of field names, blank as an empty value.
 */
function csvRow(r: Row, fields: readonly DataField[]): string[] {
  return fields.map((f) => {
    const v = r[f.name];
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    return String(v);
  });
}

export function toCsv(records: readonly Row[], fields: readonly DataField[]): string {
  return stringify(
    records.map((r) => csvRow(r, fields)),
    { bom: true, header: true, columns: fields.map((f) => f.name), record_delimiter: 'windows' },
  );
}

/** A report's data.csv: `cell,value,blank,status,unit,note,corrected`, in printed order. */
export function reportCsv(report: ReportBase): string {
  return toCsv(cellRecords(report), REPORT_FIELDS);
}

/** Every cell of every template version with its printed labels: data/cells.csv. */
export function dictionaryRecords(): Row[] {
  return templateVersions().flatMap((template) =>
    cellDeclarations(template).map((cell) => ({
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

/** The years of the archive, oldest first: one pair of archive files each. */
export function archiveYears(reports: readonly ReportBase[]): number[] {
  return [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
}

export const yearCsvName = (year: number) => `archive-${year}.csv`;
export const yearJsonName = (year: number) => `archive-${year}.json`;

/**
 * One year's archive CSV in pieces, one report at a time (agency id order). At archive scale a
 * whole file does not fit in one JavaScript string; one file per year also keeps a province's
 * year (5,000 reports) within what a spreadsheet opens.
 */
export function* yearCsvChunks(reports: readonly ReportBase[], year: number): Generator<string> {
  yield toCsv([], ARCHIVE_FIELDS);
  for (const report of ordered(reports)) {
    if (report.year !== year) continue;
    yield stringify(
      cellRecords(report).map((r) => csvRow(r, ARCHIVE_FIELDS)),
      { record_delimiter: 'windows' },
    );
  }
}

/** Fields a cell's JSON leaves out when empty. */
const OMIT_EMPTY: ReadonlySet<FieldName> = new Set(['unit', 'note', 'corrected']);

/** A cell in JSON: the fields a report's data.csv carries; an empty unit, note or date left out. */
function jsonCell(r: CellRecord) {
  const out: Row = {};
  for (const f of REPORT_FIELDS) {
    const v = r[f.name];
    if (OMIT_EMPTY.has(f.name) && v === '') continue;
    out[f.name] = v;
  }
  return out;
}

/**
 * A report's JSON: what it is, where it came from, its acknowledged discrepancies, the numbers the
 * archive corrected since (with the old value), its cells.
 */
export function reportJson(report: ReportBase, pageUrl: string) {
  const { agency, frontmatter, tables } = report;
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
    cells: cellRecords(report).map(jsonCell),
  };
}

/** Serialises JSON deterministically (keys in insertion order, which the code fixes). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A report's data.json text: indented like `jsonText`, but one line per cell, which keeps the
 * file a fifth of its fully indented size and still readable line by line.
 */
export function reportJsonText(report: ReportBase, pageUrl: string): string {
  const { cells, ...head } = reportJson(report, pageUrl);
  const top = JSON.stringify({ ...head, cells: [] }, null, 2);
  if (cells.length === 0) return `${top}\n`;
  const body = cells.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `${top.slice(0, top.lastIndexOf('[]'))}[\n${body}\n  ]\n}\n`;
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
    const text = reportJsonText(report, pageUrl(report)).trimEnd().replaceAll('\n', '\n    ');
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
    ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(f.constraints ? { constraints: f.constraints } : {}),
  }));

const csvDialect = {
  $schema: `${PROFILE}/tabledialect.json`,
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
};

/**
 * The Frictionless Data Package (v2): the cell dictionary, then per year the archive CSV (its
 * cells refer to the dictionary by template and cell) and the same year as JSON.
 */
export function dataPackage(options: {
  homepage?: string;
  reports: number;
  years: readonly number[];
}) {
  return {
    $schema: `${PROFILE}/datapackage.json`,
    name: 'nianbao-archive',
    title: '政府信息公开工作年度报告统计表',
    description: `本档案收录的 ${options.reports} 份政府信息公开工作年度报告中三张统计表（表二、表三、表四）的全部数字，每个单元格一行，按原文照录：空白仍为空白，金额保留小数。每年一个文件；表格、行、列的名称在 cells.csv 中，按 template 和 cell 对照。CSV 为带 BOM 的 UTF-8 编码。`,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    resources: [
      {
        $schema: `${PROFILE}/dataresource.json`,
        name: 'cells',
        type: 'table',
        path: 'cells.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: '各版本统计表的全部单元格及其表格、行、列名称（按格式原文）。',
        dialect: csvDialect,
        schema: {
          $schema: `${PROFILE}/tableschema.json`,
          fields: schemaFields(DICTIONARY_FIELDS),
          missingValues: [''],
          primaryKey: ['template', 'cell'],
        },
      },
      ...options.years.flatMap((year) => [
        {
          $schema: `${PROFILE}/dataresource.json`,
          name: `archive-${year}`,
          type: 'table',
          path: yearCsvName(year),
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          description: `${year} 年度全部报告的全部数字，每个单元格一行。`,
          dialect: csvDialect,
          schema: {
            $schema: `${PROFILE}/tableschema.json`,
            fields: schemaFields(ARCHIVE_FIELDS),
            missingValues: [''],
            primaryKey: ['agency_id', 'year', 'cell'],
            foreignKeys: [
              {
                fields: ['template', 'cell'],
                reference: { resource: 'cells', fields: ['template', 'cell'] },
              },
            ],
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
