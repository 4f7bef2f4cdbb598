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
