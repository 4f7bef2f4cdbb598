/**
 * PDFs as agencies publish them, read from positioned text: the real WPS export of 淮安 2024, the
 * demo reports printed to PDF by Chromium and exported by LibreOffice, and small synthetic pages
 * for each layout the reader has to rebuild (wrapped labels, vertical group labels, headers one
 * character per line, tables broken over pages, numbers without a row).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importReport, summaryLines } from '../../src/lib/importer/import-report.ts';
import { readInput } from '../../src/lib/importer/inputs/index.ts';
import {
  foldRadicals,
  readLayout,
  type PositionedItem,
} from '../../src/lib/importer/inputs/layout.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { GENERATED_REPORTS } from '../support/make-import-inputs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bytes = (rel: string) => new Uint8Array(readFileSync(ROOT + rel));
const handChecked = (id: string) =>
  readReportData('x.yaml', readFileSync(`${ROOT}data/reports/${id}.yaml`, 'utf8'), []).tables
    ?.cells ?? {};

describe('the published PDF of 淮安市人民政府 2024 (WPS export)', async () => {
  const input = await readInput(
    bytes('test/fixtures/import-inputs/published/2024-huaianshi-zhengfu.pdf'),
    '2024-huaianshi-zhengfu.pdf',
  );
  const result = importReport(input.text, { fileName: '2024-huaianshi-zhengfu.pdf' });

  it('gives the hand-checked YAML cell for cell, all 200 of them', () => {
    expect(input.kind).toBe('pdf');
    expect(input.unplaced).toEqual([]);
    const expected = handChecked('huaianshi-zhengfu/2024');
    expect(Object.keys(expected)).toHaveLength(200);
    expect(result.cells).toEqual(expected);
    expect(result.numbersSeen).toBe(200);
    expect(result.numbersPlaced).toBe(200);
    expect(result.complete).toBe(true);
    expect(result.discrepancies).toEqual([]);
  });

  it('rebuilds the wrapped labels and skips the vertical group label 三、本年度办理结果', () => {
    const lines = input.text.split('\n');
    expect(lines).toContain(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t447\t7\t0\t0\t0\t0\t454',
    );
    expect(lines).toContain(
      '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t67\t3\t0\t0\t1\t0\t71',
    );
    expect(lines).toContain('三、本年度办理结果\t');
    expect(lines).toContain('72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20');
  });

  it('names the page of the PDF, not a line of its conversion, for a number not placed', () => {
    // The same 表四 row with a sixteenth number: nothing is placed, and the editor is sent to page 5.
    const lines = input.text.split('\n');
    const at = lines.indexOf('72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20');
    expect(at).toBeGreaterThan(0);
    expect(input.places?.[at]).toBe('第 5 页');
    lines[at] += '\t9';
    const broken = importReport(lines.join('\n'), {
      fileName: '2024-huaianshi-zhengfu.pdf',
      places: input.places ?? [],
    });
    expect(broken.unplaced.map((u) => u.where)).toEqual(['第 5 页']);
    expect(summaryLines(broken)).toContain(
      '未放入的数字：原文第 5 页 「72」「64」「178」「37」「351」「13」「4」「8」「1」「26」「12」「1」「1」「6」「20」「9」：表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入。',
    );
  });

  it('reads the title and the template from the page', () => {
    expect(result.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    expect(result.template).toBe(2021);
    expect(result.mdx).toContain('\n## 五、存在的主要问题及改进情况\n');
  });
});

describe('the demo reports printed to PDF by Chromium', () => {
  it.each(GENERATED_REPORTS)('%s imports to the hand-checked cells', async (id) => {
    const name = `${id.replace('/', '-')}.chromium.pdf`;
    const input = await readInput(bytes(`test/fixtures/import-inputs/generated/${name}`), name);
    const result = importReport(input.text, { year: Number(id.split('/')[1]) });
    expect(input.unplaced).toEqual([]);
    expect(result.cells).toEqual(handChecked(id));
    expect(result.complete).toBe(true);
  });
});

describe('the demo reports exported to PDF by LibreOffice (table lines 2.5 times apart)', () => {
  it.each(GENERATED_REPORTS)('%s imports to the hand-checked cells', async (id) => {
    const name = `${id.replace('/', '-')}.lo.pdf`;
    const input = await readInput(bytes(`test/fixtures/import-inputs/generated/${name}`), name);
    const result = importReport(input.text, { year: Number(id.split('/')[1]) });
    expect(input.unplaced).toEqual([]);
    expect(result.cells).toEqual(handChecked(id));
    expect(result.placedCells).toHaveLength(Object.keys(handChecked(id)).length);
    expect(result.complete).toBe(true);
  });
});

describe('prose of a LibreOffice PDF (spaces around every number)', () => {
  it('joins the lines of a paragraph wrapped at the page width', async () => {
    const name = 'shanghai-shizhengfu-bangongting-2025.lo.pdf';
    const input = await readInput(bytes(`test/fixtures/import-inputs/generated/${name}`), name);
    const result = importReport(input.text, { year: 2025 });
    expect(result.mdx).toContain(
      '\n\n2025 年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届历次全会精神，',
    );
    expect(result.mdx).toContain(
      '本年度报告中所列数据统计期限为 2025 年 1 月 1 日至 12 月 31 日。本年度报告电子版可在上海市人民政府门户网站（www.shanghai.gov.cn）下载。\n\n## 一、总体情况\n',
    );
  });
});

/** Positioned items for synthetic pages: one text run per call. */
function items(page: number, runs: readonly [number, number, string, number?][]): PositionedItem[] {
  return runs.map(([x, y, str, size = 9]) => ({
    page,
    str,
    x,
    y,
    size,
    width: [...str].reduce((w, ch) => w + (/[\x20-\x7e]/u.test(ch) ? size * 0.5 : size), 0),
  }));
}

const BODY: [number, number, string, number][] = [
  [72, 780, '一、总体情况', 12],
  [96, 760, '本年度本机关依法做好政府信息公开工作，全年主动公开政府信息若干条。', 12],
  [72, 740, '三、收到和处理政府信息公开申请情况', 12],
];
const HEADER: [number, number, string][] = [
  [300, 700, '自'],
  [300, 690, '然'],
  [300, 680, '人'],
  [340, 690, '总计'],
];

describe('layouts rebuilt from coordinates', () => {
  it('joins a label wrapped over three lines whose numbers sit on the middle line', () => {
    const r = readLayout(
      items(1, [
        ...BODY,
        ...HEADER,
        [80, 650, '1.申请人无正当理由逾期不补'],
        [80, 640, '正、行政机关不再处理其政府信'],
        [80, 630, '息公开申请'],
        [302, 640, '5'],
        [342, 640, '5'],
        [80, 610, '2.其他'],
        [302, 610, '1'],
        [342, 610, '1'],
      ]),
      [{ page: 1, height: 842 }],
    );
    expect(r.unplaced).toEqual([]);
    expect(r.text).toContain(
      '\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t5\t5\n2.其他\t1\t1\n',
    );
  });

  it('joins a label wrapped at a wide line pitch whose numbers sit between its lines', () => {
    // LibreOffice keeps a 2.5-times line spacing inside table cells: the label's two lines are 30
    // points apart and the row's numbers are printed half-way between them.
    const r = readLayout(
      items(1, [
        ...BODY,
        ...HEADER,
        [80, 640, '1.属于国家秘密', 12],
        [302, 640, '2', 12],
        [342, 640, '2', 12],
        [80, 610, '2.其他法律行政法规禁', 12],
        [302, 595, '30', 12],
        [342, 595, '31', 12],
        [100, 580, '止公开', 12],
        [80, 550, '3.危及“三安全一稳', 12],
        [302, 535, '5', 12],
        [342, 535, '5', 12],
        [100, 520, '定”', 12],
        [80, 490, '4.保护第三方合法权益', 12],
        [302, 490, '6', 12],
        [342, 490, '6', 12],
      ]),
      [{ page: 1, height: 842 }],
    );
    expect(r.unplaced).toEqual([]);
    const rows = r.text.split('\n').filter((l) => /\t\d/u.test(l));
    expect(rows).toEqual([
      '1.属于国家秘密\t2\t2',
      '2.其他法律行政法规禁止公开\t30\t31',
      '3.危及“三安全一稳定”\t5\t5',
      '4.保护第三方合法权益\t6\t6',
    ]);
  });

  it('keeps a vertical group label printed one character per line apart from the rows', () => {
    const r = readLayout(
      items(1, [
        ...BODY,
        ...HEADER,
        [60, 655, '三'],
        [60, 645, '、'],
        [60, 635, '本'],
        [60, 625, '年'],
        [80, 650, '（一）予以公开'],
        [302, 650, '3'],
        [342, 650, '3'],
        [80, 630, '（二）部分公开'],
        [302, 630, '2'],
        [342, 630, '2'],
      ]),
      [{ page: 1, height: 842 }],
    );
    expect(r.unplaced).toEqual([]);
    const rows = r.text.split('\n').filter((l) => /\t\d/u.test(l));
    expect(rows).toEqual(['（一）予以公开\t3\t3', '（二）部分公开\t2\t2']);
  });

  it('places a blank cell by the header printed one character per line', () => {
    const r = readLayout(
      items(1, [...BODY, ...HEADER, [80, 650, '（一）予以公开'], [342, 650, '4']]),
      [{ page: 1, height: 842 }],
    );
    expect(r.text).toContain('\n（一）予以公开\t\t4\n');
  });

  it('continues a table on the next page under its repeated header', () => {
    const r = readLayout(
      [
        ...items(1, [
          ...BODY,
          ...HEADER,
          [80, 650, '（一）予以公开'],
          [302, 650, '3'],
          [342, 650, '3'],
        ]),
        ...items(2, [
          [300, 800, '自然人'],
          [340, 800, '总计'],
          [80, 780, '（二）部分公开'],
          [342, 780, '2'],
        ]),
      ],
      [
        { page: 1, height: 842 },
        { page: 2, height: 842 },
      ],
    );
    expect(r.unplaced).toEqual([]);
    expect(r.text).toContain('（一）予以公开\t3\t3');
    expect(r.text).toContain('（二）部分公开\t\t2');
  });

  it('lists numbers without a row label as not placed instead of guessing their row', () => {
    const r = readLayout(
      items(1, [
        ...BODY,
        ...HEADER,
        [80, 650, '（一）予以公开'],
        [302, 650, '3'],
        [342, 650, '3'],
        [302, 620, '7'],
        [342, 620, '7'],
      ]),
      [{ page: 1, height: 842 }],
    );
    expect(r.unplaced).toEqual([
      { page: 1, values: ['7', '7'], reason: '这一行数字在原文中找不到行标签' },
    ]);
    expect(r.text).not.toMatch(/\t7/u);
  });

  it('lists a row of numbers with neither a label nor a header as not placed', () => {
    const r = readLayout(items(1, [...BODY, [302, 650, '3'], [342, 650, '3']]), [
      { page: 1, height: 842 },
    ]);
    expect(r.unplaced).toEqual([
      { page: 1, values: ['3', '3'], reason: '这一行数字在原文中既没有行标签，也没有表头' },
    ]);
    expect(r.rows).toBe(0);
  });

  it('folds the radicals some fonts map 人民 to', () => {
    expect(foldRadicals('淮安市⼈⺠政府⻓⻔')).toBe('淮安市人民政府长门');
    expect(foldRadicals('（一）１２')).toBe('（一）１２');
  });
});
