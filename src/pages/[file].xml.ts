import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { atomFeed, publicUrl, sitemap } from '../lib/site/discovery.ts';
import { SITE_NAME } from '../lib/site/identity.ts';
import { publishedOnly } from '../lib/content/drafts.ts';
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

export const GET: APIRoute = async ({ params, site }) => {
  // Drafts (built only in a NIANBAO_DRAFTS=1 preview) are never announced.
  const reports = publishedOnly(sortedReports(await getCollection('reports')));
  const abs = (path: string) => publicUrl(site, import.meta.env.BASE_URL, path);
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
