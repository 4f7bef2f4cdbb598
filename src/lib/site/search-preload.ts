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

/** The Pagefind files the first query needs whatever it is, relative to the bundle folder. */
export function pagefindPreloads(bundle: string, cacheTag: string) {
  return {
    module: `${bundle}pagefind.js`,
    fetches: [
      `${bundle}pagefind-entry.json?ts=${cacheTag}`,
      // Pagefind names its WebAssembly after the index language; Chinese uses the generic build.
      `${bundle}wasm.unknown.pagefind`,
    ],
  };
}

/** A short, deterministic tag for the index built from `content` (any JSON-serialisable value). */
export function indexCacheTag(content: unknown, pagefindVersion: string): string {
  return createHash('sha256')
    .update(pagefindVersion)
    .update(JSON.stringify(content))
    .digest('hex')
    .slice(0, 16);
}
