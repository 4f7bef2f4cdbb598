/**
 * The 2021 national format: 国办公开办函〔2021〕30号, used from the 2021 reports on.
 */

import {
  applicationRows,
  count,
  leaf,
  money,
  type ProactiveSection,
  type TemplateDeclaration,
} from '../declarations.ts';

const decisions = [count('decisions', '本年处理决定数量')];

const PROACTIVE: readonly ProactiveSection[] = [
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
    columns: decisions,
    rows: [{ id: 'licensing', label: '行政许可' }],
  },
  {
    id: 'article20_6',
    heading: '第二十条第（六）项',
    columns: decisions,
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

export const TEMPLATE_2021: TemplateDeclaration = {
  version: 2021,
  document: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》',
  citation: '国办公开办函〔2021〕30号',
  usualFrom: 2021,
  proactive: PROACTIVE,
  applicationRows: applicationRows({
    key: 'other',
    label: '（六）其他处理',
    combinable: true,
    children: [
      leaf('no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
      leaf(
        'unpaid_fees',
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      ),
      leaf('other', '3.其他'),
    ],
  }),
  labelVariants: [
    {
      text: '其他法律行政止公开',
      row: 'applications.withheld.prohibited_by_law',
      why: 'typo seen in published reports (法规禁止 printed as 止)',
    },
    {
      text: '规范性文件',
      row: 'proactive.normative_documents',
      why: 'reports in this format that keep the 2019 wording (沭阳县发展和改革局 2023)',
    },
  ],
};
