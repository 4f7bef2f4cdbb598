/**
 * JSON Schemas (draft-07) for the files editors type: a report's tables for each template
 * version, and the agency list. They are derived from the template declarations and written to
 * `data/schema/` by `npm run schemas`; VS Code's YAML extension (yaml-language-server) reads them
 * for completion, hover text and red underlines while typing.
 *
 * Draft-07 because it is the newest draft that yaml-language-server fully supports. That rules
 * out `prefixItems`: a seven- or five-cell row is `items: [..]` with `additionalItems: false`.
 *
 * The schemas follow CONTRACT.md, including keys that `npm run check` learns in phase 2 of
 * issue 13 (`status`, `not_printed`, the 2021 combined 「（六）其他处理」 row, `corrections`,
 * the agency's `apply`). What a schema cannot say (sums, one agency per id, files and years,
 * how a number was written) stays with `npm run check`.
 */

import {
  AGENCY_KINDS,
  AGENCY_LEVELS,
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  APPLICATION_COLUMN_GROUPS,
  APPLICATIONS_COLUMN_HEADER,
  KIND_LABELS,
  LEVEL_LABELS,
  SLUG,
  TABLE_SHORT,
  TABLE_TITLES,
  templateOf,
  TEMPLATE_VERSIONS,
  cellDeclarations,
  checksFor,
  describeCell,
  type ApplicationRow,
  type Column,
  type TableId,
  type TemplateVersion,
} from './project.ts';

export type JsonSchema = { readonly [key: string]: unknown };

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Where the generated schemas live, relative to the project root. */
export const SCHEMA_DIR = 'data/schema';

/** File name of the schema for one template version, e.g. `report-2021.schema.json`. */
export function reportSchemaFile(version: TemplateVersion): string {
  return `report-${version}.schema.json`;
}
/** The schema for any report: picks the version's schema by `template`. */
export const ANY_REPORT_SCHEMA_FILE = 'report.schema.json';
export const AGENCIES_SCHEMA_FILE = 'agencies.schema.json';

/** The value a table key takes when the report did not print that table as text. */
export const NOT_PRINTED = 'not_printed';

/** A string with at least one character that is not white space. */
const TEXT = '\\S';

const KIND_TEXT: Readonly<Record<Column['kind'], string>> = {
  count: '非负整数',
  signed: '整数，可以为负',
  money: '非负数，可以有小数',
};

/** One cell: its kind, or null where the published cell was blank. */
function cellSchema(column: Column, title: string, description: string): JsonSchema {
  const type = column.kind === 'money' ? 'number' : 'integer';
  return {
    title,
    description: `${description}。${KIND_TEXT[column.kind]}；原文空白的单元格写 null。`,
    type: [type, 'null'],
    ...(column.kind === 'signed' ? {} : { minimum: 0 }),
  };
}

/** An object whose keys are exactly `properties`, all required. */
function closedObject(
  properties: Record<string, JsonSchema>,
  extra: Record<string, unknown> = {},
): JsonSchema {
  return {
    ...extra,
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

/** A table, or the marker that the report did not print it as text. */
function tableOrNotPrinted(table: TableId, schema: JsonSchema): JsonSchema {
  return {
    title: `${TABLE_SHORT[table]} ${TABLE_TITLES[table]}`,
    anyOf: [
      {
        title: '原文未以文字印出此表',
        description: `原报告没有以文字印出${TABLE_SHORT[table]}（例如只有图片）时写 ${NOT_PRINTED}。`,
        enum: [NOT_PRINTED],
      },
      schema,
    ],
  };
}

function proactiveSchema(version: TemplateVersion): JsonSchema {
  const rows: Record<string, JsonSchema> = {};
  for (const section of templateOf(version).proactive) {
    for (const row of section.rows) {
      const where = `${TABLE_SHORT.proactive}${section.heading}「${row.label}」行`;
      const cells: Record<string, JsonSchema> = {};
      for (const column of section.columns) {
        cells[column.id] = cellSchema(column, column.label, `${where}「${column.label}」列`);
      }
      if (section.unit) {
        const amount = section.columns.find((c) => c.id === section.unit?.column);
        cells[section.unit.key] = {
          title: `${amount?.label ?? ''}的单位`,
          description: `${where}「${amount?.label ?? ''}」的金额单位，按原文填写；原文没有印单位时写 null。`,
          enum: [...section.unit.allowed, null],
        };
      }
      rows[row.id] = closedObject(cells, {
        title: row.label,
        description: `${where}（${section.heading}）`,
      });
    }
  }
  return closedObject(rows, {
    description: `${TABLE_SHORT.proactive}：每行一组字段，字段名是该行各列。`,
  });
}

function applicationColumnPath(column: Column): string {
  const group = APPLICATION_COLUMN_GROUPS.find((g) => g.columns.includes(column.id));
  return [APPLICATIONS_COLUMN_HEADER, ...(group ? [group.label] : []), column.label].join(' › ');
}

/** A row written as a list of cells in printed column order. */
function cellRow(
  columns: readonly Column[],
  columnPath: (c: Column) => string,
  title: string,
  where: string,
): JsonSchema {
  return {
    title,
    description: `${where}：${columns.length} 个单元格，按原表列的顺序 [${columns.map((c) => c.label).join(', ')}]。原文空白的单元格写 null，不要省略。`,
    type: 'array',
    items: columns.map((c) => cellSchema(c, c.label, `${where}「${columnPath(c)}」`)),
    additionalItems: false,
    minItems: columns.length,
    maxItems: columns.length,
  };
}

function applicationRowSchema(row: ApplicationRow, labels: readonly string[]): JsonSchema {
  const where = `${TABLE_SHORT.applications}「${labels.join(' ')}」行`;
  return cellRow(APPLICATION_COLUMNS, applicationColumnPath, row.label, where);
}

/** One mapping level of table 三; a group printed without a key of its own is flattened. */
function applicationLevel(
  rows: readonly ApplicationRow[],
  labels: readonly string[],
  version: TemplateVersion,
): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const row of rows) {
    if (row.key === null) {
      Object.assign(out, applicationLevel(row.children ?? [], labels, version));
      continue;
    }
    const rowLabels = [...labels, row.label];
    if (!row.children) {
      out[row.key] = applicationRowSchema(row, rowLabels);
      continue;
    }
    const group = closedObject(applicationLevel(row.children, rowLabels, version), {
      title: row.label,
      description: `${TABLE_SHORT.applications}「${row.label}」：分项 ${row.children.map((c) => c.key).join('、')}。`,
    });
    // The content contract: a report whose format splits （六）其他处理 into sub-rows but that
    // prints it as one row writes that combined row; its sub-rows are then not printed.
    out[row.key] =
      row.key === 'other' && labels.length === 0
        ? {
            title: row.label,
            anyOf: [
              group,
              {
                ...applicationRowSchema(row, rowLabels),
                title: `${row.label}（原文印为一行）`,
              },
            ],
          }
        : group;
  }
  return out;
}

function applicationsSchema(version: TemplateVersion): JsonSchema {
  return closedObject(applicationLevel(templateOf(version).applicationRows, [], version), {
    description: `${TABLE_SHORT.applications}：每行 ${APPLICATION_COLUMNS.length} 个单元格 [${APPLICATION_COLUMNS.map((c) => c.label).join(', ')}]。`,
  });
}

function appealsSchema(): JsonSchema {
  const rows: Record<string, JsonSchema> = {};
  for (const row of APPEALS_ROWS) {
    rows[row.id] = cellRow(
      APPEALS_COLUMNS,
      (c) => c.label,
      row.labels.join(' › '),
      `${TABLE_SHORT.appeals}「${row.labels.join(' › ')}」`,
    );
  }
  return closedObject(rows, {
    description: `${TABLE_SHORT.appeals}：每行 ${APPEALS_COLUMNS.length} 个单元格 [${APPEALS_COLUMNS.map((c) => c.label).join(', ')}]。`,
  });
}

function cellPaths(version: TemplateVersion): string[] {
  return cellDeclarations(version).map((c) => c.path);
}

function cellNotesSchema(version: TemplateVersion): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const cell of cellDeclarations(version)) {
    properties[cell.path] = {
      title: describeCell(cell),
      description: '原文印在这个单元格里、数字以外的文字。',
      type: 'string',
      pattern: TEXT,
    };
  }
  return {
    title: '单元格注释',
    description:
      '原文印在单元格里的文字（单位、说明等），按单元格路径记录，例如 proactive.fees.amount。',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

function discrepanciesSchema(version: TemplateVersion): JsonSchema {
  return {
    title: '原文数字不符合勾稽关系的确认',
    description:
      '原报告印的数字确实不符合勾稽关系时，按 npm run check 的提示逐条记录，数字保持原文。',
    type: 'array',
    items: closedObject(
      {
        check: {
          title: '勾稽关系编号',
          description: '从 npm run check 的提示中复制。',
          type: 'string',
          enum: checksFor(version).map((c) => c.id),
        },
        left: { title: '左边之和（原文）', type: 'number' },
        right: { title: '右边之和（原文）', type: 'number' },
        note: {
          title: '说明',
          description: '例如「原文如此」。',
          type: 'string',
          pattern: TEXT,
        },
      },
      { title: '一条确认' },
    ),
  };
}

function correctionsSchema(version: TemplateVersion): JsonSchema {
  const number = { type: ['number', 'null'] };
  return {
    title: '更正记录',
    description:
      '发布后改动的数字，每次改动一条：何时、为何改，改了哪些单元格。改动已发布的数字而不记录，检查不会通过。',
    type: 'array',
    items: closedObject(
      {
        date: {
          title: '更正日期',
          description: '档案改动数字的日期，写成 2026-03-01 这样的格式。',
          type: 'string',
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        },
        kind: {
          title: '更正类型',
          type: 'string',
          enum: ['erratum', 'typo'],
          enumDescriptions: ['机构发布了更正说明', '档案改正自己的录入错误'],
        },
        reason: {
          title: '更正原因',
          description: '例如「机构于 2026-02-20 发布更正说明」。',
          type: 'string',
          pattern: TEXT,
        },
        cells: {
          title: '改动的单元格',
          type: 'array',
          minItems: 1,
          items: closedObject(
            {
              cell: {
                title: '单元格路径',
                description: '写法与 cell_notes 相同，例如 applications.received.natural。',
                type: 'string',
                enum: cellPaths(version),
              },
              old: { ...number, title: '原来的数字' },
              new: { ...number, title: '现在的数字', description: '应等于表中现在的数字。' },
            },
            { title: '一个单元格' },
          ),
        },
      },
      { title: '一条更正' },
    ),
  };
}

/** The schema of `data/reports/<agency>/<year>.yaml` for one template version. */
export function reportSchema(version: TemplateVersion): JsonSchema {
  const t = templateOf(version);
  return {
    $schema: DRAFT_07,
    title: `政府信息公开工作年度报告：表格数据（${version} 年版格式）`,
    description: `${t.document}。三张统计表按原文逐格录入；原文空白的单元格写 null。`,
    type: 'object',
    properties: {
      status: {
        title: '草稿',
        description: '草稿不会发布。核对完毕后删除这一行即为发布。',
        enum: ['draft'],
      },
      template: {
        title: '模板版本',
        description: `${version} 年版：${t.document}`,
        enum: [version],
      },
      proactive: tableOrNotPrinted('proactive', proactiveSchema(version)),
      applications: tableOrNotPrinted('applications', applicationsSchema(version)),
      appeals: tableOrNotPrinted('appeals', appealsSchema()),
      cell_notes: cellNotesSchema(version),
      discrepancies: discrepanciesSchema(version),
      corrections: correctionsSchema(version),
    },
    required: ['template', 'proactive', 'applications', 'appeals'],
    additionalProperties: false,
  };
}

/** Any report: the `template` key picks the version's schema (draft-07 if/then). */
export function anyReportSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const allOf: JsonSchema[] = [];
  for (const version of TEMPLATE_VERSIONS) {
    const { $schema: _, ...schema } = reportSchema(version);
    definitions[`report${version}`] = schema;
    allOf.push({
      if: { properties: { template: { const: version } }, required: ['template'] },
      then: { $ref: `#/definitions/report${version}` },
    });
  }
  return {
    $schema: DRAFT_07,
    title: '政府信息公开工作年度报告：表格数据',
    description: `template 写 ${TEMPLATE_VERSIONS.join(' 或 ')}，其余字段按该版格式。`,
    type: 'object',
    properties: {
      template: {
        title: '模板版本',
        description: TEMPLATE_VERSIONS.map((v) => `${v}：${templateOf(v).document}`).join('；'),
        enum: [...TEMPLATE_VERSIONS],
      },
    },
    required: ['template'],
    allOf,
    definitions,
  };
}

const WEB_URL = '^https?://[^\\s/?#]+';

/** The schema of `data/agencies.yaml`. */
export function agenciesSchema(): JsonSchema {
  const url = (title: string, description: string) => ({
    title,
    description: `${description}以 http:// 或 https:// 开头。`,
    type: 'string',
    pattern: WEB_URL,
  });
  const slug = { type: 'string', pattern: SLUG.source };
  return {
    $schema: DRAFT_07,
    title: '机构列表',
    description: '每个机构以「- id:」开头。',
    type: 'array',
    items: {
      title: '机构',
      type: 'object',
      properties: {
        id: {
          ...slug,
          title: '机构 id',
          description: '小写英文字母、数字和连字符，也是报告文件夹名，例如 jiyuan-gongan。',
        },
        name: {
          title: '机构名称',
          description: '按机构自己的写法。',
          type: 'string',
          pattern: TEXT,
        },
        level: {
          title: '层级',
          type: 'string',
          enum: [...AGENCY_LEVELS],
          enumDescriptions: AGENCY_LEVELS.map((l) => LEVEL_LABELS[l]),
        },
        kind: {
          title: '类别',
          type: 'string',
          enum: [...AGENCY_KINDS],
          enumDescriptions: AGENCY_KINDS.map((k) => KIND_LABELS[k]),
        },
        region: {
          title: '所在地区',
          description: '例如 河南省济源市。',
          type: 'string',
          pattern: TEXT,
        },
        website: url('机构网站', '机构的门户网站，'),
        apply: url('依申请公开渠道', '机构受理政府信息公开申请的网页，'),
        parent: { ...slug, title: '上级机构', description: '上级机构的 id。' },
      },
      required: ['id', 'name', 'level', 'kind', 'region'],
      additionalProperties: false,
    },
  };
}

/** Every schema file, by name: what `npm run schemas` writes and the staleness test compares. */
export function schemaFiles(): { readonly name: string; readonly text: string }[] {
  const text = (schema: JsonSchema) => JSON.stringify(schema, null, 2) + '\n';
  return [
    ...TEMPLATE_VERSIONS.map((v) => ({ name: reportSchemaFile(v), text: text(reportSchema(v)) })),
    { name: ANY_REPORT_SCHEMA_FILE, text: text(anyReportSchema()) },
    { name: AGENCIES_SCHEMA_FILE, text: text(agenciesSchema()) },
  ];
}
