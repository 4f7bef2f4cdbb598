/**
 * What lets readers and machines find the archive: absolute URLs, the Atom feed of reports by
 * publication date, the sitemap, and JSON-LD for reports and datasets. Pure and deterministic: no
 * clock (the feed's `updated` and the sitemap's `lastmod` come from publication and correction
 * dates), everything sorted.
 *
 * Absolute URLs need SITE_URL. Without it, pages omit canonical and og:url, JSON-LD uses
 * root-relative URLs (JSON-LD resolves them against the page), and no feed or sitemap is built.
 */

import type { ReportBase } from '../content/archive.ts';
import { compareText } from '../content/problems.ts';
import { joinBase } from './urls.ts';
import { latestCorrection } from './corrections-view.ts';

/** An absolute URL for a site path under the base, or undefined without a configured site. */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string) {
  if (!site) return undefined;
  return new URL(joinBase(base, path), site).href;
}

/** An absolute URL when SITE_URL is set, else the root-relative path with the base. */
export function publicUrl(site: URL | string | undefined, base: string, path: string): string {
  return absoluteUrl(site, base, path) ?? joinBase(base, path);
}

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Reports newest first: by publication date, or for an undated report 1 January after its year
 * (so an undated 2025 report is not listed below a 2019 one), then year, then agency id.
 */
export function newestFirst(reports: readonly ReportBase[]): ReportBase[] {
  return [...reports].sort(
    (a, b) =>
      compareText(reportDate(b), reportDate(a)) ||
      b.year - a.year ||
      compareText(a.agency.id, b.agency.id),
  );
}

/** The date a report entered the record: its publication date, else 1 January after its year. */
export function reportDate(report: ReportBase): string {
  return report.frontmatter.published ?? `${report.year + 1}-01-01`;
}

const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/**
 * When a report last changed on the record: its newest correction (issue 13), else the date it
 * entered the record (`reportDate`). The feed entry's `<updated>`.
 */
export function reportUpdated(report: ReportBase): string {
  return later(reportDate(report), latestCorrection(report.corrections));
}

/**
 * A page's `lastmod` from the reports it shows: the newest publication or correction date among
 * them. Undefined when none is known (an undated report is not given a guessed date here).
 */
export function pagesModified(reports: readonly ReportBase[]): string | undefined {
  const dates = reports.flatMap((r) => {
    const date = latestCorrection(r.corrections) ?? r.frontmatter.published;
    const newest = r.frontmatter.published ? later(r.frontmatter.published, date) : date;
    return newest ? [newest] : [];
  });
  return dates.sort(compareText).at(-1);
}

export interface FeedOptions {
  readonly title: string;
  readonly siteUrl: string;
  readonly feedUrl: string;
  readonly reportUrl: (report: ReportBase) => string;
  /** How many entries, newest first. */
  readonly limit?: number;
}

/** Atom 1.0 feed of reports by publication date. */
export function atomFeed(reports: readonly ReportBase[], options: FeedOptions): string {
  const entries = newestFirst(reports).slice(0, options.limit ?? 50);
  const updated = entries.map(reportUpdated).sort(compareText).at(-1) ?? '2008-05-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${xmlEscape(options.title)}</title>`,
    `  <id>${xmlEscape(options.feedUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(options.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(options.siteUrl)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    `  <author><name>${xmlEscape(options.title)}</name></author>`,
  ];
  for (const r of entries) {
    const href = options.reportUrl(r);
    lines.push(
      '  <entry>',
      `    <title>${xmlEscape(r.frontmatter.title)}</title>`,
      `    <id>${xmlEscape(href)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(href)}"/>`,
      // <published> only when the agency's date is known; Atom requires <updated>: the newest
      // correction, else the publication date, else for an undated report the archive's stand-in
      // date (1 January after its year).
      ...(r.frontmatter.published
        ? [`    <published>${r.frontmatter.published}T00:00:00Z</published>`]
        : []),
      `    <updated>${reportUpdated(r)}T00:00:00Z</updated>`,
      `    <author><name>${xmlEscape(r.agency.name)}</name></author>`,
      `    <summary>${xmlEscape(`${r.agency.name}${r.year} 年度政府信息公开工作年度报告（${r.agency.region}）`)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A sitemap entry: an absolute URL and, where known, the date its content last changed. */
export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: string | undefined;
}

/** sitemaps.org sitemap of absolute page URLs, sorted; a URL listed twice keeps its newest date. */
export function sitemap(urls: readonly (string | SitemapUrl)[]): string {
  const byLoc = new Map<string, string | undefined>();
  for (const u of urls) {
    const { loc, lastmod } = typeof u === 'string' ? { loc: u, lastmod: undefined } : u;
    const seen = byLoc.get(loc);
    byLoc.set(loc, seen === undefined ? lastmod : later(seen, lastmod));
  }
  const sorted = [...byLoc].sort(([a], [b]) => compareText(a, b));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sorted.map(
      ([loc, lastmod]) =>
        `  <url><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * JSON for a <script type="application/ld+json"> block: `<` is escaped so that no string (a
 * hostile title) can close the script element.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** schema.org description of a report page and the dataset of its tables. */
export function reportJsonLd(
  report: ReportBase,
  urls: { page: string; json: string; csv: string },
) {
  const publisher = {
    '@type': 'GovernmentOrganization',
    name: report.agency.name,
    areaServed: report.agency.region,
    ...(report.agency.website ? { url: report.agency.website } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Report',
        '@id': urls.page,
        name: report.frontmatter.title,
        url: urls.page,
        inLanguage: 'zh-CN',
        author: publisher,
        temporalCoverage: String(report.year),
        ...(report.frontmatter.published ? { datePublished: report.frontmatter.published } : {}),
        ...(report.frontmatter.source ? { isBasedOn: report.frontmatter.source } : {}),
      },
      {
        '@type': 'Dataset',
        name: `${report.agency.name}${report.year}年政府信息公开工作年度报告统计表`,
        description: `${report.agency.name}${report.year} 年度政府信息公开工作年度报告中表二、表三、表四的全部数字，按原文照录。`,
        inLanguage: 'zh-CN',
        creator: publisher,
        temporalCoverage: String(report.year),
        isBasedOn: urls.page,
        distribution: [
          { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: urls.csv },
          { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: urls.json },
        ],
      },
    ],
  };
}

/** schema.org description of the whole archive's dataset. */
export function archiveJsonLd(
  reports: readonly ReportBase[],
  urls: {
    page: string;
    csv: readonly string[];
    json: readonly string[];
    datapackage: string;
  },
) {
  const years = reports.map((r) => r.year).sort((a, b) => a - b);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: '政府信息公开工作年度报告统计表',
    description: `本档案收录的 ${reports.length} 份政府信息公开工作年度报告中三张统计表的全部数字，每个单元格一行，按原文照录。`,
    url: urls.page,
    inLanguage: 'zh-CN',
    ...(years.length > 0 ? { temporalCoverage: `${years[0]}/${years.at(-1)}` } : {}),
    distribution: [
      ...urls.csv.map((contentUrl) => ({
        '@type': 'DataDownload',
        encodingFormat: 'text/csv',
        contentUrl,
      })),
      ...urls.json.map((contentUrl) => ({
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl,
      })),
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: urls.datapackage,
        description: 'Frictionless Data Package',
      },
    ],
  };
}
