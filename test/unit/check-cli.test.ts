/** `npm run check` as an editor runs it: the whole output and the exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function check(fixture: string) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', `test/fixtures/${fixture}`], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run check', () => {
  it('exits 0 and says so for a valid archive', () => {
    expect(check('good')).toEqual({
      status: 0,
      stdout: '内容检查通过：没有发现问题。\n共 1 个机构，2 份报告。\n',
      stderr: '',
    });
  });

  it('exits 0 with warnings only, and prints them', () => {
    const run = check('carry-over-mismatch');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "提示：data/reports/jiyuan-gongan/2021.yaml 第 19 行（applications.carried_over.natural）
        跨年度衔接不一致（规则 6）：表三「二、上年结转政府信息公开申请数量」行「自然人」列为 1，而 2020 年报告「四、结转下年度继续办理」为 0。这不是本报告的计算错误，页面上会提示读者。

      提示：data/reports/jiyuan-gongan/2021.yaml 第 19 行（applications.carried_over.total）
        跨年度衔接不一致（规则 6）：表三「二、上年结转政府信息公开申请数量」行「总计」列为 1，而 2020 年报告「四、结转下年度继续办理」为 0。这不是本报告的计算错误，页面上会提示读者。

      内容检查：0 个错误，2 个提示。
      共 1 个机构，2 份报告。
      "
    `);
  });

  it('exits 1 and prints every problem, not only the first, sorted by file and line', () => {
    const run = check('several-errors');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatchInlineSnapshot(`
      "错误：data/agencies.yaml 第 19 行（[1].website）
        website 应为以 http:// 或 https:// 开头的网址，实为「ftp://www.jiyuan.gov.cn」。

      错误：data/reports/jiyuan-gongan/2020.yaml 第 13 行（proactive.penalties.decisions）
        表二第二十条第（六）项「行政处罚」行「处理决定数量」列应为非负整数（原文空白的单元格写 null），实为数字 -570。

      错误：src/content/reports/jiyuan-gongan/2020.mdx 第 3 行（published）
        published 应为发布日期，写成 2021-01-29 这样的格式，实为文字「2021-13-01」。

      错误：src/content/reports/jiyuan-gongan/2020.mdx 第 16 行
        报告正文不能包含 {…} 表达式（大括号里的内容会被当作代码运行）。如果原文有大括号，请写成「\\{」和「\\}」。

      内容检查：4 个错误，0 个提示。请先改正错误，网站才能构建。
      "
    `);
  });

  it('exits 1 for a single error and prints the YAML to acknowledge a rule failure', () => {
    const run = check('rule-4-appeal-total');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "错误：data/reports/jiyuan-gongan/2020.yaml 第 53 行（appeals.review.total）
        勾稽关系不符（规则 4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结）：表四「行政复议 › 总计」原文为 0，按「结果维持 + 结果纠正 + 其他结果 + 尚未审结」相加应为 1。请核对录入的数字。
          如果原报告确实如此印刷，请在文件末尾添加（有多处不符时，「discrepancies:」只写一次，其下逐条列出）：
          discrepancies:
            - check: appeals.appeal_total.review
              left: 0
              right: 1
              note: 原文如此

      内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。
      "
    `);
  });
});

describe('npm run check: drafts and totals the original left blank', () => {
  it('lists a draft as a notice, without failing', () => {
    expect(check('draft')).toEqual({
      status: 0,
      stdout:
        '说明：data/reports/jiyuan-gongan/2021.yaml 第 2 行（status）\n' +
        '  草稿：这份报告标为 status: draft，不会发布。npm run build 会拒绝构建草稿，预览请用 NIANBAO_DRAFTS=1 npm run build；核对无误后删除这一行即可发布。\n\n' +
        '内容检查通过：没有发现问题。另有 1 条说明。\n' +
        '共 1 个机构，2 份报告（其中 1 份草稿）。\n',
      stderr: '',
    });
  });

  it('refuses a status other than draft, naming file, line and field', () => {
    expect(check('status-invalid')).toEqual({
      status: 1,
      stdout:
        '错误：data/reports/jiyuan-gongan/2020.yaml 第 3 行（status）\n' +
        '  status 只能写 draft（草稿），实为文字「草稿」。要发布这份报告，请删除 status 这一行。\n\n' +
        '内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。\n',
      stderr: '',
    });
  });

  it('names a blank total once, and refuses an acknowledgement of its rule with the lines to delete', () => {
    expect(check('discrepancy-blank-total')).toEqual({
      status: 1,
      stdout:
        '说明：data/reports/jiyuan-gongan/2020.yaml 第 53 行（appeals.review.total）\n' +
        '  原文未填写总计（1 处）：表四「行政复议 › 总计」。用到这些总计的勾稽关系不核对，也不算不符；无需在 discrepancies 下确认。\n\n' +
        '错误：data/reports/jiyuan-gongan/2020.yaml 第 58 行（discrepancies[0]）\n' +
        '  这条记录确认的「appeals.appeal_total.review」用到原文未填写的总计（表四「行政复议 › 总计」）：原文未填写总计不算不符，这条勾稽关系不核对，无需确认。请删除这条记录。\n' +
        '    删除以下 4 行：\n' +
        '    - check: appeals.appeal_total.review\n' +
        '      left: 0\n' +
        '      right: 1\n' +
        '      note: 原文如此：原表「总计」栏空白。\n\n' +
        '内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。另有 1 条说明。\n',
      stderr: '',
    });
  });
});
