import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadArchiveCached, releaseArchive } from '../lib/content/archive-cache.ts';
import { contentRoot } from '../lib/content/content-root.ts';
import { draftRefusal } from '../lib/content/drafts.ts';
import { formatReport, hasErrors } from '../lib/content/problems.ts';
import { indexMemoryWarning, memoryLimit } from './search-index.ts';

/**
 * Checks all content before Astro reads it, so that `astro build` fails on exactly the problems
 * `npm run check` prints, in the same Chinese words, before any other error can come first.
 */
export default function contentCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'nianbao:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = contentRoot(fileURLToPath(config.root));
        const archive = loadArchiveCached(root, command === 'dev');
        const refusal =
          command === 'build' ? draftRefusal(archive.reports, process.env) : undefined;
        if (refusal && !hasErrors(archive.problems)) throw new Error(refusal);
        if (command === 'build') {
          const perYear = new Map<number, number>();
          for (const r of archive.reports) perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1);
          const warning = indexMemoryWarning(perYear, memoryLimit());
          if (warning) logger.warn(warning);
        }
        if (archive.problems.length === 0) return;
        const report = formatReport(archive.problems);
        if (hasErrors(archive.problems) && command !== 'dev') {
          throw new Error(`内容检查未通过，网站没有构建。\n\n${report}`);
        }
        logger.warn(`\n${report}`);
      },
      // Content sync (the loaders) runs before this hook: the archive is not needed in memory
      // while pages render (archive-cache.ts).
      'astro:build:start': () => releaseArchive(root),
    },
  };
}
