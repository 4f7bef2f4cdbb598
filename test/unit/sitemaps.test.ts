/**
 * Sitemap index (sitemaps.ts): within the protocol's limits one /sitemap.xml as before; above them
 * an index of numbered sitemaps that together list every URL once. Small limits are injected, so
 * the split is tested without 50,000 pages; the files are read back with the test's own parsing.
 */
import { describe, expect, it } from 'vitest';
import { sitemap } from '../../src/lib/site/discovery.ts';
import { SITEMAP_LIMITS, sitemapFiles } from '../../src/lib/site/sitemaps.ts';

const fileUrl = (name: string) => `https://e.org/nb/${name}.xml`;
const urls = Array.from({ length: 23 }, (_, i) => ({
  loc: `https://e.org/nb/reports/a${String(i).padStart(2, '0')}/`,
  lastmod: `2024-0${(i % 9) + 1}-15`,
}));

/** <loc> and <lastmod> of each <url> or <sitemap> element, in file order. */
function entries(xml: string, element: 'url' | 'sitemap') {
  return [...xml.matchAll(new RegExp(`<${element}>(.*?)</${element}>`, 'g'))].map(([, inner]) => ({
    loc: /<loc>(.*?)<\/loc>/.exec(inner!)![1]!,
    lastmod: /<lastmod>(.*?)<\/lastmod>/.exec(inner!)?.[1],
  }));
}

describe('sitemap files', () => {
  it('within the limits: one sitemap.xml, the same as before', () => {
    const files = sitemapFiles(urls, fileUrl);
    expect([...files.keys()]).toEqual(['sitemap']);
    expect(files.get('sitemap')).toBe(sitemap(urls));
    expect(SITEMAP_LIMITS).toEqual({ urls: 50_000, bytes: 52_428_800 });
  });

  it('above the URL limit: sitemap.xml indexes numbered sitemaps that list every URL once', () => {
    const shuffled = [...urls].reverse();
    shuffled.push({ loc: urls[3]!.loc, lastmod: '2025-01-01' }); // listed twice: newest date kept
    const files = sitemapFiles(shuffled, fileUrl, { urls: 10, bytes: 1e9 });
    expect([...files.keys()]).toEqual(['sitemap-1', 'sitemap-2', 'sitemap-3', 'sitemap']);
    const index = files.get('sitemap')!;
    expect(index).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">\n/,
    );
    const parts = entries(index, 'sitemap');
    expect(parts.map((p) => p.loc)).toEqual([1, 2, 3].map((n) => fileUrl(`sitemap-${n}`)));
    const listed = parts.map((p) =>
      entries(files.get(p.loc.split('/').at(-1)!.slice(0, -4))!, 'url'),
    );
    expect(listed.map((l) => l.length)).toEqual([10, 10, 3]);
    // Together: every URL once, in sorted order, each with its newest date.
    const expected = urls.map((u, i) => (i === 3 ? { ...u, lastmod: '2025-01-01' } : u));
    expect(listed.flat()).toEqual(expected);
    // A part's date in the index is the newest of its URLs.
    parts.forEach((p, i) =>
      expect(p.lastmod).toBe(
        listed[i]!.map((u) => u.lastmod!)
          .sort()
          .at(-1),
      ),
    );
    // Deterministic: the order URLs come in does not matter.
    expect(sitemapFiles([...shuffled].reverse(), fileUrl, { urls: 10, bytes: 1e9 })).toEqual(files);
  });

  it('above the byte limit: no part exceeds it', () => {
    const limit = 1_000;
    const files = sitemapFiles(urls, fileUrl, { urls: 50_000, bytes: limit });
    expect(files.size).toBeGreaterThan(2);
    for (const [name, text] of files) {
      if (name !== 'sitemap') expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit);
    }
    const all = [...files].filter(([n]) => n !== 'sitemap').flatMap(([, t]) => entries(t, 'url'));
    expect(all.map((u) => u.loc)).toEqual(urls.map((u) => u.loc));
  });

  it('escapes the file URLs of the index', () => {
    const files = sitemapFiles(urls, (n) => `https://e.org/?a=1&b=${n}`, { urls: 20, bytes: 1e9 });
    expect(files.get('sitemap')).toContain('<loc>https://e.org/?a=1&amp;b=sitemap-1</loc>');
  });
});
