/**
 * What the search index knows about a report or an agency besides its text: the filter values and
 * the result metadata written into the page as data-* attributes, which Pagefind reads at build
 * time. What stays out of the index is marked in the markup itself (`data-pagefind-ignore`).
 */
import { AGENCY_KINDS, AGENCY_LEVELS, KIND_LABELS, LEVEL_LABELS } from '../content/agencies.ts';
import { compareText } from '../content/problems.ts';
import type { ReportBase } from '../content/archive.ts';
import type { Agency } from '../content/agencies.ts';
import { formatDate, templateLabel } from './report-view.ts';
import {
  AGENCY_FILTER,
  AGENCY_FILTER_VALUE,
  AGENCY_RESULT_TYPE,
  SEARCH_FILTERS,
  SORT_KEY,
  type FilterParam,
} from './search.ts';

/** The values of every filter for one report, as the reader sees them. */
export function filterValues(report: ReportBase): Record<FilterParam, string> {
  return {
    year: String(report.year),
    agency: report.agency.name,
    level: LEVEL_LABELS[report.agency.level],
    kind: KIND_LABELS[report.agency.kind],
    template: templateLabel(report).short,
  };
}

/**
 * Attributes for the report's indexed element. Values are captured from attributes
 * (`name[data-x]`) rather than written inline (`name:value`), so that no agency name or title can
 * break Pagefind's comma-separated syntax.
 */
export function searchAttributes(report: ReportBase): Record<string, string> {
  const values = filterValues(report);
  const attrs: Record<string, string> = {};
  for (const f of SEARCH_FILTERS) attrs[`data-search-${f.param}`] = values[f.param];
  attrs['data-pagefind-filter'] = SEARCH_FILTERS.map(
    (f) => `${f.name}[data-search-${f.param}]`,
  ).join(', ');
  const meta = ['agency[data-search-agency]', 'year[data-search-year]'];
  if (report.frontmatter.published) {
    attrs['data-search-published'] = formatDate(report.frontmatter.published);
    meta.push('published[data-search-published]');
  }
  attrs['data-pagefind-meta'] = meta.join(', ');
  attrs['data-pagefind-sort'] = `${SORT_KEY}[data-search-year]`;
  return attrs;
}

/**
 * Attributes for an agency page's indexed element, so that a search for a place or an agency name
 * (上海) finds the agency itself. It carries the filters an agency has (机构, 层级, 类型) and none of
 * a report's (年份, 模板版本): a search narrowed by year lists reports only. `type` tells the
 * search page to show it as an agency, not a report.
 */
export function agencySearchAttributes(agency: Agency): Record<string, string> {
  const values: Partial<Record<FilterParam, string>> = {
    agency: agency.name,
    level: LEVEL_LABELS[agency.level],
    kind: KIND_LABELS[agency.kind],
  };
  const attrs: Record<string, string> = {};
  const filters: string[] = [];
  for (const f of SEARCH_FILTERS) {
    const v = values[f.param];
    if (v === undefined) continue;
    attrs[`data-search-${f.param}`] = v;
    filters.push(`${f.name}[data-search-${f.param}]`);
  }
  filters.push(`${AGENCY_FILTER}:${AGENCY_FILTER_VALUE}`);
  attrs['data-pagefind-filter'] = filters.join(', ');
  attrs['data-search-type'] = AGENCY_RESULT_TYPE;
  attrs['data-pagefind-meta'] = 'agency[data-search-agency], type[data-search-type]';
  return attrs;
}

/** Every value each filter takes in the archive, in the order the search page lists them. */
export function filterOptions(
  reports: readonly ReportBase[],
): Record<FilterParam, { value: string; reports: number }[]> {
  const counts = {} as Record<FilterParam, Map<string, number>>;
  for (const f of SEARCH_FILTERS) counts[f.param] = new Map();
  for (const r of reports) {
    const values = filterValues(r);
    for (const f of SEARCH_FILTERS)
      counts[f.param].set(values[f.param], (counts[f.param].get(values[f.param]) ?? 0) + 1);
  }
  const rank = (order: readonly string[]) => (v: string) => order.indexOf(v);
  const orders: Record<FilterParam, (a: string, b: string) => number> = {
    year: (a, b) => Number(b) - Number(a),
    agency: compareText,
    level: byRank(rank(AGENCY_LEVELS.map((l) => LEVEL_LABELS[l]))),
    kind: byRank(rank(AGENCY_KINDS.map((k) => KIND_LABELS[k]))),
    template: compareText,
  };
  const out = {} as Record<FilterParam, { value: string; reports: number }[]>;
  for (const f of SEARCH_FILTERS)
    out[f.param] = [...counts[f.param]]
      .sort(([a], [b]) => orders[f.param](a, b))
      .map(([value, n]) => ({ value, reports: n }));
  return out;
}

function byRank(rank: (v: string) => number) {
  return (a: string, b: string) => rank(a) - rank(b);
}
