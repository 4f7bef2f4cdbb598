/**
 * The sites the browser suite builds and serves, and the pages it visits. Later page types (search,
 * agency, year, data) add themselves to `pageCases` so that every suite covers them.
 */
import { join } from 'node:path';
import { loadArchive } from '../../src/lib/archive.ts';
import { reportPath } from '../../src/lib/urls.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

export const E2E_DIR = join(PROJECT_ROOT, 'test-results/e2e');

export const SITES = {
  /** The project's own content, deployed under a subfolder. */
  real: { content: PROJECT_ROOT, base: '/archive/', dir: join(E2E_DIR, 'real') },
  /** test/fixtures/build-site: notices, blanks, hostile strings. */
  fixture: {
    content: join(PROJECT_ROOT, 'test/fixtures/build-site'),
    base: '/fixture/',
    dir: join(E2E_DIR, 'fixture'),
  },
} as const;
export type SiteName = keyof typeof SITES;

export type PageType = 'home' | 'report' | 'search';

export interface PageCase {
  readonly name: string;
  readonly type: PageType;
  readonly site: SiteName;
  /** URL path including the base. */
  readonly path: string;
  /** For report pages: `<agency>/<year>`. */
  readonly report?: string;
}

export function pageCases(): PageCase[] {
  const cases: PageCase[] = [];
  for (const [name, site] of Object.entries(SITES) as [SiteName, (typeof SITES)[SiteName]][]) {
    cases.push({ name: `${name}-home`, type: 'home', site: name, path: site.base });
    // The search page with results, filters open and a highlighted excerpt: its busiest state.
    cases.push({
      name: `${name}-search`,
      type: 'search',
      site: name,
      path: `${site.base}search/?q=${encodeURIComponent('保密审查制度')}&year=2020`,
    });
    for (const r of loadArchive(site.content).reports) {
      cases.push({
        name: `${name}-report-${r.agency.id}-${r.year}`,
        type: 'report',
        site: name,
        path: site.base + reportPath(r.agency.id, r.year).slice(1),
        report: r.id,
      });
    }
  }
  return cases;
}
