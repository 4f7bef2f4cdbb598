import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../../lib/site/discovery.ts';
import { sortedReports } from '../../lib/site/site-data.ts';
import { archiveYears, dataPackage, jsonText } from '../../lib/open-data/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const reports = sortedReports(await getCollection('reports')).filter((r) => !r.draft);
  const homepage = absoluteUrl(site, import.meta.env.BASE_URL, '/data/');
  return new Response(
    jsonText(
      dataPackage({
        reports: reports.length,
        years: archiveYears(reports),
        ...(homepage ? { homepage } : {}),
      }),
    ),
    { headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
};
