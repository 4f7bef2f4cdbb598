import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { atomFeed, pagesModified, publicUrl } from '../lib/site/discovery.ts';
import type { ReportBase } from '../lib/content/archive.ts';
import { SITE_NAME } from '../lib/site/identity.ts';
import { publishedOnly } from '../lib/content/drafts.ts';
import { sortedReports } from '../lib/site/site-data.ts';
import { sitemapFiles } from '../lib/site/sitemaps.ts';
import { agencyPath, reportPath, yearPath } from '../lib/site/urls.ts';

/**
 * /feed.xml (Atom, reports by publication date) and /sitemap.xml. Both need absolute URLs, so they
 * are built only when SITE_URL is set (`site` in astro.config.mjs); pages then link the feed.
 * A report's correction dates move its feed entry's <updated> and its pages' <lastmod>. Above the
 * sitemap protocol's 50,000 URLs a file, /sitemap.xml is an index of /sitemap-1.xml … (sitemaps.ts).
 */
export const getStaticPaths = (async () => {
  if (!import.meta.env.SITE) return [];
  // Drafts (built only in a NIANBAO_DRAFTS=1 preview) are never announced.
  const reports = publishedOnly(sortedReports(await getCollection('reports')));
  const abs = (path: string) => publicUrl(import.meta.env.SITE, import.meta.env.BASE_URL, path);
  const feed = atomFeed(reports, {
    title: SITE_NAME,
    siteUrl: abs('/'),
    feedUrl: abs('/feed.xml'),
    reportUrl: (r) => abs(reportPath(r.agency.id, r.year)),
  });
  const sitemaps = sitemapFiles(
    [
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
    ],
    (name) => abs(`/${name}.xml`),
  );
  return [
    { params: { file: 'feed' }, props: { body: feed, type: 'application/atom+xml' } },
    ...[...sitemaps].map(([file, body]) => ({
      params: { file },
      props: { body, type: 'application/xml' },
    })),
  ];
}) satisfies GetStaticPaths;

/** Reports by a key, in first-seen order (sitemapFiles() sorts the URLs). */
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

export const GET: APIRoute = ({ props }) => {
  const { body, type } = props as { body: string; type: string };
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
};
