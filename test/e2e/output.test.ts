/**
 * Checks on the built output: valid HTML, every internal link and fragment resolves under the base
 * path, two clean builds are byte-identical, the CSP is strict, the CDN headers ship, and a report
 * page stays within its transfer budget.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { launchBrowser } from '../support/browser.ts';
import { readHeadersFile } from '../support/static-server.ts';
import { SITES, pageCases } from './sites.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
const htmlFiles = (dir: string) => files(dir).filter((f) => f.endsWith('.html'));

describe('valid HTML', () => {
  // Rules come from .htmlvalidate.json: the recommended set, less `long-title` (a report's title is
  // kept exactly as the agency published it, however long).
  const validator = new HtmlValidate(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../.htmlvalidate.json'), 'utf8')),
  );
  it.each(Object.keys(SITES))('every page of the %s site validates', async (name) => {
    const site = SITES[name as keyof typeof SITES];
    const errors: string[] = [];
    for (const file of htmlFiles(site.dir)) {
      const report = await validator.validateFile(file);
      for (const r of report.results)
        for (const m of r.messages)
          errors.push(`${relative(site.dir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe('links', () => {
  it.each(Object.keys(SITES))(
    'every internal link, asset and #fragment of the %s site resolves under its base',
    (name) => {
      const site = SITES[name as keyof typeof SITES];
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        if (!ids.has(file))
          ids.set(
            file,
            new Set(
              parse(readFileSync(file, 'utf8'))
                .querySelectorAll('[id]')
                .map((e) => e.id),
            ),
          );
        return ids.get(file)!;
      };
      const broken: string[] = [];
      let checked = 0;
      for (const file of htmlFiles(site.dir)) {
        const doc = parse(readFileSync(file, 'utf8'));
        const pagePath = '/' + relative(site.dir, file).replace(/index\.html$/, '');
        const refs = [
          ...doc.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
          ...doc.querySelectorAll('script[src], img[src]').map((e) => e.getAttribute('src')!),
        ];
        for (const ref of refs) {
          if (/^(https?:|mailto:)/.test(ref)) continue;
          checked++;
          const [beforeHash, fragment] = ref.split('#') as [string, string | undefined];
          // A query string (the search page's example links) selects nothing on disk.
          const path = beforeHash.split('?')[0]!;
          let target = file;
          if (path !== '') {
            if (!path.startsWith(site.base)) {
              broken.push(`${pagePath}: ${ref} is not under ${site.base}`);
              continue;
            }
            const rel = decodeURIComponent(path.slice(site.base.length));
            target = join(site.dir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
            if (!existsSync(target) || !statSync(target).isFile()) {
              broken.push(`${pagePath}: ${ref} does not exist`);
              continue;
            }
          }
          if (
            fragment &&
            target.endsWith('.html') &&
            !idsOf(target).has(decodeURIComponent(fragment))
          ) {
            broken.push(`${pagePath}: ${ref} has no element #${fragment}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(0);
      expect(broken).toEqual([]);
    },
  );
});

describe('reproducible builds', () => {
  it('two clean builds of the same commit are byte-identical', () => {
    for (const site of Object.values(SITES)) {
      const again = buildSite({
        content: site.content,
        base: site.base,
        site: site.site,
        outDir: mkdtempSync(join(tmpdir(), 'nianbao-repro-')),
      });
      const digest = (dir: string) =>
        Object.fromEntries(
          files(dir).map((f) => [
            relative(dir, f),
            createHash('sha256').update(readFileSync(f)).digest('hex'),
          ]),
        );
      expect(digest(again)).toEqual(digest(site.dir));
    }
  });
});

describe('security', () => {
  it('every page carries a strict hash-based CSP without unsafe-inline', () => {
    for (const site of Object.values(SITES)) {
      for (const file of htmlFiles(site.dir)) {
        const meta = parse(readFileSync(file, 'utf8')).querySelector(
          'meta[http-equiv="content-security-policy"]',
        );
        const csp = meta?.getAttribute('content') ?? '';
        expect(csp, file).toMatch(/default-src 'self'/);
        expect(csp, file).toMatch(/script-src [^;]*'sha256-/);
        expect(csp, file).toMatch(/object-src 'none'/);
        expect(csp, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
        // Pagefind's WebAssembly and worker: allowed on the search page only.
        const search = relative(site.dir, file) === join('search', 'index.html');
        expect(csp.includes("'wasm-unsafe-eval'"), file).toBe(search);
        expect(csp.includes("worker-src 'self'"), file).toBe(search);
      }
    }
  });

  it('ships the headers a meta tag cannot carry, in the _headers file CDNs read', () => {
    const headers = readHeadersFile(SITES.real.dir);
    expect(headers['Content-Security-Policy']).toBe("frame-ancestors 'none'");
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe('page weight', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  // 25 KB: measured 13–21 KB gzipped (HTML and CSS) for the demo reports in November 2026.
  const BUDGET = 25 * 1024;
  it.each(pageCases().filter((p) => p.type === 'report'))(
    '$name transfers no JS and at most 25 KB gzipped',
    async (pc) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const types = new Map<string, string>();
      const bytes = new Map<string, number>();
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
      await page.goto(inject('origin') + pc.path, { waitUntil: 'networkidle' });
      const byType: Record<string, number> = {};
      for (const [id, n] of bytes)
        byType[types.get(id) ?? 'Other'] = (byType[types.get(id) ?? 'Other'] ?? 0) + n;
      const total = Object.values(byType).reduce((a, b) => a + b, 0);
      console.log(
        `page weight ${pc.name}: ${total} B (${Object.entries(byType)
          .map(([t, n]) => `${t} ${n} B`)
          .join(', ')})`,
      );
      expect(byType.Script ?? 0).toBe(0);
      // Data blocks (JSON-LD) are not scripts that run.
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
      expect(total).toBeLessThanOrEqual(BUDGET);
      await context.close();
    },
  );
});
