import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { archiveCsv } from '../../lib/open-data.ts';
import { sortedReports } from '../../lib/site-data.ts';

export const GET: APIRoute = async () =>
  new Response(archiveCsv(sortedReports(await getCollection('reports'))), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
