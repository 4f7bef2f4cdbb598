/**
 * The open-data CSV writer (csv-text.ts) writes the same bytes as csv-stringify, which the files
 * were written with before, for every kind of field: plain, empty, with a comma, a double quote,
 * CRLF, leading formula characters, Chinese text; with and without a byte order mark. One
 * deliberate difference: a lone LF or CR is quoted (csv-stringify with CRLF records left it bare,
 * which splits the row for any reader); the test's own CSV parser reads every field back.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecords } from '../../src/lib/open-data/csv-text.ts';
import { parseCsv } from '../support/csv.ts';

const FIELDS = [
  '',
  'a',
  '0',
  '-1.5',
  '行政复议',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'crlf\r\n',
  "'=1+1",
  '=SUM(A1)',
  '@x',
  ' spaced ',
  '（其中修订 16 件）',
  '\t',
];

describe('csv text', () => {
  it('writes each field as csv-stringify does', () => {
    for (const f of FIELDS)
      expect(csvRecords([[f]]), JSON.stringify(f)).toBe(
        stringify([[f]], { record_delimiter: 'windows' }),
      );
  });

  it('writes records, blank records and the byte order mark as csv-stringify does', () => {
    const rows = [FIELDS, [], ['x'], FIELDS.slice().reverse()];
    expect(csvRecords(rows)).toBe(stringify(rows, { record_delimiter: 'windows' }));
    expect(csvRecords(rows, true)).toBe(
      stringify(rows, { bom: true, record_delimiter: 'windows' }),
    );
    const [header, ...body] = rows;
    expect(csvRecords([header!, ...body], true)).toBe(
      stringify(body, { bom: true, header: true, columns: header!, record_delimiter: 'windows' }),
    );
    expect(csvRecords([])).toBe('');
  });

  it('quotes a lone line break too, and every field reads back', () => {
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('ends\r')).toBe('"ends\r"');
    const rows = [
      [...FIELDS, 'line\nbreak', 'cr\rhere', 'ends\r'],
      ['x', ''],
    ];
    expect(parseCsv(csvRecords(rows))).toEqual(rows);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('行政复议')).toBe('行政复议');
  });
});
