import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ReportBase } from '../../../../lib/content/archive.ts';
import { publicUrl } from '../../../../lib/site/discovery.ts';
import { downloadType, reportDownload } from '../../../../lib/open-data/report-downloads.ts';
import { reportRoutes } from '../../../../lib/site/site-data.ts';
import { reportPath } from '../../../../lib/site/urls.ts';

/**
 * The live preview's data.json. A build lists no paths here: it writes every report's downloads
 * itself after Astro is done (src/integrations/archive-downloads.ts, report-downloads.ts).
 */
export const getStaticPaths = (async () =>
  import.meta.env.DEV ? reportRoutes(await getCollection('reports')) : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { report } = props as { report: ReportBase };
  const page = publicUrl(site, import.meta.env.BASE_URL, reportPath(report.agency.id, report.year));
  return new Response(reportDownload(report, 'data.json', page), {
    headers: { 'content-type': downloadType('data.json') },
  });
};
