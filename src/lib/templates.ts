/**
 * The national report templates (国办公开办函〔2019〕60号 and 〔2021〕30号), declared once, as data.
 *
 * Everything else reads this module: the YAML validation, the table components, the consistency
 * rules and their messages, and later the importer, CSV headers and chart series. A Chinese
 * label typed anywhere else is a bug: take it from here.
 */

export const TEMPLATE_VERSIONS = [2019, 2021] as const;
export type TemplateVersion = (typeof TEMPLATE_VERSIONS)[number];

export type TableId = 'proactive' | 'applications' | 'appeals';

/**
 * What a cell may hold. `count`: a non-negative integer. `signed`: an integer that may be negative
 * (2019 本年增/减). `money`: a non-negative amount that may have decimals.
 */
export type ValueKind = 'count' | 'signed' | 'money';

export interface Column {
  /** YAML key (table 二) or the cell's name in a cell path (tables 三 and 四). */
  readonly id: string;
  /** The column header exactly as printed in the template. */
  readonly label: string;
  readonly kind: ValueKind;
}

/** A printed header that spans several columns (e.g. 法人或其他组织). */
export interface ColumnGroup {
  readonly label: string;
  /** Ids of the columns it spans, in order. */
  readonly columns: readonly string[];
}

/** Unit field that travels with a money column whose unit the report chooses (2019 采购总金额). */
export interface UnitField {
  /** YAML key beside the amount, e.g. `unit`. */
  readonly key: string;
  /** The amount column it qualifies. */
  readonly column: string;
  readonly allowed: readonly string[];
}

/** One sub-table of table 二, headed by the article and item of the regulation. */
export interface ProactiveSection {
  readonly id: string;
  /** e.g. 第二十条第（一）项 */
  readonly heading: string;
  readonly columns: readonly Column[];
  readonly rows: readonly { readonly id: string; readonly label: string }[];
  readonly unit?: UnitField;
}

/**
 * A row of table 三. A row with `children` is a printed group (e.g. （三）不予公开); a row without is
 * a data row of seven cells. `key: null` marks a group that is printed but has no YAML key of its
 * own (三、本年度办理结果: its rows sit directly under `applications`).
 */
export interface ApplicationRow {
  readonly key: string | null;
  readonly label: string;
  readonly children?: readonly ApplicationRow[];
}

/** A row of table 四: one of 行政复议, 未经复议直接起诉, 复议后起诉, printed side by side. */
export interface AppealsRow {
  readonly id: string;
  /** Printed header path, outermost first: ['行政诉讼', '未经复议直接起诉']. */
  readonly labels: readonly string[];
}

export interface TemplateDeclaration {
  readonly version: TemplateVersion;
  /** The document that set the format. */
  readonly document: string;
  readonly proactive: readonly ProactiveSection[];
  readonly applicationRows: readonly ApplicationRow[];
}

export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const TABLE_TITLES: Readonly<Record<TableId, string>> = {
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
};

/** Short names used in messages: 表二, 表三, 表四. */
export const TABLE_SHORT: Readonly<Record<TableId, string>> = {
  proactive: '表二',
  applications: '表三',
  appeals: '表四',
};

/** The first column header of every sub-table of table 二. */
export const PROACTIVE_ROW_HEADER = '信息内容';

const count = (id: string, label: string): Column => ({ id, label, kind: 'count' });
const signed = (id: string, label: string): Column => ({ id, label, kind: 'signed' });
const money = (id: string, label: string): Column => ({ id, label, kind: 'money' });

const projectColumns2019 = [
  count('previous', '上一年项目数量'),
  signed('change', '本年增/减'),
  count('decisions', '处理决定数量'),
];

const PROACTIVE_2019: readonly ProactiveSection[] = [
  {
    id: 'article20_1',
    heading: '第二十条第（一）项',
    columns: [
      count('made', '本年新制作数量'),
      count('published', '本年新公开数量'),
      count('total', '对外公开总数量'),
    ],
    rows: [
      { id: 'regulations', label: '规章' },
      { id: 'normative_documents', label: '规范性文件' },
    ],
  },
  {
    id: 'article20_5',
    heading: '第二十条第（五）项',
    columns: projectColumns2019,
    rows: [
      { id: 'licensing', label: '行政许可' },
      { id: 'other_services', label: '其他对外管理服务事项' },
    ],
  },
  {
    id: 'article20_6',
    heading: '第二十条第（六）项',
    columns: projectColumns2019,
    rows: [
      { id: 'penalties', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
  },
  {
    id: 'article20_8',
    heading: '第二十条第（八）项',
    columns: [count('previous', '上一年项目数量'), signed('change', '本年增/减')],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
  },
  {
    id: 'article20_9',
    heading: '第二十条第（九）项',
    columns: [count('projects', '采购项目数量'), money('amount', '采购总金额')],
    rows: [{ id: 'procurement', label: '政府集中采购' }],
    unit: { key: 'unit', column: 'amount', allowed: ['元', '万元'] },
  },
];

const decisions2021 = [count('decisions', '本年处理决定数量')];

const PROACTIVE_2021: readonly ProactiveSection[] = [
  {
    id: 'article20_1',
    heading: '第二十条第（一）项',
    columns: [
      count('issued', '本年制发件数'),
      count('repealed', '本年废止件数'),
      count('in_force', '现行有效件数'),
    ],
    rows: [
      { id: 'regulations', label: '规章' },
      { id: 'normative_documents', label: '行政规范性文件' },
    ],
  },
  {
    id: 'article20_5',
    heading: '第二十条第（五）项',
    columns: decisions2021,
    rows: [{ id: 'licensing', label: '行政许可' }],
  },
  {
    id: 'article20_6',
    heading: '第二十条第（六）项',
    columns: decisions2021,
    rows: [
      { id: 'penalties', label: '行政处罚' },
      { id: 'coercion', label: '行政强制' },
    ],
  },
  {
    id: 'article20_8',
    heading: '第二十条第（八）项',
    columns: [money('amount', '本年收费金额（单位：万元）')],
    rows: [{ id: 'fees', label: '行政事业性收费' }],
  },
];

/** Table 三's corner cell, as printed. */
export const APPLICATIONS_CORNER =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const APPLICATIONS_COLUMN_HEADER = '申请人情况';

export const APPLICATION_COLUMNS: readonly Column[] = [
  count('natural', '自然人'),
  count('business', '商业企业'),
  count('research', '科研机构'),
  count('nonprofit', '社会公益组织'),
  count('legal', '法律服务机构'),
  count('other', '其他'),
  count('total', '总计'),
];

export const APPLICATION_COLUMN_GROUPS: readonly ColumnGroup[] = [
  {
    label: '法人或其他组织',
    columns: ['business', 'research', 'nonprofit', 'legal', 'other'],
  },
];

const leaf = (key: string, label: string): ApplicationRow => ({ key, label });

function applicationRows(other: ApplicationRow): readonly ApplicationRow[] {
  return [
    leaf('received', '一、本年新收政府信息公开申请数量'),
    leaf('carried_over', '二、上年结转政府信息公开申请数量'),
    {
      key: null,
      label: '三、本年度办理结果',
      children: [
        leaf('disclosed', '（一）予以公开'),
        leaf('partially_disclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
        {
          key: 'withheld',
          label: '（三）不予公开',
          children: [
            leaf('state_secret', '1.属于国家秘密'),
            leaf('prohibited_by_law', '2.其他法律行政法规禁止公开'),
            leaf('security_stability', '3.危及“三安全一稳定”'),
            leaf('third_party_rights', '4.保护第三方合法权益'),
            leaf('internal_affairs', '5.属于三类内部事务信息'),
            leaf('process_information', '6.属于四类过程性信息'),
            leaf('enforcement_files', '7.属于行政执法案卷'),
            leaf('query_matters', '8.属于行政查询事项'),
          ],
        },
        {
          key: 'unavailable',
          label: '（四）无法提供',
          children: [
            leaf('not_held', '1.本机关不掌握相关政府信息'),
            leaf('needs_creation', '2.没有现成信息需要另行制作'),
            leaf('unclear', '3.补正后申请内容仍不明确'),
          ],
        },
        {
          key: 'not_processed',
          label: '（五）不予处理',
          children: [
            leaf('petitions', '1.信访举报投诉类申请'),
            leaf('duplicate', '2.重复申请'),
            leaf('publications', '3.要求提供公开出版物'),
            leaf('excessive', '4.无正当理由大量反复申请'),
            leaf('confirmation', '5.要求行政机关确认或重新出具已获取信息'),
          ],
        },
        other,
        leaf('total', '（七）总计'),
      ],
    },
    leaf('carried_forward', '四、结转下年度继续办理'),
  ];
}

export const APPEALS_COLUMNS: readonly Column[] = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计'),
];

export const APPEALS_ROWS: readonly AppealsRow[] = [
  { id: 'review', labels: ['行政复议'] },
  { id: 'litigation_direct', labels: ['行政诉讼', '未经复议直接起诉'] },
  { id: 'litigation_after_review', labels: ['行政诉讼', '复议后起诉'] },
];

export const TEMPLATES: Readonly<Record<TemplateVersion, TemplateDeclaration>> = {
  2019: {
    version: 2019,
    document: '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    proactive: PROACTIVE_2019,
    applicationRows: applicationRows(leaf('other', '（六）其他处理')),
  },
  2021: {
    version: 2021,
    document: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
    proactive: PROACTIVE_2021,
    applicationRows: applicationRows({
      key: 'other',
      label: '（六）其他处理',
      children: [
        leaf('no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
        leaf(
          'unpaid_fees',
          '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        ),
        leaf('other', '3.其他'),
      ],
    }),
  },
};

export function isTemplateVersion(value: unknown): value is TemplateVersion {
  return TEMPLATE_VERSIONS.some((v) => v === value);
}

/* ------------------------------------------------------------------------------------------ */
/* Cells: every declared cell of a template, flattened. Paths are dotted: table.row….column.   */
/* ------------------------------------------------------------------------------------------ */

export interface CellDeclaration {
  /** e.g. `applications.withheld.state_secret.natural`, `proactive.fees.change`. */
  readonly path: string;
  readonly table: TableId;
  /** YAML keys from the table down to the row, e.g. ['withheld', 'state_secret']. */
  readonly rowKeys: readonly string[];
  /** Printed row labels, outermost group first, e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']. */
  readonly rowLabels: readonly string[];
  readonly column: Column;
  /** Printed column header path, outermost first, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  readonly columnLabels: readonly string[];
  /** Table 二 only: the sub-table heading. */
  readonly section?: string;
}

/** A data row of table 三, with its YAML key path and its printed label path. */
export interface ApplicationLeaf {
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  /** Depth of the printed label: 0 for 一/二/四, 1 for （一）…（七）, 2 for numbered sub-items. */
  readonly depth: number;
}

/**
 * The printed label of a top-level row of table 三 that both versions share (received,
 * carried_over, total, carried_forward), e.g. 「二、上年结转政府信息公开申请数量」.
 */
export function applicationRowLabel(
  key: 'received' | 'carried_over' | 'total' | 'carried_forward',
): string {
  const leaf = applicationLeaves(TEMPLATES[2021]).find(
    (l) => l.keys.length === 1 && l.keys[0] === key,
  );
  if (!leaf) throw new Error(`No row ${key} in table 三`);
  return leaf.labels.at(-1)!;
}

/** Data rows of table 三 in printed order. */
export function applicationLeaves(t: TemplateDeclaration): ApplicationLeaf[] {
  const out: ApplicationLeaf[] = [];
  const walk = (
    rows: readonly ApplicationRow[],
    keys: string[],
    labels: string[],
    depth: number,
  ): void => {
    for (const row of rows) {
      const k = row.key === null ? keys : [...keys, row.key];
      const l = [...labels, row.label];
      if (row.children) walk(row.children, k, l, depth + 1);
      else out.push({ keys: k, labels: l, depth });
    }
  };
  walk(t.applicationRows, [], [], 0);
  return out;
}

function applicationColumnLabels(column: Column): string[] {
  const group = APPLICATION_COLUMN_GROUPS.find((g) => g.columns.includes(column.id));
  return group
    ? [APPLICATIONS_COLUMN_HEADER, group.label, column.label]
    : [APPLICATIONS_COLUMN_HEADER, column.label];
}

/** Every cell of a template version in printed order: table 二, then 三 (row by row), then 四. */
export function cellDeclarations(version: TemplateVersion): readonly CellDeclaration[] {
  const cached = cellCache.get(version);
  if (cached) return cached;
  const t = TEMPLATES[version];
  const cells: CellDeclaration[] = [];
  for (const section of t.proactive) {
    for (const row of section.rows) {
      for (const column of section.columns) {
        cells.push({
          path: `proactive.${row.id}.${column.id}`,
          table: 'proactive',
          rowKeys: [row.id],
          rowLabels: [row.label],
          column,
          columnLabels: [column.label],
          section: section.heading,
        });
      }
    }
  }
  for (const leafRow of applicationLeaves(t)) {
    for (const column of APPLICATION_COLUMNS) {
      cells.push({
        path: ['applications', ...leafRow.keys, column.id].join('.'),
        table: 'applications',
        rowKeys: leafRow.keys,
        rowLabels: leafRow.labels,
        column,
        columnLabels: applicationColumnLabels(column),
      });
    }
  }
  for (const row of APPEALS_ROWS) {
    for (const column of APPEALS_COLUMNS) {
      cells.push({
        path: `appeals.${row.id}.${column.id}`,
        table: 'appeals',
        rowKeys: [row.id],
        rowLabels: [],
        column,
        columnLabels: [...row.labels, column.label],
      });
    }
  }
  cellCache.set(version, cells);
  return cells;
}
const cellCache = new Map<TemplateVersion, readonly CellDeclaration[]>();

/** The declaration of one cell, or undefined when the path names no cell of that version. */
export function findCell(version: TemplateVersion, path: string): CellDeclaration | undefined {
  return cellDeclarations(version).find((c) => c.path === path);
}

/**
 * How a cell is named to an editor: 表三「（三）不予公开 1.属于国家秘密」行「商业企业」列.
 * Row and column labels are the printed ones, so the editor can find the cell in the original.
 */
export function describeCell(cell: CellDeclaration): string {
  const table = TABLE_SHORT[cell.table];
  if (cell.table === 'proactive') {
    return `${table}${cell.section}「${cell.rowLabels.join(' ')}」行「${cell.column.label}」列`;
  }
  if (cell.table === 'appeals') {
    return `${table}「${cell.columnLabels.join(' › ')}」`;
  }
  // Leave out 三、本年度办理结果: every outcome row carries its own （一）…（七） label.
  const rows = cell.rowLabels.filter((l) => l !== '三、本年度办理结果');
  return `${table}「${rows.join(' ')}」行「${cell.column.label}」列`;
}
