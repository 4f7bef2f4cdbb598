/**
 * What the search page asks the browser to fetch before its script runs, so that on a slow
 * network (2 s per round trip) Pagefind's requests do not wait on each other: the module, its
 * WebAssembly and its entry file start with the page's own CSS and script instead of one after
 * another once the page has loaded.
 *
 * Pagefind fetches `pagefind-entry.json?ts=<tag>` with a fresh `Date.now()` tag unless it is
 * given `metaCacheTag`; a fixed tag is what lets the preload be used. The tag is derived from
 * everything the index is built from (the reports and their agencies) and Pagefind's version, so
 * it changes whenever the index may have changed and stays byte-identical otherwise.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version of the Pagefind package that builds the index (its package.json is not among its
 * exports, so it is read from the project's node_modules, where the build runs).
 */
export function pagefindVersion(root: string = process.cwd()): string {
  const file = join(root, 'node_modules/pagefind/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * The Pagefind files the first query needs whatever it is. `root` is the index folder
 * (`/archive/pagefind/`): the agencies' bundle is Pagefind's primary index (its module and its
 * WebAssembly, shared by every bundle merged into it), and the newest year's bundle is the first
 * year searched (search-index.ts writes one bundle per year).
 */
export function pagefindPreloads(root: string, newestYear: number | undefined, cacheTag: string) {
  const primary = `${root}agencies/`;
  return {
    module: `${primary}pagefind.js`,
    fetches: [
      `${primary}pagefind-entry.json?ts=${cacheTag}`,
      // Pagefind names its WebAssembly after the index language; Chinese uses the generic build.
      `${primary}wasm.unknown.pagefind`,
      ...(newestYear === undefined
        ? []
        : [`${root}${newestYear}/pagefind-entry.json?ts=${cacheTag}`]),
    ],
  };
}

/**
 * A short, deterministic tag for the index built from reports with these digests (each the hash
 * of the checked report, its Markdown included: src/content.config.ts). Hashed one digest at a
 * time: it was one JSON text of every report, which also read each report's rendered prose back
 * from disk, and at 50,000 reports that text passed V8's string limit and failed the build.
 */
export function indexCacheTag(digests: Iterable<string>, pagefindVersion: string): string {
  const hash = createHash('sha256').update(pagefindVersion);
  for (const digest of digests) hash.update(`${digest}\n`);
  return hash.digest('hex').slice(0, 16);
}
