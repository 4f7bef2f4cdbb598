import { resolve, sep } from 'node:path';
import { loadArchive, type Archive } from './archive.ts';

/**
 * One read of the content per build. The integration (config phase) and the content loader run in
 * the same process but in different Vite module graphs, so the cache lives on globalThis.
 * In dev, content changes while the server runs: `fresh` bypasses the cache, and
 * `watchContent` re-runs a loader when a file under the content folders is added, changed or
 * removed (live preview, issue 13).
 */
const KEY = Symbol.for('nianbao.archive');
type Cache = Map<string, Archive>;

export function loadArchiveCached(root: string, fresh = false): Archive {
  const g = globalThis as { [KEY]?: Cache };
  const cache = (g[KEY] ??= new Map());
  const hit = cache.get(root);
  if (hit && !fresh) return hit;
  const archive = loadArchive(root);
  cache.set(root, archive);
  return archive;
}

/**
 * Forgets the archive read for `root`. A build calls it once content sync is done: the pages read
 * Astro's data store, and keeping every report's parsed tables and prose besides it for the rest
 * of the build cost about 34 KB per report (docs/performance.md). A later reader (the archive-wide
 * downloads) reads it again, from the content check's cache (check-cache.ts).
 */
export function releaseArchive(root: string): void {
  (globalThis as { [KEY]?: Cache })[KEY]?.delete(root);
}

/** The folders an editor changes: the agency list, the report tables and the report prose. */
export function contentFolders(root: string): string[] {
  return [resolve(root, 'data'), resolve(root, 'src/content/reports')];
}

/** The part of Vite's file watcher (chokidar) that the live preview uses. */
export interface ContentWatcher {
  add(paths: string | readonly string[]): unknown;
  on(event: 'all', listener: (event: string, path: string) => void): unknown;
}

/** Per watcher, the current reload function of each collection: load() may run again in dev. */
const WATCHED = new WeakMap<ContentWatcher, Map<string, () => unknown>>();

/**
 * Calls `reload` (debounced, so a save that writes several files reloads once) whenever a file
 * under the content folders of `root` is added, changed or removed. `name` (the collection) keeps
 * one listener per collection when Astro calls the loader again.
 */
export function watchContent(
  watcher: ContentWatcher,
  root: string,
  name: string,
  reload: () => unknown,
): void {
  let reloads = WATCHED.get(watcher);
  if (!reloads) WATCHED.set(watcher, (reloads = new Map()));
  const known = reloads.has(name);
  reloads.set(name, reload);
  if (known) return;
  const folders = contentFolders(root);
  watcher.add(folders);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watcher.on('all', (_event, path) => {
    const abs = resolve(path);
    if (!folders.some((f) => abs === f || abs.startsWith(f + sep))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reloads.get(name)?.(), 150);
  });
}
