/**
 * The heap limit `npm run build` gives Astro's process. V8's default old-space limit is a quarter
 * of the machine's memory, capped at 4 GiB: about 1.75 GiB on a 7 GB CI runner, which a province's
 * archive outgrows (Node's build holds about 0.1 GiB per 1,000 reports, docs/performance.md), and
 * 4 GiB on a large machine, which 50,000 reports outgrow. The search index is written only after
 * Astro's process has exited, so Astro may use most of the memory: three quarters of it, leaving
 * the rest for the system, esbuild and the page cache. A limit the user set in NODE_OPTIONS wins.
 */

/** Node's heap limit is set with this flag (in NODE_OPTIONS or on the command line). */
const FLAG = '--max-old-space-size';

/** The share of the machine's memory Astro's heap may grow to. */
const SHARE = 0.75;

/**
 * Node arguments that set the heap limit for a machine with `totalBytes` of memory, or none when
 * `nodeOptions` (the NODE_OPTIONS variable) already sets one.
 */
export function heapLimitArgs(totalBytes: number, nodeOptions: string | undefined): string[] {
  if (nodeOptions !== undefined && nodeOptions.includes(FLAG)) return [];
  const mib = Math.floor((totalBytes / 2 ** 20) * SHARE);
  return [`${FLAG}=${mib}`];
}

/**
 * What `npm run build` says when Astro's process was ended by `signal` (Node prints nothing of its
 * own for a SIGKILL, and only an English stack for a heap that ran out), given the heap-limit
 * arguments it passed (`heapLimitArgs`; none when NODE_OPTIONS set the limit).
 */
export function astroSignalMessage(signal: NodeJS.Signals, limitArgs: readonly string[]): string {
  const limit = limitArgs[0]?.startsWith(`${FLAG}=`)
    ? `${limitArgs[0].slice(FLAG.length + 1)} MiB（本机内存的四分之三）`
    : `NODE_OPTIONS 里设定的 ${FLAG}`;
  const elsewhere =
    '可以在内存更大的机器上构建，或按 docs/performance.md「分片 / Shards」把档案分成几部分分别构建。';
  if (signal === 'SIGKILL')
    return `astro build 的进程被系统终止（SIGKILL），站点没有构建完。最常见的原因是内存不足：内存不够时，系统会终止用内存最多的进程。${elsewhere}`;
  if (signal === 'SIGABRT')
    return `astro build 的进程中止（SIGABRT），站点没有构建完。如果上面有「JavaScript heap out of memory」，是 Node 的堆内存上限不够：这次构建给 Astro 的上限是 ${limit}。${elsewhere}`;
  return `astro build 的进程被信号 ${signal} 终止，站点没有构建完。`;
}
