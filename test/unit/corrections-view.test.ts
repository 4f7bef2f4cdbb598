/**
 * 更正记录 on the report page (issue 13): entries oldest first with the kind in plain Chinese, each
 * cell by its printed labels with a link to its row, and each corrected cell marked with the id of
 * the entry that last changed it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  correctedCells,
  correctionsView,
  markCorrected,
} from '../../src/lib/site/corrections-view.ts';
import { appealsLayout } from '../../src/lib/site/table-layout.ts';

const archive = loadArchive(fileURLToPath(new URL('../fixtures/build-site', import.meta.url)));
const report = archive.reports.find((r) => r.id === 'fixture-city-gov/2021')!;

describe('corrections view', () => {
  it('lists the entries oldest first, kinds in Chinese, cells by printed label and row anchor', () => {
    expect(correctionsView(report.tables, report.corrections)).toEqual([
      {
        id: 'correction-2',
        date: '2022-03-02',
        kind: '本站更正录入错误',
        reason: '录入时打错',
        cells: [
          {
            path: 'proactive.normative_documents.issued',
            label: '表二第二十条第（一）项「行政规范性文件」行「本年制发件数」列',
            anchor: 't2-r-normative-documents',
            old: 21,
            new: 22,
          },
          {
            path: 'applications.disclosed.natural',
            label: '表三「（一）予以公开」行「自然人」列',
            anchor: 't3-r-disclosed',
            old: 7,
            new: 70,
          },
        ],
      },
      {
        id: 'correction-1',
        date: '2024-06-15',
        kind: '机构发布更正',
        reason: '机构于 2024-06-10 发布更正说明，行政复议「结果纠正」应为 1 件',
        cells: [
          {
            path: 'appeals.review.corrected',
            label: '表四「行政复议 › 结果纠正」',
            anchor: 't4',
            old: 2,
            new: 1,
          },
        ],
      },
    ]);
  });

  it('marks a cell with the latest entry that changed it', () => {
    const twice = [
      {
        date: '2023-01-01',
        kind: 'typo' as const,
        reason: 'a',
        cells: [{ cell: 'x', old: 1, new: 2 }],
      },
      {
        date: '2022-01-01',
        kind: 'typo' as const,
        reason: 'b',
        cells: [{ cell: 'x', old: 0, new: 1 }],
      },
      {
        date: '2023-01-01',
        kind: 'erratum' as const,
        reason: 'c',
        cells: [{ cell: 'y', old: 1, new: 2 }],
      },
    ];
    expect([...correctedCells(twice)]).toEqual([
      ['x', 'correction-1'],
      ['y', 'correction-3'],
    ]);
    const layout = markCorrected(appealsLayout(report.tables, '表四'), report.corrections);
    const marked = layout.body.flatMap((r) => r.cells).filter((c) => c.corrected);
    expect(marked.map((c) => [c.path, c.corrected])).toEqual([
      ['appeals.review.corrected', 'correction-1'],
    ]);
  });
});
