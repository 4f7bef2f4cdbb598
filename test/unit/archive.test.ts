/**
 * loadArchive on each scenario of the bad-input corpus in test/fixtures/. Each fixture is the seed
 * (or the 2021 report of `good`) with one thing broken; its problems are pinned exactly.
 */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { formatReport, hasErrors } from '../../src/lib/content/problems.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const load = (name: string) => loadArchive(FIXTURES + name);

/** What an editor sees: the reports that would be built, and every problem. */
function summary(name: string) {
  const archive = load(name);
  return { reports: archive.reports.map((r) => r.id), problems: archive.problems };
}

// Fixture folders that other suites own: the build test's site, the importer's corpus of real
// reports, the importer's published and generated documents (import-inputs-*.test.ts), the
// fictional third template version (test/build/third-version.test.ts).
const OTHER_SUITES = ['build-site', 'corpus', 'import-inputs', 'third-version'];
/** typing-* folders belong to typing-mistakes.test.ts, which checks it uses each of them. */
const OTHER_PREFIXES = ['typing-'];
/** Registers a fixture as tested when the test is declared, so the corpus check sees them all. */
const TESTED: string[] = [];
const scenario = (name: string) => {
  TESTED.push(name);
  return name;
};

describe('valid archives', () => {
  it(`${scenario('good')}: two years, a 2021 report with blanks, a cell note and an acknowledged discrepancy`, () => {
    const archive = load('good');
    expect(archive.problems).toEqual([]);
    expect(archive.agencies.map((a) => a.id)).toEqual(['jiyuan-gongan']);
    expect(archive.reports.map((r) => r.id)).toEqual(['jiyuan-gongan/2020', 'jiyuan-gongan/2021']);
    const [y2020, y2021] = archive.reports;
    expect(y2020?.tables.template).toBe(2019);
    expect(y2021?.tables.template).toBe(2021);
    expect(y2021?.frontmatter).toEqual({
      title: '2021年济源示范区公安局政府信息公开工作年度报告',
      published: '2022-01-28',
      source: 'https://example.org/jiyuan-gongan/2021.html',
    });
    expect(y2021?.tables.cells['applications.withheld.state_secret.research']).toBeNull();
    expect(y2021?.tables.cellNotes).toEqual({ 'proactive.fees.amount': '—' });
    expect(y2021?.notices.map((n) => [n.check.id, n.leftSum, n.rightSum, n.note])).toEqual([
      ['appeals.appeal_total.review', 2, 1, '原文如此：行政复议总计印为 2，各项之和为 1。'],
    ]);
    expect(y2021?.carryOver).toEqual([]);
    expect(y2021?.dataFile).toBe('data/reports/jiyuan-gongan/2021.yaml');
    expect(y2021?.proseFile).toBe('src/content/reports/jiyuan-gongan/2021.mdx');
    expect(formatReport(archive.problems)).toBe('内容检查通过：没有发现问题。');
  });

  it(`${scenario('discrepancy-acknowledged')}: builds with a notice and no error`, () => {
    const archive = load('discrepancy-acknowledged');
    expect(archive.problems).toEqual([]);
    expect(
      archive.reports.map((r) => r.notices.map((n) => [n.check.id, n.leftSum, n.rightSum, n.note])),
    ).toEqual([[['appeals.appeal_total.review', 0, 1, '原文如此']]]);
  });

  it(`${scenario('carry-over-mismatch')}: a warning on the later year, both reports still built`, () => {
    const archive = load('carry-over-mismatch');
    expect(hasErrors(archive.problems)).toBe(false);
    expect(archive.reports.map((r) => r.id)).toEqual(['jiyuan-gongan/2020', 'jiyuan-gongan/2021']);
    expect(
      archive.reports[1]?.carryOver.map((c) => [
        c.previousYear,
        c.column.label,
        c.forwarded,
        c.carried,
      ]),
    ).toEqual([
      [2020, '自然人', 0, 1],
      [2020, '总计', 0, 1],
    ]);
    expect(archive.problems).toMatchInlineSnapshot(`
      [
        {
          "field": "applications.carried_over.natural",
          "file": "data/reports/jiyuan-gongan/2021.yaml",
          "line": 19,
          "message": "跨年度衔接不一致（规则 6）：表三「二、上年结转政府信息公开申请数量」行「自然人」列为 1，而 2020 年报告「四、结转下年度继续办理」为 0。这不是本报告的计算错误，页面上会提示读者。",
          "severity": "warning",
        },
        {
          "field": "applications.carried_over.total",
          "file": "data/reports/jiyuan-gongan/2021.yaml",
          "line": 19,
          "message": "跨年度衔接不一致（规则 6）：表三「二、上年结转政府信息公开申请数量」行「总计」列为 1，而 2020 年报告「四、结转下年度继续办理」为 0。这不是本报告的计算错误，页面上会提示读者。",
          "severity": "warning",
        },
      ]
    `);
  });

  it(`${scenario('template-year-warning')}: a 2020 report declared with the 2021 template is a warning on its line`, () => {
    expect(summary('template-year-warning')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "template",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 2,
            "message": "2020 年度报告通常使用 2019 年版格式，本文件声明为 2021 年版。请核对原文的表格。",
            "severity": "warning",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });
});

describe('operating-system files', () => {
  it('ignores dotfiles such as .DS_Store in the content folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-dotfiles-'));
    cpSync(FIXTURES + 'good', dir, { recursive: true });
    writeFileSync(join(dir, 'data/reports/.DS_Store'), '');
    writeFileSync(join(dir, 'data/reports/jiyuan-gongan/.DS_Store'), '');
    writeFileSync(join(dir, 'src/content/reports/jiyuan-gongan/.2020.mdx.swp'), '');
    const archive = loadArchive(dir);
    expect(archive.problems).toEqual([]);
    expect(archive.reports.map((r) => r.id)).toEqual(['jiyuan-gongan/2020', 'jiyuan-gongan/2021']);
  });
});

describe('hostile strings', () => {
  it(`${scenario('hostile-strings')}: the javascript: source is rejected; the hostile title and cell note are content`, () => {
    expect(summary('hostile-strings')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「javascript:alert(1)」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });
});

describe('one error per fixture', () => {
  it(`${scenario('yaml-syntax')}: malformed YAML: a missing colon`, () => {
    expect(summary('yaml-syntax')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 23,
            "message": "YAML 格式错误：字段名不能跨行（可能是缺少冒号或缩进不对）（MULTILINE_IMPLICIT_KEY）。文件未能读取，请对照示例检查这一行及其上一行。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-without-yaml')}: MDX without its YAML`, () => {
    expect(summary('mdx-without-yaml')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "message": "有正文却没有表格数据：缺少 data/reports/jiyuan-gongan/2020.yaml。每份报告由同名的 .mdx（正文）和 .yaml（表格）两个文件组成。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('yaml-without-mdx')}: YAML without its MDX`, () => {
    expect(summary('yaml-without-mdx')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "message": "有表格数据却没有正文：缺少 src/content/reports/jiyuan-gongan/2020.mdx。每份报告由同名的 .mdx（正文）和 .yaml（表格）两个文件组成。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('unknown-agency')}: report folders named after an agency that is not listed`, () => {
    expect(summary('unknown-agency')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/jiyuan-gonan/2020.yaml",
            "message": "机构「jiyuan-gonan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。",
            "severity": "error",
          },
          {
            "file": "src/content/reports/jiyuan-gonan/2020.mdx",
            "message": "机构「jiyuan-gonan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('duplicate-report')}: a second copy of a report as 2020.yml`, () => {
    expect(summary('duplicate-report')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/jiyuan-gongan/2020.yml",
            "message": "文件名应为「<四位年份>.yaml」，例如 2020.yaml；这个文件不会被读取。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });

  it(`${scenario('duplicate-agency')}: an agency listed twice in agencies.yaml`, () => {
    expect(summary('duplicate-agency')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "[1].id",
            "file": "data/agencies.yaml",
            "line": 14,
            "message": "机构 id「jiyuan-gongan」重复：第 9 行已登记了同一个 id。每个机构只能登记一次。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });

  it(`${scenario('source-not-http')}: a javascript: source`, () => {
    expect(summary('source-not-http')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "source",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "source 应为原文网址，以 http:// 或 https:// 开头，实为文字「javascript:void(0)」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('wrong-version-keys')}: a 2019 key (made) under template: 2021`, () => {
    expect(summary('wrong-version-keys')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "proactive.regulations.made",
            "file": "data/reports/jiyuan-gongan/2021.yaml",
            "line": 6,
            "message": "表二第二十条第（一）项「规章」行中有未知字段「made」。「made」属于另一版模板；本报告声明的模板版本（template）不使用这个字段。这里允许的字段是：issued、repealed、in_force。如果是拼写错误，请改正（未知字段不会被悄悄跳过，改正之前网站无法构建）。",
            "severity": "error",
          },
          {
            "field": "proactive.regulations.issued",
            "file": "data/reports/jiyuan-gongan/2021.yaml",
            "line": 6,
            "message": "表二第二十条第（一）项「规章」行缺少字段「issued」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('wrong-row-length')}: 6 cells in a row of table 三`, () => {
    expect(summary('wrong-row-length')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "applications.received",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 22,
            "message": "表三「一、本年新收政府信息公开申请数量」行应为 7 个单元格的列表，按原表列的顺序：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]；实为 6 个单元格。原文空白的单元格写 null，不要省略。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('string-number')}: a string where a number belongs (251000元)`, () => {
    expect(summary('string-number')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "proactive.procurement.amount",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 18,
            "message": "表二第二十条第（九）项「政府集中采购」行「采购总金额」列应为非负数，可以有小数（原文空白的单元格写 null），实为文字「251000元」。单元格里印有单位或文字的，这里只写数字（不加引号），文字写到 cell_notes 下。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('negative-count')}: a negative count`, () => {
    expect(summary('negative-count')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "proactive.penalties.decisions",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 13,
            "message": "表二第二十条第（六）项「行政处罚」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），实为数字 -570。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('unknown-key')}: a misspelt key (recieved)`, () => {
    expect(summary('unknown-key')).toMatchInlineSnapshot(`
      {
        "problems": [
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
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('float-count')}: a float where a count belongs`, () => {
    expect(summary('float-count')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "applications.received.natural",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 22,
            "message": "表三「一、本年新收政府信息公开申请数量」行「自然人」列应为非负整数（原文空白的单元格写 null），实为数字 6.5。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('rule-1-balance')}: rule 1 broken: 一 + 二 ≠ 三（七）总计 + 四`, () => {
    expect(summary('rule-1-balance')).toMatchInlineSnapshot(`
      {
        "problems": [
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
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('rule-2-row-total')}: rule 2 broken: 总计 ≠ the sum of the applicant columns`, () => {
    expect(summary('rule-2-row-total')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "applications.received.total",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
              "discrepancies:",
              "  - check: applications.row_total.received",
              "    left: 6",
              "    right: 7",
              "    note: 原文如此",
            ],
            "line": 22,
            "message": "勾稽关系不符（规则 2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他）：表三「一、本年新收政府信息公开申请数量」行「总计」列原文为 6，按「自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他」相加应为 7。请核对录入的数字。",
            "severity": "error",
          },
          {
            "field": "applications.carried_over.total",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
              "discrepancies:",
              "  - check: applications.row_total.carried_over",
              "    left: 1",
              "    right: 0",
              "    note: 原文如此",
            ],
            "line": 23,
            "message": "勾稽关系不符（规则 2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他）：表三「二、上年结转政府信息公开申请数量」行「总计」列原文为 1，按「自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他」相加应为 0。请核对录入的数字。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('rule-3-outcome-total')}: rule 3 broken: （七）总计 ≠ the sum of the outcomes`, () => {
    expect(summary('rule-3-outcome-total')).toMatchInlineSnapshot(`
      {
        "problems": [
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
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('rule-4-appeal-total')}: rule 4 broken: 表四 总计 ≠ the sum of its parts`, () => {
    expect(summary('rule-4-appeal-total')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "appeals.review.total",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：",
              "discrepancies:",
              "  - check: appeals.appeal_total.review",
              "    left: 0",
              "    right: 1",
              "    note: 原文如此",
            ],
            "line": 53,
            "message": "勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政复议 › 总计」原文为 0，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。请核对录入的数字。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('discrepancy-not-failing')}: an acknowledgement that matches no failing rule`, () => {
    expect(summary('discrepancy-not-failing')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "discrepancies",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 58,
            "message": "确认的勾稽关系「appeals.appeal_total.review」并没有不符：表中数字满足「总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结」。请删除这条记录（或核对是否录错了数字）。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('discrepancy-stale')}: an acknowledgement with stale numbers`, () => {
    expect(summary('discrepancy-stale')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "discrepancies[0]",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "如果原报告确实印的是现在的数字，请把这条记录改为：",
              "- check: appeals.appeal_total.review",
              "  left: 0",
              "  right: 1",
              "  note: 原文如此",
            ],
            "line": 58,
            "message": "对「appeals.appeal_total.review」的确认记录的是 left: 0、right: 2，但表中的数字现在是 0 和 1。请核对原文后更新这条记录。勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政复议 › 总计」原文为 0，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-import')}: an import in MDX`, () => {
    expect(summary('mdx-import')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 5,
            "message": "报告正文不能包含 import 或 export 语句（MDX 代码会在构建时运行）。表格组件无需导入。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-expression')}: a {expression} in MDX`, () => {
    expect(summary('mdx-expression')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 15,
            "message": "报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-unknown-component')}: an unknown JSX component`, () => {
    expect(summary('mdx-unknown-component')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 37,
            "message": "报告正文只能使用 <ProactiveTable />、<ApplicationsTable />、<AppealsTable /> 三个表格组件，发现了 <Chart>。其他内容请用 Markdown 书写；原文中的「<」请写成「\\<」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-table-twice')}: a table component placed twice`, () => {
    expect(summary('mdx-table-twice')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 51,
            "message": "<AppealsTable /> 出现了不止一次；每张表只能放置一次。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('mdx-table-missing')}: a table component missing`, () => {
    expect(summary('mdx-table-missing')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "message": "正文没有放置 <AppealsTable />，表四「四、政府信息公开行政复议、行政诉讼情况」将不会显示。请在原文该表所在的位置单独写一行 <AppealsTable />。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('frontmatter-year')}: front matter year contradicting the path`, () => {
    expect(summary('frontmatter-year')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "year",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "前言中的 year 为数字 2021，与文件名中的年份 2020 不一致。报告的年份由文件名决定，请删除 year 或改为一致。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('published-invalid')}: an invalid published date`, () => {
    expect(summary('published-invalid')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "published",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "published 应为发布日期，写成 2021-01-29 这样的格式，实为文字「2021-02-30」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('agency-level')}: a bad agency level (the agency is then unknown to its reports)`, () => {
    expect(summary('agency-level')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "[0].level",
            "file": "data/agencies.yaml",
            "line": 11,
            "message": "level 应为 central、provincial、prefectural、county、township 之一，实为「city」。",
            "severity": "error",
          },
          {
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "message": "机构「jiyuan-gongan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。如果已经登记，请先改正 data/agencies.yaml 中的错误：有错误的机构登记不会生效。",
            "severity": "error",
          },
          {
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "message": "机构「jiyuan-gongan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。如果已经登记，请先改正 data/agencies.yaml 中的错误：有错误的机构登记不会生效。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('stray-file')}: a stray file in data/reports`, () => {
    expect(summary('stray-file')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/README.md",
            "message": "data/reports 下只能有以机构 id 命名的文件夹，文件应放在 data/reports/<机构id>/<年份>.yaml。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });

  it(`${scenario('year-out-of-range')}: a report year before the regulation`, () => {
    expect(summary('year-out-of-range')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/reports/jiyuan-gongan/2007.yaml",
            "message": "年份 2007 不在 2008–2100 之间（《政府信息公开条例》2008 年起施行）。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });

  it(`${scenario('missing-agencies-file')}: no data/agencies.yaml`, () => {
    expect(summary('missing-agencies-file')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "file": "data/agencies.yaml",
            "message": "缺少机构列表文件 data/agencies.yaml。",
            "severity": "error",
          },
          {
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "message": "机构「jiyuan-gongan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。",
            "severity": "error",
          },
          {
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "message": "机构「jiyuan-gongan」不在 data/agencies.yaml 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });

  it(`${scenario('several-errors')}: several independent errors in three files: all are reported`, () => {
    expect(summary('several-errors')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "[1].website",
            "file": "data/agencies.yaml",
            "line": 19,
            "message": "website 应为以 http:// 或 https:// 开头的网址，实为「ftp://www.jiyuan.gov.cn」。",
            "severity": "error",
          },
          {
            "field": "proactive.penalties.decisions",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 13,
            "message": "表二第二十条第（六）项「行政处罚」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），实为数字 -570。",
            "severity": "error",
          },
          {
            "field": "published",
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 3,
            "message": "published 应为发布日期，写成 2021-01-29 这样的格式，实为文字「2021-13-01」。",
            "severity": "error",
          },
          {
            "field": undefined,
            "file": "src/content/reports/jiyuan-gongan/2020.mdx",
            "line": 16,
            "message": "报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。",
            "severity": "error",
          },
        ],
        "reports": [],
      }
    `);
  });
});

describe('the content contract: drafts, not printed, blank totals', () => {
  it(`${scenario('draft')}: a draft is announced, not refused, by the check`, () => {
    expect(summary('draft')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "status",
            "file": "data/reports/jiyuan-gongan/2021.yaml",
            "line": 2,
            "message": "草稿：这份报告标为 status: draft，不会发布。npm run build 会拒绝构建草稿，预览请用 NIANBAO_DRAFTS=1 npm run build；核对无误后删除这一行即可发布。",
            "severity": "info",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
          "jiyuan-gongan/2021",
        ],
      }
    `);
  });

  it(`${scenario('status-invalid')}: status takes only draft`, () => {
    expect(summary('status-invalid')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "status",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 3,
            "message": "status 只能写 draft（草稿），实为文字「草稿」。要发布这份报告，请删除 status 这一行。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2021",
        ],
      }
    `);
  });

  it(`${scenario('discrepancy-blank-total')}: acknowledging a rule whose total was left blank`, () => {
    expect(summary('discrepancy-blank-total')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "discrepancies[0]",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "hint": [
              "删除以下 4 行：",
              "- check: appeals.appeal_total.review",
              "  left: 0",
              "  right: 1",
              "  note: 原文如此：原表「总计」栏空白。",
            ],
            "line": 58,
            "message": "这条记录确认的「appeals.appeal_total.review」用到原文未填写的总计（表四「行政复议 › 总计」）：原文未填写总计不算不符，这条勾稽关系不核对，无需确认。请删除这条记录。",
            "severity": "error",
          },
          {
            "field": "appeals.review.total",
            "file": "data/reports/jiyuan-gongan/2020.yaml",
            "line": 53,
            "message": "原文未填写总计（1 处）：表四「行政复议 › 总计」。用到这些总计的勾稽关系不核对，也不算不符；无需在 discrepancies 下确认。",
            "severity": "info",
          },
        ],
        "reports": [
          "jiyuan-gongan/2021",
        ],
      }
    `);
  });

  it(`${scenario('not-printed')}: a table not printed and a combined （六） row are accepted`, () => {
    expect(summary('not-printed')).toMatchInlineSnapshot(`
      {
        "problems": [],
        "reports": [
          "jiyuan-gongan/2020",
          "jiyuan-gongan/2021",
        ],
      }
    `);
  });

  it(`${scenario('not-printed-acknowledged')}: a rule over cells not printed is not evaluated`, () => {
    expect(summary('not-printed-acknowledged')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "discrepancies[0]",
            "file": "data/reports/jiyuan-gongan/2021.yaml",
            "hint": [
              "删除以下 4 行：",
              "- check: appeals.appeal_total.review",
              "  left: 2",
              "  right: 1",
              "  note: 原文如此：行政复议总计印为 2，各项之和为 1。",
            ],
            "line": 53,
            "message": "这条记录确认的「appeals.appeal_total.review」用到原文没有印出的单元格（表四「行政复议 › 总计」、表四「行政复议 › 结果维持」、表四「行政复议 › 结果纠正」、表四「行政复议 › 其他结果」、表四「行政复议 › 尚未审结」），这条勾稽关系不核对，无需确认。请删除这条记录。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });

  it(`${scenario('not-printed-row-length')}: a combined （六） row of the wrong length`, () => {
    expect(summary('not-printed-row-length')).toMatchInlineSnapshot(`
      {
        "problems": [
          {
            "field": "applications.other",
            "file": "data/reports/jiyuan-gongan/2021.yaml",
            "line": 42,
            "message": "表三「（六）其他处理」行（原文印为一行）应为 7 个单元格的列表，按原表列的顺序：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]；实为 6 个单元格。原文空白的单元格写 null，不要省略。",
            "severity": "error",
          },
        ],
        "reports": [
          "jiyuan-gongan/2020",
        ],
      }
    `);
  });
});

describe('not printed is not blank across years', () => {
  it(`${scenario('not-printed-site')}: rule 6 is not checked against a 表三 printed only as an image`, () => {
    const archive = load('not-printed-site');
    // 2022 carries 1 forward; 2023 did not print 表三: no 「空白」 carried over to warn about.
    expect(archive.problems).toEqual([]);
    expect(archive.reports.map((r) => [r.year, r.carryOver.length])).toEqual([
      [2020, 0],
      [2021, 0],
      [2022, 0],
      [2023, 0],
      [2024, 0],
    ]);
  });
});

describe('the corpus', () => {
  it('has a test for every fixture folder', () => {
    const folders = readdirSync(FIXTURES).filter(
      (f) => !OTHER_SUITES.includes(f) && !OTHER_PREFIXES.some((p) => f.startsWith(p)),
    );
    expect([...TESTED].sort()).toEqual(folders.sort());
  });
});
