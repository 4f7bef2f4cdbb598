/**
 * The whole archive's content, read and checked in one pass: agencies, each report's tables and
 * prose, and the rules that join them (every MDX has its YAML, every agency exists, consecutive
 * years carry over). `npm run check`, the build and the content loaders all call `loadArchive`,
 * so they agree on what is wrong and say it in the same words.
 */

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readAgencies, type Agency } from './agencies.ts';
import { compareText, type Problem } from './problems.ts';
import { strayDocumentMessage } from './typing-mistakes.ts';
import { readReportData } from './report-data/read.ts';
import { cachedCheck, openCheckCache, type CheckCache } from './check-cache.ts';
import type { Correction } from './report-data/corrections.ts';
import type { Notice, ReportTables } from '../template/model.ts';
import {
  TABLE_COMPONENTS,
  readReportProse,
  type ProseSegment,
  type ReportFrontmatter,
  type TableComponent,
} from './report-prose.ts';
import { usualVersion } from '../template/registry.ts';
import { carryOverMismatches } from '../template/rules.ts';
import { applicationRowLabel } from '../template/cells.ts';
import { TABLE_SHORT, TABLE_TITLES, type Column, type TableId } from '../template/declarations.ts';

export const AGENCIES_FILE = 'data/agencies.yaml';
export const DATA_DIR = 'data/reports';
export const PROSE_DIR = 'src/content/reports';

/** Years a report may carry: the regulation took effect in 2008. */
export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2100;

/** Rule 6 across years: this report's 二 differs from the previous year's 四. */
export interface CarryOverWarning {
  readonly previousYear: number;
  readonly column: Column;
  readonly forwarded: number | null;
  readonly carried: number | null;
}

export interface ArchiveReport {
  readonly agency: Agency;
  readonly year: number;
  /** `<agency>/<year>`: the report's identity, also its URL path and content id. */
  readonly id: string;
  readonly frontmatter: ReportFrontmatter;
  readonly tables: ReportTables;
  readonly notices: readonly Notice[];
  /** `status: draft`: built only as a preview (NIANBAO_DRAFTS=1), never published. */
  readonly draft: boolean;
  /** Totals the original left blank over filled cells ("not given"); their rules not evaluated. */
  readonly blankTotals: readonly string[];
  /** Published numbers the archive changed since, with when and why (issue 13); may be empty. */
  readonly corrections: readonly Correction[];
  readonly carryOver: readonly CarryOverWarning[];
  readonly dataFile: string;
  readonly proseFile: string;
  /** The prose as Markdown with table placeholders (rendered by the content loader). */
  readonly markdown: string;
}

/** A report without its prose source: what pages and views that do not render prose take. */
export type ReportBase = Omit<ArchiveReport, 'markdown'>;

/** A checked report with its prose rendered (by the content loader): what the report page needs. */
export type ReportEntry = ReportBase & { readonly prose: readonly ProseSegment[] };

export interface Archive {
  /** Sorted by id. */
  readonly agencies: readonly Agency[];
  /** Sorted by agency id, then year. Only reports without errors. */
  readonly reports: readonly ArchiveReport[];
  readonly problems: readonly Problem[];
}

interface FoundFile {
  readonly agency: string;
  readonly year: number;
  readonly file: string;
}

/**
 * Lists `<dir>/<agency>/<year>.<ext>` files. Anything else in the folder is an error: a stray
 * `2020.yml` or `README.md` would otherwise be silently left out of the archive.
 */
function listReportFiles(root: string, dir: string, ext: string, problems: Problem[]): FoundFile[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const found: FoundFile[] = [];
  // Dotfiles (.DS_Store, editor swap files) are the operating system's, not content.
  const entries = readdirSync(abs)
    .filter((n) => !n.startsWith('.'))
    .sort(compareText);
  for (const agency of entries) {
    const agencyPath = join(abs, agency);
    if (!statSync(agencyPath).isDirectory()) {
      problems.push({
        severity: 'error',
        file: `${dir}/${agency}`,
        message:
          strayDocumentMessage(agency) ??
          `${dir} 下只能有以机构 id 命名的文件夹，文件应放在 ${dir}/<机构id>/<年份>${ext}。`,
      });
      continue;
    }
    for (const name of readdirSync(agencyPath)
      .filter((n) => !n.startsWith('.'))
      .sort(compareText)) {
      const file = `${dir}/${agency}/${name}`;
      const m = /^(\d{4})(\.[^.]+)$/.exec(name);
      if (!m || m[2] !== ext) {
        problems.push({
          severity: 'error',
          file,
          message:
            strayDocumentMessage(name) ??
            `文件名应为「<四位年份>${ext}」，例如 2020${ext}；这个文件不会被读取。`,
        });
        continue;
      }
      const year = Number(m[1]);
      if (year < FIRST_YEAR || year > LAST_YEAR) {
        problems.push({
          severity: 'error',
          file,
          message: `年份 ${year} 不在 ${FIRST_YEAR}–${LAST_YEAR} 之间（《政府信息公开条例》2008 年起施行）。`,
        });
        continue;
      }
      found.push({ agency, year, file });
    }
  }
  return found;
}

const key = (agency: string, year: number) => `${agency}/${year}`;

/**
 * Reads and checks everything under `root` (a project or a test fixture with the same layout).
 * Each file's own check comes from `cache` when the file, the templates and the code are
 * unchanged (check-cache.ts); pass `null` to check every file afresh.
 */
export function loadArchive(
  root: string,
  cache: CheckCache | null | undefined = openCheckCache(),
): Archive {
  const checkCache = cache ?? undefined;
  const problems: Problem[] = [];
  const agenciesPath = join(root, AGENCIES_FILE);
  let agencies: Agency[] = [];
  let agencyListValid = true;
  if (existsSync(agenciesPath)) {
    const before = problems.length;
    agencies = readAgencies(AGENCIES_FILE, readFileSync(agenciesPath, 'utf8'), problems);
    agencyListValid = problems.length === before;
  } else {
    problems.push({
      severity: 'error',
      file: AGENCIES_FILE,
      message: '缺少机构列表文件 data/agencies.yaml。',
    });
  }
  agencies.sort((a, b) => compareText(a.id, b.id));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));

  const dataFiles = listReportFiles(root, DATA_DIR, '.yaml', problems);
  const proseFiles = listReportFiles(root, PROSE_DIR, '.mdx', problems);
  const dataByKey = new Map(dataFiles.map((f) => [key(f.agency, f.year), f]));
  const proseByKey = new Map(proseFiles.map((f) => [key(f.agency, f.year), f]));

  for (const f of dataFiles) {
    if (!proseByKey.has(key(f.agency, f.year))) {
      problems.push({
        severity: 'error',
        file: f.file,
        message: `有表格数据却没有正文：缺少 ${PROSE_DIR}/${f.agency}/${f.year}.mdx。每份报告由同名的 .mdx（正文）和 .yaml（表格）两个文件组成。`,
      });
    }
  }
  for (const f of proseFiles) {
    if (!dataByKey.has(key(f.agency, f.year))) {
      problems.push({
        severity: 'error',
        file: f.file,
        message: `有正文却没有表格数据：缺少 ${DATA_DIR}/${f.agency}/${f.year}.yaml。每份报告由同名的 .mdx（正文）和 .yaml（表格）两个文件组成。`,
      });
    }
  }
  for (const f of [...dataFiles, ...proseFiles]) {
    if (!agencyById.has(f.agency)) {
      // An entry with an error is left out of the list: say so, or the editor looks for a missing entry.
      const invalid = agencyListValid
        ? ''
        : `如果已经登记，请先改正 ${AGENCIES_FILE} 中的错误：有错误的机构登记不会生效。`;
      problems.push({
        severity: 'error',
        file: f.file,
        message: `机构「${f.agency}」不在 ${AGENCIES_FILE} 中。请先登记该机构（id、name、level、kind、region），或检查文件夹名的拼写。${invalid}`,
      });
    }
  }

  const reports: ArchiveReport[] = [];
  const cellLines = new Map<string, Readonly<Record<string, number | undefined>>>();
  for (const data of dataFiles) {
    const prose = proseByKey.get(key(data.agency, data.year));
    const agency = agencyById.get(data.agency);
    const before = problems.length;
    const dataText = readFileSync(join(root, data.file), 'utf8');
    const { tables, notices, lines, draft, blankTotals, corrections } = cachedCheck(
      checkCache,
      'data',
      [data.file, dataText],
      problems,
      (found) => readReportData(data.file, dataText, found),
    );
    if (!prose) continue;
    const proseText = readFileSync(join(root, prose.file), 'utf8');
    const identity = { agency: data.agency, year: data.year };
    const { frontmatter, components, parsed, markdown } = cachedCheck(
      checkCache,
      'prose',
      [prose.file, `${data.agency}/${data.year}`, proseText],
      problems,
      (found) => readReportProse(prose.file, proseText, identity, found),
    );
    if (tables && parsed) checkPlacement(prose.file, components, problems);
    const usual = usualVersion(data.year);
    if (tables && tables.template !== usual) {
      problems.push({
        severity: 'warning',
        file: data.file,
        line: lines.template,
        field: 'template',
        message: `${data.year} 年度报告通常使用 ${usual} 年版格式，本文件声明为 ${tables.template} 年版。请核对原文的表格。`,
      });
    }
    cellLines.set(data.file, lines);
    const clean = !problems.slice(before).some((p) => p.severity === 'error');
    if (!agency || !tables || !frontmatter || !clean) continue;
    reports.push({
      agency,
      year: data.year,
      id: key(data.agency, data.year),
      frontmatter,
      tables: compactTables(tables),
      notices,
      draft,
      blankTotals,
      corrections: corrections ?? [],
      carryOver: [],
      dataFile: data.file,
      proseFile: prose.file,
      markdown,
    });
  }
  reports.sort((a, b) => compareText(a.agency.id, b.agency.id) || a.year - b.year);
  return { agencies, reports: withCarryOver(reports, cellLines, problems), problems };
}

/**
 * The same tables with their cell maps copied into ordinary objects. The YAML reader and
 * JSON.parse (the check cache) leave a map of ~200 cells in V8's dictionary mode, about 12 KB per
 * report; a copy has one shared shape, about 1.7 KB (measured with Node 24 on the bench's
 * reports). Every report stays in memory for the whole build (report-store.ts), so this is most
 * of what Node holds per report (docs/performance.md, round 5). Same keys in the same order.
 */
export function compactTables(tables: ReportTables): ReportTables {
  return { ...tables, cells: { ...tables.cells }, combined: { ...tables.combined } };
}

/** Every table in the YAML must be placed in the prose, or readers would never see it. */
function checkPlacement(
  file: string,
  components: readonly TableComponent[],
  problems: Problem[],
): void {
  for (const [component, table] of Object.entries(TABLE_COMPONENTS) as [
    TableComponent,
    TableId,
  ][]) {
    if (!components.includes(component)) {
      problems.push({
        severity: 'error',
        file,
        message: `正文没有放置 <${component} />，${TABLE_SHORT[table]}「${TABLE_TITLES[table]}」将不会显示。请在原文该表所在的位置单独写一行 <${component} />。`,
      });
    }
  }
}

/** Rule 6 between consecutive years of each agency: a warning on the later report. */
function withCarryOver(
  reports: ArchiveReport[],
  cellLines: ReadonlyMap<string, Readonly<Record<string, number | undefined>>>,
  problems: Problem[],
): ArchiveReport[] {
  return reports.map((report, i) => {
    const previous = reports[i - 1];
    if (!previous || previous.agency.id !== report.agency.id || previous.year !== report.year - 1) {
      return report;
    }
    const carryOver = carryOverMismatches(previous.tables.cells, report.tables.cells, [
      ...previous.tables.notPrinted,
      ...report.tables.notPrinted,
    ]).map((m) => ({
      previousYear: previous.year,
      ...m,
    }));
    for (const m of carryOver) {
      problems.push({
        severity: 'warning',
        file: report.dataFile,
        line: cellLines.get(report.dataFile)?.[`applications.carried_over.${m.column.id}`],
        field: `applications.carried_over.${m.column.id}`,
        message: `跨年度衔接不一致（规则 6）：${TABLE_SHORT.applications}「${applicationRowLabel('carried_over')}」行「${m.column.label}」列为 ${m.carried ?? '空白'}，而 ${previous.year} 年报告「${applicationRowLabel('carried_forward')}」为 ${m.forwarded ?? '空白'}。这不是本报告的计算错误，页面上会提示读者。`,
      });
    }
    return carryOver.length > 0 ? { ...report, carryOver } : report;
  });
}
