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
  ARCHIVE_FIELDS,
  DICTIONARY_FIELDS,
  REPORT_FIELDS,
  archiveYears,
  cellRecords,
  dataPackage,
  dictionaryCsv,
  reportCsv,
  reportJson,
  reportJsonText,
  yearCsvChunks,
  yearJsonChunks,
  type DataField,
} from '../../src/lib/open-data/open-data.ts';
import type { ReportBase } from '../../src/lib/content/archive.ts';
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

function csvRecords(text: string, fields: readonly DataField[]): Record<string, string>[] {
  expect(text.startsWith('\uFEFF'), 'starts with a UTF-8 BOM').toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(fields.map((f) => f.name));
  return rows.map((r) => {
    expect(r).toHaveLength(header!.length);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}

/**
 * Every number in a JSON value, with the key it sits under; the old and new values of the
 * `corrections` record are left out (pinned in their own test below).
 */
function jsonNumbers(value: unknown, key = ''): [string, number][] {
  if (typeof value === 'number') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => jsonNumbers(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value)
      .filter(([k]) => k !== 'corrections')
      .flatMap(([k, v]) => jsonNumbers(v, k));
  return [];
}

/** Every year's archive CSV, each parsed on its own, rows concatenated. */
const archiveRows = (reports: readonly ReportBase[]) =>
  archiveYears(reports).flatMap((y) =>
    csvRecords([...yearCsvChunks(reports, y)].join(''), ARCHIVE_FIELDS),
  );
/** Every year's archive JSON, parsed; reports concatenated. */
const archiveReports = (reports: readonly ReportBase[]) =>
  archiveYears(reports).flatMap((y) => {
    const doc = JSON.parse([...yearJsonChunks(reports, y, (r) => `/reports/${r.id}/`)].join(''));
    expect(doc.year).toBe(y);
    return doc.reports as ReturnType<typeof reportJson>[];
  });

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

  it('archive-<year>.csv: every YAML number exactly once in `value`, blanks blank, nothing else', () => {
    const rows = archiveRows(reports);
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

  it('archive-<year>.json: every YAML number exactly once as a cell value; the only other numbers are year and template', () => {
    const list = archiveReports(reports);
    expect(list.map((r) => `${r.agency.id}/${r.year}`).sort()).toEqual(
      files.map((f) => f.id).sort(),
    );
    const numbers = jsonNumbers(list);
    expect([...new Set(numbers.map(([k]) => k))].sort()).toEqual(['template', 'value', 'year']);
    for (const report of list) {
      const id = `${report.agency.id}/${report.year}`;
      const file = files.find((f) => f.id === id)!.file;
      const expected = yamlNumbers(file);
      const values = report.cells.filter((c) => c.value !== null).map((c) => String(c.value));
      expect(values.sort(), id).toEqual(expected.numbers);
      expect(report.cells.filter((c) => c.value === null && c.blank)).toHaveLength(expected.blanks);
    }
  });

  it('a report’s own CSV and JSON hold the same records as the archive’s', () => {
    const all = archiveRows(reports);
    const allJson = archiveReports(reports);
    for (const report of reports) {
      const own = csvRecords(reportCsv(report), REPORT_FIELDS);
      const mine = all.filter((r) => `${r.agency_id}/${r.year}` === report.id);
      expect(mine.every((r) => r.template === String(report.tables.template))).toBe(true);
      expect(own).toEqual(
        mine.map(({ agency_id: _a, agency_name: _n, year: _y, template: _t, ...rest }) => rest),
      );
      const json = JSON.parse(reportJsonText(report, `/reports/${report.id}/`));
      expect(json).toEqual(reportJson(report, `/reports/${report.id}/`));
      expect(json).toEqual(allJson.find((r) => `${r.agency.id}/${r.year}` === report.id));
      expect(json.cells).toHaveLength(cellDeclarations(report.tables.template).length);
    }
  });

  it('every cell of every row is in the dictionary, with its template', () => {
    const dict = csvRecords(dictionaryCsv(), DICTIONARY_FIELDS);
    const keys = new Set(dict.map((d) => `${d.template} ${d.cell}`));
    expect(keys.size).toBe(dict.length);
    for (const r of archiveRows(reports)) expect(keys).toContain(`${r.template} ${r.cell}`);
  });
});

describe('cell records, as published', () => {
  const fixture = loadArchive(ARCHIVES['build-site']);
  const get = (id: string) => fixture.reports.find((r) => r.id === id) as ArchiveReport;
  const cell = (id: string, path: string) => cellRecords(get(id)).find((c) => c.cell === path)!;

  it('the per-report files are lean: cell ids, no labels', () => {
    const text = reportCsv(get('fixture-city-gov/2021'));
    expect(text.split('\r\n')[0]).toBe('\uFEFFcell,value,blank,status,unit,note,corrected');
    expect(text).toContain('\r\napplications.withheld.state_secret.business,0,false,value,,,\r\n');
    expect(text).not.toContain('国家秘密');
    const json = reportJsonText(get('fixture-city-gov/2021'), '/p/');
    expect(json).toContain(
      '\n    {"cell":"proactive.fees.amount","value":1520.37,"blank":false,"status":"value"},\n',
    );
  });

  it('the dictionary gives the printed labels of a cell id', () => {
    const dict = csvRecords(dictionaryCsv(), DICTIONARY_FIELDS);
    const template = String(get('fixture-city-gov/2021').tables.template);
    expect(
      dict.find(
        (d) => d.template === template && d.cell === 'applications.withheld.state_secret.business',
      ),
    ).toEqual({
      template,
      table: 'applications',
      table_title: '三、收到和处理政府信息公开申请情况',
      section: '',
      row_id: 'withheld.state_secret',
      row_label: '三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密',
      column_id: 'business',
      column_label: '申请人情况 › 法人或其他组织 › 商业企业',
      cell: 'applications.withheld.state_secret.business',
    });
  });

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

  it('corrections: the CSV dates each corrected cell, the JSON lists the record with old and new values', () => {
    const report = get('fixture-city-gov/2021');
    const text = reportCsv(report);
    // Corrected cells carry the date of their (latest) correction; the others an empty column.
    expect(text).toContain(
      '\r\nproactive.normative_documents.issued,22,false,value,,（其中修订 16 件）,2022-03-02\r\n',
    );
    expect(text).toContain('\r\napplications.disclosed.natural,70,false,value,,,2022-03-02\r\n');
    expect(text).toContain('\r\nappeals.review.corrected,1,false,value,,,2024-06-15\r\n');
    expect(text).toContain('\r\napplications.disclosed.business,9,false,value,,,\r\n');
    const dated = csvRecords(text, REPORT_FIELDS).filter((r) => r.corrected !== '');
    expect(dated.map((r) => r.cell)).toEqual([
      'proactive.normative_documents.issued',
      'applications.disclosed.natural',
      'appeals.review.corrected',
    ]);
    const json = JSON.parse(reportJsonText(report, '/p/'));
    expect(json.corrections).toEqual([
      {
        date: '2024-06-15',
        kind: 'erratum',
        reason: '机构于 2024-06-10 发布更正说明，行政复议「结果纠正」应为 1 件',
        cells: [{ cell: 'appeals.review.corrected', old: 2, new: 1 }],
      },
      {
        date: '2022-03-02',
        kind: 'typo',
        reason: '录入时打错',
        cells: [
          { cell: 'proactive.normative_documents.issued', old: 21, new: 22 },
          { cell: 'applications.disclosed.natural', old: 7, new: 70 },
        ],
      },
    ]);
    expect(reportJsonText(report, '/p/')).toContain(
      '\n    {"cell":"appeals.review.corrected","value":1,"blank":false,"status":"value","corrected":"2024-06-15"}',
    );
    // A report without corrections says so with an empty list, and no cell carries a date.
    const plain = JSON.parse(reportJsonText(get('fixture-city-gov/2020'), '/p/'));
    expect(plain.corrections).toEqual([]);
    expect(plain.cells.some((c: { corrected?: string }) => 'corrected' in c)).toBe(false);
  });

  it('CSV text: blank is an empty value with blank=true, hostile text is quoted, not executed', () => {
    const text = reportCsv(get('fixture-county-fgj/2023'));
    expect(text).toContain('\r\napplications.received.business,,true,blank,,,\r\n');
    const rows = csvRecords(text, REPORT_FIELDS);
    expect(rows.find((r) => r.cell === 'proactive.licensing.decisions')?.note).toBe(
      '"><img src=x onerror=alert(1)>',
    );
    expect(rows.find((r) => r.cell === 'applications.received.natural')?.note).toBe(
      '</script><script>alert(1)</script>',
    );
  });
});

describe('the Data Package', () => {
  const pkg = dataPackage({
    reports: 3,
    years: [2020, 2021],
    homepage: 'https://example.org/data/',
  });
  const [cells, csv2020, json2020, csv2021] = pkg.resources as any[];

  it('lists the dictionary and one CSV and one JSON per year, every column in order', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'cells.csv',
      'archive-2020.csv',
      'archive-2020.json',
      'archive-2021.csv',
      'archive-2021.json',
    ]);
    expect(cells.schema.fields.map((f: DataField) => [f.name, f.type])).toEqual(
      DICTIONARY_FIELDS.map((f) => [f.name, f.type]),
    );
    expect(csv2020.schema.fields.map((f: DataField) => f.name)).toEqual([
      'agency_id',
      'agency_name',
      'year',
      'template',
      'cell',
      'value',
      'blank',
      'status',
      'unit',
      'note',
      'corrected',
    ]);
    expect(csv2020.schema.fields.at(-1)).toMatchObject({ name: 'corrected', type: 'date' });
    expect(csv2021.schema.foreignKeys).toEqual([
      {
        fields: ['template', 'cell'],
        reference: { resource: 'cells', fields: ['template', 'cell'] },
      },
    ]);
    expect(json2020).toMatchObject({ format: 'json', path: 'archive-2020.json' });
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.homepage).toBe('https://example.org/data/');
  });

  it('derives its constraints from the template declarations', () => {
    const field = (name: string) =>
      [...cells.schema.fields, ...csv2020.schema.fields].find((f: DataField) => f.name === name)!;
    expect(field('template').constraints?.enum).toEqual([2019, 2021]);
    expect(field('table').constraints?.enum).toEqual(['proactive', 'applications', 'appeals']);
    expect(field('row_id').constraints?.enum).toContain('other.no_correction');
    expect(field('row_id').constraints?.enum).toContain('other');
    expect(field('column_label').constraints?.enum).toContain(
      '申请人情况 › 法人或其他组织 › 商业企业',
    );
    expect(field('blank')).toMatchObject({ trueValues: ['true'], falseValues: ['false'] });
  });

  it('every record of the fixture and of the dictionary meets the enum constraints', () => {
    const rows = archiveRows(loadArchive(ARCHIVES['build-site']).reports);
    const dict = csvRecords(dictionaryCsv(), DICTIONARY_FIELDS);
    for (const [resource, records] of [
      [csv2020, rows],
      [cells, dict],
    ] as const) {
      for (const f of resource.schema.fields as DataField[]) {
        const allowed = f.constraints?.enum?.map(String);
        if (!allowed) continue;
        for (const r of records) expect(allowed, `${f.name}=${r[f.name]}`).toContain(r[f.name]);
      }
    }
  });
});

describe('streamed archive downloads', () => {
  it('a year without reports is a valid JSON document and a CSV with its header only', () => {
    expect(JSON.parse([...yearJsonChunks([], 2020, () => '')].join(''))).toEqual({
      title: '政府信息公开工作年度报告统计表',
      year: 2020,
      reports: [],
    });
    expect([...yearCsvChunks([], 2020)].join('')).toBe(
      `\uFEFF${ARCHIVE_FIELDS.map((f) => f.name).join(',')}\r\n`,
    );
  });
});
