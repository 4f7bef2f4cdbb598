/**
 * Byte budgets of the report page's HTML (issue 14: the raw size is what a CDN stores and a CI
 * runner writes, the gzipped size what a phone downloads). Deterministic: the same content gives
 * the same bytes, so these are budgets, not timings. Checked on the demo site the browser suite
 * builds and on a small bench-like archive (scripts/bench/generate.ts, its default seed).
 * `node scripts/bench/report-bytes.ts <dist>` splits a page's bytes by section and attribute.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { buildSite } from '../support/build-site.ts';
import { SITES } from './sites.ts';

const KB = 1000;

interface PageBytes {
  readonly page: string;
  readonly raw: number;
  readonly gzip: number;
  /** The three tables with their legends and 表四's phone copy: the markup this budget is about. */
  readonly tables: number;
}

function reportPages(dist: string): PageBytes[] {
  const root = join(dist, 'reports');
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((agency) =>
      readdirSync(join(root, agency.name)).map((year) => `${agency.name}/${year}`),
    )
    .sort()
    .map((page) => {
      const html = readFileSync(join(root, page, 'index.html'));
      const tables = parse(html.toString('utf8'))
        .querySelectorAll('.report-tables')
        .reduce((n, el) => n + Buffer.byteLength(el.outerHTML), 0);
      return { page, raw: html.length, gzip: gzipSync(html, { level: 9 }).length, tables };
    });
}

const mean = (pages: readonly PageBytes[], key: 'raw' | 'gzip' | 'tables') =>
  pages.reduce((n, p) => n + p[key], 0) / pages.length;

describe('report page bytes', () => {
  it('the demo site: each report page within 65 KB raw and 16.5 KB gzipped, tables within 37 KB', () => {
    // Measured 2026-11-30, round 5 (base /archive/): 42.4–64.4 KB raw, up to 16.0 KB gzipped
    // (zlib level 9), tables 28.3–36.7 KB (上海 2019: the 2019 format prints more of 表二, and cell
    // notes). Round 4: 48.4–70.4 KB raw, 16.2 KB gzipped, tables 33.5–41.8 KB; before it 84–103 KB.
    const pages = reportPages(SITES.real.dir);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) {
      expect(p.raw, `${p.page} raw`).toBeLessThanOrEqual(65 * KB);
      expect(p.gzip, `${p.page} gzip`).toBeLessThanOrEqual(16.5 * KB);
      expect(p.tables, `${p.page} tables`).toBeLessThanOrEqual(37 * KB);
    }
  });

  describe('a bench-like archive (12 generated reports)', () => {
    let dir: string;
    let pages: PageBytes[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'nianbao-page-bytes-'));
      generateArchive(dir, 12);
      pages = reportPages(buildSite({ content: dir, outDir: join(dir, 'dist') }));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // Measured 2026-11-30, round 5, on these 12 pages: 47.9 KB raw on average (42.9–58.5), 10.5 KB
    // gzipped, tables 28.3–28.5 KB; 200 pages of the 1,000-report bench 47.6 KB raw, 10.4 gzipped.
    // Round 4 (200 bench pages): 54.8 KB raw, 10.6 KB gzipped, tables 33.4–41.2 KB; before it
    // (a7834b1) 91.4 KB raw, 12.6 KB gzipped, tables 67.8–72.1 KB.
    it('averages within 49 KB raw and 11 KB gzipped; tables within 29.5 KB on each page', () => {
      expect(pages).toHaveLength(12);
      expect(mean(pages, 'raw')).toBeLessThanOrEqual(49 * KB);
      expect(mean(pages, 'gzip')).toBeLessThanOrEqual(11 * KB);
      for (const p of pages) expect(p.tables, `${p.page} tables`).toBeLessThanOrEqual(29.5 * KB);
    });
  });
});
