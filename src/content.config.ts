import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import type { Agency } from './lib/agencies.ts';
import type { ArchiveReport } from './lib/archive.ts';
import { loadArchiveCached } from './lib/archive-cache.ts';
import { PROSE_DIR } from './lib/archive.ts';
import { contentRoot } from './lib/content-root.ts';

// Validation lives in src/lib (loadArchive), which the content-check integration runs before
// content sync; these collections only wire the checked content into Astro.

/**
 * The report prose, only to render it. Front matter was checked by loadArchive (which reads it as
 * YAML 1.2: dates stay text) and pages take it from the `reports` collection, so no schema here.
 */
const prose = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: `${contentRoot(process.cwd())}/${PROSE_DIR}` }),
});

/** Checked reports (tables, notices, carry-over warnings), id `<agency>/<year>`. */
const reports = defineCollection({
  loader: {
    name: 'nianbao-reports',
    load: async ({ store, config, generateDigest, watcher }) => {
      const archive = loadArchiveCached(
        contentRoot(fileURLToPath(config.root)),
        watcher !== undefined,
      );
      store.clear();
      for (const report of archive.reports) {
        store.set({
          id: report.id,
          data: { ...report },
          digest: generateDigest(report.id + JSON.stringify(report.tables)),
        });
      }
    },
  },
  schema: z.custom<ArchiveReport>(),
});

const agencies = defineCollection({
  loader: {
    name: 'nianbao-agencies',
    load: async ({ store, config, watcher }) => {
      const archive = loadArchiveCached(
        contentRoot(fileURLToPath(config.root)),
        watcher !== undefined,
      );
      store.clear();
      for (const agency of archive.agencies) store.set({ id: agency.id, data: { ...agency } });
    },
  },
  schema: z.custom<Agency>(),
});

export const collections = { prose, reports, agencies };
