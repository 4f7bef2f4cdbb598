import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../../lib/site/discovery.ts';
import { sortedReports } from '../../lib/site/site-data.ts';
import { dataPackage, jsonText, yearTables } from '../../lib/open-data/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const entries = (await getCollection('reports')).filter((e) => !e.data.draft);
  const homepage = absoluteUrl(site, import.meta.env.BASE_URL, '/data/');
  return new Response(
    jsonText(
      dataPackage({
        reports: entries.length,
        years: yearTables(sortedReports(entries)),
        ...(homepage ? { homepage } : {}),
      }),
    ),
    { headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
};
