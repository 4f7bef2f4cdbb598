/**
 * The five real reports of test/fixtures/corpus (copied verbatim from shared/corpus), imported and
 * compared value by value with expectations checked by hand against each file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReport, type ImportResult } from '../../src/lib/importer/import-report.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { readReportProse } from '../../src/lib/content/report-prose.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  type TemplateVersion,
} from '../../src/lib/template/declarations.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (rel: string) => readFileSync(ROOT + rel, 'utf8');
const corpus = (name: string) => read(`test/fixtures/corpus/${name}.txt`);

type Row = readonly (number | null)[];
interface Expected {
  readonly template: TemplateVersion;
  readonly proactive: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
  /** Table 三 rows by key path (e.g. `withheld.state_secret`), in column order. */
  readonly applications: Readonly<Record<string, Row>>;
  readonly appeals: Readonly<Record<string, Row>>;
}

/** Every cell path of the version with its expected value; fails on a path the template lacks. */
function flatten(e: Expected): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [row, cols] of Object.entries(e.proactive)) {
    for (const [col, v] of Object.entries(cols)) out[`proactive.${row}.${col}`] = v;
  }
  for (const [row, values] of Object.entries(e.applications)) {
    APPLICATION_COLUMNS.forEach((c, i) => (out[`applications.${row}.${c.id}`] = values[i] ?? null));
    expect(values, row).toHaveLength(APPLICATION_COLUMNS.length);
  }
  for (const row of APPEALS_ROWS) {
    const values = e.appeals[row.id] ?? [];
    expect(values, row.id).toHaveLength(APPEALS_COLUMNS.length);
    APPEALS_COLUMNS.forEach((c, i) => (out[`appeals.${row.id}.${c.id}`] = values[i] ?? null));
  }
  const paths = cellDeclarations(e.template).map((c) => c.path);
  expect(Object.keys(out).sort()).toEqual([...paths].sort());
  return out;
}

function expectCells(result: ImportResult, e: Expected): void {
  expect(result.template).toBe(e.template);
  expect(result.cells).toEqual(flatten(e));
}

/** Every number printed in the tables is placed or listed as not placed. */
function expectAccounted(result: ImportResult): void {
  const unplaced = result.unplaced.flatMap((u) => u.values).filter((v) => /\d/.test(v)).length;
  expect(result.numbersPlaced + unplaced).toBe(result.numbersSeen);
}

const _ = null;
const zeros = [0, 0, 0, 0, 0, 0, 0];

describe('2020-jiyuan-gongan.txt (web text, tabs; 16 zeros for 15 cells)', () => {
  const result = importReport(corpus('2020-jiyuan-gongan'), { fileName: 'x.txt' });

  it('agrees cell for cell with the hand-made YAML of the seed report', () => {
    const problems: Problem[] = [];
    const seed = readReportData(
      'seed.yaml',
      read('data/reports/jiyuan-gongan/2020.yaml'),
      problems,
    );
    expect(problems).toEqual([]);
    expect(result.template).toBe(seed.tables?.template);
    // Every cell but those of 表四, whose row prints 16 numbers for 15 cells (see below).
    const seedCells = seed.tables?.cells ?? {};
    expect(result.cells).toEqual(
      Object.fromEntries(
        Object.entries(seedCells).map(([p, v]) => [p, p.startsWith('appeals.') ? null : v]),
      ),
    );
    expect(Object.keys(seedCells).filter((p) => p.startsWith('appeals.'))).toHaveLength(15);
    expect(result.units).toEqual(seed.tables?.units);
    expect(result.cellNotes).toEqual({});
    expect(result.discrepancies).toEqual([]);
  });

  it('lists the whole 表四 row (16 zeros for 15 cells) as not placed: never placed by order', () => {
    expect(result.complete).toBe(false);
    expect(result.draft).toBe(true);
    expect(result.numbersSeen).toBe(199);
    expect(result.numbersPlaced).toBe(183);
    expect(result.unplaced).toEqual([
      {
        table: 'appeals',
        line: 88,
        where: '第 88 行',
        values: Array.from({ length: 16 }, () => '0'),
        reason: '表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入',
      },
    ]);
    expect(result.yaml).toMatch(/^status: draft$/mu);
    expect(result.yaml).toContain(
      `#   未放入的数字：原文第 88 行 ${'「0」'.repeat(16)}：表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入。`,
    );
    expectAccounted(result);
  });

  it('reads title and prose exactly as the hand-made MDX', () => {
    expect(result.title).toBe('2020年济源示范区公安局政府信息公开工作年度报告');
    expect(result.mdx).toBe(read('src/content/reports/jiyuan-gongan/2020.mdx'));
  });
});

describe('2019-shanghai-shizhengfu-bangongting.txt (blank cells, 总计 blank on outcome rows)', () => {
  const result = importReport(corpus('2019-shanghai-shizhengfu-bangongting'));

  it('reads every value, blanks as null', () => {
    expectCells(result, {
      template: 2019,
      proactive: {
        regulations: { made: 13, published: 13, total: 524 },
        normative_documents: { made: 60, published: 60, total: 368 },
        licensing: { previous: 0, change: 0, decisions: 0 },
        other_services: { previous: 0, change: 0, decisions: 0 },
        penalties: { previous: 0, change: 0, decisions: 0 },
        coercion: { previous: 0, change: 0, decisions: 0 },
        fees: { previous: 0, change: 0 },
        procurement: { projects: 6, amount: 251000 },
      },
      applications: {
        received: [821, 35, _, _, 2, 1, 859],
        carried_over: [18, _, _, _, _, _, 18],
        disclosed: [258, 12, _, _, 1, 1, _],
        partially_disclosed: [3, _, _, _, _, _, _],
        'withheld.state_secret': [14, _, _, _, _, _, _],
        'withheld.prohibited_by_law': [_, _, _, _, _, _, _],
        'withheld.security_stability': [_, _, _, _, _, _, _],
        'withheld.third_party_rights': [_, _, _, _, _, _, _],
        'withheld.internal_affairs': [5, _, _, _, _, _, _],
        'withheld.process_information': [3, 1, _, _, _, _, _],
        'withheld.enforcement_files': [_, _, _, _, _, _, _],
        'withheld.query_matters': [10, 2, _, _, _, _, _],
        'unavailable.not_held': [252, 12, _, _, 1, _, _],
        'unavailable.needs_creation': [44, 3, _, _, _, _, _],
        'unavailable.unclear': [25, _, _, _, _, _, _],
        'not_processed.petitions': [148, 1, _, _, _, _, _],
        'not_processed.duplicate': [5, 4, _, _, _, _, _],
        'not_processed.publications': [_, _, _, _, _, _, _],
        'not_processed.excessive': [_, _, _, _, _, _, _],
        'not_processed.confirmation': [_, _, _, _, _, _, _],
        other: [_, _, _, _, _, _, _],
        total: [767, 35, _, _, 2, 1, 805],
        carried_forward: [72, _, _, _, _, _, 72],
      },
      appeals: {
        review: [5, _, _, 2, 7],
        litigation_direct: [8, _, _, 1, 9],
        litigation_after_review: [_, _, _, _, _],
      },
    });
    expect(result.units).toEqual({ 'proactive.procurement.amount': '元' });
    expect(result.cellNotes).toEqual({ 'proactive.procurement.amount': '251000元' });
    expect(result.complete).toBe(true);
    expectAccounted(result);
  });

  it('says once that the totals are blank, and writes no discrepancy for a blank total', () => {
    // The outcome rows leave 总计 blank, so every rule over those totals (rule 2 per row, and rule
    // 3 for the 总计 column, whose terms they are) is not given: nothing is the agency's error.
    expect(result.discrepancies).toEqual([]);
    const blank = result.issues.filter((i) => i.message.startsWith('原文未填写总计'));
    expect(blank).toHaveLength(1);
    expect(blank[0]?.message).toContain('「（一）予以公开」行、「（二）部分公开');
    // Every number read, nothing for an editor to confirm: not a draft.
    expect(result.yaml).not.toMatch(/^status: draft$/mu);
  });

  it('reads title, date, the introduction and the published headings', () => {
    expect(result.title).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(result.published).toBe('2020-01-31');
    expect(result.agencyName).toBe('上海市人民政府办公厅');
    expect(result.mdx).toContain('\n\n本年度报告根据《中华人民共和国政府信息公开条例》');
    expect(result.mdx).toContain(
      '\n## 五、政府信息公开工作存在的主要问题及改进情况\n\n### （一）主要问题\n',
    );
    expect(result.mdx).toContain('《上海市贯彻\\<长江三角洲区域一体化发展规划纲要\\>实施方案》');
  });
});

describe('2025-shanghai-shizhengfu-bangongting.txt (PDF to markdown, labels split from numbers)', () => {
  const result = importReport(corpus('2025-shanghai-shizhengfu-bangongting'));

  it('reads every value, placing unlabelled rows by order and pulled-out cells by their notes', () => {
    expectCells(result, {
      template: 2021,
      proactive: {
        regulations: { issued: 22, repealed: 22, in_force: 235 },
        normative_documents: { issued: 34, repealed: 55, in_force: 189 },
        licensing: { decisions: 0 },
        penalties: { decisions: 0 },
        coercion: { decisions: 0 },
        fees: { amount: 0 },
      },
      applications: {
        received: [1259, 36, 0, 0, 0, 0, 1295],
        carried_over: [170, 15, 0, 0, 4, 0, 189],
        disclosed: [201, 5, 0, 0, 0, 0, 206],
        partially_disclosed: [2, 0, 0, 0, 0, 0, 2],
        'withheld.state_secret': [4, 0, 0, 0, 0, 0, 4],
        'withheld.prohibited_by_law': zeros,
        'withheld.security_stability': [1, 0, 0, 0, 0, 0, 1],
        'withheld.third_party_rights': zeros,
        'withheld.internal_affairs': [8, 0, 0, 0, 1, 0, 9],
        'withheld.process_information': [1, 0, 0, 0, 0, 0, 1],
        'withheld.enforcement_files': zeros,
        'withheld.query_matters': [5, 0, 0, 0, 0, 0, 5],
        'unavailable.not_held': [484, 28, 0, 0, 1, 0, 513],
        'unavailable.needs_creation': [47, 1, 0, 0, 0, 0, 48],
        'unavailable.unclear': [3, 0, 0, 0, 0, 0, 3],
        'not_processed.petitions': [61, 1, 0, 0, 0, 0, 62],
        'not_processed.duplicate': [16, 0, 0, 0, 0, 0, 16],
        'not_processed.publications': [1, 0, 0, 0, 0, 0, 1],
        'not_processed.excessive': [1, 0, 0, 0, 0, 0, 1],
        'not_processed.confirmation': zeros,
        'other.no_correction': [40, 1, 0, 0, 2, 0, 43],
        'other.unpaid_fees': zeros,
        'other.other': [264, 12, 0, 0, 0, 0, 276],
        total: [1139, 48, 0, 0, 4, 0, 1191],
        carried_forward: [290, 3, 0, 0, 0, 0, 293],
      },
      appeals: {
        review: [40, 0, 10, 5, 55],
        litigation_direct: [2, 0, 4, 6, 12],
        litigation_after_review: [6, 0, 9, 7, 22],
      },
    });
    expect(result.cellNotes).toEqual({
      'proactive.regulations.issued': '（其中修订 16 件）',
      'proactive.normative_documents.repealed': '（含自然失效 29 件）',
    });
    expect(result.discrepancies).toEqual([]);
    expect(result.complete).toBe(true);
    expectAccounted(result);
  });

  it('says what it placed by order and which heading it supplied', () => {
    const warnings = result.issues.map((i) => i.message);
    expect(warnings).toContain(
      '原文第 124 行的数字没有行标签（原文的标签与数字分开了）；前后两行已识别，中间只缺这一行，按位置放入表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行。请对照原文核对。',
    );
    expect(warnings).toContain(
      '原文没有印标题「五、存在的主要问题及改进情况」：表四之后的正文按模板放在这个标题下。请对照原文核对。',
    );
  });

  it('joins the wrapped PDF lines into paragraphs and keeps the table note', () => {
    expect(result.title).toBe('2025年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(result.mdx).not.toMatch(/— \d+ —|正文|## 表/u);
    expect(result.mdx).toContain(
      '\n\n### （一）主动公开方面\n\n全年主动公开市政府规章 22 件、市政府及市政府办公厅行政规范性文件 34 件、',
    );
    expect(result.mdx).toContain(
      '<AppealsTable />\n\n注：行政复议、行政诉讼数量含上年度结转数量。\n\n## 五、',
    );
    expect(result.mdx).toContain(
      '重点采取如下改进措施。\n\n一是进一步提升政策公开质效。以政府公报数字化改革为抓手，',
    );
  });
});

describe('2024-huaianshi-zhengfu.txt (pdftotext -layout)', () => {
  const result = importReport(corpus('2024-huaianshi-zhengfu'));

  it('reads every value, large numbers and decimals included', () => {
    expectCells(result, {
      template: 2021,
      proactive: {
        regulations: { issued: 1, repealed: 0, in_force: 11 },
        normative_documents: { issued: 8, repealed: 26, in_force: 66 },
        licensing: { decisions: 447228 },
        penalties: { decisions: 3985758 },
        coercion: { decisions: 88283 },
        fees: { amount: 96171.6 },
      },
      applications: {
        received: [3001, 53, 0, 0, 61, 4, 3119],
        carried_over: [34, 0, 0, 0, 0, 0, 34],
        disclosed: [1288, 21, 0, 0, 50, 3, 1362],
        partially_disclosed: [447, 7, 0, 0, 0, 0, 454],
        'withheld.state_secret': [2, 0, 0, 0, 0, 0, 2],
        'withheld.prohibited_by_law': [30, 1, 0, 0, 0, 0, 31],
        'withheld.security_stability': [5, 0, 0, 0, 0, 0, 5],
        'withheld.third_party_rights': [6, 0, 0, 0, 0, 0, 6],
        'withheld.internal_affairs': [7, 1, 0, 0, 0, 0, 8],
        'withheld.process_information': [12, 0, 0, 0, 0, 0, 12],
        'withheld.enforcement_files': [9, 0, 0, 0, 0, 0, 9],
        'withheld.query_matters': [105, 0, 0, 0, 0, 0, 105],
        'unavailable.not_held': [746, 12, 0, 0, 10, 1, 769],
        'unavailable.needs_creation': [11, 0, 0, 0, 0, 0, 11],
        'unavailable.unclear': [1, 0, 0, 0, 0, 0, 1],
        'not_processed.petitions': [56, 6, 0, 0, 0, 0, 62],
        'not_processed.duplicate': [25, 0, 0, 0, 0, 0, 25],
        'not_processed.publications': zeros,
        'not_processed.excessive': zeros,
        'not_processed.confirmation': [1, 0, 0, 0, 0, 0, 1],
        'other.no_correction': [67, 3, 0, 0, 1, 0, 71],
        'other.unpaid_fees': [6, 0, 0, 0, 0, 0, 6],
        'other.other': [108, 2, 0, 0, 0, 0, 110],
        total: [2932, 53, 0, 0, 61, 4, 3050],
        carried_forward: [103, 0, 0, 0, 0, 0, 103],
      },
      appeals: {
        review: [72, 64, 178, 37, 351],
        litigation_direct: [13, 4, 8, 1, 26],
        litigation_after_review: [12, 1, 1, 6, 20],
      },
    });
    expect(result.cellNotes).toEqual({});
    expect(result.discrepancies).toEqual([]);
    expect(result.complete).toBe(true);
    expectAccounted(result);
  });

  it('joins a title printed on two lines and paragraphs by their indent', () => {
    expect(result.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(result.agencyName).toBe('淮安市人民政府');
    expect(result.mdx).not.toMatch(/-\d-/u);
    expect(result.mdx).toContain(
      '\n\n（二）依申请公开情况。定期对政府信息公开申请集中的领域和热点问题进行研判，',
    );
    expect(result.mdx).toContain('还有一些需要加强和改进的地方。主要表现在：');
  });
});

describe('2023-shuyangxian-fagaiju.txt (HTML table copied as text)', () => {
  const result = importReport(corpus('2023-shuyangxian-fagaiju'));

  it('reads every value: blank organisation columns, 规范性文件 in a 2021 table', () => {
    const blankOrgs = (n: number) => [n, _, _, _, _, _, n];
    const outcome = Object.fromEntries(
      [
        'partially_disclosed',
        'withheld.state_secret',
        'withheld.prohibited_by_law',
        'withheld.security_stability',
        'withheld.third_party_rights',
        'withheld.internal_affairs',
        'withheld.process_information',
        'withheld.enforcement_files',
        'withheld.query_matters',
        'unavailable.not_held',
        'unavailable.needs_creation',
        'unavailable.unclear',
        'not_processed.petitions',
        'not_processed.duplicate',
        'not_processed.publications',
        'not_processed.excessive',
        'not_processed.confirmation',
        'other.no_correction',
        'other.unpaid_fees',
        'other.other',
        'carried_over',
        'carried_forward',
      ].map((k) => [k, blankOrgs(0)]),
    );
    expectCells(result, {
      template: 2021,
      proactive: {
        regulations: { issued: 0, repealed: 0, in_force: 0 },
        normative_documents: { issued: 8, repealed: 0, in_force: 18 },
        licensing: { decisions: 0 },
        penalties: { decisions: 0 },
        coercion: { decisions: 0 },
        fees: { amount: 0 },
      },
      applications: {
        ...outcome,
        received: blankOrgs(26),
        disclosed: blankOrgs(26),
        total: blankOrgs(26),
      },
      appeals: {
        review: [0, 0, 0, 1, 1],
        litigation_direct: [0, 0, 0, 0, 0],
        litigation_after_review: [0, 0, 0, 0, 0],
      },
    });
    expect(result.complete).toBe(true);
    expectAccounted(result);
  });

  it('reads the metadata rows for the date and keeps them out of the prose', () => {
    expect(result.published).toBe('2024-01-17');
    expect(result.source).toBe(
      'http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml',
    );
    expect(result.mdx).not.toContain('索引号');
    expect(result.mdx).toContain('\n## 五、存在的主要问题及整改措施\n');
  });
});

describe('the demo archive', () => {
  const demo = [
    ['2019-shanghai-shizhengfu-bangongting', 'shanghai-shizhengfu-bangongting/2019'],
    ['2025-shanghai-shizhengfu-bangongting', 'shanghai-shizhengfu-bangongting/2025'],
    ['2024-huaianshi-zhengfu', 'huaianshi-zhengfu/2024'],
    ['2023-shuyangxian-fagaiju', 'shuyangxian-fagaiju/2023'],
  ] as const;
  it.each(demo)('keeps the import of %s as the content of %s', (name, id) => {
    const result = importReport(corpus(name), { fileName: `${name}.txt` });
    const problems: Problem[] = [];
    const data = readReportData(
      `data/reports/${id}.yaml`,
      read(`data/reports/${id}.yaml`),
      problems,
    );
    const [agency, year] = id.split('/');
    readReportProse(
      `src/content/reports/${id}.mdx`,
      read(`src/content/reports/${id}.mdx`),
      { agency: agency ?? '', year: Number(year) },
      problems,
    );
    // Nothing wrong; at most the one notice that the original left totals blank (上海 2019).
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    for (const p of problems) expect(p.message).toMatch(/^原文未填写总计（\d+ 处）/u);
    expect(data.tables?.cells).toEqual(result.cells);
    expect(data.tables?.cellNotes).toEqual(result.cellNotes);
  });
});
