/**
 * Which Pagefind bundles the search page loads, and for which year. An archive's index is one
 * bundle per report year (`<root><year>/`) plus one for the agency pages (`<root>agencies/`),
 * written by src/integrations/search-index.ts. The page loads the agencies' bundle as Pagefind's
 * primary index and merges a year's bundles (Pagefind's `mergeIndex`) only when it searches that
 * year: results are grouped by year, newest first (src/scripts/search-page.ts).
 *
 * The top level of a sharded archive searches every shard: its page's `data-merge` attribute (JSON,
 * written at build time from the shards' summaries) lists each shard's index root and years, and
 * a year's group merges that year's bundle of every shard holding it.
 *
 * Ranking (Pagefind 1.6; tested in test/e2e/search-ranking.test.ts and test/e2e/shards.test.ts):
 * - Within a year of one archive the order is the year's own bundle's: it does not depend on what
 *   other years hold, because each bundle scores with its own statistics (word frequency, average
 *   page length) and a year's results come from its bundle alone.
 * - Across years the order is the year.
 * - At the top level, within a year, the results of every shard are merged by score, and each
 *   score comes from that shard's own bundle: the relevance order between reports of different
 *   shards is not the order one index over all shards would give (the page says so).
 */

/** One shard in a `data-merge` plan: its index root (ending in `/`) and the years it holds. */
export interface MergeShard {
  readonly bundle: string;
  readonly years: readonly number[];
}
export interface MergePlan {
  readonly shards: readonly MergeShard[];
}

/** The plan in a `data-merge` attribute; null when the page merges nothing. */
export function mergePlan(attribute: string | undefined): MergePlan | null {
  if (!attribute) return null;
  const plan = JSON.parse(attribute) as Partial<MergePlan>;
  if (
    !Array.isArray(plan.shards) ||
    plan.shards.length === 0 ||
    !plan.shards.every(
      (s) =>
        typeof s.bundle === 'string' &&
        s.bundle.endsWith('/') &&
        Array.isArray(s.years) &&
        s.years.every((y: unknown) => Number.isInteger(y)),
    )
  )
    throw new Error(
      'data-merge must be {"shards": [{"bundle": "/s/x/pagefind/", "years": [2025, …]}, …]}',
    );
  return plan as MergePlan;
}

/** The bundles of a search page: the agencies' bundles, and each year's, newest year first. */
export interface SearchScope {
  /** The agencies' bundles; the first is Pagefind's primary index (its module and WebAssembly). */
  readonly agencies: readonly string[];
  /** Every year with reports, newest first, with the bundles that hold it. */
  readonly years: readonly { readonly year: number; readonly bundles: readonly string[] }[];
}

/**
 * The scope of a page: `root` and `years` (data-bundle, data-years) for one archive, or the
 * shards of a `data-merge` plan.
 */
export function searchScope(
  root: string,
  years: readonly number[],
  mergeAttribute?: string,
): SearchScope {
  const plan = mergePlan(mergeAttribute);
  const shards = plan ? plan.shards : [{ bundle: root, years }];
  const all = [...new Set(shards.flatMap((s) => s.years))].sort((a, b) => b - a);
  return {
    agencies: shards.map((s) => `${s.bundle}agencies/`),
    years: all.map((year) => ({
      year,
      bundles: shards.filter((s) => s.years.includes(year)).map((s) => `${s.bundle}${year}/`),
    })),
  };
}
