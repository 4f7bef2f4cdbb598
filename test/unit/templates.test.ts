/**
 * The template declarations against `shared/templates.md`. Labels here are typed from the printed
 * national templates on purpose: this file is the one place that must not import them.
 */
import { describe, expect, it } from 'vitest';
import {
  applicationLeaves,
  cellDeclarations,
  describeCell,
  findCell,
} from '../../src/lib/template/cells.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATIONS_COLUMN_HEADER,
  APPLICATIONS_CORNER,
  APPLICATION_COLUMNS,
  APPLICATION_COLUMN_GROUPS,
  PROACTIVE_ROW_HEADER,
  SECTION_HEADINGS,
  TABLE_SHORT,
  TABLE_TITLES,
  type TemplateVersion,
} from '../../src/lib/template/declarations.ts';
import {
  templateOf,
  templateVersions,
  isTemplateVersion,
} from '../../src/lib/template/registry.ts';

const APPLICATION_ROWS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果 （一）予以公开',
  '三、本年度办理结果 （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '三、本年度办理结果 （三）不予公开 1.属于国家秘密',
  '三、本年度办理结果 （三）不予公开 2.其他法律行政法规禁止公开',
  '三、本年度办理结果 （三）不予公开 3.危及“三安全一稳定”',
  '三、本年度办理结果 （三）不予公开 4.保护第三方合法权益',
  '三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息',
  '三、本年度办理结果 （三）不予公开 6.属于四类过程性信息',
  '三、本年度办理结果 （三）不予公开 7.属于行政执法案卷',
  '三、本年度办理结果 （三）不予公开 8.属于行政查询事项',
  '三、本年度办理结果 （四）无法提供 1.本机关不掌握相关政府信息',
  '三、本年度办理结果 （四）无法提供 2.没有现成信息需要另行制作',
  '三、本年度办理结果 （四）无法提供 3.补正后申请内容仍不明确',
  '三、本年度办理结果 （五）不予处理 1.信访举报投诉类申请',
  '三、本年度办理结果 （五）不予处理 2.重复申请',
  '三、本年度办理结果 （五）不予处理 3.要求提供公开出版物',
  '三、本年度办理结果 （五）不予处理 4.无正当理由大量反复申请',
  '三、本年度办理结果 （五）不予处理 5.要求行政机关确认或重新出具已获取信息',
  '三、本年度办理结果 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '三、本年度办理结果 （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '三、本年度办理结果 （六）其他处理 3.其他',
  '三、本年度办理结果 （七）总计',
  '四、结转下年度继续办理',
];

// 2019: identical except that （六）其他处理 is a single row.
const APPLICATION_ROWS_2019 = [
  ...APPLICATION_ROWS_2021.slice(0, 20),
  '三、本年度办理结果 （六）其他处理',
  ...APPLICATION_ROWS_2021.slice(23),
];

/** Table 二 as a compact outline: heading, column labels, row labels. */
function proactiveOutline(version: TemplateVersion) {
  return templateOf(version).proactive.map((s) => ({
    heading: s.heading,
    columns: s.columns.map((c) => c.label),
    rows: s.rows.map((r) => r.label),
  }));
}

describe('template versions', () => {
  it('declares exactly the 2019 and 2021 versions, with their documents', () => {
    expect(templateVersions()).toEqual([2019, 2021]);
    expect(templateOf(2019).document).toBe(
      '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
    );
    expect(templateOf(2021).document).toBe(
      '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
    );
    expect(templateOf(2019).version).toBe(2019);
    expect(templateOf(2021).version).toBe(2021);
  });

  it('recognises only the two version numbers', () => {
    expect(isTemplateVersion(2019)).toBe(true);
    expect(isTemplateVersion(2021)).toBe(true);
    for (const v of [2020, 2022, '2019', '2021', null, undefined, 2019.5]) {
      expect(isTemplateVersion(v)).toBe(false);
    }
  });

  it('has the six section headings and the table titles as printed', () => {
    expect(SECTION_HEADINGS).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(TABLE_TITLES).toEqual({
      proactive: SECTION_HEADINGS[1],
      applications: SECTION_HEADINGS[2],
      appeals: SECTION_HEADINGS[3],
    });
    expect(TABLE_SHORT).toEqual({ proactive: '表二', applications: '表三', appeals: '表四' });
  });
});

describe('table 二 (主动公开)', () => {
  it('has the 2019 sub-tables, columns and rows exactly as printed', () => {
    expect(PROACTIVE_ROW_HEADER).toBe('信息内容');
    expect(proactiveOutline(2019)).toEqual([
      {
        heading: '第二十条第（一）项',
        columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
        rows: ['规章', '规范性文件'],
      },
      {
        heading: '第二十条第（五）项',
        columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
        rows: ['行政许可', '其他对外管理服务事项'],
      },
      {
        heading: '第二十条第（六）项',
        columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
        rows: ['行政处罚', '行政强制'],
      },
      {
        heading: '第二十条第（八）项',
        columns: ['上一年项目数量', '本年增/减'],
        rows: ['行政事业性收费'],
      },
      {
        heading: '第二十条第（九）项',
        columns: ['采购项目数量', '采购总金额'],
        rows: ['政府集中采购'],
      },
    ]);
  });

  it('has the 2021 sub-tables, columns and rows exactly as printed ((九) dropped)', () => {
    expect(proactiveOutline(2021)).toEqual([
      {
        heading: '第二十条第（一）项',
        columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
        rows: ['规章', '行政规范性文件'],
      },
      { heading: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: ['行政许可'] },
      {
        heading: '第二十条第（六）项',
        columns: ['本年处理决定数量'],
        rows: ['行政处罚', '行政强制'],
      },
      {
        heading: '第二十条第（八）项',
        columns: ['本年收费金额（单位：万元）'],
        rows: ['行政事业性收费'],
      },
    ]);
  });

  it('lets only 2019 本年增/减 be negative and only the money columns have decimals', () => {
    const kinds = (version: TemplateVersion) =>
      cellDeclarations(version)
        .filter((c) => c.column.kind !== 'count')
        .map((c) => `${c.path}:${c.column.kind}`);
    expect(kinds(2019)).toEqual([
      'proactive.licensing.change:signed',
      'proactive.other_services.change:signed',
      'proactive.penalties.change:signed',
      'proactive.coercion.change:signed',
      'proactive.fees.change:signed',
      'proactive.procurement.amount:money',
    ]);
    expect(kinds(2021)).toEqual(['proactive.fees.amount:money']);
  });

  it('lets the 2019 采购总金额 carry its unit (元 or 万元); 2021 has a fixed unit', () => {
    expect(templateOf(2019).proactive.flatMap((s) => (s.unit ? [s.unit] : []))).toEqual([
      { key: 'unit', column: 'amount', allowed: ['元', '万元'] },
    ]);
    expect(templateOf(2021).proactive.some((s) => s.unit)).toBe(false);
  });
});

describe('table 三 (申请)', () => {
  it('has seven columns under 申请人情况, five of them under 法人或其他组织', () => {
    expect(APPLICATIONS_COLUMN_HEADER).toBe('申请人情况');
    expect(APPLICATION_COLUMNS.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(APPLICATION_COLUMNS.every((c) => c.kind === 'count')).toBe(true);
    expect(APPLICATION_COLUMN_GROUPS).toEqual([
      { label: '法人或其他组织', columns: ['business', 'research', 'nonprofit', 'legal', 'other'] },
    ]);
    expect(APPLICATIONS_CORNER).toBe(
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    );
  });

  it('has 25 data rows in 2021, labels as printed', () => {
    const leaves = applicationLeaves(templateOf(2021));
    expect(leaves).toHaveLength(25);
    expect(leaves.map((l) => l.labels.join(' '))).toEqual(APPLICATION_ROWS_2021);
  });

  it('has 23 data rows in 2019: （六）其他处理 is a single row', () => {
    const leaves = applicationLeaves(templateOf(2019));
    expect(leaves).toHaveLength(23);
    expect(leaves.map((l) => l.labels.join(' '))).toEqual(APPLICATION_ROWS_2019);
  });

  it('gives each data row its YAML keys and printed depth', () => {
    const rows = (version: TemplateVersion) =>
      applicationLeaves(templateOf(version)).map((l) => `${l.depth} ${l.keys.join('.')}`);
    expect(rows(2021)).toEqual([
      '0 received',
      '0 carried_over',
      '1 disclosed',
      '1 partially_disclosed',
      '2 withheld.state_secret',
      '2 withheld.prohibited_by_law',
      '2 withheld.security_stability',
      '2 withheld.third_party_rights',
      '2 withheld.internal_affairs',
      '2 withheld.process_information',
      '2 withheld.enforcement_files',
      '2 withheld.query_matters',
      '2 unavailable.not_held',
      '2 unavailable.needs_creation',
      '2 unavailable.unclear',
      '2 not_processed.petitions',
      '2 not_processed.duplicate',
      '2 not_processed.publications',
      '2 not_processed.excessive',
      '2 not_processed.confirmation',
      '2 other.no_correction',
      '2 other.unpaid_fees',
      '2 other.other',
      '1 total',
      '0 carried_forward',
    ]);
    expect(rows(2019).filter((r) => r.includes('other'))).toEqual(['1 other']);
  });
});

describe('table 四 (复议、诉讼)', () => {
  it('has one row of 15 cells under a three-level header, the same in both versions', () => {
    expect(APPEALS_ROWS.map((r) => r.labels)).toEqual([
      ['行政复议'],
      ['行政诉讼', '未经复议直接起诉'],
      ['行政诉讼', '复议后起诉'],
    ]);
    expect(APPEALS_COLUMNS.map((c) => c.label)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
    for (const version of templateVersions()) {
      const cells = cellDeclarations(version).filter((c) => c.table === 'appeals');
      expect(cells).toHaveLength(15);
      expect(cells.every((c) => c.column.kind === 'count')).toBe(true);
    }
  });
});

describe('cellDeclarations', () => {
  it('lists every cell once, with a unique path', () => {
    // 2019: 二 2×3 + 2×3 + 2×3 + 1×2 + 1×2 = 22, 三 23×7 = 161, 四 15.
    // 2021: 二 2×3 + 1 + 2 + 1 = 10, 三 25×7 = 175, 四 15.
    const counts: Record<number, number[]> = { 2019: [22, 161, 15], 2021: [10, 175, 15] };
    for (const version of templateVersions()) {
      const cells = cellDeclarations(version);
      const byTable = ['proactive', 'applications', 'appeals'].map(
        (t) => cells.filter((c) => c.table === t).length,
      );
      expect(byTable).toEqual(counts[version]);
      expect(new Set(cells.map((c) => c.path)).size).toBe(cells.length);
    }
  });

  it('lists cells in printed order: table 二, then 三 row by row, then 四', () => {
    const paths = cellDeclarations(2021).map((c) => c.path);
    expect(paths.slice(0, 4)).toEqual([
      'proactive.regulations.issued',
      'proactive.regulations.repealed',
      'proactive.regulations.in_force',
      'proactive.normative_documents.issued',
    ]);
    expect(paths.slice(10, 18)).toEqual([
      'applications.received.natural',
      'applications.received.business',
      'applications.received.research',
      'applications.received.nonprofit',
      'applications.received.legal',
      'applications.received.other',
      'applications.received.total',
      'applications.carried_over.natural',
    ]);
    expect(paths.at(-1)).toBe('appeals.litigation_after_review.total');
  });

  it('names column header paths as printed', () => {
    expect(findCell(2021, 'applications.withheld.state_secret.business')?.columnLabels).toEqual([
      '申请人情况',
      '法人或其他组织',
      '商业企业',
    ]);
    expect(findCell(2021, 'applications.received.natural')?.columnLabels).toEqual([
      '申请人情况',
      '自然人',
    ]);
    expect(findCell(2021, 'applications.received.total')?.columnLabels).toEqual([
      '申请人情况',
      '总计',
    ]);
  });

  it('finds cells of one version only', () => {
    expect(findCell(2019, 'proactive.regulations.made')?.column.label).toBe('本年新制作数量');
    expect(findCell(2021, 'proactive.regulations.made')).toBeUndefined();
    expect(findCell(2021, 'applications.other.unpaid_fees.total')).toBeDefined();
    expect(findCell(2019, 'applications.other.unpaid_fees.total')).toBeUndefined();
    expect(findCell(2019, 'applications.other.total')).toBeDefined();
    expect(findCell(2021, 'applications.other.total')).toBeUndefined();
    expect(findCell(2021, 'applications.withheld.natural')).toBeUndefined();
  });
});

describe('describeCell', () => {
  const named = (version: TemplateVersion, path: string) => {
    const cell = findCell(version, path);
    if (!cell) throw new Error(`no cell ${path}`);
    return describeCell(cell);
  };

  it('names a cell by its printed labels, so an editor can find it in the original', () => {
    expect(named(2019, 'proactive.fees.change')).toBe(
      '表二第二十条第（八）项「行政事业性收费」行「本年增/减」列',
    );
    expect(named(2021, 'proactive.fees.amount')).toBe(
      '表二第二十条第（八）项「行政事业性收费」行「本年收费金额（单位：万元）」列',
    );
    expect(named(2021, 'applications.withheld.state_secret.business')).toBe(
      '表三「（三）不予公开 1.属于国家秘密」行「商业企业」列',
    );
    expect(named(2019, 'applications.received.natural')).toBe(
      '表三「一、本年新收政府信息公开申请数量」行「自然人」列',
    );
    expect(named(2019, 'applications.total.total')).toBe('表三「（七）总计」行「总计」列');
    expect(named(2021, 'appeals.litigation_direct.pending')).toBe(
      '表四「行政诉讼 › 未经复议直接起诉 › 尚未审结」',
    );
    expect(named(2021, 'appeals.review.total')).toBe('表四「行政复议 › 总计」');
  });
});
