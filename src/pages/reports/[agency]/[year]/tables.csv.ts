import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ReportBase } from '../../../../lib/content/archive.ts';
import { printedCsv } from '../../../../lib/open-data/printed-csv.ts';
import { sortedReports } from '../../../../lib/site/site-data.ts';

/** The report's tables in their printed shape, for reading in a spreadsheet (see printed-csv.ts). */
export const getStaticPaths = (async () =>
  sortedReports(await getCollection('reports')).map((report) => ({
    params: { agency: report.agency.id, year: String(report.year) },
    props: { report },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { report } = props as { report: ReportBase };
  return new Response(
    printedCsv(
      `${report.agency.name} ${report.year} 年度政府信息公开工作年度报告 统计表`,
      report.tables,
    ),
    { headers: { 'content-type': 'text/csv; charset=utf-8' } },
  );
};
