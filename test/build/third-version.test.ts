/**
 * Proof that a new national format touches one place: a fictional third version, declared as data
 * in a fixture (`test/fixtures/third-version/template.json`: table 二's 「本年制发件数」 printed as
 * 「本年新制发件数」, a ninth row under table 三 （三）不予公开), goes through the whole pipeline
 * with nothing in src/ written for it: `npm run check`, the build (report page, agency page),
 * the per-report CSV and JSON, the measures compared across versions, and the importer.
 *
 * Subprocesses get the version through `NIANBAO_TEMPLATES`; this process registers the same file
 * with `registerTemplate`. Expected numbers come from the fixture's YAML, read by `rawCells`
 * (independent of src/lib), and from the fixture's own labels.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import {
  comparabilityNotes,
  measureValue,
  outcomeMeasures,
  sharedProactiveGroups,
} from '../../src/lib/figures/measures.ts';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { cellDeclarations } from '../../src/lib/template/cells.ts';
import { cellAnchor } from '../../src/lib/site/report-view.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATIONS_CORNER,
  APPLICATION_COLUMNS,
  PROACTIVE_ROW_HEADER,
  SECTION_HEADINGS,
} from '../../src/lib/template/declarations.ts';
import { applicationLeaves } from '../../src/lib/template/cells.ts';
import {
  declarationsFromFile,
  registerTemplate,
  templateOf,
  templateVersions,
} from '../../src/lib/template/registry.ts';
import { parseCsv } from '../support/csv.ts';
import { PROJECT_ROOT, buildSite } from '../support/build-site.ts';
import { rawCells } from '../support/raw-cells.ts';

const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/third-version');
const TEMPLATE_FILE = join(FIXTURE, 'template.json');
const NEW_ROW = '9.属于其他依法不予公开的情形';
const RENAMED = '本年新制发件数';
const yaml2029 = rawCells(
  readFileSync(join(FIXTURE, 'data/reports/jiyuan-gongan/2029.yaml'), 'utf8'),
);

for (const declaration of declarationsFromFile(TEMPLATE_FILE)) registerTemplate(declaration);

function check(withTemplates: boolean) {
  const env = { ...process.env };
  if (withTemplates) env.NIANBAO_TEMPLATES = TEMPLATE_FILE;
  else delete env.NIANBAO_TEMPLATES;
  const run = spawnSync(process.execPath, ['scripts/check.ts', FIXTURE], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env,
  });
  return { status: run.status, stdout: run.stdout };
}

describe('a third template version, declared in a fixture', () => {
  it('is registered beside the national versions', () => {
    expect(templateVersions()).toEqual([2019, 2021, 2029]);
    expect(templateOf(2029).citation).toBe('国办公开办函〔2029〕1号');
  });

  it('npm run check accepts a report in it, and only when the version is declared', () => {
    expect(check(true)).toEqual({
      status: 0,
      stdout: '内容检查通过：没有发现问题。\n共 1 个机构，2 份报告。\n',
    });
    const without = check(false);
    expect(without.status).toBe(1);
    expect(without.stdout).toContain(
      '模板版本应为 2019 或 2021（分别对应国办公开办函〔2019〕60号和〔2021〕30号的格式），实为数字 2029。',
    );
  });

  it('the content reader takes every cell of the new row, and its rules', () => {
    const archive = loadArchive(FIXTURE);
    expect(formatReport(archive.problems)).toBe('内容检查通过：没有发现问题。');
    const report = archive.reports.find((r) => r.id === 'jiyuan-gongan/2029')!;
    expect(report.tables.template).toBe(2029);
    // 2021: 二 10 cells, 三 25 rows × 7, 四 15; the new version has one row more in 三.
    expect(cellDeclarations(2029)).toHaveLength(10 + 26 * 7 + 15);
    expect(report.tables.cells['applications.withheld.other_grounds.natural']).toBe(1);
    expect(report.tables.cells['applications.withheld.other_grounds.total']).toBe(1);
  });

  it('the measures compare what both versions print, and say what they do not', () => {
    const archive = loadArchive(FIXTURE);
    const [r2028, r2029] = ['jiyuan-gongan/2028', 'jiyuan-gongan/2029'].map(
      (id) => archive.reports.find((r) => r.id === id)!.tables,
    );
    const withheld = outcomeMeasures([2021, 2029]).find((m) => m.id === 'outcome.withheld')!;
    expect(withheld.paths[2021]).toHaveLength(8);
    expect(withheld.paths[2029]).toHaveLength(9);
    expect(measureValue(withheld, r2028!)).toBe(1);
    expect(measureValue(withheld, r2029!)).toBe(2); // 5.属于三类内部事务信息 1 + the new row 1
    const issued = sharedProactiveGroups([2021, 2029])
      .flatMap((g) => g.cells)
      .find((c) => c.path === 'proactive.regulations.issued')!;
    expect(issued.column).toBe(`本年制发件数 / ${RENAMED}`);
    const notes = comparabilityNotes([2021, 2029]);
    expect(notes[0]).toMatch(
      /^表三「（三）不予公开」在 2021 年版分为 8 行（.*）；?，在 2029 年版分为 9 行（.*9\.属于其他依法不予公开的情形）：本页只比较该项合计，不比较其下各行。$/u,
    );
  });

  it('the importer recognises the version by its labels and places every number', () => {
    const archive = loadArchive(FIXTURE);
    const report = archive.reports.find((r) => r.id === 'jiyuan-gongan/2029')!;
    const cells = report.tables.cells;
    const cellText = (path: string) => String(cells[path] ?? '');
    const lines = ['2029年济源示范区公安局政府信息公开工作年度报告', SECTION_HEADINGS[1]];
    for (const s of templateOf(2029).proactive) {
      lines.push(s.heading, [PROACTIVE_ROW_HEADER, ...s.columns.map((c) => c.label)].join('\t'));
      for (const row of s.rows) {
        lines.push(
          [row.label, ...s.columns.map((c) => cellText(`proactive.${row.id}.${c.id}`))].join('\t'),
        );
      }
    }
    lines.push(SECTION_HEADINGS[2], `${APPLICATIONS_CORNER}\t申请人情况`);
    lines.push(['', ...APPLICATION_COLUMNS.map((c) => c.label)].join('\t'));
    for (const leaf of applicationLeaves(templateOf(2029))) {
      const key = ['applications', ...leaf.keys].join('.');
      lines.push(
        [...leaf.labels, ...APPLICATION_COLUMNS.map((c) => cellText(`${key}.${c.id}`))].join('\t'),
      );
    }
    lines.push(SECTION_HEADINGS[3], '行政复议\t\t\t\t\t行政诉讼');
    lines.push(
      APPEALS_ROWS.flatMap((r) => APPEALS_COLUMNS.map((c) => cellText(`appeals.${r.id}.${c.id}`)))
        .map((v) => v || '0')
        .join('\t'),
    );
    lines.push(SECTION_HEADINGS[4], '无。', SECTION_HEADINGS[5], '无。');
    const result = importReport(lines.join('\n') + '\n', { year: 2029 });
    expect(result.template).toBe(2029);
    expect(result.templateEvidence).toContain(RENAMED);
    expect(result.cells).toEqual(cells);
  });
});

describe('the site built with the third version', () => {
  let out = '';
  beforeAll(() => {
    process.env.NIANBAO_TEMPLATES = TEMPLATE_FILE;
    out = buildSite({ content: FIXTURE });
  });
  afterAll(() => {
    delete process.env.NIANBAO_TEMPLATES;
  });
  const page = (path: string): HTMLElement =>
    parse(readFileSync(join(out, path, 'index.html'), 'utf8'));
  const text = (el: HTMLElement | null | undefined) =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('the report page prints the new row with its numbers and the renamed column', () => {
    const doc = page('reports/jiyuan-gongan/2029');
    const row = doc.querySelectorAll('tr').find((tr) => text(tr.querySelector('th')) === NEW_ROW);
    expect(row).toBeDefined();
    // A cell's id is derived from its path (cellAnchor).
    const values = row!.querySelectorAll('td').map((td) => td.id);
    expect(values).toEqual(
      APPLICATION_COLUMNS.map((c) => cellAnchor(`applications.withheld.other_grounds.${c.id}`)),
    );
    expect(row!.querySelectorAll('td').map((td) => text(td))).toEqual(
      ['natural', 'business', 'research', 'nonprofit', 'legal', 'other', 'total'].map((c) =>
        String(yaml2029.get(`applications.withheld.other_grounds.${c}`) ?? ''),
      ),
    );
    const headers = doc.querySelectorAll('th').map((th) => text(th));
    expect(headers).toContain(RENAMED);
    expect(headers).not.toContain('本年制发件数');
    expect(text(doc.querySelector('body'))).toContain('2029 年版');
  });

  it('the report’s CSV and JSON carry every cell of the new version, values as in the YAML', () => {
    const rows = parseCsv(
      readFileSync(join(out, 'reports/jiyuan-gongan/2029/data.csv'), 'utf8').replace(/^\uFEFF/, ''),
    );
    const [head, ...records] = rows;
    const at = (name: string) => head!.indexOf(name);
    expect(records.map((r) => r[at('cell')])).toEqual([...yaml2029.keys()]);
    for (const r of records) {
      expect(r[at('value')]).toBe(String(yaml2029.get(r[at('cell')]!) ?? ''));
    }
    // Labels are in the cell dictionary, keyed by template version and cell id.
    const [dHead, ...dict] = parseCsv(
      readFileSync(join(out, 'data/cells.csv'), 'utf8').replace(/^\uFEFF/, ''),
    );
    const d = (name: string) => dHead!.indexOf(name);
    const dict2029 = dict.filter((r) => r[d('template')] === '2029');
    // The dictionary also lists each group of table 三 printed as one row (row_id = the group,
    // which other rows extend); the other cells are exactly the YAML's.
    const isGroup = (rowId: string) =>
      dict2029.some((o) => o[d('row_id')]!.startsWith(`${rowId}.`));
    expect(dict2029.filter((r) => !isGroup(r[d('row_id')]!)).map((r) => r[d('cell')])).toEqual([
      ...yaml2029.keys(),
    ]);
    expect(dict2029.map((r) => r[d('cell')])).toContain('applications.withheld.natural');
    const newRow = dict2029.filter((r) => r[d('row_id')] === 'withheld.other_grounds');
    expect(newRow).toHaveLength(7);
    expect(newRow[0]![d('row_label')]).toBe(`三、本年度办理结果 › （三）不予公开 › ${NEW_ROW}`);
    const json = JSON.parse(
      readFileSync(join(out, 'reports/jiyuan-gongan/2029/data.json'), 'utf8'),
    ) as { values: Record<string, unknown> };
    // Values nest table, row and column ids; joined with dots they are the cell ids.
    const flat = (node: unknown, prefix: string): [string, unknown][] =>
      node !== null && typeof node === 'object'
        ? Object.entries(node).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k))
        : [[prefix, node]];
    expect(flat(json.values, '')).toEqual([...yaml2029.entries()]);
  });

  it('the agency page compares the two versions and says what it leaves out', () => {
    const body = text(page('agencies/jiyuan-gongan').querySelector('body'));
    expect(body).toContain('表三「（三）不予公开」在 2021 年版分为 8 行');
    expect(body).toContain(`在 2029 年版分为 9 行`);
    expect(body).toContain(`本年制发件数 / ${RENAMED}`);
  });
});
