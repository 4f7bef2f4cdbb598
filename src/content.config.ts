import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import type { Agency } from './lib/content/agencies.ts';
import { loadArchiveCached, watchContent } from './lib/content/archive-cache.ts';
import { contentRoot } from './lib/content/content-root.ts';
import { splitRenderedProse } from './lib/content/report-prose.ts';
import {
  openProseCache,
  publishReports,
  reportWithProse,
  storeProse,
  type ReportRef,
} from './lib/content/report-store.ts';

// Validation lives in src/lib (loadArchive), which the content-check integration runs before
// content sync; these collections only wire the checked content into Astro.

/**
 * Reports, id `<agency>/<year>`. The prose is rendered here with Astro's Markdown processor (the
 * same remark plugins as MDX) and split at the table placeholders, instead of compiling each .mdx
 * into a JS module: that bundling dominated build time and memory at archive scale. Report MDX
 * is only Markdown plus the table components on their own lines (report-prose.ts enforces it),
 * so both readings give the same text. Unchanged prose is not rendered again (report-store.ts).
 *
 * The data store holds only each report's id and digest; the reports themselves are published in
 * this process and the pages resolve entries with `reportsOf` (report-store.ts): Astro bundles
 * its whole data store into the pages' code, which held every report several times over.
 */
const reports = defineCollection({
  loader: {
    name: 'nianbao-reports',
    load: async ({ store, config, generateDigest, renderMarkdown, watcher }) => {
      const projectRoot = fileURLToPath(config.root);
      const root = contentRoot(projectRoot);
      const prose = openProseCache(projectRoot);
      const render = async (markdown: string) =>
        splitRenderedProse((await renderMarkdown(markdown)).html);
      const sync = async () => {
        const archive = loadArchiveCached(root, watcher !== undefined);
        const ids = new Set(archive.reports.map((r) => r.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        const published = [];
        for (const report of archive.reports) {
          const { markdown, ...rest } = report;
          published.push(reportWithProse(rest, await storeProse(prose, markdown, render)));
          // The entry shape is part of the digest: a store written by an older build is replaced.
          const digest = generateDigest(`ref/1 ${JSON.stringify(report)}`);
          if (store.get(report.id)?.digest === digest) continue;
          const data: ReportRef = { id: report.id, digest };
          store.set({ id: report.id, data: { ...data }, digest });
        }
        publishReports(published);
      };
      await sync();
      // Dev only: added, changed and removed reports show without a restart.
      if (watcher) watchContent(watcher, root, 'reports', sync);
    },
  },
  schema: z.custom<ReportRef>(),
});

const agencies = defineCollection({
  loader: {
    name: 'nianbao-agencies',
    load: async ({ store, config, watcher }) => {
      const root = contentRoot(fileURLToPath(config.root));
      const sync = () => {
        const archive = loadArchiveCached(root, watcher !== undefined);
        store.clear();
        for (const agency of archive.agencies) store.set({ id: agency.id, data: { ...agency } });
      };
      sync();
      if (watcher) watchContent(watcher, root, 'agencies', sync);
    },
  },
  schema: z.custom<Agency>(),
});

export const collections = { reports, agencies };
