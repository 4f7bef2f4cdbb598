import type { APIRoute } from 'astro';
import { dictionaryCsv } from '../../lib/open-data/open-data.ts';

/** The cell dictionary: every template version's cells with their printed labels. */
export const GET: APIRoute = () =>
  new Response(dictionaryCsv(), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
