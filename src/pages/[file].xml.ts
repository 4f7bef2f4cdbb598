import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { absoluteUrl, atomFeed, sitemap } from '../lib/site/discovery.ts';
import { sortedReports } from '../lib/site/site-data.ts';
import { agencyPath, reportPath, yearPath } from '../lib/site/urls.ts';

/**
 * /feed.xml (Atom, reports by publication date) and /sitemap.xml. Both need absolute URLs, so they
 * are built only when SITE_URL is set (`site` in astro.config.mjs); pages then link the feed.
 */
export const getStaticPaths = (() =>
  import.meta.env.SITE
    ? [{ params: { file: 'feed' } }, { params: { file: 'sitemap' } }]
    : []) satisfies GetStaticPaths;

const SITE_NAME = '政府信息公开年报档案';

export const GET: APIRoute = async ({ params, site }) => {
  const reports = sortedReports(await getCollection('reports'));
  const abs = (path: string) => absoluteUrl(site, import.meta.env.BASE_URL, path) ?? path;
  const body =
    params.file === 'feed'
      ? atomFeed(reports, {
          title: SITE_NAME,
          siteUrl: abs('/'),
          feedUrl: abs('/feed.xml'),
          reportUrl: (r) => abs(reportPath(r.agency.id, r.year)),
        })
      : sitemap([
          abs('/'),
          abs('/data/'),
          ...reports.map((r) => abs(reportPath(r.agency.id, r.year))),
          ...[...new Set(reports.map((r) => r.agency.id))].map((a) => abs(agencyPath(a))),
          ...[...new Set(reports.map((r) => r.year))].map((y) => abs(yearPath(y))),
        ]);
  const type = params.file === 'feed' ? 'application/atom+xml' : 'application/xml';
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
};
