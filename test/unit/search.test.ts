import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/content/archive.ts';
import {
  excerptParts,
  exactPhrase,
  isBlank,
  pagefindQuery,
  parseSearchParams,
  queryTerms,
  reportIdFromUrl,
  toSearchParams,
} from '../../src/lib/site/search.ts';
import { filterOptions, filterValues, searchAttributes } from '../../src/lib/site/search-fields.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';

const state = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('search state in the URL', () => {
  it('reads the query, filters and sort, trimming and deduplicating', () => {
    expect(
      state('q=+保密审查制度+&year=2021&year=2020&year=2021&agency=示例市人民政府&sort=year-asc'),
    ).toEqual({
      q: '保密审查制度',
      filters: {
        year: ['2020', '2021'],
        agency: ['示例市人民政府'],
        level: [],
        kind: [],
        template: [],
      },
      sort: 'year-asc',
    });
  });

  it('ignores an unknown sort and empty values', () => {
    expect(state('sort=random&year=&q=')).toEqual({
      q: '',
      filters: { year: [], agency: [], level: [], kind: [], template: [] },
      sort: '',
    });
    expect(isBlank(state('sort=year-desc'))).toBe(true);
    expect(isBlank(state('level=县级'))).toBe(false);
  });

  it('writes a canonical query string that reads back to the same state', () => {
    const s = state('sort=year-desc&year=2021&q=复议&year=2020&level=县级');
    expect(toSearchParams(s).toString()).toBe(
      'q=%E5%A4%8D%E8%AE%AE&year=2020&year=2021&level=%E5%8E%BF%E7%BA%A7&sort=year-desc',
    );
    expect(parseSearchParams(toSearchParams(s))).toEqual(s);
    expect(toSearchParams(state('')).toString()).toBe('');
  });

  it('cuts an overlong query at 200 characters', () => {
    expect(state(`q=${'复'.repeat(300)}`).q).toHaveLength(200);
  });
});

describe('queries for Pagefind', () => {
  it('splits a query into words at spaces and punctuation', () => {
    expect(queryTerms('保密审查制度')).toEqual(['保密审查制度']);
    expect(queryTerms(' 公安局  复议 ')).toEqual(['公安局', '复议']);
    expect(queryTerms('先审查、后公开')).toEqual(['先审查', '后公开']);
    expect(queryTerms('“五公开”，2020年')).toEqual(['五公开', '2020年']);
    expect(queryTerms('PDF pdf')).toEqual(['pdf']);
    expect(queryTerms('，。')).toEqual([]);
    expect(exactPhrase('保密审查')).toBe('"保密审查"');
  });

  it('widens within a filter, narrows across filters, and sorts by year on request', () => {
    expect(
      pagefindQuery(state('q=复议 公安局&year=2020&year=2021&kind=政府部门&sort=year-asc')),
    ).toEqual({
      term: '复议 公安局',
      options: {
        filters: { 年份: { any: ['2020', '2021'] }, 类型: { any: ['政府部门'] } },
        sort: { year: 'asc' },
      },
    });
    expect(pagefindQuery(state('q=复议'))).toEqual({ term: '复议', options: { filters: {} } });
  });

  it('lists filtered reports newest first when no words are given', () => {
    expect(pagefindQuery(state('level=县级'))).toEqual({
      term: null,
      options: { filters: { 层级: { any: ['县级'] } }, sort: { year: 'desc' } },
    });
  });
});

describe('excerpts', () => {
  it('keeps the marked words and decodes escaped text without parsing it as HTML', () => {
    expect(
      excerptParts(
        '坚持<mark>保密</mark><mark>审查</mark>制度，&lt;script&gt;alert(1)&lt;/script&gt; &amp; “先审查”',
      ),
    ).toEqual([
      { text: '坚持', marked: false },
      { text: '保密审查', marked: true },
      { text: '制度，<script>alert(1)</script> & “先审查”', marked: false },
    ]);
    expect(excerptParts('')).toEqual([]);
  });

  it('reads the report id from a result URL under any base', () => {
    expect(reportIdFromUrl('/archive/reports/jiyuan-gongan/2020/')).toBe('jiyuan-gongan/2020');
    expect(reportIdFromUrl('/reports/fixture-city-gov/2021/#consistency')).toBe(
      'fixture-city-gov/2021',
    );
    expect(reportIdFromUrl('/archive/search/')).toBeNull();
  });
});

describe('what the index knows about a report', () => {
  const archive = loadArchive(join(PROJECT_ROOT, 'test/fixtures/build-site'));
  const report = (id: string) => archive.reports.find((r) => r.id === id)!;

  it('gives each report its filter values as the reader sees them', () => {
    expect(filterValues(report('fixture-county-fgj/2023'))).toEqual({
      year: '2023',
      agency: '示例县发展和改革局',
      level: '县级',
      kind: '政府部门',
      template: '2021 年版',
    });
  });

  it('writes filters, metadata and the sort key as attributes Pagefind captures', () => {
    expect(searchAttributes(report('fixture-city-gov/2020'))).toEqual({
      'data-search-year': '2020',
      'data-search-agency': '示例市人民政府',
      'data-search-level': '地市级',
      'data-search-kind': '人民政府及其办公厅（室）',
      'data-search-template': '2019 年版',
      'data-search-published': '2021年3月30日',
      'data-pagefind-filter':
        '年份[data-search-year], 机构[data-search-agency], 层级[data-search-level], 类型[data-search-kind], 模板版本[data-search-template]',
      'data-pagefind-meta':
        'agency[data-search-agency], year[data-search-year], published[data-search-published]',
      'data-pagefind-sort': 'year[data-search-year]',
    });
  });

  it('lists every filter value once, years newest first, levels from central down', () => {
    expect(filterOptions(archive.reports)).toEqual({
      year: [
        { value: '2023', reports: 1 },
        { value: '2021', reports: 1 },
        { value: '2020', reports: 1 },
      ],
      agency: [
        { value: '示例县发展和改革局', reports: 1 },
        { value: '示例市人民政府', reports: 2 },
      ],
      level: [
        { value: '地市级', reports: 2 },
        { value: '县级', reports: 1 },
      ],
      kind: [
        { value: '人民政府及其办公厅（室）', reports: 2 },
        { value: '政府部门', reports: 1 },
      ],
      template: [
        { value: '2019 年版', reports: 1 },
        { value: '2021 年版', reports: 2 },
      ],
    });
  });
});
