/**
 * What the report page shows besides the prose and tables, computed once for all reports.
 */
import type { ReportBase } from '../content/archive.ts';
import type { Notice } from '../template/model.ts';
import { failureDetail } from '../template/wording.ts';
import { RULES } from '../template/rules.ts';
import { findCell, describeCell } from '../template/cells.ts';
import { templateOf } from '../template/registry.ts';
import { noticeId } from './table-layout.ts';

/** The printed number of each table (表二, 表三, 表四), as the first segment of a cell path names it. */
const TABLE_NUMBERS: Readonly<Record<string, string>> = {
  proactive: '2',
  applications: '3',
  appeals: '4',
};

/**
 * The id of a data cell of the printed table (`c3-disclosed-total` for
 * `applications.disclosed.total`), so that a notice links to the cell itself, not only its row.
 * The table by its printed number, then the row and column keys: short (a page has ~200 cells)
 * and stable. Unique per page: each cell path is printed once. It is also how tests and scripts
 * find a cell by its path (no separate `data-cell` attribute).
 */
export function cellAnchor(path: string): string {
  const known = anchors.get(path);
  if (known !== undefined) return known;
  const [table = '', ...keys] = path.split('.');
  const number = TABLE_NUMBERS[table];
  if (number === undefined) throw new Error(`Not a cell path: ${path}`);
  const anchor = `c${number}-${keys.join('-').replaceAll('_', '-')}`;
  anchors.set(path, anchor);
  return anchor;
}

/** Anchors by cell path: a few hundred paths, each met on every report page. */
const anchors = new Map<string, string>();

/** The id of the same cell in a table's separate phone version (table 四: `cn4-review-total`). */
export function narrowCellAnchor(path: string): string {
  return `cn${cellAnchor(path).slice(1)}`;
}

/** Years of each agency's reports, ascending: one pass over the archive, not one per page. */
export function yearsByAgency(reports: readonly ReportBase[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of reports) {
    const years = out.get(r.agency.id) ?? [];
    years.push(r.year);
    out.set(r.agency.id, years);
  }
  for (const years of out.values()) years.sort((a, b) => a - b);
  return out;
}

export interface NoticeView {
  readonly id: string;
  readonly rule: string;
  readonly cell: string;
  readonly text: string;
  readonly note: string;
}

/** A published discrepancy as the reader sees it. */
export function noticeView(report: ReportBase, notice: Notice): NoticeView {
  const rule = RULES[notice.check.rule];
  const focus = findCell(report.tables.template, notice.check.focus);
  return {
    id: noticeId(notice.check.id),
    rule: `规则 ${rule.number}：${rule.formula}`,
    cell: focus ? describeCell(focus) : notice.check.where,
    text: failureDetail(report.tables.template, notice),
    note: notice.note,
  };
}

/** 「2019 年版格式（国办公开办函〔2019〕60号…）」 */
export function templateLabel(report: ReportBase): { short: string; document: string } {
  return {
    short: `${report.tables.template} 年版`,
    document: templateOf(report.tables.template).document,
  };
}

/** 2021-01-29 → 2021年1月29日 (no clock, no locale: deterministic). */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
