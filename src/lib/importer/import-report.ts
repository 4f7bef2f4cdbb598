/**
 * The importer: a published report (text or HTML) in, the archive's YAML and MDX out, with a
 * list of everything it could not read. Pure: no file system, no clock.
 */

import { stringify } from 'yaml';
import { UNCONFIRMED_IMPORT_NOTE, type Discrepancy } from '../template/model.ts';
import { blankTotals as blankTotalCells, checksFor, failingChecks } from '../template/rules.ts';
import { TABLE_COMPONENTS, type TableComponent } from '../content/report-prose.ts';
import { cellDeclarations } from '../template/cells.ts';
import {
  APPLICATION_COLUMNS,
  SECTION_HEADINGS,
  TABLE_SHORT,
  type TableId,
  type TemplateVersion,
} from '../template/declarations.ts';
import { versionByVotes } from '../template/registry.ts';
import { readFrame, tidyTitle, type Section } from './document.ts';
import { templateVotes } from './labels.ts';
import { isWrapped, lineWidth, paragraphMdx, paragraphs } from './prose.ts';
import { readSource, type InputFormat, type SourceLine } from './source.ts';
import { readAppeals } from './tables/appeals.ts';
import { readApplications } from './tables/applications.ts';
import { readProactive } from './tables/proactive.ts';
import {
  emptyRead,
  splitTableBlock,
  type TableBlock,
  type TableRead,
  type Unplaced,
} from './tables/rows.ts';
import type { Problem } from '../content/problems.ts';
import { writeReportYaml } from './write-yaml.ts';
import type { LayoutUnplaced } from './inputs/layout.ts';

export interface ImportOptions {
  /** Overrides the year read from the title. */
  readonly year?: number;
  /** The input's file name, named in the YAML header. */
  readonly fileName?: string;
  /** Numbers the input layer (a PDF's page layout) could not place: they make the import a draft. */
  readonly inputUnplaced?: readonly LayoutUnplaced[];
  /** The original's place of each line of a converted input (`InputRead.places`). */
  readonly places?: readonly string[];
}

export interface ImportResult {
  readonly format: InputFormat;
  readonly title: string | null;
  readonly year: number | null;
  readonly published: string | null;
  readonly source: string | null;
  /** The agency's name as the title prints it ("上海市人民政府办公厅"). */
  readonly agencyName: string | null;
  readonly template: TemplateVersion;
  /** Why this template version: the labels that voted for it. */
  readonly templateEvidence: string;
  readonly cells: Readonly<Record<string, number | null>>;
  /**
   * Cells whose row and column were established, in the template's order: every other cell is
   * null because it was not read, not because the original left it blank.
   */
  readonly placedCells: readonly string[];
  readonly units: Readonly<Record<string, string | null>>;
  readonly cellNotes: Readonly<Record<string, string>>;
  /** Rules the published numbers break, written under `discrepancies`. */
  readonly discrepancies: readonly Discrepancy[];
  readonly issues: readonly Problem[];
  readonly unplaced: readonly Unplaced[];
  readonly numbersSeen: number;
  readonly numbersPlaced: number;
  /** Numbers the input layer could not place (by page). */
  readonly inputUnplaced: readonly LayoutUnplaced[];
  /** True when every number was placed and every row found. */
  readonly complete: boolean;
  /** True when the YAML carries `status: draft`: something was not placed or needs an editor. */
  readonly draft: boolean;
  /** Tables written as `not_printed` (no number of theirs was found in the text). */
  readonly notPrinted: readonly TableId[];
  readonly yaml: string;
  readonly mdx: string;
}

/** Sections 二, 三 and 四 hold the tables, in this order. */
const TABLE_SECTIONS: readonly { index: number; table: TableId }[] = [
  { index: 1, table: 'proactive' },
  { index: 2, table: 'applications' },
  { index: 3, table: 'appeals' },
];

const COMPONENT_BY_TABLE = Object.fromEntries(
  (Object.entries(TABLE_COMPONENTS) as [TableComponent, TableId][]).map(([c, t]) => [t, c]),
) as Record<TableId, TableComponent>;

/** Written on every rule failure found; the content check refuses it until an editor confirms. */
export const IMPORTED_NOTE = UNCONFIRMED_IMPORT_NOTE;

/** The agency's name from a report title: the title without the year and the report's name. */
export function agencyFromTitle(title: string): string | null {
  const name = title
    .replace(/\d{4}\s*年度?/gu, '')
    .replace(/(政府信息公开|政务公开|信息公开)?(工作)?(年度报告|年报)$/u, '')
    .trim();
  return name === '' ? null : name;
}

export function importReport(input: string, options: ImportOptions = {}): ImportResult {
  const doc = readSource(input, options.places);
  const frame = readFrame(doc);
  // Problems are about the original: they name its file, and the table (as the field).
  const file = options.fileName ?? '原文';
  const issues: Problem[] = [];
  const title = frame.title;
  const year = options.year ?? frame.year;
  if (!title)
    issues.push({
      file,
      severity: 'warning',
      message: '没有找到报告标题（含“年度报告”的一行）。',
    });
  if (options.year !== undefined && frame.year !== null && frame.year !== options.year) {
    issues.push({
      file,
      severity: 'warning',
      message: `标题中的年份是 ${frame.year}，命令指定的是 ${options.year}：按命令指定的年份写入。`,
    });
  }

  const byIndex = new Map<number, Section>(frame.sections.map((s) => [s.index, s]));
  const blocks = new Map<TableId, TableBlock>();
  for (const { index, table } of TABLE_SECTIONS) {
    blocks.set(table, splitTableBlock(byIndex.get(index)?.lines ?? []));
  }

  // Template version: the labels the tables print decide; the year only breaks a tie.
  const tableText = [...blocks.values()]
    .flatMap((b) => b.table)
    .map((l) => l.text)
    .join('\n');
  const votes = templateVotes(tableText);
  const { version: template, byLabels } = versionByVotes(votes, year);
  let templateEvidence: string;
  if (byLabels) {
    templateEvidence = `表格标签：${(votes.get(template) ?? []).slice(0, 4).join('、')}`;
  } else {
    templateEvidence = `表格标签无法区分，按年份 ${year ?? '（未知）'} 推定`;
    issues.push({
      file,
      severity: 'warning',
      message: `无法从表格标签判断模板版本，按年份推定为 ${template} 年版。请对照原文核对。`,
    });
  }

  const read: TableRead = emptyRead(template, file);
  const seenBy = new Map<TableId, number>();
  const readers = [
    ['proactive', readProactive],
    ['applications', readApplications],
    ['appeals', readAppeals],
  ] as const;
  for (const [table, reader] of readers) {
    const before = read.numbersSeen;
    reader(template, blocks.get(table)?.table ?? [], read);
    seenBy.set(table, read.numbersSeen - before);
  }
  const inputUnplaced = options.inputUnplaced ?? [];
  // A table of which not one number was found in the text is written as not printed (published as
  // an image, or left out): never as blank cells. The editor confirms it against the original.
  const notPrinted = TABLE_SECTIONS.map((t) => t.table).filter(
    (t) => seenBy.get(t) === 0 && inputUnplaced.length === 0,
  );
  for (const { index, table } of TABLE_SECTIONS) {
    if (!byIndex.has(index)) {
      issues.push({
        file,
        severity: 'warning',
        field: table,
        message: `没有找到标题「${SECTION_HEADINGS[index]}」，${TABLE_SHORT[table]}可能不完整。`,
      });
    }
  }
  issues.push(...read.issues);
  for (const table of notPrinted) {
    issues.push({
      file,
      severity: 'warning',
      field: table,
      message: `${TABLE_SHORT[table]}中没有读到任何数字：写为 ${table}: not_printed（原文未以文字印出此表）。请对照原文确认；若原文以图片印出，请按图片手工录入。`,
    });
  }
  if (read.unplaced.length > 0) {
    issues.push({
      file,
      severity: 'error',
      message: `有 ${read.numbersSeen - read.numbersPlaced} 个数字没有放入表格（见“未放入的数字”）。`,
    });
  }
  if (read.numbersSeen === 0) {
    issues.push({
      file,
      severity: 'error',
      message: '表格中没有读到任何数字：原文的表格可能是图片，请按原文手工录入。',
    });
  }

  // Notes in the template's cell order, like the tables.
  const cellNotes: Record<string, string> = {};
  for (const c of cellDeclarations(template)) {
    const note = read.cellNotes[c.path];
    if (note !== undefined) cellNotes[c.path] = note;
  }
  // A table is certain when every number of it was placed and every row found. Only a certain
  // table's rule failures are the agency's; elsewhere they may be the importer's own misreading.
  const uncertain = new Set<string>([
    ...read.unplaced.map((u) => u.table),
    ...read.issues.filter((i) => i.severity === 'error').map((i) => i.field ?? ''),
    ...notPrinted,
  ]);
  if (inputUnplaced.length > 0) for (const t of TABLE_SECTIONS) uncertain.add(t.table);
  const discrepancies: Discrepancy[] = [];
  const ruleCells = { ...read.cells, ...combinedRuleCells(template, read.combined) };
  // A total the original left blank is "not given" (the contract): the rules that use it are not
  // evaluated, and the editor is told once, in the printed labels of the rows concerned.
  const blankCells = new Set(blankTotalCells(template, ruleCells));
  const blankTotals = [
    ...new Set(
      checksFor(template)
        .filter((c) => blankCells.has(c.focus))
        .map((c) => c.where),
    ),
  ];
  for (const f of failingChecks(template, ruleCells)) {
    const table = f.check.id.split('.')[0] ?? '';
    if (notPrinted.includes(table as TableId)) continue;
    if (uncertain.has(table)) {
      issues.push({
        file,
        severity: 'warning',
        field: table,
        message: `勾稽关系 ${f.check.id} 不相符（${f.leftSum} ≠ ${f.rightSum}），但${TABLE_SHORT[table as TableId]}有没有放入或没有找到的内容：这可能是导入造成的，不作为原文的不符写入。补录后请运行 npm run check。`,
      });
      continue;
    }
    discrepancies.push({
      check: f.check.id,
      left: f.leftSum,
      right: f.rightSum,
      note: IMPORTED_NOTE,
    });
  }

  if (blankTotals.length > 0) {
    issues.push({
      file,
      severity: 'warning',
      message: `原文未填写总计：${blankTotals.join('、')}的总计是空白，相应的勾稽关系不核对。`,
    });
  }
  const complete = !issues.some((i) => i.severity === 'error') && inputUnplaced.length === 0;
  // A draft whenever anything was not placed or needs an editor: a rule failure to confirm, a
  // table or row the original did not print, a placement the importer asks to be checked.
  const draft =
    !complete ||
    discrepancies.length > 0 ||
    notPrinted.length > 0 ||
    Object.keys(read.combined).length > 0 ||
    issues.some((i) => i.message.includes('请对照原文'));
  // Only prose sections: table rows of layout text are long for other reasons.
  const proseLines = [
    ...frame.intro,
    ...frame.sections.filter((s) => [0, 4, 5].includes(s.index)).flatMap((s) => s.lines),
  ];
  const wrapped = isWrapped(proseLines);
  const width = lineWidth(proseLines);
  const mdx = writeMdx(frame, blocks, { title, wrapped, width }, issues, file);
  const header = [
    `${title ?? '（标题未知）'}：表格数据（${template} 年版格式）。`,
    `由 npm run import 从 ${options.fileName ?? '原文'} 导入（模板版本依据：${templateEvidence}）。`,
    ...(complete
      ? []
      : [
          '',
          '草稿：导入不完整，以下内容没有读出，空缺的单元格暂记为 null，请对照原文补录：',
          ...summaryLines({ issues, unplaced: read.unplaced, inputUnplaced }).map((l) => `  ${l}`),
        ]),
    ...(draft
      ? [
          '',
          '核对完毕（补录、确认 discrepancies 和 not_printed）后，删去 status: draft 一行即可发布。',
        ]
      : []),
  ];
  const yaml = writeReportYaml(
    {
      template,
      cells: read.cells,
      units: read.units,
      cellNotes,
      discrepancies,
      draft,
      notPrinted,
      combined: read.combined,
    },
    header,
  );
  const agencyName = title ? agencyFromTitle(title) : null;
  return {
    format: doc.format,
    title,
    year,
    published: frame.published,
    source: frame.source,
    agencyName,
    template,
    templateEvidence,
    cells: read.cells,
    placedCells: cellDeclarations(template)
      .map((c) => c.path)
      .filter((p) => read.placed.has(p)),
    units: read.units,
    cellNotes,
    discrepancies,
    issues,
    unplaced: read.unplaced,
    numbersSeen: read.numbersSeen,
    numbersPlaced: read.numbersPlaced,
    inputUnplaced,
    complete,
    draft,
    notPrinted,
    yaml,
    mdx,
  };
}

/** The summary lines an editor reads: problems, then numbers not placed. */
export function summaryLines(r: {
  readonly issues: readonly Problem[];
  readonly unplaced: readonly Unplaced[];
  readonly inputUnplaced?: readonly LayoutUnplaced[];
  /** The original's place of each line of a converted input (`InputRead.places`). */
  readonly places?: readonly string[];
}): string[] {
  const out: string[] = [];
  for (const i of r.issues) {
    if (i.severity === 'error' && i.message.startsWith('有 ') && r.unplaced.length > 0) continue;
    out.push(`${i.severity === 'error' ? '错误' : '提示'}：${i.message}`);
  }
  for (const u of r.unplaced) {
    out.push(
      `未放入的数字：原文${u.where} ${u.values.map((v) => `「${v}」`).join('')}：${u.reason}。`,
    );
  }
  for (const u of r.inputUnplaced ?? []) {
    out.push(
      `未放入的数字：第 ${u.page} 页 ${u.values.map((v) => `「${v}」`).join('')}：${u.reason}。`,
    );
  }
  return out;
}

function writeMdx(
  frame: ReturnType<typeof readFrame>,
  blocks: ReadonlyMap<TableId, TableBlock>,
  layout: { title: string | null; wrapped: boolean; width: number },
  issues: Problem[],
  file: string,
): string {
  const front: string[] = ['---', `title: ${yamlString(layout.title ?? '（标题未知）')}`];
  if (frame.published) front.push(`published: ${frame.published}`);
  if (frame.source) front.push(`source: ${yamlString(frame.source)}`);
  front.push('---');
  const body: string[] = [];
  const para = (lines: readonly SourceLine[]) =>
    paragraphs(lines, layout.wrapped, layout.width).map(paragraphMdx);
  body.push(...para(frame.intro));

  const byIndex = new Map(frame.sections.map((s) => [s.index, s]));
  // Prose after table 四 belongs to 五 when the report does not print 五's heading.
  const moved = new Map<number, readonly SourceLine[]>();
  for (const { index, table } of TABLE_SECTIONS) {
    const after = blocks.get(table)?.after ?? [];
    const next = index + 1;
    if (
      !byIndex.has(next) &&
      after.some((l) => l.text.trim() !== '') &&
      next < SECTION_HEADINGS.length
    ) {
      if (TABLE_SECTIONS.some((t) => t.index === next)) continue;
      moved.set(next, after);
      issues.push({
        file,
        severity: 'warning',
        message: `原文没有印标题「${SECTION_HEADINGS[next]}」：${TABLE_SHORT[table]}之后的正文按模板放在这个标题下。请对照原文核对。`,
      });
    }
  }

  SECTION_HEADINGS.forEach((canonical, index) => {
    const section = byIndex.get(index);
    const table = TABLE_SECTIONS.find((t) => t.index === index)?.table;
    const movedLines = moved.get(index);
    if (!section && !table && !movedLines) {
      issues.push({
        file,
        severity: 'warning',
        message: `原文没有「${canonical}」这一部分。`,
      });
      return;
    }
    const heading = section?.heading ? tidyTitle(section.heading) : canonical;
    body.push(`## ${heading.replace(/[{}<>\\*[\]`]/gu, (c) => `\\${c}`)}`);
    if (table) {
      const block = blocks.get(table) as TableBlock;
      body.push(...para(block.before));
      body.push(`<${COMPONENT_BY_TABLE[table]} />`);
      body.push(...para(block.notes));
      if (!moved.has(index + 1)) body.push(...para(block.after));
    } else {
      body.push(...para(movedLines ?? section?.lines ?? []));
    }
  });
  return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

function yamlString(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * For the rules only: a row printed combined (（六）其他处理 as one row in a 2021 report) stands in
 * for its sub-rows, as the sum of its sub-rows: its cells go to the first sub-row, the others
 * count 0. Never written: the YAML keeps the combined row as printed.
 */
function combinedRuleCells(
  version: TemplateVersion,
  combined: Readonly<Record<string, readonly (number | null)[]>>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [path, values] of Object.entries(combined)) {
    const leaves = cellDeclarations(version).filter((c) => c.path.startsWith(`${path}.`));
    const first = leaves[0]?.path.split('.').slice(0, -1).join('.');
    for (const c of leaves) {
      const k = APPLICATION_COLUMNS.findIndex((col) => c.path.endsWith(`.${col.id}`));
      const firstRow = c.path.startsWith(`${first}.`);
      out[c.path] = firstRow ? (values[k] ?? null) : 0;
    }
  }
  return out;
}
