/**
 * What Node holds per report while it builds (issue 14, round 5): the checked tables are copied
 * into compact objects (compactTables) without changing what they say. Oracle: the YAML read
 * afresh by the reader itself, on the demo archive and a generated one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
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
});
