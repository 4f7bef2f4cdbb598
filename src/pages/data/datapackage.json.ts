import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../../lib/site/discovery.ts';
import { sortedReports } from '../../lib/site/site-data.ts';
import { compactJson, dataPackage, yearTables } from '../../lib/open-data/open-data.ts';

/** datapackage.json: one line per field (the wide files have a field per cell). */
export const GET: APIRoute = async ({ site }) => {
  const reports = sortedReports(await getCollection('reports')).filter((r) => !r.draft);
  const homepage = absoluteUrl(site, import.meta.env.BASE_URL, '/data/');
  return new Response(
    `${compactJson(
      dataPackage({
        reports: reports.length,
        years: yearTables(reports),
        ...(homepage ? { homepage } : {}),
      }),
    )}\n`,
    { headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
};
