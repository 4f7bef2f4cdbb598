import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { atomFeed, pagesModified, publicUrl, sitemap } from '../lib/site/discovery.ts';
import type { ReportBase } from '../lib/content/archive.ts';
import { SITE_NAME } from '../lib/site/identity.ts';
import { publishedOnly } from '../lib/content/drafts.ts';
import { sortedReports } from '../lib/site/site-data.ts';
import { agencyPath, reportPath, yearPath } from '../lib/site/urls.ts';

/**
 * /feed.xml (Atom, reports by publication date) and /sitemap.xml. Both need absolute URLs, so they
 * are built only when SITE_URL is set (`site` in astro.config.mjs); pages then link the feed.
 * A report's correction dates move its feed entry's <updated> and its pages' <lastmod>.
 */
export const getStaticPaths = (() =>
  import.meta.env.SITE
    ? [{ params: { file: 'feed' } }, { params: { file: 'sitemap' } }]
    : []) satisfies GetStaticPaths;

/** Reports by a key, in first-seen order (sitemap() sorts the URLs). */
function groupBy<K>(
  reports: readonly ReportBase[],
  key: (r: ReportBase) => K,
): Map<K, ReportBase[]> {
  const out = new Map<K, ReportBase[]>();
  for (const r of reports) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

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
          { loc: abs('/'), lastmod: pagesModified(reports) },
          { loc: abs('/data/'), lastmod: pagesModified(reports) },
          ...reports.map((r) => ({
            loc: abs(reportPath(r.agency.id, r.year)),
            lastmod: pagesModified([r]),
          })),
          ...[...groupBy(reports, (r) => r.agency.id)].map(([a, list]) => ({
            loc: abs(agencyPath(a)),
            lastmod: pagesModified(list),
          })),
          ...[...groupBy(reports, (r) => r.year)].map(([y, list]) => ({
            loc: abs(yearPath(y)),
            lastmod: pagesModified(list),
          })),
        ]);
  const type = params.file === 'feed' ? 'application/atom+xml' : 'application/xml';
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
};
