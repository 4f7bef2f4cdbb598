/**
 * The checked reports, sorted, for endpoints (which cannot use a layout): one place that turns the
 * collection into plain data in a deterministic order.
 */
import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';

/** The route of each report's page and downloads: its params and the report, sorted. */
export function reportRoutes<T extends ReportBase>(entries: readonly { data: T }[]) {
  return sortedReports(entries).map((report) => ({
    params: { agency: report.agency.id, year: String(report.year) },
    props: { report },
  }));
}

export function sortedReports<T extends ReportBase>(entries: readonly { data: T }[]): T[] {
  return entries.map((e) => e.data).sort((a, b) => compareText(a.id, b.id));
}
