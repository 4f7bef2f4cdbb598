/**
 * `corrections` in a report YAML (CONTRACT.md, issue 13 item 5): read, validated, and `new` held to
 * the cell's current value, with exact Chinese messages and line numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/content/problems.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';

const FILE = 'data/reports/jiyuan-gongan/2020.yaml';
const SEED = readFileSync(new URL('../fixtures/good/' + FILE, import.meta.url), 'utf8');
/** Line numbers of the appended text start after the seed's last line. */
const BASE = SEED.split('\n').length - 1;

function read(corrections: string) {
  const problems: Problem[] = [];
  const result = readReportData(FILE, SEED + corrections, problems);
  return { result, said: problems.map((p) => `${p.line} ${p.field} ${p.message}`) };
}

describe('corrections', () => {
  it('reads a well-formed erratum whose new value is the current cell value', () => {
    const { result, said } = read(
      [
        'corrections:',
        '  - date: 2026-03-01',
        '    kind: erratum',
        '    reason: 机构于 2026-02-20 发布更正说明',
        '    cells:',
        '      - { cell: applications.received.natural, old: 5, new: 6 }',
        '',
      ].join('\n'),
    );
    expect(said).toEqual([]);
    expect(result.tables?.cells['applications.received.natural']).toBe(6);
    expect(result.corrections).toEqual([
      {
        date: '2026-03-01',
        kind: 'erratum',
        reason: '机构于 2026-02-20 发布更正说明',
        cells: [{ cell: 'applications.received.natural', old: 5, new: 6 }],
      },
    ]);
  });

  it('refuses a new value that is not the current one, naming the cell and both fixes', () => {
    const { said } = read(
      [
        'corrections:',
        '  - date: 2026-03-01',
        '    kind: typo',
        '    reason: 录入时打错',
        '    cells:',
        '      - cell: applications.received.natural',
        '        old: 6',
        '        new: 7',
        '',
      ].join('\n'),
    );
    expect(said).toEqual([
      `${BASE + 8} corrections[0].cells[0].new 更正记录写的新值是 7，但表三「一、本年新收政府信息公开申请数量」行「自然人」列（applications.received.natural）现在是 6。请核对：要么把表格中的这一格改为 7，要么把 new 改为 6。`,
    ]);
  });

  it('names a bad date, an unknown kind, an empty reason and an unknown cell path', () => {
    const { said, result } = read(
      [
        'corrections:',
        '  - date: 2026年3月1日',
        '    kind: fix',
        "    reason: ''",
        '    cells:',
        '      - { cell: applications.received.person, old: 5, new: 6 }',
        '',
      ].join('\n'),
    );
    expect(result.corrections).toEqual([]);
    expect(said).toEqual([
      `${BASE + 2} corrections[0].date 更正日期应写成「2026-03-01」这样的 年-月-日，实为文字「2026年3月1日」。`,
      `${BASE + 3} corrections[0].kind 更正类型应为 erratum（机构发布了更正）或 typo（本站录入时打错），实为文字「fix」。`,
      `${BASE + 4} corrections[0].reason 请写明更正原因，例如「机构于 2026-02-20 发布更正说明」。`,
      `${BASE + 6} corrections[0].cells[0].cell 「applications.received.person」不是 2019 年版表格的单元格路径（写法与 cell_notes 相同，例如 applications.received.natural）。`,
    ]);
  });

  it('a cell corrected twice: the latest entry holds the current value, the earlier ones chain', () => {
    const twice = (firstNew: number) =>
      read(
        [
          'corrections:',
          '  - date: 2026-05-01',
          '    kind: erratum',
          '    reason: 机构再次更正',
          '    cells:',
          `      - { cell: applications.received.natural, old: 5, new: 6 }`,
          '  - date: 2026-03-01',
          '    kind: typo',
          '    reason: 录入时打错',
          '    cells:',
          `      - { cell: applications.received.natural, old: 4, new: ${firstNew} }`,
          '',
        ].join('\n'),
      );
    expect(twice(5).said).toEqual([]);
    expect(twice(5).result.corrections?.map((c) => c.date)).toEqual(['2026-05-01', '2026-03-01']);
    expect(twice(3).said).toEqual([
      `${BASE + 6} corrections[0].cells[0].old 同一格的更正应前后相接：表三「一、本年新收政府信息公开申请数量」行「自然人」列（applications.received.natural）在 2026-03-01 的更正中已改为 3，这一条（2026-05-01）的原值 old 却是 5。请把 old 改为 3，或核对两条更正的日期。`,
    ]);
  });
});
