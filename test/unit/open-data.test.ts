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
  DICTIONARY_FIELDS,
  NOTE_FIELDS,
  NOT_PRINTED_MARK,
  REPORT_FIELDS,
  WIDE_HEAD_FIELDS,
  archiveYears,
  cellRecords,
  dataPackage,
  dictionaryCsv,
  reportCsv,
  reportJson,
  reportJsonText,
  yearCsvChunks,
  yearJsonChunks,
  yearNotesChunks,
  yearTables,
  type DataField,
} from '../../src/lib/open-data/open-data.ts';
import type { ReportBase } from '../../src/lib/content/archive.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { parseCsv } from '../support/csv.ts';
import {
  byCellId,
  dictionaryCells,
  readBackJson,
  readBackYear,
  type LongCell,
} from '../support/open-data-readback.ts';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ARCHIVES = {
  project: root('../../'),
  'build-site': root('../fixtures/build-site'),
  good: root('../fixtures/good'),
  'not-printed-site': root('../fixtures/not-printed-site'),
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

/** Every report's cells read back from the published per-year files and cells.csv only. */
function readBackArchive(reports: readonly ReportBase[]): Map<string, Map<string, LongCell>> {
  const dict = dictionaryCells(dictionaryCsv());
  return new Map(
    archiveYears(reports).flatMap((year) => [
      ...readBackYear(
        year,
        [...yearCsvChunks(reports, year)].join(''),
        [...yearNotesChunks(reports, year)].join(''),
        dict,
      ),
    ]),
  );
}

/** Every year's archive JSON, parsed; reports concatenated. */
const archiveReports = (reports: readonly ReportBase[]) =>
  archiveYears(reports).flatMap((y) => {
    const doc = JSON.parse([...yearJsonChunks(reports, y, (r) => `/reports/${r.id}/`)].join(''));
    expect(doc.year).toBe(y);
    return doc.reports as ReturnType<typeof reportJson>[];
  });

const sortedCells = byCellId;

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
    expect([...readBackArchive(reports).keys()].sort()).toEqual(files.map((f) => f.id).sort());
  });

  it('wide + notes files: every YAML number exactly once, blanks blank, not-printed, units, notes and corrections as loaded', () => {
    const back = readBackArchive(reports);
    for (const { id, file } of files) {
      const expected = yamlNumbers(file);
      const mine = [...back.get(id)!.values()];
      const values = mine.filter((r) => r.status === 'value').map((r) => r.value);
      expect(values.sort(), id).toEqual(expected.numbers);
      const blanks = mine.filter((r) => r.status === 'blank');
      expect(blanks.length, `${id} blanks`).toBe(expected.blanks);
      expect(blanks.every((r) => r.value === '')).toBe(true);
      const report = reports.find((r) => r.id === id)!;
      const t = report.tables;
      expect(
        mine
          .filter((r) => r.status === 'not_printed')
          .map((r) => r.cell)
          .sort(),
        id,
      ).toEqual([...t.notPrinted].sort());
      const pick = (k: 'unit' | 'note') =>
        Object.fromEntries(mine.filter((r) => r[k] !== '').map((r) => [r.cell, r[k]]));
      // A unit the YAML leaves null (none printed) is an empty unit.
      const units = Object.entries(t.units).filter(([, u]) => u);
      expect(pick('unit'), `${id} units`).toEqual(Object.fromEntries(units));
      expect(pick('note'), `${id} notes`).toEqual(t.cellNotes);
      const corrected = mine.filter((r) => r.corrected !== '').map((r) => r.cell);
      expect(corrected.sort(), `${id} corrected`).toEqual(
        [...new Set(report.corrections.flatMap((c) => c.cells.map((x) => x.cell)))].sort(),
      );
    }
  });

  it('a report’s data.csv says exactly what the wide and notes files say', () => {
    const back = readBackArchive(reports);
    for (const report of reports) {
      const own = csvRecords(reportCsv(report), REPORT_FIELDS) as unknown as LongCell[];
      expect(sortedCells(own), report.id).toEqual(sortedCells(back.get(report.id)!.values()));
    }
  });

  it('archive-<year>.json and each data.json say exactly what the CSV files say; the only numbers are values, year, template and corrections', () => {
    const back = readBackArchive(reports);
    const list = archiveReports(reports);
    expect(list.map((r) => `${r.agency.id}/${r.year}`).sort()).toEqual(
      files.map((f) => f.id).sort(),
    );
    const numbers = jsonNumbers(list.map(({ values: _v, ...rest }) => rest));
    expect([...new Set(numbers.map(([k]) => k))].sort()).toEqual(['template', 'year']);
    for (const report of reports) {
      const fromYear = list.find((r) => `${r.agency.id}/${r.year}` === report.id)!;
      const json = JSON.parse(reportJsonText(report, `/reports/${report.id}/`));
      expect(json).toEqual(reportJson(report, `/reports/${report.id}/`));
      expect(json).toEqual(fromYear);
      expect(sortedCells(readBackJson(json).values()), report.id).toEqual(
        sortedCells(back.get(report.id)!.values()),
      );
    }
  });
});

describe('cell records, as published', () => {
  const fixture = loadArchive(ARCHIVES['build-site']);
  const get = (id: string) => fixture.reports.find((r) => r.id === id) as ArchiveReport;
  const cell = (id: string, path: string) => cellRecords(get(id)).find((c) => c.cell === path)!;

  it('the per-report files are lean: cell ids, no labels', () => {
    const text = reportCsv(get('fixture-city-gov/2021'));
    expect(text.split('\r\n')[0]).toBe('\uFEFFcell,value,status,unit,note,corrected');
    expect(text).toContain('\r\napplications.withheld.state_secret.business,0,value,,,\r\n');
    expect(text).not.toContain('国家秘密');
    // One printed row per line: the JSON nests table, row and column ids.
    const json = reportJsonText(get('fixture-city-gov/2021'), '/p/');
    expect(json).toContain('\n      "fees": {"amount":1520.37}\n');
    expect(json).toContain(
      '\n        "state_secret": {"natural":0,"business":0,"research":0,"nonprofit":0,"legal":0,"other":0,"total":0},\n',
    );
    expect(json).not.toContain('国家秘密');
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
      '\r\nproactive.normative_documents.issued,22,value,,（其中修订 16 件）,2022-03-02\r\n',
    );
    expect(text).toContain('\r\napplications.disclosed.natural,70,value,,,2022-03-02\r\n');
    expect(text).toContain('\r\nappeals.review.corrected,1,value,,,2024-06-15\r\n');
    expect(text).toContain('\r\napplications.disclosed.business,9,value,,,\r\n');
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
    // The JSON's value is the corrected one; the record above holds the old.
    expect(json.values.appeals.review.corrected).toBe(1);
    // A report without corrections says so with an empty list.
    const plain = JSON.parse(reportJsonText(get('fixture-city-gov/2020'), '/p/'));
    expect(plain.corrections).toEqual([]);
    // The notes file of the year dates the corrected cells, and only those, with their note.
    const notes = csvRecords([...yearNotesChunks([report], 2021)].join(''), NOTE_FIELDS);
    expect(
      notes.filter((n) => n.corrected !== '').map((n) => [n.cell, n.value, n.note, n.corrected]),
    ).toEqual([
      ['proactive.normative_documents.issued', '22', '（其中修订 16 件）', '2022-03-02'],
      ['applications.disclosed.natural', '70', '', '2022-03-02'],
      ['appeals.review.corrected', '1', '', '2024-06-15'],
    ]);
  });

  it('CSV text: blank is an empty value with status blank, hostile text is quoted, not executed', () => {
    const text = reportCsv(get('fixture-county-fgj/2023'));
    expect(text).toContain('\r\napplications.received.business,,blank,,,\r\n');
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
  const fixture = loadArchive(ARCHIVES['build-site']).reports;
  const pkg = dataPackage({
    reports: 3,
    years: yearTables(fixture),
    homepage: 'https://example.org/data/',
  });
  const [cells, wide2020, notes2020, json2020] = pkg.resources as any[];

  it('lists the dictionary and per year a wide CSV, its notes and a JSON, every column in order', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual([
      'cells.csv',
      'archive-2020.csv',
      'archive-2020-notes.csv',
      'archive-2020.json',
      'archive-2021.csv',
      'archive-2021-notes.csv',
      'archive-2021.json',
      'archive-2023.csv',
      'archive-2023-notes.csv',
      'archive-2023.json',
    ]);
    expect(cells.schema.fields.map((f: DataField) => [f.name, f.type])).toEqual(
      DICTIONARY_FIELDS.map((f) => [f.name, f.type]),
    );
    // The wide file: three columns, then one number column per cell of the 2019 template (2020).
    const wideFields = wide2020.schema.fields.map((f: DataField) => f.name);
    expect(wideFields.slice(0, 3)).toEqual(['agency_id', 'agency_name', 'template']);
    expect(wideFields.slice(3)).toEqual(cellDeclarations(2019).map((c) => c.path));
    expect(wide2020.schema.fields[3]).toEqual({
      name: 'proactive.regulations.made',
      type: 'number',
    });
    expect(wide2020.schema.missingValues).toEqual(['', '未印出']);
    // Its header is exactly what the file prints.
    const header = [...yearCsvChunks(fixture, 2020)][0]!;
    expect(header).toBe(`\uFEFF${wideFields.join(',')}\r\n`);
    expect(notes2020.schema.fields.map((f: DataField) => f.name)).toEqual([
      'agency_id',
      'year',
      'template',
      'cell',
      'value',
      'status',
      'unit',
      'note',
      'corrected',
    ]);
    expect(notes2020.schema.fields.at(-1)).toMatchObject({ name: 'corrected', type: 'date' });
    expect(notes2020.schema.foreignKeys).toEqual([
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
      [...cells.schema.fields, ...notes2020.schema.fields].find((f: DataField) => f.name === name)!;
    expect(field('template').constraints?.enum).toEqual([2019, 2021]);
    expect(field('table').constraints?.enum).toEqual(['proactive', 'applications', 'appeals']);
    expect(field('row_id').constraints?.enum).toContain('other.no_correction');
    expect(field('row_id').constraints?.enum).toContain('other');
    expect(field('column_label').constraints?.enum).toContain(
      '申请人情况 › 法人或其他组织 › 商业企业',
    );
    // A group of table 三 printed as one row has its own cells in the dictionary.
    expect(field('cell').constraints?.enum).toContain('applications.other.natural');
    expect(field('status').constraints?.enum).toEqual(['value', 'blank', 'not_printed']);
  });

  it('every record of the fixtures and of the dictionary meets the enum constraints', () => {
    const reports = [ARCHIVES['build-site'], ARCHIVES['not-printed-site']].flatMap(
      (d) => loadArchive(d).reports,
    );
    const notes = archiveYears(reports).flatMap((y) =>
      csvRecords([...yearNotesChunks(reports, y)].join(''), NOTE_FIELDS),
    );
    expect(notes.some((n) => n.status === 'not_printed')).toBe(true);
    const dict = csvRecords(dictionaryCsv(), DICTIONARY_FIELDS);
    for (const [resource, records] of [
      [notes2020, notes],
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
  it('a year without reports is a valid JSON document and CSVs with their header only', () => {
    expect(JSON.parse([...yearJsonChunks([], 2020, () => '')].join(''))).toEqual({
      title: '政府信息公开工作年度报告统计表',
      year: 2020,
      reports: [],
    });
    expect([...yearCsvChunks([], 2020)].join('')).toBe(
      `\uFEFF${WIDE_HEAD_FIELDS.map((f) => f.name).join(',')}\r\n`,
    );
    expect([...yearNotesChunks([], 2020)].join('')).toBe(
      `\uFEFF${NOTE_FIELDS.map((f) => f.name).join(',')}\r\n`,
    );
  });

  it('the wide file of a report printed in part: not-printed cells marked, a blank empty, a 0 a 0', () => {
    const site = loadArchive(ARCHIVES['not-printed-site']).reports;
    const [header, row] = parseCsv([...yearCsvChunks(site, 2021)].join('').slice(1));
    const at = (cell: string) => row![header!.indexOf(cell)];
    expect(at('appeals.review.total')).toBe('未印出');
    expect(at('applications.other.no_correction.natural')).toBe('未印出');
    expect(at('proactive.fees.amount')).toBe('');
    expect(at('applications.withheld.state_secret.research')).toBe('');
    expect(at('applications.carried_over.natural')).toBe('0');
    expect(at('applications.received.natural')).toBe('10');
    // The group printed as one row is not a column; its numbers are in the notes.
    expect(header).not.toContain('applications.other.natural');
    const notes = csvRecords([...yearNotesChunks(site, 2021)].join(''), NOTE_FIELDS);
    expect(notes.find((n) => n.cell === 'applications.other.natural')).toMatchObject({
      value: '1',
      status: 'value',
    });
    expect(notes.find((n) => n.cell === 'proactive.fees.amount')).toMatchObject({
      value: '',
      status: 'blank',
      note: '—',
    });
  });
});
