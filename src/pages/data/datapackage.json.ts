import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../../lib/site/discovery.ts';
import { dataPackage, jsonText } from '../../lib/open-data/open-data.ts';
import { publishedOnly } from '../../lib/content/drafts.ts';

export const GET: APIRoute = async ({ site }) => {
  const reports = publishedOnly(await getCollection('reports'));
  const homepage = absoluteUrl(site, import.meta.env.BASE_URL, '/data/');
  return new Response(
    jsonText(dataPackage({ reports: reports.length, ...(homepage ? { homepage } : {}) })),
    { headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
};
