import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { archiveCsvChunks, streamedResponse } from '../../lib/open-data.ts';
import { sortedReports } from '../../lib/site-data.ts';

// Streamed: the whole archive's CSV can be larger than one JavaScript string.
export const GET: APIRoute = async () =>
  streamedResponse(
    archiveCsvChunks(sortedReports(await getCollection('reports'))),
    'text/csv; charset=utf-8',
  );
