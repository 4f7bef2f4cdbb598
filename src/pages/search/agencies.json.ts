import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { reportsOf } from '../../lib/content/report-store.ts';
import { filterOptions } from '../../lib/site/search-fields.ts';

/**
 * /search/agencies.json: the 机构 filter's choices, every agency name in the order the search page
 * lists them (the same filterOptions the page uses for its other filters). The page fetches it
 * only when the reader opens 「筛选和排序」: at 10,000 reports the ~2,200 names written into the
 * page's <select> were ~29 KB of every first search (docs/performance.md 「检索字节（第五轮）」).
 */
export const GET: APIRoute = async () => {
  const names = filterOptions(reportsOf(await getCollection('reports'))).agency.map((o) => o.value);
  return new Response(`${JSON.stringify(names)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
