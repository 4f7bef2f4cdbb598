/**
 * The checked reports, sorted, for endpoints (which cannot use a layout): one place that turns the
 * collection into plain data in a deterministic order. The collection's entries carry only ids
 * (report-store.ts): the reports are resolved here.
 */
import type { ReportBase, ReportEntry } from '../content/archive.ts';
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

/**
 * Each report's previous report: the same agency's latest earlier one (as `previousReport` in
 * highlights.ts finds it), by report id, for all of them at once: one pass over the reports
 * instead of a search of the whole archive per report (quadratic at 50,000 reports).
 */
export function previousReports<T extends ReportBase>(reports: readonly T[]): Map<string, T> {
  const byAgency = new Map<string, T[]>();
  for (const r of reports) {
    const list = byAgency.get(r.agency.id);
    if (list) list.push(r);
    else byAgency.set(r.agency.id, [r]);
  }
  const out = new Map<string, T>();
  for (const list of byAgency.values()) {
    list.sort((a, b) => a.year - b.year);
    for (let i = 1; i < list.length; i++) {
      // Two reports of one year cannot both exist (one id), so the one before is earlier.
      out.set(list[i]!.id, list[i - 1]!);
    }
  }
  return out;
}
