/**
 * Query normalisation: what a reader types is searched in the characters and words the reports
 * print. Expected values are written out by hand (independent of the generated table).
 */
import { describe, expect, it } from 'vitest';
import { AGENCY_SHORT_FORMS } from '../../src/lib/site/agency-short-forms.ts';
import {
  expandShortForms,
  normaliseQuery,
  toSimplified,
} from '../../src/lib/site/query-normalise.ts';
import { queryTerms, searchedAs } from '../../src/lib/site/search.ts';
import { T2S_FROM, T2S_TO } from '../../src/lib/site/t2s-table.ts';

describe('traditional → simplified', () => {
  it('turns the traditional forms of report words into the simplified ones', () => {
    expect(toSimplified('復議')).toBe('复议');
    expect(toSimplified('行政訴訟')).toBe('行政诉讼');
    expect(toSimplified('政府資訊公開')).toBe('政府资讯公开');
    expect(toSimplified('沭陽縣')).toBe('沭阳县');
  });
  it('leaves simplified text, digits and Latin letters as they are', () => {
    expect(toSimplified('复议 2020年 PDF')).toBe('复议 2020年 PDF');
  });
  it('is a one-to-one character table', () => {
    expect([...T2S_FROM]).toHaveLength([...T2S_TO].length);
    expect(new Set(T2S_FROM).size).toBe([...T2S_FROM].length);
  });
});

describe('agency short forms', () => {
  it('expands short forms inside a longer name', () => {
    expect(expandShortForms('沭阳县发改局')).toBe('沭阳县发展和改革局');
    expect(expandShortForms('人社局')).toBe('人力资源和社会保障局');
    expect(expandShortForms('住建局')).toBe('住房和城乡建设局');
    expect(expandShortForms('市场监管局')).toBe('市场监督管理局');
  });
  it('leaves full names alone', () => {
    expect(expandShortForms('发展和改革局')).toBe('发展和改革局');
    for (const full of Object.values(AGENCY_SHORT_FORMS)) expect(expandShortForms(full)).toBe(full);
  });
  it('applies after simplification, so a traditional short form expands too', () => {
    expect(normaliseQuery('發改局')).toBe('发展和改革局');
  });
});

describe('the query as searched', () => {
  it('splits the normalised query into words', () => {
    expect(queryTerms('復議 人社局')).toEqual(['复议', '人力资源和社会保障局']);
  });
  it('says what a query was searched as only when it changed', () => {
    expect(searchedAs('復議')).toBe('复议');
    expect(searchedAs('复议')).toBe('');
  });
});
