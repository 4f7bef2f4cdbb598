/**
 * Query normalisation: what a reader types is searched in the characters and words the reports
 * print. Expected values are written out by hand (independent of the generated table).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_SHORT_FORMS } from '../../src/lib/site/agency-short-forms.ts';
import {
  ensureT2s,
  expandShortForms,
  needsT2s,
  normaliseQuery,
  toSimplified,
} from '../../src/lib/site/query-normalise.ts';
import { queryTerms, searchedAs } from '../../src/lib/site/search.ts';
import * as pairs from '../../src/lib/site/t2s-table.ts';
import { T2S_FROM, T2S_TO } from '../../src/lib/site/t2s-table.ts';

// First in this file: the module's table is not loaded yet (vitest gives each file its own modules).
describe('before the traditional → simplified table is loaded', () => {
  it('searches simplified queries as they are, without the table', () => {
    expect(toSimplified('保密审查 2020年 PDF')).toBe('保密审查 2020年 PDF');
    expect(normaliseQuery('沭阳县发改局')).toBe('沭阳县发展和改革局');
    expect(queryTerms('先审查、后公开')).toEqual(['先审查', '后公开']);
    expect(searchedAs('复议')).toBe('');
  });
  it('refuses to search a traditional character unconverted', () => {
    expect(() => toSimplified('復議')).toThrow(/not loaded/);
    expect(() => queryTerms('行政 復議')).toThrow(/not loaded/);
  });
  it('does not load the table for a simplified query', async () => {
    let calls = 0;
    await ensureT2s('行政复议 国务院 2020年', async () => {
      calls++;
      return pairs;
    });
    expect(calls).toBe(0);
  });
  it('forgets a failed load, so that the next query tries again', async () => {
    await expect(ensureT2s('復議', () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );
    expect(() => toSimplified('復議')).toThrow(/not loaded/);
  });
  // Last in this describe: the table stays loaded for the rest of the file.
  it('loads the table once, however many queries need it', async () => {
    let calls = 0;
    const counted = async () => {
      calls++;
      return pairs;
    };
    await Promise.all([ensureT2s('復', counted), ensureT2s('復議', counted)]);
    await ensureT2s('國務院', counted);
    expect(calls).toBe(1);
    expect(toSimplified('國務院')).toBe('国务院');
  });
});

describe('which characters need the table', () => {
  const from = new Set(T2S_FROM);
  it('is every character of T2S_FROM and no other code point of the BMP', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogates: not characters on their own
      const c = String.fromCodePoint(cp);
      if (needsT2s(c) !== from.has(c)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
  it('rejects the simplified forms the table maps to', () => {
    const simplifiedOnly = [...T2S_TO].filter((c) => !from.has(c));
    expect(simplifiedOnly.length).toBeGreaterThan(2000);
    expect(simplifiedOnly.filter((c) => needsT2s(c))).toEqual([]);
  });
  it('finds a traditional character anywhere in a query', () => {
    expect(needsT2s('復議')).toBe(true);
    expect(needsT2s('国务院')).toBe(false);
    expect(needsT2s('國务院')).toBe(true);
    expect(needsT2s('行政复议 2020年 PDF 審')).toBe(true);
    expect(needsT2s('保密审查')).toBe(false);
    expect(needsT2s('')).toBe(false);
    expect(needsT2s('𠀀😀')).toBe(false); // astral characters are never in the table
  });
});

describe('traditional → simplified', () => {
  beforeAll(() => ensureT2s('復議'));
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
  beforeAll(() => ensureT2s('發'));
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
  beforeAll(() => ensureT2s('復'));
  it('splits the normalised query into words', () => {
    expect(queryTerms('復議 人社局')).toEqual(['复议', '人力资源和社会保障局']);
  });
  it('says what a query was searched as only when it changed', () => {
    expect(searchedAs('復議')).toBe('复议');
    expect(searchedAs('复议')).toBe('');
  });
});
