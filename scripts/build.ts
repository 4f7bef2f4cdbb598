/**
 * `npm run build [-- <astro build options>]`: `astro build`, then the search index in this small
 * process once Astro's has exited. Pagefind's indexing and Node's build are the two largest
 * memory users of a build; run one after the other, the peak of the build is the larger of the
 * two instead of their sum (docs/performance.md). The files written are the same as a plain
 * `astro build`, which indexes in-process (src/integrations/search-index.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  INDEX_LATER_ENV,
  memoryLimit,
  writeSearchIndex,
} from '../src/integrations/search-index.ts';
import { cacheRoot, pruneCache } from '../src/lib/content/cache-dir.ts';
import { openIndexCache } from '../src/lib/site/index-cache.ts';
import { astroSignalMessage, heapLimitArgs } from './heap-limit.ts';

const PROJECT = resolve(import.meta.dirname, '..');

const scratch = mkdtempSync(join(tmpdir(), 'nianbao-build-'));
const note = join(scratch, 'out-dir');
try {
  // A container's memory limit, where there is one, rather than the host's memory.
  const limitArgs = heapLimitArgs(memoryLimit(), process.env.NODE_OPTIONS);
  const astro = spawnSync(
    process.execPath,
    [
      ...limitArgs,
      join(PROJECT, 'node_modules/astro/bin/astro.mjs'),
      'build',
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [INDEX_LATER_ENV]: note } },
  );
  if (astro.status !== 0) {
    if (astro.signal)
      console.error(`[nianbao:build] ${astroSignalMessage(astro.signal, limitArgs)}`);
    process.exitCode = astro.status ?? 1;
  } else {
    const outDir = readFileSync(note, 'utf8');
    // The same prefix as Astro's own log lines (`npm run bench` cuts its stages at these).
    const time = () => new Date().toTimeString().slice(0, 8);
    console.log(`${time()} [nianbao:build] astro build 已结束，接着编入检索索引`);
    try {
      await writeSearchIndex(
        outDir,
        { info: (message) => console.log(`${time()} [nianbao:search-index] ${message}`) },
        openIndexCache(PROJECT, cacheRoot(PROJECT)),
      );
    } catch (error) {
      // The index's own errors are sentences for the build log (search-index.ts); a stack trace
      // would bury them.
      console.error(`${time()} [nianbao:search-index] ${(error as Error).message}`);
      process.exitCode = 1;
    }
    // The caches are keyed by content: entries of files since changed are never read again.
    const { removed } = pruneCache(cacheRoot(PROJECT));
    if (removed > 0)
      console.log(`${time()} [nianbao:build] 删除了 ${removed} 个 30 天未用的缓存文件`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
