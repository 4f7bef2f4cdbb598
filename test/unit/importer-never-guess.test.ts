/**
 * Never a guess (issue 11, item 3): a number goes into a cell only where its row and column are
 * established; otherwise it is listed as not placed, the file is a draft, and a rule that fails
 * because of the importer's own uncertainty is an import problem, never the agency's discrepancy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { escapeMdx } from '../../src/lib/importer/prose.ts';
import { parseCell } from '../../src/lib/importer/cells.ts';
import { fit } from '../../src/lib/importer/tables/rows.ts';
import { readReportProse } from '../../src/lib/content/report-prose.ts';
import type { Problem } from '../../src/lib/content/problems.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const gap = (name: string) =>
  readFileSync(`${ROOT}test/fixtures/import-inputs/reader-gaps/${name}.txt`, 'utf8');

describe('reader gaps found in phase 1', () => {
  it('a 表四 row starting with an empty cell is not shifted: its numbers are listed', () => {
    const result = importReport(gap('appeals-leading-blank-cell'));
    expect(result.complete).toBe(false);
    expect(result.draft).toBe(true);
    expect(result.unplaced).toEqual([
      {
        table: 'appeals',
        line: 194,
        where: '第 194 行',
        values: ['5', '2', '7', '8', '1', '9'],
        reason:
          '表四的数据行有 16 个单元格（应为 15 个），两端都有空白单元格，无法确定哪些是多出的空白、数字属于哪一列',
      },
    ]);
    // Before the fix 5 landed under 结果纠正: now no cell of 表四 holds a number.
    expect(
      Object.entries(result.cells).filter(([k, v]) => k.startsWith('appeals.') && v !== null),
    ).toEqual([]);
    expect(result.discrepancies.filter((d) => d.check.startsWith('appeals.'))).toEqual([]);
    expect(result.yaml).toMatch(/^status: draft$/mu);
    expect(result.yaml).toContain('#   未放入的数字：原文第 194 行 「5」「2」「7」「8」「1」「9」');
  });

  it('an unlabelled row beside a missing row is not placed by order', () => {
    const result = importReport(gap('unlabelled-row-beside-missing-row'));
    expect(result.complete).toBe(false);
    expect(result.unplaced).toEqual([
      {
        table: 'applications',
        line: 80,
        where: '第 80 行',
        values: ['7', '0', '0', '0', '0', '0', '7'],
        reason: '这一行没有行标签，按位置也无法确定是哪一行',
      },
    ]);
    expect(result.cells['applications.withheld.third_party_rights.natural']).toBeNull();
    expect(result.cells['applications.withheld.internal_affairs.natural']).toBeNull();
    // 表三 does not add up only because its 7 was not placed: an import problem, not the agency's.
    expect(result.discrepancies.filter((d) => d.check.startsWith('applications.'))).toEqual([]);
    expect(result.yaml).not.toContain('- check: applications.');
    expect(result.issues.map((i) => i.message)).toContain(
      '勾稽关系 applications.outcome_total.natural 不相符（7 ≠ 0），但表三有没有放入或没有找到的内容：这可能是导入造成的，不作为原文的不符写入。补录后请运行 npm run check。',
    );
  });

  it('fit() refuses to choose between blanks at both ends', () => {
    const cells = ['', '5', '', '2', ''].map(parseCell);
    expect(fit(cells, 4).ambiguous).toBe(true);
    // Blanks at one end only: dropping them is certain.
    expect(fit(['5', '', '2', '', ''].map(parseCell), 4)).toMatchObject({ ambiguous: false });
    expect(fit(['', '5', '', '2'].map(parseCell), 3).cells.map((c) => c.raw)).toEqual([
      '5',
      '',
      '2',
    ]);
  });
});

describe('numbers the PDF layout could not place reach the draft', () => {
  it('makes the import a draft and lists them by page in the YAML header', () => {
    const text = readFileSync(`${ROOT}test/fixtures/corpus/2020-jiyuan-gongan.txt`, 'utf8');
    const clean = importReport(text);
    const result = importReport(text, {
      inputUnplaced: [{ page: 3, values: ['12', '4'], reason: '两个数字在同一列' }],
    });
    expect(result.complete).toBe(false);
    expect(result.draft).toBe(true);
    expect(result.yaml).toContain('#   未放入的数字：第 3 页 「12」「4」：两个数字在同一列。');
    expect(result.yaml).toMatch(/^status: draft$/mu);
    // Rule failures are not the agency's while a number is unplaced somewhere on the page.
    expect(result.discrepancies).toEqual([]);
    expect(clean.yaml).not.toContain('第 3 页');
  });
});

describe('prose the check would refuse is escaped', () => {
  const lines = [
    'import 数据按海关口径统计。',
    'export 贸易平稳增长。',
    '{年度} 目标 <完成> 情况 {{x}}',
    'Import 与 Export 同比。',
  ];
  it.each(lines)('「%s」 passes the check and reads as printed', (line) => {
    const mdx = `---\ntitle: 测试\n---\n\n${escapeMdx(line)}\n`;
    const problems: Problem[] = [];
    const prose = readReportProse('x.mdx', mdx, { agency: 'x', year: 2020 }, problems);
    expect(problems).toEqual([]);
    expect(prose.parsed).toBe(true);
  });

  it('a report whose paragraph begins with import is imported into prose the check accepts', () => {
    const text = readFileSync(`${ROOT}test/fixtures/corpus/2020-jiyuan-gongan.txt`, 'utf8').replace(
      '六、其他需要报告的事项\n',
      '六、其他需要报告的事项\nimport 与 export 两词照印，{大括号} 与 <尖括号> 亦然。\n',
    );
    const result = importReport(text);
    expect(result.mdx).toContain(
      '&#105;mport 与 export 两词照印，\\{大括号\\} 与 \\<尖括号\\> 亦然。',
    );
    const problems: Problem[] = [];
    readReportProse('x.mdx', result.mdx, { agency: 'jiyuan-gongan', year: 2020 }, problems);
    expect(problems).toEqual([]);
  });
});
