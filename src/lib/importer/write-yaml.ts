/**
 * Writes a report's tables as `data/reports/<agency>/<year>.yaml`, laid out like the hand-made
 * files: table 二 one row per line with its sub-table heading, tables 三 and 四 as rows of cells
 * under a comment naming the columns.
 */

import { stringify } from 'yaml';
import type { Discrepancy } from '../template/model.ts';
import {
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  APPLICATION_COLUMNS,
  type ApplicationRow,
  type TemplateVersion,
} from '../template/declarations.ts';
import { templateOf } from '../template/registry.ts';

export interface TablesToWrite {
  readonly template: TemplateVersion;
  readonly cells: Readonly<Record<string, number | null>>;
  readonly units: Readonly<Record<string, string | null>>;
  readonly cellNotes: Readonly<Record<string, string>>;
  readonly discrepancies: readonly Discrepancy[];
  /** Writes `status: draft` (the content contract's draft marker). */
  readonly draft?: boolean;
  /** Tables written as `not_printed`. */
  readonly notPrinted?: readonly string[];
  /** Rows printed combined, by key path below `applications` (written as one 7-cell row). */
  readonly combined?: Readonly<Record<string, readonly (number | null)[]>>;
}

/** A scalar as YAML writes it (quoted only when it must be). */
export function yamlScalar(value: string | number | null): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function value(v: number | null | undefined): string {
  return v === null || v === undefined ? 'null' : String(v);
}

/** The YAML text; `header` lines become comments at the top. */
export function writeReportYaml(t: TablesToWrite, header: readonly string[]): string {
  const out: string[] = header.map((h) => (h === '' ? '#' : `# ${h}`));
  if (t.draft) out.push('status: draft');
  out.push(`template: ${t.template}`, '');
  const notPrinted = new Set(t.notPrinted ?? []);
  const combined = t.combined ?? {};
  if (notPrinted.has('proactive')) out.push('proactive: not_printed');
  else out.push('proactive:');
  if (!notPrinted.has('proactive'))
    for (const section of templateOf(t.template).proactive) {
      out.push(`  # ${section.heading}`);
      for (const row of section.rows) {
        const fields = section.columns.map(
          (c) => `${c.id}: ${value(t.cells[`proactive.${row.id}.${c.id}`])}`,
        );
        if (section.unit) {
          const unit = t.units[`proactive.${row.id}.${section.unit.column}`] ?? null;
          fields.push(`${section.unit.key}: ${unit === null ? 'null' : yamlScalar(unit)}`);
        }
        out.push(`  ${row.id}: { ${fields.join(', ')} }`);
      }
    }

  const pad = 24;
  out.push('', notPrinted.has('applications') ? 'applications: not_printed' : 'applications:');
  if (!notPrinted.has('applications'))
    out.push(`  #${' '.repeat(pad - 1)}[${APPLICATION_COLUMNS.map((c) => c.label).join(', ')}]`);
  const walk = (rows: readonly ApplicationRow[], keys: string[], indent: string): void => {
    for (const row of rows) {
      if (row.key === null) {
        walk(row.children ?? [], keys, indent);
        continue;
      }
      const k = [...keys, row.key];
      const printedAsOne = combined[k.join('.')];
      if (printedAsOne) {
        // Printed as one row: kept as printed; its sub-rows are not printed.
        const keyText = `${indent}${row.key}:`;
        out.push(`${(keyText + ' ').padEnd(pad + 2)}[${printedAsOne.map(value).join(', ')}]`);
        continue;
      }
      if (row.children) {
        out.push(`${indent}${row.key}:`);
        walk(row.children, k, `${indent}  `);
        continue;
      }
      const cells = APPLICATION_COLUMNS.map((c) =>
        value(t.cells[['applications', ...k, c.id].join('.')]),
      );
      const keyText = `${indent}${row.key}:`;
      out.push(`${(keyText + ' ').padEnd(pad + 2)}[${cells.join(', ')}]`);
    }
  };
  if (!notPrinted.has('applications')) walk(templateOf(t.template).applicationRows, [], '  ');

  out.push('', notPrinted.has('appeals') ? 'appeals: not_printed' : 'appeals:');
  if (!notPrinted.has('appeals'))
    out.push(`  #${' '.repeat(pad - 1)}[${APPEALS_COLUMNS.map((c) => c.label).join(', ')}]`);
  for (const row of notPrinted.has('appeals') ? [] : APPEALS_ROWS) {
    const cells = APPEALS_COLUMNS.map((c) => value(t.cells[`appeals.${row.id}.${c.id}`]));
    out.push(`${`  ${row.id}: `.padEnd(pad + 2)}[${cells.join(', ')}]`);
  }

  const notePaths = Object.keys(t.cellNotes);
  if (notePaths.length > 0) {
    out.push('', 'cell_notes:');
    // In the order of the template's cells, like the tables above.
    for (const path of notePaths) out.push(`  ${path}: ${yamlScalar(t.cellNotes[path] ?? '')}`);
  }
  if (t.discrepancies.length > 0) {
    out.push('', 'discrepancies:');
    for (const d of t.discrepancies) {
      out.push(
        `  - check: ${d.check}`,
        `    left: ${d.left}`,
        `    right: ${d.right}`,
        `    note: ${yamlScalar(d.note)}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
