/**
 * Feed, sitemap, JSON-LD and browsing helpers: deterministic (no clock), escaped, absolute under a
 * base path when a site URL is set.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  agenciesByLevel,
  carryOverPairs,
  keyFigureColumns,
  keyFigureRows,
  sortForYear,
  yearCounts,
} from '../../src/lib/site/browse.ts';
import {
  absoluteUrl,
  atomFeed,
  jsonLdText,
  newestFirst,
  pagesModified,
  reportJsonLd,
  sitemap,
} from '../../src/lib/site/discovery.ts';

const archive = loadArchive(fileURLToPath(new URL('../fixtures/build-site', import.meta.url)));
const carryFixture = loadArchive(
  fileURLToPath(new URL('../fixtures/carry-over-mismatch', import.meta.url)),
);

describe('absolute URLs', () => {
  it('join the site, the base and the path; nothing without a site', () => {
    expect(absoluteUrl('https://example.org', '/fixture/', '/reports/a/2020/')).toBe(
      'https://example.org/fixture/reports/a/2020/',
    );
    expect(absoluteUrl(new URL('https://example.org/'), '/', '/feed.xml')).toBe(
      'https://example.org/feed.xml',
    );
    expect(absoluteUrl(undefined, '/fixture/', '/')).toBeUndefined();
  });
});

describe('the Atom feed', () => {
  const abs = (p: string) => `https://example.org/fixture${p}`;
  const feed = atomFeed(archive.reports, {
    title: '档案',
    siteUrl: abs('/'),
    feedUrl: abs('/feed.xml'),
    reportUrl: (r) => abs(`/reports/${r.id}/`),
  });

  it('lists reports by publication date, newest first; a correction moves <updated>', () => {
    const ids = [...feed.matchAll(/<id>(.*?)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'https://example.org/fixture/feed.xml',
      'https://example.org/fixture/reports/fixture-county-fgj/2023/',
      'https://example.org/fixture/reports/fixture-city-gov/2021/',
      'https://example.org/fixture/reports/fixture-city-gov/2020/',
    ]);
    const updated = [...feed.matchAll(/<updated>(.*?)<\/updated>/g)].map((m) => m[1]);
    // The feed, then its entries: 示例市 2021 (published 2022-01-28) was corrected on 2024-06-15,
    // which is later than the newest publication (2024-01-20).
    expect(updated).toEqual([
      '2024-06-15T00:00:00Z',
      '2024-01-20T00:00:00Z',
      '2024-06-15T00:00:00Z',
      '2021-03-30T00:00:00Z',
    ]);
    expect(feed).toContain(
      '<published>2022-01-28T00:00:00Z</published>\n    <updated>2024-06-15T00:00:00Z</updated>',
    );
    expect(feed).toContain('<published>2021-03-30T00:00:00Z</published>');
  });

  it('without corrections, the feed is updated at the newest publication', () => {
    const plain = atomFeed(
      archive.reports.map((r) => ({ ...r, corrections: [] })),
      {
        title: '档案',
        siteUrl: abs('/'),
        feedUrl: abs('/feed.xml'),
        reportUrl: (r) => abs(`/reports/${r.id}/`),
      },
    );
    expect(plain.match(/<updated>(.*?)<\/updated>/)?.[1]).toBe('2024-01-20T00:00:00Z');
    expect(plain).toContain(
      '<published>2022-01-28T00:00:00Z</published>\n    <updated>2022-01-28T00:00:00Z</updated>',
    );
  });

  it('does not invent a publication date for an undated report', () => {
    const [undated] = archive.reports;
    const entry = atomFeed([{ ...undated!, frontmatter: { title: '无日期的报告' } }], {
      title: '档案',
      siteUrl: abs('/'),
      feedUrl: abs('/feed.xml'),
      reportUrl: (r) => abs(`/reports/${r.id}/`),
    });
    expect(entry).not.toContain('<published>');
    expect(entry).toContain(`<updated>${undated!.year + 1}-01-01T00:00:00Z</updated>`);
  });

  it('escapes a hostile title', () => {
    expect(feed).not.toContain('<script>');
    expect(feed).toContain(
      '<title>示例县发展和改革局2023年政府信息公开工作年度报告&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</title>',
    );
  });

  it('is the same every time (no clock)', () => {
    expect(
      atomFeed([...archive.reports].reverse(), {
        title: '档案',
        siteUrl: abs('/'),
        feedUrl: abs('/feed.xml'),
        reportUrl: (r) => abs(`/reports/${r.id}/`),
      }),
    ).toBe(feed);
  });
});

describe('sitemap and JSON-LD', () => {
  it('the sitemap lists each URL once, sorted', () => {
    expect(sitemap(['https://e.org/b/', 'https://e.org/a/', 'https://e.org/b/'])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://e.org/a/</loc></url>\n  <url><loc>https://e.org/b/</loc></url>\n</urlset>\n',
    );
  });

  it('lastmod: a page’s newest publication or correction date; none when no date is known', () => {
    const [city2020, city2021, county] = [
      'fixture-city-gov/2020',
      'fixture-city-gov/2021',
      'fixture-county-fgj/2023',
    ].map((id) => archive.reports.find((r) => r.id === id)!);
    expect(pagesModified([city2020!])).toBe('2021-03-30');
    expect(pagesModified([city2021!])).toBe('2024-06-15');
    expect(pagesModified([city2020!, county!])).toBe('2024-01-20');
    expect(pagesModified(archive.reports)).toBe('2024-06-15');
    const undated = { ...city2020!, frontmatter: { title: '无日期的报告' } };
    expect(pagesModified([undated])).toBeUndefined();
    // A correction dates even an undated report's page.
    expect(pagesModified([{ ...undated, corrections: city2021!.corrections }])).toBe('2024-06-15');
    expect(
      sitemap([
        { loc: 'https://e.org/r/', lastmod: '2024-06-15' },
        { loc: 'https://e.org/a/', lastmod: undefined },
        { loc: 'https://e.org/r/', lastmod: '2022-01-28' },
      ]),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://e.org/a/</loc></url>\n  <url><loc>https://e.org/r/</loc><lastmod>2024-06-15</lastmod></url>\n</urlset>\n',
    );
  });

  it('JSON-LD describes the report and its dataset, and cannot close its script element', () => {
    const report = archive.reports.find((r) => r.id === 'fixture-county-fgj/2023')!;
    const ld = reportJsonLd(report, { page: '/p/', csv: '/p/data.csv', json: '/p/data.json' });
    expect(ld['@graph'].map((n) => n['@type'])).toEqual(['Report', 'Dataset']);
    expect(ld['@graph'][0]).toMatchObject({
      datePublished: '2024-01-20',
      temporalCoverage: '2023',
    });
    const text = jsonLdText(ld);
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual(ld);
  });
});

describe('browsing', () => {
  it('newest first by publication date', () => {
    expect(newestFirst(archive.reports).map((r) => r.id)).toEqual([
      'fixture-county-fgj/2023',
      'fixture-city-gov/2021',
      'fixture-city-gov/2020',
    ]);
  });

  it('places an undated report by its year, not after every dated one', () => {
    const real = loadArchive(fileURLToPath(new URL('../../', import.meta.url)));
    expect(newestFirst(real.reports).map((r) => [r.id, r.frontmatter.published ?? null])).toEqual([
      ['shanghai-shizhengfu-bangongting/2025', null],
      ['huaianshi-zhengfu/2024', null],
      ['shuyangxian-fagaiju/2023', '2024-01-17'],
      ['jiyuan-gongan/2020', null],
      ['shanghai-shizhengfu-bangongting/2019', '2020-01-31'],
    ]);
  });

  it('agencies by level, then region', () => {
    expect(
      agenciesByLevel(archive.agencies).map((g) => [
        g.label,
        g.regions.map((r) => [r.region, r.agencies.map((a) => a.id)]),
      ]),
    ).toEqual([
      ['地市级', [['示例省示例市', ['fixture-city-gov']]]],
      ['县级', [['示例省示例市示例县', ['fixture-county-fgj']]]],
    ]);
  });

  it('years newest first with counts; a year lists agencies by level', () => {
    expect(yearCounts(archive.reports)).toEqual([
      { year: 2023, count: 1 },
      { year: 2021, count: 1 },
      { year: 2020, count: 1 },
    ]);
    const mixed = [...archive.reports].reverse();
    expect(sortForYear(mixed).map((r) => r.agency.level)).toEqual([
      'prefectural',
      'prefectural',
      'county',
    ]);
  });

  it('key figures of one agency by year, with the rate', () => {
    const city = archive.reports.filter((r) => r.agency.id === 'fixture-city-gov');
    const columns = keyFigureColumns([2019, 2021]);
    expect(columns.measures.map((m) => m.short)).toEqual([
      '本年新收',
      '上年结转',
      '总计',
      '结转下年度继续办理',
      '行政复议',
      '未经复议直接起诉',
      '复议后起诉',
      '予以公开',
      '部分公开',
    ]);
    expect(keyFigureRows(city, columns).map((r) => [r.report.year, r.values, r.rate])).toEqual([
      [2020, [140, 5, 142, 3, 5, 3, 1, 71, 12], 83 / 142],
      [2021, [170, 2, 172, 3, 6, 4, 1, 81, 15], 96 / 172],
    ]);
  });

  it('carry-over between consecutive years (rule 6), per column', () => {
    const city = archive.reports.filter((r) => r.agency.id === 'fixture-city-gov');
    const [pair] = carryOverPairs(city);
    expect(pair).toMatchObject({
      from: 2020,
      to: 2021,
      consecutive: true,
      forwarded: 3,
      carried: 2,
    });
    expect(pair?.mismatches.map((m) => [m.column.label, m.forwarded, m.carried])).toEqual([
      ['自然人', 3, 2],
      ['总计', 3, 2],
    ]);
    const pairs = carryOverPairs(carryFixture.reports);
    expect(pairs.map((p) => [p.from, p.to, p.mismatches.length > 0])).toEqual([[2020, 2021, true]]);
  });

  it('a missing year between two reports: nothing to compare', () => {
    const [a, b] = archive.reports.filter((r) => r.agency.id === 'fixture-city-gov');
    const later = { ...b!, year: 2023, carryOver: [] };
    expect(carryOverPairs([later, a!])).toMatchObject([
      { from: 2020, to: 2023, consecutive: false, mismatches: [] },
    ]);
  });
});
