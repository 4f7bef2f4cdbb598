import type { AstroIntegration } from 'astro';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchiveCached } from '../lib/content/archive-cache.ts';
import { draftsPreviewed, publishedOnly } from '../lib/content/drafts.ts';
import { contentRoot } from '../lib/content/content-root.ts';
import { publishedReports } from '../lib/content/report-store.ts';
import type { ReportBase } from '../lib/content/archive.ts';
import { publicUrl } from '../lib/site/discovery.ts';
import {
  archiveYears,
  yearCsvChunks,
  yearCsvName,
  yearJsonChunks,
  yearJsonName,
  yearNotesChunks,
  yearNotesName,
} from '../lib/open-data/open-data.ts';
import { REPORT_DOWNLOADS, reportDownload } from '../lib/open-data/report-downloads.ts';
import { reportPath } from '../lib/site/urls.ts';

/** Writes pieces to a file as they come, waiting whenever the disk falls behind. */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * Writes each built report's own downloads (data.csv, data.json, tables.csv: report-downloads.ts)
 * beside its page, and the whole-archive downloads, per year a wide CSV, a notes CSV and a JSON
 * (/data/archive-<year>.csv, archive-<year>-notes.csv, archive-<year>.json), after the build, one
 * report at a time straight to disk. As Astro endpoints their bodies were held in memory whole: at 10,000 reports that is two million cells, more than a JavaScript
 * string can hold.
 */
export default function archiveDownloads(): AstroIntegration {
  let root = '';
  let base = '/';
  let site: string | undefined;
  return {
    name: 'nianbao:archive-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = contentRoot(fileURLToPath(config.root));
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The reports the pages were built from. Reading the archive again (from the check's
        // cache) held a second copy of every report beside the store's: at 4,000 reports Node's
        // RSS peak was here (docs/performance.md 「Node 构建内存（第五轮）」).
        const all: readonly ReportBase[] = publishedReports() ?? loadArchiveCached(root).reports;
        const page = (path: string) => publicUrl(site, base, path);
        // Every report that has a page has its own downloads: drafts only in a NIANBAO_DRAFTS=1
        // preview (a build without it refuses drafts before it gets here).
        const built = draftsPreviewed(process.env) ? all : publishedOnly(all);
        for (const report of built) {
          const path = reportPath(report.agency.id, report.year);
          const folder = join(out, path);
          mkdirSync(folder, { recursive: true });
          for (const file of REPORT_DOWNLOADS)
            writeFileSync(join(folder, file), reportDownload(report, file, page(path)));
        }
        logger.info(`报告下载：${built.length} 份报告各写入 data.csv、data.json 和 tables.csv`);
        // Drafts (built only in a NIANBAO_DRAFTS=1 preview) stay out of the archive-wide files.
        const reports = publishedOnly(all);
        const years = archiveYears(reports);
        for (const year of years) {
          await writePieces(join(out, 'data', yearCsvName(year)), yearCsvChunks(reports, year));
          await writePieces(join(out, 'data', yearNotesName(year)), yearNotesChunks(reports, year));
          await writePieces(
            join(out, 'data', yearJsonName(year)),
            yearJsonChunks(reports, year, (r) => page(reportPath(r.agency.id, r.year))),
          );
        }
        logger.info(
          `整体下载：${reports.length} 份报告已按年度写入 data/ 下的 ${years.length} 组宽表 CSV、附注 CSV 和 JSON 文件`,
        );
      },
    },
  };
}
