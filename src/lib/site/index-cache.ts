/**
 * The search index's bundles kept between builds (issue 14: the rebuild after one report changed).
 *
 * The index is one Pagefind bundle per report year plus one for the agency pages
 * (src/integrations/search-index.ts). Pagefind writes the same files for the same pages, so a
 * bundle whose input pages are byte-identical to a bundle built before is copied from this cache
 * instead of indexed again: after one report changed, only its year's bundle (and the agencies'
 * bundle, when an agency page changed with it) is rebuilt. Pagefind was ~40 % of a cold build's CPU
 * at 10,000 reports (docs/performance.md).
 *
 * An entry's key is the hash of everything that decides the bundle's bytes: `settings` (the
 * caller's Pagefind options and what it removes from a bundle, plus FORMAT), `salt` (the lock
 * file, which pins Pagefind's version) and every input page's path and bytes. An entry is a
 * folder `<key>/files/` and a manifest `<key>/manifest.json` (every file with its size) written
 * after the files and renamed into place, so a half-written or half-pruned entry (cache-dir.ts
 * prunes files unused for 30 days) is never taken for a whole one: it is built again.
 */

import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { touchEntry } from '../content/cache-dir.ts';

/** Raise when what the index writer does to a bundle changes in a way `settings` does not show. */
const FORMAT = 1;

/** Where entries live and what besides the pages decides them. */
export interface IndexCache {
  readonly dir: string;
  readonly salt: string;
}

/** The cache of the project at `project`, in the caches' folder `cacheDir` (cache-dir.ts). */
export function openIndexCache(project: string, cacheDir: string): IndexCache {
  const lock = join(project, 'package-lock.json');
  const salt = existsSync(lock) ? sha256(readFileSync(lock)) : 'no-lock-file';
  return { dir: join(cacheDir, 'pagefind'), salt };
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The key of a bundle built from `pages` (paths relative to `outDir`, any order) with
 * `settings`. Reads every page once.
 */
export function bundleKey(
  cache: IndexCache,
  outDir: string,
  pages: readonly string[],
  settings: unknown,
): string {
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\0${cache.salt}\0${JSON.stringify(settings)}\0`);
  for (const page of [...pages].sort()) {
    h.update(page).update('\0');
    h.update(sha256(readFileSync(join(outDir, page)))).update('\0');
  }
  return h.digest('hex');
}

interface Manifest {
  readonly files: Record<string, number>;
}

/** Every file under `root` as a path relative to it (with `/`) and its size. */
function filesOf(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path).split(sep).join('/')] = statSync(path).size;
    }
  };
  walk(root);
  return out;
}

/**
 * Copies the bundle of `key` to `outputPath` and returns true, or returns false when the cache
 * holds no whole entry for it (`outputPath` is then left as it was).
 */
export function restoreBundle(cache: IndexCache, key: string, outputPath: string): boolean {
  const entry = join(cache.dir, key);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(entry, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return false;
  }
  const files = join(entry, 'files');
  for (const [path, size] of Object.entries(manifest.files)) {
    if (statSync(join(files, path), { throwIfNoEntry: false })?.size !== size) return false;
  }
  try {
    cpSync(files, outputPath, { recursive: true });
  } catch {
    // Another build replaced the entry meanwhile (tests build in parallel): index afresh.
    rmSync(outputPath, { recursive: true, force: true });
    return false;
  }
  touchEntry(join(entry, 'manifest.json'));
  for (const path of Object.keys(manifest.files)) touchEntry(join(files, path));
  return true;
}

/**
 * Keeps the bundle just written at `outputPath` as the entry of `key`. A failure (a read-only or
 * full disk) only costs a later miss, never the build.
 */
export function storeBundle(cache: IndexCache, key: string, outputPath: string): void {
  const entry = join(cache.dir, key);
  const scratch = `${entry}.${process.pid}.tmp`;
  try {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    cpSync(outputPath, join(scratch, 'files'), { recursive: true });
    const manifest: Manifest = { files: filesOf(join(scratch, 'files')) };
    writeFileSync(join(scratch, 'manifest.json'), JSON.stringify(manifest));
    rmSync(entry, { recursive: true, force: true });
    renameSync(scratch, entry);
  } catch {
    rmSync(scratch, { recursive: true, force: true });
  }
}
