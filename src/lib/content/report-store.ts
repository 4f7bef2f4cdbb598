/**
 * The checked reports as pages read them, kept in this process instead of in Astro's content data
 * store (issue 14, Node's build memory).
 *
 * Astro serialises its whole data store into one JavaScript module that the prerender bundle
 * imports: every report's tables and rendered prose were then held as the module's source text,
 * as the JSON string literal inside it, as the parsed flat array and as the objects built from
 * it, besides the bundler's own copy while it bundled that module (measured at 1,000 reports:
 * ~75 MiB of the ~190 MiB live heap while pages render, and a larger V8 heap and bundler peak
 * around it). The reports loader now puts only each report's id and digest into the data store
 * (what Astro needs to know an entry changed, so the live preview still reloads) and publishes
 * the reports here, on `globalThis` because the loader and the pages run in different Vite module
 * graphs of one process. Pages resolve the entries `getCollection` gives them through
 * `reportOf`/`reportsOf`.
 *
 * The rendered prose, which only the report's own page shows, is not held at all: it is written
 * once per distinct Markdown text to `node_modules/.cache/nianbao/prose/` and read back when a
 * page asks for `report.prose` (a getter), so a rebuild also skips rendering unchanged prose, as
 * the data store did before. Its key covers the Markdown text, the Markdown configuration
 * (astro.config.mjs), the code that splits the rendered prose (the source of src/lib/content and
 * src/lib/template, as the content check's cache hashes it, with the lock file and Node's
 * version) and FORMAT, so a changed processor or splitter never serves a stale rendering.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportBase, ReportEntry } from './archive.ts';
import type { ProseSegment } from './report-prose.ts';
import { codeHashOf } from './check-cache.ts';
import { cacheRoot, touchEntry } from './cache-dir.ts';

/** Raise when the stored shape of the rendered prose changes. */
const FORMAT = 1;

/** What the data store holds for a report: enough for Astro to see that the entry changed. */
export interface ReportRef {
  readonly id: string;
  readonly digest: string;
}

const KEY = Symbol.for('nianbao.report-store');
type Store = Map<string, ReportEntry>;

function store(): Store | undefined {
  return (globalThis as { [KEY]?: Store })[KEY];
}

/** Replaces the published reports (each sync of the reports loader publishes all of them). */
export function publishReports(reports: readonly ReportEntry[]): void {
  (globalThis as { [KEY]?: Store })[KEY] = new Map(reports.map((r) => [r.id, r]));
}

/**
 * Every report the reports loader published in this process (drafts included, in the archive's
 * order), or undefined before content sync. The archive-wide downloads read them here after the
 * pages are built instead of reading the archive a second time beside them.
 */
export function publishedReports(): readonly ReportEntry[] | undefined {
  const reports = store();
  return reports && [...reports.values()];
}

/** The report of a data-store entry, as the reports loader published it in this process. */
export function reportOf(ref: ReportRef): ReportEntry {
  const report = store()?.get(ref.id);
  if (!report) {
    throw new Error(
      `报告 ${ref.id} 在 Astro 的内容数据中，却不在本次构建读入的报告里（src/content.config.ts 的 reports 加载器）：请删除 node_modules/.astro 文件夹后重新构建。`,
    );
  }
  return report;
}

/** `reportOf` for each entry `getCollection('reports')` returned, in the same order. */
export function reportsOf(entries: readonly { data: ReportRef }[]): ReportEntry[] {
  return entries.map((e) => reportOf(e.data));
}

/** The rendered-prose cache: a folder and the hash of what besides the Markdown decides it. */
export interface ProseCache {
  readonly dir: string;
  readonly salt: string;
}

const sha256 = (...parts: readonly string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/**
 * The prose cache of the project at `projectRoot` (where astro.config.mjs and node_modules are),
 * salted with the Markdown configuration, the content code's source and the lock file.
 */
export function openProseCache(projectRoot: string, dir?: string): ProseCache {
  return {
    dir: dir ?? join(cacheRoot(projectRoot), 'prose'),
    salt: sha256(
      String(FORMAT),
      readIfExists(join(projectRoot, 'astro.config.mjs')),
      // Covers src/lib/content (report-prose.ts splits the rendered HTML), the lock file and Node.
      codeHashOf(projectRoot),
    ),
  };
}

function prosePath(cache: ProseCache, markdown: string): string {
  const key = sha256(cache.salt, markdown);
  return join(cache.dir, key.slice(0, 2), `${key}.json`);
}

function readProse(path: string): readonly ProseSegment[] | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ProseSegment[];
  } catch {
    return undefined;
  }
}

/**
 * Renders the prose of `markdown` with `render` unless the cache holds it, stores it, and returns
 * the path it is stored at. Written atomically (temporary file, then rename): parallel builds may
 * share the folder.
 */
export async function storeProse(
  cache: ProseCache,
  markdown: string,
  render: (markdown: string) => Promise<readonly ProseSegment[]>,
): Promise<string> {
  const path = prosePath(cache, markdown);
  // Entries are only ever renamed into place whole, so one that exists is complete.
  if (existsSync(path)) {
    touchEntry(path);
    return path;
  }
  const segments = await render(markdown);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(segments));
  renameSync(temporary, path);
  return path;
}

/**
 * A report as pages read it, its prose read from `prosePath` whenever it is asked for (only the
 * report's own page renders it, once): the prose of every report is not held during the build.
 */
export function reportWithProse(report: ReportBase, prosePath: string): ReportEntry {
  const entry = { ...report } as ReportEntry;
  Object.defineProperty(entry, 'prose', {
    enumerable: true,
    get: (): readonly ProseSegment[] => {
      const segments = readProse(prosePath);
      if (!segments) {
        throw new Error(
          `报告 ${report.id} 的正文渲染结果缺失（${prosePath}）：请删除 ${dirname(dirname(prosePath))} 和 node_modules/.astro 两个文件夹后重新构建。`,
        );
      }
      return segments;
    },
  });
  return entry;
}
