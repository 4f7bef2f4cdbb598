import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { publishedOnly } from '../lib/content/drafts.ts';
import { sortedReports } from '../lib/site/site-data.ts';
import { SHARD_ID_ENV, SHARD_NAME_ENV, SUMMARY_FILE, shardSummary } from '../lib/shards/summary.ts';

/**
 * /shard-summary.json: what this build holds, for the top level of a sharded national archive
 * (src/lib/shards/summary.ts, scripts/shards/). Written only when the build is a shard
 * (NIANBAO_SHARD set by the shard driver); an ordinary build emits nothing here.
 */
export const getStaticPaths = (() =>
  process.env[SHARD_ID_ENV]
    ? [{ params: { summary: SUMMARY_FILE.replace(/\.json$/, '') } }]
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const reports = publishedOnly(sortedReports(await getCollection('reports')));
  const agencies = (await getCollection('agencies')).map((e) => e.data);
  const id = process.env[SHARD_ID_ENV]!;
  const summary = shardSummary(
    { id, name: process.env[SHARD_NAME_ENV] || id, base: import.meta.env.BASE_URL },
    reports,
    agencies,
  );
  return new Response(`${JSON.stringify(summary)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
