import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ReportBase } from '../../../../lib/content/archive.ts';
import { reportCsv } from '../../../../lib/open-data/open-data.ts';
import { reportRoutes } from '../../../../lib/site/site-data.ts';

export const getStaticPaths = (async () =>
  reportRoutes(await getCollection('reports'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(reportCsv((props as { report: ReportBase }).report), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
