/**
 * What the 「数字核对」 section of a report page says, in plain Chinese for citizens: a ✓ only
 * when every printed cell was read (not a draft) and every sum that could be checked adds up;
 * otherwise what is the case. Discrepancies are folded (a count and a list that opens), each
 * linked to its cell (on a phone, to the cell's phone copy where the table has one); totals the
 * original left blank are named once, folded the same way.
 */
import type { ReportBase } from '../content/archive.ts';
import { describeCell, findCell } from '../template/cells.ts';
import { tablesNotPrinted, tablesText } from '../figures/printed.ts';
import { TABLE_SHORT } from '../template/declarations.ts';
import { cellAnchor, narrowCellAnchor, noticeView, type NoticeView } from './report-view.ts';

export interface StatusNotice extends NoticeView {
  /** Fragment of the notice's cell in the printed table (`#c-applications-disclosed-total`). */
  readonly href: string | undefined;
  /**
   * Fragment of the same cell in the table's phone version, where it has one (table 四): the
   * printed table is hidden on a phone, so the link there must target this copy.
   */
  readonly narrowHref: string | undefined;
}

export interface StatusView {
  /** `ok` shows the ✓; `draft`, `warn` and `none` (no table printed as text) say what is the case. */
  readonly tone: 'ok' | 'draft' | 'warn' | 'none';
  /** The one-line summary under 「数字核对」. */
  readonly summary: string;
  readonly notices: readonly StatusNotice[];
  /** 「原文未填写总计」: the blank totals, once each, in printed labels with their cell's fragment. */
  readonly blankTotals: readonly {
    readonly label: string;
    readonly href: string | undefined;
    readonly narrowHref: string | undefined;
  }[];
}

/**
 * Fragments of a cell on the report page: the printed table's cell, and its phone copy for table
 * 四 (rendered separately on a phone). Undefined for a cell of a table not printed as text (the
 * page shows no cells for it).
 */
export function cellFragments(
  report: ReportBase,
  path: string,
): { href: string | undefined; narrowHref: string | undefined } {
  const table = tablesNotPrinted(report.tables).find((t) => path.startsWith(`${t}.`));
  if (table) return { href: undefined, narrowHref: undefined };
  return {
    href: `#${cellAnchor(path)}`,
    narrowHref: path.startsWith('appeals.') ? `#${narrowCellAnchor(path)}` : undefined,
  };
}

export function statusView(report: ReportBase): StatusView {
  const notices = report.notices.map((n) => ({
    ...noticeView(report, n),
    ...cellFragments(report, n.check.focus),
  }));
  const blankTotals = report.blankTotals.map((path) => {
    const cell = findCell(report.tables.template, path);
    return { label: cell ? describeCell(cell) : path, ...cellFragments(report, path) };
  });
  // Nothing unread is shown as checked: tables the original did not print as text are named.
  const unprinted = tablesNotPrinted(report.tables);
  const unread = unprinted.length > 0 ? `${tablesText(unprinted)}原文未以文字印出，无从核对。` : '';
  const partly = blankTotals.length > 0 || report.tables.notPrinted.length > 0 ? '原文印出的' : '';
  if (report.draft) {
    return {
      tone: 'draft',
      summary: '这是草稿：表中数字还没有全部对照原文核实，暂不给出核对结论。',
      notices,
      blankTotals,
    };
  }
  if (notices.length > 0) {
    return {
      tone: 'warn',
      summary: `原文有 ${notices.length} 处数字加起来对不上，本站按原文照录，未作改动。${unread}`,
      notices,
      blankTotals,
    };
  }
  if (unprinted.length === Object.keys(TABLE_SHORT).length) {
    return {
      tone: 'none',
      summary: `${tablesText(unprinted)}原文都未以文字印出，无从核对。`,
      notices,
      blankTotals,
    };
  }
  return {
    tone: 'ok',
    summary: `${partly}各项合计与分项相加全部一致。${unread}`,
    notices,
    blankTotals,
  };
}
