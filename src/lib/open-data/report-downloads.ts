/**
 * A report's own downloads, beside its page: data.csv (one row per cell), data.json and
 * tables.csv (the tables in their printed shape). Pure functions of the report's data.
 *
 * A build writes them with plain file writes after Astro is done (src/integrations/
 * archive-downloads.ts), not as Astro routes: at 10,000 reports the three routes per report cost
 * Astro ~30,000 route renders (measured: 47.1 s for data.csv and data.json, most of 84.4 s of
 * "other" for tables.csv, docs/performance.md) for files that need no page machinery. The dev
 * server still serves them through the same functions (src/pages/reports/[agency]/[year]/*.ts,
 * which list no paths in a build).
 */

import type { ReportBase } from '../content/archive.ts';
import { reportCsv, reportJsonText } from './open-data.ts';
import { printedCsv } from './printed-csv.ts';

/** The file names of a report's downloads, in its folder beside index.html. */
export const REPORT_DOWNLOADS = ['data.csv', 'data.json', 'tables.csv'] as const;
export type ReportDownload = (typeof REPORT_DOWNLOADS)[number];

/** The heading line of tables.csv. */
export const tablesCsvHeading = (report: ReportBase) =>
  `${report.agency.name} ${report.year} 年度政府信息公开工作年度报告 统计表`;

/** The text of one download; `pageUrl` is the report page's public URL (data.json names it). */
export function reportDownload(report: ReportBase, file: ReportDownload, pageUrl: string): string {
  switch (file) {
    case 'data.csv':
      return reportCsv(report);
    case 'data.json':
      return reportJsonText(report, pageUrl);
    case 'tables.csv':
      return printedCsv(tablesCsvHeading(report), report.tables);
  }
}

/** The Content-Type the dev server sends a download with (a static host infers it). */
export const downloadType = (file: ReportDownload) =>
  file.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8';
