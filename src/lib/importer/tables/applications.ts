/**
 * Reads table 三 (申请): the printed rows aligned with the version's rows in order, so that a row
 * whose label a PDF conversion lost is placed by its position between labelled rows.
 */

import { APPLICATION_COLUMNS, type TemplateVersion } from '../../template/declarations.ts';
import { applicationLeaves, applicationRowAt, walkApplicationRows } from '../../template/cells.ts';
import { otherVersions, templateOf } from '../../template/registry.ts';
import type { Cell } from '../cells.ts';
import { coreLabel, labelVariants, normLabel } from '../labels.ts';
import {
  buildRows,
  countNumbers,
  fit,
  place,
  rawList,
  tooManyCells,
  type Fitted,
  type Row,
  type TableRead,
} from './rows.ts';
import type { SourceLine } from '../source.ts';

interface LeafDecl {
  readonly keys: readonly string[];
  readonly label: string;
  readonly norm: string;
  readonly core: string;
  /** All printed labels of the row joined (group + item), and of its groups only. */
  readonly pathNorm: string;
  readonly groupNorm: string;
  readonly describe: string;
}

function leafScore(row: Row, leaf: LeafDecl, version: TemplateVersion): number {
  const t = row.norm;
  if (t === '') return 0;
  const variant = labelVariants(version).some(
    (v) => v.row === ['applications', ...leaf.keys].join('.') && t.includes(normLabel(v.text)),
  );
  if (variant || t.includes(leaf.norm)) return 3;
  if (leaf.core.length >= 4 && t.includes(leaf.core)) return 2;
  // A fragment of a label a PDF conversion split: it must reach into the row's own label, or a
  // group label alone (（六）其他处理 printed as one row) would pass for one of its items.
  const fragment =
    leaf.norm.includes(t) || (leaf.pathNorm.includes(t) && !leaf.groupNorm.includes(t));
  if (t.length >= 4 && /\p{Script=Han}/u.test(t) && fragment) return 1;
  return 0;
}

export function readApplications(
  version: TemplateVersion,
  lines: readonly SourceLine[],
  read: TableRead,
): void {
  const leaves: LeafDecl[] = applicationLeaves(templateOf(version)).map((l) => {
    const label = l.labels[l.labels.length - 1] ?? '';
    const norm = normLabel(label);
    return {
      keys: l.keys,
      label,
      norm,
      core: coreLabel(norm),
      pathNorm: normLabel(l.labels.join('')),
      groupNorm: normLabel(l.labels.slice(0, -1).join('')),
      describe: l.name.join(' '),
    };
  });
  const width = APPLICATION_COLUMNS.length;
  const rows = buildRows(lines).filter((row) => {
    const numbers = countNumbers(row.values);
    read.numbersSeen += numbers;
    if (numbers > 0 || row.values.some((c) => c.kind === 'value')) return true;
    return row.values.length > 0 && leaves.some((l) => leafScore(row, l, version) >= 2);
  });

  // Align rows with the template's rows in order (edit distance): a row whose label matches is
  // placed there; a row without a label is placed by its position between matched rows.
  const n = rows.length;
  const m = leaves.length;
  const SKIP = 10;
  const cost = (i: number, j: number): number => {
    const row = rows[i];
    const leaf = leaves[j];
    if (!row || !leaf) return Infinity;
    if (row.norm === '') return 1;
    const s = leafScore(row, leaf, version);
    return s === 0 ? Infinity : (3 - s) * 0.5;
  };
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => dp[i]?.[j] ?? Infinity;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const options = [
        i > 0 && j > 0 ? at(i - 1, j - 1) + cost(i - 1, j - 1) : Infinity,
        i > 0 ? at(i - 1, j) + SKIP : Infinity,
        j > 0 ? at(i, j - 1) + SKIP : Infinity,
      ];
      (dp[i] as number[])[j] = Math.min(...options);
    }
  }
  const matches: { row: Row; leaf: LeafDecl }[] = [];
  const extraRows: Row[] = [];
  const missing: number[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const here = at(i, j);
    if (i > 0 && j > 0 && here === at(i - 1, j - 1) + cost(i - 1, j - 1)) {
      matches.unshift({ row: rows[i - 1] as Row, leaf: leaves[j - 1] as LeafDecl });
      i--;
      j--;
    } else if (i > 0 && here === at(i - 1, j) + SKIP) {
      extraRows.unshift(rows[i - 1] as Row);
      i--;
    } else {
      missing.unshift(j - 1);
      j--;
    }
  }

  // A row without a label is placed only where its position is certain: in a run of unlabelled
  // rows between two labelled rows that leaves exactly as many template rows as it has rows.
  // Otherwise (a row missing beside it, a stray row) its numbers are listed, never guessed.
  const labelled = (r: Row) => r.norm !== '';
  const leafIndex = new Map(matches.map((mt) => [mt.row, leaves.indexOf(mt.leaf)]));
  for (let i = 0; i < n;) {
    if (labelled(rows[i] as Row)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && !labelled(rows[end] as Row)) end++;
    const run = rows.slice(i, end);
    const before = i > 0 ? leafIndex.get(rows[i - 1] as Row) : -1;
    const after = end < n ? leafIndex.get(rows[end] as Row) : m;
    const certain =
      before !== undefined &&
      after !== undefined &&
      after - before - 1 === run.length &&
      run.every((r) => leafIndex.has(r));
    if (!certain) {
      for (const r of run) {
        const at = matches.findIndex((mt) => mt.row === r);
        if (at >= 0) {
          missing.push(leaves.indexOf((matches[at] as { leaf: LeafDecl }).leaf));
          matches.splice(at, 1);
          extraRows.push(r);
        }
      }
    }
    i = end;
  }
  extraRows.sort((a, b) => rows.indexOf(a) - rows.indexOf(b));

  // Rows found whose numbers are listed as not placed: not "missing" to the editor.
  const refused = new Set<number>();
  for (const { row, leaf } of matches) {
    const fitted = fit(row.values, width);
    const label = `表三「${leaf.describe}」行`;
    if (fitted.ambiguous) {
      read.unplaced.push({
        table: 'applications',
        line: row.line,
        where: row.where,
        values: rawList(row.values),
        reason: `${label}有 ${row.values.length} 个单元格（应为 ${width} 个），两端都有空白单元格，无法确定数字属于哪一列`,
      });
      missing.push(leaves.indexOf(leaf));
      refused.add(leaves.indexOf(leaf));
      continue;
    }
    if (fitted.extra.length > 0) {
      read.unplaced.push({
        table: 'applications',
        line: row.line,
        where: row.where,
        values: rawList(row.values),
        reason: tooManyCells(label, fitted.printed, width),
      });
      missing.push(leaves.indexOf(leaf));
      refused.add(leaves.indexOf(leaf));
      continue;
    }
    let cells: readonly Cell[] = fitted.cells;
    if (fitted.short) {
      if (fitted.cells.every((c) => c.kind === 'empty')) {
        cells = [];
        read.issues.push({
          file: read.file,
          severity: 'warning',
          field: 'applications',
          message: `${label}只读到 ${fitted.cells.length} 个空白单元格（应为 ${width} 个），整行记为空白。`,
        });
      } else {
        read.unplaced.push({
          table: 'applications',
          line: row.line,
          where: row.where,
          values: rawList(fitted.cells),
          reason: `${label}只读到 ${fitted.cells.length} 个单元格（应为 ${width} 个），无法确定哪些单元格空白`,
        });
        missing.push(leaves.indexOf(leaf));
        refused.add(leaves.indexOf(leaf));
        continue;
      }
    }
    if (row.norm === '') {
      read.issues.push({
        file: read.file,
        severity: 'warning',
        field: 'applications',
        message: `原文${row.where}的数字没有行标签（原文的标签与数字分开了）；前后两行已识别，中间只缺这一行，按位置放入${label}。请对照原文核对。`,
      });
    }
    APPLICATION_COLUMNS.forEach((column, k) => {
      const path = ['applications', ...leaf.keys, column.id].join('.');
      place(read, version, path, cells[k] ?? { kind: 'empty', raw: '' }, null);
    });
  }
  // A row this version splits into items that another version prints as one row (（六）其他处理):
  // the report may keep the other version's shape.
  walkApplicationRows(templateOf(version).applicationRows, (node) => {
    const children = node.row.children;
    if (!children || node.row.key === null) return;
    const single = otherVersions(version)
      .map((v) => ({ v, node: applicationRowAt(templateOf(v), node.keys) }))
      .find((o) => o.node && !o.node.row.children);
    if (!single?.node) return;
    const singleLabel = single.node.row.label;
    const prefix = node.keys.join('.');
    const itemMissing = missing.some((j) => leaves[j]?.keys.join('.').startsWith(`${prefix}.`));
    const items = leaves.filter((l) => l.keys.join('.').startsWith(`${prefix}.`));
    const allMissing = items.every((l) => missing.includes(leaves.indexOf(l)));
    const singles = extraRows.filter((r) => r.norm.endsWith(normLabel(singleLabel)));
    const fitted = singles.length === 1 && singles[0] ? fit(singles[0].values, width) : null;
    const cells = fitted?.cells ?? [];
    if (
      allMissing &&
      fitted &&
      !fitted.short &&
      !fitted.ambiguous &&
      fitted.extra.length === 0 &&
      cells.every((c) => c.kind === 'value' || c.kind === 'empty')
    ) {
      // Printed the other version's way: kept as printed, its items are "not printed".
      const row = singles[0] as Row;
      read.combined[prefix] = cells.map((c) => (c.kind === 'value' ? c.value : null));
      read.numbersPlaced += countNumbers(cells);
      extraRows.splice(extraRows.indexOf(row), 1);
      for (const l of items) {
        const j = leaves.indexOf(l);
        while (missing.includes(j)) missing.splice(missing.indexOf(j), 1);
      }
      read.issues.push({
        file: read.file,
        severity: 'warning',
        field: 'applications',
        message: `原文的「${singleLabel}」只有一行（${single.v} 年版的写法），而 ${version} 年版分 ${children.length} 项：按原文写为一行（applications.${prefix} 为 7 个数字），其下 ${children.length} 项记为“原文未单列”。请对照原文核对。`,
      });
      return;
    }
    if (itemMissing && extraRows.some((r) => r.norm.includes(normLabel(singleLabel)))) {
      read.issues.push({
        file: read.file,
        severity: 'warning',
        field: 'applications',
        message: `原文的「${singleLabel}」只有一行（${single.v} 年版的写法），而 ${version} 年版分 ${children.length} 项：请对照原文确认如何录入。`,
      });
    }
  });
  const missingLeaves = [...new Set(missing)]
    .sort((a, b) => a - b)
    .map((j) => leaves[j] as LeafDecl);
  for (const row of extraRows) {
    const guess = positionalGuess(row, rows, matches, leaves, missingLeaves);
    read.unplaced.push({
      table: 'applications',
      line: row.line,
      where: row.where,
      values: rawList(row.values),
      reason: row.norm
        ? `无法识别的行标签「${row.label}」${guess}`
        : `这一行没有行标签，按位置也无法确定是哪一行`,
    });
  }
  for (const leaf of missingLeaves) {
    if (refused.has(leaves.indexOf(leaf))) continue;
    read.issues.push({
      file: read.file,
      severity: 'error',
      field: 'applications',
      message: `缺少表三「${leaf.describe}」行。`,
    });
  }
}

/** "（按位置可能是「2.其他法律行政法规禁止公开」）" for an unknown label between matched rows. */
function positionalGuess(
  row: Row,
  rows: readonly Row[],
  matches: readonly { row: Row; leaf: LeafDecl }[],
  leaves: readonly LeafDecl[],
  missing: readonly LeafDecl[],
): string {
  const index = rows.indexOf(row);
  const before = [...matches].reverse().find((mt) => rows.indexOf(mt.row) < index);
  const lo = before ? leaves.indexOf(before.leaf) : -1;
  const candidate = missing.find((l) => leaves.indexOf(l) > lo);
  return candidate ? `（按位置可能是「${candidate.describe}」）` : '';
}
