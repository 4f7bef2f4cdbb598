import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  narrowAppeals,
  narrowColumns,
  sharedGroup,
  visibleNote,
} from '../../src/lib/site/narrow-table.ts';
import {
  appealsLayout,
  applicationsLayout,
  proactiveLayouts,
} from '../../src/lib/site/table-layout.ts';

const report = loadArchive(PROJECT_ROOT).reports.find(
  (r) => r.id === 'shanghai-shizhengfu-bangongting/2019',
)!;

describe('the phone layout of the report tables', () => {
  it('labels each column of 表三 by its own header, 法人或其他组织 as the shared group', () => {
    const columns = narrowColumns(applicationsLayout(report.tables, '表三'));
    expect(columns.map((c) => [c.label, c.group, c.total])).toEqual([
      ['自然人', null, false],
      ['商业企业', '法人或其他组织', false],
      ['科研机构', '法人或其他组织', false],
      ['社会公益组织', '法人或其他组织', false],
      ['法律服务机构', '法人或其他组织', false],
      ['其他', '法人或其他组织', false],
      ['总计', null, true],
    ]);
    expect(sharedGroup(columns)).toBe('法人或其他组织');
  });

  it('labels 表二 columns by their printed header, without a group', () => {
    const [first] = proactiveLayouts(report.tables);
    expect(narrowColumns(first!).map((c) => c.label)).toEqual([
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
    ]);
  });

  it('splits 表四 into 行政复议 and 行政诉讼, results as rows, 总计 first', () => {
    const tables = narrowAppeals(appealsLayout(report.tables, '表四'));
    expect(
      tables.map((t) => ({
        caption: t.caption,
        columns: t.columns.map((c) => c.label),
        rows: t.rows.map((r) => [r.label, ...r.cells.map((c) => c.value)]),
      })),
    ).toEqual([
      {
        caption: '行政复议',
        columns: ['件数'],
        rows: [
          ['总计', 7],
          ['结果维持', 5],
          ['结果纠正', null],
          ['其他结果', null],
          ['尚未审结', 2],
        ],
      },
      {
        caption: '行政诉讼',
        columns: ['未经复议直接起诉', '复议后起诉'],
        rows: [
          ['总计', 9, null],
          ['结果维持', 8, null],
          ['结果纠正', null, null],
          ['其他结果', null, null],
          ['尚未审结', 1, null],
        ],
      },
    ]);
  });

  it('does not repeat a cell note that only restates the value and unit', () => {
    expect(visibleNote(251000, '元', '251000元')).toBeNull();
    expect(visibleNote(251000, '元', '251000 元')).toBeNull();
    expect(visibleNote(251000, null, '251,000')).toBeNull();
    expect(visibleNote(251000, '元', '含追加预算')).toBe('含追加预算');
    expect(visibleNote(null, null, '251000元')).toBe('251000元');
  });
});
