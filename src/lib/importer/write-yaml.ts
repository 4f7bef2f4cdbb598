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
  out.push(`template: ${t.template}`, '', 'proactive:');
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

  out.push('', 'applications:');
  const pad = 24;
  out.push(`  #${' '.repeat(pad - 1)}[${APPLICATION_COLUMNS.map((c) => c.label).join(', ')}]`);
  const walk = (rows: readonly ApplicationRow[], keys: string[], indent: string): void => {
    for (const row of rows) {
      if (row.key === null) {
        walk(row.children ?? [], keys, indent);
        continue;
      }
      const k = [...keys, row.key];
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
  walk(templateOf(t.template).applicationRows, [], '  ');

  out.push('', 'appeals:');
  out.push(`  #${' '.repeat(pad - 1)}[${APPEALS_COLUMNS.map((c) => c.label).join(', ')}]`);
  for (const row of APPEALS_ROWS) {
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
