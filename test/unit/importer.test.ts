/**
 * The importer on small synthetic reports built from the template declarations: one input per
 * label variant and per failure mode. Every cell gets a distinct number, so a value in the wrong
 * cell cannot pass.
 */
import { describe, expect, it } from 'vitest';
import { importReport, type ImportResult } from '../../src/lib/importer/import-report.ts';
import { parseCell } from '../../src/lib/importer/cells.ts';
import { normLabel } from '../../src/lib/importer/labels.ts';
import { guessAgency } from '../../src/lib/importer/agency-guess.ts';
import type { Problem } from '../../src/lib/content/problems.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { readReportProse } from '../../src/lib/content/report-prose.ts';
import { applicationLeaves } from '../../src/lib/template/cells.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATIONS_CORNER,
  APPLICATION_COLUMNS,
  PROACTIVE_ROW_HEADER,
  SECTION_HEADINGS,
  type TemplateVersion,
} from '../../src/lib/template/declarations.ts';
import { templateOf } from '../../src/lib/template/registry.ts';

interface Options {
  /** Rewrites a printed row label (table 二 and 三). */
  label?: (label: string) => string;
  /** Rewrites a printed column header of table 二. */
  header?: (label: string) => string;
  /** Rewrites the cells printed for one row (table 三 key path or table 二 row id). */
  cells?: (row: string, cells: string[]) => string[];
  /** Leaves out a row (table 三 key path or table 二 row id). */
  drop?: string;
  /** Lines added after table 三's rows. */
  extraLines?: string[];
}

/** Expected values: table 二 100 + 10·row + column, table 三 1000 + 10·row + column, 四 1..15. */
function expectedCells(version: TemplateVersion): Record<string, number> {
  const out: Record<string, number> = {};
  let r = 0;
  for (const s of templateOf(version).proactive) {
    for (const row of s.rows) {
      s.columns.forEach((c, k) => (out[`proactive.${row.id}.${c.id}`] = 100 + 10 * r + k));
      r++;
    }
  }
  applicationLeaves(templateOf(version)).forEach((leaf, i) => {
    APPLICATION_COLUMNS.forEach(
      (c, k) => (out[['applications', ...leaf.keys, c.id].join('.')] = 1000 + 10 * i + k),
    );
  });
  let n = 1;
  for (const row of APPEALS_ROWS)
    for (const c of APPEALS_COLUMNS) out[`appeals.${row.id}.${c.id}`] = n++;
  return out;
}

/** A report as copied from a web page: headings on their own lines, cells separated by tabs. */
function webText(version: TemplateVersion, o: Options = {}): string {
  const label = o.label ?? ((l: string) => l);
  const header = o.header ?? ((l: string) => l);
  const values = expectedCells(version);
  const lines = [
    `${version === 2019 ? 2020 : 2023}年示例县人民政府政府信息公开工作年度报告`,
    '发布日期：2024-01-20',
    SECTION_HEADINGS[0],
    '本年度共收到申请若干件，a < b 与 {x} 照印。',
    SECTION_HEADINGS[1],
  ];
  for (const s of templateOf(version).proactive) {
    lines.push(
      s.heading,
      [PROACTIVE_ROW_HEADER, ...s.columns.map((c) => header(c.label))].join('\t'),
    );
    for (const row of s.rows) {
      if (o.drop === row.id) continue;
      const cells = s.columns.map((c) => String(values[`proactive.${row.id}.${c.id}`]));
      lines.push([label(row.label), ...(o.cells?.(row.id, cells) ?? cells)].join('\t'));
    }
  }
  lines.push(SECTION_HEADINGS[2], `${APPLICATIONS_CORNER}\t申请人情况`);
  lines.push(['', ...APPLICATION_COLUMNS.map((c) => c.label)].join('\t'));
  for (const leaf of applicationLeaves(templateOf(version))) {
    const key = leaf.keys.join('.');
    if (o.drop === key) continue;
    const cells = APPLICATION_COLUMNS.map((c) => String(values[`applications.${key}.${c.id}`]));
    lines.push([...leaf.labels.map(label), ...(o.cells?.(key, cells) ?? cells)].join('\t'));
  }
  lines.push(...(o.extraLines ?? []));
  lines.push(SECTION_HEADINGS[3], '行政复议\t\t\t\t\t行政诉讼');
  lines.push(Array.from({ length: 15 }, (_, i) => String(i + 1)).join('\t'));
  lines.push(SECTION_HEADINGS[4], '问题还有不少。', SECTION_HEADINGS[5], '无。');
  return lines.join('\n') + '\n';
}

function accounted(result: ImportResult): boolean {
  const unplaced = result.unplaced.flatMap((u) => u.values).filter((v) => /\d/.test(v)).length;
  return result.numbersPlaced + unplaced === result.numbersSeen;
}

describe.each([2019, 2021] as const)('a complete %i-template report', (version) => {
  const result = importReport(webText(version));
  it('places every number in its cell', () => {
    expect(result.template).toBe(version);
    expect(result.cells).toEqual(expectedCells(version));
    expect(result.complete).toBe(true);
    expect(result.unplaced).toEqual([]);
    expect(accounted(result)).toBe(true);
  });
  it('writes YAML and MDX that pass the content checks', () => {
    const problems: Problem[] = [];
    // `status: draft` is checked by the content check once the contract branch lands
    // (test/unit/importer-contract.test.ts); here the tables themselves are read back.
    expect(result.yaml).toMatch(/\nstatus: draft\ntemplate: \d{4}\n/u);
    const data = readReportData('x.yaml', result.yaml.replace('status: draft\n', ''), problems);
    readReportProse('x.mdx', result.mdx, { agency: 'x', year: 2020 }, problems);
    // The sums of distinct numbers break the rules: every failure is written as imported, and
    // the check holds each one until an editor confirms it against the original; the import is
    // therefore a draft.
    expect(result.discrepancies.length).toBeGreaterThan(0);
    expect(result.draft).toBe(true);
    expect(problems.map((p) => p.field)).toEqual(
      result.discrepancies.map((_, i) => `discrepancies[${i}].note`),
    );
    expect(data.tables?.cells).toEqual(result.cells);
    expect(data.notices).toHaveLength(0);
    expect(result.mdx).toContain('本年度共收到申请若干件，a \\< b 与 \\{x\\} 照印。');
    expect(result.published).toBe('2024-01-20');
  });
});

describe('label variants', () => {
  const variants: [string, (l: string) => string][] = [
    ['sub-items numbered "1、"', (l) => l.replace(/^(\d)\./u, '$1、')],
    [
      'full-width digits and half-width brackets',
      (l) =>
        l
          .replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
          .replace(/（/gu, '(')
          .replace(/）/gu, ')'),
    ],
    ['spaces inside labels (PDF extraction)', (l) => [...l].join(' ')],
    ['sub-items numbered "(1)"', (l) => l.replace(/^(\d)\./u, '($1)')],
    ['a known typo', (l) => l.replace('其他法律行政法规禁止公开', '其他法律行政止公开')],
  ];
  it.each(variants)('%s', (_name, label) => {
    const result = importReport(webText(2021, { label }));
    expect(result.cells).toEqual(expectedCells(2021));
    expect(result.complete).toBe(true);
  });

  it('header words split over lines by PDF extraction still identify the template', () => {
    const result = importReport(webText(2021, { header: (l) => [...l].join(' ') }));
    expect(result.template).toBe(2021);
    expect(result.cells).toEqual(expectedCells(2021));
  });

  it('"规范性文件" in a 2021 table is the 行政规范性文件 row', () => {
    const text = webText(2021, { label: (l) => (l === '行政规范性文件' ? '规范性文件' : l) });
    const result = importReport(text);
    expect(result.cells).toEqual(expectedCells(2021));
  });

  it('normalises labels the same way on both sides', () => {
    expect(normLabel('（三）不予公 开 １、属于国家秘密')).toBe(
      normLabel('(三)不予公开1.属于国家秘密'),
    );
    expect(normLabel('危及“三安全一稳定”')).toBe(normLabel('危及"三安全一稳定"'));
  });
});

describe('text inside numeric cells', () => {
  it('keeps the number, the note and the unit', () => {
    expect(parseCell('22（其中修订16件）')).toEqual({
      kind: 'value',
      raw: '22（其中修订16件）',
      value: 22,
      note: '（其中修订16件）',
    });
    expect(parseCell('251000元')).toEqual({
      kind: 'value',
      raw: '251000元',
      value: 251000,
      unit: '元',
      note: '251000元',
    });
    expect(parseCell('-3')).toMatchObject({ value: -3 });
    expect(parseCell('3,985,758')).toMatchObject({ value: 3985758 });
    // An increase printed with its sign stays an increase (2019 本年增/减).
    expect(parseCell('+3')).toEqual({ kind: 'value', raw: '+3', value: 3 });
    expect(parseCell('＋3')).toEqual({ kind: 'value', raw: '＋3', value: 3 });
    expect(parseCell('−3')).toMatchObject({ value: -3 });
    // A comma that is not a thousands separator is not dropped: the cell is text, and reported.
    expect(parseCell('1,2')).toEqual({ kind: 'text', raw: '1,2' });
    expect(parseCell('5，3')).toEqual({ kind: 'text', raw: '5，3' });
    expect(parseCell('12,345.5')).toMatchObject({ value: 12345.5 });
    expect(parseCell('2.其他法律行政法规禁止公开')).toEqual({
      kind: 'text',
      raw: '2.其他法律行政法规禁止公开',
    });
  });

  it('writes the note under cell_notes and the unit beside the amount', () => {
    const result = importReport(
      webText(2019, {
        cells: (row, cells) =>
          row === 'procurement'
            ? [cells[0] ?? '', '251000元']
            : row === 'normative_documents'
              ? [`${cells[0]}（其中修订16件）`, ...cells.slice(1)]
              : cells,
      }),
    );
    expect(result.complete).toBe(true);
    expect(result.cells['proactive.procurement.amount']).toBe(251000);
    expect(result.cells['proactive.normative_documents.made']).toBe(110);
    expect(result.units).toEqual({ 'proactive.procurement.amount': '元' });
    expect(result.cellNotes).toEqual({
      'proactive.normative_documents.made': '（其中修订16件）',
      'proactive.procurement.amount': '251000元',
    });
    expect(result.yaml).toContain('procurement: { projects: 170, amount: 251000, unit: 元 }');
    expect(result.yaml).toContain('  proactive.normative_documents.made: （其中修订16件）');
  });

  it('a cell with only text becomes a blank with the text as its note, and says so', () => {
    const result = importReport(
      webText(2021, { cells: (row, cells) => (row === 'licensing' ? ['见附件'] : cells) }),
    );
    expect(result.cells['proactive.licensing.decisions']).toBeNull();
    expect(result.cellNotes['proactive.licensing.decisions']).toBe('见附件');
    expect(result.issues.map((i) => i.message)).toContain(
      '表二第二十条第（五）项「行政许可」行「本年处理决定数量」列印的是文字「见附件」，没有数字：已记为空白，文字写入单元格注释。',
    );
  });
});

describe('failure modes: exit non-zero with a clear list', () => {
  it('a missing row', () => {
    const result = importReport(webText(2021, { drop: 'withheld.state_secret' }));
    expect(result.complete).toBe(false);
    expect(result.unplaced).toEqual([]);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      '缺少表三「（三）不予公开 1.属于国家秘密」行。',
    ]);
    expect(result.cells['applications.withheld.state_secret.natural']).toBeNull();
    expect(result.yaml).toContain('# 草稿：导入不完整');
    expect(result.yaml).toContain('#   错误：缺少表三「（三）不予公开 1.属于国家秘密」行。');
  });

  it('a missing table 二 row', () => {
    const result = importReport(webText(2019, { drop: 'fees' }));
    expect(result.complete).toBe(false);
    expect(result.issues.map((i) => i.message)).toContain(
      '缺少表二第二十条第（八）项「行政事业性收费」行。',
    );
  });

  it('an extra cell', () => {
    const result = importReport(
      webText(2021, { cells: (row, cells) => (row === 'disclosed' ? [...cells, '99'] : cells) }),
    );
    expect(result.complete).toBe(false);
    // Which of the eight is extra cannot be told: none of the row's numbers is placed by order.
    const disclosed = Object.keys(expectedCells(2021)).filter((p) =>
      p.startsWith('applications.disclosed.'),
    );
    expect(result.cells).toEqual({
      ...expectedCells(2021),
      ...Object.fromEntries(disclosed.map((p) => [p, null])),
    });
    expect(result.unplaced).toEqual([
      {
        table: 'applications',
        line: expect.any(Number),
        where: expect.stringMatching(/^第 \d+ 行$/u),
        values: ['1020', '1021', '1022', '1023', '1024', '1025', '1026', '99'],
        reason:
          '表三「（一）予以公开」行有 8 个单元格（应为 7 个），无法确定哪一个是多出的：整行没有放入',
      },
    ]);
    // The row was found: it is listed as not placed, not reported missing.
    expect(result.issues.map((i) => i.message).filter((m) => m.startsWith('缺少'))).toEqual([]);
    expect(result.discrepancies.filter((d) => d.check.startsWith('applications.'))).toEqual([]);
    expect(accounted(result)).toBe(true);
  });

  it('an extra cell in a table 二 row: the row is listed, never placed by order', () => {
    const result = importReport(
      webText(2021, { cells: (row, cells) => (row === 'licensing' ? [...cells, '77'] : cells) }),
    );
    expect(result.complete).toBe(false);
    const licensing = Object.keys(expectedCells(2021)).filter((p) =>
      p.startsWith('proactive.licensing.'),
    );
    expect(licensing).toHaveLength(1);
    expect(result.cells).toEqual({
      ...expectedCells(2021),
      ...Object.fromEntries(licensing.map((p) => [p, null])),
    });
    expect(result.unplaced).toEqual([
      {
        table: 'proactive',
        line: expect.any(Number),
        where: expect.stringMatching(/^第 \d+ 行$/u),
        values: [String(expectedCells(2021)[licensing[0] as string]), '77'],
        reason:
          '表二第二十条第（五）项「行政许可」行有 2 个单元格（应为 1 个），无法确定哪一个是多出的：整行没有放入',
      },
    ]);
    expect(result.issues.map((i) => i.message).filter((m) => m.startsWith('缺少'))).toEqual([]);
    expect(accounted(result)).toBe(true);
  });

  it('a table 四 row of 16 numbers: none of them is placed by order', () => {
    const result = importReport(webText(2021).replace(/\n(1\t2\t3\t[^\n]*)\n/u, '\n$1\t16\n'));
    expect(result.complete).toBe(false);
    expect(result.draft).toBe(true);
    expect(
      Object.entries(result.cells).filter(([k, v]) => k.startsWith('appeals.') && v !== null),
    ).toEqual([]);
    expect(result.unplaced).toEqual([
      {
        table: 'appeals',
        line: expect.any(Number),
        where: expect.stringMatching(/^第 \d+ 行$/u),
        values: Array.from({ length: 16 }, (_, i) => String(i + 1)),
        reason: '表四的数据行有 16 个单元格（应为 15 个），无法确定哪一个是多出的：整行没有放入',
      },
    ]);
    expect(result.discrepancies.filter((d) => d.check.startsWith('appeals.'))).toEqual([]);
    expect(accounted(result)).toBe(true);
  });

  it('an unknown label', () => {
    const result = importReport(
      webText(2021, { label: (l) => (l === '4.保护第三方合法权益' ? '4.保护个人隐私' : l) }),
    );
    expect(result.complete).toBe(false);
    expect(result.unplaced).toEqual([
      {
        table: 'applications',
        line: expect.any(Number),
        where: expect.stringMatching(/^第 \d+ 行$/u),
        values: ['1070', '1071', '1072', '1073', '1074', '1075', '1076'],
        reason:
          '无法识别的行标签「三、本年度办理结果 （三）不予公开 4.保护个人隐私」（按位置可能是「（三）不予公开 4.保护第三方合法权益」）',
      },
    ]);
    expect(result.issues.map((i) => i.message)).toContain(
      '缺少表三「（三）不予公开 4.保护第三方合法权益」行。',
    );
    expect(accounted(result)).toBe(true);
  });

  it('a row with fewer numbers than cells (blanks lost in PDF extraction)', () => {
    const result = importReport(
      webText(2021, { cells: (row, cells) => (row === 'received' ? cells.slice(0, 6) : cells) }),
    );
    expect(result.complete).toBe(false);
    expect(result.unplaced[0]?.reason).toBe(
      '表三「一、本年新收政府信息公开申请数量」行只读到 6 个单元格（应为 7 个），无法确定哪些单元格空白',
    );
    expect(accounted(result)).toBe(true);
  });

  it('a 2021 report that keeps the single （六）其他处理 row of 2019', () => {
    const leaves2019 = applicationLeaves(templateOf(2019));
    const single = leaves2019.find((l) => l.keys.join('.') === 'other');
    const text = webText(2021, { drop: 'other.no_correction' })
      .split('\n')
      .filter((l) => !l.includes('2.申请人逾期') && !l.includes('\t3.其他\t'))
      .join('\n')
      .replace(/\n(?=.*（七）总计)/u, `\n\t${single?.labels.at(-1)}\t5\t0\t0\t0\t0\t0\t5\n`);
    const result = importReport(text);
    // Kept as printed: one 7-cell row; its three items are not printed (not blank, not missing).
    expect(result.unplaced).toEqual([]);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.yaml).toContain('\n  other:                  [5, 0, 0, 0, 0, 0, 5]\n');
    expect(result.yaml).not.toMatch(/no_correction|unpaid_fees/u);
    expect(result.cells['applications.other.no_correction.natural']).toBeNull();
    expect(result.draft).toBe(true);
    expect(result.issues.map((i) => i.message)).toContain(
      '原文的「（六）其他处理」只有一行（2019 年版的写法），而 2021 年版分 3 项：按原文写为一行（applications.other 为 7 个数字），其下 3 项记为“原文未单列”。请对照原文核对。',
    );
    // Rule 3 counts the combined row as the sum of its items: no rule failure comes from the
    // items being absent.
    expect(result.discrepancies.map((d) => d.check)).not.toContain(
      'applications.row_total.other.no_correction',
    );
    expect(accounted(result)).toBe(true);
  });

  it('a 2021 report with （六）其他处理 as one row and a stray item row is not guessed', () => {
    const text = webText(2021)
      .split('\n')
      .filter((l) => !l.includes('2.申请人逾期') && !l.includes('\t3.其他\t'))
      .join('\n')
      .replace(/\n(?=.*（七）总计)/u, `\n\t（六）其他处理\t5\t0\t0\t0\t0\t0\t5\n`);
    const result = importReport(text);
    // One item printed, two not: the combined row cannot stand in for them.
    expect(result.yaml).not.toMatch(/\n  other: +\[/u);
    expect(result.complete).toBe(false);
  });

  it('tables published as images: no numbers at all', () => {
    const text = SECTION_HEADINGS.map((h) => `${h}\n正文。`).join('\n');
    const result = importReport(`2022年某局政府信息公开工作年度报告\n${text}\n`);
    expect(result.complete).toBe(false);
    expect(result.template).toBe(2021);
    expect(result.issues.map((i) => i.message)).toContain(
      '表格中没有读到任何数字：原文的表格可能是图片，请按原文手工录入。',
    );
    // Not printed, not blank: each table key says so, and the file is a draft.
    expect(result.notPrinted).toEqual(['proactive', 'applications', 'appeals']);
    expect(result.yaml).toContain(
      '\nstatus: draft\ntemplate: 2021\n\nproactive: not_printed\n\napplications: not_printed\n\nappeals: not_printed\n',
    );
  });

  it('only table 四 published as an image: that table is not_printed, the others are read', () => {
    const text = webText(2021).replace(/\n1\t2\t3\t[^\n]*\n/u, '\n（见图片）\n');
    const result = importReport(text);
    expect(result.notPrinted).toEqual(['appeals']);
    expect(result.yaml).toContain('\nappeals: not_printed\n');
    expect(result.cells['applications.received.natural']).toBe(1000);
    // A table not printed breaks no rule of its own.
    expect(result.discrepancies.filter((d) => d.check.startsWith('appeals.'))).toEqual([]);
    expect(result.draft).toBe(true);
  });
});

describe('saved HTML pages', () => {
  /** The web text's tables as <table> elements, its prose as <p>, inside a page with navigation. */
  function html(version: TemplateVersion): string {
    const blocks: string[] = [];
    let table: string[] | null = null;
    for (const line of webText(version).trimEnd().split('\n')) {
      if (line.includes('\t')) {
        table ??= [];
        const cells = line.split('\t').map((c) => `<td>${c.replace(/</g, '&lt;')}</td>`);
        table.push(`<tr>${cells.join('')}</tr>`);
        continue;
      }
      if (table) blocks.push(`<table><tbody>${table.join('')}</tbody></table>`);
      table = null;
      blocks.push(`<p>${line.replace(/</g, '&lt;')}</p>`);
    }
    if (table) blocks.push(`<table>${table.join('')}</table>`);
    return `<!DOCTYPE html><html><head><title>年度报告</title><script>var a = "<p>一、总体情况</p>";</script></head>
<body><nav><a href="/">首页</a> 网站导航 登录</nav>
<div class="main"><div class="article">${blocks.join('\n')}</div></div>
<footer>版权所有 主办单位</footer></body></html>`;
  }

  it.each([2019, 2021] as const)('reads the real <table> elements of a %i report', (version) => {
    const result = importReport(html(version));
    expect(result.format).toBe('html');
    expect(result.cells).toEqual(expectedCells(version));
    expect(result.complete).toBe(true);
    expect(result.mdx).not.toMatch(/网站导航|版权所有|var a/u);
    expect(result.mdx).toContain('本年度共收到申请若干件，a \\< b 与 \\{x\\} 照印。');
  });
});

describe('agency guess', () => {
  it('guesses level, kind and region from the name', () => {
    expect(guessAgency('上海市人民政府办公厅')).toEqual({
      level: 'provincial',
      kind: 'government',
      region: '上海市',
    });
    expect(guessAgency('淮安市人民政府')).toEqual({
      level: 'prefectural',
      kind: 'government',
      region: '淮安市',
    });
    expect(guessAgency('沭阳县发展和改革局')).toEqual({
      level: 'county',
      kind: 'department',
      region: '沭阳县',
    });
  });
});
