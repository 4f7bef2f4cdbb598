/**
 * The checked reports, sorted, for endpoints (which cannot use a layout): one place that turns the
 * collection into plain data in a deterministic order.
 */
import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';

export function sortedReports(entries: readonly { data: ReportBase }[]): ReportBase[] {
  return entries.map((e) => e.data).sort((a, b) => compareText(a.id, b.id));
}
