/**
 * What the 「数字核对」 section of a report page says, in plain Chinese for citizens: a ✓ only
 * when every printed cell was read (not a draft) and every sum that could be checked adds up;
 * otherwise what is the case. Discrepancies are folded (a count and a list that opens), each
 * linked to the table row of its cell; totals the original left blank are named once.
 */
import type { ReportBase } from '../content/archive.ts';
import { describeCell, findCell } from '../template/cells.ts';
import { tablesNotPrinted, tablesText } from '../figures/printed.ts';
import { TABLE_SHORT } from '../template/declarations.ts';
import { noticeView, type NoticeView } from './report-view.ts';
import { appealsLayout, applicationsLayout, type TableLayout } from './table-layout.ts';

export interface StatusNotice extends NoticeView {
  /** Fragment of the table row that holds the notice's cell (`#t3-r-disclosed`). */
  readonly href: string | undefined;
}

export interface StatusView {
  /** `ok` shows the ✓; `draft`, `warn` and `none` (no table printed as text) say what is the case. */
  readonly tone: 'ok' | 'draft' | 'warn' | 'none';
  /** The one-line summary under 「数字核对」. */
  readonly summary: string;
  readonly notices: readonly StatusNotice[];
  /** 「原文未填写总计」: the blank totals, once each, in printed labels with their row's fragment. */
  readonly blankTotals: readonly { readonly label: string; readonly href: string | undefined }[];
}

/** Fragment of the table row that shows a cell of table 三 or 四; undefined for table 二. */
export function rowFragment(layouts: readonly TableLayout[], path: string): string | undefined {
  for (const layout of layouts) {
    for (const row of layout.body) {
      if (row.cells.some((c) => c.path === path)) return `#${row.id}`;
    }
  }
  return undefined;
}

export function statusView(report: ReportBase): StatusView {
  const layouts = [applicationsLayout(report.tables, ''), appealsLayout(report.tables, '')];
  const notices = report.notices.map((n) => ({
    ...noticeView(report, n),
    href: rowFragment(layouts, n.check.focus),
  }));
  const blankTotals = report.blankTotals.map((path) => {
    const cell = findCell(report.tables.template, path);
    return { label: cell ? describeCell(cell) : path, href: rowFragment(layouts, path) };
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
