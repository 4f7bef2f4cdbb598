/**
 * Search across shards in the browser: the top level's search page loads one shard's Pagefind
 * bundle as the main index and merges every other shard's bundle into it (Pagefind's
 * `mergeIndex`), so one query runs over all shards and returns one list. What to merge is in the
 * page's `data-merge` attribute (JSON: the other bundles' paths and the archive's years), written
 * at build time from the shards' summaries. Pages of a single archive have no `data-merge`: the
 * Pagefind instance is returned untouched.
 *
 * Ranking across shards (Pagefind 1.6; tested in test/e2e/shards.test.ts):
 * - The results are exactly the union of each shard's results, and within one shard they keep
 *   that shard's own order (Pagefind sorts the merged list by score, stably).
 * - Sorted by year, Pagefind would interleave the shards by rank position (its score under a sort
 *   is the position within each index, not the year), so a sorted search is run here once per year
 *   and the parts are joined in year order: the year order holds whatever shard holds a report.
 * - Relevance scores are computed by each index from its own statistics (word frequency across
 *   that index, average page length), so the relevance order between reports of different shards
 *   is not the order one index over all shards would give. docs/performance.md 「分片 / Shards」
 *   says what would be needed for that.
 */
import { SORT_KEY } from '../site/search.ts';

/** The Pagefind filter that holds a report's year (search.ts SEARCH_FILTERS, param `year`). */
const YEAR_FILTER = '年份';

export interface MergePlan {
  /** Bundle paths of the other shards, each ending in `/`. */
  readonly bundles: readonly string[];
  /** Every year any shard holds. */
  readonly years: readonly number[];
}

/** The plan in a `data-merge` attribute; null when the page merges nothing. */
export function mergePlan(attribute: string | undefined): MergePlan | null {
  if (!attribute) return null;
  const plan = JSON.parse(attribute) as Partial<MergePlan>;
  if (
    !Array.isArray(plan.bundles) ||
    !plan.bundles.every((b) => typeof b === 'string' && b.endsWith('/')) ||
    !Array.isArray(plan.years) ||
    !plan.years.every((y) => Number.isInteger(y))
  )
    throw new Error('data-merge must be {"bundles": ["/s/x/pagefind/", …], "years": [2025, …]}');
  return plan as MergePlan;
}

interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface SearchResponse {
  results: { id: string }[];
}
interface Mergeable {
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: SearchOptions): Promise<SearchResponse>;
}

/**
 * Merges the planned bundles into an initialised Pagefind instance and returns an instance whose
 * year-sorted searches hold across shards. Without a plan, returns `pagefind` itself.
 */
export async function mergeShardIndexes<T extends object>(
  pagefind: T,
  attribute: string | undefined,
): Promise<T> {
  const plan = mergePlan(attribute);
  if (plan === null) return pagefind;
  const pf = pagefind as unknown as Mergeable;
  for (const bundle of plan.bundles) await pf.mergeIndex(bundle);
  const search = async (
    term: string | null,
    options: SearchOptions = {},
  ): Promise<SearchResponse> => {
    const direction = options.sort?.[SORT_KEY];
    if (!direction) return pf.search(term, options);
    const chosen = options.filters?.[YEAR_FILTER]?.any;
    const years = plan.years
      .filter((y) => !chosen || chosen.includes(String(y)))
      .sort((a, b) => (direction === 'asc' ? a - b : b - a));
    const [all, ...parts] = await Promise.all([
      pf.search(term, options),
      ...years.map((y) =>
        pf.search(term, {
          ...options,
          filters: { ...options.filters, [YEAR_FILTER]: { any: [String(y)] } },
        }),
      ),
    ]);
    const ordered = parts.flatMap((p) => p.results);
    const seen = new Set(ordered.map((r) => r.id));
    // Pages without a year (agency pages) come after the reports, as in one index.
    return { ...all!, results: [...ordered, ...all!.results.filter((r) => !seen.has(r.id))] };
  };
  return { ...pagefind, search } as T;
}
