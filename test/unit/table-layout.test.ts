import { describe, expect, it } from 'vitest';
import { checksFor } from '../../src/lib/template/rules.ts';
import { flaggedCells, noticeId } from '../../src/lib/site/table-layout.ts';
import type { ReportTables } from '../../src/lib/template/model.ts';

describe('flagged cells', () => {
  it('link a printed total to every notice that concerns it, in notice order', () => {
    const byId = (id: string) => ({ check: checksFor(2021).find((c) => c.id === id)! });
    const flags = flaggedCells([
      byId('applications.balance.total'),
      byId('applications.row_total.total'),
      byId('applications.outcome_total.total'),
      byId('applications.row_total.received'),
    ]);
    expect(Object.fromEntries(flags)).toEqual({
      'applications.total.total': [
        'notice-applications-balance-total',
        'notice-applications-row-total-total',
        'notice-applications-outcome-total-total',
      ],
      'applications.received.total': ['notice-applications-row-total-received'],
    });
    expect(noticeId('appeals.appeal_total.litigation_direct')).toBe(
      'notice-appeals-appeal-total-litigation-direct',
    );
  });
});

describe('ids on a report page', () => {
  it('are unique across every table and cell of each template, and short', async () => {
    const { templateVersions } = await import('../../src/lib/template/registry.ts');
    const { cellDeclarations } = await import('../../src/lib/template/cells.ts');
    const { appealsLayout, applicationsLayout, proactiveLayouts } =
      await import('../../src/lib/site/table-layout.ts');
    const { cellAnchor, narrowCellAnchor } = await import('../../src/lib/site/report-view.ts');
    for (const version of templateVersions()) {
      const tables = {
        template: version,
        cells: {},
        combined: {},
        units: {},
        cellNotes: {},
        notPrinted: [],
      } as unknown as Parameters<typeof proactiveLayouts>[0];
      const layouts = [
        ...proactiveLayouts(tables),
        applicationsLayout(tables, ''),
        appealsLayout(tables, ''),
      ];
      const ids = layouts.flatMap((l) => [
        l.id,
        `${l.id}-caption`,
        ...l.head.flat().map((h) => h.id),
        ...l.body.map((r) => r.id),
        // Row header cells (tables with row labels) have their own short ids beside the row's.
        ...(l.corner === null ? [] : l.body.map((r) => r.headerId)),
      ]);
      const cells = cellDeclarations(version).map((c) => c.path);
      ids.push(
        ...cells.map(cellAnchor),
        ...cells.filter((p) => p.startsWith('appeals.')).map(narrowCellAnchor),
      );
      expect(new Set(ids).size, `${version}: duplicate ids`).toBe(ids.length);
      // Header ids are named by every cell's `headers`: a few characters each.
      for (const h of layouts.flatMap((l) => l.head.flat()))
        expect(h.id).toMatch(/^h[234]-(\d+-)?\d+$/);
      // So are row header ids (`r3-5`); the readable row id (`t3-r-disclosed`) is the link target.
      for (const l of layouts.filter((l) => l.corner !== null))
        for (const r of l.body) expect(r.headerId).toMatch(/^r[23]-\d+$/);
    }
    expect(cellAnchor('applications.withheld.state_secret.natural')).toBe(
      'c3-withheld-state-secret-natural',
    );
    expect(cellAnchor('proactive.regulations.in_force')).toBe('c2-regulations-in-force');
    expect(narrowCellAnchor('appeals.litigation_direct.total')).toBe('cn4-litigation-direct-total');
    expect(() => cellAnchor('elsewhere.x')).toThrow('Not a cell path');
  });
});

describe('layouts of several reports of one version', () => {
  // The template's part of a layout is worked out once per version and shared: what one report
  // printed (a group as one row, its values) must not show in another report's layout.
  it('keep each report its own values and its own rows printed as one', async () => {
    const { fileURLToPath } = await import('node:url');
    const { loadArchive } = await import('../../src/lib/content/archive.ts');
    const { applicationsLayout, proactiveLayouts, appealsLayout } =
      await import('../../src/lib/site/table-layout.ts');
    const dir = fileURLToPath(new URL('../fixtures/not-printed', import.meta.url));
    const combined = loadArchive(dir).reports.find((r) => r.id === 'jiyuan-gongan/2021')!;
    expect(Object.keys(combined.tables.combined).length).toBeGreaterThan(0);
    // The same version, nothing printed as one row: every cell 7.
    const plain: ReportTables = {
      ...combined.tables,
      cells: Object.fromEntries(Object.keys(combined.tables.cells).map((p) => [p, 7])),
      combined: {},
      notPrinted: [],
    };
    const row = (tables: ReportTables, id: string) =>
      applicationsLayout(tables, '').body.find((r) => r.id === id)!;
    expect(row(combined.tables, 't3-r-other').kind).toBe('data');
    expect(row(plain, 't3-r-other')).toEqual({
      kind: 'group',
      id: 't3-r-other',
      headerId: row(plain, 't3-r-other').headerId,
      label: row(combined.tables, 't3-r-other').label,
      depth: 1,
      cells: [],
    });
    expect(row(combined.tables, 't3-r-other').cells.map((c) => c.value)).toEqual([
      1, 0, 0, 0, 0, 0, 1,
    ]);
    expect(
      row(plain, 't3-r-other-no-correction').cells.map((c) => [c.value, c.notPrinted]),
    ).toEqual(Array.from({ length: 7 }, () => [7, false]));
    expect(
      row(combined.tables, 't3-r-other-no-correction').cells.map((c) => [c.value, c.notPrinted]),
    ).toEqual(Array.from({ length: 7 }, () => [null, true]));
    // A data row's cells name the column headers, the groups it sits in and its own row header.
    const received = row(plain, 't3-r-received');
    expect(received.cells[0]!.headers).toEqual(['h3-0', 'h3-1', received.headerId]);
    for (const l of [...proactiveLayouts(plain), appealsLayout(plain, '')])
      for (const r of l.body) for (const c of r.cells) expect(c.value).toBe(7);
  });
});
