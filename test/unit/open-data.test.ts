/**
 * Open data: the long-format CSV and the JSON hold every published number exactly once, and no
 * other; blanks stay blank; money keeps its decimals; the unit printed beside 2019 采购总金额 is
 * recorded; the file opens as UTF-8 in Excel (BOM); the Data Package describes the CSV.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadArchive, type ArchiveReport } from '../../src/lib/content/archive.ts';
import {
  DATA_FIELDS,
  archiveCsv,
  archiveCsvChunks,
  archiveJson,
  archiveJsonChunks,
  jsonText,
  cellRecords,
  dataPackage,
  reportCsv,
  reportJson,
} from '../../src/lib/open-data/open-data.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { parseCsv } from '../support/csv.ts';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ARCHIVES = {
  project: root('../../'),
  'build-site': root('../fixtures/build-site'),
  good: root('../fixtures/good'),
};

/** Every number (and null) under the tables of a report YAML, read without the project's code. */
function yamlNumbers(file: string): { numbers: string[]; blanks: number } {
  const doc = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const numbers: string[] = [];
  let blanks = 0;
  const walk = (v: unknown, key: string) => {
    if (key === 'unit') return;
    if (v === null) blanks++;
    else if (typeof v === 'number') numbers.push(String(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, ''));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const table of ['proactive', 'applications', 'appeals']) walk(doc[table], table);
  return { numbers: numbers.sort(), blanks };
}

function csvRecords(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF'), 'starts with a UTF-8 BOM').toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(DATA_FIELDS.map((f) => f.name));
  return rows.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

/** Every number in a JSON value, with the key it sits under. */
function jsonNumbers(value: unknown, key = ''): [string, number][] {
  if (typeof value === 'number') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => jsonNumbers(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => jsonNumbers(v, k));
  return [];
}

describe.each(Object.entries(ARCHIVES))('round trip: %s', (_name, dir) => {
  const archive = loadArchive(dir);
  const reports = archive.reports;
  const yamlDir = join(dir, 'data/reports');
  const files = readdirSync(yamlDir).flatMap((a) =>
    readdirSync(join(yamlDir, a)).map((f) => ({
      id: `${a}/${f.replace('.yaml', '')}`,
      file: join(yamlDir, a, f),
    })),
  );

  it('every report of the archive is in the files', () => {
    expect(reports.map((r) => r.id).sort()).toEqual(files.map((f) => f.id).sort());
  });

  it('archive.csv: every YAML number exactly once in `value`, blanks blank, nothing else', () => {
    const rows = csvRecords(archiveCsv(reports));
    for (const { id, file } of files) {
      const expected = yamlNumbers(file);
      const mine = rows.filter((r) => `${r.agency_id}/${r.year}` === id);
      const values = mine.filter((r) => r.blank === 'false').map((r) => r.value);
      expect(values.sort(), id).toEqual(expected.numbers);
      const blanks = mine.filter((r) => r.blank === 'true');
      expect(blanks.length, `${id} blanks`).toBe(expected.blanks);
      expect(
        blanks.every((r) => r.value === ''),
        `${id} blank values are empty`,
      ).toBe(true);
    }
    expect(rows).toHaveLength(
      files.reduce(
        (a, f) => a + yamlNumbers(f.file).numbers.length + yamlNumbers(f.file).blanks,
        0,
      ),
    );
  });

  it('archive.json: every YAML number exactly once as a cell value; the only other numbers are year and template', () => {
    const json = archiveJson(reports, (r) => `/reports/${r.id}/`);
    const numbers = jsonNumbers(json);
    expect([...new Set(numbers.map(([k]) => k))].sort()).toEqual(['template', 'value', 'year']);
    for (const report of json.reports) {
      const id = `${report.agency.id}/${report.year}`;
      const file = files.find((f) => f.id === id)!.file;
      const expected = yamlNumbers(file);
      const values = report.cells.filter((c) => c.value !== null).map((c) => String(c.value));
      expect(values.sort(), id).toEqual(expected.numbers);
      expect(report.cells.filter((c) => c.value === null && c.blank)).toHaveLength(expected.blanks);
    }
  });

  it('a report’s own CSV and JSON hold the same records as the archive’s', () => {
    for (const report of reports) {
      const own = csvRecords(reportCsv(report));
      const all = csvRecords(archiveCsv(reports)).filter(
        (r) => `${r.agency_id}/${r.year}` === report.id,
      );
      expect(own).toEqual(all);
      expect(reportJson(report, '').cells).toHaveLength(
        cellDeclarations(report.tables.template).length,
      );
    }
  });
});

describe('cell records, as published', () => {
  const fixture = loadArchive(ARCHIVES['build-site']);
  const get = (id: string) => fixture.reports.find((r) => r.id === id) as ArchiveReport;
  const cell = (id: string, path: string) => cellRecords(get(id)).find((c) => c.cell === path)!;

  it('labels come from the template: table 三 row and column paths, table 四 rows', () => {
    expect(
      cell('fixture-city-gov/2021', 'applications.withheld.state_secret.business'),
    ).toMatchObject({
      table: 'applications',
      table_title: '三、收到和处理政府信息公开申请情况',
      section: '',
      row_id: 'withheld.state_secret',
      row_label: '三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密',
      column_id: 'business',
      column_label: '申请人情况 › 法人或其他组织 › 商业企业',
      value: 0,
      blank: false,
    });
    expect(cell('fixture-city-gov/2021', 'appeals.litigation_direct.pending')).toMatchObject({
      row_id: 'litigation_direct',
      row_label: '行政诉讼 › 未经复议直接起诉',
      column_label: '尚未审结',
      value: 1,
    });
  });

  it('money keeps its decimals, a negative change stays negative, the printed unit and notes are kept', () => {
    expect(cell('fixture-city-gov/2021', 'proactive.fees.amount')).toMatchObject({
      value: 1520.37,
      column_label: '本年收费金额（单位：万元）',
    });
    expect(cell('fixture-city-gov/2020', 'proactive.licensing.change').value).toBe(-3);
    expect(cell('fixture-city-gov/2020', 'proactive.procurement.amount')).toMatchObject({
      value: 251000,
      unit: '元',
      note: '251000元',
      section: '第二十条第（九）项',
    });
    expect(cell('fixture-city-gov/2020', 'proactive.coercion.change')).toMatchObject({
      value: null,
      blank: true,
    });
  });

  it('CSV text: blank is an empty value with blank=true, hostile text is quoted, not executed', () => {
    const text = reportCsv(get('fixture-county-fgj/2023'));
    expect(text).toContain(',applications.received.business,,true,blank,,\r\n');
    const rows = csvRecords(text);
    expect(rows.find((r) => r.cell === 'proactive.licensing.decisions')?.note).toBe(
      '"><img src=x onerror=alert(1)>',
    );
    expect(rows.find((r) => r.cell === 'applications.received.natural')?.note).toBe(
      '</script><script>alert(1)</script>',
    );
  });
});

describe('the Data Package', () => {
  const pkg = dataPackage({ reports: 3, homepage: 'https://example.org/data/' });
  const fields = pkg.resources[0]!.schema!.fields;

  it('describes every CSV column in order, with its type', () => {
    expect(fields.map((f) => [f.name, f.type])).toEqual(DATA_FIELDS.map((f) => [f.name, f.type]));
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.resources[0]).toMatchObject({
      name: 'archive',
      type: 'table',
      path: 'archive.csv',
      encoding: 'utf-8',
    });
    expect(pkg.homepage).toBe('https://example.org/data/');
  });

  it('derives its constraints from the template declarations', () => {
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field('template').constraints?.enum).toEqual([2019, 2021]);
    expect(field('table').constraints?.enum).toEqual(['proactive', 'applications', 'appeals']);
    expect(field('row_id').constraints?.enum).toContain('other.no_correction');
    expect(field('row_id').constraints?.enum).toContain('other');
    expect(field('column_label').constraints?.enum).toContain(
      '申请人情况 › 法人或其他组织 › 商业企业',
    );
    expect(field('blank')).toMatchObject({ trueValues: ['true'], falseValues: ['false'] });
  });

  it('every record of the fixture meets the enum constraints', () => {
    const rows = csvRecords(archiveCsv(loadArchive(ARCHIVES['build-site']).reports));
    for (const f of fields) {
      const allowed = f.constraints?.enum?.map(String);
      if (!allowed) continue;
      for (const r of rows) expect(allowed, `${f.name}=${r[f.name]}`).toContain(r[f.name]);
    }
  });
});

describe('streamed archive downloads', () => {
  for (const [name, dir] of Object.entries(ARCHIVES)) {
    it(`${name}: the pieces join to exactly the whole CSV and JSON`, () => {
      const reports = loadArchive(dir).reports;
      const pageUrl = (r: ArchiveReport | { id: string }) => `/reports/${r.id}/`;
      expect([...archiveCsvChunks(reports)].join('')).toBe(archiveCsv(reports));
      expect([...archiveJsonChunks(reports, pageUrl)].join('')).toBe(
        jsonText(archiveJson(reports, pageUrl)),
      );
    });
  }

  it('an empty archive is a valid JSON document and a CSV with its header only', () => {
    expect(JSON.parse([...archiveJsonChunks([], () => '')].join(''))).toEqual({
      title: '政府信息公开工作年度报告统计表',
      reports: [],
    });
    expect([...archiveCsvChunks([])].join('')).toBe(archiveCsv([]));
  });
});
