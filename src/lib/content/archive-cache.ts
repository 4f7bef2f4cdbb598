import { loadArchive, type Archive } from './archive.ts';

/**
 * One read of the content per build. The integration (config phase) and the content loader run in
 * the same process but in different Vite module graphs, so the cache lives on globalThis.
 * In dev, content changes while the server runs: `fresh` bypasses the cache.
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
