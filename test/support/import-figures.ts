/**
 * Prints the importer's figures per input kind: of the hand-checked cells of each report, how
 * many the import put right, how many it put wrong (a placed cell whose value differs from the
 * hand-checked YAML) and how many it did not place (listed for the editor, left null).
 *
 * A cell counts as placed only when the importer established its row and column
 * (`ImportResult.placedCells`), so a blank cell of a row that was not read is "not placed", never
 * "right by luck".
 *
 * Run: `npx node test/support/import-figures.ts` (reads the committed inputs; writes nothing).
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { readInput } from '../../src/lib/importer/inputs/index.ts';
import { readReportData } from '../../src/lib/content/report-data/read.ts';
import { GENERATED_REPORTS, renderReport } from './make-import-inputs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Tally {
  files: number;
  /** The same counts over the cells that print a number (blanks left out). */
  numbers?: Tally;
  cells: number;
  right: number;
  wrong: number;
  unplaced: number;
}

const handChecked = (id: string) =>
  readReportData('x.yaml', readFileSync(`${ROOT}data/reports/${id}.yaml`, 'utf8'), []).tables
    ?.cells ?? {};

/** Imports one input and counts its cells against the hand-checked YAML of `id`. */
export async function tally(data: Uint8Array, name: string, id: string): Promise<Tally> {
  const expected = handChecked(id);
  const input = await readInput(data, name);
  const result = importReport(input.text, {
    year: Number(id.split('/')[1]),
    fileName: name,
    inputUnplaced: input.unplaced,
    places: input.places ?? [],
  });
  const placed = new Set(result.placedCells);
  const t: Tally = { files: 1, cells: 0, right: 0, wrong: 0, unplaced: 0 };
  const n: Tally = { files: 1, cells: 0, right: 0, wrong: 0, unplaced: 0 };
  for (const [path, value] of Object.entries(expected)) {
    for (const c of value === null ? [t] : [t, n]) {
      c.cells++;
      if (!placed.has(path)) c.unplaced++;
      else if (result.cells[path] === value) c.right++;
      else c.wrong++;
    }
  }
  return { ...t, numbers: n };
}

const add = (a: Tally, b: Tally): Tally => ({
  files: a.files + b.files,
  cells: a.cells + b.cells,
  right: a.right + b.right,
  wrong: a.wrong + b.wrong,
  unplaced: a.unplaced + b.unplaced,
  ...(a.numbers || b.numbers ? { numbers: add(a.numbers ?? ZERO, b.numbers ?? ZERO) } : {}),
});
const ZERO: Tally = { files: 0, cells: 0, right: 0, wrong: 0, unplaced: 0 };

const file = (rel: string) => new Uint8Array(readFileSync(ROOT + rel));
const generated = (id: string, suffix: string) =>
  file(`test/fixtures/import-inputs/generated/${id.replace('/', '-')}.${suffix}`);
const corpusName = (id: string) => {
  const [agency, year] = id.split('/');
  return `${year}-${agency}`;
};
/** What a browser copy of the rendered page gives: each paragraph and table cell a line. */
const browserCopy = (id: string) =>
  new TextEncoder().encode(
    parse(renderReport(id))
      .querySelectorAll('h1, p, td')
      .map((el) => el.textContent.trim())
      .join('\n'),
  );

export async function figures(): Promise<[string, Tally][]> {
  const kinds: [string, (id: string) => [Uint8Array, string]][] = [
    ['Chromium print to PDF', (id) => [generated(id, 'chromium.pdf'), 'x.pdf']],
    ['LibreOffice PDF export', (id) => [generated(id, 'lo.pdf'), 'x.pdf']],
    ['.docx (LibreOffice)', (id) => [generated(id, 'lo.docx'), 'x.docx']],
    ['.xlsx (LibreOffice)', (id) => [generated(id, 'lo.xlsx'), 'x.xlsx']],
    ['GBK page', (id) => [generated(id, 'gbk.html'), 'x.html']],
    [
      'corpus text forms',
      (id) => [file(`test/fixtures/corpus/${corpusName(id)}.txt`), `${corpusName(id)}.txt`],
    ],
    ['browser copy, one cell per line', (id) => [browserCopy(id), 'copy.txt']],
  ];
  const out: [string, Tally][] = [
    [
      'published 淮安 PDF (WPS)',
      await tally(
        file('test/fixtures/import-inputs/published/2024-huaianshi-zhengfu.pdf'),
        '2024-huaianshi-zhengfu.pdf',
        'huaianshi-zhengfu/2024',
      ),
    ],
  ];
  for (const [kind, make] of kinds) {
    let sum = ZERO;
    for (const id of GENERATED_REPORTS) {
      const [data, name] = make(id);
      sum = add(sum, await tally(data, name, id));
    }
    out.push([kind, sum]);
  }
  return out;
}

async function main(): Promise<void> {
  const rows = await figures();
  for (const [title, pick] of [
    ['all cells (blanks included)', (t: Tally) => t],
    ['cells that print a number', (t: Tally) => t.numbers ?? ZERO],
  ] as const) {
    console.log(`\n${title}\n`);
    console.log('| input | files | cells | right | wrong | not placed |');
    console.log('|---|---|---|---|---|---|');
    for (const [kind, t] of rows) {
      const c = pick(t);
      console.log(
        `| ${kind} | ${t.files} | ${c.cells} | ${c.right} | ${c.wrong} | ${c.unplaced} |`,
      );
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
