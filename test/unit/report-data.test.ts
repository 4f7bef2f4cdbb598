import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/lib/content/problems.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';

const FILE = 'data/reports/jiyuan-gongan/2020.yaml';
const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/good/${path}`, import.meta.url), 'utf8');
/** The seed report (2019 template), valid. */
const Y2019 = fixture('data/reports/jiyuan-gongan/2020.yaml');
/** A 2021-template report with blanks, a cell note and an acknowledged discrepancy, valid. */
const Y2021 = fixture('data/reports/jiyuan-gongan/2021.yaml');

/** Replaces text that must occur exactly once, so that a test cannot silently test nothing. */
function edit(text: string, old: string, replacement: string): string {
  const count = text.split(old).length - 1;
  if (count !== 1) throw new Error(`expected one «${old}», found ${count}`);
  return text.replace(old, replacement);
}

function read(text: string) {
  const problems: Problem[] = [];
  const result = readReportData(FILE, text, problems);
  return { problems, result };
}

/** Problems of a text that differs from a valid report by one edit. */
function problemsOf(base: string, old: string, replacement: string): Problem[] {
  return read(edit(base, old, replacement)).problems;
}

describe('valid reports', () => {
  it('reads the seed (2019 template) with every cell and its unit', () => {
    const { problems, result } = read(Y2019);
    expect(problems).toEqual([]);
    expect(result.tables?.template).toBe(2019);
    expect(Object.keys(result.tables?.cells ?? {})).toHaveLength(198);
    expect(result.tables?.cells['proactive.procurement.amount']).toBe(2287.0728);
    expect(result.tables?.cells['applications.withheld.internal_affairs.natural']).toBe(7);
    expect(result.tables?.units).toEqual({ 'proactive.procurement.amount': null });
    expect(result.tables?.cellNotes).toEqual({});
    expect(result.notices).toEqual([]);
    expect(result.lines['applications.received.natural']).toBe(22);
    expect(result.lines.template).toBe(3);
  });

  it('reads a 2021 report: blanks stay null, the note is kept, the discrepancy is a notice', () => {
    const { problems, result } = read(Y2021);
    expect(problems).toEqual([]);
    expect(Object.keys(result.tables?.cells ?? {})).toHaveLength(200);
    expect(result.tables?.cells['applications.withheld.state_secret.research']).toBeNull();
    expect(result.tables?.cells['proactive.fees.amount']).toBeNull();
    expect(result.tables?.cellNotes).toEqual({ 'proactive.fees.amount': '—' });
    expect(result.tables?.discrepancies).toEqual([
      {
        check: 'appeals.appeal_total.review',
        left: 2,
        right: 1,
        note: '原文如此：行政复议总计印为 2，各项之和为 1。',
      },
    ]);
    expect(result.notices.map((n) => [n.check.id, n.leftSum, n.rightSum, n.note])).toEqual([
      ['appeals.appeal_total.review', 2, 1, '原文如此：行政复议总计印为 2，各项之和为 1。'],
    ]);
  });

  it('accepts negative 本年增/减, decimal money, the unit 元 or 万元, and ~ for blank', () => {
    let text = edit(
      Y2019,
      'licensing: { previous: 36, change: 0,',
      'licensing: { previous: 36, change: -3,',
    );
    text = edit(text, 'amount: 2287.0728, unit: null', 'amount: 251000.5, unit: 元');
    text = edit(text, 'coercion: { previous: 10,', 'coercion: { previous: ~,');
    const { problems, result } = read(text);
    expect(problems).toEqual([]);
    expect(result.tables?.cells['proactive.licensing.change']).toBe(-3);
    expect(result.tables?.cells['proactive.procurement.amount']).toBe(251000.5);
    expect(result.tables?.cells['proactive.coercion.previous']).toBeNull();
    expect(result.tables?.units).toEqual({ 'proactive.procurement.amount': '元' });
  });

  it('keeps hostile strings in a cell note verbatim: they are content, escaped on output', () => {
    const hostile = '</script><script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const { problems, result } = read(
      `${Y2019}\ncell_notes:\n  applications.received.total: ${hostile}\n`,
    );
    expect(problems).toEqual([]);
    expect(result.tables?.cellNotes).toEqual({ 'applications.received.total': hostile });
  });
});

describe('file structure', () => {
  it('reports a YAML syntax error with its line, and reads nothing else', () => {
    const { problems, result } = read(
      edit(Y2019, '  carried_over:        [1', '  carried_over        [1'),
    );
    expect(result).toEqual({ notices: [], lines: {}, draft: false, blankTotals: [] });
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 23,
          "message": "YAML 格式错误：字段名不能跨行（可能是缺少冒号或缩进不对）（MULTILINE_IMPLICIT_KEY）。文件未能读取，请对照示例检查这一行及其上一行。",
          "severity": "error",
        },
      ]
    `);
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "错误：data/reports/jiyuan-gongan/2020.yaml 第 23 行
        YAML 格式错误：字段名不能跨行（可能是缺少冒号或缩进不对）（MULTILINE_IMPLICIT_KEY）。文件未能读取，请对照示例检查这一行及其上一行。"
    `);
  });

  it('reports a key written twice', () => {
    expect(problemsOf(Y2019, 'appeals:\n', 'appeals:\n  review: [0, 0, 0, 0, 0]\n'))
      .toMatchInlineSnapshot(`
        [
          {
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 54,
            "message": "YAML 格式错误：同一层级出现了重复的字段名（DUPLICATE_KEY）。文件未能读取，请对照示例检查这一行及其上一行。",
            "severity": "error",
          },
        ]
      `);
  });

  it('reports a file that is not a mapping', () => {
    expect(read('- 1\n- 2\n').problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 1,
          "message": "文件应为一组字段（template、proactive、applications、appeals 等），实为列表。",
          "severity": "error",
        },
      ]
    `);
    expect(read('').problems).toMatchInlineSnapshot(`
      [
        {
          "field": undefined,
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 1,
          "message": "文件应为一组字段（template、proactive、applications、appeals 等），实为空值。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a missing or unknown template version', () => {
    expect(problemsOf(Y2019, 'template: 2019\n', '')).toMatchInlineSnapshot(`
      [
        {
          "field": "template",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 4,
          "message": "报告数据缺少字段「template」。",
          "severity": "error",
        },
      ]
    `);
    expect(problemsOf(Y2019, 'template: 2019\n', 'template: 2020\n')).toMatchInlineSnapshot(`
      [
        {
          "field": "template",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 3,
          "message": "模板版本应为 2019 或 2021（分别对应国办公开办函〔2019〕60号和〔2021〕30号的格式），实为数字 2020。",
          "severity": "error",
        },
      ]
    `);
    expect(problemsOf(Y2019, 'template: 2019\n', "template: '2019'\n")).toMatchInlineSnapshot(`
      [
        {
          "field": "template",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 3,
          "message": "模板版本应为 2019 或 2021（分别对应国办公开办函〔2019〕60号和〔2021〕30号的格式），实为文字「2019」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a missing table and an unknown top-level key', () => {
    const text = edit(Y2019, 'appeals:\n', 'apeals:\n');
    expect(read(text).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "apeals",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 51,
          "message": "报告数据中有未知字段「apeals」。是否应为「appeals」？这里允许的字段是：template、proactive、applications、appeals、cell_notes、discrepancies、status、corrections。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
          "severity": "error",
        },
        {
          "field": "appeals",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 3,
          "message": "报告数据缺少字段「appeals」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a table that is not a mapping', () => {
    expect(problemsOf(Y2019, 'appeals:\n', 'appeals: 0\nunused:\n')).toMatchInlineSnapshot(`
      [
        {
          "field": "unused",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 52,
          "message": "报告数据中有未知字段「unused」。这里允许的字段是：template、proactive、applications、appeals、cell_notes、discrepancies、status、corrections。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
          "severity": "error",
        },
        {
          "field": "appeals",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 51,
          "message": "表四（四、政府信息公开行政复议、行政诉讼情况）应为一组字段（每行「字段: 值」），实为数字 0。",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('keys', () => {
  it('reports a misspelt row key, and the row it leaves missing', () => {
    expect(problemsOf(Y2019, '  received:    ', '  recieved:    ')).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.recieved",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三（三、收到和处理政府信息公开申请情况）中有未知字段「recieved」。是否应为「received」？这里允许的字段是：received、carried_over、disclosed、partially_disclosed、withheld、unavailable、not_processed、other、total、carried_forward。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
          "severity": "error",
        },
        {
          "field": "applications.received",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三（三、收到和处理政府信息公开申请情况）缺少字段「received」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('names keys of the other template version: 2019 `made` under template 2021', () => {
    expect(problemsOf(Y2021, 'regulations: { issued: 0,', 'regulations: { made: 0,'))
      .toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.regulations.made",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 6,
          "message": "表二第二十条第（一）项「规章」行中有未知字段「made」。「made」属于另一版模板；本报告声明的模板版本（template）不使用这个字段。这里允许的字段是：issued、repealed、in_force。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
          "severity": "error",
        },
        {
          "field": "proactive.regulations.issued",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 6,
          "message": "表二第二十条第（一）项「规章」行缺少字段「issued」。",
          "severity": "error",
        },
      ]
    `);
  });

  it('names rows of the other template version: 2019 其他对外管理服务事项 under 2021', () => {
    expect(
      problemsOf(
        Y2021,
        '  licensing: { decisions: 1702 }\n',
        '  licensing: { decisions: 1702 }\n  other_services: { decisions: 3 }\n',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.other_services",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 10,
          "message": "表二（二、主动公开政府信息情况）中有未知字段「other_services」。「other_services」属于另一版模板；本报告声明的模板版本（template）不使用这个字段。这里允许的字段是：regulations、normative_documents、licensing、penalties、coercion、fees。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
          "severity": "error",
        },
      ]
    `);
  });

  it('accepts the 2021 （六）其他处理 printed as one row: kept as printed, sub-rows not printed', () => {
    const text = edit(
      Y2021,
      `  other:
    no_correction: [1, 0, 0, 0, 0, 0, 1]
    unpaid_fees:   [0, 0, 0, 0, 0, 0, 0]
    other:         [0, 0, 0, 0, 0, 0, 0]
`,
      '  other: [1, 0, 0, 0, 0, 0, 1]\n',
    );
    const { problems, result } = read(text);
    expect(problems).toEqual([]);
    expect(result.tables?.combined).toEqual({
      'applications.other.natural': 1,
      'applications.other.business': 0,
      'applications.other.research': 0,
      'applications.other.nonprofit': 0,
      'applications.other.legal': 0,
      'applications.other.other': 0,
      'applications.other.total': 1,
    });
    expect(result.tables?.notPrinted).toHaveLength(21);
    expect(result.tables?.notPrinted[0]).toBe('applications.other.no_correction.natural');
    expect(result.tables?.cells['applications.other.no_correction.natural']).toBeNull();
  });

  it('checks rule 3 with the combined row standing for its sub-rows (never as 0)', () => {
    const text = edit(
      Y2021,
      `  other:
    no_correction: [1, 0, 0, 0, 0, 0, 1]
    unpaid_fees:   [0, 0, 0, 0, 0, 0, 0]
    other:         [0, 0, 0, 0, 0, 0, 0]
`,
      '  other: [2, 0, 0, 0, 0, 0, 2]\n',
    );
    expect(read(text).problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [
        42,
        'applications.total.natural',
        '勾稽关系不符（规则 3：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和）：表三「（七）总计」行「自然人」列原文为 10，按「（一）至（六）各项之和」相加应为 11。请核对录入的数字。',
      ],
      [
        42,
        'applications.total.total',
        '勾稽关系不符（规则 3：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和）：表三「（七）总计」行「总计」列原文为 12，按「（一）至（六）各项之和」相加应为 13。请核对录入的数字。',
      ],
    ]);
  });

  it('explains the 2019 single （六）其他处理 row when a report uses the 2021 sub-items', () => {
    expect(
      problemsOf(
        Y2019,
        '  other:           [0, 0, 0, 0, 0, 0, 0]',
        '  other:\n    other: [0, 0, 0, 0, 0, 0, 0]',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.other",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 45,
          "message": "表三「（六）其他处理」行应为 7 个单元格的列表，按原表列的顺序：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]；实为一组字段（映射）。2019 年版模板的（六）其他处理只有一行；分 3 项是 2021 年版的写法，请核对模板版本。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a table 二 row that is not a mapping', () => {
    expect(problemsOf(Y2019, 'fees: { previous: 49, change: 0 }', 'fees: 49'))
      .toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.fees",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 16,
          "message": "表二第二十条第（八）项「行政事业性收费」行应为一组字段（每行「字段: 值」），实为数字 49。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a unit other than 元 or 万元', () => {
    expect(problemsOf(Y2019, 'unit: null', 'unit: 千元')).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.procurement.unit",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 18,
          "message": "表二第二十条第（九）项「政府集中采购」行的金额单位应为「元」或「万元」，原文没有印单位时写 null；实为文字「千元」。",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('cells', () => {
  it('reports a row of table 三 with 6 cells instead of 7', () => {
    expect(
      problemsOf(
        Y2019,
        'received:            [6, 0, 0, 0, 0, 0, 6]',
        'received:            [6, 0, 0, 0, 0, 6]',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.received",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三「一、本年新收政府信息公开申请数量」行应为 7 个单元格的列表，按原表列的顺序：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]；实为 6 个单元格。原文空白的单元格写 null，不要省略。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a row of table 四 with too many cells', () => {
    expect(
      problemsOf(
        Y2019,
        'review:                  [0, 0, 0, 0, 0]',
        'review:                  [0, 0, 0, 0, 0, 0]',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "appeals.review",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 53,
          "message": "表四「行政复议」应为 5 个单元格的列表，按原表列的顺序：[结果维持, 结果纠正, 其他结果, 尚未审结, 总计]；实为 6 个单元格。原文空白的单元格写 null，不要省略。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a row that is not a list', () => {
    expect(
      problemsOf(Y2019, 'received:            [6, 0, 0, 0, 0, 0, 6]', 'received:            6'),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.received",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三「一、本年新收政府信息公开申请数量」行应为 7 个单元格的列表，按原表列的顺序：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]；实为数字 6。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a string where a number belongs ("251000元"), pointing to cell_notes', () => {
    const problems = problemsOf(Y2019, 'amount: 2287.0728', 'amount: 251000元');
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.procurement.amount",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 18,
          "message": "表二第二十条第（九）项「政府集中采购」行「采购总金额」列应为非负数，可以有小数（原文空白的单元格写 null），实为文字「251000元」。单元格里印有单位或文字的，这里只写数字（不加引号），文字写到 cell_notes 下。",
          "severity": "error",
        },
      ]
    `);
    expect(problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "错误：data/reports/jiyuan-gongan/2020.yaml 第 18 行（proactive.procurement.amount）
        表二第二十条第（九）项「政府集中采购」行「采购总金额」列应为非负数，可以有小数（原文空白的单元格写 null），实为文字「251000元」。单元格里印有单位或文字的，这里只写数字（不加引号），文字写到 cell_notes 下。"
    `);
  });

  it('reports a quoted number', () => {
    expect(problemsOf(Y2019, 'received:            [6,', 'received:            ["6",'))
      .toMatchInlineSnapshot(`
      [
        {
          "field": "applications.received.natural",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三「一、本年新收政府信息公开申请数量」行「自然人」列应为非负整数（原文空白的单元格写 null），实为文字「6」。单元格里印有单位或文字的，这里只写数字（不加引号），文字写到 cell_notes 下。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a negative count', () => {
    expect(problemsOf(Y2019, 'decisions: 570', 'decisions: -570')).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.penalties.decisions",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 13,
          "message": "表二第二十条第（六）项「行政处罚」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），实为数字 -570。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports negative money', () => {
    expect(problemsOf(Y2019, 'amount: 2287.0728', 'amount: -1')).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.procurement.amount",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 18,
          "message": "表二第二十条第（九）项「政府集中采购」行「采购总金额」列应为非负数，可以有小数（原文空白的单元格写 null），实为数字 -1。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a float where a count belongs, and a fractional 本年增/减', () => {
    expect(problemsOf(Y2019, 'received:            [6,', 'received:            [6.5,'))
      .toMatchInlineSnapshot(`
      [
        {
          "field": "applications.received.natural",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 22,
          "message": "表三「一、本年新收政府信息公开申请数量」行「自然人」列应为非负整数（原文空白的单元格写 null），实为数字 6.5。",
          "severity": "error",
        },
      ]
    `);
    expect(
      problemsOf(Y2019, 'fees: { previous: 49, change: 0 }', 'fees: { previous: 49, change: 0.5 }'),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "proactive.fees.change",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 16,
          "message": "表二第二十条第（八）项「行政事业性收费」行「本年增/减」列应为整数，可以为负（原文空白的单元格写 null），实为数字 0.5。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports numbers not written as printed: 1e3, 0x10, 007, .inf, true', () => {
    const cells = ['1e3', '0x10', '007', '.inf', 'true'].map(
      (v) => problemsOf(Y2019, 'decisions: 1618', `decisions: ${v}`)[0]?.message,
    );
    expect(cells).toMatchInlineSnapshot(`
      [
        "表二第二十条第（五）项「行政许可」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），按原文的十进制写法书写，实为数字 1e3。",
        "表二第二十条第（五）项「行政许可」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），按原文的十进制写法书写，实为数字 0x10。",
        "表二第二十条第（五）项「行政许可」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），按原文的十进制写法书写，实为数字 007。",
        "表二第二十条第（五）项「行政许可」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），按原文的十进制写法书写，实为数字 .inf。",
        "表二第二十条第（五）项「行政许可」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），实为布尔值「true」。",
      ]
    `);
  });

  it('does not run the consistency rules while a cell is invalid, and returns no tables', () => {
    // review breaks rule 4, but the invalid count stops the rules: one error, not two.
    let text = edit(Y2019, 'decisions: 570', 'decisions: -570');
    text = edit(
      text,
      'review:                  [0, 0, 0, 0, 0]',
      'review:                  [1, 0, 0, 0, 0]',
    );
    const { problems, result } = read(text);
    expect(problems.map((p) => p.field)).toEqual(['proactive.penalties.decisions']);
    expect(result.tables).toBeUndefined();
  });
});

describe('cell_notes', () => {
  it('reports a note for a cell the template does not have, and a note that is not text', () => {
    const { problems } = read(
      `${Y2019}\ncell_notes:\n  proactive.regulations.issued: 原文为“—”\n  applications.received.total: 6\n`,
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "cell_notes.proactive.regulations.issued",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 58,
          "message": "单元格注释指向的「proactive.regulations.issued」不是 2019 年版模板的单元格。写法示例：proactive.regulations.made、applications.withheld.state_secret.natural、appeals.review.total。",
          "severity": "error",
        },
        {
          "field": "cell_notes.applications.received.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 59,
          "message": "单元格注释应为原文印在单元格里的文字，实为数字 6。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports cell_notes that is not a mapping', () => {
    expect(read(`${Y2019}\ncell_notes: 备注\n`).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "cell_notes",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 57,
          "message": "单元格注释（cell_notes）应为一组字段（每行「字段: 值」），实为文字「备注」。",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('consistency rules and discrepancies', () => {
  it('rule 1: reports each column with the YAML to acknowledge it', () => {
    const problems = problemsOf(
      Y2019,
      'received:            [6, 0, 0, 0, 0, 0, 6]',
      'received:            [7, 0, 0, 0, 0, 0, 7]',
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.received.natural",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.balance.natural",
            "    left: 8",
            "    right: 7",
            "    note: 原文如此",
          ],
          "line": 22,
          "message": "勾稽关系不符（规则 1：一 + 二 = 三（七）总计 + 四）：表三「自然人」列「一 + 二」= 8，「三（七）总计 + 四」= 7，两者应相等。请核对录入的数字。",
          "severity": "error",
        },
        {
          "field": "applications.received.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.balance.total",
            "    left: 8",
            "    right: 7",
            "    note: 原文如此",
          ],
          "line": 22,
          "message": "勾稽关系不符（规则 1：一 + 二 = 三（七）总计 + 四）：表三「总计」列「一 + 二」= 8，「三（七）总计 + 四」= 7，两者应相等。请核对录入的数字。",
          "severity": "error",
        },
      ]
    `);
    expect(formatProblem(problems[0] as Problem)).toMatchInlineSnapshot(`
      "错误：data/reports/jiyuan-gongan/2020.yaml 第 22 行（applications.received.natural）
        勾稽关系不符（规则 1：一 + 二 = 三（七）总计 + 四）：表三「自然人」列「一 + 二」= 8，「三（七）总计 + 四」= 7，两者应相等。请核对录入的数字。
          如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：
          discrepancies:
            - check: applications.balance.natural
              left: 8
              right: 7
              note: 原文如此"
    `);
  });

  it('rule 2: reports the row total (here the total column also breaks rule 3)', () => {
    expect(
      problemsOf(
        Y2019,
        'disclosed:           [0, 0, 0, 0, 0, 0, 0]',
        'disclosed:           [0, 0, 0, 0, 0, 0, 1]',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.disclosed.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.row_total.disclosed",
            "    left: 1",
            "    right: 0",
            "    note: 原文如此",
          ],
          "line": 24,
          "message": "勾稽关系不符（规则 2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他）：表三「（一）予以公开」行「总计」列原文为 1，按「自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他」相加应为 0。请核对录入的数字。",
          "severity": "error",
        },
        {
          "field": "applications.total.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.outcome_total.total",
            "    left: 7",
            "    right: 8",
            "    note: 原文如此",
          ],
          "line": 46,
          "message": "勾稽关系不符（规则 3：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和）：表三「（七）总计」行「总计」列原文为 7，按「（一）至（六）各项之和」相加应为 8。请核对录入的数字。",
          "severity": "error",
        },
      ]
    `);
  });

  it('rule 3: reports （七）总计 against the outcome rows', () => {
    expect(
      problemsOf(
        Y2019,
        'internal_affairs:    [7, 0, 0, 0, 0, 0, 7]',
        'internal_affairs:    [6, 0, 0, 0, 0, 0, 6]',
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.total.natural",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.outcome_total.natural",
            "    left: 7",
            "    right: 6",
            "    note: 原文如此",
          ],
          "line": 46,
          "message": "勾稽关系不符（规则 3：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和）：表三「（七）总计」行「自然人」列原文为 7，按「（一）至（六）各项之和」相加应为 6。请核对录入的数字。",
          "severity": "error",
        },
        {
          "field": "applications.total.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
            "discrepancies:",
            "  - check: applications.outcome_total.total",
            "    left: 7",
            "    right: 6",
            "    note: 原文如此",
          ],
          "line": 46,
          "message": "勾稽关系不符（规则 3：（七）总计 = （一）+（二）+（三）+（四）+（五）+（六）各项之和）：表三「（七）总计」行「总计」列原文为 7，按「（一）至（六）各项之和」相加应为 6。请核对录入的数字。",
          "severity": "error",
        },
      ]
    `);
  });

  it('rule 4: reports the appeal total; the hint matches the existing discrepancies indentation', () => {
    const problems = problemsOf(
      Y2021,
      'litigation_direct:       [0, 0, 0, 0, 0]',
      'litigation_direct:       [0, 1, 0, 0, 0]',
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        {
          "field": "appeals.litigation_direct.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在 discrepancies 下添加：",
            "  - check: appeals.appeal_total.litigation_direct",
            "    left: 0",
            "    right: 1",
            "    note: 原文如此",
          ],
          "line": 51,
          "message": "勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政诉讼 › 未经复议直接起诉 › 总计」原文为 0，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。请核对录入的数字。",
          "severity": "error",
        },
      ]
    `);
    expect(formatProblem(problems[0] as Problem)).toMatchInlineSnapshot(`
      "错误：data/reports/jiyuan-gongan/2020.yaml 第 51 行（appeals.litigation_direct.total）
        勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政诉讼 › 未经复议直接起诉 › 总计」原文为 0，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。请核对录入的数字。
          如果原报告确实如此印刷，请在 discrepancies 下添加：
            - check: appeals.appeal_total.litigation_direct
              left: 0
              right: 1
              note: 原文如此"
    `);
  });

  it('suggests YAML that, pasted as told, acknowledges the failures', () => {
    // No discrepancies yet: paste at the end of the file.
    const broken = edit(
      Y2019,
      'received:            [6, 0, 0, 0, 0, 0, 6]',
      'received:            [7, 0, 0, 0, 0, 0, 7]',
    );
    const first = read(broken).problems;
    const pasted = `${broken}${first[0]?.hint?.slice(1).join('\n')}\n${first[1]?.hint?.slice(2).join('\n')}\n`;
    const { problems, result } = read(pasted);
    expect(problems).toEqual([]);
    expect(result.notices.map((n) => n.check.id)).toEqual([
      'applications.balance.natural',
      'applications.balance.total',
    ]);
    // discrepancies already listed (last in the file): paste under it.
    const more = edit(
      Y2021,
      'litigation_direct:       [0, 0, 0, 0, 0]',
      'litigation_direct:       [0, 1, 0, 0, 0]',
    );
    const hint = read(more).problems[0]?.hint ?? [];
    expect(read(`${more}${hint.slice(1).join('\n')}\n`).problems).toEqual([]);
  });

  it('counts blank cells as 0 in the rules', () => {
    const { problems } = read(
      edit(
        Y2021,
        'disclosed:           [4, 1, 0, 0, 0, 0, 5]',
        'disclosed:           [4, 1, null, ~, null, null, 5]',
      ),
    );
    expect(problems).toEqual([]);
  });

  it('reports an acknowledgement whose numbers are stale', () => {
    expect(problemsOf(Y2021, '    left: 2\n    right: 1\n', '    left: 2\n    right: 3\n'))
      .toMatchInlineSnapshot(`
        [
          {
            "field": "discrepancies[0]",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "如果原报告确实印的是现在的数字，请把这条记录改为：",
              "- check: appeals.appeal_total.review",
              "  left: 2",
              "  right: 1",
              "  note: 原文如此：行政复议总计印为 2，各项之和为 1。",
            ],
            "line": 58,
            "message": "对「appeals.appeal_total.review」的确认记录的是 left: 2、right: 3，但表中的数字现在是 2 和 1。请核对原文后更新这条记录。勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政复议 › 总计」原文为 2，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。",
            "severity": "error",
          },
        ]
      `);
  });

  it('reports an acknowledgement of a check that does not fail', () => {
    const text = edit(
      Y2021,
      'review:                  [1, 0, 0, 0, 2]',
      'review:                  [1, 0, 0, 0, 1]',
    );
    expect(read(text).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "discrepancies",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 58,
          "message": "确认的勾稽关系「appeals.appeal_total.review」并没有不符：表中数字满足「总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结」。请删除这条记录（或核对是否录错了数字）。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports an acknowledgement of a check that does not exist, and one given twice', () => {
    const extra = `  - check: applications.balance.nobody
    left: 1
    right: 2
    note: 原文如此
  - check: appeals.appeal_total.review
    left: 2
    right: 1
    note: 又一次
`;
    expect(read(`${Y2021}${extra}`).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "discrepancies",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 62,
          "message": "没有编号为「applications.balance.nobody」的勾稽关系（2021 年版模板）。请从 npm run check 的提示中复制编号。",
          "severity": "error",
        },
        {
          "field": "discrepancies",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 66,
          "message": "勾稽关系「appeals.appeal_total.review」被确认了两次，请删除重复的一条。",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports malformed discrepancies entries', () => {
    const bad = edit(
      Y2021,
      `  - check: appeals.appeal_total.review
    left: 2
    right: 1
    note: 原文如此：行政复议总计印为 2，各项之和为 1。
`,
      `  - appeals.appeal_total.review
  - check: 3
    left: 两
    right: 1
    note: ''
  - check: appeals.appeal_total.review
    left: 2
`,
    );
    expect(read(bad).problems).toMatchInlineSnapshot(`
      [
        {
          "field": "discrepancies[0]",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 58,
          "message": "每条 discrepancies 记录应有 check、left、right、note 四个字段，实为文字「appeals.appeal_total.review」。",
          "severity": "error",
        },
        {
          "field": "discrepancies[1].check",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 59,
          "message": "check 应为勾稽关系编号（npm run check 的提示里给出），实为数字 3。",
          "severity": "error",
        },
        {
          "field": "discrepancies[1].left",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 60,
          "message": "left 应为数字，实为文字「两」。",
          "severity": "error",
        },
        {
          "field": "discrepancies[1].note",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 62,
          "message": "note 应为说明文字，例如「原文如此」，实为文字「」。",
          "severity": "error",
        },
        {
          "field": "discrepancies[2].right",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 63,
          "message": "这条 discrepancies 记录缺少字段「right」。",
          "severity": "error",
        },
        {
          "field": "discrepancies[2].note",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 63,
          "message": "这条 discrepancies 记录缺少字段「note」。",
          "severity": "error",
        },
        {
          "field": "appeals.review.total",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "hint": [
            "如果原报告确实如此印刷，请在 discrepancies 下添加：",
            "  - check: appeals.appeal_total.review",
            "    left: 2",
            "    right: 1",
            "    note: 原文如此",
          ],
          "line": 50,
          "message": "勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政复议 › 总计」原文为 2，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。请核对录入的数字。",
          "severity": "error",
        },
      ]
    `);
    expect(
      read(edit(Y2019, 'appeals:\n', 'discrepancies: appeals.appeal_total.review\nappeals:\n'))
        .problems,
    ).toMatchInlineSnapshot(`
      [
        {
          "field": "discrepancies",
          "file": "data/reports/jiyuan-gongan/2020.yaml",
          "line": 51,
          "message": "discrepancies 应为列表（每条以「- check:」开头），实为文字「appeals.appeal_total.review」。",
          "severity": "error",
        },
      ]
    `);
  });
});

describe('a blank printed total', () => {
  it('is "not given": its rule is not evaluated, and one notice names it', () => {
    const problems: Problem[] = [];
    const text = readFileSync(
      new URL('../fixtures/good/data/reports/jiyuan-gongan/2020.yaml', import.meta.url),
      'utf8',
    ).replace(/review: *\[0, 0, 0, 0, 0\]/, 'review: [1, 0, 0, 0, null]');
    const result = readReportData('data/reports/jiyuan-gongan/2020.yaml', text, problems);
    expect(problems).toEqual([
      {
        severity: 'info',
        file: 'data/reports/jiyuan-gongan/2020.yaml',
        line: 53,
        field: 'appeals.review.total',
        message:
          '原文未填写总计（1 处）：表四「行政复议 › 总计」。用到这些总计的勾稽关系不核对，也不算不符；无需在 discrepancies 下确认。',
      },
    ]);
    expect(result.notices).toEqual([]);
    expect(result.blankTotals).toEqual(['appeals.review.total']);
  });
});
