import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl } from '../../lib/discovery.ts';
import { archiveJsonChunks, streamedResponse } from '../../lib/open-data.ts';
import { sortedReports } from '../../lib/site-data.ts';
import { reportPath, url } from '../../lib/urls.ts';

// Streamed: the whole archive's JSON can be larger than one JavaScript string.
export const GET: APIRoute = async ({ site }) => {
  const reports = sortedReports(await getCollection('reports'));
  const page = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path) ?? url(path);
  return streamedResponse(
    archiveJsonChunks(reports, (r) => page(reportPath(r.agency.id, r.year))),
    'application/json; charset=utf-8',
  );
};
