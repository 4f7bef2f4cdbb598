/**
 * A report YAML's cells by path, read with the plain `yaml` parser and the column order typed
 * here by hand from the national templates: independent of src/lib, so that tests comparing
 * pages and downloads with it would see a number that the project's reader put in the wrong cell.
 */
import { parse } from 'yaml';

const APPLICATION_COLUMNS = [
  'natural',
  'business',
  'research',
  'nonprofit',
  'legal',
  'other',
  'total',
];
const APPEALS_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function rawCells(yamlText: string): Map<string, number | null> {
  const doc = parse(yamlText) as Record<string, unknown>;
  const out = new Map<string, number | null>();
  const proactive = doc.proactive as Record<string, Record<string, unknown>>;
  for (const [row, cells] of Object.entries(proactive)) {
    for (const [column, value] of Object.entries(cells)) {
      if (column !== 'unit') out.set(`proactive.${row}.${column}`, value as number | null);
    }
  }
  const rows = (node: unknown, path: string, columns: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => out.set(`${path}.${columns[i]}`, v as number | null));
      return;
    }
    for (const [k, v] of Object.entries(node as Record<string, unknown>))
      rows(v, `${path}.${k}`, columns);
  };
  rows(doc.applications, 'applications', APPLICATION_COLUMNS);
  rows(doc.appeals, 'appeals', APPEALS_COLUMNS);
  return out;
}
