/**
 * The shape of a national report template, and the parts every version prints alike (section
 * headings, table titles, the columns of tables 三 and 四, the rows of table 四).
 *
 * Each version is declared as data in `versions/` and registered in `registry.ts`; everything
 * else (YAML validation, table components, rules and their wording, the importer, CSV headers,
 * chart series) reads the declarations. A Chinese label typed anywhere else is a bug: take it
 * from here.
 */

/**
 * A template version, named by the year of the document that set it (国办公开办函〔N〕…号). Which
 * versions exist is the registry's business (`registry.ts`), not the type's.
 */
export type TemplateVersion = number;

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
  /**
   * A group that real reports sometimes print as one row (the earlier format's way): its YAML may
   * then be that row's cells, and its sub-rows are "not printed".
   */
  readonly combinable?: boolean;
}

/** A row of table 四: one of 行政复议, 未经复议直接起诉, 复议后起诉, printed side by side. */
export interface AppealsRow {
  readonly id: string;
  /** Printed header path, outermost first: ['行政诉讼', '未经复议直接起诉']. */
  readonly labels: readonly string[];
}

/**
 * A printed row label that normalising cannot match, seen in real reports (for the importer).
 * `row` names the template row by its cell-path prefix, so that no template label is typed twice.
 */
export interface LabelVariant {
  readonly text: string;
  readonly row: string;
  readonly why: string;
}

export interface TemplateDeclaration {
  readonly version: TemplateVersion;
  /** The document that set the format. */
  readonly document: string;
  /** The document's number as cited in messages: 国办公开办函〔2019〕60号. */
  readonly citation: string;
  /**
   * The first report year for which this version is the usual one; it stays usual until a later
   * version's `usualFrom`. Years before every version's take the earliest version.
   */
  readonly usualFrom: number;
  readonly proactive: readonly ProactiveSection[];
  readonly applicationRows: readonly ApplicationRow[];
  /** Row labels reports of this version print that normalising cannot reach (importer). */
  readonly labelVariants: readonly LabelVariant[];
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

/** Column builders for declarations. */
export const count = (id: string, label: string): Column => ({ id, label, kind: 'count' });
export const signed = (id: string, label: string): Column => ({ id, label, kind: 'signed' });
export const money = (id: string, label: string): Column => ({ id, label, kind: 'money' });

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

/** A data row of table 三. */
export const leaf = (key: string, label: string): ApplicationRow => ({ key, label });

/**
 * The rows of table 三 as both national versions print them, with （六）其他处理 as given: the
 * only row the 2019 and 2021 formats shape differently.
 */
export function applicationRows(other: ApplicationRow): readonly ApplicationRow[] {
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
