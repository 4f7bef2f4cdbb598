/**
 * The typing mistakes editors make (issue 13 item 4): each gets one message naming the cause, the
 * file, line and column, and the fix, instead of the parser's follow-on messages. Unit cases pin
 * the scanner on one line; each test/fixtures/typing-* folder is the seed with one mistake, run
 * through loadArchive as `npm run check` runs it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { scanTypingMistakes } from '../../src/lib/content/typing-mistakes.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const F = 'data/reports/a/2020.yaml';
const scan = (text: string) => scanTypingMistakes(F, text);
/** `line:column message` for each problem: what an editor reads. */
const said = (text: string) => scan(text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('scanTypingMistakes, one mistake per line', () => {
  it('full-width digits in a row', () => {
    expect(said('applications:\n  received: [１２, 0]\n')).toEqual([
      '2:14 「１２」是全角数字，请改为半角数字「12」（切换到英文输入法再输入）。',
    ]);
  });
  it('a thousands separator inside a row (which would make 8 cells)', () => {
    expect(said('applications:\n  received: [1,234, 0, 0]\n')).toEqual([
      '2:14 数字「1,234」里的千位分隔符「,」会被当成单元格之间的分隔。请去掉逗号，写成「1234」。',
    ]);
  });
  it('a thousands separator in { decisions: 1,234 } (which would make a key 234)', () => {
    expect(said('proactive:\n  licensing: { previous: 1, change: 0, decisions: 1,234 }\n')).toEqual(
      ['2:51 数字「1,234」里的千位分隔符「,」会被当成字段之间的分隔。请去掉逗号，写成「1234」。'],
    );
  });
  it('a thousands separator in a plain value', () => {
    expect(said('proactive:\n  fees:\n    previous: 1,234\n')).toEqual([
      '3:15 数字「1,234」里的千位分隔符「,」会让它被读成文字。请去掉逗号，写成「1234」。',
    ]);
  });
  it('a compact row [100,200] is a row, not a thousands separator', () => {
    expect(said('applications:\n  received: [100,200]\n')).toEqual([]);
  });
  it('Chinese commas in a row: one message with the count', () => {
    expect(said('applications:\n  received: [6，0、0, 6]\n')).toEqual([
      '2:15 方括号或花括号里用了中文逗号「，」（本行共 2 处）。单元格之间请用英文逗号「,」加一个空格分隔，例如 [6, 0, 0]。',
    ]);
  });
  it('a Chinese colon after a key', () => {
    expect(said('template：2021\n')).toEqual([
      '1:9 字段名「template」后面用了中文冒号「：」。请改为英文冒号「:」并在后面留一个空格，例如「template: 2021」。',
    ]);
  });
  it('-, — and ／ for a blank cell', () => {
    expect(said('applications:\n  received: [-, —, ／]\n')).toEqual([
      '2:14 「-」不能表示空白单元格。原文这一格空白或印为「-」时，请写 null（原文的写法可以记在 cell_notes 中）。',
      '2:17 「—」不能表示空白单元格。原文这一格空白或印为「—」时，请写 null（原文的写法可以记在 cell_notes 中）。',
      '2:20 「／」不能表示空白单元格。原文这一格空白或印为「／」时，请写 null（原文的写法可以记在 cell_notes 中）。',
    ]);
  });
  it('full-width brackets', () => {
    expect(said('applications:\n  received: ［6, 0］\n')).toEqual([
      '2:13 「［」是全角符号，请改为英文半角「[」（切换到英文输入法再输入）。',
      '2:18 「］」是全角符号，请改为英文半角「]」（切换到英文输入法再输入）。',
    ]);
  });
  it('tabs: one message for the first line, counting the others, and the file is not parsed', () => {
    const result = scan('applications:\n\treceived: [1]\n\tdisclosed: [1]\n');
    expect(result.fatal).toBe(true);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:1 行首用 Tab 键缩进（本行起共 2 行），YAML 只认半角空格。请把这些行行首的 Tab 换成半角空格（每一级两个空格）；VS Code 可用命令“将缩进转换为空格”。改正之前，本文件的其余内容不会检查。',
    ]);
  });
  it('a full-width space as indentation', () => {
    expect(said('applications:\n\u3000received: [1]\n')).toEqual([
      '2:1 行首用全角空格「　」缩进，YAML 只认半角空格。请把这些行行首的全角空格换成半角空格（每一级两个空格）；VS Code 可用命令“将缩进转换为空格”。改正之前，本文件的其余内容不会检查。',
    ]);
  });
  it('BOM and CRLF are notices: the file is still read', () => {
    const result = scan('\uFEFFtemplate: 2019\r\nproactive: {}\r\n');
    expect(result.fatal).toBe(false);
    expect(result.problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ['warning', 1, 1],
      ['warning', 1, 15],
    ]);
    expect(result.problems[1]?.message).toBe(
      '文件使用 Windows 换行符（CRLF，共 2 行）。内容可以读取，但提交后每一行都会显示为改动。请在编辑器右下角把“CRLF”改为“LF”后重新保存。',
    );
  });
  it('leaves free text alone: notes, quoted text, comments, cell_notes and discrepancies', () => {
    const text = [
      '# 原文：１２３，—',
      'applications:',
      '  received: [1, 0] # 原文印为「1,234」，-',
      'cell_notes:',
      '  proactive.fees.amount: —',
      '  proactive.fees.previous: 原文印为１２３，共 1,234 件',
      'discrepancies:',
      '  - { check: a.b, note: 原文如此：合计印为 2，各项之和为 1 }',
      '',
    ].join('\n');
    expect(said(text)).toEqual([]);
  });
});

const TESTED: string[] = [];
const scenario = (name: string) => {
  TESTED.push(name);
  return name;
};
const checkOutput = (name: string) => {
  const archive = loadArchive(FIXTURES + name);
  return { reports: archive.reports.length, text: formatReport(archive.problems) };
};
const Y = 'data/reports/jiyuan-gongan/2020.yaml';

describe('npm run check on each typing mistake (test/fixtures/typing-*)', () => {
  it(`${scenario('typing-fullwidth-digits')}: １２３ in a row`, () => {
    expect(checkOutput('typing-fullwidth-digits')).toEqual({
      reports: 0,
      text: [
        `错误：${Y} 第 22 行第 25 列（received）`,
        '  「６」是全角数字，请改为半角数字「6」（切换到英文输入法再输入）。',
        '',
        `错误：${Y} 第 22 行第 43 列（received）`,
        '  「６」是全角数字，请改为半角数字「6」（切换到英文输入法再输入）。',
        '',
        '内容检查：2 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    });
  });
  it(`${scenario('typing-thousands')}: 1,001 in a row and { decisions: 1,618 }`, () => {
    expect(checkOutput('typing-thousands').text).toBe(
      [
        `错误：${Y} 第 10 行第 52 列（licensing）`,
        '  数字「1,618」里的千位分隔符「,」会被当成字段之间的分隔。请去掉逗号，写成「1618」。',
        '',
        `错误：${Y} 第 23 行第 25 列（carried_over）`,
        '  数字「1,001」里的千位分隔符「,」会被当成单元格之间的分隔。请去掉逗号，写成「1001」。',
        '',
        `错误：${Y} 第 23 行第 47 列（carried_over）`,
        '  数字「1,001」里的千位分隔符「,」会被当成单元格之间的分隔。请去掉逗号，写成「1001」。',
        '',
        '内容检查：3 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    );
  });
  it(`${scenario('typing-chinese-comma')}: ， in a row, no "6 个单元格" follow-on`, () => {
    expect(checkOutput('typing-chinese-comma').text).toBe(
      [
        `错误：${Y} 第 22 行第 26 列（received）`,
        '  方括号或花括号里用了中文逗号「，」（本行共 2 处）。单元格之间请用英文逗号「,」加一个空格分隔，例如 [6, 0, 0]。',
        '',
        '内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    );
  });
  it(`${scenario('typing-chinese-colon')}: template：2019`, () => {
    expect(checkOutput('typing-chinese-colon').text).toBe(
      [
        `错误：${Y} 第 3 行第 9 列（template）`,
        '  字段名「template」后面用了中文冒号「：」。请改为英文冒号「:」并在后面留一个空格，例如「template: 2019」。',
        '',
        '内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    );
  });
  it(`${scenario('typing-dash-blank')}: -, — and ／ for blanks, no BLOCK_IN_FLOW`, () => {
    const { text } = checkOutput('typing-dash-blank');
    expect(text).not.toContain('BLOCK_IN_FLOW');
    expect(text.split('\n').filter((l) => l.startsWith('错误'))).toEqual([
      `错误：${Y} 第 24 行第 28 列（disclosed）`,
      `错误：${Y} 第 24 行第 31 列（disclosed）`,
      `错误：${Y} 第 24 行第 34 列（disclosed）`,
    ]);
    expect(text).toContain('「—」不能表示空白单元格。原文这一格空白或印为「—」时，请写 null');
  });
  it(`${scenario('typing-tab')}: tab indentation gets one message and no follow-ons`, () => {
    expect(checkOutput('typing-tab').text).toBe(
      [
        `错误：${Y} 第 27 行第 1 列`,
        '  行首用 Tab 键缩进（本行起共 8 行），YAML 只认半角空格。请把这些行行首的 Tab 换成半角空格（每一级两个空格）；VS Code 可用命令“将缩进转换为空格”。改正之前，本文件的其余内容不会检查。',
        '',
        '内容检查：1 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    );
  });
  it(`${scenario('typing-bom')}: a BOM is a notice and the report is built`, () => {
    expect(checkOutput('typing-bom')).toEqual({
      reports: 1,
      text: [
        `提示：${Y} 第 1 行第 1 列`,
        '  文件开头有一个看不见的 BOM 标记（U+FEFF），通常是用记事本“另存为 UTF-8”造成的。内容可以读取，但请在编辑器中把编码改为“UTF-8”（不带 BOM）后重新保存。',
        '',
        '内容检查：0 个错误，1 个提示。',
      ].join('\n'),
    });
  });
  it(`${scenario('typing-crlf')}: CRLF is a notice and the report is built`, () => {
    expect(checkOutput('typing-crlf')).toEqual({
      reports: 1,
      text: [
        `提示：${Y} 第 1 行第 45 列`,
        '  文件使用 Windows 换行符（CRLF，共 55 行）。内容可以读取，但提交后每一行都会显示为改动。请在编辑器右下角把“CRLF”改为“LF”后重新保存。',
        '',
        '内容检查：0 个错误，1 个提示。',
      ].join('\n'),
    });
  });
  it(`${scenario('typing-stray-document')}: a .docx and a .pdf left in the content folders`, () => {
    expect(checkOutput('typing-stray-document')).toEqual({
      reports: 1,
      text: [
        '错误：data/reports/jiyuan-gongan/2020年报告原文.docx',
        '  这是 Word 文件（报告原件），网站不会读取它。要录入其中的表格，请运行 npm run import -- 2020年报告原文.docx --agency <机构id>，然后把原件移出本文件夹，放在仓库以外保存。',
        '',
        '错误：src/content/reports/jiyuan-gongan/原文.pdf',
        '  这是 PDF 文件（报告原件），网站不会读取它。要录入其中的表格，请运行 npm run import -- 原文.pdf --agency <机构id>，然后把原件移出本文件夹，放在仓库以外保存。',
        '',
        '内容检查：2 个错误，0 个提示。请先改正错误，网站才能构建。',
      ].join('\n'),
    });
  });

  it('uses every typing-* fixture folder', () => {
    const folders = readdirSync(FIXTURES).filter((f) => f.startsWith('typing-'));
    expect([...TESTED].sort()).toEqual(folders.sort());
  });
});
