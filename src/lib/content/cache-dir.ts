/**
 * Where the build's caches live and how they are kept from growing without end (issue 14).
 *
 * The content check's cache (check-cache.ts), the rendered-prose cache (report-store.ts) and the
 * search index's bundles (src/lib/site/index-cache.ts) sit in one folder: `node_modules/.cache/nianbao/` by default, or NIANBAO_CACHE_DIR (relative to the
 * project) when it is set. A CI job sets it to a folder outside node_modules, because `npm ci`
 * deletes node_modules before the build, and keeps that folder between runs with the host's cache
 * (the CI files in .github, .gitea and .gitlab-ci.yml).
 *
 * Entries are keyed by content hashes, so an entry never goes stale, but one whose file changed
 * is never read again. Every read touches its entry's modification time; `pruneCache` deletes
 * entries nobody has read or written for `days` days (30 by default), which no build that is
 * still running can need: a running build has touched every entry it uses.
 */

import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CACHE_DIR_ENV = 'NIANBAO_CACHE_DIR';

/** The folder of the caches of the project at `project`. */
export function cacheRoot(project: string): string {
  const configured = process.env[CACHE_DIR_ENV];
  return configured ? resolve(project, configured) : join(project, 'node_modules/.cache/nianbao');
}

/** Marks a cache entry as used now; a failure (read-only checkout) only costs a later miss. */
export function touchEntry(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Nothing to do: the entry stays valid, it may only be pruned sooner.
  }
}

/**
 * Deletes the entries under `root` (any depth) not used for `days` days, and the folders that
 * become empty. Returns how many files were removed and kept.
 */
export function pruneCache(
  root: string,
  days = 30,
  now = Date.now(),
): { removed: number; kept: number } {
  const limit = now - days * 24 * 60 * 60 * 1000;
  const counts = { removed: 0, kept: 0 };
  const walk = (dir: string): boolean => {
    let empty = true;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (walk(path)) rmSync(path, { recursive: true, force: true });
        else empty = false;
      } else if (stat.mtimeMs < limit) {
        rmSync(path, { force: true });
        counts.removed++;
      } else {
        counts.kept++;
        empty = false;
      }
    }
    return empty;
  };
  if (existsSync(root)) walk(root);
  return counts;
}
