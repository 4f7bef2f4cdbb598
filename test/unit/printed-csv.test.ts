import { parseCsv } from '../support/csv.ts';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { printedCsv, spreadsheetText } from '../../src/lib/open-data/printed-csv.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const report = loadArchive(PROJECT_ROOT).reports.find(
  (r) => r.id === 'shanghai-shizhengfu-bangongting/2019',
)!;
const text = printedCsv('上海 2019', report.tables);
const rows = parseCsv(text.replace(/^\uFEFF/u, ''));
const row = (label: string) => rows.find((r) => r[0] === label);

describe('the printed-shape CSV', () => {
  it('starts with a BOM and uses CRLF, like the long CSV', () => {
    expect(text.startsWith('\uFEFF上海 2019\r\n')).toBe(true);
  });

  it('prints table 三 with its three header rows and the published numbers, blanks empty', () => {
    const start = rows.findIndex((r) => r[0]?.startsWith('（本列数据的勾稽关系为'));
    expect(rows[start]).toEqual([rows[start]![0], '申请人情况', '', '', '', '', '', '']);
    expect(rows[start + 1]).toEqual(['', '自然人', '法人或其他组织', '', '', '', '', '总计']);
    expect(rows[start + 2]).toEqual([
      '',
      '',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '',
    ]);
    expect(row('一、本年新收政府信息公开申请数量')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '821',
      '35',
      '',
      '',
      '2',
      '1',
      '859',
    ]);
    // The published 总计 of （一）予以公开 is blank: it stays blank, not the sum of its row.
    expect(row('（一）予以公开')).toEqual(['（一）予以公开', '258', '12', '', '', '1', '1', '']);
    expect(row('（三）不予公开')).toEqual(['（三）不予公开', '', '', '', '', '', '', '']);
  });

  it('names a money unit in its column header and keeps the amount a number', () => {
    const i = rows.findIndex((r) => r[0] === '政府集中采购');
    expect(rows[i - 1]).toEqual(['信息内容', '采购项目数量', '采购总金额（元）']);
    expect(rows[i]).toEqual(['政府集中采购', '6', '251000']);
  });

  it('prints table 四 as one row under its three header rows', () => {
    const i = rows.findIndex((r) => r[0] === '行政复议');
    expect(rows[i]?.slice(0, 6)).toEqual(['行政复议', '', '', '', '', '行政诉讼']);
    expect(rows[i + 3]).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(spreadsheetText('=1+1')).toBe("'=1+1");
    expect(spreadsheetText('-x')).toBe("'-x");
    expect(spreadsheetText('上海')).toBe('上海');
  });
});
