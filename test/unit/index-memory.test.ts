/**
 * The warning `astro build` gives at its start when a year's search index is likely to need more
 * memory than the machine has (search-index.ts `indexMemoryWarning`, called by the content check):
 * the 50,000-report bench's years on a 7 GB runner warn of 2022 alone, the figures a province's CI
 * job would see before Astro's half hour rather than after it.
 */
import { describe, expect, it } from 'vitest';
import { indexMemoryWarning } from '../../src/integrations/search-index.ts';

/** Reports per year of `npm run bench -- --reports 50000` (docs/performance.md, round 7). */
const BENCH_50000 = new Map([
  [2019, 2769],
  [2020, 5506],
  [2021, 8259],
  [2022, 10539],
  [2023, 9488],
  [2024, 7850],
  [2025, 5589],
]);

/** The same for 10,000 reports. */
const BENCH_10000 = new Map([
  [2019, 510],
  [2020, 1062],
  [2021, 1620],
  [2022, 2152],
  [2023, 1933],
  [2024, 1594],
  [2025, 1129],
]);

const RUNNER_7GB = 7e9;

describe('indexMemoryWarning', () => {
  it('names the year that will likely not fit a 7 GB runner, with its reports and estimate', () => {
    expect(indexMemoryWarning(BENCH_50000, RUNNER_7GB)).toBe(
      '检索索引可能超出内存：按实测每份报告约 0.6 MB 估计，编入 2022 年（10539 份报告，约 5.9 GiB）的索引所需的内存超过本机内存 6.5 GiB 的 85 %（docs/performance.md 第七轮）。Pagefind 在编入这些年份时可能被系统终止。可以在内存更大的机器上构建，或按 docs/performance.md「分片 / Shards」把档案分成几部分分别构建。',
    );
  });

  it('lists every year over the line, largest first', () => {
    const text = indexMemoryWarning(BENCH_50000, 6e9);
    expect(text).toContain(
      '编入 2022 年（10539 份报告，约 5.9 GiB）、2023 年（9488 份报告，约 5.3 GiB）的索引',
    );
    expect(text).not.toContain('2021 年');
  });

  it('says nothing when every year fits', () => {
    expect(indexMemoryWarning(BENCH_50000, 16e9)).toBeUndefined();
    expect(indexMemoryWarning(BENCH_10000, RUNNER_7GB)).toBeUndefined();
    expect(indexMemoryWarning(new Map(), RUNNER_7GB)).toBeUndefined();
  });
});
