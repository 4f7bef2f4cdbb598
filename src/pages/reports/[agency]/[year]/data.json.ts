import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ReportBase } from '../../../../lib/content/archive.ts';
import { publicUrl } from '../../../../lib/site/discovery.ts';
import { reportJsonText } from '../../../../lib/open-data/open-data.ts';
import { reportRoutes } from '../../../../lib/site/site-data.ts';
import { reportPath } from '../../../../lib/site/urls.ts';

export const getStaticPaths = (async () =>
  reportRoutes(await getCollection('reports'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { report } = props as { report: ReportBase };
  const path = reportPath(report.agency.id, report.year);
  const page = publicUrl(site, import.meta.env.BASE_URL, path);
  return new Response(reportJsonText(report, page), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
