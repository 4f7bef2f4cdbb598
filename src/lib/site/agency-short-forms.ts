/**
 * Short forms of agency names that readers type and reports rarely print, as data: each maps to
 * the part of the official name it stands for (沭阳县发改局 → 沭阳县发展和改革局). The search page
 * rewrites a query with this table (query-normalise.ts). A new short form is one line; keep the
 * expansion the exact wording of the national naming (和, not 与), since search matches phrases.
 */
export const AGENCY_SHORT_FORMS: Readonly<Record<string, string>> = {
  发改局: '发展和改革局',
  发改委: '发展和改革委员会',
  人社局: '人力资源和社会保障局',
  人社厅: '人力资源和社会保障厅',
  住建局: '住房和城乡建设局',
  住建厅: '住房和城乡建设厅',
  市监局: '市场监督管理局',
  市场监管局: '市场监督管理局',
  卫健委: '卫生健康委员会',
  卫健局: '卫生健康局',
  文旅局: '文化和旅游局',
  交通局: '交通运输局',
  应急局: '应急管理局',
  医保局: '医疗保障局',
  退役军人局: '退役军人事务局',
  城管局: '城市管理局',
  国资委: '国有资产监督管理委员会',
  生态局: '生态环境局',
};
