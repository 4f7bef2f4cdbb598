import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ReportBase } from '../../../../lib/content/archive.ts';
import { absoluteUrl } from '../../../../lib/site/discovery.ts';
import { jsonText, reportJson } from '../../../../lib/open-data/open-data.ts';
import { sortedReports } from '../../../../lib/site/site-data.ts';
import { reportPath, url } from '../../../../lib/site/urls.ts';

export const getStaticPaths = (async () =>
  sortedReports(await getCollection('reports')).map((report) => ({
    params: { agency: report.agency.id, year: String(report.year) },
    props: { report },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { report } = props as { report: ReportBase };
  const path = reportPath(report.agency.id, report.year);
  const page = absoluteUrl(site, import.meta.env.BASE_URL, path) ?? url(path);
  return new Response(jsonText(reportJson(report, page)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
