/**
 * The checked reports, sorted, for endpoints (which cannot use a layout): one place that turns the
 * collection into plain data in a deterministic order. The collection's entries carry only ids
 * (report-store.ts): the reports are resolved here.
 */
import type { ReportEntry } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';
import { reportsOf, type ReportRef } from '../content/report-store.ts';

/** The route of each report's page and downloads: its params and the report, sorted. */
export function reportRoutes(entries: readonly { data: ReportRef }[]) {
  return sortedReports(entries).map((report) => ({
    params: { agency: report.agency.id, year: String(report.year) },
    props: { report },
  }));
}

export function sortedReports(entries: readonly { data: ReportRef }[]): ReportEntry[] {
  return reportsOf(entries).sort((a, b) => compareText(a.id, b.id));
}
