/**
 * What Node holds per report while it builds (issue 14, round 5): the checked tables are copied
 * into compact objects without changing what they say, and each report's previous report is found
 * in one pass. Oracles: the YAML read afresh by the reader itself, and highlights.ts's
 * `previousReport` (a search of the whole list per report), on the demo archive and a generated one.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { previousReport } from '../../src/lib/figures/highlights.ts';
import { previousReports } from '../../src/lib/site/site-data.ts';
import { generateArchive } from '../../scripts/bench/generate.ts';

const DEMO = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-node-memory-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

generateArchive(scratch, 150, 7);
const archives = [
  ['the demo archive', DEMO, loadArchive(DEMO, null)],
  ['150 generated reports', scratch, loadArchive(scratch, null)],
] as const;

describe.each(archives)('%s', (_name, root, archive) => {
  it('keeps every report’s tables as the YAML says them, cells in the same order', () => {
    expect(archive.reports.length).toBeGreaterThan(0);
    for (const report of archive.reports) {
      const text = readFileSync(join(root, report.dataFile), 'utf8');
      const fresh = readReportData(report.dataFile, text, []).tables!;
      expect(report.tables).toEqual(fresh);
      expect(Object.keys(report.tables.cells)).toEqual(Object.keys(fresh.cells));
      expect(Object.keys(report.tables.combined)).toEqual(Object.keys(fresh.combined));
      expect(JSON.stringify(report.tables)).toBe(JSON.stringify(fresh));
    }
  });

  it('finds each report’s previous report as previousReport does', () => {
    const previous = previousReports(archive.reports);
    let found = 0;
    for (const report of archive.reports) {
      const expected = previousReport(archive.reports, report.agency.id, report.year);
      expect(previous.get(report.id)).toBe(expected);
      if (expected) found++;
    }
    // Both archives have agencies with several years: the comparison is not vacuous.
    expect(found).toBeGreaterThan(0);
    expect(previous.size).toBe(found);
  });
});

it('compares the 2025 上海 report with its 2019 one, the years between missing', () => {
  const [, , archive] = archives[0];
  const before = previousReports(archive.reports).get('shanghai-shizhengfu-bangongting/2025');
  expect(before?.id).toBe('shanghai-shizhengfu-bangongting/2019');
});
