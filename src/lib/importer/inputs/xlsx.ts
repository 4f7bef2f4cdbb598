/**
 * The national form filled in a spreadsheet (.xlsx): every sheet's cells in the importer's tab
 * form, a row per line, merged cells printed once (in their first cell) like a web table copied
 * as text. Cell values are the values the spreadsheet shows: a formula's cached result, never
 * the formula.
 *
 * The workbook is unpacked by `zip.ts` under size caps and its XML read with fast-xml-parser.
 */

import { XMLParser } from 'fast-xml-parser';
import { SECTION_HEADINGS } from '../../template/declarations.ts';
import { headingIndex } from '../labels.ts';
import { InputError } from './errors.ts';
import { readZip } from './zip.ts';

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Text stays text: "0517" must not become 517, nor "1.50" 1.5.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ['sheet', 'row', 'c', 'si', 'r', 'mergeCell', 'Relationship'].includes(name),
});

function list(v: unknown): Xml[] {
  return Array.isArray(v) ? (v as Xml[]) : v === undefined ? [] : [v as Xml];
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  const o = v as Xml;
  if ('#text' in o) return String(o['#text']);
  return '';
}

/** A shared or inline string: plain <t>, or rich text runs <r><t>. */
function richText(si: Xml): string {
  if (si['t'] !== undefined) return text(si['t']);
  return list(si['r'])
    .map((r) => text(r['t']))
    .join('');
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/u.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowIndex(ref: string): number {
  return Number(/\d+$/u.exec(ref)?.[0] ?? '1') - 1;
}

/** A number as the sheet shows it, without binary noise (96171.600000000006 → 96171.6). */
function showNumber(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return String(Number(n.toPrecision(12)));
}

export interface XlsxRead {
  readonly text: string;
  readonly sheets: number;
  /** Where each line of `text` is in the workbook (「工作表「表三」第 12 行」); '' for a line added. */
  readonly places: readonly string[];
}

/**
 * Which table a row starts, for a workbook that does not print the report's section headings:
 * the first row of 表二 names 第二十条, 表三 opens with its corner note or 申请人情况, 表四 with
 * 行政复议. Returns the section index (1–3) or -1.
 */
function tableStart(row: readonly string[]): number {
  const text = row.join('');
  if (/第[一二三四五六七八九十]+条/u.test(text)) return 1;
  if (/(勾稽关系|申请人情况|本年新收)/u.test(text)) return 2;
  if (/行政复议/u.test(text)) return 3;
  return -1;
}

export function readXlsx(data: Uint8Array, fileName: string): XlsxRead {
  const files = readZip(data, fileName);
  const decode = (name: string): Xml | null => {
    const bytes = files.get(name);
    return bytes ? (parser.parse(new TextDecoder('utf-8').decode(bytes)) as Xml) : null;
  };
  const workbook = decode('xl/workbook.xml');
  if (!workbook) {
    throw new InputError(
      `${fileName} 不是 Excel 工作簿（.xlsx 中没有 xl/workbook.xml）。请用 Excel/WPS 打开后另存为 .xlsx 再导入。`,
    );
  }
  const shared = list(
    ((decode('xl/sharedStrings.xml')?.['sst'] as Xml | undefined) ?? {})['si'],
  ).map(richText);
  const rels = list(
    ((decode('xl/_rels/workbook.xml.rels')?.['Relationships'] as Xml | undefined) ?? {})[
      'Relationship'
    ],
  );
  const sheets = list(((workbook['workbook'] as Xml)?.['sheets'] as Xml | undefined)?.['sheet']);
  const out: string[] = [];
  const places: string[] = [];
  let read = 0;
  const headings = new Set<number>();
  // A workbook that prints the report's own section headings keeps them; others get them supplied.
  const printsHeadings = [...files.entries()].some(
    ([name, bytes]) =>
      name.startsWith('xl/') &&
      /[二三四]、(主动公开|收到和处理|政府信息公开行政复议)/u.test(
        new TextDecoder('utf-8').decode(bytes),
      ),
  );
  for (const sheet of sheets) {
    const rid = String(sheet['@id'] ?? '');
    const sheetName = String(sheet['@name'] ?? '').trim() || `${read + 1}`;
    const target = String(rels.find((r) => r['@Id'] === rid)?.['@Target'] ?? '');
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//u, '')}`;
    const ws = decode(path)?.['worksheet'] as Xml | undefined;
    if (!ws) continue;
    read++;
    const grid: string[][] = [];
    for (const row of list((ws['sheetData'] as Xml | undefined)?.['row'])) {
      for (const c of list(row['c'])) {
        const ref = String(c['@r'] ?? '');
        const type = String(c['@t'] ?? 'n');
        const v = text(c['v']);
        let value: string;
        if (type === 's') value = shared[Number(v)] ?? '';
        else if (type === 'inlineStr') value = richText((c['is'] as Xml) ?? {});
        else if (type === 'str' || type === 'e') value = v;
        else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
        else value = v === '' ? '' : showNumber(v);
        const r = rowIndex(ref);
        const k = columnIndex(ref);
        (grid[r] ??= [])[k] = value.replace(/[\t\r\n]+/gu, ' ').trim();
      }
    }
    // Merged cells are one cell, as printed: the positions a merge covers (all but its first) are
    // dropped, like the cells a web table's colspan/rowspan leaves out.
    const covered = new Set<string>();
    let width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
    for (const m of list((ws['mergeCells'] as Xml | undefined)?.['mergeCell'])) {
      const [from = '', to = ''] = String(m['@ref'] ?? '').split(':');
      const r0 = rowIndex(from);
      const c0 = columnIndex(from);
      const r1 = rowIndex(to);
      const c1 = columnIndex(to);
      if (r1 - r0 > 10_000 || c1 - c0 > 1_000) continue;
      width = Math.max(width, c1 + 1);
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(`${r}:${c}`);
    }
    const rows = Array.from(grid, (r, ri) =>
      Array.from({ length: width }, (_, ci) =>
        covered.has(`${ri}:${ci}`) ? null : (r?.[ci] ?? ''),
      ).filter((c): c is string => c !== null),
    );
    const filledCount = (r: readonly string[] | undefined) =>
      (r ?? []).filter((c) => c.trim() !== '').length;
    let inTable = false;
    for (const [ri, r] of rows.entries()) {
      const cells = r.map((c) => c.trim());
      const filled = cells.filter((c) => c !== '');
      if (filled.length === 0) continue;
      const next = rows.slice(ri + 1).find((n) => filledCount(n) > 0);
      const place = `工作表「${sheetName}」第 ${ri + 1} 行`;
      const start = tableStart(cells);
      if (start > 0 && !headings.has(start)) {
        headings.add(start);
        if (!printsHeadings) {
          out.push('', SECTION_HEADINGS[start] ?? '', '');
          places.push('', '', '');
        }
      }
      // A lone text cell (a title, a heading, a note) is a line of text, not a table row; but a
      // row label with every cell of its row printed blank, between two table rows, is a row.
      const blankRow = inTable && cells.length > 1 && cells[0] !== '' && filledCount(next) >= 2;
      if (
        filled.length === 1 &&
        cells.findIndex((c) => c !== '') === 0 &&
        !/^\d/u.test(filled[0] ?? '') &&
        !blankRow
      ) {
        out.push(filled[0] ?? '');
        places.push(place);
        inTable = false;
        continue;
      }
      out.push(cells.join('\t'));
      places.push(place);
      inTable = true;
    }
    out.push('');
    places.push('');
  }
  if (read === 0) throw new InputError(`${fileName} 中没有可读的工作表。`);
  return { text: `${out.join('\n')}\n`, sheets: read, places };
}
