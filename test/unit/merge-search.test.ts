/**
 * The bundles a search page loads for each year (src/lib/shards/merge-search.ts): one archive's
 * per-year bundles, and at the top level of a sharded archive each year's bundle of every shard
 * that holds the year.
 */
import { describe, expect, it } from 'vitest';
import { mergePlan, searchScope } from '../../src/lib/shards/merge-search.ts';

describe('searchScope', () => {
  it('one archive: its agencies bundle, and one bundle per year, newest first', () => {
    expect(searchScope('/archive/pagefind/', [2020, 2025, 2023])).toEqual({
      agencies: ['/archive/pagefind/agencies/'],
      years: [
        { year: 2025, bundles: ['/archive/pagefind/2025/'] },
        { year: 2023, bundles: ['/archive/pagefind/2023/'] },
        { year: 2020, bundles: ['/archive/pagefind/2020/'] },
      ],
    });
  });

  it('shards: a year merges the bundles of the shards that hold it, and only those', () => {
    const merge = JSON.stringify({
      shards: [
        { bundle: '/s/jiangsu/pagefind/', years: [2024, 2023] },
        { bundle: '/s/other/pagefind/', years: [2025, 2020, 2024] },
      ],
    });
    expect(searchScope('/s/jiangsu/pagefind/', [], merge)).toEqual({
      agencies: ['/s/jiangsu/pagefind/agencies/', '/s/other/pagefind/agencies/'],
      years: [
        { year: 2025, bundles: ['/s/other/pagefind/2025/'] },
        { year: 2024, bundles: ['/s/jiangsu/pagefind/2024/', '/s/other/pagefind/2024/'] },
        { year: 2023, bundles: ['/s/jiangsu/pagefind/2023/'] },
        { year: 2020, bundles: ['/s/other/pagefind/2020/'] },
      ],
    });
  });
});

describe('mergePlan', () => {
  it('is null without an attribute', () => {
    expect(mergePlan(undefined)).toBeNull();
    expect(mergePlan('')).toBeNull();
  });

  it('rejects a plan in the old form or with a bundle path not ending in /', () => {
    const message =
      'data-merge must be {"shards": [{"bundle": "/s/x/pagefind/", "years": [2025, …]}, …]}';
    expect(() => mergePlan('{"bundles": ["/s/x/pagefind/"], "years": [2024]}')).toThrow(message);
    expect(() => mergePlan('{"shards": [{"bundle": "/s/x/pagefind", "years": [2024]}]}')).toThrow(
      message,
    );
    expect(() =>
      mergePlan('{"shards": [{"bundle": "/s/x/pagefind/", "years": ["2024"]}]}'),
    ).toThrow(message);
  });
});
