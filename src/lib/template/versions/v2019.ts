/**
 * The 2019 national format: 国办公开办函〔2019〕60号, used for the 2019 and 2020 reports.
 */

import {
  applicationRows,
  count,
  leaf,
  money,
  signed,
  type ProactiveSection,
  type TemplateDeclaration,
} from '../declarations.ts';

const projectColumns2019 = [
  count('previous', '上一年项目数量'),
  signed('change', '本年增/减'),
  count('decisions', '处理决定数量'),
];

const PROACTIVE: readonly ProactiveSection[] = [
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

export const TEMPLATE_2019: TemplateDeclaration = {
  version: 2019,
  document: '国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》',
  citation: '国办公开办函〔2019〕60号',
  usualFrom: 2019,
  proactive: PROACTIVE,
  applicationRows: applicationRows(leaf('other', '（六）其他处理')),
  labelVariants: [
    {
      text: '其他法律行政止公开',
      row: 'applications.withheld.prohibited_by_law',
      why: 'typo seen in published reports (法规禁止 printed as 止)',
    },
  ],
};
