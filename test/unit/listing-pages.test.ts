/**
 * Listing pages that do not grow with the archive: a year's reports and the agency index are split
 * into static pages of a fixed size, the pager links a bounded set of pages, and the home page's
 * level links land on the page where each level starts.
 */
import { describe, expect, it } from 'vitest';
import type { Agency, AgencyLevel } from '../../src/lib/content/agencies.ts';
import {
  agenciesInOrder,
  agencyIndexPath,
  levelStarts,
  listingPages,
  pagerNumbers,
  yearPagePath,
} from '../../src/lib/site/browse.ts';

describe('listingPages', () => {
  it('splits 120 items into pages of 50, 50 and 20, each knowing its place', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    const pages = listingPages(items, 50);
    expect(pages.map((p) => [p.number, p.count, p.first, p.total, p.items.length])).toEqual([
      [1, 3, 1, 120, 50],
      [2, 3, 51, 120, 50],
      [3, 3, 101, 120, 20],
    ]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });

  it('an exact multiple makes no empty last page; nothing is one empty page', () => {
    expect(listingPages([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(listingPages([], 50)).toEqual([{ items: [], number: 1, count: 1, first: 1, total: 0 }]);
  });
});

describe('pagerNumbers', () => {
  it('links the first, the last and two either side, with gaps marked', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
    // One page left out is shown rather than 「…」.
    expect(pagerNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pagerNumbers(1, 6)).toEqual([1, 2, 3, null, 6]);
    expect(pagerNumbers(1, 29)).toEqual([1, 2, 3, null, 29]);
    expect(pagerNumbers(15, 29)).toEqual([1, null, 13, 14, 15, 16, 17, null, 29]);
    expect(pagerNumbers(29, 29)).toEqual([1, null, 27, 28, 29]);
    expect(pagerNumbers(4, 29)).toEqual([1, 2, 3, 4, 5, 6, null, 29]);
  });

  it('stays at most 8 numbers for 140 pages (50,000 reports, a year of 7,000)', () => {
    for (let p = 1; p <= 140; p++) {
      const numbers = pagerNumbers(p, 140).filter((n) => n !== null);
      expect(numbers.length).toBeLessThanOrEqual(8);
      expect(numbers).toContain(p);
    }
  });
});

describe('addresses', () => {
  it('page 1 keeps the listing’s own address', () => {
    expect([yearPagePath(2024, 1), yearPagePath(2024, 2), yearPagePath(2024, 29)]).toEqual([
      '/years/2024/',
      '/years/2024/2/',
      '/years/2024/29/',
    ]);
    expect([agencyIndexPath(1), agencyIndexPath(3)]).toEqual(['/agencies/', '/agencies/pages/3/']);
  });
});

describe('the agency index in pages', () => {
  const agency = (id: string, level: AgencyLevel, region: string): Agency => ({
    id,
    name: id,
    level,
    kind: 'department',
    region,
  });
  const agencies = [
    ...Array.from({ length: 3 }, (_, i) => agency(`c${i}`, 'central', '')),
    ...Array.from({ length: 250 }, (_, i) =>
      agency(`p${String(i).padStart(3, '0')}`, 'provincial', '某省'),
    ),
    ...Array.from({ length: 10 }, (_, i) => agency(`t${i}`, 'township', '某省某县某镇')),
  ].reverse();

  it('orders agencies by level, region and name, and says on which page each level starts', () => {
    const ordered = agenciesInOrder(agencies);
    expect(ordered.slice(0, 4).map((a) => a.id)).toEqual(['c0', 'c1', 'c2', 'p000']);
    expect(ordered.at(-1)!.id).toBe('t9');
    expect(levelStarts(agencies, 200)).toEqual([
      { level: 'central', label: '中央', count: 3, page: 1 },
      { level: 'provincial', label: '省级', count: 250, page: 1 },
      { level: 'township', label: '乡镇级', count: 10, page: 2 },
    ]);
  });
});
