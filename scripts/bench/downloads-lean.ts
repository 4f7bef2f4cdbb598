/**
 * `node scripts/bench/downloads-lean.ts <built site>`: measures the open-data downloads of a built
 * site (`npm run bench -- --keep`) and what leaner forms of the same cells would weigh. Phase-1
 * experiment: the site does not write these forms.
 *
 * - long (today): one row per cell, each repeating the agency, table, section, row and column
 *   labels (data.csv), and the same as JSON objects (data.json).
 * - cell ids: one row per cell with only `cell,value,unit,note`; the labels live once per template
 *   version in a shared dictionary (datapackage.json already describes the columns).
 * - wide per year: the archive-wide file as one row per report and one column per cell id, one
 *   file per year and template version.
 *
 * A blank cell stays blank (empty), never 0: the distinction is published data.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { kb, mib } from './measure.ts';

interface Cell {
  readonly cell: string;
  readonly value: number | string | null;
  readonly blank: boolean;
  readonly unit: string;
  readonly note: string;
}
interface ReportJson {
  readonly agency: { id: string; name: string };
  readonly year: number;
  readonly template: number;
  readonly cells: readonly Cell[];
}

const dist = process.argv[2];
if (!dist) throw new Error('usage: downloads-lean.ts <dist>');
const value = (c: Cell) => (c.blank || c.value === null ? '' : String(c.value));

let n = 0;
const size = { csv: 0, json: 0, leanCsv: 0, leanJson: 0, leanCsvGz: 0, csvGz: 0 };
const wide = new Map<string, { header: string[]; rows: string[][] }>();
for (const agency of readdirSync(join(dist, 'reports')).sort()) {
  for (const year of readdirSync(join(dist, 'reports', agency)).sort()) {
    const dir = join(dist, 'reports', agency, year);
    const csv = readFileSync(join(dir, 'data.csv'));
    const json = readFileSync(join(dir, 'data.json'));
    const report = JSON.parse(json.toString()) as ReportJson;
    n++;
    size.csv += csv.length;
    size.json += json.length;
    if (n <= 500) size.csvGz += gzipSync(csv).length;
    const leanCsv = stringify([
      ['cell', 'value', 'unit', 'note'],
      ...report.cells.map((c) => [c.cell, value(c), c.unit, c.note]),
    ]);
    size.leanCsv += Buffer.byteLength(leanCsv);
    if (n <= 500) size.leanCsvGz += gzipSync(leanCsv).length;
    size.leanJson += Buffer.byteLength(
      JSON.stringify({
        agency: report.agency.id,
        year: report.year,
        template: report.template,
        cells: Object.fromEntries(
          report.cells.map((c) => [c.cell, c.blank ? null : c.unit ? [c.value, c.unit] : c.value]),
        ),
      }),
    );
    const key = `${report.year}-${report.template}`;
    const file = wide.get(key) ?? {
      header: ['agency_id', 'agency_name', 'year', ...report.cells.map((c) => c.cell)],
      rows: [],
    };
    wide.set(key, file);
    file.rows.push([
      report.agency.id,
      report.agency.name,
      String(report.year),
      ...report.cells.map((c) => (c.unit ? `${value(c)} ${c.unit}` : value(c))),
    ]);
  }
}
let wideBytes = 0;
let wideGz = 0;
const perFile: string[] = [];
for (const [key, f] of [...wide].sort()) {
  const text = stringify([f.header, ...f.rows]);
  wideBytes += Buffer.byteLength(text);
  wideGz += gzipSync(text).length;
  perFile.push(`${key}: ${f.rows.length} rows, ${kb(Buffer.byteLength(text))}`);
}
const archive = (f: string) => statSync(join(dist, 'data', f)).size;
const gzN = Math.min(n, 500);
console.log(`${n} reports`);
console.log(
  `per report today: data.csv ${kb(size.csv / n)} (gzip ${kb(size.csvGz / gzN)}), data.json ${kb(size.json / n)}`,
);
console.log(
  `per report, cell ids: CSV ${kb(size.leanCsv / n)} (gzip ${kb(size.leanCsvGz / gzN)}), JSON ${kb(size.leanJson / n)}`,
);
console.log(
  `archive-wide today: archive.csv ${mib(archive('archive.csv'))}, archive.json ${mib(archive('archive.json'))} (${kb((archive('archive.csv') + archive('archive.json')) / n)} per report)`,
);
console.log(
  `archive-wide, wide CSV per year and template: ${wide.size} files, ${mib(wideBytes)} (${kb(wideBytes / n)} per report; gzip ${kb(wideGz / n)})`,
);
console.log(perFile.join('; '));
