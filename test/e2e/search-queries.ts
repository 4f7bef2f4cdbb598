/**
 * Chinese search quality, as data: each row is a query a reader types on a site's search page and
 * the reports that must come back. Adding a query for a new report is one line.
 *
 * `first`: report ids (`<agency>/<year>`) that must fill the first places, in any order among
 * themselves (reports with identical prose tie). `count`: the exact number of results, when the
 * query must not match more (0: the query must find nothing).
 */
import type { SiteName } from './sites.ts';

export interface SearchQueryCase {
  readonly site: SiteName;
  readonly query: string;
  readonly first: readonly string[];
  readonly count?: number;
}

const row = (site: SiteName, query: string, first: string[], count?: number): SearchQueryCase => ({
  site,
  query,
  first,
  ...(count === undefined ? {} : { count }),
});

// prettier-ignore
export const SEARCH_QUERIES: readonly SearchQueryCase[] = [
  // The project's own archive: the seed report (the importer's reports add one row each).
  row('real', '保密审查制度', ['jiyuan-gongan/2020']), // long phrase from the prose
  row('real', '复议', ['jiyuan-gongan/2020']), // two characters, in table labels
  row('real', '济源示范区公安局', ['jiyuan-gongan/2020']), // agency name
  row('real', '2020年', ['jiyuan-gongan/2020']), // digits and a character
  row('real', '区块链', [], 0), // no report contains it
  // The fixture site: three reports, two agencies, the same prose in two years.
  row('fixture', '保密审查制度', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2),
  row('fixture', '发展和改革局', ['fixture-county-fgj/2023'], 1), // agency name, one report
  row('fixture', '尖括号', ['fixture-county-fgj/2023'], 1), // hostile prose stays text
  row('fixture', '政策解读', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2), // section 五
  row('fixture', '复议', [], 3), // a table label in every report
  row('fixture', '量子计算', [], 0), // must find nothing
];
