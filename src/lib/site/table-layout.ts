/**
 * The printed layout of tables 二, 三 and 四, derived from the template declaration: header rows
 * with their spans, body rows with their labels, and for every data cell the ids of all the
 * headers that name it (for the `headers` attribute, so that a screen reader announces
 * 「法人或其他组织 商业企业」 and 「（三）不予公开 1.属于国家秘密」 with the number).
 *
 * Pure functions: the Astro components only map over what these return.
 */

import type { ReportTables } from '../template/model.ts';
import {
  cellDeclarations,
  findCell,
  walkApplicationRows,
  type CellDeclaration,
  combinedRowCells,
} from '../template/cells.ts';
import {
  APPLICATIONS_CORNER,
  APPLICATION_COLUMNS,
  PROACTIVE_ROW_HEADER,
} from '../template/declarations.ts';
import { templateOf } from '../template/registry.ts';
import type { TemplateVersion } from '../template/declarations.ts';

export interface HeaderCell {
  readonly id: string;
  readonly label: string;
  readonly colspan: number;
  readonly rowspan: number;
  /** `col` for a header over one column, `colgroup` for one over several. */
  readonly scope: 'col' | 'colgroup';
}

export interface DataCell {
  readonly path: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly note: string | null;
  /** Ids of every header cell that names this cell, outermost first. */
  readonly headers: readonly string[];
  /** Id of the consistency notice that concerns this cell, if any. */
  readonly flags: readonly string[];
  /** The original did not print this cell (shown 「原文未单列」), which is not blank. */
  readonly notPrinted: boolean;
  /** Id of the 更正记录 entry that last changed this published number (corrections-view.ts). */
  readonly corrected?: string;
}

export interface BodyRow {
  /** A `group` row only carries a label that spans the table (e.g. （三）不予公开). */
  readonly kind: 'group' | 'data';
  /**
   * Readable id of the printed row (`t3-r-disclosed`): the link target of the highlights and the
   * 更正记录, on the data row's `<tr>`.
   */
  readonly id: string;
  /**
   * Short id of the row's header cell (`r3-5`), which every cell of the row (and of a group's
   * rows) names in its `headers`: numbered in reading order, because ~200 cells repeat it and
   * nothing links to it.
   */
  readonly headerId: string;
  readonly label: string;
  /** Indentation level of the label: 0, 1 or 2. */
  readonly depth: number;
  readonly cells: readonly DataCell[];
}

export interface TableLayout {
  readonly id: string;
  readonly caption: string;
  /** Text of the corner cell above the row labels, or null for a table without row labels. */
  readonly corner: string | null;
  readonly head: readonly (readonly HeaderCell[])[];
  readonly body: readonly BodyRow[];
  /** Number of data columns (without the row label column). */
  readonly columns: number;
}

/** Fragment id of a consistency notice on the report page. */
export function noticeId(checkId: string): string {
  return `notice-${checkId.replaceAll('.', '-').replaceAll('_', '-')}`;
}

/**
 * Maps each flagged cell path to the notices that concern it, in notice order: one printed total
 * can break several rules (（七）总计's 总计 cell is the focus of rules 1, 2 and 3).
 */
export function flaggedCells(
  focusByCheck: readonly { check: { id: string; focus: string } }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of focusByCheck) {
    const ids = out.get(n.check.focus) ?? [];
    ids.push(noticeId(n.check.id));
    out.set(n.check.focus, ids);
  }
  return out;
}

const slug = (s: string) => s.replaceAll('.', '-').replaceAll('_', '-');

/** The id of the printed row a table 三 or 四 cell sits in, for links to it: `#t3-r-disclosed`. */
export function rowAnchor(cellPath: string): string {
  const [table, ...keys] = cellPath.split('.');
  if (table === 'appeals') return 't4';
  return `t3-r-${slug(keys.slice(0, -1).join('.'))}`;
}

/**
 * Header rows from the label paths of the columns, in column order. Consecutive columns that share
 * a label prefix share the header cell; a path shorter than the deepest one spans down.
 *
 * Header cells are numbered in reading order after `prefix` (`h3-0` … `h3-8`): short, because
 * every data cell's `headers` names up to five of them and a report page has about 200 cells.
 * Nothing links to a column header, so the number needs no meaning of its own.
 */
export function headerRows(
  prefix: string,
  paths: readonly (readonly string[])[],
): { rows: HeaderCell[][]; ids: string[][] } {
  const depth = Math.max(...paths.map((p) => p.length));
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const ids: string[][] = paths.map(() => []);
  let count = 0;
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < paths.length) {
      const path = paths[i] ?? [];
      if (level >= path.length) {
        i++;
        continue;
      }
      const isLeaf = level === path.length - 1;
      let j = i + 1;
      if (!isLeaf) {
        // Extend over the following columns that share the same prefix up to this level.
        while (
          j < paths.length &&
          (paths[j]?.length ?? 0) > level + 1 &&
          path.slice(0, level + 1).every((l, k) => paths[j]?.[k] === l)
        ) {
          j++;
        }
      }
      const id = `${prefix}${count++}`;
      rows[level]?.push({
        id,
        label: path[level] ?? '',
        colspan: j - i,
        rowspan: isLeaf ? depth - level : 1,
        scope: j - i > 1 ? 'colgroup' : 'col',
      });
      for (let k = i; k < j; k++) ids[k]?.push(id);
      i = j;
    }
  }
  return { rows, ids };
}

function dataCell(
  tables: ReportTables,
  path: string,
  headers: readonly string[],
  flags: ReadonlyMap<string, readonly string[]>,
): DataCell {
  return {
    path,
    value: tables.cells[path] ?? tables.combined[path] ?? null,
    unit: tables.units[path] ?? null,
    note: tables.cellNotes[path] ?? null,
    headers,
    flags: flags.get(path) ?? [],
    notPrinted: tables.notPrinted.includes(path),
  };
}

/*
 * What a layout takes from the template alone (header rows, row labels and ids, each data cell's
 * path and `headers`) is worked out once per template version and kept: only the values, units,
 * notes, flags and the rows printed as one are the report's. Working it out for every report was
 * a quarter of the CPU of rendering the report pages (table 三's walk looked up each row's
 * combinable cells among all ~200 cells, for every row of every report; docs/performance.md,
 * 「页面渲染的 CPU（第六轮）」). What is kept is shared between the layouts of all reports and
 * never changed: every layout field is readonly.
 */

/** A data cell as the template places it: its path and the ids of the headers that name it. */
interface CellSlot {
  readonly path: string;
  readonly headers: readonly string[];
}

interface RowSlot {
  readonly id: string;
  readonly headerId: string;
  readonly label: string;
  readonly depth: number;
  readonly cells: readonly CellSlot[];
}

const fill = (
  tables: ReportTables,
  cells: readonly CellSlot[],
  flags: ReadonlyMap<string, readonly string[]>,
) => cells.map((c) => dataCell(tables, c.path, c.headers, flags));

/** Table 二's sections of one version, without a report's values. */
interface ProactiveSkeleton {
  readonly id: string;
  readonly caption: string;
  readonly head: readonly (readonly HeaderCell[])[];
  readonly columns: number;
  readonly rows: readonly RowSlot[];
}

const proactiveSkeletons = new Map<TemplateVersion, readonly ProactiveSkeleton[]>();

function proactiveSkeleton(version: TemplateVersion): readonly ProactiveSkeleton[] {
  const cached = proactiveSkeletons.get(version);
  if (cached) return cached;
  let rowCount = 0;
  const out = templateOf(version).proactive.map((section, s) => {
    const { rows, ids } = headerRows(
      `h2-${s}-`,
      section.columns.map((c) => [c.label]),
    );
    return {
      id: `t2-${slug(section.id)}`,
      caption: section.heading,
      head: rows,
      columns: section.columns.length,
      rows: section.rows.map((row) => {
        // Row keys are unique across the sections of table 二 (cell paths do not name the section).
        const headerId = `r2-${rowCount++}`;
        return {
          id: `t2-r-${slug(row.id)}`,
          headerId,
          label: row.label,
          depth: 0,
          cells: section.columns.map((column, i) => {
            const path = `proactive.${row.id}.${column.id}`;
            if (!findCell(version, path)) throw new Error(`No declared cell ${path}`);
            return { path, headers: [...(ids[i] ?? []), headerId] };
          }),
        };
      }),
    };
  });
  proactiveSkeletons.set(version, out);
  return out;
}

/** Table 二: one small table per article item (第二十条第（一）项 …). */
export function proactiveLayouts(
  tables: ReportTables,
  flags: ReadonlyMap<string, readonly string[]> = new Map(),
): TableLayout[] {
  return proactiveSkeleton(tables.template).map((section) => ({
    id: section.id,
    caption: section.caption,
    corner: PROACTIVE_ROW_HEADER,
    head: section.head,
    columns: section.columns,
    body: section.rows.map((row) => ({
      kind: 'data' as const,
      id: row.id,
      headerId: row.headerId,
      label: row.label,
      depth: row.depth,
      cells: fill(tables, row.cells, flags),
    })),
  }));
}

/**
 * A printed row of table 三 in one version. A group whose sub-rows a report may print as one row
 * (the earlier way) carries the cells of that one row (`combined`): the report's layout shows the
 * group as a data row of those it printed, else as a group label.
 */
interface ApplicationRowSlot extends RowSlot {
  readonly group: boolean;
  readonly combined: readonly CellDeclaration[];
  /** The header ids of the groups the row sits in (the `headers` a combined row's cells add). */
  readonly groups: readonly string[];
}

interface ApplicationsSkeleton {
  readonly head: readonly (readonly HeaderCell[])[];
  readonly ids: readonly (readonly string[])[];
  readonly columns: number;
  readonly rows: readonly ApplicationRowSlot[];
}

const applicationsSkeletons = new Map<TemplateVersion, ApplicationsSkeleton>();

function applicationsSkeleton(version: TemplateVersion): ApplicationsSkeleton {
  const cached = applicationsSkeletons.get(version);
  if (cached) return cached;
  const prefix = 't3';
  const cells = cellDeclarations(version).filter((c) => c.table === 'applications');
  const firstRow = cells.filter((c) => c.rowKeys.join('.') === 'received');
  const { rows: head, ids } = headerRows(
    'h3-',
    firstRow.map((c) => c.columnLabels),
  );
  const rows: ApplicationRowSlot[] = [];
  // Header ids of the printed groups a row sits in, by depth: a data row's headers name every
  // group, and so does a group printed as one row (it stays a group for its sub-rows).
  const groups: string[] = [];
  let rowCount = 0;
  walkApplicationRows(templateOf(version).applicationRows, (node) => {
    const { row, keys, depth, index } = node;
    const id = `${prefix}-r-${row.key === null ? `g${depth}-${index}` : slug(keys.join('.'))}`;
    const headerId = `r3-${rowCount++}`;
    groups.length = depth;
    const outer = [...groups];
    if (row.children) {
      rows.push({
        id,
        headerId,
        label: row.label,
        depth,
        group: true,
        combined: combinedRowCells(version, keys),
        groups: outer,
        cells: [],
      });
      groups.push(headerId);
      return;
    }
    const rowCells = APPLICATION_COLUMNS.map((column, i) => {
      const path = ['applications', ...keys, column.id].join('.');
      if (!findCell(version, path)) throw new Error(`No declared cell ${path}`);
      return { path, headers: [...(ids[i] ?? []), ...outer, headerId] };
    });
    rows.push({
      id,
      headerId,
      label: row.label,
      depth,
      group: false,
      combined: [],
      groups: outer,
      cells: rowCells,
    });
  });
  const out = { head, ids, columns: firstRow.length, rows };
  applicationsSkeletons.set(version, out);
  return out;
}

/** Table 三: column headers under 申请人情况, rows grouped as printed. */
export function applicationsLayout(
  tables: ReportTables,
  caption: string,
  flags: ReadonlyMap<string, readonly string[]> = new Map(),
): TableLayout {
  const { head, ids, columns, rows } = applicationsSkeleton(tables.template);
  const body: BodyRow[] = rows.map((row) => {
    const { id, headerId, label, depth } = row;
    if (!row.group)
      return { kind: 'data', id, headerId, label, depth, cells: fill(tables, row.cells, flags) };
    const combined = row.combined.filter((c) => c.path in tables.combined);
    // Printed as one row (the earlier way): the row as printed; its sub-rows follow, not printed.
    if (combined.length > 0)
      return {
        kind: 'data',
        id,
        headerId,
        label,
        depth,
        cells: combined.map((cell, i) =>
          dataCell(tables, cell.path, [...(ids[i] ?? []), ...row.groups, headerId], flags),
        ),
      };
    return { kind: 'group', id, headerId, label, depth, cells: [] };
  });
  return { id: 't3', caption, corner: APPLICATIONS_CORNER, head, body, columns };
}

const appealsSkeletons = new Map<
  TemplateVersion,
  { head: readonly (readonly HeaderCell[])[]; cells: readonly CellSlot[] }
>();

/** Table 四: one row of fifteen cells under a three-level header, as printed. */
export function appealsLayout(
  tables: ReportTables,
  caption: string,
  flags: ReadonlyMap<string, readonly string[]> = new Map(),
): TableLayout {
  const prefix = 't4';
  let skeleton = appealsSkeletons.get(tables.template);
  if (!skeleton) {
    const cells = cellDeclarations(tables.template).filter((c) => c.table === 'appeals');
    const { rows, ids } = headerRows(
      'h4-',
      cells.map((c) => c.columnLabels),
    );
    skeleton = {
      head: rows,
      cells: cells.map((c, i) => ({ path: c.path, headers: ids[i] ?? [] })),
    };
    appealsSkeletons.set(tables.template, skeleton);
  }
  return {
    id: prefix,
    caption,
    corner: null,
    head: skeleton.head,
    columns: skeleton.cells.length,
    body: [
      {
        kind: 'data',
        id: `${prefix}-r-cases`,
        headerId: `${prefix}-r-cases`,
        label: '',
        depth: 0,
        cells: fill(tables, skeleton.cells, flags),
      },
    ],
  };
}
