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
  // The project's own archive: the seed report and the four imported corpus reports.
  row('real', '保密审查制度', ['jiyuan-gongan/2020'], 1), // long phrase from the prose
  // Two characters, in the table labels of every report. Pagefind's ranking favours short texts:
  // 上海 2019 (three mentions in its prose) comes first, 上海 2025 (four, in a longer text) does not.
  row('real', '复议', ['shanghai-shizhengfu-bangongting/2019'], 5),
  row('real', '济源示范区公安局', ['jiyuan-gongan/2020'], 1), // agency name
  row('real', '沭阳县发展和改革局', ['shuyangxian-fagaiju/2023'], 1), // agency name
  row('real', '上海市人民政府办公厅', ['shanghai-shizhengfu-bangongting/2019', 'shanghai-shizhengfu-bangongting/2025'], 2), // one agency, two template versions
  row('real', '2020年', ['jiyuan-gongan/2020']), // digits and a character
  row('real', '一网通办', ['shanghai-shizhengfu-bangongting/2019'], 1), // phrase in one report's prose
  row('real', '政务新媒体', ['huaianshi-zhengfu/2024'], 3), // six times in 淮安, fewer elsewhere
  row('real', '区块链', [], 0), // no report contains it
  // The fixture site: three reports, two agencies, the same prose in two years.
  row('fixture', '保密审查制度', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2),
  row('fixture', '发展和改革局', ['fixture-county-fgj/2023'], 1), // agency name, one report
  row('fixture', '尖括号', ['fixture-county-fgj/2023'], 1), // hostile prose stays text
  row('fixture', '政策解读', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2), // section 五
  row('fixture', '复议', [], 3), // a table label in every report
  row('fixture', '量子计算', [], 0), // must find nothing
];
