/**
 * The merge-request check of issue 13: a published number may change only with a `corrections`
 * entry on the record. Compares one report YAML as it was at the merge base with how it is now:
 * every cell whose value changed needs an entry `{ cell, old: <value at base>, new: <value now> }`,
 * and entries already on the record at the base may not disappear or change. A report that did
 * not exist at the base, or was a draft there, was never published and is exempt.
 *
 * Pure: the git plumbing is in scripts/corrections-check.ts; this module takes the two texts.
 */

import type { Problem } from '../content/problems.ts';
import { readReportData } from '../content/report-data/read.ts';
import type { Correction } from '../content/report-data/corrections.ts';
import { cellDeclarations, describeCell } from '../template/cells.ts';

export interface CorrectionsCheckInput {
  /** Path of the report YAML relative to the project root. */
  readonly file: string;
  /** The file at the merge base; undefined when it did not exist there (a new report). */
  readonly base: string | undefined;
  readonly current: string;
  /** Short name of the base, for the message (e.g. `main（a1b2c3d）`). */
  readonly baseName: string;
  /** Today as `YYYY-MM-DD`: the date suggested in the paste-ready entry. */
  readonly today: string;
}

const show = (v: number | null) => (v === null ? 'null' : String(v));
const sameEntry = (a: Correction, b: Correction) => JSON.stringify(a) === JSON.stringify(b);

/** Problems (errors) for one report YAML; empty when nothing published changed unrecorded. */
export function checkCorrections(input: CorrectionsCheckInput): Problem[] {
  const { file, base, current, baseName, today } = input;
  if (base === undefined) return [];
  const before = readReportData(file, base, []);
  // A draft at the base was never published; a base that cannot be read has nothing to compare.
  if (before.draft || !before.tables) return [];
  const now = readReportData(file, current, []);
  // A file that does not read now is `npm run check`'s to explain.
  if (!now.tables || now.tables.template !== before.tables.template) return [];

  const value = (t: typeof now.tables, path: string) =>
    t.notPrinted.includes(path) ? undefined : (t.cells[path] ?? t.combined[path] ?? null);
  const recorded = now.corrections ?? [];
  const problems: Problem[] = [];
  const changed: { path: string; label: string; old: number | null; new: number | null }[] = [];
  const declared = cellDeclarations(now.tables.template);
  const paths = [
    ...declared.map((c) => c.path),
    ...Object.keys(now.tables.combined).filter((p) => !declared.some((c) => c.path === p)),
  ];
  for (const path of paths) {
    const old = value(before.tables, path);
    const next = value(now.tables, path);
    // Not printed on either side: not a published number (`npm run check` reads the markers).
    if (old === undefined || next === undefined || old === next) continue;
    const matched = recorded.some((c) =>
      c.cells.some((cell) => cell.cell === path && cell.old === old && cell.new === next),
    );
    if (matched) continue;
    const decl = declared.find((c) => c.path === path);
    changed.push({ path, label: decl ? describeCell(decl) : path, old, new: next });
  }
  const listAt = current.split('\n').findIndex((l) => /^corrections\s*:/.test(l));
  const hasList = listAt >= 0;
  for (const c of changed) {
    problems.push({
      severity: 'error',
      file,
      line: now.lines[c.path],
      field: c.path,
      message: `已发布的数字被改动，却没有更正记录：${c.label}在 ${baseName}中为 ${show(c.old)}，现在为 ${show(c.new)}。如果这是更正，请把下面几行原样复制到本文件${hasList ? ' corrections 列表的末尾' : '末尾'}，并填写类型 kind（机构发布了更正写 erratum，本站录入时打错写 typo）和原因 reason；如果改错了，请把这一格改回 ${show(c.old)}。`,
      hint: [
        ...(hasList ? [] : ['corrections:']),
        `  - date: ${today}`,
        '    kind:    # erratum 或 typo',
        '    reason:  # 例如：机构于 2026-02-20 发布更正说明',
        '    cells:',
        `      - { cell: ${c.path}, old: ${show(c.old)}, new: ${show(c.new)} }`,
      ],
    });
  }
  for (const entry of before.corrections ?? []) {
    if (recorded.some((c) => sameEntry(c, entry))) continue;
    problems.push({
      severity: 'error',
      file,
      line: hasList ? listAt + 1 : undefined,
      field: 'corrections',
      message: `更正记录只能添加，不能删除或改写：${baseName}中 ${entry.date} 的这条更正（${entry.cells.map((c) => c.cell).join('、')}）现在不见了或被改动了。请恢复原样；如需再次更正，另加一条。`,
      hint: [
        `  - date: ${entry.date}`,
        `    kind: ${entry.kind}`,
        `    reason: ${entry.reason}`,
        '    cells:',
        ...entry.cells.map(
          (c) => `      - { cell: ${c.cell}, old: ${show(c.old)}, new: ${show(c.new)} }`,
        ),
      ],
    });
  }
  return problems;
}
