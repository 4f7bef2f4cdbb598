import type { AstroIntegration } from 'astro';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArchiveCached } from '../lib/content/archive-cache.ts';
import { publishedOnly } from '../lib/content/drafts.ts';
import { contentRoot } from '../lib/content/content-root.ts';
import { publicUrl } from '../lib/site/discovery.ts';
import { archiveCsvChunks, archiveJsonChunks } from '../lib/open-data/open-data.ts';
import { joinBase, reportPath } from '../lib/site/urls.ts';

/** Writes pieces to a file as they come, waiting whenever the disk falls behind. */
async function writePieces(file: string, pieces: Iterable<string>): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * Writes the whole-archive downloads, /data/archive.csv and /data/archive.json, after the build,
 * one report at a time straight to disk. As Astro endpoints their bodies were held in memory
 * whole: at 10,000 reports that is two million cells, more than a JavaScript string can hold.
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
        // Drafts (built only in a NIANBAO_DRAFTS=1 preview) stay out of the archive-wide files.
        const reports = publishedOnly(loadArchiveCached(root).reports);
        const page = (path: string) => publicUrl(site, base, path);
        await writePieces(join(out, 'data/archive.csv'), archiveCsvChunks(reports));
        await writePieces(
          join(out, 'data/archive.json'),
          archiveJsonChunks(reports, (r) => page(reportPath(r.agency.id, r.year))),
        );
        logger.info(
          `整体下载：${reports.length} 份报告已写入 data/archive.csv 和 data/archive.json`,
        );
      },
    },
  };
}
