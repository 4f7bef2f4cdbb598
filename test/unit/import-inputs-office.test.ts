/**
 * Word, Excel, saved pages in GBK and text copied from a browser: each demo report made the way
 * agencies make them (test/support/make-import-inputs.ts) imports to its hand-checked cells.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { importReport, summaryLines } from '../../src/lib/importer/import-report.ts';
import { readInput } from '../../src/lib/importer/inputs/index.ts';
import { decodeText, unstackCells } from '../../src/lib/importer/inputs/text.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { GENERATED_REPORTS, renderReport } from '../support/make-import-inputs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const generated = (name: string) =>
  new Uint8Array(readFileSync(`${ROOT}test/fixtures/import-inputs/generated/${name}`));
const handChecked = (id: string) =>
  readReportData('x.yaml', readFileSync(`${ROOT}data/reports/${id}.yaml`, 'utf8'), []).tables
    ?.cells ?? {};
const yearOf = (id: string) => Number(id.split('/')[1]);
const base = (id: string) => id.replace('/', '-');

describe('.docx saved by LibreOffice Writer', () => {
  it.each(GENERATED_REPORTS)('%s imports to the hand-checked cells', async (id) => {
    const input = await readInput(generated(`${base(id)}.lo.docx`), `${base(id)}.docx`);
    expect(input.kind).toBe('docx');
    const result = importReport(input.text, { year: yearOf(id) });
    expect(result.cells).toEqual(handChecked(id));
    expect(result.complete).toBe(true);
  });

  it("names the Word table's row, not a line of its conversion, for a number not placed", async () => {
    const input = await readInput(generated('jiyuan-gongan-2020.lo.docx'), 'x.docx');
    // 表四's data row with a sixteenth cell.
    const html = input.text.replace(
      /(<td><p>0<\/p><\/td>)(<\/tr><\/table>)(?![\s\S]*<\/table>)/u,
      '$1<td><p>0</p></td>$2',
    );
    expect(html).not.toBe(input.text);
    const result = importReport(html, { year: 2020, fileName: 'x.docx' });
    expect(result.unplaced.map((u) => u.where)).toEqual(['第 3 个表格第 4 行']);
    expect(summaryLines(result)).toContain(
      `未放入的数字：原文第 3 个表格第 4 行 ${'「0」'.repeat(16)}：表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入。`,
    );
  });

  it('keeps the title and the prose', async () => {
    const input = await readInput(generated('huaianshi-zhengfu-2024.lo.docx'), 'x.docx');
    const result = importReport(input.text);
    expect(result.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(result.mdx).toContain('\n## 六、其他需要报告的事项\n');
  });
});

describe('.xlsx saved by LibreOffice Calc (merged cells, no section headings)', () => {
  it.each(GENERATED_REPORTS)('%s imports to the hand-checked cells', async (id) => {
    const input = await readInput(generated(`${base(id)}.lo.xlsx`), `${base(id)}.xlsx`);
    expect(input.kind).toBe('xlsx');
    const result = importReport(input.text, { year: yearOf(id) });
    expect(result.cells).toEqual(handChecked(id));
    expect(result.placedCells).toHaveLength(Object.keys(handChecked(id)).length);
    expect(result.complete).toBe(true);
  });

  it('reads the 2019 （六）其他处理 row, blank in every cell, as printed blanks (not missing)', async () => {
    const id = 'shanghai-shizhengfu-bangongting/2019';
    const input = await readInput(generated(`${base(id)}.lo.xlsx`), 'x.xlsx');
    expect(input.text).toContain('\n（六）其他处理\t\t\t\t\t\t\t\n（七）总计\t767\t35\t');
    const result = importReport(input.text, { year: 2019 });
    expect(result.placedCells.filter((p) => p.startsWith('applications.other.'))).toHaveLength(7);
    expect(result.issues.map((i) => i.message)).not.toContain('缺少表三「（六）其他处理」行。');
  });

  it('names the sheet and its row, not a line of the conversion, for a number not placed', async () => {
    const input = await readInput(generated('jiyuan-gongan-2020.lo.xlsx'), 'x.xlsx');
    const lines = input.text.split('\n');
    const at = lines.indexOf(`${'0\t'.repeat(15)}`);
    expect(input.places?.[at]).toBe('工作表「Sheet1」第 48 行');
    lines[at] = `${'0\t'.repeat(16)}`;
    const result = importReport(lines.join('\n'), { year: 2020, places: input.places ?? [] });
    expect(result.unplaced.map((u) => u.where)).toEqual(['工作表「Sheet1」第 48 行']);
    expect(summaryLines(result)).toContain(
      `未放入的数字：原文工作表「Sheet1」第 48 行 ${'「0」'.repeat(16)}：表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入。`,
    );
  });

  it('keeps a caption merged across the table (第二十条第（五）项) a line of text', async () => {
    const input = await readInput(generated('huaianshi-zhengfu-2024.lo.xlsx'), 'x.xlsx');
    expect(input.text).toContain('\n第二十条第（五）项\n');
  });
});

describe('a saved page in GBK (<meta charset="gb2312">)', () => {
  it.each(GENERATED_REPORTS)('%s imports to the hand-checked cells', async (id) => {
    const input = await readInput(generated(`${base(id)}.gbk.html`), `${base(id)}.html`);
    expect(input.kind).toBe('html');
    expect(input.notes).toEqual(['字符编码：gbk（网页声明 charset=gb2312）。']);
    const result = importReport(input.text, { year: yearOf(id) });
    expect(result.cells).toEqual(handChecked(id));
    expect(result.complete).toBe(true);
  });

  it('reads a page whose <meta> says GBK but whose bytes are UTF-8, and says so', () => {
    const bytes = new TextEncoder().encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body><p>淮安市人民政府</p></body></html>',
    );
    const decoded = decodeText(bytes, 'x.html', true);
    expect(decoded.text).toContain('淮安市人民政府');
    expect(decoded.evidence).toBe('网页声明 charset=gbk，但内容是 utf-8 编码');
  });

  it('reads plain text saved in GB18030 by a Windows editor', () => {
    const gbk = generated('jiyuan-gongan-2020.gbk.html');
    expect(decodeText(gbk, 'x.txt', false)).toMatchObject({
      encoding: 'gb18030',
      evidence: '不是 UTF-8，按 GB18030（GBK）读取',
    });
  });
});

describe('text copied from a browser, every cell on its own line', () => {
  /** What a copy of the rendered page gives: each paragraph and each table cell a line. */
  const copy = (id: string) =>
    parse(renderReport(id))
      .querySelectorAll('h1, p, td')
      .map((el) => el.textContent.trim())
      .join('\n');

  it.each([
    'huaianshi-zhengfu/2024',
    'jiyuan-gongan/2020',
    'shanghai-shizhengfu-bangongting/2025',
  ] as const)('%s (every cell filled) imports to the hand-checked cells', async (id) => {
    const input = await readInput(new TextEncoder().encode(copy(id)), 'copy.txt');
    expect(input.notes).toEqual(['每个单元格各占一行的表格文字：按行标签合并成 32 行。']);
    const result = importReport(input.text, { year: yearOf(id) });
    expect(result.cells).toEqual(handChecked(id));
    expect(result.complete).toBe(true);
  });

  it('leaves rows whose blank cells the copy lost unplaced, never shifted', async () => {
    const id = 'shanghai-shizhengfu-bangongting/2019';
    const input = await readInput(new TextEncoder().encode(copy(id)), 'copy.txt');
    const result = importReport(input.text, { year: 2019, places: input.places ?? [] });
    const expected = handChecked(id);
    const wrong = Object.entries(result.cells).filter(([p, v]) => v !== null && v !== expected[p]);
    expect(wrong).toEqual([]);
    expect(result.complete).toBe(false);
    expect(result.unplaced[0]?.reason).toBe(
      '表三「一、本年新收政府信息公开申请数量」行只读到 5 个单元格（应为 7 个），无法确定哪些单元格空白',
    );
    // The place is the copied text's own line (the label's), not a line of the joined rows.
    const copied = copy(id).split('\n');
    const where = result.unplaced[0]?.where ?? '';
    const n = Number(/^第 (\d+) 行$/u.exec(where)?.[1]);
    expect(copied[n - 1]).toBe('一、本年新收政府信息公开申请数量');
  });

  it('does not touch tab text or prose', () => {
    const tab = '规章\t1\t0\t11';
    expect(unstackCells(tab)).toEqual({ text: tab, rows: 0 });
  });
});
