/**
 * Chinese search quality, as data: each row is a query a reader types on a site's search page and
 * the reports that must come back. Adding a query for a new report is one line.
 *
 * `first`: report ids (`<agency>/<year>`) that must fill the first places, in any order among
 * themselves (reports with identical prose tie). Results are grouped: agency pages first, then
 * reports by year, newest first (the test also checks that order). `count`: the exact number of results, when the
 * query must not match more (0: the query must find nothing). Agency pages are `agency:<id>`.
 * `as`: what the page says the query was searched as (traditional characters, agency short forms).
 */
import type { SiteName } from './sites.ts';

export interface SearchQueryCase {
  readonly site: SiteName;
  readonly query: string;
  readonly first: readonly string[];
  readonly count?: number;
  readonly as?: string;
}

const row = (
  site: SiteName,
  query: string,
  first: string[],
  count?: number,
  as?: string,
): SearchQueryCase => ({
  site,
  query,
  first,
  ...(count === undefined ? {} : { count }),
  ...(as === undefined ? {} : { as }),
});

// prettier-ignore
export const SEARCH_QUERIES: readonly SearchQueryCase[] = [
  // The project's own archive: the seed report and the four imported corpus reports.
  row('real', '保密审查制度', ['jiyuan-gongan/2020'], 1), // long phrase from the prose
  // Two characters, in the prose of every report (tables are not indexed, so only the prose
  // counts). Results come grouped by year, newest first: 上海 2025 first.
  row('real', '复议', ['shanghai-shizhengfu-bangongting/2025'], 5),
  row('real', '復議', ['shanghai-shizhengfu-bangongting/2025'], 5, '复议'), // traditional characters
  row('real', '济源示范区公安局', ['jiyuan-gongan/2020', 'agency:jiyuan-gongan'], 2), // agency name: its report and its page
  row('real', '沭阳县发展和改革局', ['shuyangxian-fagaiju/2023', 'agency:shuyangxian-fagaiju'], 2), // agency name
  row('real', '发改局', ['shuyangxian-fagaiju/2023', 'agency:shuyangxian-fagaiju'], 2, '发展和改革局'), // short form
  row('real', '沭陽縣發改局', ['shuyangxian-fagaiju/2023', 'agency:shuyangxian-fagaiju'], 2, '沭阳县发展和改革局'), // both at once
  row('real', '住建局', [], 0, '住房和城乡建设局'), // short form, no such agency in the archive
  row('real', '人社局', [], 0, '人力资源和社会保障局'), // short form, no such agency in the archive
  row('real', '上海市人民政府办公厅', ['shanghai-shizhengfu-bangongting/2019', 'shanghai-shizhengfu-bangongting/2025', 'agency:shanghai-shizhengfu-bangongting'], 3), // one agency, two template versions
  row('real', '上海', ['agency:shanghai-shizhengfu-bangongting'], 3), // a place: the agency's short page first, then its reports
  row('real', '2020年', ['jiyuan-gongan/2020']), // digits and a character
  row('real', '一网通办', ['shanghai-shizhengfu-bangongting/2019'], 1), // phrase in one report's prose
  row('real', '政务新媒体', ['shanghai-shizhengfu-bangongting/2025', 'huaianshi-zhengfu/2024'], 3), // newest years first
  row('real', '区块链', [], 0), // no report contains it
  // The fixture site: three reports, two agencies, the same prose in two years.
  row('fixture', '保密审查制度', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2),
  row('fixture', '发展和改革局', ['fixture-county-fgj/2023', 'agency:fixture-county-fgj'], 2), // agency name, one report
  row('fixture', '尖括号', ['fixture-county-fgj/2023'], 1), // hostile prose stays text
  row('fixture', '政策解读', ['fixture-city-gov/2020', 'fixture-city-gov/2021'], 2), // section 五
  row('fixture', '复议', [], 3), // in a heading of every report (section 四)
  row('fixture', '量子计算', [], 0), // must find nothing
];
