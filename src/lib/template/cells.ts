/**
 * Every cell of a template version, flattened, and the one walk over table 三's printed rows that
 * the rules, the table layout, the measures, the validator and the importer share. Paths are
 * dotted: table.row….column (`applications.withheld.state_secret.natural`).
 */

import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATIONS_COLUMN_HEADER,
  APPLICATION_COLUMNS,
  APPLICATION_COLUMN_GROUPS,
  TABLE_SHORT,
  type ApplicationRow,
  type Column,
  type TableId,
  type TemplateDeclaration,
  type TemplateVersion,
} from './declarations.ts';
import { latestVersion, templateOf } from './registry.ts';

export interface CellDeclaration {
  /** e.g. `applications.withheld.state_secret.natural`, `proactive.fees.change`. */
  readonly path: string;
  readonly table: TableId;
  /** YAML keys from the table down to the row, e.g. ['withheld', 'state_secret']. */
  readonly rowKeys: readonly string[];
  /** Printed row labels, outermost group first, e.g. ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']. */
  readonly rowLabels: readonly string[];
  /**
   * The printed labels that name the row: `rowLabels` without groups that have no key of their own
   * (三、本年度办理结果: every outcome row carries its own （一）…（七） label).
   */
  readonly rowName: readonly string[];
  readonly column: Column;
  /** Printed column header path, outermost first, e.g. ['申请人情况', '法人或其他组织', '商业企业']. */
  readonly columnLabels: readonly string[];
  /** Table 二 only: the sub-table heading. */
  readonly section?: string;
}

/** A printed row of table 三 met by the walk: a group (with children) or a data row. */
export interface ApplicationNode {
  readonly row: ApplicationRow;
  /** YAML keys from the table down to this row (a group without a key adds none). */
  readonly keys: readonly string[];
  /** Printed labels from the outermost group down to this row. */
  readonly labels: readonly string[];
  /** Printed labels that name the row: `labels` without groups that have no key of their own. */
  readonly name: readonly string[];
  /** Depth of the printed label: 0 for 一/二/三/四, 1 for （一）…（七）, 2 for numbered sub-items. */
  readonly depth: number;
  /** Position among its siblings. */
  readonly index: number;
}

/**
 * Walks table 三's printed rows in order, depth first: `enter` sees every row (a group before
 * its children); a group's children are walked unless `enter` returns false.
 */
export function walkApplicationRows(
  rows: readonly ApplicationRow[],
  enter: (node: ApplicationNode) => boolean | void,
  parent: Pick<ApplicationNode, 'keys' | 'labels' | 'name' | 'depth'> = {
    keys: [],
    labels: [],
    name: [],
    depth: -1,
  },
): void {
  rows.forEach((row, index) => {
    const node: ApplicationNode = {
      row,
      keys: row.key === null ? parent.keys : [...parent.keys, row.key],
      labels: [...parent.labels, row.label],
      name: row.key === null ? parent.name : [...parent.name, row.label],
      depth: parent.depth + 1,
      index,
    };
    if (enter(node) !== false && row.children) walkApplicationRows(row.children, enter, node);
  });
}

/** A data row of table 三, with its YAML key path and its printed label path. */
export type ApplicationLeaf = ApplicationNode;

/** Data rows of table 三 in printed order. */
export function applicationLeaves(t: TemplateDeclaration): ApplicationLeaf[] {
  const out: ApplicationLeaf[] = [];
  walkApplicationRows(t.applicationRows, (node) => {
    if (!node.row.children) out.push(node);
  });
  return out;
}

/**
 * The rows (groups and data rows) of table 三 whose YAML key path is `keys`, in every version
 * that has it: used to say how versions shape the same row differently.
 */
export function applicationRowAt(
  t: TemplateDeclaration,
  keys: readonly string[],
): ApplicationNode | undefined {
  let found: ApplicationNode | undefined;
  const path = keys.join('.');
  walkApplicationRows(t.applicationRows, (node) => {
    if (node.row.key !== null && node.keys.join('.') === path) found ??= node;
  });
  return found;
}

/**
 * The printed label of a top-level row of table 三 that every version shares (received,
 * carried_over, total, carried_forward), e.g. 「二、上年结转政府信息公开申请数量」.
 */
export function applicationRowLabel(
  key: 'received' | 'carried_over' | 'total' | 'carried_forward',
): string {
  const leaf = applicationLeaves(templateOf(latestVersion())).find(
    (l) => l.keys.length === 1 && l.keys[0] === key,
  );
  if (!leaf) throw new Error(`No row ${key} in table 三`);
  return leaf.labels.at(-1)!;
}

function applicationColumnLabels(column: Column): string[] {
  const group = APPLICATION_COLUMN_GROUPS.find((g) => g.columns.includes(column.id));
  return group
    ? [APPLICATIONS_COLUMN_HEADER, group.label, column.label]
    : [APPLICATIONS_COLUMN_HEADER, column.label];
}

/** Every cell of a template version in printed order: table 二, then 三 (row by row), then 四. */
export function cellDeclarations(version: TemplateVersion): readonly CellDeclaration[] {
  return indexOf(version).list;
}

/** The cells of a version by path. */
export function cellIndex(version: TemplateVersion): ReadonlyMap<string, CellDeclaration> {
  return indexOf(version).byPath;
}

/** The declaration of one cell, or undefined when the path names no cell of that version. */
export function findCell(version: TemplateVersion, path: string): CellDeclaration | undefined {
  return indexOf(version).byPath.get(path);
}

interface CellIndex {
  readonly list: readonly CellDeclaration[];
  readonly byPath: ReadonlyMap<string, CellDeclaration>;
}
const cellCache = new Map<TemplateVersion, CellIndex>();

function indexOf(version: TemplateVersion): CellIndex {
  const cached = cellCache.get(version);
  if (cached) return cached;
  const t = templateOf(version);
  const cells: CellDeclaration[] = [];
  for (const section of t.proactive) {
    for (const row of section.rows) {
      for (const column of section.columns) {
        cells.push({
          path: `proactive.${row.id}.${column.id}`,
          table: 'proactive',
          rowKeys: [row.id],
          rowLabels: [row.label],
          rowName: [row.label],
          column,
          columnLabels: [column.label],
          section: section.heading,
        });
      }
    }
  }
  for (const leafRow of applicationLeaves(t)) {
    for (const column of APPLICATION_COLUMNS) {
      cells.push({
        path: ['applications', ...leafRow.keys, column.id].join('.'),
        table: 'applications',
        rowKeys: leafRow.keys,
        rowLabels: leafRow.labels,
        rowName: leafRow.name,
        column,
        columnLabels: applicationColumnLabels(column),
      });
    }
  }
  for (const row of APPEALS_ROWS) {
    for (const column of APPEALS_COLUMNS) {
      cells.push({
        path: `appeals.${row.id}.${column.id}`,
        table: 'appeals',
        rowKeys: [row.id],
        rowLabels: [],
        rowName: [],
        column,
        columnLabels: [...row.labels, column.label],
      });
    }
  }
  const index = { list: cells, byPath: new Map(cells.map((c) => [c.path, c])) };
  cellCache.set(version, index);
  return index;
}

/**
 * How a cell is named to an editor: 表三「（三）不予公开 1.属于国家秘密」行「商业企业」列.
 * Row and column labels are the printed ones, so the editor can find the cell in the original.
 */
export function describeCell(cell: CellDeclaration): string {
  const table = TABLE_SHORT[cell.table];
  if (cell.table === 'proactive') {
    return `${table}${cell.section}「${cell.rowLabels.join(' ')}」行「${cell.column.label}」列`;
  }
  if (cell.table === 'appeals') {
    return `${table}「${cell.columnLabels.join(' › ')}」`;
  }
  return `${table}「${cell.rowName.join(' ')}」行「${cell.column.label}」列`;
}

/**
 * The cells of a combinable group printed as one row (`applications.<group>.<column>`), described
 * in the group's own printed label, in column order. Empty for a path that is no such group.
 */
export function combinedRowCells(
  version: TemplateVersion,
  groupKeys: readonly string[],
): CellDeclaration[] {
  const field = ['applications', ...groupKeys].join('.');
  const leaves = cellDeclarations(version).filter(
    (c) => c.table === 'applications' && c.path.startsWith(`${field}.`),
  );
  const label = applicationRowAt(templateOf(version), groupKeys)?.row.label ?? '';
  const out: CellDeclaration[] = [];
  for (const leaf of leaves) {
    if (out.some((c) => c.column.id === leaf.column.id)) continue;
    out.push({
      ...leaf,
      path: `${field}.${leaf.column.id}`,
      rowKeys: groupKeys,
      rowLabels: [...leaf.rowLabels.slice(0, -1)],
      rowName: [label],
    });
  }
  return out;
}
