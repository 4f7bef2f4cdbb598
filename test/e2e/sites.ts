/**
 * The sites the browser suite builds and serves, and the pages it visits. Later page types (search,
 * agency, year, data) add themselves to `pageCases` so that every suite covers them.
 */
import { join } from 'node:path';
import { loadArchive } from '../../src/lib/content/archive.ts';
import { agencyPath, reportPath, yearPath } from '../../src/lib/site/urls.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

export const E2E_DIR = join(PROJECT_ROOT, 'test-results/e2e');

export const SITES = {
  /** The project's own content, deployed under a subfolder. */
  real: {
    content: PROJECT_ROOT,
    base: '/archive/',
    dir: join(E2E_DIR, 'real'),
    site: 'https://nianbao.example.org',
  },
  /** test/fixtures/build-site: notices, blanks, hostile strings. */
  fixture: {
    content: join(PROJECT_ROOT, 'test/fixtures/build-site'),
    base: '/fixture/',
    dir: join(E2E_DIR, 'fixture'),
    site: 'https://nianbao.example.org',
  },
} as const;
export type SiteName = keyof typeof SITES;

export type PageType =
  | 'home'
  | 'report'
  | 'agency'
  | 'year'
  | 'data'
  | 'not-found'
  | 'search'
  | 'guide'
  | 'years'
  | 'agencies';

export interface PageCase {
  readonly name: string;
  readonly type: PageType;
  readonly site: SiteName;
  /** URL path including the base. */
  readonly path: string;
  /** For report pages: `<agency>/<year>`. */
  readonly report?: string;
  /** For agency pages: the agency id. For year pages: the year. */
  readonly agency?: string;
  readonly year?: number;
}

export function pageCases(): PageCase[] {
  const cases: PageCase[] = [];
  for (const [name, site] of Object.entries(SITES) as [SiteName, (typeof SITES)[SiteName]][]) {
    const at = (path: string) => site.base + path.slice(1);
    cases.push({ name: `${name}-home`, type: 'home', site: name, path: site.base });
    // The search page with results, filters open and a highlighted excerpt: its busiest state.
    cases.push({
      name: `${name}-search`,
      type: 'search',
      site: name,
      path: `${site.base}search/?q=${encodeURIComponent('保密审查制度')}&year=2020`,
    });
    const { reports } = loadArchive(site.content);
    for (const agency of [...new Set(reports.map((r) => r.agency.id))].sort()) {
      cases.push({
        name: `${name}-agency-${agency}`,
        type: 'agency',
        site: name,
        path: at(agencyPath(agency)),
        agency,
      });
    }
    for (const year of [...new Set(reports.map((r) => r.year))].sort()) {
      const path = at(yearPath(year));
      cases.push({ name: `${name}-year-${year}`, type: 'year', site: name, path, year });
    }
    cases.push({ name: `${name}-data`, type: 'data', site: name, path: at('/data/') });
    cases.push({ name: `${name}-guide`, type: 'guide', site: name, path: at('/guide/') });
    cases.push({ name: `${name}-years`, type: 'years', site: name, path: at('/years/') });
    cases.push({ name: `${name}-agencies`, type: 'agencies', site: name, path: at('/agencies/') });
    cases.push({ name: `${name}-404`, type: 'not-found', site: name, path: at('/404.html') });
    for (const r of reports) {
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
