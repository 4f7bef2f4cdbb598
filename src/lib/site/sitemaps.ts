/**
 * The sitemap files of the site: one /sitemap.xml while it stays within the sitemap protocol's
 * limits (50,000 URLs and 50 MB uncompressed per file, sitemaps.org), else /sitemap.xml becomes a
 * sitemap index of numbered sitemaps /sitemap-1.xml, /sitemap-2.xml, … (a province's archive of
 * 50,000 reports has more pages than one sitemap may list). The address a search engine was given
 * stays the same either way. Pure and deterministic: the URLs are sorted before they are split.
 */

import { sitemap, xmlEscape, type SitemapUrl } from './discovery.ts';
import { compareText } from '../content/problems.ts';

/** The protocol's limits per sitemap file. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 } as const;

/** The name (without .xml) of the n-th numbered sitemap, n from 1. */
export const sitemapPart = (n: number) => `sitemap-${n}`;

const later = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b !== undefined && b > a ? b : a;

/** The URLs once each (a URL listed twice keeps its newest date), sorted. */
function uniqueSorted(urls: readonly SitemapUrl[]): SitemapUrl[] {
  const byLoc = new Map<string, string | undefined>();
  for (const { loc, lastmod } of urls) byLoc.set(loc, later(byLoc.get(loc), lastmod));
  return [...byLoc]
    .sort(([a], [b]) => compareText(a, b))
    .map(([loc, lastmod]) => (lastmod === undefined ? { loc } : { loc, lastmod }));
}

/** Bytes of one <url> line, generously (the XML head and tail are counted once per file). */
const lineBytes = (u: SitemapUrl) =>
  Buffer.byteLength(xmlEscape(u.loc)) + (u.lastmod ? u.lastmod.length + 19 : 0) + 24;
const FRAME_BYTES = 200;

/**
 * The sitemap files, by name without .xml: `sitemap` alone when every URL fits one file, else
 * `sitemap` (the index, its <loc>s made by `fileUrl(name)`) and `sitemap-1` … `sitemap-n`, each
 * within `limits`. The index's <lastmod> of a part is the newest date of its URLs.
 */
export function sitemapFiles(
  urls: readonly SitemapUrl[],
  fileUrl: (name: string) => string,
  limits: { readonly urls: number; readonly bytes: number } = SITEMAP_LIMITS,
): Map<string, string> {
  const all = uniqueSorted(urls);
  const parts: SitemapUrl[][] = [[]];
  let bytes = FRAME_BYTES;
  for (const u of all) {
    const size = lineBytes(u);
    const part = parts.at(-1)!;
    if (part.length > 0 && (part.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push([u]);
      bytes = FRAME_BYTES + size;
    } else {
      part.push(u);
      bytes += size;
    }
  }
  if (parts.length === 1) return new Map([['sitemap', sitemap(all)]]);
  const out = new Map<string, string>();
  const index = parts.map((part, i) => {
    const name = sitemapPart(i + 1);
    out.set(name, sitemap(part));
    const lastmod = part.reduce<string | undefined>((d, u) => later(d, u.lastmod), undefined);
    return `  <sitemap><loc>${xmlEscape(fileUrl(name))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
  });
  out.set(
    'sitemap',
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...index,
      '</sitemapindex>',
      '',
    ].join('\n'),
  );
  return out;
}
